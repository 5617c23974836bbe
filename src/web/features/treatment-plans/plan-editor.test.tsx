// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { VersionDetail } from "../../../core/treatment-plans/plan-api.schema";
import { treatmentPlansEn } from "../../i18n/treatment-plans.en";
import { apiCalls, renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith, sessionWith } from "../admin/admin-testing";
import type { StoredDraft } from "./plan-draft-storage";
import { PlanEditorPage } from "./plan-editor-page";
import {
  aContent,
  aPlan,
  aRecord,
  aVersion,
  COLLEAGUE,
  DRAFT_VERSION,
  PARTICIPANT,
  PLAN_PATH,
  setUpTreatmentPlansDom,
  VERSION_PATH,
} from "./plan-editor-testing";

const E = treatmentPlansEn.editor;
const A = treatmentPlansEn.autosave;
const STORAGE_KEY = `bridgeway.plan-draft.${DRAFT_VERSION}`;
let online = true;

beforeAll(async () => {
  await setUpTreatmentPlansDom();
  Object.defineProperty(window.navigator, "onLine", { configurable: true, get: () => online });
});
beforeEach(() => {
  online = true;
  window.localStorage.clear();
  vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ["setTimeout", "clearTimeout"] });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

type ApiRoutes = Parameters<typeof fakeApiWith>[0];

/** The server's answer to a save: the draft as sent, one revision on, saved at 14:05 UTC. */
const savedAs = (_url: URL, body: unknown) => {
  const sent = body as { revision: number; content: VersionDetail["content"]; startsOn: string };
  return {
    body: aVersion({
      revision: sent.revision + 1,
      content: sent.content,
      startsOn: sent.startsOn,
      updatedAt: "2026-11-23T14:05:00.000Z",
    }),
  };
};

