import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { DEMO_PASSWORD } from "../../src/server/demo/demo-accounts";
import { collectConsoleErrors, expectNoAxeViolations, launchBrowser, screenshot } from "./support/browser";
import { type BridgewayServer, startBridgeway } from "./support/server";

/**
 * The curriculum library with the demo counselor: Curriculum in the navigation lists the shipped
 * modules, a search narrows them, a module reads with its goals, timed outline and handout (with a
 * print button), the editor opens with both languages side by side, and on a phone the library reads
 * in Spanish. Every page passes axe; no console errors.
 */

let server: BridgewayServer | undefined;
let browser: Browser | undefined;

before(async () => {
  server = await startBridgeway();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  const code = await server?.stop();
  assert.equal(code, 0, `the server exits 0 after SIGTERM:\n${server?.output()}`);
});

const DESKTOP = { width: 1280, height: 860 };
const PHONE = { width: 390, height: 844 };

async function openPage(viewport: { width: number; height: number }) {
  const context = await browser!.newContext({
    viewport,
    baseURL: server!.url,
    locale: "en-US",
    colorScheme: "light",
    bypassCSP: true,
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  return { page, consoleErrors: collectConsoleErrors(page) };
}

async function signIn(page: Page): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel(/^Email/).fill("counselor@demo.bridgeway.example");
  await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL("**/staff");
}

describe("the curriculum library", () => {
  it("a counselor finds a module, reads its outline and handout, and opens the editor", async () => {
    const { page, consoleErrors } = await openPage(DESKTOP);
    await signIn(page);
    await page.getByRole("navigation").getByRole("link", { name: "Curriculum" }).click();
    await page.waitForURL("**/staff/curriculum");
    await page.getByRole("heading", { level: 1, name: "Curriculum" }).waitFor();
    await page.getByText(/^\d+ modules$/).waitFor();
    const shown = Number((await page.getByText(/^\d+ modules$/).textContent())?.split(" ")[0]);
    assert.ok(shown >= 24, `the library ships at least 24 modules (shows ${shown})`);
    await expectNoAxeViolations(page, "curriculum library");
    await screenshot(page, "curriculum-library");

    await page.getByLabel("Search by title").fill("urge");
    await page.getByText("1 module", { exact: true }).waitFor();
    await page.getByRole("link", { name: "Cravings and Urge Surfing" }).click();
    await page.waitForURL("**/staff/curriculum/cravings-urge-surfing");
    await page.getByRole("heading", { level: 1, name: "Cravings and Urge Surfing" }).waitFor();
    await page.getByRole("heading", { name: "Goals" }).waitFor();
    await page.getByRole("heading", { name: "Session outline" }).waitFor();
    await page.getByRole("button", { name: "Print handout" }).waitFor();
    await expectNoAxeViolations(page, "curriculum module");
    await screenshot(page, "curriculum-module");

    await page
      .getByRole("link", { name: "Edit" })
      .or(page.getByRole("button", { name: "Edit" }))
      .first()
      .click();
    await page.waitForURL("**/staff/curriculum/cravings-urge-surfing/edit");
    await page.getByRole("heading", { level: 1, name: "Edit “Cravings and Urge Surfing”" }).waitFor();
    await expectNoAxeViolations(page, "curriculum module editor");
    await screenshot(page, "curriculum-editor");

    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });

  it("reads the library in Spanish on a phone", async () => {
    const { page, consoleErrors } = await openPage(PHONE);
    await signIn(page);
    await page.goto("/staff/curriculum?language=es");
    await page.getByRole("heading", { level: 1, name: "Curriculum" }).waitFor();
    await page.getByRole("link", { name: "Los antojos y cómo surfear la ola" }).waitFor();
    await expectNoAxeViolations(page, "curriculum library on a phone, modules in Spanish");
    await screenshot(page, "curriculum-library-phone-es");
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });
});
