import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { CSRF_HEADER, CSRF_HEADER_VALUE } from "../../src/core/platform/http";
import type { ParticipantPlan } from "../../src/core/treatment-plans/plan-api.schema";
import { DEMO_PASSWORD } from "../../src/server/demo/demo-accounts";
import { collectConsoleErrors, expectNoAxeViolations, launchBrowser, screenshot } from "./support/browser";
import { type BridgewayServer, startBridgeway } from "./support/server";

/**
 * A treatment plan from both sides. The demo counselor opens a current participant who has no plan
 * yet, starts one from two templates, edits an objective (autosave says Saved) and sends it for
 * signatures, then signs it with their password. The demo participant, on a phone, opens "My plan"
 * from their home (the demo leaves their revised plan awaiting their signature), reads it in plain
 * words, types their name and signs; the signed plan downloads as a PDF. The counselor then holds a
 * review (progress per objective, autosaved; sent and signed) and the participant signs it on the
 * phone; My plan in Spanish and dark. My plan, the Plan tab, the editor and the review are checked
 * with axe; no console errors anywhere.
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
const COUNSELOR_NAME = "Jordan Alvarez";

async function openPage(
  viewport: { width: number; height: number },
  options: { locale?: string; colorScheme?: "light" | "dark" } = {},
) {
  const context = await browser!.newContext({
    viewport,
    baseURL: server!.url,
    locale: options.locale ?? "en-US",
    colorScheme: options.colorScheme ?? "light",
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

/** A JSON call to the API from the signed-in page, as the web app makes it; the status and the body. */
async function call<T>(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body, header }) => {
      const response = await fetch(path, {
        method,
        headers: { "content-type": "application/json", [header.name]: header.value },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, json: (await response.json().catch(() => null)) as T };
    },
    { method, path, body, header: { name: CSRF_HEADER, value: CSRF_HEADER_VALUE } },
  );
}

async function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  const reply = await call<T>(page, method, path, body);
  assert.ok(reply.status < 300, `${method} ${path} answered ${reply.status}: ${JSON.stringify(reply.json)}`);
  return reply.json;
}

interface ParticipantRow {
  id: string;
  name: string;
  siteId: string;
}

/** The demo counselor's user id, among the staff of a site. */
async function counselorAt(page: Page, siteId: string): Promise<string> {
  const { staff } = await api<{ staff: { id: string; displayName: string }[] }>(
    page,
    "GET",
    `/api/v1/sites/${siteId}/staff`,
  );
  const counselor = staff.find((s) => s.displayName === COUNSELOR_NAME);
  assert.ok(counselor, "the demo counselor works at the demo participant's site");
  return counselor.id;
}

/** Put the demo counselor on a participant's care team (as the director), unless already there. */
async function addCounselor(page: Page, participant: ParticipantRow, counselorId: string): Promise<void> {
  const record = await api<{ careTeam: { userId: string; role: string }[] }>(
    page,
    "GET",
    `/api/v1/participants/${participant.id}`,
  );
  if (record.careTeam.some((m) => m.userId === counselorId)) return;
  await api(page, "PUT", `/api/v1/participants/${participant.id}/care-team`, {
    members: [
      ...record.careTeam.map((m) => ({ userId: m.userId, role: m.role })),
      { userId: counselorId, role: "counselor" },
    ],
  });
}

/**
 * As the director, when the demo has no current participant without a plan at the demo participant's
 * site (only those admitted in the last day or two have none): admit a screened lead there, with the
 * demo counselor as primary counselor. The newcomer has no plan.
 */
async function admitNewcomer(page: Page, site: { id: string }, counselorId: string): Promise<ParticipantRow> {
  const { leads } = await api<{
    leads: { id: string; personName: string; createdAt: string; site: { id: string } }[];
  }>(page, "GET", `/api/v1/admissions/leads?stage=screened&siteId=${site.id}&pageSize=100`);
  const lead = leads.find((l) => l.site.id === site.id);
  assert.ok(lead, "the demo has a screened lead at the demo participant's site");
  const [given = "New", ...rest] = lead.personName.split(" ");
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const contacted = lead.createdAt.slice(0, 10);
  const admitted = await api<{ participantId: string }>(
    page,
    "POST",
    `/api/v1/admissions/leads/${lead.id}/admission`,
    {
      legalGivenName: given,
      legalFamilyName: rest.join(" ") || "Newcomer",
      bornOn: "1990-04-12",
      admittedOn: contacted > yesterday ? contacted : yesterday,
      primaryCounselorId: counselorId,
      diagnoses: [{ code: "F10.20", primary: true }],
    },
  );
  return { id: admitted.participantId, name: `${given} ${rest.join(" ") || "Newcomer"}`, siteId: site.id };
}