function renderEditor(routes: ApiRoutes = {}) {
  const fetchMock = vi.fn(
    fakeApiWith({
      "GET /api/v1/sessions/current": sessionWith(["clinical.view", "clinical.write"]),
      [`GET /api/v1/participants/${PARTICIPANT}`]: { body: aRecord() },
      [`GET ${PLAN_PATH}`]: { body: { plan: aPlan() } },
      [`GET ${PLAN_PATH}/suggestions`]: { body: { suggestions: [] } },
      "GET /api/v1/instruments": { body: { instruments: [] } },
      "GET /api/v1/sites/5d7f6c2a-1b3e-4c8d-9e0f-1a2b3c4d5e6f/staff": { body: { staff: [] } },
      [`PUT ${VERSION_PATH}`]: savedAs,
      ...routes,
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(
    <Routes>
      <Route path="/staff/participants/:id/plan/:versionId/edit" element={<PlanEditorPage />} />
      <Route path="/staff/participants/:id" element={<p>The chart</p>} />
    </Routes>,
    `/staff/participants/${PARTICIPANT}/plan/${DRAFT_VERSION}/edit`,
  );
  return fetchMock;
}

const saves = (fetchMock: ReturnType<typeof renderEditor>) =>
  apiCalls(fetchMock).filter((c) => c.route === `PUT ${VERSION_PATH}`);

async function typeProblemTitle(title: string) {
  const input = await screen.findByLabelText(E.problemTitle);
  fireEvent.change(input, { target: { value: title } });
  return input as HTMLInputElement;
}

const pause = () => act(() => vi.advanceTimersByTimeAsync(1600));

describe("PlanEditor autosave", () => {
  it("saves a moment after typing stops, with the revision read, and says when", async () => {
    const fetchMock = renderEditor();
    await typeProblemTitle("Alcohol use and weekend drinking");
    expect(await screen.findByText(A.pending)).toBeTruthy();
    expect(saves(fetchMock)).toEqual([]);
    await pause();
    await waitFor(() => expect(saves(fetchMock)).toHaveLength(1));
    const [save] = saves(fetchMock);
    expect(save?.body).toMatchObject({
      revision: 3,
      startsOn: "2026-11-02",
      language: "en",
      cosignerUserId: null,
    });
    expect(save?.body.content.problems[0].title).toBe("Alcohol use and weekend drinking");
    expect(await screen.findByText(/^Saved at 2:05\sPM$/)).toBeTruthy();
    expect(window.localStorage.getItem(STORAGE_KEY)).toBeNull();

    // The next save carries the revision the server gave back.
    await typeProblemTitle("Alcohol use");
    await pause();
    await waitFor(() => expect(saves(fetchMock)).toHaveLength(2));
    expect(saves(fetchMock)[1]?.body.revision).toBe(4);
  });

  it("stops on a conflict, names who saved, and keeps the user's text beside their version", async () => {
    const conflict = `${COLLEAGUE.displayName} saved this plan at 14:03 after you opened it. Your text is kept on this page; reload the plan to see their changes, then apply yours.`;
    let reloaded = false;
    const theirs = aVersion({
      revision: 4,
      updatedBy: COLLEAGUE,
      content: aContent({ strengths: ["Supportive sister", "Plays in a band"] }),
    });
    const fetchMock = renderEditor({
      [`PUT ${VERSION_PATH}`]: {
        status: 409,
        body: { error: { code: "TREATMENT_PLAN_EDIT_CONFLICT", message: conflict } },
      },
      [`GET ${PLAN_PATH}`]: () => ({ body: { plan: aPlan(reloaded ? { open: theirs } : {}) } }),
    });
    const input = await typeProblemTitle("My own wording of the problem");
    await pause();
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText(conflict)).toBeTruthy();
    expect(input.value).toBe("My own wording of the problem");

    // Nothing more is sent while in conflict.
    fireEvent.change(input, { target: { value: "My own wording, again" } });
    await pause();
    expect(saves(fetchMock)).toHaveLength(1);

    reloaded = true;
    fireEvent.click(within(alert).getByRole("button", { name: A.reloadTheirs }));
    await waitFor(() =>
      expect((screen.getByLabelText(E.problemTitle) as HTMLInputElement).value).toBe("Alcohol use"),
    );
    expect(screen.getByDisplayValue("Plays in a band")).toBeTruthy();
    const copy = screen.getByRole("complementary", { name: treatmentPlansEn.yourCopy.title });
    expect(within(copy).getByText(/My own wording, again/)).toBeTruthy();

    // Saving resumes against their revision.
    await typeProblemTitle("Alcohol use, their wording kept");
    await pause();
    await waitFor(() => expect(saves(fetchMock)).toHaveLength(2));
    expect(saves(fetchMock)[1]?.body.revision).toBe(4);
  });

  it("offline, keeps the draft on the device and sends it when the connection returns", async () => {
    const fetchMock = renderEditor();
    await screen.findByLabelText(E.problemTitle);
    online = false;
    await typeProblemTitle("Written on the bus");
    await pause();
    expect(await screen.findByText(A.offline)).toBeTruthy();
    expect(saves(fetchMock)).toEqual([]);
    const stored = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? "null") as StoredDraft;
    expect(stored.baseRevision).toBe(3);
    expect(stored.draft.content.problems[0]?.title).toBe("Written on the bus");

    online = true;
    act(() => {
      window.dispatchEvent(new Event("online"));
    });
    await waitFor(() => expect(saves(fetchMock)).toHaveLength(1));
    expect(saves(fetchMock)[0]?.body.content.problems[0].title).toBe("Written on the bus");
    expect(await screen.findByText(/^Saved at/)).toBeTruthy();
    expect(window.localStorage.getItem(STORAGE_KEY)).toBeNull();
  });

  it("tries again on its own when the server could not be reached although the device is online", async () => {
    let reachable = false;
    const fetchMock = renderEditor();
    const answer = fetchMock.getMockImplementation();
    fetchMock.mockImplementation(async (url: string, init?: RequestInit) => {
      if (init?.method === "PUT" && !reachable) throw new TypeError("Failed to fetch");
      return (answer as NonNullable<typeof answer>)(url, init);
    });
    await typeProblemTitle("Written in a basement");
    await pause();
    expect(await screen.findByText(A.offline)).toBeTruthy();
    reachable = true;
    await act(() => vi.advanceTimersByTimeAsync(15_000));
    expect(await screen.findByText(/^Saved at/)).toBeTruthy();
    expect(saves(fetchMock).map((c) => c.body.content.problems[0].title)).toEqual([
      "Written in a basement",
      "Written in a basement",
    ]);
  });

  it("restores a draft this device kept for the revision on the server, and saves it", async () => {
    const kept: StoredDraft = {
      versionId: DRAFT_VERSION,
      baseRevision: 3,
      storedAt: "2026-11-23T13:00:00.000Z",
      draft: {
        startsOn: "2026-11-02",
        language: "en",
        cosignerUserId: null,
        content: aContent({ barriers: ["No car"] }),
      },
    };
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(kept));
    const fetchMock = renderEditor();
    expect(await screen.findByText(E.restored)).toBeTruthy();
    expect(screen.getByDisplayValue("No car")).toBeTruthy();
    await pause();
    await waitFor(() => expect(saves(fetchMock)).toHaveLength(1));
    expect(saves(fetchMock)[0]?.body).toMatchObject({ revision: 3, content: { barriers: ["No car"] } });
  });

  it("does not send a value the schema refuses, names it on its field, and keeps it on the device", async () => {
    const fetchMock = renderEditor();
    const objective = within(await screen.findByRole("group", { name: "Objective 1" }));
    fireEvent.change(objective.getByLabelText(E.target), { target: { value: "" } });
    await pause();
    expect(await screen.findByText(A.invalid)).toBeTruthy();
    expect(objective.getByText("Give the number to reach.")).toBeTruthy();
    expect(saves(fetchMock)).toEqual([]);
    expect(window.localStorage.getItem(STORAGE_KEY)).not.toBeNull();
  });
});

