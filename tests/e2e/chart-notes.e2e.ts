import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import type { CurrentSession } from "../../src/core/identity/session.schema";
import type { SessionNoteContent } from "../../src/core/notes/note.schema";
import type {
  GroupNoteScreen,
  NoteWorklistRow,
  SessionNoteView,
} from "../../src/core/notes/notes-api.schema";
import type { AppointmentList } from "../../src/core/schedule/appointment.schema";
import type { Track, TrackOccurrences } from "../../src/core/schedule/tracks.schema";
import { DEMO_PASSWORD } from "../../src/server/demo/demo-accounts";
import { collectConsoleErrors, expectNoAxeViolations, launchBrowser, screenshot } from "./support/browser";
import { type BridgewayServer, startBridgeway } from "./support/server";

/**
 * The Notes tab of a participant's chart. Set up through the API as the demo counselor: a signed
 * group note for a past session of a track they run, with individualized entries for two
 * participants (A and B), and a signed individual note for A. Then, in the browser, the counselor
 * opens A's chart on the Notes tab, opens the group note and reads the shared part and A's entry —
 * never B's name or entry — and adds an addendum with re-authentication. Axe on the tab and the
 * document; the individual note on a phone in Spanish; the director co-signs, from the chart, a demo
 * note that names them as supervisor. No console errors.
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
const COUNSELOR_EMAIL = "counselor@demo.bridgeway.example";
const COUNSELOR = "Jordan Alvarez";

async function openPage(viewport: { width: number; height: number }, locale = "en-US") {
  const context = await browser!.newContext({
    viewport,
    baseURL: server!.url,
    locale,
    colorScheme: "light",
    hasTouch: viewport.width < 1000,
    bypassCSP: true,
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  return { page, consoleErrors: collectConsoleErrors(page) };
}

async function signIn(page: Page, submit = "Sign in", email = COUNSELOR_EMAIL): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel(/^(Email|Correo)/).fill(email);
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

async function api<T>(page: Page, method: string, path: string, body?: unknown, expected = [200, 201]) {
  const reply = await call(page, method, path, body);
  assert.ok(
    expected.includes(reply.status),
    `${method} ${path} answered ${reply.status}: ${JSON.stringify(reply.json)}`,
  );
  return reply.json as T;
}

/** A literal text inside a regular expression. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
const addDays = (date: string, days: number) =>
  new Date((dayNumber(date) + days) * 86_400_000).toISOString().slice(0, 10);

function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());
}

interface Participant {
  id: string;
  name: string;
}

interface Setup {
  a: Participant;
  b: Participant;
  trackName: string;
  sessionDate: string;
  groupNoteId: string;
  individualNoteId: string;
  aEntry: string;
  bEntry: string;
  narrative: string;
}

const groupPath = (trackId: string, key: string) =>
  `/api/v1/tracks/${trackId}/occurrences/${encodeURIComponent(key)}/group-note`;

/**
 * A past session of a track the counselor runs whose note is not signed yet (none, or a draft), with
 * at least two participants present whose charts the counselor may open; attendance is recorded
 * present for those without a mark.
 */
