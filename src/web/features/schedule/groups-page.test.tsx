// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Track } from "../../../core/schedule/tracks.schema";
import { RequireSession } from "../../app/require-session";
import { scheduleEn } from "../../i18n/schedule.en";
import { renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith, sessionWith } from "../admin/admin-testing";
import { GroupsPage } from "./groups-page";
import {
  anOccurrence,
  aTrack,
  COLLEAGUE,
  ME,
  OTHER_TRACK_ID,
  occurrencesOf,
  setUpScheduleDom,
  TRACK_ID,
} from "./schedule-testing";

beforeAll(setUpScheduleDom);
beforeEach(() => {
  // Thursday 26 November 2026, 10:00 in New York: the evening session is later today.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-11-26T15:00:00Z"));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const G = scheduleEn.groups;

const evening = aTrack();
const morning = aTrack({
  id: OTHER_TRACK_ID,
  name: "Morning dual-diagnosis",
  facilitators: [{ id: COLLEAGUE, name: "Casey Counselor" }],
  enrolledCount: 12,
  capacity: 12,
  waitlistCount: 2,
});

function renderGroups(tracks: Track[], path = "/staff/groups") {
  const fetchMock = vi.fn(
    fakeApiWith({
      "GET /api/v1/sessions/current": sessionWith(["schedule.view", "attendance.record"]),
      "GET /api/v1/tracks": { body: { tracks } },
      [`GET /api/v1/tracks/${TRACK_ID}/occurrences`]: (url) => ({
        body: occurrencesOf(
          evening,
          url.searchParams.get("from") === "2026-11-23"
            ? [
                anOccurrence("2026-11-23", { marksRecorded: 12 }),
                anOccurrence("2026-11-24"),
                anOccurrence("2026-11-26"),
              ]
            : [anOccurrence("2026-11-30")],
          url.searchParams.get("from")!,
          url.searchParams.get("to")!,
        ),
      }),
      [`GET /api/v1/tracks/${OTHER_TRACK_ID}/occurrences`]: (url) => ({
        body: occurrencesOf(
          morning,
          url.searchParams.get("from") !== "2026-11-23"
            ? []
            : [
                anOccurrence("2026-11-25", {
                  start: "09:00",
                  end: "12:00",
                  key: "2026-11-25T09:00",
                  exception: {
                    id: "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
                    key: "2026-11-25T09:00",
                    kind: "substitute",
                    on: { date: "2026-11-25", start: "09:00" },
                    reason: "Casey is at a training",
                    movedTo: null,
                    facilitators: [{ id: ME, name: "Dana Director" }],
                  },
                }),
                anOccurrence("2026-11-26", {
                  start: "09:00",
                  end: "12:00",
                  key: "2026-11-26T09:00",
                  status: "cancelled",
                  exception: {
                    id: "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a",
                    key: "2026-11-26T09:00",
                    kind: "cancelled",
                    on: { date: "2026-11-26", start: "09:00" },
                    reason: "Thanksgiving",
                    movedTo: null,
                    facilitators: [],
                  },
                }),
              ],
          url.searchParams.get("from")!,
          url.searchParams.get("to")!,
        ),
      }),
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(
    <Routes>
      <Route
        path="/staff/groups"
        element={
          <RequireSession kind="staff">
            <GroupsPage />
          </RequireSession>
        }
      />
    </Routes>,
    path,
  );
  return fetchMock;
}

const section = (name: RegExp) => screen.getByRole("region", { name });
const cards = (region: HTMLElement) => within(region).getAllByRole("listitem");

describe("GroupsPage", () => {
  it("shows today's session first, then the week, each with its place, people, places and attendance", async () => {
    const fetchMock = renderGroups([evening, morning]);
    const today = await screen.findByRole("region", { name: /^Today, Thursday, November 26/ });
    const [tonight] = cards(today);
    expect(within(tonight!).getByRole("heading", { name: "Adult evening" })).toBeTruthy();
    expect(within(tonight!).getByText(/6:00\s–\s9:00\sPM EST/)).toBeTruthy();
    expect(within(tonight!).getByText("Group room A")).toBeTruthy();
    expect(within(tonight!).getByText("Dana Director")).toBeTruthy();
    expect(within(tonight!).getByText("3 of 14 places taken")).toBeTruthy();
    expect(within(tonight!).getByText(G.session.notYet)).toBeTruthy();
    expect(
      within(tonight!)
        .getByRole("link", { name: /^Take attendance: Adult evening/ })
        .getAttribute("href"),
    ).toBe(`/staff/groups/${TRACK_ID}/2026-11-26T18:00/attendance`);

    const monday = cards(section(/^Monday, November 23/))[0]!;
    expect(within(monday).getByText("Attendance recorded (12 participants)")).toBeTruthy();
    expect(within(monday).getByRole("link", { name: /^Review attendance/ })).toBeTruthy();
    const tuesday = cards(section(/^Tuesday, November 24/))[0]!;
    expect(within(tuesday).getByText(G.session.notRecorded)).toBeTruthy();

    // Mine: the morning group's substitute session (I run it), not its cancelled one.
    const wednesday = cards(section(/^Wednesday, November 25/))[0]!;
    expect(within(wednesday).getByText("Substitute: Dana Director")).toBeTruthy();
    expect(within(wednesday).getByText("12 of 12 places taken · 2 waiting")).toBeTruthy();
    expect(screen.queryByText("Cancelled: Thanksgiving")).toBeNull();

    const asked = fetchMock.mock.calls
      .map(([url]) => new URL(String(url), "http://localhost"))
      .filter((url) => url.pathname.endsWith("/occurrences"));
    expect(asked.map((url) => url.searchParams.toString())).toContain("from=2026-11-23&to=2026-11-29");
  });

  it("shows everyone's groups on request, a cancelled one with its reason and no attendance to take", async () => {
    renderGroups([evening, morning]);
    await screen.findByRole("region", { name: /^Today/ });
    fireEvent.click(screen.getByRole("radio", { name: G.filters.all }));
    const today = await screen.findByRole("region", { name: /^Today/ });
    await waitFor(() => expect(cards(today)).toHaveLength(2));
    const [cancelled] = cards(today);
    expect(within(cancelled!).getByText("Cancelled: Thanksgiving")).toBeTruthy();
    expect(within(cancelled!).queryByRole("link")).toBeNull();
  });

  it("moves a week at a time and comes back to this week", async () => {
    const fetchMock = renderGroups([evening]);
    await screen.findByRole("region", { name: /^Today/ });
    fireEvent.click(screen.getByRole("button", { name: G.week.next }));
    expect(await screen.findByText("Week of Nov 30, 2026")).toBeTruthy();
    expect(await screen.findByRole("region", { name: /^Monday, November 30/ })).toBeTruthy();
    expect(screen.queryByRole("region", { name: /^Today/ })).toBeNull();
    const last = fetchMock.mock.calls.map(([url]) => String(url)).at(-1);
    expect(last).toContain("from=2026-11-30&to=2026-12-06");
    fireEvent.click(screen.getByRole("button", { name: G.week.current }));
    expect(await screen.findByRole("region", { name: /^Today/ })).toBeTruthy();
  });

  it("says when there are no tracks, and when I run no group this week", async () => {
    renderGroups([]);
    expect(await screen.findByText(G.noTracks)).toBeTruthy();
    cleanup();
    renderGroups([morning], "/staff/groups?whose=mine&week=2026-11-30");
    expect(await screen.findByText(G.emptyMine)).toBeTruthy();
  });
});
