// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import i18n from "i18next";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { MySchedule } from "../../../core/schedule/calendar.schema";
import { participantScheduleEn } from "../../i18n/participant-schedule.en";
import { participantScheduleEs } from "../../i18n/participant-schedule.es";
import {
  aCalendarEntry,
  aMySchedule,
  PARTICIPANT,
  setUpParticipantScheduleDom,
  TODAY,
} from "../participant-schedule/participant-schedule-testing";
import { MyWeekPage } from "./my-week-page";
import { participantApi, renderParticipantArea } from "./participant-area-testing";

beforeAll(async () => {
  await setUpParticipantScheduleDom();
  const { es } = await import("../../i18n/es");
  i18n.addResourceBundle("es", "translation", es, true, true);
});
beforeEach(() => {
  // Thursday 12 March 2026, 10:00 in New York.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(`${TODAY}T14:00:00Z`));
});
afterEach(async () => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  await i18n.changeLanguage("en");
});

const W = participantScheduleEn.week;

const VIDEO = "https://video.example.org/room/adult-evening";

const thisWeek = aMySchedule([
  aCalendarEntry("2026-03-09"),
  aCalendarEntry("2026-03-10", {
    id: "appointment:9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
    kind: "individual",
    title: "Casey Rivers",
    start: "13:00",
    end: "14:00",
    startsAt: "2026-03-10T17:00:00.000Z",
    endsAt: "2026-03-10T18:00:00.000Z",
    location: "Room 2",
    group: null,
    appointment: { id: "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", seriesId: null },
  }),
  aCalendarEntry("2026-03-12", { telehealth: true, location: "video", room: null, videoLink: VIDEO }),
]);

function renderWeek(answer: (url: URL) => MySchedule, path = "/me/week") {
  const fetchMock = vi.fn(
    participantApi({
      "GET /api/v1/me/schedule": (url) => ({ body: answer(url) }),
      "GET /api/v1/me/calendar-feed": { body: { feed: null } },
      [`GET /api/v1/participants/${PARTICIPANT}/unavailability`]: { body: { windows: [] } },
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderParticipantArea(path, [{ path: "week", element: <MyWeekPage /> }]);
  return fetchMock;
}

/** The week's days, one list item each. */
const days = async (name = W.daysLabel) =>
  [...(await screen.findByRole("list", { name })).children] as HTMLElement[];

describe("MyWeekPage", () => {
  it("shows each day with its sessions, today marked, and a button to join a video session", async () => {
    renderWeek(() => thisWeek);
    const dayItems = await days();
    expect(dayItems).toHaveLength(7);
    expect(dayItems.map((li) => within(li).getByRole("heading").textContent)).toEqual([
      "Monday, March 9",
      "Tuesday, March 10",
      "Wednesday, March 11",
      "Thursday, March 12",
      "Friday, March 13",
      "Saturday, March 14",
      "Sunday, March 15",
    ]);
    const today = dayItems[3]!;
    expect(today.getAttribute("aria-current")).toBe("date");
    expect(within(today).getByText(W.today)).toBeTruthy();
    expect(dayItems.filter((li) => li.getAttribute("aria-current")).length).toBe(1);

    const monday = within(dayItems[0]!);
    expect(monday.getByText("Adult evening")).toBeTruthy();
    expect(monday.getByText("Group room A")).toBeTruthy();
    expect(monday.getByText("With Jordan Alvarez")).toBeTruthy();
    expect(within(dayItems[1]!).getByText(participantScheduleEn.kinds.individual)).toBeTruthy();
    expect(within(dayItems[2]!).getByText(W.nothing)).toBeTruthy();

    const join = within(today).getByRole("link", { name: /^Join video: Adult evening, 6:00\s–\s9:00\sPM/ });
    expect(join.getAttribute("href")).toBe(VIDEO);
    expect(join.getAttribute("target")).toBe("_blank");
  });

  it("says when a week has no sessions, and moves week by week", async () => {
    const fetchMock = renderWeek((url) =>
      url.searchParams.get("from") === "2026-03-16" ? aMySchedule([], "2026-03-16", "2026-03-22") : thisWeek,
    );
    await days();
    fireEvent.click(screen.getByRole("button", { name: W.nextLabel }));
    expect(await screen.findByText(W.empty)).toBeTruthy();
    expect(screen.queryByRole("list", { name: W.daysLabel })).toBeNull();
    const asked = fetchMock.mock.calls
      .map(([url]) => new URL(String(url), "http://x"))
      .filter((u) => u.pathname === "/api/v1/me/schedule")
      .map((u) => u.search);
    expect(asked).toEqual(["", "?from=2026-03-16&to=2026-03-22"]);
    fireEvent.click(screen.getByRole("button", { name: W.backToThisWeek }));
    expect(await days()).toBeTruthy();
  });

  it("shows a cancelled session as not taking place, with the program's reason", async () => {
    renderWeek(() =>
      aMySchedule([
        aCalendarEntry("2026-03-09", {
          status: "cancelled",
          group: {
            trackId: "8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
            trackName: "Adult evening",
            occurrenceKey: "2026-03-09T18:00",
            placesTaken: 9,
            capacity: 14,
            exception: { kind: "cancelled", reason: "Staff training day" },
          },
        }),
      ]),
    );
    const monday = within((await days())[0]!);
    expect(monday.getByText(W.cancelled)).toBeTruthy();
    expect(monday.getByText("Not taking place: Staff training day.")).toBeTruthy();
    expect(monday.queryByText("With Jordan Alvarez")).toBeNull();
  });

  it("shows a loading state first, then the week, in Spanish too", async () => {
    await i18n.changeLanguage("es");
    renderWeek(() => thisWeek);
    expect(
      (await screen.findByText(participantScheduleEs.week.loading)).closest("[role=status]"),
    ).toBeTruthy();
    const thursday = within((await days(participantScheduleEs.week.daysLabel))[3]!);
    expect(thursday.getByRole("heading").textContent).toBe("jueves, 12 de marzo");
    expect(thursday.getByText(participantScheduleEs.week.today)).toBeTruthy();
    expect(thursday.getByRole("link", { name: /^Entrar al video: Adult evening/ })).toBeTruthy();
  });

  it("offers the participant their own calendar link and their own times they cannot come", async () => {
    renderWeek(() => thisWeek);
    expect(await screen.findByRole("button", { name: participantScheduleEn.feed.self.create })).toBeTruthy();
    expect(
      await screen.findByRole("button", { name: participantScheduleEn.unavailability.add }),
    ).toBeTruthy();
  });
});