async function pickGroupSession(page: Page) {
  const { tracks } = await api<{ tracks: Track[] }>(page, "GET", "/api/v1/tracks");
  const mine = tracks.filter((t) => t.facilitators.some((f) => f.name === COUNSELOR));
  assert.ok(mine.length > 0, "the demo counselor runs at least one track");
  for (const track of mine) {
    const today = todayIn(track.timeZone);
    const list = await api<TrackOccurrences>(
      page,
      "GET",
      `/api/v1/tracks/${track.id}/occurrences?from=${addDays(today, -21)}&to=${addDays(today, -1)}`,
    );
    for (const occurrence of [...list.occurrences].reverse()) {
      if (occurrence.status === "cancelled" || occurrence.problem) continue;
      const screen = await api<GroupNoteScreen>(page, "GET", groupPath(track.id, occurrence.key));
      // The demo writes notes for past sessions: a session without one, or a demo draft, is completed here.
      if ((screen.note !== null && screen.note.status !== "draft") || !screen.ended || !screen.canEdit)
        continue;
      const open: GroupNoteScreen["roster"] = [];
      for (const row of screen.roster) {
        const record = await call(page, "GET", `/api/v1/participants/${row.participantId}`);
        if (record.status === 200) open.push(row);
      }
      if (open.length < 2) continue;
      const unmarked = screen.roster.filter((row) => row.attendance === null);
      if (unmarked.length > 0)
        await api(
          page,
          "PUT",
          `/api/v1/tracks/${track.id}/occurrences/${encodeURIComponent(occurrence.key)}/attendance`,
          {
            marks: unmarked.map((row) => ({ participantId: row.participantId, status: "present" })),
          },
        );
      const marked = await api<GroupNoteScreen>(page, "GET", groupPath(track.id, occurrence.key));
      const present = marked.roster.filter(
        (row) => row.attended && open.some((o) => o.participantId === row.participantId),
      );
      if (present.length < 2) continue;
      return { track, occurrence, screen: marked, a: present[0]!, b: present[1]! };
    }
  }
  assert.fail("a past session of the counselor's tracks has no signed note yet and two participants present");
}

const entryFor = (contribution: string, mood: string) => ({
  participation: "active",
  moodAffect: mood,
  contribution,
  objectives: [],
  riskObservations: "",
  followUp: false,
  followUpNote: "",
});

/** Signed group note (every present participant with an entry) and a signed individual note for A. */
async function setUp(page: Page): Promise<Setup> {
  const { track, occurrence, screen, a, b } = await pickGroupSession(page);
  const narrative = "The group mapped their high-risk hours and practised a two-minute grounding drill.";
  const saved = await api<{ id: string; revision: number }>(
    page,
    "PUT",
    groupPath(track.id, occurrence.key),
    {
      revision: screen.note?.revision ?? null,
      shared: { moduleKey: null, moduleVersion: null, topic: "High-risk hours", narrative },
    },
  );
  const aEntry = "Named Friday evenings as her riskiest hours and planned a call to her sponsor.";
  const bEntry = "Rehearsed saying no to a coworker's invitation and wrote the words on a card.";
  let n = 0;
  for (const row of screen.roster.filter((r) => r.attended)) {
    n += 1;
    const contribution =
      row.participantId === a.participantId
        ? aEntry
        : row.participantId === b.participantId
          ? bEntry
          : `Shared example number ${n} of a trigger and one coping step that suited their week.`;
    await api(page, "PUT", `/api/v1/group-notes/${saved.id}/entries/${row.participantId}`, {
      revision: row.entry?.revision ?? null,
      content: entryFor(contribution, n % 2 === 0 ? "Quiet, attentive" : "Engaged, bright"),
    });
  }
  const before = await api<GroupNoteScreen>(page, "GET", groupPath(track.id, occurrence.key));
  await api(page, "POST", `/api/v1/group-notes/${saved.id}/sign`, {
    revision: before.note!.revision,
    password: DEMO_PASSWORD,
  });

  const session = await api<{ session: CurrentSession }>(page, "GET", "/api/v1/sessions/current");
  const day = addDays(todayIn(track.timeZone), -1);
  let appointmentId: string | undefined;
  for (let hour = 6; hour < 22 && !appointmentId; hour += 1) {
    const hh = String(hour).padStart(2, "0");
    const reply = await call(page, "POST", "/api/v1/appointments", {
      participantId: a.participantId,
      kind: "individual",
      staffId: session.session.user.id,
      roomId: null,
      location: "Counseling office 2",
      telehealth: false,
      date: day,
      start: `${hh}:00`,
      end: `${hh}:50`,
      recurrence: null,
      familyAttendees: [],
      allowUnavailability: true,
    });
    if (reply.status === 201) appointmentId = (reply.json as AppointmentList).appointments[0]!.id;
    else assert.equal(reply.status, 409, `booking answered ${reply.status}: ${JSON.stringify(reply.json)}`);
  }
  assert.ok(appointmentId, "an individual session for A could be booked yesterday");
  const opened = await api<SessionNoteView>(page, "POST", `/api/v1/appointments/${appointmentId}/note`, {
    format: "DAP",
  });
  const content: SessionNoteContent = {
    setting: "in_person",
    place: "Counseling office 2",
    attendees: [],
    sections: {
      data: "Reported four days without use and steady sleep.",
      assessment: "Motivated; cravings lower than last week.",
      plan: "Keep the evening plan; review it next week.",
    },
    objectives: [],
    interventions: ["relapse_prevention"],
    otherInterventions: "",
    nextSession: "Review the Friday evening plan.",
  };
  const written = await api<{ revision: number }>(page, "PUT", `/api/v1/session-notes/${opened.id}`, {
    revision: opened.revision,
    format: "DAP",
    content,
  });
  await api(page, "POST", `/api/v1/session-notes/${opened.id}/sign`, {
    revision: written.revision,
    password: DEMO_PASSWORD,
  });

  return {
    a: { id: a.participantId, name: a.name },
    b: { id: b.participantId, name: b.name },
    trackName: track.name,
    sessionDate: occurrence.date,
    groupNoteId: saved.id,
    individualNoteId: opened.id,
    aEntry,
    bEntry,
    narrative,
  };
}

