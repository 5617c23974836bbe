import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { DEMO_PASSWORD } from "../../src/server/demo/demo-accounts";
import { collectConsoleErrors, expectNoAxeViolations, launchBrowser, screenshot } from "./support/browser";
import { type BridgewayServer, startBridgeway } from "./support/server";

/** Browser journeys against a real server process: embedded database, demo program, built web app. */

let server: BridgewayServer | undefined;
let browser: Browser | undefined;

before(async () => {
  server = await startBridgeway();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  const code = await server?.stop();
  assert.equal(code, 0, `the server exits 0 after SIGTERM (graceful shutdown):\n${server?.output()}`);
});

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** A fresh context (cookies, storage) per journey. bypassCSP only lets the test inject axe-core. */
async function openPage(viewport = DESKTOP): Promise<{ page: Page; consoleErrors: string[] }> {
  const context = await browser!.newContext({
    viewport,
    baseURL: server!.url,
    locale: "en-US",
    colorScheme: "light",
    bypassCSP: true,
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  return { page, consoleErrors: collectConsoleErrors(page) };
}

async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

describe("counselor", () => {
  it("signs in after a wrong password, sees the program at a glance in light, dark and Spanish, and signs out", async () => {
    const { page, consoleErrors } = await openPage();
    await page.goto("/");
    await page.waitForURL("**/sign-in");
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await page.getByText("Demo data — all people are fictional").waitFor();
    await expectNoAxeViolations(page, "sign-in");

    const email = "counselor@demo.bridgeway.example";
    await submitSignIn(page, email, "not the password");
    await page.getByRole("alert").filter({ hasText: "Email or password is incorrect." }).waitFor();
    assert.equal(await page.getByLabel("Email").inputValue(), email, "the typed email is kept");
    await expectNoAxeViolations(page, "sign-in with the credentials error");
    await screenshot(page, "sign-in-error");

    await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/staff");
    await page.getByRole("heading", { name: "Program at a glance" }).waitFor();
    assert.ok(await page.getByText("Jordan Alvarez").isVisible(), "the shell shows the counselor's name");
    const currentCard = page.getByText("Current participants", { exact: true }).locator("..");
    const current = Number((await currentCard.textContent())?.replace(/\D/g, ""));
    assert.ok(current > 0, `the demo census shows current participants (got ${current})`);
    await expectNoAxeViolations(page, "staff home (light)");
    await screenshot(page, "staff-home-light");

    await page.getByRole("button", { name: "Switch between light and dark theme" }).click();
    await page.waitForFunction(
      () => document.documentElement.getAttribute("data-mantine-color-scheme") === "dark",
    );
    await expectNoAxeViolations(page, "staff home (dark)");
    await screenshot(page, "staff-home-dark");

    await page.getByRole("radiogroup", { name: "Language" }).getByText("Español").click();
    await page.getByRole("heading", { name: "El programa de un vistazo" }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), "es");
    await expectNoAxeViolations(page, "staff home (Spanish, dark)");
    await screenshot(page, "staff-home-dark-es");

    await page.getByRole("button", { name: /Menú de la cuenta: Jordan Alvarez/ }).click();
    await page.getByRole("menuitem", { name: "Cerrar sesión" }).click();
    await page.waitForURL("**/sign-in");
    await page.goto("/staff");
    await page.waitForURL(/\/sign-in\?next=%2Fstaff$/);
    await page.getByRole("heading", { name: "Iniciar sesión" }).waitFor();

    // The one console error expected is the browser's note about the deliberately wrong password (401).
    assert.deepEqual(
      consoleErrors.filter((e) => !e.includes("status of 401")),
      [],
    );
    await page.context().close();
  });
});

describe("participant", () => {
  it("signs in on a phone, finds crisis help at once, and signs out", async () => {
    const { page, consoleErrors } = await openPage(PHONE);
    await page.goto("/me");
    await page.waitForURL(/\/sign-in\?next=%2Fme$/);
    await submitSignIn(page, "participant@demo.bridgeway.example", DEMO_PASSWORD);
    await page.waitForURL("**/me");
    await page.getByRole("heading", { name: "Hello, Casey" }).waitFor();
    const crisis = page.getByRole("region", { name: "Get help now" });
    const call988 = crisis.getByRole("link", { name: "Call 988" });
    assert.ok(await call988.isVisible(), "Call 988 is visible without scrolling");
    assert.equal(await call988.getAttribute("href"), "tel:988");
    assert.equal(await crisis.getByRole("link", { name: "Text 988" }).getAttribute("href"), "sms:988");
    await expectNoAxeViolations(page, "participant home");
    await screenshot(page, "participant-home");

    await page.goto("/staff");
    await page.waitForURL("**/me");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL("**/sign-in");
    await page.goto("/me");
    await page.waitForURL(/\/sign-in\?next=%2Fme$/);
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });
});

describe("family member", () => {
  it("signs in to their own area", async () => {
    const { page, consoleErrors } = await openPage(PHONE);
    await page.goto("/sign-in");
    await submitSignIn(page, "family@demo.bridgeway.example", DEMO_PASSWORD);
    await page.waitForURL("**/family");
    await page.getByRole("heading", { name: "Hello, Dana" }).waitFor();
    await expectNoAxeViolations(page, "family home");
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });
});

describe("addresses that do not exist", () => {
  it("shows the not-found page for an unknown page and a JSON 404 for an unknown API route", async () => {
    const { page, consoleErrors } = await openPage();
    await page.goto("/no/such/page");
    await page.getByRole("heading", { name: "Page not found" }).waitFor();
    await expectNoAxeViolations(page, "not found");
    await screenshot(page, "not-found");

    const api = await page.request.get("/api/v1/nope");
    assert.equal(api.status(), 404);
    assert.match(api.headers()["content-type"] ?? "", /^application\/json/);
    assert.equal((await api.json()).error.code, "ROUTE_NOT_FOUND");
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });
});
