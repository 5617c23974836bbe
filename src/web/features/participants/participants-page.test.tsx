// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import i18n from "i18next";
import { useLocation } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { adminEn } from "../../i18n/admin.en";
import { checkInsStaffEn } from "../../i18n/check-ins-staff.en";
import { renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith, setUpAdminDom } from "../admin/admin-testing";
import { ParticipantsPage } from "./participants-page";

beforeAll(async () => {
  await setUpAdminDom();
  i18n.addResourceBundle("en", "checkInsStaff", checkInsStaffEn, true, true);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

type Clinical = {
  measures: {
    instrumentKey: string;
    score: number;
    band: string | null;
    on: string;
    change: number | null;
    status: "recovered" | "improved" | "unchanged" | "deteriorated" | null;
    offTrack: boolean;
  }[];
  openUrgentAlerts: number;
} | null;

const item = (n: number, onMyCareTeam: boolean, clinical: Clinical = null) => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
  name: `Participant ${n}`,
  siteId: "5d7f6c2a-1b3e-4c8d-9e0f-1a2b3c4d5e6f",
  siteName: "Eastside",
  trackName: "Evening IOP",
  admittedOn: "2026-02-02",
  dischargedOn: null,
  primaryCounselor: "Sam Lee",
  onMyCareTeam,
  clinical,
  yesterdayCheckIn: clinical ? ("none" as const) : null,
});

/** The address the page has put itself at. */
function CurrentSearch() {
  return <output data-testid="location-search">{useLocation().search}</output>;
}

