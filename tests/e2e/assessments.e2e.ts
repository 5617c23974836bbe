import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { CSRF_HEADER, CSRF_HEADER_VALUE } from "../../src/core/platform/http";
import { DEMO_PASSWORD } from "../../src/server/demo/demo-accounts";
import { collectConsoleErrors, expectNoAxeViolations, launchBrowser, screenshot } from "./support/browser";
import { type BridgewayServer, startBridgeway } from "./support/server";

/**
 * A questionnaire from the participant's phone to the care team's inbox: the demo participant
 * finds the PHQ-9 their care team assigned on "My questionnaires", answers item 9 above "not at
 * all", and sees crisis help first; a counselor on their care team finds the urgent alert, then
 * reads progress on the caseload and the chart and enters a questionnaire there.
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
const PARTICIPANT_NAME = "Casey Morgan";
const PHQ9_TITLE = "Patient Health Questionnaire (PHQ-9)";
const GAD7_TITLE = "Generalized Anxiety Disorder scale (GAD-7)";

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

async function signIn(page: Page, email: string, lands: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`**${lands}`);
}

/** A JSON call to the API from the signed-in page, as the web app makes it. */
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

/**
 * Set-up through the API the staff pages use: the clinical director puts the demo counselor on the
 * demo participant's care team and assigns PHQ-9 due today.
 */
async function assignPhq9ToTheDemoParticipant(): Promise<void> {
  const { page } = await openPage(DESKTOP);
  await signIn(page, "director@demo.bridgeway.example", "/staff");
  const { participants } = await api<{
    participants: { id: string; name: string; siteId: string }[];
  }>(page, "GET", "/api/v1/participants?status=current&pageSize=100");
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
  const { assignments } = await api<{ assignments: { instrumentKey: string }[] }>(
    page,
    "GET",
    `/api/v1/participants/${casey.id}/assessment-assignments`,
  );
  if (!assignments.some((a) => a.instrumentKey === "phq9")) {
    await api(page, "POST", `/api/v1/participants/${casey.id}/assessment-assignments`, {
      instrumentKey: "phq9",
      dueOn: new Date().toISOString().slice(0, 10),
    });
  }
  await page.context().close();
}