/**
 * As the director: the demo participant account, and a current participant at the same site with no
 * plan yet (admitted now when the demo has none); the demo counselor is put on both care teams.
 */
async function prepareCareTeams(): Promise<{ casey: ParticipantRow; newcomer: ParticipantRow }> {
  const { page } = await openPage(DESKTOP);
  await signIn(page, "director@demo.bridgeway.example", "/staff");
  const { participants } = await api<{ participants: ParticipantRow[] }>(
    page,
    "GET",
    "/api/v1/participants?status=current&pageSize=100",
  );
  const casey = participants.find((p) => p.name === PARTICIPANT_NAME);
  assert.ok(casey, "the demo participant is a current participant");
  let newcomer: ParticipantRow | undefined;
  for (const p of participants.filter((p) => p.siteId === casey.siteId && p.id !== casey.id)) {
    const reply = await call<{ plan: ParticipantPlan | null }>(
      page,
      "GET",
      `/api/v1/participants/${p.id}/treatment-plan`,
    );
    if (reply.status === 200 && reply.json.plan === null) {
      newcomer = p;
      break;
    }
  }
  const counselorId = await counselorAt(page, casey.siteId);
  newcomer ??= await admitNewcomer(page, { id: casey.siteId }, counselorId);
  await addCounselor(page, casey, counselorId);
  await addCounselor(page, newcomer, counselorId);
  await page.context().close();
  return { casey, newcomer };
}

let people: { casey: ParticipantRow; newcomer: ParticipantRow } | undefined;
let reviewId: string | undefined;

