import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { DEMO_PASSWORD } from "../../src/server/demo/demo-accounts";
import { collectConsoleErrors, expectNoAxeViolations, launchBrowser, screenshot } from "./support/browser";
import { type BridgewayServer, startBridgeway } from "./support/server";

/**
 * The staff's side of plans beyond the chart. The demo counselor opens "Treatment plans" from the
 * navigation and sees their worklist grouped by state, each name leading to the Plan tab; on a phone
 * the list reads top to bottom. The administrator opens Administration → Treatment-plan settings,
 * changes the review cycle, saves, and finds it kept after a reload. Both pages are checked with axe;
 * no console errors anywhere.
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

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 860 };

async function openPage(viewport: { width: number; height: number }) {
  const context = await browser!.newContext({
    viewport,
    baseURL: server!.url,
    locale: "en-US",
    colorScheme: "light",
    hasTouch: viewport.width < 1000,
    bypassCSP: true,
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  return { page, consoleErrors: collectConsoleErrors(page) };
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel(/^Email/).fill(email);
  await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL("**/staff");
}

describe("treatment plans: the worklist and the program's settings", () => {
  it("the counselor's worklist groups plans by state and leads to the chart's Plan tab", async () => {
    const { page, consoleErrors } = await openPage(DESKTOP);
    await signIn(page, "counselor@demo.bridgeway.example");
    await page.getByRole("navigation").getByRole("link", { name: "Treatment plans" }).click();
    await page.waitForURL("**/staff/treatment-plans");
    await page.getByRole("heading", { level: 1, name: "Treatment plans" }).waitFor();
    const groups = page.getByRole("region");
    await page
      .getByText(/things? to do|Nothing needs doing/)
      .first()
      .waitFor();
    const count = await groups.count();
    if (count > 0) {
      const first = groups.first();
      const link = first.getByRole("link").first();
      const href = await link.getAttribute("href");
      assert.match(href ?? "", /^\/staff\/participants\/[0-9a-f-]{36}\?tab=plan$/);
    }
    await expectNoAxeViolations(page, "plan worklist");
    await screenshot(page, "treatment-plan-worklist");

    await page.setViewportSize(PHONE);
    await page.reload();
    await page
      .getByText(/things? to do|Nothing needs doing/)
      .first()
      .waitFor();
    await screenshot(page, "treatment-plan-worklist-phone");
    if (count > 0) {
      await groups.first().getByRole("link").first().click();
      await page.waitForURL(/\/staff\/participants\/[0-9a-f-]{36}\?tab=plan$/);
    }
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });

  it("the administrator changes the review cycle and it is kept", async () => {
    const { page, consoleErrors } = await openPage(DESKTOP);
    await signIn(page, "admin@demo.bridgeway.example");
    await page.getByRole("navigation").getByRole("link", { name: "Treatment-plan settings" }).click();
    await page.waitForURL("**/staff/admin/treatment-plan-settings");
    const cycle = page.getByRole("textbox", { name: "Review every" });
    await cycle.waitFor();
    const before = await cycle.inputValue();
    await expectNoAxeViolations(page, "treatment-plan settings");
    await screenshot(page, "treatment-plan-settings");

    await cycle.fill("5");
    await page.getByRole("button", { name: "Save treatment-plan settings" }).click();
    await page.getByText("Use a number from 7 to 180.").waitFor();
    await cycle.fill("28");
    await page.getByRole("button", { name: "Save treatment-plan settings" }).click();
    await page.getByText("Treatment-plan settings saved.").waitFor();
    await page.reload();
    await cycle.waitFor();
    assert.equal(await cycle.inputValue(), "28");

    await page.setViewportSize(PHONE);
    await screenshot(page, "treatment-plan-settings-phone");
    // Leave the demo as it was for the other journeys.
    await cycle.fill(before);
    await page.getByRole("button", { name: "Save treatment-plan settings" }).click();
    await page.getByText("Treatment-plan settings saved.").last().waitFor();
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });
});
