import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { DEMO_PASSWORD } from "../../src/server/demo/demo-accounts";
import { collectConsoleErrors, expectNoAxeViolations, launchBrowser, screenshot } from "./support/browser";
import { type BridgewayServer, startBridgeway } from "./support/server";

/**
 * The notes worklist and the note settings. The demo counselor opens "Notes" from the navigation,
 * moves between the three tabs with the keyboard, and each note opens its own screen; on a phone the
 * rows read top to bottom. The clinical director opens a note awaiting their co-signature in the
 * co-sign dialog (re-authentication) and closes it. The administrator changes the unsigned-note alert
 * window, saves, finds it kept after a reload, and puts it back. Each page is checked with axe; no
 * console errors anywhere.
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

const NOTE_LINK =
  /^\/staff\/(groups\/[0-9a-f-]{36}\/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}\/note|participants\/[0-9a-f-]{36}\/notes\/[0-9a-f-]{36})$/;

describe("clinical notes: the worklist, co-signing and the program's settings", () => {
  it("the counselor moves through the worklist's tabs with the keyboard; each note opens its screen", async () => {
    const { page, consoleErrors } = await openPage(DESKTOP);
    await signIn(page, "counselor@demo.bridgeway.example");
    await page.getByRole("navigation").getByRole("link", { name: "Notes", exact: true }).click();
    await page.waitForURL("**/staff/notes");
    await page.getByRole("heading", { level: 1, name: "Notes to finish" }).waitFor();
    const unsigned = page.getByRole("tab", { name: /Unsigned/ });
    await unsigned.waitFor();
    await expectNoAxeViolations(page, "notes worklist");
    await screenshot(page, "notes-worklist");

    const links = page.getByRole("tabpanel").getByRole("link", { name: /^Open the note/ });
    const count = await links.count();
    for (let i = 0; i < Math.min(count, 5); i++) {
      assert.match((await links.nth(i).getAttribute("href")) ?? "", NOTE_LINK);
    }

    await unsigned.focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    assert.equal(
      await page.getByRole("tab", { name: /Awaiting my co-signature/ }).getAttribute("aria-selected"),
      "true",
    );
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    assert.equal(
      await page.getByRole("tab", { name: /Missing group notes/ }).getAttribute("aria-selected"),
      "true",
    );
    await page
      .getByRole("tabpanel")
      .getByText(/Every group session you facilitated|Write the note/)
      .first()
      .waitFor();
    await expectNoAxeViolations(page, "notes worklist, missing group notes");

    await page.setViewportSize(PHONE);
    await page.reload();
    await page.getByRole("tab", { name: /Unsigned/ }).waitFor();
    await expectNoAxeViolations(page, "notes worklist on a phone");
    await screenshot(page, "notes-worklist-phone");
    if (count > 0) {
      await page
        .getByRole("tabpanel")
        .getByRole("link", { name: /^Open the note/ })
        .first()
        .click();
      await page.waitForURL((url) => NOTE_LINK.test(url.pathname));
    }
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });

  it("the clinical director opens the co-sign dialog from the queue", async () => {
    const { page, consoleErrors } = await openPage(DESKTOP);
    await signIn(page, "director@demo.bridgeway.example");
    await page.goto("/staff/notes");
    await page.getByRole("tab", { name: /Awaiting my co-signature/ }).click();
    const cosign = page.getByRole("button", { name: /^Co-sign the note/ });
    await page
      .getByRole("tabpanel")
      .getByText(/Nothing is waiting for your co-signature|Co-sign/)
      .first()
      .waitFor();
    if ((await cosign.count()) > 0) {
      await cosign.first().click();
      const dialog = page.getByRole("dialog", { name: "Co-sign this note" });
      await dialog.waitFor();
      await dialog.getByLabel("Your password").waitFor();
      await expectNoAxeViolations(page, "co-sign dialog");
      await screenshot(page, "notes-cosign-dialog");
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "hidden" });
    }
    await page.getByRole("tab", { name: /Unsigned/ }).click();
    await page.getByText("Everyone at my sites", { exact: true }).click();
    await page
      .getByRole("tabpanel")
      .getByText(/Written by|No unsigned notes at your sites/)
      .first()
      .waitFor();
    await expectNoAxeViolations(page, "notes worklist, site scope");
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });

  it("the administrator changes the unsigned-note alert window and it is kept", async () => {
    const { page, consoleErrors } = await openPage(DESKTOP);
    await signIn(page, "admin@demo.bridgeway.example");
    await page.getByRole("navigation").getByRole("link", { name: "Clinical-note settings" }).click();
    await page.waitForURL("**/staff/admin/notes-settings");
    const hours = page.getByRole("textbox", { name: "Alert when a note is still unsigned after" });
    await hours.waitFor();
    const before = await hours.inputValue();
    await expectNoAxeViolations(page, "clinical-note settings");
    await screenshot(page, "notes-settings");

    await hours.fill("2");
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByText("Enter a number from 4 to 336.").waitFor();
    await hours.fill("72");
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByText("Note settings saved.").waitFor();
    await page.reload();
    await hours.waitFor();
    assert.equal(await hours.inputValue(), "72");

    await page.setViewportSize(PHONE);
    await screenshot(page, "notes-settings-phone");
    await hours.fill(before);
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByText("Note settings saved.").last().waitFor();
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });
});
