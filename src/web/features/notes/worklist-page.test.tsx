// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import i18n from "i18next";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { NoteWorklistRow } from "../../../core/notes/notes-api.schema";
import { notesWorklistEn } from "../../i18n/notes-worklist.en";
import { treatmentPlansEn } from "../../i18n/treatment-plans.en";
import { apiCalls, renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith, sessionWith, setUpAdminDom } from "../admin/admin-testing";
import type { NoteWorklist } from "./api/worklist-get";
import { NotesWorklistPage } from "./worklist-page";

beforeAll(async () => {
  await setUpAdminDom();
  i18n.addResourceBundle("en", "notesWorklist", notesWorklistEn, true, true);
  // The co-sign dialog is the plans' re-authentication form.
  i18n.addResourceBundle("en", "treatmentPlans", treatmentPlansEn, true, true);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const text = notesWorklistEn.worklist;
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

const row = (n: number, overrides: Partial<NoteWorklistRow> = {}): NoteWorklistRow => ({
  id: id(n),
  kind: "individual",
  status: "draft",
  sessionDate: "2026-11-02",
  endsAt: "2026-11-02T16:00:00.000Z",
  title: "Casey Morgan",
  participantId: id(100 + n),
  trackId: null,
  occurrenceKey: null,
  author: { id: id(200), name: "Jordan Lee" },
  cosigner: null,
  overdue: false,
  hoursSinceSession: 5,
  lateEntry: false,
  ...overrides,
});

const emptyList: NoteWorklist = { unsigned: [], awaitingMyCosign: [], missingGroupNotes: [] };

function renderPage(
  worklist: NoteWorklist | ((url: URL) => { status?: number; body?: unknown }),
  options: { permissions?: string[]; routes?: Parameters<typeof fakeApiWith>[0] } = {},
) {
  const fetchMock = vi.fn(
    fakeApiWith({
      "GET /api/v1/sessions/current": sessionWith(options.permissions ?? ["clinical.write"]),
      "GET /api/v1/notes/worklist": typeof worklist === "function" ? worklist : { body: worklist },
      ...options.routes,
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(<NotesWorklistPage />, "/staff/notes");
  return fetchMock;
}

describe("Notes worklist", () => {
  it("lists my unsigned notes with overdue and late-entry badges, each linked to its note screen", async () => {
    renderPage({
      ...emptyList,
      unsigned: [
        row(1, {
          kind: "group",
          title: "Evening IOP",
          participantId: null,
          trackId: id(300),
          occurrenceKey: "2026-11-02T18:00",
          overdue: true,
          lateEntry: true,
          hoursSinceSession: 60,
        }),
        row(2),
      ],
    });
    expect(await screen.findByRole("heading", { level: 1, name: text.title })).toBeTruthy();
    const tab = await screen.findByRole("tab", { name: new RegExp(text.tabs.unsigned) });
    expect(tab.getAttribute("aria-selected")).toBe("true");
    expect(within(tab).getByText("2")).toBeTruthy();

    const group = screen.getByRole("link", { name: "Open the note: Evening IOP, Nov 2, 2026" });
    expect(group.getAttribute("href")).toBe(`/staff/groups/${id(300)}/2026-11-02T18:00/note`);
    const groupRow = within(group.closest("li")!);
    expect(groupRow.getByText(text.overdue)).toBeTruthy();
    expect(groupRow.getByText(text.lateEntry)).toBeTruthy();
    expect(groupRow.getByText(/ended 60 hours ago/)).toBeTruthy();

    const individual = screen.getByRole("link", { name: "Open the note: Casey Morgan, Nov 2, 2026" });
    expect(individual.getAttribute("href")).toBe(`/staff/participants/${id(102)}/notes/${id(2)}`);
    const individualRow = within(individual.closest("li")!);
    expect(individualRow.queryByText(text.overdue)).toBeNull();
    expect(individualRow.getByText(text.kinds.individual)).toBeTruthy();
  });

  it("shows the sessions I facilitated without a note, with a way to write it", async () => {
    renderPage({
      ...emptyList,
      missingGroupNotes: [
        {
          trackId: id(300),
          trackName: "Evening IOP",
          occurrenceKey: "2026-11-09T18:00",
          sessionDate: "2026-11-09",
          endsAt: "2026-11-10T02:00:00.000Z",
        },
      ],
    });
    fireEvent.click(await screen.findByRole("tab", { name: new RegExp(text.tabs.missing) }));
    const write = await screen.findByRole("link", { name: "Write the group note: Evening IOP, Nov 9, 2026" });
    expect(write.getAttribute("href")).toBe(`/staff/groups/${id(300)}/2026-11-09T18:00/note`);
  });

  it("says so on each tab when there is nothing to do", async () => {
    renderPage(emptyList);
    expect(await screen.findByText(text.empty.unsigned)).toBeTruthy();
    fireEvent.click(screen.getByRole("tab", { name: new RegExp(text.tabs.cosign) }));
    expect(await screen.findByText(text.empty.cosign)).toBeTruthy();
    fireEvent.click(screen.getByRole("tab", { name: new RegExp(text.tabs.missing) }));
    expect(await screen.findByText(text.empty.missing)).toBeTruthy();
  });

  it("offers to try again when the worklist cannot be loaded", async () => {
    let calls = 0;
    renderPage(() =>
      ++calls === 1
        ? { status: 500, body: { error: { code: "INTERNAL", message: "Something went wrong." } } }
        : { body: { ...emptyList, unsigned: [row(3)] } },
    );
    fireEvent.click(await screen.findByRole("button", { name: "Try again" }));
    expect(
      await screen.findByRole("link", { name: "Open the note: Casey Morgan, Nov 2, 2026" }),
    ).toBeTruthy();
  });

  it("lets a supervisor widen the unsigned notes to their sites, with each author named", async () => {
    const fetchMock = renderPage(
      (url) =>
        url.searchParams.get("scope") === "site"
          ? { body: { ...emptyList, unsigned: [row(4, { author: { id: id(201), name: "Riley Park" } })] } }
          : { body: emptyList },
      { permissions: ["clinical.write", "notes.cosign"] },
    );
    expect(await screen.findByText(text.empty.unsigned)).toBeTruthy();
    fireEvent.click(screen.getByRole("radio", { name: text.scope.site }));
    expect(await screen.findByText("Written by Riley Park")).toBeTruthy();
    expect(
      apiCalls(fetchMock).filter((c) => c.route === "GET /api/v1/notes/worklist").length,
    ).toBeGreaterThanOrEqual(2);
  });

  it("does not offer the site scope to a clinician who does not co-sign", async () => {
    renderPage(emptyList);
    expect(await screen.findByText(text.empty.unsigned)).toBeTruthy();
    expect(screen.queryByRole("radio", { name: text.scope.site })).toBeNull();
  });
});

describe("Co-sign dialog", () => {
  const awaiting = {
    ...emptyList,
    awaitingMyCosign: [
      row(5, {
        kind: "family",
        status: "awaiting_cosign",
        title: "Sam Rivera",
        cosigner: { id: id(202), name: "Dr. Avery Test" },
        author: { id: id(203), name: "Morgan Supervisee" },
      }),
    ],
  };

  async function openDialog(routes: Parameters<typeof fakeApiWith>[0]) {
    const fetchMock = renderPage(awaiting, { permissions: ["clinical.write", "notes.cosign"], routes });
    fireEvent.click(await screen.findByRole("tab", { name: new RegExp(text.tabs.cosign) }));
    expect(await screen.findByText(/Written by Morgan Supervisee/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Co-sign the note: Sam Rivera, Nov 2, 2026" }));
    const dialog = within(await screen.findByRole("dialog", { name: notesWorklistEn.cosign.title }));
    return { fetchMock, dialog };
  }

  it("co-signs with the password re-entered and closes", async () => {
    const { fetchMock, dialog } = await openDialog({
      [`POST /api/v1/clinical-notes/${id(5)}/cosign`]: {
        body: { status: "signed", cosignedAt: "2026-11-04T15:00:00.000Z" },
      },
    });
    // Nothing is sent without the password.
    fireEvent.click(dialog.getByRole("button", { name: treatmentPlansEn.sign.submit }));
    expect(await dialog.findByText(treatmentPlansEn.sign.passwordRequired)).toBeTruthy();
    fireEvent.change(dialog.getByLabelText(treatmentPlansEn.sign.password, { exact: false }), {
      target: { value: "correct horse battery staple" },
    });
    fireEvent.click(dialog.getByRole("button", { name: treatmentPlansEn.sign.submit }));
    expect(await screen.findByText(notesWorklistEn.cosign.done)).toBeTruthy();
    expect(apiCalls(fetchMock).filter((c) => c.route.startsWith("POST"))).toEqual([
      {
        route: `POST /api/v1/clinical-notes/${id(5)}/cosign`,
        body: { password: "correct horse battery staple" },
      },
    ]);
    expect(screen.queryByRole("dialog", { name: notesWorklistEn.cosign.title })).toBeNull();
  });

  it("shows a wrong password on its field and keeps the dialog open", async () => {
    const { dialog } = await openDialog({
      [`POST /api/v1/clinical-notes/${id(5)}/cosign`]: {
        status: 400,
        body: {
          error: {
            code: "IDENTITY_WRONG_PASSWORD",
            message: "Your password is not right.",
            fields: [{ path: "password", message: "Your password is not right." }],
          },
        },
      },
    });
    fireEvent.change(dialog.getByLabelText(treatmentPlansEn.sign.password, { exact: false }), {
      target: { value: "wrong" },
    });
    fireEvent.click(dialog.getByRole("button", { name: treatmentPlansEn.sign.submit }));
    expect(await dialog.findByText("Your password is not right.")).toBeTruthy();
    expect(screen.getByRole("dialog", { name: notesWorklistEn.cosign.title })).toBeTruthy();
  });
});
