import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { expectNoAxeViolations, launchBrowser, screenshot } from "./support/browser";
import { api, DESKTOP, PHONE, pageOpener, signIn } from "./support/pages";
import { type BridgewayServer, startBridgeway } from "./support/server";

/**
 * The participant's Today on a phone (390×844): next session, today's check-in, days in recovery;
 * restarting the counter with a few words of their own after a confirmation (the old count stays in
 * the history); the navigation to Help; asking to be excused from a group on My week, the clinical
 * director approving it on the chart, the participant seeing it approved. English and Spanish, axe on
 * every page.
 */

let server: BridgewayServer | undefined;
let browser: Browser | undefined;
const openPage = pageOpener(() => ({ browser, server }));

before(async () => {
  server = await startBridgeway();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  const code = await server?.stop();
  assert.equal(code, 0, `the server exits 0 after SIGTERM:\n${server?.output()}`);
});

const PARTICIPANT = "participant@demo.bridgeway.example";

/** Wait until an opening dialog has finished fading in (axe reads colours through its opacity). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const dialog = document.querySelector('[role="dialog"]');
    for (let node = dialog; node; node = node.parentElement) {
      if (getComputedStyle(node).opacity !== "1") return false;
    }
    return dialog !== null;
  });
}

/** Wait until no dialog is left on the page (a closing one fades out over the page). */
async function closed(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[role="dialog"]') === null);
}

