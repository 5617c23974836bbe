import { describe, expect, it } from "vitest";
import { planAuditHistory } from "./audit-history";

const input = {
  seed: 7,
  now: new Date("2026-11-23T18:00:00Z"),
  days: 14,
  staff: [
    { id: "counselor", roles: ["counselor"], siteIds: ["s1"] },
    { id: "director", roles: ["clinical_director"], siteIds: ["s1"] },
  ],
  participants: [
    { id: "p1", siteId: "s1", primaryCounselorId: "counselor", prescriberId: null },
    { id: "p2", siteId: "s1", primaryCounselorId: "director", prescriberId: null },
  ],
  breakGlassBy: "counselor",
};

describe("demo audit history", () => {
  it("is deterministic, chronological, in the past, and on weekdays only for routine work", () => {
    const a = planAuditHistory(input);
    expect(planAuditHistory(input)).toEqual(a);
    const times = a.events.map((e) => e.occurredAt.getTime());
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(Math.max(...times)).toBeLessThan(input.now.getTime());
    const signIns = a.events.filter((e) => e.action === "auth.sign_in" && e.outcome === "allowed");
    expect(signIns.every((e) => ![0, 6].includes(e.occurredAt.getUTCDay()))).toBe(true);
  });

  it("has counselors open only their own participants, plus one break-the-glass after a denial", () => {
    const { events, breakGlass } = planAuditHistory(input);
    const counselorViews = events.filter(
      (e) => e.actorUserId === "counselor" && e.action === "participant.view",
    );
    expect(
      counselorViews
        .filter((e) => e.purpose === "treatment" && e.outcome === "allowed")
        .every((e) => e.participantId === "p1"),
    ).toBe(true);
    expect(breakGlass).toMatchObject({ userId: "counselor", participantId: "p2" });
    const sequence = events
      .filter((e) => e.participantId === "p2" && e.actorUserId === "counselor")
      .map((e) => `${e.action}:${e.outcome}`);
    expect(sequence).toEqual([
      "participant.view:denied",
      "participant.break_glass:allowed",
      "participant.view:allowed",
    ]);
  });
});