describe("PlanEditor signing readiness", () => {
  it("lists what signing still needs and takes the reader to the field", async () => {
    renderEditor();
    const checklist = within(await screen.findByRole("region", { name: E.checklistTitle }));
    const item = checklist.getByRole("button", { name: /Objective 2.*target date/i });
    fireEvent.click(item);
    const group = within(screen.getByRole("group", { name: "Objective 2" }));
    expect(document.activeElement).toBe(group.getByLabelText(E.targetOn));

    fireEvent.change(group.getByLabelText(E.targetOn), { target: { value: "2026-12-20" } });
    expect(await checklist.findByText(E.checklistDone)).toBeTruthy();
  });

  it("sends for signatures with the revision and puts the server's refusals on their fields", async () => {
    const message = "Objective 2 of “Alcohol use”: give a target date.";
    const fetchMock = renderEditor({
      [`POST ${VERSION_PATH}/finalize`]: {
        status: 400,
        body: {
          error: {
            code: "VALIDATION_FAILED",
            message: "The plan is not ready to sign.",
            fields: [{ path: "content.problems.0.objectives.1.targetOn", message }],
          },
        },
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: E.finalize }));
    await waitFor(() =>
      expect(apiCalls(fetchMock).filter((c) => c.route.startsWith("POST"))).toEqual([
        { route: `POST ${VERSION_PATH}/finalize`, body: { revision: 3 } },
      ]),
    );
    expect(await screen.findByText(E.finalizeFailed)).toBeTruthy();
    const field = within(screen.getByRole("group", { name: "Objective 2" })).getByLabelText(E.targetOn);
    const error = await waitFor(() => {
      const described = document.getElementById(
        field
          .getAttribute("aria-describedby")
          ?.split(" ")
          .find((id) => id.endsWith("-error")) ?? "",
      );
      if (!described) throw new Error("No error on the target date");
      return described;
    });
    // Said again from its path in the reader's language (here English), naming the problem by its title.
    expect(error.textContent).toBe("Problem “Alcohol use”, objective 2: give a target date.");
  });
});
