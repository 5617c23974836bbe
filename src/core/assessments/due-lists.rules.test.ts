import { describe, expect, it } from "vitest";
import {
  AFTER_DISCHARGE_CHASE_DAYS,
  compareWorklist,
  isOnWorklist,
  matchesStatusFilter,
  overdueReason,
  worklistDischargeCutoff,
} from "./due-lists.rules";
import { measurementScheduleSettingsSchema } from "./measurement-schedule.schema";
import { computeDue, DEFAULT_SCHEDULE, type DueMeasure } from "./schedule.rules";

const episode = { admittedOn: "2026-03-02", dischargedOn: null, audience: "adult" as const };

describe("worklists from the schedule", () => {
  it("reads episodes discharged up to the longest follow-up plus the chase window ago", () => {
    expect(worklistDischargeCutoff(DEFAULT_SCHEDULE, "2026-12-31")).toBe("2026-09-02"); // 90 + 30 days
    expect(
      worklistDischargeCutoff([{ instrumentKey: "phq9", at: "intake", audience: "any" }], "2026-12-31"),
    ).toBe("2026-12-01");
  });

  it("lists what is due or overdue, never what is upcoming", () => {
    const due = computeDue(DEFAULT_SCHEDULE, episode, [], "2026-03-02");
    expect(due.filter((m) => isOnWorklist(m, "2026-03-02")).map((m) => m.instrumentKey)).toEqual([
      "asq",
      "audit_c",
      "dast10",
      "gad7",
      "pcl5",
      "phq9",
      "who5",
    ]);
  });

  it.each([
    [29, true],
    [30, true],
    [31, false],
  ])("chases a 30-day follow-up %s days after its date: %s", (daysLate, listed) => {
    const left = { ...episode, dischargedOn: "2026-05-01" };
    const dueOn = "2026-05-31";
    const today = new Date(Date.parse(`${dueOn}T00:00:00Z`) + daysLate * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const bam = computeDue(DEFAULT_SCHEDULE, left, [{ instrumentKey: "bam", on: "2026-05-01" }], today).find(
      (m) => m.reason.at === "follow_up" && m.dueOn === dueOn,
    )!;
    expect(bam.status).toBe("overdue");
    expect(isOnWorklist(bam, today)).toBe(listed);
    expect(AFTER_DISCHARGE_CHASE_DAYS).toBe(30);
  });

  it("filters by status: all is due and overdue", () => {
    const statuses = ["due", "overdue", "upcoming"] as const;
    expect(statuses.filter((status) => matchesStatusFilter({ status }, "all"))).toEqual(["due", "overdue"]);
    expect(statuses.filter((status) => matchesStatusFilter({ status }, "overdue"))).toEqual(["overdue"]);
  });

  it("orders the longest-waiting first, then by name and questionnaire", () => {
    const lines = [
      { dueOn: "2026-03-09", participantName: "ana Ruiz", instrumentKey: "phq9" },
      { dueOn: "2026-03-02", participantName: "Zoe Park", instrumentKey: "gad7" },
      { dueOn: "2026-03-09", participantName: "Ana Ruiz", instrumentKey: "bam" },
      { dueOn: "2026-03-09", participantName: "Ben Ode", instrumentKey: "bam" },
    ];
    expect(lines.sort(compareWorklist).map((l) => `${l.participantName}:${l.instrumentKey}`)).toEqual([
      "Zoe Park:gad7",
      "Ana Ruiz:bam",
      "ana Ruiz:phq9",
      "Ben Ode:bam",
    ]);
  });

  it("says in the alert how late the measure is and why it was due", () => {
    const bam = computeDue(DEFAULT_SCHEDULE, episode, [], "2026-03-13").find(
      (m) => m.instrumentKey === "bam",
    ) as DueMeasure;
    expect(overdueReason("Brief Addiction Monitor (BAM)", bam, "2026-03-13")).toBe(
      "Brief Addiction Monitor (BAM) is overdue (due 4 days ago). Due 2026-03-09 for every 7 days, none since admission on 2026-03-02.",
    );
  });

  it("accepts grace days from 0 to 30 in whole days", () => {
    const parse = (graceDays: number) =>
      measurementScheduleSettingsSchema.safeParse({ entries: [], graceDays }).success;
    expect([0, 3, 30].map(parse)).toEqual([true, true, true]);
    expect([-1, 31, 1.5].map(parse)).toEqual([false, false, false]);
  });
});
