import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import type { CurrentSession } from "../../src/core/identity/session.schema";
import type { ChartNote, SessionNoteView } from "../../src/core/notes/notes-api.schema";
import type { AppointmentList } from "../../src/core/schedule/appointment.schema";
import type { ParticipantPlan } from "../../src/core/treatment-plans/plan-api.schema";
import { DEMO_PASSWORD } from "../../src/server/demo/demo-accounts";
import { collectConsoleErrors, expectNoAxeViolations, launchBrowser, screenshot } from "./support/browser";
import { type BridgewayServer, startBridgeway } from "./support/server";

/**
 * An individual session note from the calendar. Set up through the API as the demo counselor: an
 * individual appointment two days ago with a participant of theirs whose current plan has
 * objectives. In the browser the counselor opens that appointment in the calendar, chooses "Session
 * note", writes a DAP note tied to a plan objective (autosave says Saved), and signs it with the
 * password. The note is then in the participant's chart as signed; the counselor adds an addendum
 * with re-authentication and it shows under the note. Axe on the editor and on the signed note; no
 * console errors.
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

async function openPage(viewport = DESKTOP, locale = "en-US") {
  const context = await browser!.newContext({
    viewport,
    baseURL: server!.url,
    locale,
    hasTouch: viewport.width < 1000,
    colorScheme: "light",
    bypassCSP: true,
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  return { page, consoleErrors: collectConsoleErrors(page) };
}

async function signIn(page: Page, submit = "Sign in"): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel(/^(Email|Correo)/).fill("counselor@demo.bridgeway.example");
  await page.getByLabel(/^(Password|Contraseña)/).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: submit, exact: true }).click();
  await page.waitForURL("**/staff");
}

/** A call from the signed-in page, as the web app makes it (the app header on writes). */
async function call(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const headers: Record<string, string> = { accept: "application/json" };
      if (method !== "GET") headers["x-bridgeway-request"] = "1";
      if (body !== undefined) headers["content-type"] = "application/json";
      const response = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, json: (await response.json().catch(() => null)) as unknown };
    },
    { method, path, body },
  );
}

async function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  const reply = await call(page, method, path, body);
  assert.ok(reply.status < 300, `${method} ${path} answered ${reply.status}: ${JSON.stringify(reply.json)}`);
  return reply.json as T;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

interface Picked {
  participant: { id: string; name: string; siteId: string };
  objective: string;
  appointmentId: string;
  staffId: string;
  date: string;
  start: string;
}

/**
 * A participant the counselor sees whose current (signed) plan has an objective, and an individual
 * session booked with them two days ago (the first free hour).
 */
async function setUp(page: Page): Promise<Picked> {
  const { participants } = await api<{ participants: { id: string; name: string; siteId: string }[] }>(
    page,
    "GET",
    "/api/v1/participants?status=current&pageSize=100",
  );
  let picked: { participant: (typeof participants)[number]; objective: string } | undefined;
  for (const p of participants) {
    const reply = await call(page, "GET", `/api/v1/participants/${p.id}/treatment-plan`);
    if (reply.status !== 200) continue;
    const plan = (reply.json as { plan: ParticipantPlan | null }).plan;
    const objective = plan?.current?.content.problems.flatMap((problem) => problem.objectives)[0];
    if (objective) {
      picked = { participant: p, objective: objective.statement };
      break;
    }
  }
  assert.ok(picked, "a participant of the demo counselor has a signed plan with objectives");

  const session = await api<{ session: CurrentSession }>(page, "GET", "/api/v1/sessions/current");
  const date = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
  for (let hour = 7; hour < 21; hour += 1) {
    const start = `${String(hour).padStart(2, "0")}:00`;
    const reply = await call(page, "POST", "/api/v1/appointments", {
      participantId: picked.participant.id,
      kind: "individual",
      staffId: session.session.user.id,
      roomId: null,
      location: "Counseling office 3",
      telehealth: false,
      date,
      start,
      end: `${String(hour).padStart(2, "0")}:50`,
      recurrence: null,
      familyAttendees: [],
      allowUnavailability: true,
    });
    if (reply.status === 201) {
      const appointmentId = (reply.json as AppointmentList).appointments[0]!.id;
      return { ...picked, appointmentId, staffId: session.session.user.id, date, start };
    }
    assert.equal(reply.status, 409, `booking answered ${reply.status}: ${JSON.stringify(reply.json)}`);
  }
  assert.fail("an individual session could be booked two days ago");
}

let picked: Picked | undefined;
let noteId: string | undefined;

