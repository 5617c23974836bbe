import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { DEMO_PASSWORD } from "../../src/server/demo/demo-accounts";
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
    await intake.page.getByRole("navigation").getByRole("link", { name: "Admissions", exact: true }).click();
    await intake.page.getByRole("heading", { name: "Admissions", level: 1 }).waitFor();
    await intake.page.getByRole("link", { name }).waitFor();
    await expectNoAxeViolations(intake.page, "admissions pipeline");
    await screenshot(intake.page, "admissions-pipeline");
    await intake.page.getByRole("link", { name }).click();
    await intake.page.getByRole("heading", { name, level: 1 }).waitFor();
    await expectNoAxeViolations(intake.page, "inquiry detail");
    const page = intake.page;
    for (const stage of ["Contacted", "Screening scheduled"]) {
      await page.getByLabel("Move to").selectOption({ label: stage });
      await page.getByRole("button", { name: "Move", exact: true }).click();
      await page.getByText(`Current stage: ${stage}`).waitFor();
    }

    // Screening: eligibility, six ratings, the program's suggestion, the clinician's levels.
    for (const item of [
      "A substance-use concern is present",
      "Medically stable for outpatient care",
      "No withdrawal that needs 24-hour care",
      "Not at imminent risk of harm to self or others",
      "Can attend the program schedule",
      "Agrees to take part",
    ]) {
      await page.getByRole("radiogroup", { name: item }).getByRole("radio", { name: "Yes" }).check();
    }
    const ratings = [1, 0, 2, 1, 2, 1];
    for (const [i, rating] of ratings.entries()) {
      await page
        .getByRole("radiogroup", { name: `Rating for dimension ${i + 1}` })
        .getByRole("radio", { name: String(rating), exact: true })
        .check();
    }
    await page.getByText(/Suggested level: 2\.1/).waitFor();
    await page.getByLabel(/^Recommended level/).selectOption("2.1");
    await page.getByLabel(/^Level that will be provided/).selectOption("2.1");
    await expectNoAxeViolations(page, "screening form");
    await page.getByRole("button", { name: "Record screening" }).click();
    await page.getByText("Current stage: Screened").waitFor();

    // Admission: the person, the episode, one primary substance-use diagnosis.
    await page.getByLabel(/^Legal first name/).fill("Sky");
    await page.getByLabel(/^Legal last name/).fill("Wrenfield");
    await page.getByLabel(/^Date of birth/).fill("1994-02-11");
    await page.getByLabel(/^Primary counselor/).selectOption({ label: "Jordan Alvarez" });
    await page.getByLabel("Search ICD-10-CM codes").fill("alchohol dependence");
    await page.getByRole("button", { name: "Add F10.20" }).click();
    await page.getByRole("radio", { name: "Primary diagnosis: F10.20" }).waitFor();
    assert.ok(
      await page.getByRole("radio", { name: "Primary diagnosis: F10.20" }).isChecked(),
      "the first substance-use code is primary",
    );
    await expectNoAxeViolations(page, "admission form");
    await page.getByRole("button", { name: "Admit", exact: true }).click();
    await page.waitForURL("**/staff/participants/**");
    await page.getByRole("heading", { name, level: 1 }).waitFor();
    await page.getByText("Sky Wrenfield was admitted.").waitFor();
    await page.goBack();
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