describe("questionnaires", () => {
  it("a participant answers PHQ-9 on their phone, sees crisis help first, and their counselor sees the urgent alert", async () => {
    await assignPhq9ToTheDemoParticipant();

    const { page, consoleErrors } = await openPage(PHONE);
    await signIn(page, "participant@demo.bridgeway.example", "/me");
    const card = page.getByRole("region", { name: "Questionnaires to complete" });
    await card.getByText(/^You have \d+ questionnaires? to fill in\.$/).waitFor();
    await expectNoAxeViolations(page, "participant home with questionnaires (phone)");
    await card.getByRole("link", { name: "Open my questionnaires" }).click();

    await page.waitForURL("**/me/questionnaires");
    await page.getByRole("heading", { name: "My questionnaires", level: 1 }).waitFor();
    const list = page.getByRole("list", { name: "Questionnaires to fill in" });
    await list.getByRole("heading", { name: PHQ9_TITLE }).waitFor();
    await expectNoAxeViolations(page, "my questionnaires (phone)");
    await screenshot(page, "my-questionnaires-phone");
    await list.getByRole("link", { name: `Start: ${PHQ9_TITLE}` }).click();

    await page.waitForURL(/\/me\/questionnaires\/phq9\?assignment=/);
    const form = page.getByRole("form", { name: PHQ9_TITLE });
    await form.waitFor();
    for (let n = 1; n <= 8; n++) {
      await form
        .getByRole("radiogroup")
        .nth(n - 1)
        .getByRole("radio", { name: "Not at all" })
        .check();
    }
    await form
      .getByRole("radiogroup", { name: /^Thoughts that you would be better off dead/ })
      .getByRole("radio", { name: "Several days" })
      .check();
    // A problem other than "not at all" brings the difficulty question.
    await form
      .getByRole("radiogroup", { name: /^If you checked off any problems/ })
      .getByRole("radio", { name: "Somewhat difficult" })
      .check();
    await page.getByText("10 of 10 answered").waitFor();
    await expectNoAxeViolations(page, "PHQ-9 form (phone)");
    await form.getByRole("button", { name: "Send my answers" }).click();

    const crisis = page.getByRole("region", { name: "Get help now" });
    await crisis.waitFor();
    await page.getByRole("heading", { name: "Thank you for telling us", level: 1 }).waitFor();
    const call988 = crisis.getByRole("link", { name: "Call 988" });
    assert.ok(await call988.isVisible(), "Call 988 is on screen");
    assert.equal(await call988.getAttribute("href"), "tel:988");
    assert.equal(await crisis.getByRole("link", { name: "Call 911" }).getAttribute("href"), "tel:911");
    // The program's on-call line at the participant's site (the demo's fictional 555-01xx numbers).
    const onCall = crisis.getByRole("link", { name: /on-call: \(555\) 010-44\d0$/ });
    assert.match((await onCall.getAttribute("href")) ?? "", /^tel:555010440|^tel:555010441/);
    const crisisBox = await crisis.boundingBox();
    assert.ok(crisisBox && crisisBox.y < PHONE.height, "the crisis lines start on the first screen");
    const careTeamTold = page.getByText(/Your care team has been told/);
    assert.ok(
      await crisis.evaluate(
        (region, told) => Boolean(region.compareDocumentPosition(told) & Node.DOCUMENT_POSITION_FOLLOWING),
        await careTeamTold.elementHandle(),
      ),
      "crisis help comes before the rest of the message",
    );
    assert.equal(await page.getByText(/score|total|minimal|mild|moderate|severe/i).count(), 0, "no score");
    await expectNoAxeViolations(page, "after a critical answer (phone)");
    await screenshot(page, "questionnaire-crisis-phone");

    await page.getByRole("link", { name: "Back to my questionnaires" }).click();
    await page.getByRole("heading", { name: "My questionnaires", level: 1 }).waitFor();
    await page
      .getByRole("list", { name: "Questionnaires to fill in" })
      .or(page.getByText("Nothing to fill in right now."))
      .waitFor();
    assert.equal(await page.getByRole("link", { name: `Start: ${PHQ9_TITLE}` }).count(), 0, "PHQ-9 is done");
    assert.deepEqual(consoleErrors, []);
    await page.context().close();

    const counselor = await openPage(DESKTOP);
    await signIn(counselor.page, "counselor@demo.bridgeway.example", "/staff");
    await counselor.page
      .getByRole("navigation")
      .getByRole("link", { name: /^Alerts [1-9]\d* open$/ })
      .click();
    await counselor.page.getByRole("heading", { name: "Alerts", level: 1 }).waitFor();
    const row = counselor.page
      .getByRole("table", { name: "Alerts" })
      .getByRole("row")
      .filter({ hasText: PARTICIPANT_NAME })
      .filter({ hasText: "PHQ-9 item 9 answered" });
    await row.first().waitFor();
    await row.first().getByText("Urgent").waitFor();
    await expectNoAxeViolations(counselor.page, "alert inbox with the PHQ-9 alert");
    await row.first().getByRole("link", { name: "PHQ-9 item 9 answered" }).click();
    await counselor.page.getByRole("heading", { name: "PHQ-9 item 9 answered", level: 1 }).waitFor();
    await screenshot(counselor.page, "phq9-alert");
    assert.deepEqual(counselor.consoleErrors, []);
    await counselor.page.context().close();
  });

  it("a counselor sees key scores on the caseload, progress on the chart, and enters a GAD-7 there", async () => {
    const { page, consoleErrors } = await openPage(DESKTOP);
    await signIn(page, "counselor@demo.bridgeway.example", "/staff");
    await page.goto("/staff/participants");
    const table = page.getByRole("table").first();
    await table.getByRole("columnheader", { name: "Key scores" }).waitFor();
    await table.getByRole("link", { name: PARTICIPANT_NAME }).waitFor();
    await expectNoAxeViolations(page, "caseload with key scores");
    await table.getByRole("link", { name: PARTICIPANT_NAME }).click();

    await page.getByRole("tab", { name: "Assessments" }).click();
    await page.waitForURL(/\?tab=assessments/);
    const phq9 = page.getByRole("region", { name: PHQ9_TITLE });
    await phq9.waitFor();
    await phq9.getByText("Critical answer").first().waitFor();
    await phq9.getByRole("img", { name: /scores over time/ }).waitFor();
    await page.getByTestId("measure-chart").first().waitFor();
    await phq9.getByRole("button", { name: "Show scores as a table" }).click();
    await phq9.getByRole("table").waitFor();
    await expectNoAxeViolations(page, "chart: Assessments tab");
    await screenshot(page, "chart-assessments");

    await page.getByRole("combobox", { name: "Questionnaire to administer" }).click();
    await page.getByRole("option", { name: GAD7_TITLE }).click();
    await page.getByRole("button", { name: "Administer", exact: true }).click();
    await page.waitForURL("**/assessments/new/gad7");
    const form = page.getByRole("form", { name: GAD7_TITLE });
    await form.waitFor();
    await expectNoAxeViolations(page, "chart: entering a GAD-7");
    const groups = form.getByRole("radiogroup");
    for (let n = 0; n < 7; n++) await groups.nth(n).getByRole("radio", { name: "Not at all" }).check();
    await form.getByRole("button", { name: "Submit answers" }).click();
    await page.getByText(`Recorded: ${GAD7_TITLE}`).waitFor();
    await page.getByText("Score 0 · minimal").waitFor();
    await page.getByRole("link", { name: "Back to the chart" }).click();
    await page.waitForURL(/\?tab=assessments/);
    await page
      .getByRole("region", { name: GAD7_TITLE })
      .getByText(/^Latest: 0 on /)
      .waitFor();
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });
});
