import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { DEMO_PASSWORD } from "../../src/server/demo/demo-accounts";
import { aScreening } from "../support/given";
import { collectConsoleErrors, expectNoAxeViolations, launchBrowser, screenshot } from "./support/browser";
import { type BridgewayServer, startBridgeway } from "./support/server";

/**
 * From a visitor's phone to a counselor's caseload: the self-check and an inquiry on a phone-sized
 * screen, then intake screens and admits, then the counselor finds the new participant.
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

async function openPage(viewport: {
  width: number;
  height: number;
}): Promise<{ page: Page; consoleErrors: string[] }> {
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

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/staff");
}

/** A JSON API call made by the signed-in page itself (its cookie, its CSRF header). */
async function api<T>(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, {
        method,
        headers: { "content-type": "application/json", "x-bridgeway-request": "1" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, json: await response.json() };
    },
    { method, path, body },
  ) as Promise<{ status: number; json: T }>;
}

describe("from first inquiry to the counselor's caseload", () => {
  it("self-check and inquiry on a phone → screened and admitted → on the counselor's caseload", async () => {
    const visitor = await openPage({ width: 390, height: 844 });
    await visitor.page.goto("/sign-in");
    await visitor.page.getByRole("link", { name: "Looking for help?" }).click();
    await visitor.page.getByRole("heading", { name: "Get help", level: 1 }).waitFor();
    await expectNoAxeViolations(visitor.page, "get help (phone)");
    await visitor.page.getByRole("link", { name: "Riverside" }).click();
    await visitor.page.getByRole("heading", { name: "Intensive outpatient program at Riverside" }).waitFor();
    await expectNoAxeViolations(visitor.page, "program page (phone)");
    await visitor.page.goBack();
    await visitor.page.getByRole("heading", { name: "Get help", level: 1 }).waitFor();
    await visitor.page.getByRole("link", { name: "Take a 2-minute self-check" }).click();
    await visitor.page.getByRole("heading", { name: "Self-check", level: 1 }).waitFor();
    const answer = async (question: string, option: string) =>
      visitor.page
        .getByRole("group", { name: question })
        .getByRole("radio", { name: option, exact: true })
        .check();
    await answer("Are you having thoughts of hurting yourself or ending your life?", "No");
    await answer(
      "When you cut down or stop, do you get shaky, sweaty or sick, have seizures, or see or hear things that are not there?",
      "No",
    );
    await answer(
      "Do you have a medical condition that needs close, daily care from a doctor or nurse right now?",
      "No",
    );
    await answer(
      "Is the place where you live safe and supportive of your recovery?",
      "Yes, it is safe and supportive",
    );
    await answer(
      "Do you need to keep working, going to school or caring for your family during treatment?",
      "Yes",
    );
    await answer("Could you come to the program for about 3 hours a day, 3 or more days a week?", "Yes");
    await answer(
      "Are you also dealing with depression, anxiety, trauma or other mental-health concerns?",
      "No",
    );
    await expectNoAxeViolations(visitor.page, "self-check (phone)");
    await visitor.page.getByRole("button", { name: "See my result" }).click();
    await visitor.page
      .getByRole("heading", { name: "An intensive outpatient program may fit you" })
      .waitFor();
    await visitor.page.getByText("This is not a diagnosis.", { exact: false }).first().waitFor();
    await screenshot(visitor.page, "self-check-result-phone");
    await visitor.page.getByRole("link", { name: "Ask us a question" }).first().click();

    await visitor.page.getByRole("heading", { name: "Ask us a question", level: 1 }).waitFor();
    const name = "Sky Wrenfield";
    await visitor.page.getByLabel(/^Location/).selectOption({ label: "Riverside" });
    await visitor.page.getByRole("radio", { name: "For me" }).check();
    await visitor.page.getByLabel(/^Your name/).fill(name);
    await visitor.page.getByRole("radio", { name: "Phone call" }).check();
    await visitor.page.getByLabel(/^Phone number/).fill("(555) 010-6060");
    await expectNoAxeViolations(visitor.page, "inquiry (phone)");
    await visitor.page.getByRole("button", { name: "Send my question" }).click();
    await visitor.page.getByRole("heading", { name: "Thank you. We got your message." }).waitFor();
    const reference = ((await visitor.page.getByText(/Your reference:/).textContent()) ?? "").match(
      /BW-[A-Z0-9]+/,
    )?.[0];
    assert.ok(reference, "the confirmation shows a reference");
    await expectNoAxeViolations(visitor.page, "inquiry sent (phone)");
    await screenshot(visitor.page, "inquiry-sent-phone");
    assert.deepEqual(visitor.consoleErrors, []);
    await visitor.page.context().close();

    // Intake finds the inquiry, screens and admits (through the API their pages use).
    const intake = await openPage({ width: 1280, height: 860 });
    await signIn(intake.page, "intake@demo.bridgeway.example");
    await intake.page.getByRole("navigation").getByRole("link", { name: "Admissions" }).click();
    await intake.page.getByRole("heading", { name: "Admissions", level: 1 }).waitFor();
    await intake.page.getByRole("link", { name }).waitFor();
    await expectNoAxeViolations(intake.page, "admissions pipeline");
    await screenshot(intake.page, "admissions-pipeline");
    await intake.page.getByRole("link", { name }).click();
    await intake.page.getByRole("heading", { name, level: 1 }).waitFor();
    await expectNoAxeViolations(intake.page, "inquiry detail");
    const list = await api<{
      leads: { id: string; personName: string; site: { id: string }; selfCheckOutcome?: string }[];
    }>(intake.page, "GET", `/api/v1/admissions/leads?q=${reference}`);
    assert.equal(list.json.leads[0]?.personName, name);
    const leadId = list.json.leads[0]!.id;
    const siteId = list.json.leads[0]!.site.id;
    for (const to of ["contacted", "screening_scheduled"]) {
      assert.equal(
        (await api(intake.page, "POST", `/api/v1/admissions/leads/${leadId}/stage`, { to })).status,
        200,
      );
    }
    const screened = await api<{ stage: string; screening: { suggestedLevel: string } }>(
      intake.page,
      "POST",
      `/api/v1/admissions/leads/${leadId}/screening`,
      aScreening(),
    );
    assert.equal(screened.json.stage, "screened");
    assert.equal(screened.json.screening.suggestedLevel, "2.1");
    const staff = await api<{ staff: { id: string; displayName: string }[] }>(
      intake.page,
      "GET",
      `/api/v1/sites/${siteId}/staff`,
    );
    const counselorId = staff.json.staff.find((s) => s.displayName === "Jordan Alvarez")!.id;
    const today = new Date().toISOString().slice(0, 10);
    const admitted = await api<{ participantId: string }>(
      intake.page,
      "POST",
      `/api/v1/admissions/leads/${leadId}/admission`,
      {
        legalGivenName: "Sky",
        legalFamilyName: "Wrenfield",
        bornOn: "1994-02-11",
        admittedOn: today,
        primaryCounselorId: counselorId,
        diagnoses: [{ code: "F10.20", primary: true }],
      },
    );
    assert.equal(admitted.status, 201, JSON.stringify(admitted.json));
    await intake.page.reload();
    await intake.page.getByRole("link", { name: "Open their record" }).waitFor();
    await screenshot(intake.page, "inquiry-admitted");
    assert.deepEqual(intake.consoleErrors, []);
    await intake.page.context().close();

    // The counselor sees the new participant on their caseload and opens the chart.
    const counselor = await openPage({ width: 1280, height: 860 });
    await signIn(counselor.page, "counselor@demo.bridgeway.example");
    await counselor.page.getByRole("link", { name: "Participants" }).click();
    await counselor.page.getByText("Showing your care team only.").waitFor();
    // A misspelled search still finds them (close spellings).
    await counselor.page.getByLabel("Search", { exact: true }).fill("Wrenfeld");
    await counselor.page.getByRole("link", { name: name }).click();
    await counselor.page.getByRole("heading", { name, level: 1 }).waitFor();
    await expectNoAxeViolations(counselor.page, "new participant's chart");
    await screenshot(counselor.page, "new-participant-chart");
    await counselor.page.context().close();
  });
});
