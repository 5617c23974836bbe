import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import type { Browser, Page } from "playwright-core";
import { totpCodeAt } from "../../src/core/identity/totp.rules";
import { DEMO_PASSWORD } from "../../src/server/demo/demo-accounts";
import { linkToken, startSmtpServer } from "../support/smtp";
import { collectConsoleErrors, expectNoAxeViolations, launchBrowser, screenshot } from "./support/browser";
import { type BridgewayServer, startBridgeway } from "./support/server";

/**
 * Identity journeys against a real server with a real SMTP server: an administrator invites a
 * counselor, who sets a password from the emailed link, enrols TOTP (the code computed here, as an
 * authenticator app would) and then sees only their own site; the administration pages pass axe.
 */

let server: BridgewayServer | undefined;
let browser: Browser | undefined;
let smtp: Awaited<ReturnType<typeof startSmtpServer>> | undefined;

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

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function waitForMail(to: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mail = smtp!.messages.find((m) => m.to.includes(to));
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no email to ${to} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("inviting a counselor", () => {
  it("invite → emailed link → password → TOTP enrolment → signed in, seeing only their own site", async () => {
    const admin = await openPage();
    await signIn(admin.page, "admin@demo.bridgeway.example", DEMO_PASSWORD);
    await admin.page.waitForURL("**/staff");
    await admin.page.getByText("MFA is off for demo accounts").waitFor();
    await admin.page.getByRole("link", { name: "Users" }).click();
    await admin.page.waitForURL("**/staff/admin/users");
    await admin.page.getByRole("button", { name: "Invite staff" }).click();
    const dialog = admin.page.getByRole("dialog");
    await dialog.getByLabel("Full name").fill("Sam Okafor");
    const email = "sam.okafor@e2e.bridgeway.example";
    await dialog.getByRole("textbox", { name: "Email" }).fill(email);
    // Keyboard, as a keyboard user would: focus the field, open its list, pick.
    await dialog.getByLabel(/^Roles/).focus();
    await admin.page.keyboard.press("ArrowDown");
    await admin.page.getByRole("option", { name: /Counselor/ }).click();
    await admin.page.keyboard.press("Escape");
    await dialog.getByLabel(/^Sites/).focus();
    await admin.page.keyboard.press("ArrowDown");
    await admin.page.getByRole("listbox").getByRole("option", { name: "Northgate" }).click();
    await admin.page.keyboard.press("Escape");
    await expectNoAxeViolations(admin.page, "invite staff dialog");
    await dialog.getByRole("button", { name: "Send invitation" }).click();
    await admin.page.getByText(`Invitation sent to ${email}.`).waitFor();
    await dialog.waitFor({ state: "detached" });
    // The demo's users run to several pages (staff, and participants who sign their plans): find them.
    await admin.page.getByRole("searchbox").fill("Okafor");
    await admin.page.getByRole("cell", { name: "Sam Okafor" }).waitFor();
    await expectNoAxeViolations(admin.page, "users");
    await screenshot(admin.page, "admin-users");

    const mail = await waitForMail(email);
    assert.equal(mail.subject, "You are invited to Bridgeway");
    const token = linkToken(mail, "invitation");

    const invited = await openPage();
    await invited.page.goto(`/invitation#token=${token}`);
    await invited.page.getByText("Sam Okafor").waitFor();
    assert.ok(!invited.page.url().includes(token), "the token is taken out of the address bar");
    await expectNoAxeViolations(invited.page, "invitation");
    await invited.page.getByLabel(/^New password/).fill("orchid tandem glacier whistle");
    await invited.page.getByLabel(/^Confirm the new password/).fill("orchid tandem glacier whistle");
    await invited.page.getByRole("button", { name: "Create my account" }).click();
    await invited.page.waitForURL("**/sign-in**");
    await invited.page.getByLabel(/^Password/).fill("orchid tandem glacier whistle");
    if (!(await invited.page.getByLabel("Email").inputValue()))
      await invited.page.getByLabel("Email").fill(email);
    await invited.page.getByRole("button", { name: "Sign in" }).click();

    await invited.page.waitForURL("**/mfa-setup**");
    await invited.page
      .getByRole("img", { name: "QR code to add Bridgeway to your authenticator app" })
      .waitFor();
    await expectNoAxeViolations(invited.page, "MFA setup");
    const secret = (await invited.page
      .locator("pre, code")
      .filter({ hasText: /^[A-Z2-7 ]{20,}$/ })
      .first()
      .textContent())!.replace(/\s/g, "");
    const code = totpCodeAt(decodeBase32IgnorePadding(secret), new Date());
    await invited.page.getByLabel(/6-digit code/).fill(code);
    await invited.page.getByRole("button", { name: "Turn on two-step verification" }).click();
    await invited.page.getByRole("heading", { name: "Save your recovery codes" }).waitFor();
    await expectNoAxeViolations(invited.page, "recovery codes");
    await invited.page.getByRole("button", { name: "I saved them, continue" }).click();

    await invited.page.waitForURL("**/staff");
    await invited.page.getByRole("heading", { name: "Program at a glance" }).waitFor();
    // The census loads after the heading: wait for the counselor's site, then check the other is absent.
    const main = invited.page.getByRole("main");
    await main.getByText("Northgate", { exact: true }).first().waitFor();
    assert.equal(
      await main.getByText("Riverside", { exact: true }).count(),
      0,
      "only the counselor's own site is shown",
    );

    await invited.page.getByRole("link", { name: "Participants" }).click();
    await invited.page.getByText("Showing your care team only.").waitFor();
    await expectNoAxeViolations(invited.page, "participants (care team, empty)");
    await screenshot(invited.page, "participants-care-team");

    // The administrator sees the new person as active with MFA on, and the audit log records it all.
    await admin.page.reload();
    await admin.page.getByRole("searchbox").fill("Okafor");
    await admin.page
      .getByRole("row", { name: /Sam Okafor/ })
      .getByText("Active")
      .waitFor();
    await admin.page.getByRole("link", { name: "Audit log" }).click();
    await admin.page.getByRole("cell", { name: "auth.mfa_enrol" }).first().waitFor();
    await expectNoAxeViolations(admin.page, "audit log");
    await screenshot(admin.page, "audit-log");

    assert.deepEqual(invited.consoleErrors, []);
    await admin.page.context().close();
    await invited.page.context().close();
  });
});

describe("administration and access pages", () => {
  it("roles, sites, security and admissions settings and access alerts pass axe for the administrator", async () => {
    const { page, consoleErrors } = await openPage();
    await signIn(page, "admin@demo.bridgeway.example", DEMO_PASSWORD);
    await page.waitForURL("**/staff");
    for (const [link, heading] of [
      ["Roles", /Roles/],
      ["Sites", /Sites/],
      ["Security settings", /Security settings/],
      ["Admissions settings", /Admissions settings/],
      ["Access alerts", /Access alerts/],
    ] as const) {
      await page.getByRole("navigation").getByRole("link", { name: link }).click();
      await page.getByRole("heading", { name: heading, level: 1 }).waitFor();
      await expectNoAxeViolations(page, link);
    }
    // The demo has one open break-the-glass alert, with its stated reason.
    await page.getByText(/participant disclosed a lapse/).waitFor();
    await screenshot(page, "access-alerts");
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });

  it("a counselor breaks the glass to open a record outside their care team", async () => {
    const director = await openPage();
    await signIn(director.page, "director@demo.bridgeway.example", DEMO_PASSWORD);
    await director.page.waitForURL("**/staff");
    const list = await director.page.evaluate(async () => {
      const response = await fetch("/api/v1/participants?status=current&pageSize=100");
      return (await response.json()) as {
        participants: { id: string; siteName: string; primaryCounselor: string | null }[];
      };
    });
    const target = list.participants.find(
      (p) => p.siteName === "Riverside" && p.primaryCounselor !== "Jordan Alvarez",
    );
    assert.ok(target, "a current Riverside participant outside the demo counselor's care team");
    await director.page.goto(`/staff/participants/${target.id}`);
    await director.page.getByRole("heading", { level: 1 }).waitFor();
    await expectNoAxeViolations(director.page, "participant record (director)");
    for (const tab of ["Check-ins", "Discharge"]) {
      await director.page.getByRole("tab", { name: tab }).click();
      await director.page.waitForURL(/[?&]tab=/);
      await expectNoAxeViolations(director.page, `participant record, ${tab} tab`);
    }
    await director.page.context().close();

    const counselor = await openPage();
    await signIn(counselor.page, "counselor@demo.bridgeway.example", DEMO_PASSWORD);
    await counselor.page.waitForURL("**/staff");
    await counselor.page.goto(`/staff/participants/${target.id}`);
    const reason = counselor.page.getByLabel("Why do you need this record now?");
    await reason.waitFor();
    await expectNoAxeViolations(counselor.page, "break-the-glass");
    await reason.fill("Covering tonight's group; the participant asked for their plan.");
    await counselor.page.getByRole("button", { name: "Open the record" }).click();
    await counselor.page
      .getByText(/break-the-glass/i)
      .first()
      .waitFor();
    await counselor.page.getByRole("heading", { level: 1 }).waitFor();
    await screenshot(counselor.page, "break-the-glass-record");
    await counselor.page.context().close();
  });
});
