// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { useState } from "react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { WeeklyHoursView } from "../../../core/attendance/roster.schema";
import { participantScheduleEn } from "../../i18n/participant-schedule.en";
import { renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith, sessionWith } from "../admin/admin-testing";
import {
  aWeeklyHours,
  aWeekSession,
  PARTICIPANT,
  setUpParticipantScheduleDom,
} from "./participant-schedule-testing";
import { WeeklyHoursCard } from "./weekly-hours-card";

beforeAll(setUpParticipantScheduleDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const H = participantScheduleEn.hours;

function Harness() {
  const [week, setWeek] = useState<string | null>(null);
  return <WeeklyHoursCard participantId={PARTICIPANT} week={week} onWeek={setWeek} />;
}

function renderCard(answer: (week: string | null) => WeeklyHoursView) {
  const fetchMock = vi.fn(
    fakeApiWith({
      "GET /api/v1/sessions/current": sessionWith(["schedule.view"]),
      [`GET /api/v1/participants/${PARTICIPANT}/weekly-hours`]: (url) => ({
        body: answer(url.searchParams.get("week")),
      }),
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(<Harness />);
  return fetchMock;
}

/** The card once the week has loaded. */
const card = async () => {
  const region = within(await screen.findByRole("region", { name: H.title }));
  await region.findByRole("button", { name: H.previous });
  return region;
};
const headline = async () => (await screen.findByTestId("hours-headline")).textContent;

describe("WeeklyHoursCard", () => {
  it("says plainly when the projection cannot reach the minimum, with the figures and the payer's days", async () => {
    renderCard(() => aWeeklyHours());
    const region = await card();
    expect(await headline()).toBe("9 h minimum — projected 6 h: cannot reach the minimum this week.");
    // The weekly minimum and the payer's days each say where they stand.
    expect(region.getAllByText(H.tone.short)).toHaveLength(2);
    const figure = (label: string) => region.getByText(label).nextElementSibling?.textContent;
    expect(figure(H.scheduled)).toBe("9 h");
    expect(figure(H.attended)).toBe("3 h");
    expect(figure(H.projected)).toBe("6 h");
    expect(figure("Days with 3 h or more")).toBe("1 of 3");
    expect(region.getByText("Week of Mar 9 – 15, 2026")).toBeTruthy();

    const rows = within(region.getByRole("table")).getAllByRole("row").slice(1);
    const cells = (row: HTMLElement) => [...row.children].map((c) => c.textContent?.replace(/\s/g, " "));
    expect(rows.map(cells)).toEqual([
      ["Mon, Mar 9", "6:00 – 9:00 PM", "Adult evening", "Present", "180 of 180"],
      ["Tue, Mar 10", "6:00 – 9:00 PM", "Adult evening", "Absent, unexcused", "0 of 180"],
      ["Thu, Mar 12 · today", "6:00 – 9:00 PM", "Adult evening", "Upcoming", "— of 180"],
    ]);
    expect(rows[2]!.getAttribute("aria-current")).toBe("date");
  });

  it.each([
    [
      "on track",
      { verdict: "on_track", projectedMinutes: 720 },
      "9 h minimum — projected 12 h: on track, even with one session missed.",
      H.tone.on_track,
    ],
    [
      "at risk",
      { verdict: "at_risk", projectedMinutes: 570 },
      "9 h minimum — projected 9 h 30 min: at risk, missing any one more session leaves the week short.",
      H.tone.at_risk,
    ],
    [
      "met",
      { verdict: "met", attendedMinutes: 600, projectedMinutes: 600 },
      "9 h minimum — 10 h attended: the minimum is met this week.",
      H.tone.met,
    ],
    [
      "an ended week that fell short",
      { verdict: "cannot_reach", weekState: "ended", attendedMinutes: 315, shortfallMinutes: 225 },
      "9 h minimum — 5 h 15 min attended: the week fell 3 h 45 min short.",
      H.tone.fellShort,
    ],
  ] as const)("shows %s with its own words and badge", async (_, change, words, badge) => {
    renderCard(() => aWeeklyHours(change));
    expect(await headline()).toBe(words);
    expect((await card()).getAllByText(badge).length).toBeGreaterThan(0);
  });

  it("says so when there is no session that week, and notes sessions not recorded yet", async () => {
    renderCard((week) =>
      week === null
        ? aWeeklyHours({ unrecordedSessions: 2 })
        : aWeeklyHours({
            weekStart: "2026-03-16",
            weekEnd: "2026-03-22",
            weekState: "upcoming",
            sessions: [],
          }),
    );
    const region = await card();
    expect(
      region.getByText(
        "2 past sessions have no attendance recorded yet; they count as attended until they are.",
      ),
    ).toBeTruthy();
    fireEvent.click(region.getByRole("button", { name: H.next }));
    expect(await region.findByText(H.noSessions)).toBeTruthy();
  });

  it("moves week by week, asking the server for the week it shows", async () => {
    const fetchMock = renderCard((week) =>
      week === "2026-03-02"
        ? aWeeklyHours({
            weekStart: "2026-03-02",
            weekEnd: "2026-03-08",
            weekState: "ended",
            verdict: "met",
            attendedMinutes: 540,
            projectedMinutes: 540,
            sessions: [aWeekSession("2026-03-02", { status: "present", minutesAttended: 180 })],
          })
        : aWeeklyHours(),
    );
    const region = await card();
    expect(region.queryByRole("button", { name: H.thisWeek })).toBeNull();
    fireEvent.click(region.getByRole("button", { name: H.previous }));
    expect(await region.findByText("Week of Mar 2 – 8, 2026")).toBeTruthy();
    expect(region.getByText(H.total)).toBeTruthy();
    const asked = fetchMock.mock.calls.map(([url]) =>
      new URL(String(url), "http://x").searchParams.get("week"),
    );
    expect(asked).toContain("2026-03-02");
    fireEvent.click(region.getByRole("button", { name: H.thisWeek }));
    await waitFor(() => expect(region.getByText(`Week of Mar 9 – 15, 2026`)).toBeTruthy());
  });
});
