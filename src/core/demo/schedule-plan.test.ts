import { describe, expect, it } from "vitest";
import { isAttended } from "../attendance/attendance.schema";
import { addDays } from "../platform/dates";
import { type BusyInterval, findConflicts, unavailabilityIntervals } from "../schedule/conflicts.rules";
import { counselorResource, roomResource } from "./appointment-plan";
import { DEMO_SITES, DEMO_TRACKS, type DemoScale, planDemoParticipants } from "./demo-plan";
import { type DemoSession, expandDemoSessions, facilitatedTrack } from "./demo-sessions";
import { createSchedulePlanner, type ParticipantSchedule, planTrackCapacities } from "./schedule-plan";

// A Wednesday afternoon in both sites' zones, in a week without a holiday.
const NOW = Date.parse("2026-12-02T20:00:00Z");
const TODAY = "2026-12-02";
const WEEK_START = "2026-11-30";

function schedule(scale: DemoScale, now = NOW, today = TODAY) {
  const plan = planDemoParticipants(1, scale, today);
  const planner = createSchedulePlanner({
    seed: 1,
    scale,
    today,
    nowMs: now,
    plan,
    linkedRelative: { name: "Dana Morgan", relationship: "sister" },
  });
  return { plan, planner, schedules: planner.plan(plan) };
}

