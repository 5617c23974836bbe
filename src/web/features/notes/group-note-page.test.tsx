// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { GroupNoteScreen } from "../../../core/notes/notes-api.schema";
import { RequireSession } from "../../app/require-session";
import { groupNoteEn } from "../../i18n/group-note.en";
import { apiCalls, renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith, sessionWith } from "../admin/admin-testing";
import { GroupNotePage } from "./group-note-page";
import {
  aDraftScreen,
  anEntry,
  aScreen,
  DEV,
  EARLIER_NOTE,
  entryPath,
  LEE,
  MARIA,
  NOTE,
  PAGE_PATH,
  SAM,
  SCREEN_PATH,
  setUpGroupNoteDom,
} from "./group-note-testing";

const G = groupNoteEn;

beforeAll(setUpGroupNoteDom);
beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ["setTimeout", "clearTimeout"] });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

type ApiRoutes = Parameters<typeof fakeApiWith>[0];

function renderScreen(data: GroupNoteScreen, routes: ApiRoutes = {}) {
  const fetchMock = vi.fn(
    fakeApiWith({
      "GET /api/v1/sessions/current": sessionWith(["clinical.view", "clinical.write"]),
      [`GET ${SCREEN_PATH}`]: { body: data },
      "GET /api/v1/curriculum/modules": { body: { modules: [] } },
      ...routes,
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(
    <RequireSession kind="staff">
      <Routes>
        <Route path="/staff/groups/:trackId/:occurrenceKey/note" element={<GroupNotePage />} />
      </Routes>
    </RequireSession>,
    PAGE_PATH,
  );
  return fetchMock;
}

/** A participant's card by the name shown on it. */
const card = async (name: string) =>
  (await screen.findByRole("heading", { level: 3, name })).closest("li") as HTMLElement;

const pause = () => act(() => vi.advanceTimersByTimeAsync(1300));

describe("Group note: moving between participants with the keyboard", () => {
  it("Alt+↓ from a text box goes to the next participant's first field, skipping the absent; Alt+↑ goes back", async () => {
    renderScreen(aDraftScreen());
    const maria = await card("Maria Lopez (Mari)");
    const contribution = within(maria).getByLabelText(new RegExp(G.entry.contribution));
    contribution.focus();
    fireEvent.keyDown(contribution, { key: "ArrowDown", altKey: true });
    const dev = await card("Dev Patel");
    const firstOfDev = within(dev).getByRole("radio", { name: /Active/ });
    expect(document.activeElement).toBe(firstOfDev);

    // Lee was absent (collapsed, no entry needed): the next stop is Sam.
    const lee = await card("Lee Chen");
    expect(within(lee).getByText(G.entry.absentCollapsed)).toBeTruthy();
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: "ArrowDown", altKey: true });
    const sam = await card("Sam Rivera");
    expect(document.activeElement).toBe(within(sam).getByRole("radio", { name: /Active/ }));
    expect(within(sam).getByText(G.objectives.noSignedPlan)).toBeTruthy();

    fireEvent.keyDown(document.activeElement as HTMLElement, { key: "ArrowUp", altKey: true });
    expect(document.activeElement).toBe(firstOfDev);
    expect(screen.getByText(G.roster.hint)).toBeTruthy();
  });

  it("digits 1–4 choose how they took part", async () => {
    renderScreen(aDraftScreen());
    const dev = await card("Dev Patel");
    const group = within(dev).getByRole("radiogroup", { name: "How Dev Patel took part" });
    fireEvent.keyDown(group, { key: "2" });
    expect((within(dev).getByRole("radio", { name: /When prompted/ }) as HTMLInputElement).checked).toBe(
      true,
    );
  });
});

describe("Group note autosave", () => {
  it("the first entry creates the note with the planned module, then saves each part with the revision it got back", async () => {
    const fetchMock = renderScreen(aScreen(), {
      [`PUT ${SCREEN_PATH}`]: () => ({
        body: { id: NOTE, revision: 1, updatedAt: "2026-11-23T21:05:00.000Z" },
      }),
      [`PUT ${entryPath(MARIA)}`]: (_url, body) => {
        const sent = body as { revision: number | null };
        return {
          body: {
            id: "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d",
            revision: (sent.revision ?? 0) + 1,
            updatedAt: "2026-11-23T21:06:00.000Z",
          },
        };
      },
    });
    const maria = await card("Maria Lopez (Mari)");
    fireEvent.change(within(maria).getByLabelText(new RegExp(G.entry.contribution)), {
      target: { value: "Named payday as her main trigger and practised urge surfing twice." },
    });
    expect(await screen.findByText(G.autosave.pending)).toBeTruthy();
    await pause();
    await waitFor(() =>
      expect(
        apiCalls(fetchMock)
          .filter((c) => c.route.startsWith("PUT "))
          .map((c) => c.route),
      ).toEqual([`PUT ${SCREEN_PATH}`, `PUT ${entryPath(MARIA)}`]),
    );
    const puts = apiCalls(fetchMock).filter((c) => c.route.startsWith("PUT "));
    expect(puts[0]?.body).toEqual({
      revision: null,
      shared: {
        moduleKey: "cravings-urge-surfing",
        moduleVersion: 0,
        topic: "Cravings and Urge Surfing",
        narrative: "",
      },
    });
    expect(puts[1]?.body).toEqual({
      revision: null,
      content: {
        participation: null,
        moodAffect: "",
        contribution: "Named payday as her main trigger and practised urge surfing twice.",
        objectives: [],
        riskObservations: "",
        followUp: false,
        followUpNote: "",
      },
    });
    expect(await screen.findByText(/^Saved at /)).toBeTruthy();
    // The header follows: the note is now a draft.
    expect(screen.queryByText(G.page.notStarted)).toBeNull();
    expect(screen.getByText(G.status.draft)).toBeTruthy();

    fireEvent.click(within(maria).getByRole("radio", { name: /Active/ }));
    await pause();
    await waitFor(() =>
      expect(apiCalls(fetchMock).filter((c) => c.route.startsWith("PUT "))).toHaveLength(3),
    );
    const third = apiCalls(fetchMock).filter((c) => c.route.startsWith("PUT "))[2];
    expect(third?.route).toBe(`PUT ${entryPath(MARIA)}`);
    expect(third?.body).toMatchObject({ revision: 1, content: { participation: "active" } });
  });

  it("a conflict keeps the user's text and offers to reload the saved note", async () => {
    renderScreen(aDraftScreen(), {
      [`PUT ${entryPath(DEV)}`]: {
        status: 409,
        body: { error: { code: "NOTE_EDIT_CONFLICT", message: "Alex Kim saved this entry at 9:07 PM." } },
      },
    });
    const dev = await card("Dev Patel");
    const box = within(dev).getByLabelText(new RegExp(G.entry.contribution)) as HTMLTextAreaElement;
    fireEvent.change(box, { target: { value: "Shared a plan for the weekend." } });
    await pause();
    expect(await screen.findByText(G.autosave.conflictTitle)).toBeTruthy();
    expect(screen.getByText(/Alex Kim saved this entry at 9:07 PM\./)).toBeTruthy();
    expect(box.value).toBe("Shared a plan for the weekend.");
    expect(screen.getByRole("button", { name: G.autosave.reload })).toBeTruthy();
  });
});

describe("Group note check and signing", () => {
  const written = () =>
    aDraftScreen({
      roster: aScreen().roster.map((row) =>
        row.participantId === LEE
          ? row
          : { ...row, entry: anEntry({ contribution: "Practised urge surfing." }) },
      ),
    });

  it("highlights the entries the cloned-entry check flags, with the reason in words", async () => {
    renderScreen(written(), {
      [`GET /api/v1/group-notes/${NOTE}/cloned-entries`]: {
        body: {
          threshold: 0.85,
          findings: [
            {
              participantId: MARIA,
              kind: "same_note",
              otherParticipantId: SAM,
              similarity: 1,
              identical: true,
            },
            {
              participantId: SAM,
              kind: "same_note",
              otherParticipantId: MARIA,
              similarity: 0.93,
              identical: false,
            },
            {
              participantId: DEV,
              kind: "own_previous",
              noteId: EARLIER_NOTE,
              similarity: 0.91,
              identical: false,
            },
          ],
        },
      },
      [`GET /api/v1/participants/${DEV}/notes/${EARLIER_NOTE}`]: { body: { sessionDate: "2026-11-12" } },
    });
    fireEvent.click(await screen.findByRole("button", { name: G.check.run }));
    expect(
      await screen.findByText(
        "3 entries read like another one. Auditors and payers treat such entries as cloned.",
      ),
    ).toBeTruthy();
    const maria = await card("Maria Lopez (Mari)");
    expect(maria.dataset.cloned).toBe("true");
    expect(
      within(maria).getByText("Reads the same as Sam Rivera's entry in this note (identical)."),
    ).toBeTruthy();
    const sam = await card("Sam Rivera");
    expect(within(sam).getByText("Reads like Mari's entry in this note (93% alike).")).toBeTruthy();
    const dev = await card("Dev Patel");
    expect(await within(dev).findByText("Reads like their entry of Nov 12, 2026 (91% alike).")).toBeTruthy();
    expect((await card("Lee Chen")).dataset.cloned).toBeUndefined();
    // The clinician may still sign.
    expect(screen.getByRole("button", { name: G.check.sign })).toBeTruthy();
  });

  it("signing refused as incomplete shows each missing part on its participant's card, linked", async () => {
    const fetchMock = renderScreen(written(), {
      [`GET /api/v1/group-notes/${NOTE}/cloned-entries`]: { body: { threshold: 0.85, findings: [] } },
      [`POST /api/v1/group-notes/${NOTE}/sign`]: {
        status: 422,
        body: {
          error: {
            code: "NOTE_INCOMPLETE",
            message: "The note is not complete.",
            fields: [
              { path: `entries.${DEV}.participation`, message: "Dev Patel: choose how they took part." },
              {
                path: `entries.${SAM}.contribution`,
                message: "Sam Rivera: write what they contributed or practised.",
              },
            ],
          },
        },
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: G.check.run }));
    expect(await screen.findByText(G.check.clean)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: G.check.sign }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.change(within(dialog).getByLabelText(/Your password/), { target: { value: "correct horse" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Sign" }));

    const alert = await screen.findByRole("alert", { name: G.sign.incompleteTitle });
    expect(
      apiCalls(fetchMock).find((c) => c.route === `POST /api/v1/group-notes/${NOTE}/sign`)?.body,
    ).toEqual({
      revision: 2,
      password: "correct horse",
    });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());

    const dev = await card("Dev Patel");
    expect(dev.dataset.invalid).toBe("true");
    expect(within(dev).getByText("Dev Patel: choose how they took part.")).toBeTruthy();
    const sam = await card("Sam Rivera");
    const samContribution = within(sam).getByLabelText(new RegExp(G.entry.contribution));
    expect(samContribution.getAttribute("aria-invalid")).toBe("true");
    expect((await card("Maria Lopez (Mari)")).dataset.invalid).toBeUndefined();

    fireEvent.click(within(alert).getByRole("button", { name: /Sam Rivera: write what they contributed/ }));
    expect(document.activeElement).toBe(samContribution);
    fireEvent.click(within(alert).getByRole("button", { name: /Dev Patel: choose how they took part/ }));
    expect(document.activeElement).toBe(within(dev).getByRole("radio", { name: /Active/ }));
  });

  it("a signed note reads back with its signatures and addenda, and offers an addendum", async () => {
    const draft = written();
    const note = draft.note!;
    renderScreen({
      ...draft,
      note: {
        ...note,
        status: "signed",
        signedAt: "2026-11-23T21:30:00.000Z",
        signatures: [
          {
            role: "author",
            signer: note.author,
            method: "password",
            signedAt: "2026-11-23T21:30:00.000Z",
          },
        ],
        addenda: [
          {
            id: "8b7a6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d",
            reason: "Correction",
            body: "Dev left ten minutes early.",
            author: note.author,
            createdAt: "2026-11-24T09:00:00.000Z",
            entryParticipantId: DEV,
          },
        ],
      },
    });
    expect(await screen.findByText(G.status.signed)).toBeTruthy();
    expect(screen.queryByRole("textbox", { name: new RegExp(G.shared.narrative) })).toBeNull();
    expect(screen.getByText(/Author: Dana Director/)).toBeTruthy();
    expect(screen.getByText("Dev left ten minutes early.")).toBeTruthy();
    expect(screen.getByText(/about Dev Patel/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: G.signed.add }));
    const dialog = await screen.findByRole("dialog", { name: G.addendum.title });
    fireEvent.click(within(dialog).getByRole("button", { name: G.addendum.next }));
    expect(await within(dialog).findByText(G.addendum.reasonRequired)).toBeTruthy();
  });
});
