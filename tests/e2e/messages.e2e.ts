import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { CSRF_HEADER, CSRF_HEADER_VALUE } from "../../src/core/platform/http";
import { DEMO_PASSWORD } from "../../src/server/demo/demo-accounts";
import { collectConsoleErrors, expectNoAxeViolations, launchBrowser, screenshot } from "./support/browser";
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
const PARTICIPANT_NAME = "Casey Morgan";
// A subject of this run only: the demo may already hold conversations.
const SUBJECT = `Missing Thursday ${Date.now().toString(36)}`;
const FIRST = "I have a doctor's appointment on Thursday evening, so I will miss group.";
const REPLY = "Thanks for letting me know. Good luck at the doctor's; see you Monday.";

async function openPage(viewport: { width: number; height: number }, locale = "en-US") {
  const context = await browser!.newContext({
    viewport,
    baseURL: server!.url,
    locale,
    hasTouch: viewport.width < 1000,
    bypassCSP: true,
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  return { page, consoleErrors: collectConsoleErrors(page) };
}

async function signIn(page: Page, email: string, lands: string, submit = "Sign in"): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel(/^(Email|Correo)/).fill(email);
  await page.getByLabel(/^(Password|Contraseña)/).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: submit, exact: true }).click();
  await page.waitForURL(`**${lands}`);
}

async function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  const reply = await page.evaluate(
    async ({ method, path, body, header }) => {
      const response = await fetch(path, {
        method,
        headers: { "content-type": "application/json", [header.name]: header.value },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, json: await response.json().catch(() => null) };
    },
    { method, path, body, header: { name: CSRF_HEADER, value: CSRF_HEADER_VALUE } },
  );
  assert.ok(reply.status < 300, `${method} ${path} answered ${reply.status}: ${JSON.stringify(reply.json)}`);
  return reply.json as T;
}

/** The demo counselor on the demo participant's care team (the director adds them when missing). */
async function counselorOnTheCareTeam(): Promise<void> {
  const { page } = await openPage(DESKTOP);
  await signIn(page, "director@demo.bridgeway.example", "/staff");
  const { participants } = await api<{ participants: { id: string; name: string; siteId: string }[] }>(
    page,
    "GET",
    "/api/v1/participants?status=current&pageSize=100",
  );
  const casey = participants.find((p) => p.name === PARTICIPANT_NAME);
  assert.ok(casey, "the demo participant is a current participant");
  const { staff } = await api<{ staff: { id: string; displayName: string }[] }>(
    page,
    "GET",
    `/api/v1/sites/${casey.siteId}/staff`,
  );
  const counselor = staff.find((s) => s.displayName === "Jordan Alvarez");
  assert.ok(counselor, "the demo counselor works at the participant's site");
  const record = await api<{ careTeam: { userId: string; role: string }[] }>(
    page,
    "GET",
    `/api/v1/participants/${casey.id}`,
  );
  if (!record.careTeam.some((m) => m.userId === counselor.id)) {
    await api(page, "PUT", `/api/v1/participants/${casey.id}/care-team`, {
      members: [
        ...record.careTeam.map((m) => ({ userId: m.userId, role: m.role })),
        { userId: counselor.id, role: "counselor" },
      ],
    });
  }
  await page.context().close();
}

describe("secure messages", () => {
  it("the participant writes to their care team from their phone", async () => {
    await counselorOnTheCareTeam();
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
    await row.getByRole("link", { name: PARTICIPANT_NAME }).waitFor();
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
    await page.getByText(`Conversation with ${PARTICIPANT_NAME}`).waitFor();
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