describe("a treatment plan, drafted, signed on a phone and printed", () => {
  it("the counselor starts a plan from two templates, edits an objective, sends it for signatures and signs it", async () => {
    people = await prepareCareTeams();
    const { newcomer } = people;
    const { page, consoleErrors } = await openPage(DESKTOP);
    await signIn(page, "counselor@demo.bridgeway.example", "/staff");
    await page.goto(`/staff/participants/${newcomer.id}?tab=plan`);
    await page.getByRole("heading", { name: newcomer.name, level: 1 }).waitFor();
    await page.getByText("No treatment plan yet").waitFor();
    await expectNoAxeViolations(page, "chart: Plan tab without a plan");

    await page.getByRole("button", { name: "Start a plan" }).click();
    const start = page.getByRole("dialog", { name: "Start a treatment plan" });
    // Only the two templates: the problems suggested from the record are unticked for this journey.
    await start.getByLabel("Loading the plan…").first().waitFor({ state: "detached" });
    const suggested = start.getByRole("group", { name: /^Suggested from the record/ }).getByRole("checkbox");
    for (const box of await suggested.all()) await box.uncheck();
    const templates = start.getByRole("group", { name: /^Templates/ });
    await templates.getByRole("checkbox", { name: /^Relapse prevention/ }).check();
    await templates.getByRole("checkbox", { name: /^Alcohol use/ }).check();
    await start.getByRole("button", { name: "Start the plan" }).click();
    await start.waitFor({ state: "hidden" });

    // The editor: change the first objective's wording; autosave says when it is saved.
    const edit = page
      .getByRole("link", { name: "Continue editing" })
      .or(page.getByRole("button", { name: "Continue editing" }));
    if (!/\/plan\/[^/]+\/edit/.test(page.url())) await edit.first().click();
    await page.waitForURL(/\/plan\/[^/]+\/edit/);
    const objective = page.getByRole("textbox", { name: "Objective", exact: true }).first();
    await objective.waitFor();
    await objective.fill("Name three people I can call when I want to drink, and call one each week");
    await page
      .getByRole("status")
      .filter({ hasText: /Saved at \d/ })
      .waitFor();
    await expectNoAxeViolations(page, "plan editor");
    await screenshot(page, "plan-editor");

    await page.getByRole("button", { name: "Send for signatures" }).click();
    await page.getByText("The plan was sent for signatures.").waitFor();

    // Back on the Plan tab: the counselor signs with their password.
    await page.goto(`/staff/participants/${newcomer.id}?tab=plan`);
    await page.getByRole("heading", { name: /^Version 1 in progress/ }).waitFor();
    await expectNoAxeViolations(page, "chart: Plan tab awaiting signatures");
    await page.getByRole("button", { name: /^Sign as Clinician/ }).click();
    const sign = page.getByRole("dialog", { name: /^Sign version 1 as Clinician/ });
    await sign.getByLabel("Your password").fill(DEMO_PASSWORD);
    await sign.getByRole("button", { name: "Sign", exact: true }).click();
    await sign.waitFor({ state: "hidden" });
    const { plan } = await api<{ plan: ParticipantPlan | null }>(
      page,
      "GET",
      `/api/v1/participants/${newcomer.id}/treatment-plan`,
    );
    const open = plan?.open;
    assert.ok(open, "version 1 is still open, waiting for the participant");
    assert.equal(open.status, "awaiting_signatures");
    assert.deepEqual(
      open.signatures.map((s) => [s.role, s.method, s.signer.displayName]),
      [["clinician", "password", COUNSELOR_NAME]],
    );
    assert.equal(
      open.content.problems[0]?.objectives[0]?.statement,
      "Name three people I can call when I want to drink, and call one each week",
      "the edited objective was saved",
    );
    assert.deepEqual(
      open.content.problems.map((p) => p.templateKey).sort(),
      ["alcohol-use", "relapse-prevention"],
      "the plan holds the two templates' problems",
    );
    await screenshot(page, "chart-plan-awaiting");
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });

  it("the participant reads My plan on their phone, types their name and signs", async () => {
    const { page, consoleErrors } = await openPage(PHONE);
    await signIn(page, "participant@demo.bridgeway.example", "/me");
    const card = page.getByRole("region", { name: "My plan" });
    await card.getByText("Your treatment plan is ready for you to read and sign.").waitFor();
    await card.getByRole("link", { name: "Read and sign my plan" }).click();
    await page.waitForURL("**/me/plan");
    await page.getByRole("heading", { name: "My plan", level: 1 }).waitFor();
    await page.getByRole("heading", { name: "What I want" }).first().waitFor();
    await page.getByRole("heading", { name: "How we will know" }).first().waitFor();
    await page.getByRole("heading", { name: "What we will do" }).first().waitFor();
    await page.getByRole("region", { name: "When I am ready to finish the program" }).waitFor();
    await page
      .getByRole("region", { name: "Who has signed" })
      .getByText(/\(counselor\) signed on /)
      .waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `nothing scrolls sideways (${overflow}px)`);
    await expectNoAxeViolations(page, "My plan (phone)");
    await screenshot(page, "my-plan-phone");

    // A name that is not theirs is refused on the field; their own name signs.
    const name = page.getByRole("textbox", { name: /^Type your full name to sign/ });
    await name.fill("Someone Else");
    await page.getByRole("checkbox", { name: "I have read my plan and agree to it" }).check();
    await page.getByRole("button", { name: "Sign", exact: true }).click();
    await page.getByText(/^Type your name as it is on your record/).waitFor();
    assert.equal(await name.getAttribute("aria-invalid"), "true");
    await name.fill(PARTICIPANT_NAME);
    await page.getByRole("button", { name: "Sign", exact: true }).click();
    await page
      .getByRole("status")
      .getByText(/^You signed on .+\. Thank you\.$/)
      .waitFor();
    await page
      .getByRole("region", { name: "Who has signed" })
      .getByText(/\(you\) signed on /)
      .waitFor();
    await expectNoAxeViolations(page, "My plan signed (phone)");
    await screenshot(page, "my-plan-phone-signed");
    const mine = await api<{ plan: { awaitingMySignature: boolean } | null }>(
      page,
      "GET",
      "/api/v1/me/treatment-plan",
    );
    assert.equal(mine.plan?.awaitingMySignature, false, "nothing is left for the participant to sign");
    // The refused signature (the wrong name) is the one failed request.
    assert.deepEqual(consoleErrors, [
      "Failed to load resource: the server responded with a status of 400 (Bad Request)",
    ]);
    await page.context().close();
  });

  it("the counselor sees the signed plan on the Plan tab and downloads it as a PDF", async () => {
    assert.ok(people, "the first journey found the participants");
    const { page, consoleErrors } = await openPage(DESKTOP);
    await signIn(page, "counselor@demo.bridgeway.example", "/staff");
    const { plan } = await api<{ plan: ParticipantPlan | null }>(
      page,
      "GET",
      `/api/v1/participants/${people.casey.id}/treatment-plan`,
    );
    assert.ok(plan?.current, "the participant's plan has a signed version in force");
    // The revised version the participant just signed is now the one in force (unless a co-signature is still due).
    const signedByParticipant = [plan.current, plan.open].find((v) =>
      v?.signatures.some(
        (s) => s.role === "participant" && Date.now() - Date.parse(s.signedAt) < 10 * 60_000,
      ),
    );
    assert.ok(signedByParticipant, "the participant's signature is on the revised version");

    await page.goto(`/staff/participants/${people.casey.id}?tab=plan`);
    await page.getByRole("heading", { name: "Current signed plan" }).waitFor();
    await page.getByRole("region", { name: "Reviews" }).waitFor();
    await expectNoAxeViolations(page, "chart: Plan tab with a signed plan");
    await screenshot(page, "chart-plan-signed");

    const pdf = await page.request.get(
      `/api/v1/treatment-plans/${plan.planId}/versions/${plan.current.id}/pdf`,
    );
    assert.equal(pdf.status(), 200);
    assert.match(pdf.headers()["content-type"] ?? "", /^application\/pdf/);
    const bytes = await pdf.body();
    assert.equal(bytes.subarray(0, 4).toString("latin1"), "%PDF", "the download is a PDF");

    // A review of the plan in force: progress per objective (autosaved), the summary, sent and signed.
    const reviews = page.getByRole("region", { name: "Reviews" });
    await reviews.getByRole("button", { name: "Start review" }).click();
    const start = page.getByRole("dialog", { name: "Start a plan review" });
    await start.getByRole("button", { name: "Start review" }).click();
    await start.waitFor({ state: "hidden" });
    const editor = reviews.getByRole("region", { name: /^Review \d+ — Draft$/ });
    await editor
      .getByRole("group")
      .first()
      .getByLabel("Progress note")
      .fill("Came to every group this month.");
    await editor
      .getByRole("status")
      .filter({ hasText: /Saved at \d/ })
      .waitFor();
    await editor.getByLabel(/^Summary/).fill("Steady progress; Casey wants to keep the plan as it is.");
    await expectNoAxeViolations(page, "chart: Plan tab with a review being written");
    await screenshot(page, "chart-plan-review-draft");
    await editor.getByRole("button", { name: "Send for signatures" }).click();
    const awaiting = reviews.getByRole("region", { name: /^Review \d+ — Awaiting signatures$/ });
    await awaiting.getByRole("button", { name: "Sign review", exact: true }).click();
    const sign = page.getByRole("dialog", { name: /^Sign this review/ });
    await sign.locator('input[type="password"]').fill(DEMO_PASSWORD);
    await sign.getByRole("button", { name: "Sign", exact: true }).click();
    await sign.waitFor({ state: "hidden" });
    await awaiting.getByText(/^Waiting for: participant/).waitFor();
    const after = await api<{ plan: ParticipantPlan | null }>(
      page,
      "GET",
      `/api/v1/participants/${people.casey.id}/treatment-plan`,
    );
    assert.equal(after.plan?.openReview?.status, "awaiting_signatures");
    assert.equal(
      after.plan?.openReview?.content.summary,
      "Steady progress; Casey wants to keep the plan as it is.",
    );
    reviewId = after.plan?.openReview?.id;
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });

  it("the participant opens the review from their home on their phone, reads it and signs it", async () => {
    assert.ok(reviewId, "the counselor's journey opened a review");
    const { page, consoleErrors } = await openPage(PHONE);
    await signIn(page, "participant@demo.bridgeway.example", "/me");
    const card = page.getByRole("region", { name: "My plan" });
    await card.getByText("A review of your plan is ready for you to read and sign.").waitFor();
    await card.getByRole("link", { name: "Read and sign the review" }).click();
    await page.waitForURL(`**/me/plan/reviews/${reviewId}`);
    await page.getByRole("heading", { name: "Review of my plan", level: 1 }).waitFor();
    await page.getByText("Came to every group this month.").waitFor();
    await page.getByText("Steady progress; Casey wants to keep the plan as it is.").waitFor();
    await expectNoAxeViolations(page, "a review of my plan (phone)");
    await page.getByRole("textbox", { name: /^Type your full name to sign/ }).fill(PARTICIPANT_NAME);
    await page.getByRole("checkbox", { name: "I have read this review" }).check();
    await page.getByRole("button", { name: "Sign", exact: true }).click();
    await page
      .getByRole("status")
      .getByText(/^You signed on .+\. Thank you\.$/)
      .waitFor();
    await screenshot(page, "my-plan-review-phone-signed");
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });

  it("My plan in Spanish and dark on the phone", async () => {
    const { page, consoleErrors } = await openPage(PHONE, { locale: "es-MX", colorScheme: "dark" });
    await signIn(page, "participant@demo.bridgeway.example", "/me", "Iniciar sesión");
    await page.getByRole("region", { name: "Mi plan" }).getByRole("link", { name: "Abrir mi plan" }).click();
    await page.getByRole("heading", { name: "Mi plan", level: 1 }).waitFor();
    await page.getByRole("heading", { name: "Lo que quiero" }).first().waitFor();
    await page
      .getByRole("region", { name: "Quién ha firmado" })
      .getByText(/\(usted\) firmó el /)
      .waitFor();
    await expectNoAxeViolations(page, "My plan (phone, Spanish, dark)");
    await screenshot(page, "my-plan-phone-es-dark");
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });
});
