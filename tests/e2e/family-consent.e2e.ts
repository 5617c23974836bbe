import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { PART2_STATEMENT_1 } from "../../src/core/consents/statements";
import { linkToken, startSmtpServer } from "../support/smtp";
import { expectNoAxeViolations, launchBrowser, screenshot } from "./support/browser";
import { DEMO_PARTICIPANT_NAME, PHONE, pageOpener, signIn } from "./support/pages";
import { type BridgewayServer, startBridgeway } from "./support/server";

/**
 * Family involvement under a 42 CFR Part 2 consent, end to end with a real SMTP server. The demo
 * participant, on their phone, shares only an attendance summary with a new support person: who,
 * what, until when, the safety question, then reads and signs the consent; only then is the
 * invitation emailed. The support person creates their account from the link and sees only that
 * part, with the §2.32 notice under it. The participant stops sharing in writing, and the support
 * person's next page load is denied and shows nothing from the record.
 */

let server: BridgewayServer | undefined;
let browser: Browser | undefined;
let smtp: Awaited<ReturnType<typeof startSmtpServer>> | undefined;
const openPage = pageOpener(() => ({ browser, server }));

before(async () => {
  smtp = await startSmtpServer();
  server = await startBridgeway({ SMTP_URL: smtp.url });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  const code = await server?.stop();
  await smtp?.close();
  assert.equal(code, 0, `the server exits 0 after SIGTERM:\n${server?.output()}`);
});

