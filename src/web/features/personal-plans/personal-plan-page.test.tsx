// @vitest-environment jsdom
import { cleanup, screen, waitFor } from "@testing-library/react";
import i18n from "i18next";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { EMPTY_SAFETY_PLAN, type PersonalPlan } from "../../../core/personal-plans/personal-plan.schema";
import { personalPlansEn } from "../../i18n/personal-plans.en";
import { apiCalls } from "../../test-support/render-with-providers";
import {
  participantApi,
  participantSession,
  renderParticipantArea,
  setUpParticipantDom,
} from "../participant-area/participant-area-testing";
import { PersonalPlanPage } from "./personal-plan-page";
import { keepSavedPlan } from "./saved-plans";

beforeAll(async () => {
  await setUpParticipantDom();
  i18n.addResourceBundle("en", "personalPlans", personalPlansEn, true, true);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

const USER_ID = participantSession.body.session.user.id;
const plan = (over: Partial<PersonalPlan> = {}): PersonalPlan =>
  ({
    kind: "safety",
    version: 4,
    content: {
      ...EMPTY_SAFETY_PLAN,
      professionals: [{ name: "Alex Kim", phone: "555-0142", note: "" }],
    },
    updatedAt: "2026-11-20T20:00:00.000Z",
    updatedBy: { kind: "staff", displayName: "Alex Kim" },
    changedSinceSeen: [],
    ...over,
  }) as PersonalPlan;

function renderSafetyPlan(routes: Parameters<typeof participantApi>[0]) {
  const fetchMock = vi.fn(
    participantApi({
      "GET /api/v1/me/help-resources": {
        body: { resources: [], onCall: { site: "Riverside", phone: "555-0100" } },
      },
      ...routes,
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderParticipantArea("/me/safety-plan", [
    { path: "safety-plan", element: <PersonalPlanPage kind="safety" /> },
  ]);
  return fetchMock;
}

describe("My safety plan", () => {
  it("names what the counselor changed, marks it seen once, and keeps a copy on the device", async () => {
    const fetchMock = renderSafetyPlan({
      "GET /api/v1/me/personal-plans/safety": { body: plan({ changedSinceSeen: ["professionals"] }) },
      "POST /api/v1/me/personal-plans/safety/seen": { body: plan() },
      "GET /api/v1/me/personal-plans/safety/versions": { body: { versions: [] } },
    });
    await screen.findByText("Your counselor changed: Professionals and crisis lines.");
    await waitFor(() =>
      expect(
        apiCalls(fetchMock).filter((c) => c.route === "POST /api/v1/me/personal-plans/safety/seen"),
      ).toEqual([{ route: "POST /api/v1/me/personal-plans/safety/seen", body: { version: 4 } }]),
    );
    // The banner stays while the page is open, after the plan comes back seen.
    expect(screen.getByText("Your counselor changed: Professionals and crisis lines.")).toBeTruthy();
    expect(screen.getAllByRole("link", { name: "Call Alex Kim" })[0]!.getAttribute("href")).toBe(
      "tel:5550142",
    );
    await waitFor(() =>
      expect(localStorage.getItem(`bridgeway.personal-plans.${USER_ID}.safety`)).toContain("Alex Kim"),
    );
  });

  it("offline, shows the saved copy read-only with the crisis lines", async () => {
    keepSavedPlan(localStorage, {
      userId: USER_ID,
      savedAt: "2026-11-20T20:05:00.000Z",
      plan: plan(),
      onCall: { site: "Riverside", phone: "555-0100" },
    });
    vi.spyOn(navigator, "onLine", "get").mockReturnValue(false);
    renderSafetyPlan({});
    await screen.findByText(/^Saved copy from .* — you are offline\./);
    expect(screen.getByRole("link", { name: /^Call 988/ }).getAttribute("href")).toBe("tel:988");
    expect(screen.getByRole("link", { name: /Riverside/ }).getAttribute("href")).toBe("tel:5550100");
    expect(screen.queryByRole("button", { name: "Save my plan" })).toBeNull();
    vi.restoreAllMocks();
  });
});