describe("the demo's schedule", () => {
  const { plan, planner, schedules } = schedule("clinic");
  const byKey = new Map(plan.map((p) => [p.key, p]));
  const sessions: DemoSession[][] = DEMO_TRACKS.map((_, t) =>
    expandDemoSessions(t, TODAY, "2025-06-01", "2027-02-01"),
  );
  const sessionOf = (track: number, key: string) => sessions[track]!.find((s) => s.key === key);

  it("is deterministic from the seed, today and now", () => {
    expect(schedule("clinic").schedules).toEqual(schedules);
    expect(schedule("clinic", NOW + 3_600_000).schedules).not.toEqual(schedules);
  });

  it("marks attendance at the sessions of the participant's track while enrolled, never on a holiday or before a session ends", () => {
    let marks = 0;
    for (const s of schedules) {
      const person = byKey.get(s.key)!;
      for (const e of s.episodes) {
        const episode = person.episodes[e.n]!;
        expect(e.track).toBe(episode.track);
        for (const m of e.marks) {
          const session = sessionOf(e.track, m.key)!;
          expect(session).toBeDefined();
          expect(session.cancelled).toBe(false);
          expect(m.date >= episode.admittedOn && m.date <= (episode.dischargedOn ?? TODAY)).toBe(true);
          expect(Date.parse(m.recordedAt)).toBe(session.endsAtMs);
          expect(session.endsAtMs).toBeLessThanOrEqual(NOW);
          expect(m.outcome.minutesAttended).toBeLessThanOrEqual(m.sessionMinutes);
          marks += 1;
        }
        // Every session held while enrolled has a mark.
        const held = sessions[e.track]!.filter(
          (x) =>
            !x.cancelled &&
            x.endsAtMs <= NOW &&
            x.date >= episode.admittedOn &&
            x.date <= (episode.dischargedOn ?? TODAY),
        );
        expect(e.marks.map((m) => m.key)).toEqual(held.map((x) => x.key));
      }
    }
    expect(marks).toBeGreaterThan(5_000);
  });

  it("has most people attend, some drift and a few miss sessions", () => {
    const outcomes = schedules.flatMap((s) =>
      s.episodes.flatMap((e) => e.marks.map((m) => m.outcome.status)),
    );
    const share = (...statuses: string[]) =>
      outcomes.filter((o) => statuses.includes(o)).length / outcomes.length;
    expect(share("present", "late", "left_early")).toBeGreaterThan(0.8);
    expect(share("late", "left_early")).toBeGreaterThan(0.03);
    expect(share("absent_excused")).toBeGreaterThan(0.02);
    expect(share("absent_unexcused")).toBeGreaterThan(0.02);
    // Those who left against advice attended less at the end than at the start.
    const left = schedules.flatMap((s) =>
      s.episodes.filter((e) => byKey.get(s.key)!.episodes[e.n]!.dischargeReason === "left_against_advice"),
    );
    const rate = (marks: { outcome: { status: Parameters<typeof isAttended>[0] } }[]) =>
      marks.filter((m) => isAttended(m.outcome.status)).length / marks.length;
    const first = rate(left.flatMap((e) => e.marks.slice(0, Math.ceil(e.marks.length / 2))));
    const last = rate(left.flatMap((e) => e.marks.slice(Math.ceil(e.marks.length / 2))));
    expect(first - last).toBeGreaterThan(0.1);
  });

  it("books individual and family sessions that clash with nothing: the counselor's, the room's and the participant's time, their groups and their declared unavailability", () => {
    const groupsOn = new Map<string, DemoSession[]>();
    for (const track of sessions)
      for (const s of track)
        if (!s.cancelled)
          groupsOn.set(`${s.track}/${s.date}`, [...(groupsOn.get(`${s.track}/${s.date}`) ?? []), s]);
    const booked = schedules.flatMap((s) =>
      s.episodes.flatMap((e) => e.appointments.map((a) => ({ a, s, e, site: byKey.get(s.key)!.site }))),
    );
    const held = booked.filter((b) => b.a.status === "scheduled");
    const byResource = new Map<string, typeof held>();
    for (const b of held) {
      for (const resource of [
        counselorResource(b.site, b.a.counselor),
        `participant:${b.s.key}`,
        ...(b.a.room === null ? [] : [roomResource(b.site, b.a.room)]),
      ])
        byResource.set(resource, [...(byResource.get(resource) ?? []), b]);
    }
    for (const b of held) {
      const zone = DEMO_SITES[b.site]!.timeZone;
      const busy: BusyInterval[] = [];
      const add = (source: BusyInterval["source"], x: { startsAt: string; endsAt: string }, label: string) =>
        busy.push({ source, startsAt: x.startsAt, endsAt: x.endsAt, label });
      const resources: [string, BusyInterval["source"]][] = [
        [counselorResource(b.site, b.a.counselor), "staff"],
        [`participant:${b.s.key}`, "participant"],
      ];
      if (b.a.room !== null) resources.push([roomResource(b.site, b.a.room), "room"]);
      for (const [resource, source] of resources)
        for (const other of byResource.get(resource)!)
          if (other !== b) add(source, other.a, "another session");
      for (const g of groupsOn.get(`${b.e.track}/${b.a.date}`) ?? []) add("participant", g, "their group");
      for (const g of groupsOn.get(`${facilitatedTrack(b.site, b.a.counselor)}/${b.a.date}`) ?? [])
        add("staff", g, "the group they run");
      busy.push(
        ...unavailabilityIntervals(
          zone,
          b.s.unavailability.map((u) => ({ ...u, label: "unavailable" })),
          [b.a.date],
        ),
      );
      const proposed = { ...b.a, durationMinutes: b.a.minutes };
      expect(findConflicts(zone, [proposed], busy)).toEqual([]);
    }
    expect(held.length).toBeGreaterThan(1_000);
  });

  it("keeps sessions within the episode, attendance only on past sessions held, a reason on each cancelled one", () => {
    const booked = schedules.flatMap((s) =>
      s.episodes.flatMap((e) => e.appointments.map((a) => ({ a, s, e }))),
    );
    for (const { a, s, e } of booked) {
      const episode = byKey.get(s.key)!.episodes[e.n]!;
      expect(a.date >= episode.admittedOn).toBe(true);
      expect(a.date <= (episode.dischargedOn ?? addDays(TODAY, 27))).toBe(true);
      if (a.status === "cancelled") {
        expect(a.cancelReason).toBeTruthy();
        expect(a.outcome).toBeNull();
      } else expect(a.outcome === null).toBe(a.endsAtMs > NOW);
      if (a.kind === "family") expect(a.family.length).toBeGreaterThan(0);
      expect(a.telehealth).toBe(a.room === null);
    }
    const kinds = (kind: string) => booked.filter((b) => b.a.kind === kind).length;
    expect(kinds("family")).toBeGreaterThan(10);
    expect(booked.filter((b) => b.a.telehealth).length).toBeGreaterThan(50);
    expect(booked.some((b) => b.a.cancelReason?.endsWith("the site is closed"))).toBe(true);
    // The demo participant's sister, who has a family account, comes to their family sessions.
    const casey = booked.filter((b) => b.s.key === 0 && b.a.kind === "family");
    expect(casey.length).toBeGreaterThan(0);
    expect(casey.every((b) => b.a.family.some((f) => f.linkedAccount && f.name === "Dana Morgan"))).toBe(
      true,
    );
  });

  it("declares unavailability consistent with the track: evening people work days, adolescents are at school", () => {
    const current = schedules.filter((s) => byKey.get(s.key)!.episodes.at(-1)!.dischargedOn === null);
    expect(current.filter((s) => s.unavailability.length > 0).length).toBeGreaterThan(current.length / 3);
    for (const s of current) {
      const track = DEMO_TRACKS[byKey.get(s.key)!.episodes.at(-1)!.track]!;
      for (const u of s.unavailability) {
        for (const slot of track.slots.filter((x) => x.weekday === u.weekday))
          expect(u.end <= slot.start || u.start >= slot.end).toBe(true);
        if (track.audience === "adolescent") expect(u.reason).toBe("school");
      }
    }
    for (const s of schedules.filter((x) => !current.includes(x))) expect(s.unavailability).toEqual([]);
  });

  it("tells this week's stories and nothing else: a few weeks out of reach, runs of unexcused absences, one low rate", () => {
    const expected = (kind: string) => schedules.filter((s) => s.expectedAlerts.includes(kind as never));
    expect(expected("weekly_hours_short").length).toBeGreaterThanOrEqual(2);
    expect(expected("weekly_hours_short").length).toBeLessThanOrEqual(4);
    expect(expected("consecutive_unexcused_absences").length).toBeGreaterThanOrEqual(1);
    expect(expected("consecutive_unexcused_absences").length).toBeLessThanOrEqual(2);
    expect(expected("low_attendance_rate")).toHaveLength(1);
    for (const s of schedules) {
      if (!planner.stories.has(s.key)) expect(s.expectedAlerts).toEqual([]);
    }
    const story = (name: string) => schedules.filter((s) => s.story === name);
    for (const s of story("short_week")) {
      expect(s.expectedAlerts).toContain("weekly_hours_short");
      // Two evenings missed this week (this week's marks only for sessions already over).
      const thisWeek = s.episodes.at(-1)!.marks.filter((m) => m.date >= WEEK_START);
      expect(thisWeek.some((m) => m.outcome.status === "absent_excused")).toBe(true);
    }
    for (const s of story("absences_in_a_row"))
      expect(s.expectedAlerts).toContain("consecutive_unexcused_absences");
    for (const s of story("low_rate")) expect(s.expectedAlerts).toEqual(["low_attendance_rate"]);
  });

  it("sets each track's places at least to the most people enrolled on one day", () => {
    const capacities = planTrackCapacities(plan, TODAY);
    DEMO_TRACKS.forEach((track, t) => {
      expect(capacities[t]).toBeGreaterThanOrEqual(track.capacity);
      for (let day = addDays(TODAY, -400); day <= TODAY; day = addDays(day, 7)) {
        const enrolled = plan.flatMap((p) =>
          p.episodes.filter((e) => e.track === t && e.admittedOn <= day && (e.dischargedOn ?? TODAY) >= day),
        ).length;
        expect(enrolled).toBeLessThanOrEqual(capacities[t]!);
      }
    });
    const small = planDemoParticipants(1, "small", TODAY);
    expect(planTrackCapacities(small, TODAY)).toEqual(DEMO_TRACKS.map((t) => t.capacity));
  });

  it("on a Monday morning, before any session this week, tells no short week and marks nothing this week", () => {
    const monday = Date.parse("2026-11-30T13:00:00Z");
    const early = schedule("clinic", monday, "2026-11-30");
    const thisWeek = early.schedules.flatMap((s: ParticipantSchedule) =>
      s.episodes.flatMap((e) => e.marks.filter((m) => m.date >= WEEK_START)),
    );
    expect(thisWeek).toEqual([]);
    expect([...early.planner.stories.values()]).not.toContain("short_week");
  });

  it("in a week a holiday cuts below the minimum, warns everyone on that track (the rule's own verdict) and leaves their attendance as it was", () => {
    // Thanksgiving week: the evening and adolescent tracks lose Thursday, the morning track keeps 9 hours.
    const wednesday = Date.parse("2026-11-25T20:00:00Z");
    const holiday = schedule("clinic", wednesday, "2026-11-25");
    const openOf = (key: number) => holiday.plan.find((p) => p.key === key)!.episodes.at(-1)!;
    const current = holiday.schedules.filter((s) => {
      const open = openOf(s.key);
      return open.dischargedOn === null && open.admittedOn <= "2026-11-23";
    });
    const onTrack = (track: number) => current.filter((s) => openOf(s.key).track === track);
    for (const s of [...onTrack(0), ...onTrack(2)]) expect(s.expectedAlerts).toContain("weekly_hours_short");
    for (const s of onTrack(1).filter((x) => !holiday.planner.stories.has(x.key)))
      expect(s.expectedAlerts).toEqual([]);
    // Not settled away: some evening participants were late or missed a session in the last two weeks.
    const recent = onTrack(0).flatMap((s) =>
      s.episodes.flatMap((e) => e.marks.filter((m) => m.date >= "2026-11-12")),
    );
    expect(recent.some((m) => m.outcome.status !== "present")).toBe(true);
  });
});
