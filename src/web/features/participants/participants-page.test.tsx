// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { adminEn } from "../../i18n/admin.en";
import { renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith, setUpAdminDom } from "../admin/admin-testing";
import { ParticipantsPage } from "./participants-page";

beforeAll(setUpAdminDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const item = (n: number, onMyCareTeam: boolean) => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
  name: `Participant ${n}`,
  siteId: "5d7f6c2a-1b3e-4c8d-9e0f-1a2b3c4d5e6f",
  siteName: "Eastside",
  trackName: "Evening IOP",
  admittedOn: "2026-02-02",
  dischargedOn: null,
  primaryCounselor: "Sam Lee",
  onMyCareTeam,
});

function renderList(scope: string, participants: ReturnType<typeof item>[], approximate = false) {
  const fetchMock = vi.fn(
    fakeApiWith({
      "GET /api/v1/sites": { body: { sites: [] } },
      "GET /api/v1/participants": {
        body: { participants, total: participants.length, page: 1, pageSize: 25, scope, approximate },
      },
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(<ParticipantsPage />, "/staff/participants");
  return fetchMock;
}

describe("ParticipantsPage", () => {
  it("says the list is limited to the care team, and marks the participants on it", async () => {
    const fetchMock = renderList("care_team", [item(1, true)]);
    const link = await screen.findByRole("link", { name: "Participant 1" });
    expect(link.getAttribute("href")).toBe("/staff/participants/00000000-0000-4000-8000-000000000001");
    expect(screen.getByText(adminEn.participants.careTeamOnly)).toBeTruthy();
    expect(screen.getByText(adminEn.participants.onMyCareTeam)).toBeTruthy();
    const url = new URL(
      String(fetchMock.mock.calls.find(([u]) => String(u).startsWith("/api/v1/participants"))?.[0]),
      "http://localhost",
    );
    expect(url.searchParams.get("status")).toBe("current");
  });

  it("shows the whole site without the care-team note", async () => {
    renderList("site", [item(1, false), item(2, true)]);
    expect(await screen.findByRole("link", { name: "Participant 2" })).toBeTruthy();
    expect(screen.queryByText(adminEn.participants.careTeamOnly)).toBeNull();
    expect(screen.getAllByText(adminEn.participants.onMyCareTeam)).toHaveLength(1);
  });

  it("explains an empty care-team list", async () => {
    renderList("care_team", []);
    expect(await screen.findByText(adminEn.participants.emptyCareTeam)).toBeTruthy();
  });

  it("says when a search found only close spellings", async () => {
    renderList("site", [item(1, false)], true);
    fireEvent.change(await screen.findByRole("searchbox", { name: adminEn.participants.filters.search }), {
      target: { value: "Partcipant" },
    });
    expect(await screen.findByText("No exact match — showing close spellings of “Partcipant”.")).toBeTruthy();
  });

  it("shows no close-spellings note for an exact match", async () => {
    renderList("site", [item(1, false)]);
    fireEvent.change(await screen.findByRole("searchbox", { name: adminEn.participants.filters.search }), {
      target: { value: "Participant" },
    });
    expect(await screen.findByRole("link", { name: "Participant 1" })).toBeTruthy();
    expect(screen.queryByText(/No exact match/)).toBeNull();
  });
});