describe("the participant's Today", () => {
  it("shows the next session, today's check-in and days in recovery on a phone; the counter restarts kindly", async () => {
    const { page, consoleErrors } = await openPage(PHONE);
    await signIn(page, PARTICIPANT, "/me");
    await page.getByRole("heading", { name: /^Hello, /, level: 1 }).waitFor();
    const crisis = page.getByRole("region", { name: "Get help now" });
    assert.ok(await crisis.getByRole("link", { name: "Call 988" }).isVisible(), "988 is in view at once");
    const next = page.getByRole("region", { name: "Next session" });
    await next
      .getByText(/^(Group: |Individual session|Family session|No sessions in the next two weeks\.)/)
      .first()
      .waitFor();
    await page.getByRole("region", { name: "Today's check-in" }).waitFor();
    const recovery = page.getByRole("region", { name: "Days in recovery" });
    await recovery
      .getByText(/^\d+ days?$|^No start date yet/)
      .first()
      .waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `nothing scrolls sideways (${overflow}px)`);
    const nav = page.getByRole("navigation", { name: "Main" }).last();
    assert.equal(await nav.getByRole("link", { name: "Today" }).getAttribute("aria-current"), "page");
    await expectNoAxeViolations(page, "Today (phone)");
    await screenshot(page, "today-phone");

    await recovery.getByRole("button", { name: "Restart my counter" }).click();
    const dialog = page.getByRole("dialog", { name: "Restart your counter" });
    await dialog.getByText(/does not wipe out what you have learned/).waitFor();
    await dialog
      .getByLabel("A few words for yourself (optional)")
      .fill("Starting again, with what I learned.");
    await settled(page);
    await expectNoAxeViolations(page, "Restart the counter (phone)");
    await dialog.getByRole("button", { name: "Continue" }).click();
    await dialog.getByText(/stay in your history|start from this day/).waitFor();
    await dialog.getByRole("button", { name: "Yes, restart" }).click();
    await recovery.getByText(/Be kind to yourself today/).waitFor();
    await recovery.getByText("0 days").waitFor();
    const history = recovery.getByRole("list", { name: "History" });
    await history
      .getByText(/^Started again on .* · by you$/)
      .first()
      .waitFor();
    await history.getByText("“Starting again, with what I learned.”").waitFor();
    await closed(page);
    await expectNoAxeViolations(page, "Today after a restart (phone)");

    // More → Help.
    await nav.getByRole("button", { name: "More" }).click();
    const more = page.getByRole("dialog", { name: "More" });
    await more.getByRole("link", { name: "Help" }).click();
    await page.waitForURL("**/me/help");
    await page.getByRole("heading", { name: "Help", level: 1 }).waitFor();
    assert.equal(await page.getByRole("link", { name: "Text 988" }).first().getAttribute("href"), "sms:988");
    assert.equal(
      await page.getByRole("link", { name: "Call 1-800-662-4357" }).getAttribute("href"),
      "tel:18006624357",
    );
    await page.getByRole("link", { name: /SMART Recovery meeting finder/ }).waitFor();
    await closed(page);
    await expectNoAxeViolations(page, "Help (phone)");
    await screenshot(page, "help-phone");
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });

  it("asks to be excused from a group; the director approves on the chart; the participant sees it approved", async () => {
    const { page, consoleErrors } = await openPage(PHONE);
    await signIn(page, PARTICIPANT, "/me");
    await page.goto("/me/week");
    await page.getByRole("heading", { name: "My week", level: 1 }).waitFor();
    await page.getByRole("list", { name: "Days of the week" }).waitFor();
    let ask = page.getByRole("button", { name: /^Can't make it to / });
    if ((await ask.count()) === 0) {
      await page.getByRole("button", { name: /Next week/ }).click();
      await page.waitForURL(/\?week=/);
      await page.getByRole("list", { name: "Days of the week" }).waitFor();
      ask = page.getByRole("button", { name: /^Can't make it to / });
      await ask.first().waitFor();
    }
    const label = (await ask.first().getAttribute("aria-label")) ?? "";
    await ask.first().click();
    const dialog = page.getByRole("dialog", { name: "Ask to be excused" });
    await dialog.getByRole("radio", { name: "Work" }).check();
    await dialog.getByLabel(/Anything your counselor should know/).fill("Double shift");
    await settled(page);
    await expectNoAxeViolations(page, "Ask to be excused (phone)");
    await dialog.getByRole("button", { name: "Send request" }).click();
    await page.getByText("Excuse requested — waiting for your counselor").waitFor();
    const weekUrl = page.url();

    const staff = await openPage(DESKTOP);
    await signIn(staff.page, "director@demo.bridgeway.example", "/staff");
    const { participants } = await api<{ participants: { id: string; name: string }[] }>(
      staff.page,
      "GET",
      "/api/v1/participants?status=current&pageSize=100",
    );
    const me = await api<{ participantId: string }>(page, "GET", "/api/v1/me/schedule");
    assert.ok(
      participants.some((p) => p.id === me.participantId),
      "the director sees the participant",
    );
    await staff.page.goto(`/staff/participants/${me.participantId}?tab=schedule`);
    const requests = staff.page.getByRole("region", { name: "Requests to be excused" });
    await requests.getByText("Reason: Work").waitFor();
    await requests.getByText("Note: Double shift").waitFor();
    await expectNoAxeViolations(staff.page, "chart: requests to be excused");
    await requests
      .getByLabel(/^Note to the participant about /)
      .first()
      .fill("Thanks for telling us.");
    await requests.getByRole("button", { name: "Approve" }).first().click();
    await requests.getByText(/^Approved by /).waitFor();
    assert.deepEqual(staff.consoleErrors, []);
    await staff.page.context().close();

    await page.goto(weekUrl);
    await page.getByText("Excused", { exact: true }).waitFor();
    await page.getByText("Your counselor: Thanks for telling us.").waitFor();
    assert.ok(label.startsWith("Can't make it to "), label);
    await expectNoAxeViolations(page, "My week with an approved request (phone)");
    await screenshot(page, "my-week-excused-phone");
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });

  it("Today and Help in Spanish on a phone", async () => {
    const { page, consoleErrors } = await openPage(PHONE, "es-MX");
    await signIn(page, PARTICIPANT, "/me", "Iniciar sesión");
    await page.getByRole("heading", { name: /^Hola, /, level: 1 }).waitFor();
    await page.getByRole("region", { name: "Próxima sesión" }).waitFor();
    await page
      .getByRole("region", { name: "Días en recuperación" })
      .getByText(/días?$/)
      .first()
      .waitFor();
    await expectNoAxeViolations(page, "Today (phone, Spanish)");
    await screenshot(page, "today-phone-es");
    const nav = page.getByRole("navigation", { name: "Principal" }).last();
    await nav.getByRole("button", { name: "Más" }).click();
    await page.getByRole("dialog", { name: "Más" }).getByRole("link", { name: "Ayuda" }).click();
    await page.waitForURL("**/me/help");
    await page.getByRole("heading", { name: "Ayuda", level: 1 }).waitFor();
    await page.getByRole("link", { name: "Llamar al 1-800-662-4357" }).waitFor();
    await closed(page);
    await expectNoAxeViolations(page, "Help (phone, Spanish)");
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });

  it("every participant page in Spanish on a phone: a Spanish heading, no untranslated key, axe-clean, dark too", async () => {
    const { page, consoleErrors } = await openPage(PHONE, "es-MX");
    await signIn(page, PARTICIPANT, "/me", "Iniciar sesión");
    const pages = [
      "/me",
      "/me/check-in",
      "/me/recovery-plan",
      "/me/safety-plan",
      "/me/messages",
      "/me/practice",
      "/me/progress",
      "/me/week",
      "/me/questionnaires",
      "/me/plan",
      "/me/help",
      "/me/account",
    ];
    // A text that looks like a dictionary key ("today.nextSession.title") means a missing translation;
    // web addresses on the Help page are not keys.
    const KEY_LIKE = /\b[a-z][a-zA-Z]+(?:\.[a-z][a-zA-Z0-9]+){2,}\b/g;
    const isAddress = (text: string) => /^www\.|\.(org|com|gov|net|example)$/.test(text);
    for (const [index, path] of pages.entries()) {
      await page.goto(path);
      const heading = page.getByRole("heading", { level: 1 }).first();
      await heading.waitFor();
      await page
        .getByText(/Cargando/)
        .first()
        .waitFor({ state: "detached", timeout: 15_000 })
        .catch(() => undefined);
      assert.equal(
        await page.locator("html").getAttribute("lang"),
        "es",
        `${path}: the page says it is Spanish`,
      );
      const text = await page.locator("main").innerText();
      const keys = (text.match(KEY_LIKE) ?? []).filter((token) => !isAddress(token));
      assert.deepEqual(keys, [], `${path}: untranslated keys on the page`);
      assert.doesNotMatch(text, /\b(Loading|Something went wrong)\b/, `${path}: English words left`);
      await expectNoAxeViolations(page, `${path} (phone, Spanish)`);
      // Today in the light scheme, every later page in the dark one: both keep their contrast.
      if (index === 0) await page.emulateMedia({ colorScheme: "dark" });
    }
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });
});
