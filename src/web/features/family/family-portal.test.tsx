// @vitest-environment jsdom
import { act, cleanup, screen, waitFor } from "@testing-library/react";
import i18n from "i18next";
import { Outlet, Route, Routes } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { PART2_STATEMENTS } from "../../../core/consents/statements";
import type { FamilyPerson, FamilySchedule } from "../../../core/family-portal/family-portal.schema";
import { RequireSession } from "../../app/require-session";
import { familyEn } from "../../i18n/family.en";
import { familyEs } from "../../i18n/family.es";
import { aSession } from "../../test-support/builders";
import { renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith, setUpAdminDom } from "../admin/admin-testing";
import { FamilyHomePage } from "./family-home-page";
import { FamilyPersonPage } from "./family-person-page";

const ROB = "7a2c9e41-3b5d-4f60-8e1a-2c4b6d8f0a13";
const SESSION_ID = "9b1d3f5a-7c2e-4a6b-8d0f-1e3a5c7b9d24";

beforeAll(async () => {
  await setUpAdminDom();
  i18n.addResourceBundle("en", "family", familyEn, true, true);
  i18n.addResourceBundle("es", "family", familyEs, true, true);
});
afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  await i18n.changeLanguage("en");
});

const notice = {
  statement: { kind: "statement_1" as const, text: PART2_STATEMENTS.statement_1 },
  scopeSummary: "Consent (named recipient) signed 2026-11-01. Recipient: Fran Family (sister).",
};

const rob = (change: Partial<FamilyPerson> = {}): FamilyPerson => ({
  participantId: ROB,
  name: "Rob",
  relationship: "sister",
  scopes: ["family_session_schedule"],
  expiresOn: "2027-12-31",
  expiryEvent: null,
  ...notice,
  ...change,
});

const schedule: FamilySchedule = {
  sessions: [
    {
      id: SESSION_ID,
      startsAt: "2026-11-26T20:00:00.000Z",
      endsAt: "2026-11-26T21:00:00.000Z",
      timeZone: "America/New_York",
      telehealth: false,
      place: "Family room 3",
      videoLink: "",
      withWhom: "Jordan Counselor",
      includesYou: true,
    },
  ],
  ...notice,
};

const ended = { status: 403, body: { error: { code: "FAMILY_ACCESS_ENDED", message: "No access." } } };
const session = {
  body: { session: aSession({ user: { kind: "family", displayName: "Fran Family", participantId: null } }) },
};

type Reply = { status?: number; body?: unknown };

/** The family area at `path`, answering from `routes` (which a test may change between loads). */
function renderFamily(path: string, routes: Record<string, Reply>) {
  const fetchMock = vi.fn(fakeApiWith(routes));
  vi.stubGlobal("fetch", fetchMock);
  const result = renderWithProviders(
    <Routes>
      <Route
        path="/family"
        element={
          <RequireSession kind="family">
            <Outlet />
          </RequireSession>
        }
      >
        <Route index element={<FamilyHomePage />} />
        <Route path="people/:participantId" element={<FamilyPersonPage />} />
      </Route>
    </Routes>,
    path,
  );
  return { ...result, fetchMock };
}

