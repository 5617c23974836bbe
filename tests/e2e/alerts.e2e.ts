import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { DEMO_PASSWORD } from "../../src/server/demo/demo-accounts";
import { collectConsoleErrors, expectNoAxeViolations, launchBrowser, screenshot } from "./support/browser";
import { type BridgewayServer, startBridgeway } from "./support/server";

/**
 * The alert inbox in a browser: the clinical director sees the open count in the navigation, opens
 * the demo's break-the-glass alert, acknowledges it and resolves it with a note; the administrator's
 * alert settings page; every page passes axe.
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

async function openPage(): Promise<{ page: Page; consoleErrors: string[] }> {
  const context = await browser!.newContext({
    viewport: { width: 1280, height: 860 },
    baseURL: server!.url,
    locale: "en-US",
    colorScheme: "light",
    bypassCSP: true,
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  return { page, consoleErrors: collectConsoleErrors(page) };
}

describe("alert inbox", () => {
  it("the clinical director acknowledges and resolves an alert from the inbox", async () => {
    const { page, consoleErrors } = await openPage();
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("director@demo.bridgeway.example");
    await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/staff");

    const nav = page.getByRole("navigation");
    await nav.getByRole("link", { name: /^Alerts [1-9]\d* open$/ }).click();
    await page.getByRole("heading", { name: "Alerts", level: 1 }).waitFor();
    await page.getByRole("table", { name: "Alerts" }).waitFor();
    await expectNoAxeViolations(page, "Alerts");
    await screenshot(page, "alerts-inbox");

    await page.getByLabel("Kind").selectOption("break_the_glass");
    await page.waitForURL(/kind=break_the_glass/);
    await page.getByRole("link", { name: "Emergency access to a record" }).first().click();
    await page.getByRole("heading", { name: "Emergency access to a record", level: 1 }).waitFor();
    await page.getByText(/participant disclosed a lapse/).waitFor();
    await expectNoAxeViolations(page, "Alert");

    await page.getByRole("button", { name: "Acknowledge" }).click();
    const confirmAck = page.getByRole("dialog", { name: "Acknowledge this alert?" });
    await confirmAck.getByRole("button", { name: "Acknowledge" }).click();
    await page.getByText(/^Acknowledged by /).waitFor();

    await page.getByLabel(/What was done/).fill("Reviewed with the counselor: the access was justified.");
    await page.getByRole("button", { name: "Resolve…" }).click();
    const confirmResolve = page.getByRole("dialog", { name: "Resolve this alert?" });
    await confirmResolve.waitFor();
    // Check the dialog once it has faded in (mid-transition colours are not what people read).
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
    await expectNoAxeViolations(page, "Resolve alert");
    await confirmResolve.getByRole("button", { name: "Resolve" }).click();
    await page.getByText(/Resolved by/).waitFor();
    await page.getByText("Reviewed with the counselor: the access was justified.").waitFor();
    await screenshot(page, "alert-resolved");

    await nav.getByRole("link", { name: /^Alerts( \d+ open)?$/ }).click();
    await page.getByRole("heading", { name: "Alerts", level: 1 }).waitFor();
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });

  it("the administrator opens the alert settings (escalation times)", async () => {
    const { page, consoleErrors } = await openPage();
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("admin@demo.bridgeway.example");
    await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/staff");
    await page.getByRole("navigation").getByRole("link", { name: "Alert settings" }).click();
    await page.getByRole("heading", { name: "Alert settings", level: 1 }).waitFor();
    const emergency = page.getByLabel(/Emergency alerts: minutes/);
    assert.equal(await emergency.inputValue(), "15");
    await expectNoAxeViolations(page, "Alert settings");
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });
});