let setup: Setup | undefined;

describe("the chart's Notes tab", () => {
  it("a counselor reads a group note in A's chart with A's entry only, and adds an addendum", async () => {
    // The set-up probes which charts the counselor may open (403s in the console): its own page.
    const preparing = await openPage(DESKTOP);
    await signIn(preparing.page);
    setup = await setUp(preparing.page);
    await preparing.page.context().close();
    const { a, b } = setup;

    const { page, consoleErrors } = await openPage(DESKTOP);
    await signIn(page);

    await page.goto(`/staff/participants/${a.id}`);
    await page.getByRole("tab", { name: "Notes" }).click();
    await page.waitForURL(/tab=notes/);
    const table = page.getByRole("table", { name: "Signed notes" });
    await table.waitFor();
    const sessionDate = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(
      new Date(`${setup.sessionDate}T00:00:00Z`),
    );
    const groupLinkName = { name: `Open the note from ${sessionDate}: ${setup.trackName}`, exact: true };
    const groupLink = table.getByRole("link", groupLinkName);
    await groupLink.waitFor();
    await table
      .getByRole("link", { name: /: Individual session$/ })
      .first()
      .waitFor();
    await expectNoAxeViolations(page, "chart notes tab");
    await screenshot(page, "chart-notes-tab");

    // Only group notes: the individual note leaves the list, the group note stays.
    await page.getByRole("radiogroup", { name: "Show" }).getByText("Group", { exact: true }).click();
    await page.waitForURL(/notesKind=group/);
    await table
      .getByRole("link", { name: /: Individual session$/ })
      .first()
      .waitFor({ state: "detached" });
    await groupLink.click();
    await page.waitForURL(new RegExp(`note=${setup.groupNoteId}`));
    const doc = page.getByRole("article");
    await doc
      .getByRole("heading", { level: 2, name: new RegExp(`^${literal(setup.trackName)} — `) })
      .waitFor();
    await doc.getByText(setup.narrative).waitFor();
    await doc.getByText(setup.aEntry).waitFor();
    const text = (await page.locator("main").textContent()) ?? "";
    assert.ok(!text.includes(setup.bEntry), "B's entry is not in A's chart");
    assert.ok(!text.includes(b.name), `B's name (${b.name}) is not in A's chart`);
    await expectNoAxeViolations(page, "chart group note document");
    await screenshot(page, "chart-notes-group-document");

    await page.getByRole("button", { name: "Add addendum" }).click();
    const dialog = page.getByRole("dialog", { name: "Add an addendum" });
    await dialog.getByLabel(/^Reason/).fill("Information learned later");
    await dialog.getByLabel(/^Addendum/).fill("She called her sponsor that Friday, as planned.");
    await dialog.locator("input[type=password]").fill(DEMO_PASSWORD);
    await expectNoAxeViolations(page, "addendum dialog");
    await dialog.getByRole("button", { name: "Sign and add" }).click();
    await dialog.waitFor({ state: "detached" });
    const addenda = doc.getByRole("region", { name: "Addenda" });
    await addenda.getByText("She called her sponsor that Friday, as planned.").waitFor();
    await addenda.getByText("About this participant's entry").waitFor();
    await addenda.getByText("Reason: Information learned later").waitFor();

    await page.getByRole("link", { name: "All notes" }).click();
    await table
      .getByRole("row")
      .filter({ has: page.getByRole("link", groupLinkName) })
      .getByText("1 addendum")
      .waitFor();

    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });

  it("reads the individual note on a phone in Spanish, with a link to the editor", async () => {
    assert.ok(setup, "the first journey set the notes up");
    const { page, consoleErrors } = await openPage(PHONE, "es-MX");
    await signIn(page, "Iniciar sesión");
    await page.goto(`/staff/participants/${setup.a.id}?tab=notes&note=${setup.individualNoteId}`);
    const doc = page.getByRole("article");
    await doc.getByRole("heading", { level: 2, name: /^Sesión individual — / }).waitFor();
    await doc.getByText("Motivated; cravings lower than last week.").waitFor();
    await doc
      .getByRole("region", { name: "Firmas" })
      .getByText(/^Firmada por Jordan Alvarez/)
      .waitFor();
    await page.getByRole("link", { name: "Abrir en el editor" }).waitFor();
    await expectNoAxeViolations(page, "chart individual note on a phone in Spanish");
    await screenshot(page, "chart-notes-individual-phone-es");
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });

  it("the supervisor a note names co-signs it from the chart with their password", async () => {
    const { page, consoleErrors } = await openPage(DESKTOP);
    await signIn(page, "Sign in", "director@demo.bridgeway.example");
    const worklist = await api<{ awaitingMyCosign: NoteWorklistRow[] }>(
      page,
      "GET",
      "/api/v1/notes/worklist?scope=mine",
    );
    const waiting = worklist.awaitingMyCosign.find((row) => row.participantId !== null);
    assert.ok(waiting?.participantId, "the demo has a session note awaiting the director's co-signature");

    await page.goto(`/staff/participants/${waiting.participantId}?tab=notes&note=${waiting.id}`);
    const doc = page.getByRole("article");
    await doc.getByText(/^Awaiting co-signature by /).waitFor();
    await page.getByRole("button", { name: "Co-sign" }).click();
    const dialog = page.getByRole("dialog", { name: "Co-sign this note" });
    await dialog.locator("input[type=password]").fill(DEMO_PASSWORD);
    await expectNoAxeViolations(page, "co-sign dialog");
    await dialog.getByRole("button", { name: "Sign" }).click();
    await dialog.waitFor({ state: "detached" });
    await doc
      .getByRole("region", { name: "Signatures" })
      .getByText(/^Co-signed by .* \(supervisor\)/)
      .waitFor();
    await page.getByRole("button", { name: "Co-sign" }).waitFor({ state: "detached" });

    const after = await api<{ awaitingMyCosign: NoteWorklistRow[] }>(
      page,
      "GET",
      "/api/v1/notes/worklist?scope=mine",
    );
    assert.ok(
      !after.awaitingMyCosign.some((row) => row.id === waiting.id),
      "the note left the co-sign queue",
    );
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });
});