describe("FamilyPersonPage", () => {
  it("shows only the sections the person shares, then the confidentiality notice and what they chose to share", async () => {
    const { fetchMock } = renderFamily(`/family/people/${ROB}`, {
      "GET /api/v1/sessions/current": session,
      "GET /api/v1/family/people": { body: { people: [rob()], noLongerShared: 0 } },
      [`GET /api/v1/family/people/${ROB}/schedule`]: { body: schedule },
    });
    expect(await screen.findByText("Family room 3")).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1, name: "Rob" })).toBeTruthy();
    expect(screen.getByText("With Jordan Counselor")).toBeTruthy();
    expect(screen.getByText(familyEn.schedule.includesYou)).toBeTruthy();
    expect(screen.queryByRole("heading", { name: familyEn.attendance.title })).toBeNull();
    expect(screen.queryByRole("heading", { name: familyEn.goals.title })).toBeNull();
    expect(screen.getByRole("heading", { name: familyEn.notice.title })).toBeTruthy();
    expect(screen.getByTestId("part2-statement").textContent).toBe(PART2_STATEMENTS.statement_1);
    expect(screen.getByRole("heading", { name: "What Rob chose to share" })).toBeTruthy();
    expect(screen.getByText(/Family session schedule \(until December 31, 2027\)/)).toBeTruthy();
    const asked = fetchMock.mock.calls.map(([url]) => String(url));
    expect(asked.filter((u) => u.includes(`/family/people/${ROB}/`))).toEqual([
      `/api/v1/family/people/${ROB}/schedule`,
    ]);
  });

  it("clears what was shown when the next answer says access has ended (a revocation), showing no data", async () => {
    const routes: Record<string, Reply> = {
      "GET /api/v1/sessions/current": session,
      "GET /api/v1/family/people": { body: { people: [rob()], noLongerShared: 0 } },
      [`GET /api/v1/family/people/${ROB}/schedule`]: { body: schedule },
    };
    const { queryClient } = renderFamily(`/family/people/${ROB}`, routes);
    expect(await screen.findByText("Family room 3")).toBeTruthy();
    routes[`GET /api/v1/family/people/${ROB}/schedule`] = ended;
    await act(async () => {
      await queryClient.invalidateQueries({ queryKey: ["family", "person", ROB] });
    });
    expect(await screen.findByRole("heading", { level: 1, name: familyEn.ended.title })).toBeTruthy();
    expect(screen.queryByText("Family room 3")).toBeNull();
    expect(screen.queryByText("With Jordan Counselor")).toBeNull();
    expect(screen.queryByRole("heading", { name: "Rob" })).toBeNull();
    expect(screen.queryByTestId("part2-statement")).toBeNull();
    const cached = queryClient.getQueryData(["family", "person", ROB, "schedule"]);
    expect(cached).toEqual({ ended: true });
  });

  it("says access has ended, with no section asked for, when the person no longer shares", async () => {
    const { fetchMock } = renderFamily(`/family/people/${ROB}`, {
      "GET /api/v1/sessions/current": session,
      "GET /api/v1/family/people": { body: { people: [], noLongerShared: 1 } },
    });
    expect(await screen.findByRole("heading", { level: 1, name: familyEn.ended.title })).toBeTruthy();
    expect(screen.getByText(familyEn.ended.body)).toBeTruthy();
    expect(fetchMock.mock.calls.some(([url]) => String(url).includes(`/people/${ROB}/`))).toBe(false);
  });

  it("shows a section's error with a retry, keeping the other sections", async () => {
    renderFamily(`/family/people/${ROB}`, {
      "GET /api/v1/sessions/current": session,
      "GET /api/v1/family/people": {
        body: {
          people: [rob({ scopes: ["family_session_schedule", "treatment_goals"] })],
          noLongerShared: 0,
        },
      },
      [`GET /api/v1/family/people/${ROB}/schedule`]: { body: schedule },
      [`GET /api/v1/family/people/${ROB}/goals`]: {
        status: 500,
        body: { error: { code: "INTERNAL", message: "" } },
      },
    });
    expect(await screen.findByText("Family room 3")).toBeTruthy();
    const goals = screen.getByTestId("family-goals");
    await waitFor(() => expect(goals.textContent).toContain(familyEn.common.sectionError));
    expect(screen.getByRole("button", { name: familyEn.common.retry })).toBeTruthy();
  });

  it("reads in Spanish, the notice heading included, with the regulation's text kept in English", async () => {
    await i18n.changeLanguage("es");
    renderFamily(`/family/people/${ROB}`, {
      "GET /api/v1/sessions/current": session,
      "GET /api/v1/family/people": { body: { people: [rob()], noLongerShared: 0 } },
      [`GET /api/v1/family/people/${ROB}/schedule`]: { body: schedule },
    });
    expect(await screen.findByRole("heading", { name: familyEs.schedule.title })).toBeTruthy();
    expect(screen.getByRole("heading", { name: familyEs.notice.title })).toBeTruthy();
    expect(screen.getByText(familyEs.notice.intro)).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Lo que Rob decidió compartir" })).toBeTruthy();
    const statement = screen.getByTestId("part2-statement");
    expect(statement.textContent).toBe(PART2_STATEMENTS.statement_1);
    expect(statement.getAttribute("lang")).toBe("en");
  });
});

describe("FamilyHomePage", () => {
  it("links to each person who shares, and tells kindly of those who no longer do, with nothing about them", async () => {
    renderFamily("/family", {
      "GET /api/v1/sessions/current": session,
      "GET /api/v1/family/people": {
        body: {
          people: [rob({ scopes: ["family_session_schedule", "attendance_summary"] })],
          noLongerShared: 1,
        },
      },
    });
    const open = await screen.findByRole("link", { name: "See what Rob shares" });
    expect(open.getAttribute("href")).toBe(`/family/people/${ROB}`);
    expect(screen.getByText(familyEn.scopes.attendance_summary)).toBeTruthy();
    expect(screen.getByText(familyEn.home.noLongerShared_one)).toBeTruthy();
    expect(screen.getByRole("heading", { name: familyEn.notice.title })).toBeTruthy();
  });

  it("explains that the participant decides when nobody shares, with learning and resources", async () => {
    renderFamily("/family", {
      "GET /api/v1/sessions/current": session,
      "GET /api/v1/family/people": { body: { people: [], noLongerShared: 0 } },
    });
    expect(await screen.findByText(familyEn.home.emptyTitle)).toBeTruthy();
    expect(screen.getByText(familyEn.home.emptyBody)).toBeTruthy();
    expect(screen.getByRole("link", { name: familyEn.home.learnLink }).getAttribute("href")).toBe(
      "/family/learn",
    );
    expect(screen.getByRole("link", { name: familyEn.home.resourcesLink }).getAttribute("href")).toBe(
      "/family/resources",
    );
    expect(screen.queryByRole("heading", { name: familyEn.notice.title })).toBeNull();
  });
});
