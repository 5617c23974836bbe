// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { EMPTY_SESSION_NOTE } from "../../../core/notes/note.schema";
import { RequireSession } from "../../app/require-session";
import { sessionNotesEn } from "../../i18n/session-notes.en";
import { apiCalls, renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith, sessionWith } from "../admin/admin-testing";
import { SessionNotePage } from "./session-note-page";
import {
  aRecord,
  aSessionNote,
  NOTE_PATH,
  OBJECTIVE,
  PAGE_PATH,
  PARTICIPANT,
  SITE,
  setUpSessionNotesDom,
} from "./session-note-testing";

const S = sessionNotesEn;

beforeAll(setUpSessionNotesDom);
beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ["setTimeout", "clearTimeout"] });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

type ApiRoutes = Parameters<typeof fakeApiWith>[0];

/** The server's answer to a save: one revision on. */
const savedAs = (_url: URL, body: unknown) => ({
  body: {
    id: aSessionNote().id,
    revision: (body as { revision: number }).revision + 1,
    updatedAt: "2026-11-23T14:05:00.000Z",
  },
});

function renderNote(note = aSessionNote(), routes: ApiRoutes = {}) {
  const fetchMock = vi.fn(
    fakeApiWith({
      "GET /api/v1/sessions/current": sessionWith(["clinical.view", "clinical.write"]),
      [`GET /api/v1/participants/${PARTICIPANT}`]: { body: aRecord() },
      [`GET ${NOTE_PATH}`]: { body: note },
      [`GET /api/v1/sites/${SITE}/staff`]: { body: { staff: [] } },
      [`PUT ${NOTE_PATH}`]: savedAs,
      ...routes,
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(
    <RequireSession kind="staff">
      <Routes>
        <Route path="/staff/participants/:id/notes/:noteId" element={<SessionNotePage />} />
      </Routes>
    </RequireSession>,
    PAGE_PATH,
  );
  return fetchMock;
}

const pause = () => act(() => vi.advanceTimersByTimeAsync(1300));
const saves = (fetchMock: ReturnType<typeof renderNote>) =>
  apiCalls(fetchMock).filter((c) => c.route === `PUT ${NOTE_PATH}`);
const textOf = (label: string) => (screen.getByLabelText(label) as HTMLTextAreaElement).value;
/** The error message shown under an input (Mantine links it by aria-describedby). */
const errorOf = (label: string) => {
  const input = screen.getByLabelText(label);
  const ids = (input.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
};

const written = aSessionNote({
  content: {
    ...EMPTY_SESSION_NOTE,
    sections: {
      data: "Talked through the weekend and two cravings on Saturday.",
      assessment: "Engaged and candid; used urge surfing once.",
      plan: "Practise urge surfing daily; meet Thursday.",
    },
    nextSession: "Review the craving log.",
  },
});

describe("Session note editor: switching the format", () => {
  it("keeps the assessment and plan from DAP to SOAP, after warning that the Data text will go", async () => {
    const fetchMock = renderNote(written);
    await screen.findByLabelText(S.sections.data);
    fireEvent.click(screen.getByLabelText("SOAP"));

    const dialog = await screen.findByRole("dialog", { name: "Switch to SOAP?" });
    expect(within(dialog).getByText(/has no place for text you wrote in: Data\./)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: S.formatSwitch.confirm }));

    await waitFor(() => expect(screen.queryByLabelText(S.sections.data)).toBeNull());
    expect(textOf(S.sections.subjective)).toBe("");
    expect(textOf(S.sections.objective)).toBe("");
    expect(textOf(S.sections.assessment)).toBe("Engaged and candid; used urge surfing once.");
    expect(textOf(S.sections.plan)).toBe("Practise urge surfing daily; meet Thursday.");

    await pause();
    await waitFor(() => expect(saves(fetchMock)).toHaveLength(1));
    expect(saves(fetchMock)[0]?.body).toMatchObject({
      revision: 2,
      format: "SOAP",
      content: {
        sections: {
          assessment: "Engaged and candid; used urge surfing once.",
          plan: "Practise urge surfing daily; meet Thursday.",
        },
      },
    });
    expect(saves(fetchMock)[0]?.body.content.sections.data).toBeUndefined();
  });

  it("keeps the format and every word when the clinician keeps the current format", async () => {
    const fetchMock = renderNote(written);
    await screen.findByLabelText(S.sections.data);
    fireEvent.click(screen.getByLabelText("BIRP"));
    const dialog = await screen.findByRole("dialog", { name: "Switch to BIRP?" });
    expect(within(dialog).getByText(/text you wrote in: Data and Assessment\./)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: S.formatSwitch.keep }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(textOf(S.sections.data)).toBe("Talked through the weekend and two cravings on Saturday.");
    await pause();
    expect(saves(fetchMock)).toEqual([]);
  });

  it("switches at once, without asking, when no text would be lost", async () => {
    renderNote(aSessionNote({ content: { ...EMPTY_SESSION_NOTE, sections: { plan: "Meet Thursday." } } }));
    await screen.findByLabelText(S.sections.data);
    fireEvent.click(screen.getByLabelText("BIRP"));
    expect(await screen.findByLabelText(S.sections.behavior)).toBeTruthy();
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(textOf(S.sections.plan)).toBe("Meet Thursday.");
  });
});

describe("Session note editor: autosave", () => {
  it("stops on a conflict, keeps the text typed, and reloads the other version on request", async () => {
    let reloaded = false;
    const theirs = aSessionNote({
      ...written,
      revision: 3,
      content: { ...written.content, nextSession: "Their plan for next time." },
    });
    const fetchMock = renderNote(written, {
      [`PUT ${NOTE_PATH}`]: {
        status: 409,
        body: {
          error: { code: "NOTE_EDIT_CONFLICT", message: "Alex Kim saved this note after you opened it." },
        },
      },
      [`GET ${NOTE_PATH}`]: () => ({ body: reloaded ? theirs : written }),
    });
    const next = (await screen.findByLabelText(S.editor.nextSession)) as HTMLTextAreaElement;
    fireEvent.change(next, { target: { value: "My plan for next time." } });
    await pause();
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText("Alex Kim saved this note after you opened it.")).toBeTruthy();
    expect(next.value).toBe("My plan for next time.");

    // Saving has stopped: more typing sends nothing.
    fireEvent.change(next, { target: { value: "My plan for next time, longer." } });
    await pause();
    expect(saves(fetchMock)).toHaveLength(1);

    reloaded = true;
    fireEvent.click(within(alert).getByRole("button", { name: S.save.reloadTheirs }));
    await waitFor(() =>
      expect((screen.getByLabelText(S.editor.nextSession) as HTMLTextAreaElement).value).toBe(
        "Their plan for next time.",
      ),
    );
    expect(screen.queryByRole("alert")).toBeNull();
  });
});

describe("Session note editor: signing an incomplete note", () => {
  it("marks each missing part on its field, and does not ask for the password", async () => {
    const fetchMock = renderNote(
      aSessionNote({
        content: {
          ...EMPTY_SESSION_NOTE,
          sections: { data: "Talked through the weekend." },
          objectives: [{ objectiveId: OBJECTIVE, progress: null, comment: "" }],
        },
      }),
    );
    fireEvent.click(await screen.findByRole("button", { name: S.editor.sign }));

    const summary = await screen.findByRole("alert");
    expect(within(summary).getByText(S.editor.incompleteTitle)).toBeTruthy();
    expect(errorOf(S.sections.assessment)).toContain("Write the Assessment section.");
    expect(errorOf(S.sections.plan)).toContain("Write the Plan section.");
    expect(errorOf(S.editor.nextSession)).toContain(S.issues.NEXT_SESSION_REQUIRED);
    expect(errorOf(S.sections.data)).not.toContain("Write");
    expect(within(summary).getByText(S.issues.OBJECTIVE_PROGRESS_REQUIRED)).toBeTruthy();
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(apiCalls(fetchMock).some((c) => c.route === `POST ${NOTE_PATH}/sign`)).toBe(false);

    // Writing the section clears its mark.
    fireEvent.change(screen.getByLabelText(S.sections.plan), { target: { value: "Meet Thursday." } });
    expect(errorOf(S.sections.plan)).not.toContain("Write the Plan section.");
  });

  it("puts the server's NOTE_INCOMPLETE fields on their inputs and closes the sign dialog", async () => {
    const fetchMock = renderNote(written, {
      [`POST ${NOTE_PATH}/sign`]: {
        status: 422,
        body: {
          error: {
            code: "NOTE_INCOMPLETE",
            message: "This note cannot be signed yet: some parts are missing.",
            fields: [
              { path: "content.sections.assessment", message: "Write the Assessment section." },
              { path: "nextSession", message: "Write the plan for the next session." },
            ],
          },
        },
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: S.editor.sign }));
    const dialog = await screen.findByRole("dialog", { name: S.sign.title });
    fireEvent.change(within(dialog).getByLabelText(new RegExp(`^${S.sign.password}`)), {
      target: { value: "correct horse" },
    });
    fireEvent.click(within(dialog).getByRole("button", { name: S.sign.submit }));

    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(errorOf(S.sections.assessment)).toContain("Write the Assessment section.");
    expect(errorOf(S.editor.nextSession)).toContain("Write the plan for the next session.");
    const sign = apiCalls(fetchMock).find((c) => c.route === `POST ${NOTE_PATH}/sign`);
    expect(sign?.body).toEqual({ revision: 2, password: "correct horse" });
  });

  it("shows the signed note as a document once signed", async () => {
    renderNote(written, {
      [`POST ${NOTE_PATH}/sign`]: {
        body: aSessionNote({
          ...written,
          status: "signed",
          revision: 3,
          signedAt: "2026-11-23T14:10:00.000Z",
          signatures: [
            {
              role: "author",
              signer: { id: written.author.id, name: "Dana Director" },
              method: "password",
              signedAt: "2026-11-23T14:10:00.000Z",
            },
          ],
          lateEntry: true,
          canEdit: false,
        }),
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: S.editor.sign }));
    const dialog = await screen.findByRole("dialog", { name: S.sign.title });
    fireEvent.change(within(dialog).getByLabelText(new RegExp(`^${S.sign.password}`)), {
      target: { value: "correct horse" },
    });
    fireEvent.click(within(dialog).getByRole("button", { name: S.sign.submit }));

    expect(await screen.findByText(S.status.signed)).toBeTruthy();
    expect(screen.getByText(S.document.lateEntry)).toBeTruthy();
    expect(screen.getByText(/^Signed by Dana Director,/)).toBeTruthy();
    expect(screen.getByRole("button", { name: S.addendum.open })).toBeTruthy();
    expect(screen.queryByLabelText(S.sections.data)).toBeNull();
  });
});

describe("Session note awaiting co-signature", () => {
  it("the supervisor it names co-signs it with their password", async () => {
    const awaiting = aSessionNote({
      ...written,
      status: "awaiting_cosign",
      author: { id: "3698896a-eb30-4263-976d-a14b0399db0c", name: "Alex Kim" },
      cosigner: { id: "0b7d3c1e-5a8f-4f57-9d8a-2f6b1c9e7a10", name: "Dana Director" },
      canEdit: false,
    });
    const fetchMock = renderNote(awaiting, {
      [`POST /api/v1/clinical-notes/${awaiting.id}/cosign`]: {
        body: { status: "signed", cosignedAt: "2026-11-23T15:00:00.000Z" },
      },
    });
    expect(await screen.findByText(S.status.awaiting_cosign)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: S.cosign.open }));
    const dialog = await screen.findByRole("dialog", { name: S.cosign.title });
    fireEvent.change(within(dialog).getByLabelText(new RegExp(`^${S.sign.password}`)), {
      target: { value: "correct horse" },
    });
    fireEvent.click(within(dialog).getByRole("button", { name: S.sign.submit }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    const cosign = apiCalls(fetchMock).find((c) => c.route.endsWith("/cosign"));
    expect(cosign?.body).toEqual({ password: "correct horse" });
  });
});

describe("Session note page", () => {
  it("says only 'not found' when the server answers 404", async () => {
    renderNote(aSessionNote(), {
      [`GET ${NOTE_PATH}`]: { status: 404, body: { error: { code: "NOT_FOUND", message: "Not found." } } },
    });
    expect(await screen.findByText(S.states.notFound)).toBeTruthy();
  });
});
