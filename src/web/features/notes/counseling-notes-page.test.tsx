// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { RequireSession } from "../../app/require-session";
import { sessionNotesEn } from "../../i18n/session-notes.en";
import { apiCalls, renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith, sessionWith } from "../admin/admin-testing";
import { CounselingNotePage } from "./counseling-note-page";
import { CounselingNotesPage } from "./counseling-notes-page";
import {
  aCounselingListItem,
  aRecord,
  COUNSELING_NOTE,
  PARTICIPANT,
  setUpSessionNotesDom,
} from "./session-note-testing";

const S = sessionNotesEn;
const LIST_PATH = `/api/v1/participants/${PARTICIPANT}/counseling-notes`;

beforeAll(setUpSessionNotesDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderAt(path: string, routes: Parameters<typeof fakeApiWith>[0]) {
  const fetchMock = vi.fn(
    fakeApiWith({
      "GET /api/v1/sessions/current": sessionWith(["clinical.view", "clinical.write"]),
      [`GET /api/v1/participants/${PARTICIPANT}`]: { body: aRecord() },
      "GET /api/v1/calendar": { body: { view: "participant", from: "", to: "", siteId: null, entries: [] } },
      ...routes,
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(
    <RequireSession kind="staff">
      <Routes>
        <Route path="/staff/participants/:id/counseling-notes" element={<CounselingNotesPage />} />
        <Route path="/staff/participants/:id/counseling-notes/:noteId" element={<CounselingNotePage />} />
      </Routes>
    </RequireSession>,
    path,
  );
  return fetchMock;
}

describe("Counseling notes list", () => {
  it("says there are none to read, explains why these notes are kept apart, and offers a new one", async () => {
    renderAt(`/staff/participants/${PARTICIPANT}/counseling-notes`, {
      [`GET ${LIST_PATH}`]: { body: { items: [] } },
    });
    expect(await screen.findByText(S.counseling.empty)).toBeTruthy();
    expect(screen.getByText(S.counseling.restricted)).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1, name: S.counseling.title })).toBeTruthy();
    expect(screen.getByRole("button", { name: S.counseling.new })).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("lists the notes the server returns, newest session first, each linked to its page", async () => {
    renderAt(`/staff/participants/${PARTICIPANT}/counseling-notes`, {
      [`GET ${LIST_PATH}`]: {
        body: {
          items: [
            aCounselingListItem({ sessionDate: "2026-11-13", status: "signed", addendaCount: 2 }),
            aCounselingListItem({ id: "1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a", sessionDate: "2026-11-20" }),
          ],
        },
      },
    });
    const table = await screen.findByRole("table");
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getByRole("link").textContent)).toEqual([
      "Nov 20, 2026",
      "Nov 13, 2026",
    ]);
    expect(within(rows[1]!).getByText(S.status.signed)).toBeTruthy();
    expect(within(rows[1]!).getByText("2 addenda")).toBeTruthy();
  });

  it("starts a note with the session date and text, then opens it", async () => {
    const created = {
      id: COUNSELING_NOTE,
      participantId: PARTICIPANT,
      sessionDate: "2026-11-20",
      appointmentId: null,
      status: "draft",
      revision: 1,
      content: { body: "Ambivalence about telling his brother." },
      author: { id: "0b7d3c1e-5a8f-4f57-9d8a-2f6b1c9e7a10", name: "Dana Director" },
      signedAt: null,
      signMethod: null,
      createdAt: "2026-11-20T16:00:00.000Z",
      updatedAt: "2026-11-20T16:00:00.000Z",
      addenda: [],
      canEdit: true,
      canAddAddendum: false,
    };
    const fetchMock = renderAt(`/staff/participants/${PARTICIPANT}/counseling-notes`, {
      [`GET ${LIST_PATH}`]: { body: { items: [] } },
      [`POST ${LIST_PATH}`]: { status: 201, body: created },
      [`GET /api/v1/counseling-notes/${COUNSELING_NOTE}`]: { body: created },
    });
    fireEvent.click(await screen.findByRole("button", { name: S.counseling.new }));
    fireEvent.change(screen.getByLabelText(new RegExp(`^${S.counseling.sessionDate}`)), {
      target: { value: "2026-11-20" },
    });
    fireEvent.change(screen.getByLabelText(S.counseling.body), {
      target: { value: "Ambivalence about telling his brother." },
    });
    fireEvent.click(screen.getByRole("button", { name: S.counseling.start }));

    expect(await screen.findByRole("heading", { level: 1, name: S.counseling.noteTitle })).toBeTruthy();
    const post = apiCalls(fetchMock).find((c) => c.route === `POST ${LIST_PATH}`);
    expect(post?.body).toEqual({
      sessionDate: "2026-11-20",
      appointmentId: null,
      content: { body: "Ambivalence about telling his brother." },
    });
    await waitFor(() =>
      expect((screen.getByLabelText(S.counseling.body) as HTMLTextAreaElement).value).toBe(
        "Ambivalence about telling his brother.",
      ),
    );
  });
});

describe("A counseling note", () => {
  it("shows only 'not found' when the server answers 404, never whether a note exists", async () => {
    renderAt(`/staff/participants/${PARTICIPANT}/counseling-notes/${COUNSELING_NOTE}`, {
      [`GET /api/v1/counseling-notes/${COUNSELING_NOTE}`]: {
        status: 404,
        body: { error: { code: "NOT_FOUND", message: "Not found." } },
      },
    });
    expect(await screen.findByText(S.states.notFound)).toBeTruthy();
    expect(screen.queryByText(S.counseling.restricted)).toBeNull();
  });
});
