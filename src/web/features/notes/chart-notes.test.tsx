// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { ChartNote } from "../../../core/notes/notes-api.schema";
import { chartNotesEn } from "../../i18n/chart-notes.en";
import { chartNotesEs } from "../../i18n/chart-notes.es";
import { treatmentPlansEn } from "../../i18n/treatment-plans.en";
import { apiCalls, renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith, sessionWith } from "../admin/admin-testing";
import { aRecord, PARTICIPANT } from "../treatment-plans/plan-editor-testing";
import { ChartNotesPanel } from "./chart-notes-panel";
import {
  AUTHOR,
  aGroupNote,
  anIndividualNote,
  OTHER_SUPERVISOR,
  SUPERVISOR,
  setUpChartNotesDom,
} from "./chart-notes-testing";

beforeAll(setUpChartNotesDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const L = chartNotesEn.list;
const D = chartNotesEn.document;
const LIST_PATH = `/api/v1/participants/${PARTICIPANT}/notes`;
const notePath = (note: ChartNote) => `${LIST_PATH}/${note.id}`;

function renderTab(
  routes: Parameters<typeof fakeApiWith>[0],
  path = "/?tab=notes",
  permissions = ["clinical.view", "clinical.write"],
) {
  const fetchMock = vi.fn(
    fakeApiWith({ "GET /api/v1/sessions/current": sessionWith(permissions), ...routes }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(<ChartNotesPanel record={aRecord()} />, path);
  return fetchMock;
}

const page = (items: ChartNote[], change: { total?: number; page?: number; pageSize?: number } = {}) => ({
  body: { items, total: items.length, page: 1, pageSize: 25, ...change },
});

describe("the chart's list of notes", () => {
  it("lists each note's date, session, kind, author and state (signed, awaiting co-signature, late, addenda)", async () => {
    renderTab({
      [`GET ${LIST_PATH}`]: page([
        anIndividualNote({
          status: "awaiting_cosign",
          cosigner: SUPERVISOR,
          lateEntry: true,
        }),
        aGroupNote({
          addenda: [
            {
              id: "e3c4d5e6-f7a8-4b92-8c1d-2e3f4a5b6c7d",
              reason: "Correction",
              body: "The timer was five minutes.",
              author: AUTHOR,
              createdAt: "2026-11-18T09:00:00.000Z",
              entryParticipantId: null,
            },
          ],
        }),
      ]),
    });
    const table = within(await screen.findByRole("table", { name: L.label }));
    const rows = table.getAllByRole("row").slice(1);
    const cells = (row: HTMLElement) =>
      within(row)
        .getAllByRole("cell")
        .map((c) => c.textContent);

    expect(within(rows[0] as HTMLElement).getByRole("link", { name: /Individual session/ })).toBeTruthy();
    expect(cells(rows[0] as HTMLElement)).toEqual([
      "Nov 18, 2026",
      "Individual",
      AUTHOR.name,
      `${chartNotesEn.status.awaiting_cosign}${chartNotesEn.lateEntry}`,
    ]);
    expect(within(rows[1] as HTMLElement).getByRole("link", { name: /Evening IOP/ })).toBeTruthy();
    expect(cells(rows[1] as HTMLElement)).toEqual([
      "Nov 16, 2026",
      "Group",
      AUTHOR.name,
      `${chartNotesEn.status.signed}1 addendum`,
    ]);
  });

  it("asks for the next page and for one kind, starting that kind at page 1", async () => {
    const fetchMock = renderTab({
      [`GET ${LIST_PATH}`]: (url) =>
        page([aGroupNote()], { total: 30, page: Number(url.searchParams.get("page")) }),
    });
    await screen.findByRole("table", { name: L.label });
    expect(screen.getByText("1–25 of 30")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(screen.getByText("26–30 of 30")).toBeTruthy());

    fireEvent.click(screen.getByRole("radio", { name: chartNotesEn.kinds.family }));
    await waitFor(() =>
      expect(
        fetchMock.mock.calls.some(([url]) => String(url).endsWith("/notes?page=1&pageSize=25&kind=family")),
      ).toBe(true),
    );
    expect(fetchMock.mock.calls.some(([url]) => String(url).endsWith("/notes?page=2&pageSize=25"))).toBe(
      true,
    );
  });

  it("explains that notes start from a group session or an appointment when there are none", async () => {
    renderTab({ [`GET ${LIST_PATH}`]: page([]) });
    expect(await screen.findByText(L.empty)).toBeTruthy();
  });

  it("says so, without asking for notes, to someone who may not read clinical content", async () => {
    const fetchMock = renderTab({}, "/?tab=notes", ["participants.view"]);
    expect(await screen.findByText(L.notPermitted)).toBeTruthy();
    expect(apiCalls(fetchMock).some((c) => c.route.startsWith(`GET ${LIST_PATH}`))).toBe(false);
  });

  it("opens a note from its row", async () => {
    const note = aGroupNote();
    renderTab({ [`GET ${LIST_PATH}`]: page([note]), [`GET ${notePath(note)}`]: { body: note } });
    fireEvent.click(await screen.findByRole("link", { name: /Evening IOP/ }));
    expect(await screen.findByRole("heading", { name: "Evening IOP — Nov 16, 2026" })).toBeTruthy();
    expect(screen.getByRole("link", { name: D.back })).toBeTruthy();
  });
});

describe("a note as a document", () => {
  it("a group note shows the shared part and the one entry it carries, with signatures and follow-up", async () => {
    const note = aGroupNote();
    renderTab({ [`GET ${notePath(note)}`]: { body: note } }, `/?tab=notes&note=${note.id}`);
    const doc = within(await screen.findByRole("article", { name: "Evening IOP — Nov 16, 2026" }));
    const shared = within(doc.getByRole("region", { name: D.groupPart }));
    expect(shared.getByRole("link", { name: "Cravings and urge surfing" }).getAttribute("href")).toBe(
      "/staff/curriculum/urge-surfing?version=0",
    );
    expect(shared.getByText(note.shared?.narrative ?? "")).toBeTruthy();

    const entry = within(doc.getByRole("region", { name: D.entryPart }));
    expect(entry.getByText(chartNotesEn.participation.active)).toBeTruthy();
    expect(entry.getByText("Calm, bright affect")).toBeTruthy();
    expect(entry.getByText("Described using the timer during a hard evening at work.")).toBeTruthy();
    expect(entry.getByText("Use one coping skill when cravings rise")).toBeTruthy();
    expect(entry.getByText("Progress: progressing")).toBeTruthy();
    expect(entry.getByText("Follow-up needed: Check in about the weekend plan.")).toBeTruthy();
    // Exactly one entry: the document has no place for anyone else's.
    expect(doc.getAllByRole("region", { name: D.entryPart })).toHaveLength(1);

    const signatures = within(doc.getByRole("region", { name: chartNotesEn.signatures.title }));
    expect(signatures.getByText(/^Signed by Robin Facilitator, .* · confirmed with password$/)).toBeTruthy();
    // A group note is edited on its own screen, not the session-note editor.
    expect(screen.queryByRole("link", { name: D.openInEditor })).toBeNull();
    expect(screen.getByRole("button", { name: D.print })).toBeTruthy();
  });

  it("an individual note shows its format's sections, details, interventions and next session, and links to the editor", async () => {
    const note = anIndividualNote();
    renderTab({ [`GET ${notePath(note)}`]: { body: note } }, `/?tab=notes&note=${note.id}`);
    const doc = within(await screen.findByRole("article", { name: "Individual session — Nov 18, 2026" }));
    const sections = within(doc.getByRole("region", { name: D.sections }));
    expect(sections.getAllByRole("term").map((t) => t.textContent)).toEqual(["Data", "Assessment", "Plan"]);
    expect(sections.getByText("Engaged and motivated.")).toBeTruthy();
    expect(within(doc.getByRole("region", { name: D.sessionDetails })).getByText("Video")).toBeTruthy();
    expect(
      within(doc.getByRole("region", { name: D.interventions }))
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["Motivational interviewing", "Relapse prevention"]);
    expect(
      within(doc.getByRole("region", { name: D.nextSession })).getByText("Review the craving log."),
    ).toBeTruthy();
    expect(screen.getByRole("link", { name: D.openInEditor }).getAttribute("href")).toBe(
      `/staff/participants/${PARTICIPANT}/notes/${note.id}`,
    );
  });

  it("prints the document alone, headed with the participant's name and the session date", async () => {
    const note = aGroupNote();
    const print = vi.fn(() => {
      expect(document.body.classList.contains("chart-notes-printing")).toBe(true);
    });
    vi.stubGlobal("print", print);
    renderTab({ [`GET ${notePath(note)}`]: { body: note } }, `/?tab=notes&note=${note.id}`);
    const doc = within(await screen.findByRole("article"));
    expect(doc.getByText("Casey Rivers · Nov 16, 2026")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: D.print }));
    expect(print).toHaveBeenCalledOnce();
    window.dispatchEvent(new Event("afterprint"));
    expect(document.body.classList.contains("chart-notes-printing")).toBe(false);
  });

  it("says the note is not in this chart when the server does not find it", async () => {
    renderTab({}, "/?tab=notes&note=f0f0f0f0-1111-4222-8333-444455556666");
    expect(await screen.findByText(D.notFound)).toBeTruthy();
  });
});

describe("co-signing from the chart", () => {
  const awaiting = (cosigner = SUPERVISOR) =>
    anIndividualNote({ status: "awaiting_cosign", cosigner, signatures: [] });

  it("offers Co-sign only to the named supervisor who holds notes.cosign", async () => {
    const note = awaiting(OTHER_SUPERVISOR);
    renderTab({ [`GET ${notePath(note)}`]: { body: note } }, `/?tab=notes&note=${note.id}`, [
      "clinical.view",
      "clinical.write",
      "notes.cosign",
    ]);
    expect(await screen.findByText(`Awaiting co-signature by ${OTHER_SUPERVISOR.name}.`)).toBeTruthy();
    expect(screen.queryByRole("button", { name: chartNotesEn.cosign.action })).toBeNull();
    cleanup();

    const mine = awaiting();
    renderTab({ [`GET ${notePath(mine)}`]: { body: mine } }, `/?tab=notes&note=${mine.id}`, [
      "clinical.view",
      "clinical.write",
    ]);
    await screen.findByText(`Awaiting co-signature by ${SUPERVISOR.name}.`);
    expect(screen.queryByRole("button", { name: chartNotesEn.cosign.action })).toBeNull();
  });

  it("the named supervisor co-signs with their password and the note reads again", async () => {
    let cosigned = false;
    const note = awaiting();
    const fetchMock = renderTab(
      {
        [`GET ${notePath(note)}`]: () => ({
          body: cosigned ? { ...note, status: "signed", cosignedAt: "2026-11-19T10:00:00.000Z" } : note,
        }),
        [`POST /api/v1/clinical-notes/${note.id}/cosign`]: () => {
          cosigned = true;
          return { body: { status: "signed", cosignedAt: "2026-11-19T10:00:00.000Z" } };
        },
      },
      `/?tab=notes&note=${note.id}`,
      ["clinical.view", "clinical.write", "notes.cosign"],
    );
    fireEvent.click(await screen.findByRole("button", { name: chartNotesEn.cosign.action }));
    const dialog = within(await screen.findByRole("dialog", { name: chartNotesEn.cosign.title }));
    fireEvent.change(dialog.getByLabelText(new RegExp(`^${treatmentPlansEn.sign.password}`)), {
      target: { value: "correct horse" },
    });
    fireEvent.click(dialog.getByRole("button", { name: treatmentPlansEn.sign.submit }));
    await waitFor(() =>
      expect(screen.queryByRole("button", { name: chartNotesEn.cosign.action })).toBeNull(),
    );
    expect(apiCalls(fetchMock).find((c) => c.route.endsWith("/cosign"))?.body).toEqual({
      password: "correct horse",
    });
    expect(await screen.findByText(chartNotesEn.status.signed)).toBeTruthy();
  });
});

describe("adding an addendum", () => {
  it("on a group note it concerns this participant's entry unless the shared part is chosen; server field errors land on their field", async () => {
    const note = aGroupNote();
    const bodies: unknown[] = [];
    renderTab(
      {
        [`GET ${notePath(note)}`]: { body: note },
        [`POST /api/v1/clinical-notes/${note.id}/addenda`]: (_url, body) => {
          bodies.push(body);
          return bodies.length === 1
            ? {
                status: 422,
                body: {
                  error: {
                    code: "VALIDATION_FAILED",
                    message: "Check the addendum.",
                    fields: [{ path: "reason", message: "Say why you are adding to a signed note." }],
                  },
                },
              }
            : {
                status: 201,
                body: {
                  id: "e3c4d5e6-f7a8-4b92-8c1d-2e3f4a5b6c7d",
                  reason: "Later information",
                  body: "Reported a good weekend.",
                  author: AUTHOR,
                  createdAt: "2026-11-19T10:00:00.000Z",
                  entryParticipantId: PARTICIPANT,
                },
              };
        },
      },
      `/?tab=notes&note=${note.id}`,
    );
    fireEvent.click(await screen.findByRole("button", { name: chartNotesEn.addendum.action }));
    const dialog = within(await screen.findByRole("dialog", { name: chartNotesEn.addendum.title }));
    const A = chartNotesEn.addendum;

    // Nothing typed: each field says what it needs, and nothing is sent.
    fireEvent.click(dialog.getByRole("button", { name: A.submit }));
    expect(dialog.getByText(A.reasonRequired)).toBeTruthy();
    expect(dialog.getByText(A.bodyRequired)).toBeTruthy();
    expect(dialog.getByText(A.passwordRequired)).toBeTruthy();
    expect(bodies).toHaveLength(0);

    fireEvent.change(dialog.getByLabelText(new RegExp(`^${A.reason}`)), {
      target: { value: "Later information" },
    });
    fireEvent.change(dialog.getByLabelText(new RegExp(`^${A.body}`)), {
      target: { value: "Reported a good weekend." },
    });
    fireEvent.change(
      dialog.getByLabelText(new RegExp(`^${A.password}`), { selector: "input[type=password]" }),
      { target: { value: "secret" } },
    );
    fireEvent.click(dialog.getByRole("button", { name: A.submit }));
    expect(await dialog.findByText("Say why you are adding to a signed note.")).toBeTruthy();
    expect(bodies[0]).toEqual({
      reason: "Later information",
      body: "Reported a good weekend.",
      entryParticipantId: PARTICIPANT,
      password: "secret",
    });

    fireEvent.click(dialog.getByRole("radio", { name: A.concernsShared }));
    fireEvent.click(dialog.getByRole("button", { name: A.submit }));
    await waitFor(() => expect(screen.queryByRole("dialog", { name: A.title })).toBeNull());
    expect(bodies[1]).toEqual({
      reason: "Later information",
      body: "Reported a good weekend.",
      password: "secret",
    });
  });

  it("is not offered to someone who may only read", async () => {
    const note = aGroupNote();
    renderTab({ [`GET ${notePath(note)}`]: { body: note } }, `/?tab=notes&note=${note.id}`, [
      "clinical.view",
    ]);
    await screen.findByRole("article");
    expect(screen.queryByRole("button", { name: chartNotesEn.addendum.action })).toBeNull();
  });
});

describe("the chart-notes dictionaries", () => {
  it("Spanish names every kind, status and section the English does", () => {
    expect(Object.keys(chartNotesEs.kinds)).toEqual(Object.keys(chartNotesEn.kinds));
    expect(Object.keys(chartNotesEs.sections)).toEqual(Object.keys(chartNotesEn.sections));
  });
});