function renderList(
  scope: string,
  participants: ReturnType<typeof item>[],
  approximate = false,
  path = "/staff/participants",
) {
  const fetchMock = vi.fn(
    fakeApiWith({
      "GET /api/v1/sites": { body: { sites: [] } },
      "GET /api/v1/participants": (url) => ({
        body: {
          participants,
          total: 60,
          page: Number(url.searchParams.get("page")),
          pageSize: Number(url.searchParams.get("pageSize")),
          scope,
          approximate,
        },
      }),
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(
    <>
      <ParticipantsPage />
      <CurrentSearch />
    </>,
    path,
  );
  return fetchMock;
}

/** The query of the latest participant-list request. */
const lastListQuery = (fetchMock: ReturnType<typeof renderList>) => {
  const calls = fetchMock.mock.calls.filter(([u]) => String(u).startsWith("/api/v1/participants"));
  return new URL(String(calls.at(-1)?.[0]), "http://localhost").searchParams;
};
const header = (name: string) => screen.getByRole("columnheader", { name });

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

  it("shows key scores and flags where clinical content may be read, and no column where it never may", async () => {
    renderList("site", [
      item(1, true, {
        measures: [
          {
            instrumentKey: "phq9",
            score: 24,
            band: "severe",
            on: "2026-10-15",
            change: 6,
            status: "deteriorated",
            offTrack: true,
          },
          {
            instrumentKey: "gad7",
            score: 4,
            band: "minimal",
            on: "2026-10-01",
            change: null,
            status: null,
            offTrack: false,
          },
        ],
        openUrgentAlerts: 2,
      }),
      item(2, false, null),
      item(3, true, { measures: [], openUrgentAlerts: 0 }),
    ]);
    const table = await screen.findByRole("table");
    expect(
      within(table).getByRole("columnheader", { name: adminEn.participants.clinical.column }),
    ).toBeTruthy();
    const [, first, second, third] = within(table).getAllByRole("row");
    const scores = within(first!).getAllByRole("cell").at(-2)!;
    expect(scores.textContent).toContain("PHQ-9 24 (severe, change +6, Reliably worse)");
    expect(scores.textContent).toContain("GAD-7 4 (minimal)");
    expect(scores.textContent).toContain(`${adminEn.participants.clinical.offTrack}: PHQ-9`);
    expect(scores.textContent).toContain("2 urgent alerts");
    expect(within(second!).getAllByRole("cell").at(-2)!.textContent).toBe("—");
    expect(within(third!).getAllByRole("cell").at(-2)!.textContent).toBe(adminEn.participants.clinical.none);
    // Yesterday's check-in beside the scores, under the same rule.
    expect(within(second!).getAllByRole("cell").at(-1)!.textContent).toBe("—");
    expect(within(third!).getAllByRole("cell").at(-1)!.textContent).toBe(checkInsStaffEn.caseload.none);
    cleanup();

    renderList("site", [item(1, false, null)]);
    expect(await screen.findByRole("link", { name: "Participant 1" })).toBeTruthy();
    expect(screen.queryByRole("columnheader", { name: adminEn.participants.clinical.column })).toBeNull();
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

  it("sorts by a column header, turns the sort round on a second click, and keeps it in the address", async () => {
    const fetchMock = renderList("site", [item(1, false)], false, "/staff/participants?page=2");
    const admitted = await screen.findByRole("button", { name: adminEn.participants.columns.admitted });
    expect(header(adminEn.participants.columns.name).getAttribute("aria-sort")).toBe("ascending");
    expect(header(adminEn.participants.columns.admitted).getAttribute("aria-sort")).toBeNull();

    fireEvent.click(admitted);
    await waitFor(() => expect(lastListQuery(fetchMock).get("sort")).toBe("admitted"));
    expect(lastListQuery(fetchMock).get("dir")).toBe("asc");
    expect(lastListQuery(fetchMock).get("page")).toBe("1");
    expect(screen.getByTestId("location-search").textContent).toBe("?sort=admitted");
    expect(header(adminEn.participants.columns.admitted).getAttribute("aria-sort")).toBe("ascending");
    expect(header(adminEn.participants.columns.name).getAttribute("aria-sort")).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: adminEn.participants.columns.admitted }));
    await waitFor(() => expect(lastListQuery(fetchMock).get("dir")).toBe("desc"));
    expect(screen.getByTestId("location-search").textContent).toBe("?sort=admitted&dir=desc");
    expect(header(adminEn.participants.columns.admitted).getAttribute("aria-sort")).toBe("descending");
    expect(screen.getByText(/sorted by Admitted \(descending\)/)).toBeTruthy();
  });

  it("opens the view the address describes, and starts again at page 1 when the filters change", async () => {
    const fetchMock = renderList(
      "site",
      [item(1, false)],
      false,
      "/staff/participants?status=all&sort=counselor&dir=desc&page=2&sort-by=ignored",
    );
    await screen.findByRole("link", { name: "Participant 1" });
    expect(Object.fromEntries(lastListQuery(fetchMock))).toMatchObject({
      status: "all",
      sort: "counselor",
      dir: "desc",
      page: "2",
    });
    expect(header(adminEn.participants.columns.counselor).getAttribute("aria-sort")).toBe("descending");

    fireEvent.click(screen.getByRole("radio", { name: adminEn.participants.status.past }));
    await waitFor(() => expect(lastListQuery(fetchMock).get("status")).toBe("past"));
    expect(lastListQuery(fetchMock).get("page")).toBe("1");
    expect(screen.getByTestId("location-search").textContent).toBe("?status=past&sort=counselor&dir=desc");
  });

  it("keeps a search in the address with the sort, from page 1", async () => {
    const fetchMock = renderList("site", [item(1, false)], false, "/staff/participants?sort=track&page=3");
    fireEvent.change(await screen.findByRole("searchbox", { name: adminEn.participants.filters.search }), {
      target: { value: "Parti" },
    });
    await waitFor(() =>
      expect(screen.getByTestId("location-search").textContent).toBe("?q=Parti&sort=track"),
    );
    await waitFor(() => expect(lastListQuery(fetchMock).get("q")).toBe("Parti"));
    expect(lastListQuery(fetchMock).get("sort")).toBe("track");
    expect(lastListQuery(fetchMock).get("page")).toBe("1");
  });

  it("ignores a sort the server would refuse in an edited address", async () => {
    const fetchMock = renderList("site", [item(1, false)], false, "/staff/participants?sort=age&dir=up");
    await screen.findByRole("link", { name: "Participant 1" });
    expect(lastListQuery(fetchMock).get("sort")).toBe("name");
    expect(lastListQuery(fetchMock).get("dir")).toBe("asc");
  });
});
