import { describe, expect, it } from "vitest";
import { gridHoursOf, layoutDay, movedSlot, slotAt, timeAtOffset } from "./calendar-layout";

const at = (id: string, start: string, end: string) => ({ id, start, end });

describe("the grid's hours", () => {
  it("run from the hour before the earliest session to the hour after the latest", () => {
    expect(gridHoursOf([at("a", "09:30", "11:00"), at("b", "18:00", "21:00")])).toEqual({
      start: 8 * 60,
      end: 22 * 60,
    });
  });

  it("are 8:00 to 18:00 without sessions, and at least four hours with one short session", () => {
    expect(gridHoursOf([])).toEqual({ start: 480, end: 1080 });
    expect(gridHoursOf([at("a", "10:00", "10:30")])).toEqual({ start: 540, end: 780 });
  });

  it("stay within the day", () => {
    expect(gridHoursOf([at("a", "00:15", "01:00"), at("b", "22:00", "23:45")])).toEqual({
      start: 0,
      end: 1440,
    });
  });
});

describe("a day's blocks", () => {
  const hours = { start: 8 * 60, end: 22 * 60 };

  it("sit at their local time, one pixel a minute", () => {
    const [block] = layoutDay([at("a", "10:15", "11:45")], hours);
    expect(block).toMatchObject({ top: 135, height: 90, lane: 0, lanes: 1 });
  });

  it("share the width when they overlap, and take it all again after", () => {
    const placed = layoutDay(
      [
        at("a", "09:00", "11:00"),
        at("b", "10:00", "12:00"),
        at("c", "11:00", "12:00"),
        at("d", "13:00", "14:00"),
      ],
      hours,
    );
    const lanes = Object.fromEntries(placed.map((p) => [p.entry.id, [p.lane, p.lanes]]));
    expect(lanes).toEqual({ a: [0, 2], b: [1, 2], c: [0, 2], d: [0, 1] });
  });

  it("back to back do not overlap", () => {
    const placed = layoutDay([at("a", "09:00", "10:00"), at("b", "10:00", "11:00")], hours);
    expect(placed.map((p) => p.lanes)).toEqual([1, 1]);
  });
});

describe("dragging a session", () => {
  const entry = { date: "2026-11-24", start: "10:00", end: "11:00" };

  it("moves it by quarter hours, keeping its length", () => {
    expect(movedSlot(entry, 37, "2026-11-24")).toEqual({ date: "2026-11-24", start: "10:30", end: "11:30" });
    expect(movedSlot(entry, -52, "2026-11-24")).toEqual({ date: "2026-11-24", start: "09:15", end: "10:15" });
  });

  it("to another day at the same time, or nowhere when it lands where it was", () => {
    expect(movedSlot(entry, 4, "2026-11-26")).toEqual({ date: "2026-11-26", start: "10:00", end: "11:00" });
    expect(movedSlot(entry, 6, "2026-11-24")).toBeNull();
  });

  it("never before midnight nor ending after 23:45", () => {
    expect(movedSlot(entry, -900, "2026-11-24")).toEqual({
      date: "2026-11-24",
      start: "00:00",
      end: "01:00",
    });
    expect(movedSlot(entry, 900, "2026-11-24")).toEqual({ date: "2026-11-24", start: "22:45", end: "23:45" });
  });
});

describe("a click on an empty time", () => {
  const hours = { start: 8 * 60, end: 18 * 60 };

  it("lands on the nearest quarter hour inside the grid", () => {
    expect(timeAtOffset(127, hours)).toBe(8 * 60 + 120);
    expect(timeAtOffset(-20, hours)).toBe(480);
    expect(timeAtOffset(5000, hours)).toBe(18 * 60 - 15);
  });

  it("proposes an hour from there", () => {
    expect(slotAt("2026-11-24", 14 * 60 + 30)).toEqual({ date: "2026-11-24", start: "14:30", end: "15:30" });
    expect(slotAt("2026-11-24", 23 * 60 + 30)).toEqual({ date: "2026-11-24", start: "22:45", end: "23:45" });
  });
});
