import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { DEMO_PASSWORD } from "../../src/server/demo/demo-accounts";
import { type ServerProcess, startServerProcess } from "../support/cli";
import { collectConsoleErrors, expectNoAxeViolations, launchBrowser, screenshot } from "./support/browser";

/** Browser journeys against a real server (real process, embedded database, demo program). */

let server: ServerProcess;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let dataDir: string;

before(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bw-e2e-"));
  server = await startServerProcess({ DATA_DIR: dataDir, DEMO: "true" }, 120_000);
  ({ browser, close: closeBrowser } = await launchBrowser());
});

after(async () => {
  await closeBrowser?.();
  const code = await server?.stop("SIGTERM");
  fs.rmSync(dataDir, { recursive: true, force: true });
  assert.equal(code, 0, "the server shuts down cleanly on SIGTERM");
});

async function newPage(viewport = { width: 1280, height: 800 }): Promise<{ page: Page; errors: string[] }> {
  // bypassCSP lets the test inject axe-core; the app itself runs under its strict CSP.
  const context = await browser.newContext({
    viewport,
    baseURL: server.url,
    locale: "en-US",
    colorScheme: "light",
    bypassCSP: true,
  });
  const page = await context.newPage();
  return { page, errors: collectConsoleErrors(page) };
}

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

describe("staff member", () => {
  it("signs in, sees the program at a glance in light and dark, switches to Spanish and signs out", async () => {
    const { page, errors } = await newPage();
    await page.goto("/");
    await page.waitForURL("**/sign-in");
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await page.getByText("Demo data — all people are fictional").waitFor();
    await expectNoAxeViolations(page, "sign-in");

    await signIn(page, "counselor@demo.bridgeway.example", "not the password");
    await page.getByRole("alert").filter({ hasText: "Email or password is incorrect." }).waitFor();
    assert.equal(await page.getByLabel("Email").inputValue(), "counselor@demo.bridgeway.example");

    await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/staff");
    await page.getByRole("heading", { name: "Program at a glance" }).waitFor();
    const current = page
      .getByText("Current participants", { exact: true })
      .locator("xpath=following-sibling::*[1]");
    assert.ok(
      Number((await current.textContent())?.replace(/,/g, "")) > 0,
      "demo census shows current participants",
    );
    assert.ok(await page.getByText("Jordan Alvarez").isVisible());
    await expectNoAxeViolations(page, "staff home (light)");
    await screenshot(page, "staff-home-light");

    await page.getByRole("button", { name: "Switch between light and dark theme" }).click();
    await page.waitForFunction(
      () => document.documentElement.getAttribute("data-mantine-color-scheme") === "dark",
    );
    await expectNoAxeViolations(page, "staff home (dark)");
    await screenshot(page, "staff-home-dark");

    await page.getByText("Español", { exact: true }).click();
    await page.getByRole("heading", { name: "El programa de un vistazo" }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), "es");
    await expectNoAxeViolations(page, "staff home (Spanish)");

    await page.getByRole("button", { name: /Menú de la cuenta: Jordan Alvarez/ }).click();
    await page.getByRole("menuitem", { name: "Cerrar sesión" }).click();
    await page.waitForURL("**/sign-in");
    await page.goto("/staff");
    await page.waitForURL(/\/sign-in\?next=%2Fstaff$/);
    // The only console error allowed is the browser's own note about the deliberately wrong password (401).
    assert.deepEqual(
      errors.filter((e) => !e.includes("status of 401")),
      [],
    );
    await page.context().close();
  });
});

describe("participant", () => {
  it("signs in on a phone, finds crisis help at once, and signs out", async () => {
    const { page, errors } = await newPage({ width: 390, height: 844 });
    await page.goto("/me");
    await page.waitForURL(/\/sign-in\?next=%2Fme$/);
    await signIn(page, "participant@demo.bridgeway.example", DEMO_PASSWORD);
    await page.waitForURL("**/me");
    await page.getByRole("heading", { name: "Hello, Casey" }).waitFor();
    const call988 = page.getByRole("link", { name: "Call 988" });
    assert.equal(await call988.getAttribute("href"), "tel:988");
    assert.ok(await call988.isVisible());
    await expectNoAxeViolations(page, "participant home");
    await screenshot(page, "participant-home");

    await page.goto("/staff");
    await page.waitForURL("**/me");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL("**/sign-in");
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});

describe("family member", () => {
  it("sees their own area with what the participant chose to share", async () => {
    const { page, errors } = await newPage({ width: 390, height: 844 });
    await page.goto("/sign-in");
    await signIn(page, "family@demo.bridgeway.example", DEMO_PASSWORD);
    await page.waitForURL("**/family");
    await page.getByRole("heading", { name: "Hello, Dana" }).waitFor();
    await expectNoAxeViolations(page, "family home");
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});

describe("addresses that do not exist", () => {
  it("shows a not-found page for an unknown page and a JSON 404 for an unknown API route", async () => {
    const { page } = await newPage();
    await page.goto("/no/such/page");
    await page.getByRole("heading", { name: "Page not found" }).waitFor();
    await expectNoAxeViolations(page, "not found");
    const api = await page.request.get("/api/v1/nope");
    assert.equal(api.status(), 404);
    assert.equal((await api.json()).error.code, "ROUTE_NOT_FOUND");
    await page.context().close();
  });
});