describe("an individual session note", () => {
  it("a counselor opens a past appointment, writes a DAP note tied to an objective and signs it", async () => {
    const { page, consoleErrors } = await openPage();
    await signIn(page);
    picked = await setUp(page);
    const { participant, appointmentId, staffId, date, start } = picked;

    // The appointment in the counselor's own calendar, that day.
    await page.goto(`/staff/calendar?site=${participant.siteId}&staff=${staffId}&date=${date}&mode=day`);
    const hour = Number(start.slice(0, 2));
    const clock = `${hour % 12 === 0 ? 12 : hour % 12}:00`;
    await page
      .getByRole("button", { name: new RegExp(`^Individual ${escapeRegExp(participant.name)} ${clock}`) })
      .first()
      .click();
    const drawer = page.getByRole("dialog");
    await drawer.getByRole("button", { name: "Session note" }).click();
    await page.waitForURL(new RegExp(`/staff/participants/${participant.id}/notes/[0-9a-f-]+$`));
    noteId = page.url().split("/").pop();
    const opened = await api<SessionNoteView>(page, "GET", `/api/v1/appointments/${appointmentId}/note`);
    assert.equal(opened.id, noteId, "the editor is the appointment's note");

    await page.getByRole("heading", { name: "Individual session note", level: 1 }).waitFor();
    await page.getByText("DAP", { exact: true }).click();
    await page
      .getByRole("textbox", { name: "Data", exact: true })
      .fill("Reported three days without use; one strong craving on Saturday night, surfed it with a walk.");
    await page
      .getByRole("textbox", { name: "Assessment", exact: true })
      .fill("Engaged and candid; coping skills emerging; low risk today.");
    await page
      .getByRole("textbox", { name: "Plan", exact: true })
      .fill("Keep the evening walk; add a call to a peer on weekends.");
    await page.getByRole("checkbox", { name: picked.objective }).check();
    await page.getByText("Progressing", { exact: true }).click();
    await page.getByRole("textbox", { name: "Comment" }).fill("Named two triggers this week.");
    await page.getByText("Relapse prevention", { exact: true }).click();
    await page
      .getByRole("textbox", { name: "Plan for the next session" })
      .fill("Review the weekend plan and the craving log.");
    await page
      .getByRole("status")
      .filter({ hasText: /Saved at \d/ })
      .waitFor();
    await expectNoAxeViolations(page, "session note editor");
    await screenshot(page, "session-note-editor");

    await page.getByRole("button", { name: "Sign note" }).click();
    const sign = page.getByRole("dialog", { name: "Sign this note" });
    await sign.getByLabel(/^Your password/).fill(DEMO_PASSWORD);
    await sign.getByRole("button", { name: "Sign", exact: true }).click();
    await sign.waitFor({ state: "hidden" });
    await page.getByRole("button", { name: "Add addendum" }).waitFor();
    await page.getByText(/^Signed by Jordan Alvarez, /).waitFor();

    const signed = await api<SessionNoteView>(page, "GET", `/api/v1/session-notes/${noteId}`);
    assert.equal(signed.status, "signed");
    assert.equal(signed.format, "DAP");
    assert.deepEqual(
      signed.content.objectives.map((o) => [o.progress, o.comment]),
      [["progressing", "Named two triggers this week."]],
    );
    assert.deepEqual(signed.content.interventions, ["relapse_prevention"]);
    // The one failed request: reading the appointment's note before it was started (then it is started).
    assert.deepEqual(consoleErrors, [
      "Failed to load resource: the server responded with a status of 404 (Not Found)",
    ]);
    await page.context().close();
  });

  it("the note is in the chart as signed; the counselor adds an addendum to it", async () => {
    assert.ok(picked && noteId, "the note was signed");
    const { page, consoleErrors } = await openPage();
    await signIn(page);
    const { participant } = picked;

    await page.goto(`/staff/participants/${participant.id}?tab=notes`);
    const table = page.getByRole("table", { name: "Signed notes" });
    await table.waitFor();
    await table.locator(`a[href*="${noteId}"]`).first().waitFor();
    const chart = await api<ChartNote>(page, "GET", `/api/v1/participants/${participant.id}/notes/${noteId}`);
    assert.equal(chart.status, "signed");
    assert.equal(chart.kind, "individual");

    await page.goto(`/staff/participants/${participant.id}/notes/${noteId}`);
    await page.getByText("Signed", { exact: true }).waitFor();
    await expectNoAxeViolations(page, "signed session note");
    await page.getByRole("button", { name: "Add addendum" }).click();
    const dialog = page.getByRole("dialog", { name: "Add an addendum" });
    await dialog.getByRole("textbox", { name: "Reason" }).fill("Correction after the session");
    await dialog
      .getByRole("textbox", { name: "Addendum", exact: true })
      .fill("The craving was on Friday night, not Saturday.");
    await dialog.getByLabel(/^Your password/).fill(DEMO_PASSWORD);
    await dialog.getByRole("button", { name: "Sign and add" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByText("The craving was on Friday night, not Saturday.").waitFor();
    await page.getByText("Reason: Correction after the session").waitFor();
    await screenshot(page, "session-note-signed");

    const after = await api<SessionNoteView>(page, "GET", `/api/v1/session-notes/${noteId}`);
    assert.deepEqual(
      after.addenda.map((a) => [a.reason, a.body]),
      [["Correction after the session", "The craving was on Friday night, not Saturday."]],
    );
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });

  it("on a phone in Spanish, the counselor keeps a restricted SUD counseling note apart, signs it and adds an addendum", async () => {
    assert.ok(picked, "the first journey found the participant");
    const { page, consoleErrors } = await openPage(PHONE, "es-MX");
    await signIn(page, "Iniciar sesión");
    const { participant } = picked;

    await page.goto(`/staff/participants/${participant.id}/counseling-notes`);
    await page
      .getByRole("heading", { name: "Notas de consejería por consumo de sustancias", level: 1 })
      .waitFor();
    await page.getByText(/^Según la norma 42 CFR Part 2/).waitFor();
    await expectNoAxeViolations(page, "counseling notes list (phone, Spanish)");

    await page.getByRole("button", { name: "Nueva nota de consejería" }).click();
    await page.getByLabel(/^Fecha de la sesión/).fill(picked.date);
    await page
      .getByRole("textbox", { name: "Nota", exact: true })
      .fill("Ambivalencia sobre contarle a su hermano.");
    await page.getByRole("button", { name: "Empezar la nota" }).click();
    await page.waitForURL(new RegExp(`/staff/participants/${participant.id}/counseling-notes/[0-9a-f-]+$`));
    const counselingNoteId = page.url().split("/").pop();
    // The new-note form has a "Nota" box too: wait for the editor before typing into its box.
    await page.getByRole("button", { name: "Firmar la nota" }).waitFor();

    const body = page.getByRole("textbox", { name: "Nota", exact: true });
    await body.fill("Ambivalencia sobre contarle a su hermano; exploramos pros y contras con calma.");
    await page
      .getByRole("status")
      .filter({ hasText: /Guardado a las/ })
      .waitFor();
    await expectNoAxeViolations(page, "counseling note editor (phone, Spanish)");

    await page.getByRole("button", { name: "Firmar la nota" }).click();
    const sign = page.getByRole("dialog", { name: "Firmar esta nota de consejería" });
    await sign.getByLabel(/^Su contraseña/).fill(DEMO_PASSWORD);
    await sign.getByRole("button", { name: "Firmar", exact: true }).click();
    await sign.waitFor({ state: "hidden" });
    await page.getByText("Firmada", { exact: true }).waitFor();

    await page.getByRole("button", { name: "Agregar adenda" }).click();
    const dialog = page.getByRole("dialog", { name: "Agregar una adenda" });
    await dialog.getByRole("textbox", { name: "Motivo" }).fill("Información posterior");
    await dialog
      .getByRole("textbox", { name: "Adenda", exact: true })
      .fill("Llamó al día siguiente: ya habló con su hermano.");
    await dialog.getByLabel(/^Su contraseña/).fill(DEMO_PASSWORD);
    await dialog.getByRole("button", { name: "Firmar y agregar" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByText("Llamó al día siguiente: ya habló con su hermano.").waitFor();
    await expectNoAxeViolations(page, "signed counseling note (phone, Spanish)");
    await screenshot(page, "counseling-note-phone-es");

    const note = await api<{ status: string; content: { body: string }; addenda: unknown[] }>(
      page,
      "GET",
      `/api/v1/counseling-notes/${counselingNoteId}`,
    );
    assert.equal(note.status, "signed");
    assert.equal(
      note.content.body,
      "Ambivalencia sobre contarle a su hermano; exploramos pros y contras con calma.",
    );
    assert.equal(note.addenda.length, 1);
    // Kept apart: the chart's notes never list it.
    const chart = await api<{ items: { id: string }[] }>(
      page,
      "GET",
      `/api/v1/participants/${participant.id}/notes?page=1&pageSize=100`,
    );
    assert.ok(!chart.items.some((n) => n.id === counselingNoteId), "the counseling note is not in the chart");
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });
});