async function waitForMail(to: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mail = smtp!.messages.find((m) => m.to.includes(to));
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no email to ${to} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const SUPPORT_NAME = "Robin Testwell";
const SUPPORT_EMAIL = `robin.${Date.now().toString(36)}@e2e.bridgeway.example`;
const SUPPORT_PASSWORD = "lantern orchard pebble quartz";

describe("family involvement under consent", () => {
  it("invite with a limited consent → sign up → only that scope → stop sharing → next load denied", async () => {
    // The participant shares an attendance summary, and nothing else, from their phone.
    const participant = await openPage(PHONE);
    await signIn(participant.page, "participant@demo.bridgeway.example", "/me");
    await participant.page.goto("/me/sharing");
    await participant.page.getByRole("heading", { name: "People I share with", level: 1 }).waitFor();
    await expectNoAxeViolations(participant.page, "People I share with (phone)");
    await participant.page.getByRole("button", { name: "Share with someone" }).click();

    await participant.page.getByLabel("Their full name").fill(SUPPORT_NAME);
    await participant.page.getByLabel("How are they related to you?").fill("cousin");
    await participant.page.getByLabel("Their email address").fill(SUPPORT_EMAIL);
    await participant.page.getByRole("button", { name: "Next" }).click();

    for (const other of [
      "Schedule of family sessions",
      "Progress I choose to share",
      "My treatment goals",
      "Messages with my care team",
    ]) {
      const box = participant.page.getByRole("checkbox", { name: other });
      if (await box.isChecked()) await box.uncheck();
    }
    const attendance = participant.page.getByRole("checkbox", { name: "Attendance summary" });
    if (!(await attendance.isChecked())) await attendance.check();
    assert.equal(
      await participant.page.getByRole("checkbox", { name: "My questionnaire scores" }).isChecked(),
      false,
      "scores are never shared unless chosen",
    );
    await participant.page.getByText("Your notes and your counseling notes are never shared.").waitFor();
    await participant.page.getByRole("button", { name: "Next" }).click();

    await participant.page.getByRole("radio", { name: "Until my treatment ends" }).check();
    await participant.page.getByRole("button", { name: "Next" }).click();

    await participant.page.getByRole("radio", { name: "No", exact: true }).check();
    await participant.page.getByRole("button", { name: "Next" }).click();

    await participant.page.getByRole("heading", { name: "Read and sign your consent" }).waitFor();
    await expectNoAxeViolations(participant.page, "Read and sign (phone)");
    await screenshot(participant.page, "family-consent-sign-phone");
    await participant.page.getByLabel("Type your full name to sign").fill(DEMO_PARTICIPANT_NAME);
    await participant.page.getByRole("button", { name: "Sign and send" }).click();
    await participant.page
      .getByText(`Done. ${SUPPORT_NAME} will get an email invitation to create their account.`)
      .waitFor();

    // The invitation comes only after the signature, and says nothing about treatment.
    const mail = await waitForMail(SUPPORT_EMAIL);
    assert.doesNotMatch(`${mail.subject}\n${mail.text}`, new RegExp(DEMO_PARTICIPANT_NAME));
    const token = linkToken(mail, "invitation");

    const family = await openPage(PHONE);
    await family.page.goto(`/invitation#token=${token}`);
    await family.page.getByText(SUPPORT_NAME).waitFor();
    await family.page.getByLabel(/^New password/).fill(SUPPORT_PASSWORD);
    await family.page.getByLabel(/^Confirm the new password/).fill(SUPPORT_PASSWORD);
    await family.page.getByRole("button", { name: "Create my account" }).click();
    await family.page.waitForURL("**/sign-in**");
    if (!(await family.page.getByLabel("Email").inputValue()))
      await family.page.getByLabel("Email").fill(SUPPORT_EMAIL);
    await family.page.getByLabel(/^Password/).fill(SUPPORT_PASSWORD);
    await family.page.getByRole("button", { name: "Sign in" }).click();
    await family.page.waitForURL("**/family");

    // Home: one person, and only the part they chose.
    const card = family.page.getByTestId("family-person-card");
    await card.waitFor();
    await card.getByText("Attendance summary").waitFor();
    assert.equal(await card.getByText("Treatment goals").count(), 0);
    await expectNoAxeViolations(family.page, "Family home (phone)");
    await card.getByRole("link", { name: /^See what / }).click();
    await family.page.waitForURL(/\/family\/people\/[0-9a-f-]{36}$/);
    const personUrl = family.page.url();

    await family.page.getByRole("heading", { name: "Attendance in the last 4 weeks" }).waitFor();
    for (const hidden of ["Family sessions", "Updates", "Treatment goals", "Questionnaire scores"]) {
      assert.equal(
        await family.page.getByRole("heading", { name: hidden, exact: true }).count(),
        0,
        `"${hidden}" is not shared, so it is not shown`,
      );
    }
    await family.page.getByRole("heading", { name: "Confidentiality notice" }).waitFor();
    const statement = (await family.page.getByTestId("part2-statement").textContent()) ?? "";
    const words = (text: string) => text.replace(/\s+/g, " ").trim();
    assert.ok(
      words(statement).includes(words(PART2_STATEMENT_1)),
      "the exact §2.32 Statement 1 is on the page",
    );
    await expectNoAxeViolations(family.page, "Family person page (phone)");
    await screenshot(family.page, "family-person-phone");

    // The participant stops sharing, in writing.
    await participant.page.goto("/me/sharing");
    const person = participant.page.getByRole("listitem").filter({ hasText: SUPPORT_NAME });
    await person.getByRole("button", { name: "Stop sharing" }).click();
    const dialog = participant.page.getByRole("dialog", { name: `Stop sharing with ${SUPPORT_NAME}` });
    assert.match(
      await dialog.getByLabel("Your written statement").inputValue(),
      new RegExp(`I revoke my consent for ${SUPPORT_NAME}`),
    );
    await dialog.getByRole("button", { name: "Stop sharing" }).click();
    await dialog.waitFor({ state: "detached" });
    await person.getByText("Revoked").waitFor();

    // The family member's very next page load is denied and shows nothing from the record.
    await family.page.goto(personUrl);
    await family.page.getByTestId("family-access-ended").waitFor();
    await family.page.getByText("You do not have access to this information now").first().waitFor();
    assert.equal(
      await family.page.getByRole("heading", { name: "Attendance in the last 4 weeks" }).count(),
      0,
    );
    await family.page.goto("/family");
    await family.page.getByText("No longer shared").first().waitFor();
    assert.equal(await family.page.getByTestId("family-person-card").count(), 0);
    await expectNoAxeViolations(family.page, "Family home after revocation (phone)");

    assert.deepEqual(participant.consoleErrors, []);
    assert.deepEqual(family.consoleErrors, []);
    await participant.page.context().close();
    await family.page.context().close();
  });
});
