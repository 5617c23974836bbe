import { describe, expect, it } from "vitest";
import { deriveReengagement, hasRoomFor, nextMembershipStatus, weekOf } from "./alumni.rules";
import { alumniCheckInInputSchema, alumniEventInputSchema } from "./alumni.schema";

describe("weekOf: the Monday of the week on the site's calendar", () => {
  it.each([
    ["2026-11-23T12:00:00Z", "America/New_York", "2026-11-23"], // a Monday
    ["2026-11-29T23:00:00Z", "America/New_York", "2026-11-23"], // Sunday evening in New York
    ["2026-11-30T03:00:00Z", "America/New_York", "2026-11-23"], // still Sunday in New York, Monday in UTC
    ["2026-11-30T03:00:00Z", "UTC", "2026-11-30"],
    ["2026-11-30T03:00:00Z", "Asia/Tokyo", "2026-11-30"],
    ["2026-11-29T16:00:00Z", "Asia/Tokyo", "2026-11-30"], // Monday 01:00 in Tokyo
    ["2026-03-08T07:30:00Z", "America/New_York", "2026-03-02"], // DST starts on a Sunday
    ["2026-11-01T05:30:00Z", "America/Los_Angeles", "2026-10-26"], // DST ends on a Sunday
    ["2027-01-01T12:00:00Z", "UTC", "2026-12-28"], // across a year end
  ])("%s in %s → %s", (instant, zone, monday) => {
    expect(weekOf(new Date(instant), zone)).toBe(monday);
  });
});

describe("membership transitions", () => {
  it.each([
    [null, "discharged", "active"],
    ["active", "discharged", "active"],
    ["readmitted", "discharged", "active"],
    ["opted_out", "discharged", "opted_out"],
    ["active", "opt_out", "opted_out"],
    ["opted_out", "opt_out", null],
    ["readmitted", "opt_out", null],
    [null, "opt_out", null],
    ["opted_out", "rejoin", "active"],
    ["active", "rejoin", null],
    ["readmitted", "rejoin", null],
    ["active", "readmitted", "readmitted"],
    ["opted_out", "readmitted", "readmitted"],
    [null, "readmitted", null],
  ] as const)("%s + %s → %s", (current, event, next) => {
    expect(nextMembershipStatus(current, event)).toBe(next);
  });
});

describe("re-engagement from a weekly check-in", () => {
  const calm = { usedSinceLast: false, wantsContact: false, craving: 3, mood: 3 };
  it.each([
    ["nothing of note", calm, "none", []],
    ["use resumed", { ...calm, usedSinceLast: true }, "urgent", ["use_resumed"]],
    ["asks for contact", { ...calm, wantsContact: true }, "warning", ["wants_contact"]],
    ["craving 8", { ...calm, craving: 8 }, "warning", ["high_craving"]],
    ["craving 7 is not flagged", { ...calm, craving: 7 }, "none", []],
    ["craving 10", { ...calm, craving: 10 }, "warning", ["high_craving"]],
    ["mood 1", { ...calm, mood: 1 }, "warning", ["low_mood"]],
    ["mood 2 is not flagged", { ...calm, mood: 2 }, "none", []],
    [
      "use with everything else: still urgent",
      { usedSinceLast: true, wantsContact: true, craving: 9, mood: 1 },
      "urgent",
      ["use_resumed", "wants_contact", "high_craving", "low_mood"],
    ],
  ] as const)("%s", (_name, input, level, reasons) => {
    expect(deriveReengagement(input)).toEqual({ level, reasons });
  });
});

describe("the check-in schema", () => {
  const valid = {
    usedSinceLast: false,
    craving: 0,
    mood: 5,
    meetingsAttended: 2,
    wantsContact: false,
    note: "",
  };
  it("accepts the bounds", () => {
    expect(alumniCheckInInputSchema.safeParse(valid).success).toBe(true);
    expect(alumniCheckInInputSchema.safeParse({ ...valid, craving: 10, mood: 1 }).success).toBe(true);
  });
  it.each([
    ["craving", { craving: 11 }],
    ["craving", { craving: -1 }],
    ["craving", { craving: 2.5 }],
    ["mood", { mood: 0 }],
    ["mood", { mood: 6 }],
    ["meetingsAttended", { meetingsAttended: -1 }],
    ["note", { note: "x".repeat(1001) }],
    ["usedSinceLast", { usedSinceLast: undefined }],
  ])("refuses a bad %s", (field, over) => {
    const result = alumniCheckInInputSchema.safeParse({ ...valid, ...over });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
  });
});

describe("the event schema", () => {
  const event = {
    siteId: "7b0c4bde-2b5f-4b7e-9a43-3f5b8f7f1c11",
    title: "Alumni dinner",
    kind: "event",
    startsAt: "2026-12-05T23:00:00Z",
    endsAt: "2026-12-06T01:00:00Z",
    timeZone: "America/New_York",
    onlineUrl: "https://meet.example.org/alumni",
    capacity: 20,
  };
  it("accepts a well-formed event", () => {
    expect(alumniEventInputSchema.safeParse(event).success).toBe(true);
    expect(alumniEventInputSchema.safeParse({ ...event, onlineUrl: null, capacity: null }).success).toBe(
      true,
    );
  });
  it.each([
    ["endsAt", { endsAt: event.startsAt }],
    ["endsAt", { endsAt: "2026-12-05T22:00:00Z" }],
    ["capacity", { capacity: 0 }],
    ["onlineUrl", { onlineUrl: "http://meet.example.org/alumni" }],
    ["onlineUrl", { onlineUrl: "javascript:alert(1)" }],
    ["title", { title: "  " }],
  ])("refuses a bad %s", (field, over) => {
    const result = alumniEventInputSchema.safeParse({ ...event, ...over });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0])).toContain(field);
  });
});

describe("capacity", () => {
  it.each([
    [null, 500, true],
    [10, 9, true],
    [10, 10, false],
    [1, 0, true],
  ])("capacity %s with %s going → room %s", (capacity, going, room) => {
    expect(hasRoomFor(capacity, going)).toBe(room);
  });
});
