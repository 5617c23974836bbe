import { describe, expect, it } from "vitest";
import { calendarRequestOf, calendarSearch, parseCalendarParams, rangeOf, stepDay } from "./calendar-params";

const SITE = "5d7f6c2a-1b3e-4c8d-9e0f-1a2b3c4d5e6f";
const ROOM = "6e8a7d3b-2c4f-4d9e-8f1a-2b3c4d5e6f70";

describe("the calendar's address", () => {
  it("reads the view, the dates and whose calendar, and writes back only what is not a default", () => {
    const search = `view=room&mode=day&date=2026-11-26&site=${SITE}&room=${ROOM}`;
    const state = parseCalendarParams(new URLSearchParams(search));
    expect(state).toEqual({
      view: "room",
      mode: "day",
      date: "2026-11-26",
      siteId: SITE,
      roomId: ROOM,
      staffId: null,
      participantId: null,
    });
    expect(calendarSearch(state).toString()).toBe(search);
  });

  it("falls back to my own week for anything missing or malformed", () => {
    expect(parseCalendarParams(new URLSearchParams("view=month&mode=year&date=2026-13-45&site=x"))).toEqual({
      view: "staff",
      mode: "week",
      date: null,
      siteId: null,
      roomId: null,
      staffId: null,
      participantId: null,
    });
  });

  it("asks for Monday to Sunday, or the day, and steps by a week or a day", () => {
    expect(rangeOf("2026-11-26", "week")).toEqual({ from: "2026-11-23", to: "2026-11-29" });
    expect(rangeOf("2026-11-26", "day")).toEqual({ from: "2026-11-26", to: "2026-11-26" });
    expect(stepDay("2026-11-26", "week", -1)).toBe("2026-11-19");
    expect(stepDay("2026-11-30", "day", 1)).toBe("2026-12-01");
  });

  it("asks nothing until the view has what it needs", () => {
    const base = parseCalendarParams(new URLSearchParams(`view=room&site=${SITE}`));
    const range = { from: "2026-11-23", to: "2026-11-29" };
    expect(calendarRequestOf(base, range)).toBeNull();
    expect(calendarRequestOf({ ...base, roomId: ROOM }, range)).toEqual({
      view: "room",
      ...range,
      siteId: SITE,
      roomId: ROOM,
    });
    expect(calendarRequestOf({ ...base, view: "site" }, range)).toEqual({
      view: "site",
      ...range,
      siteId: SITE,
    });
  });
});
