import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { expectNoAxeViolations, launchBrowser, screenshot } from "./support/browser";
import {
  DEMO_PARTICIPANT_NAME,
  DESKTOP,
  PHONE,
  pageOpener,
  putTheCounselorOnTheCareTeam,
  signIn,
} from "./support/pages";
import { type BridgewayServer, startBridgeway } from "./support/server";

/**
 * Secure messages, from both sides. The demo participant writes to their care team from their phone
 * (told on every screen that messages are not for emergencies, with the crisis buttons; a message over
 * the limit is refused on the spot and nothing typed is lost). Their counselor sees the unread badge in
 * the navigation, opens the conversation from the inbox and replies; the participant sees the reply,
 * marked new. Then the participant's pages in Spanish. Every page is checked with axe.
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

// A subject of this run only: the demo may already hold conversations.
const SUBJECT = `Missing Thursday ${Date.now().toString(36)}`;
const FIRST = "I have a doctor's appointment on Thursday evening, so I will miss group.";
const REPLY = "Thanks for letting me know. Good luck at the doctor's; see you Monday.";

describe("secure messages", () => {
  it("the participant writes to their care team from their phone", async () => {
    await putTheCounselorOnTheCareTeam(openPage);
    const { page, consoleErrors } = await openPage(PHONE);
    await signIn(page, "participant@demo.bridgeway.example", "/me");
    await page.goto("/me/messages");
    await page.getByRole("heading", { name: "Messages", level: 1 }).waitFor();
    await page.getByText("Messages are not for emergencies").first().waitFor();
    await page.getByRole("link", { name: "Call 988" }).first().waitFor();
    await expectNoAxeViolations(page, "Messages (phone)");

    await page.getByRole("button", { name: "Write a new message" }).click();
    await page.getByRole("textbox", { name: /^Subject/ }).fill(SUBJECT);
    const box = page.getByRole("textbox", { name: "Your message" });
    // Over the limit: said at once with the numbers, the send button off, the text kept.
    await box.fill("a".repeat(4010));
    await page
      .getByText("This message has 4,010 characters; the limit is 4,000. Shorten it or send it in two parts.")
      .waitFor();
    assert.equal(await page.getByRole("button", { name: "Send", exact: true }).isDisabled(), true);
    assert.equal((await box.inputValue()).length, 4010, "nothing typed is lost");
    await box.fill(FIRST);
    await page.getByText(`${FIRST.length} of 4,000 characters`).waitFor();
    await expectNoAxeViolations(page, "New message (phone)");
    await screenshot(page, "messages-new-phone");
    await box.press("Control+Enter");

    await page.waitForURL(/\/me\/messages\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { name: SUBJECT, level: 1 }).waitFor();
    const conversation = page.getByRole("list", { name: "Conversation" });
    await conversation.getByText(FIRST).waitFor();
    await conversation.getByText("You", { exact: true }).waitFor();
    // Above the conversation, in view at once: not for emergencies, with 988 to call or text.
    const notice = page.getByRole("note").filter({ hasText: "Messages are not for emergencies" }).first();
    await notice.getByRole("link", { name: "Call 988" }).waitFor();
    const noticeBox = await notice.boundingBox();
    assert.ok(
      noticeBox && noticeBox.y + noticeBox.height <= PHONE.height,
      "the notice is in view without scrolling",
    );
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `nothing scrolls sideways (${overflow}px)`);
    await expectNoAxeViolations(page, "Conversation (phone)");
    await screenshot(page, "messages-conversation-phone");
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });

  it("the counselor sees the unread badge, opens the conversation from the inbox and replies", async () => {
    const { page, consoleErrors } = await openPage(DESKTOP);
    await signIn(page, "counselor@demo.bridgeway.example", "/staff");
    const nav = page.getByRole("navigation", { name: /./ }).first();
    const link = nav.getByRole("link", { name: /^Messages\s*\d+ unread$/ });
    await link.waitFor();
    await link.click();
    await page.waitForURL("**/staff/messages");
    await page.getByRole("heading", { name: "Messages", level: 1 }).waitFor();
    const row = page.getByRole("row").filter({ hasText: SUBJECT });
    await row.getByText("1 unread").waitFor();
    await row.getByRole("link", { name: DEMO_PARTICIPANT_NAME }).waitFor();
    await expectNoAxeViolations(page, "staff inbox");
    await screenshot(page, "messages-inbox");
    // Unread only keeps it; the filter lives in the address.
    const unreadOnly = page.getByRole("checkbox", { name: "Unread only" });
    await unreadOnly.click();
    await page.waitForURL(/unread=true/);
    await page.getByRole("checkbox", { name: "Unread only", checked: true }).waitFor();
    await row.waitFor();

    await row.getByRole("link", { name: SUBJECT }).click();
    await page.getByRole("heading", { name: SUBJECT, level: 1 }).waitFor();
    await page.getByText(`Conversation with ${DEMO_PARTICIPANT_NAME}`).waitFor();
    await page.getByRole("list", { name: "Conversation" }).getByText(FIRST).waitFor();
    await page.getByRole("textbox", { name: "Your message" }).fill(REPLY);
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await page.getByRole("list", { name: "Conversation" }).getByText(REPLY).waitFor();
    await expectNoAxeViolations(page, "staff conversation");
    await screenshot(page, "messages-staff-conversation");

    // Read: back in the inbox it is no longer unread.
    await page.getByRole("link", { name: "Inbox" }).click();
    await page.waitForURL(/\/staff\/messages\?unread=true/);
    await page.getByRole("row").filter({ hasText: SUBJECT }).waitFor({ state: "detached" });
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });

  it("the participant sees the reply, marked new, then reads it", async () => {
    const { page, consoleErrors } = await openPage(PHONE);
    await signIn(page, "participant@demo.bridgeway.example", "/me");
    await page.goto("/me/messages");
    const card = page.getByRole("link").filter({ hasText: SUBJECT });
    await card.getByText("1 new").waitFor();
    await card.getByText(`Jordan Alvarez: ${REPLY}`).waitFor();
    await card.click();
    await page.getByRole("list", { name: "Conversation" }).getByText(REPLY).waitFor();
    await page.getByRole("list", { name: "Conversation" }).getByText("Jordan Alvarez").waitFor();
    await page.getByRole("link", { name: "All messages" }).click();
    await page.getByRole("link").filter({ hasText: SUBJECT }).waitFor();
    await page
      .getByRole("link")
      .filter({ hasText: SUBJECT })
      .getByText("1 new")
      .waitFor({ state: "detached" });
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });

  it("the participant's message pages in Spanish", async () => {
    const { page, consoleErrors } = await openPage(PHONE, "es-MX");
    await signIn(page, "participant@demo.bridgeway.example", "/me", "Iniciar sesión");
    await page.goto("/me/messages");
    await page.getByRole("heading", { name: "Mensajes", level: 1 }).waitFor();
    await page.getByText("Los mensajes no son para emergencias").first().waitFor();
    await page.getByRole("button", { name: "Escribir un mensaje nuevo" }).waitFor();
    await expectNoAxeViolations(page, "Mensajes (phone, Spanish)");
    await screenshot(page, "messages-phone-es");
    await page.getByRole("link").filter({ hasText: SUBJECT }).click();
    await page.getByRole("textbox", { name: "Su mensaje" }).waitFor();
    await page.getByText("Pulse Ctrl+Intro (o ⌘+Intro) para enviar.").waitFor();
    await page.getByRole("list", { name: "Conversación" }).getByText("Usted", { exact: true }).waitFor();
    await expectNoAxeViolations(page, "Conversación (phone, Spanish)");
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });
});
