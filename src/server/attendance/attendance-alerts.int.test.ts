import { eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { givenParticipant, givenSite, givenTrack, givenUser } from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn, testClock } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { DEFAULT_ATTENDANCE_SETTINGS } from "../../core/attendance/attendance-settings.schema";
import { type DatabaseHandle, queryRows } from "../db/connection";
import { appointments, appSettings, episodes, trackEnrollments } from "../db/schema";
import { insertMark } from "./attendance.sql";

/**
 * Attendance alerts end to end: the mid-week warning raised when a roster is recorded and resolved
 * when an absence is corrected, absences in a row raised once however often the sweep runs, the
 * attendance rate over 14 days, and the program's attendance settings.
 *
 * The track meets Monday to Thursday 18:00–21:00 in New York (3 hours, 12 a week: one session to
 * spare over the adult minimum of 9). Today is Wednesday 2026-03-11, 11:00 in New York.
 */

const MONDAY = "2026-03-09T18:00";
const TUESDAY = "2026-03-10T18:00";
const WEEK = "2026-03-09";

interface AlertRow {
  id: string;
  kind: string;
  severity: string;
  state: string;
  participant_id: string;
  evidence_kind: string;
  evidence_id: string;
  evidence_item: string | null;
  audience: string[];
  reason: string;
  resolution_note: string | null;
  resolved_by: string | null;
}

describeEachEngine("attendance alerts and settings", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  const clock = testClock("2026-03-11T16:00:00Z");
  let trackId = "";
  let siteId = "";
  const people = { counselor: { id: "", cookie: "" }, admin: { id: "", cookie: "" } };

  const alertsOf = (participantId: string) =>
    queryRows<AlertRow>(
      database.db,
      sql`select id, kind, severity, state, participant_id, evidence_kind, evidence_id, evidence_item, audience,
            reason, resolution_note, resolved_by
          from alerts where participant_id = ${participantId} order by created_at, kind`,
    );
  const record = (key: string, payload: object) =>
    app.inject({
      method: "PUT",
      url: `/api/v1/tracks/${trackId}/occurrences/${key}/attendance`,
      headers: { ...appHeaders, cookie: people.counselor.cookie },
      payload,
    });

  /** A participant on the counselor's caseload, enrolled in the track from `joinedOn`. */
  async function enrolled(givenName: string, joinedOn = "2026-02-02") {
    const { id } = await givenParticipant(database.db, {
      siteId,
      givenName,
      familyName: "Test",
      admittedOn: "2026-01-15",
      careTeam: [{ userId: people.counselor.id, role: "primary_counselor" }],
    });
    const [episode] = await database.db
      .select({ id: episodes.id })
      .from(episodes)
      .where(eq(episodes.participantId, id));
    await database.db
      .insert(trackEnrollments)
      .values({ trackId, participantId: id, episodeId: episode!.id, status: "enrolled", joinedOn });
    return id;
  }

  /** Marks written directly (as a late roster would leave them), without the recording's alerts. */
  async function marks(participantId: string, entries: [string, string][]) {
    const ids: string[] = [];
    for (const [key, status] of entries) {
      const attended = ["present", "late", "left_early"].includes(status);
      const id = await insertMark(database.db, {
        trackId,
        occurrenceKey: key,
        participantId,
        occurredOn: key.slice(0, 10),
        status,
        minutesAttended: attended ? 180 : 0,
        sessionMinutes: 180,
        recordedAt: clock.now(),
      });
      ids.push(id!);
    }
    return ids;
  }

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: clock.now });
    const db = database.db;
    const site = await givenSite(db);
    siteId = site.id;
    const counselor = await givenUser(db, { roles: ["counselor"], siteNames: [site.name] });
    const admin = await givenUser(db, { roles: ["administrator"], siteNames: [site.name] });
    people.counselor = {
      id: counselor.id,
      cookie: (await signIn(app, counselor.email, counselor.password)).cookie,
    };
    people.admin = { id: admin.id, cookie: (await signIn(app, admin.email, admin.password)).cookie };
    trackId = (
      await givenTrack(db, {
        siteId,
        name: "Adult evening, four nights",
        startsOn: "2026-01-05",
        slots: [1, 2, 3, 4].map((weekday) => ({ weekday, start: "18:00", end: "21:00" })),
      })
    ).id;
  });

  afterAll(async () => {
    await app.close();
    await database.close();
  });

  describe("the mid-week warning", () => {
    it("is raised on Wednesday when two absences leave 9 hours out of reach, and resolved when one is corrected", async () => {
      const ana = await enrolled("Ana");
      const monday = await record(MONDAY, { marks: [{ participantId: ana, status: "absent_unexcused" }] });
      expect(monday.statusCode).toBe(200);
      expect(await alertsOf(ana)).toEqual([]);

      const tuesday = await record(TUESDAY, { marks: [{ participantId: ana, status: "absent_unexcused" }] });
      expect(tuesday.statusCode).toBe(200);
      const raised = await alertsOf(ana);
      const [mondayMark] = await queryRows<{ id: string }>(
        database.db,
        sql`select id from attendance_marks where participant_id = ${ana} and occurrence_key = ${MONDAY}`,
      );
      expect(
        raised.map((a) => [a.kind, a.severity, a.state, a.evidence_kind, a.evidence_id, a.evidence_item]),
      ).toEqual([
        ["consecutive_unexcused_absences", "warning", "open", "attendance_record", mondayMark!.id, WEEK],
        ["payer_days_short", "info", "open", "attendance_week", ana, WEEK],
        ["weekly_hours_short", "warning", "open", "attendance_week", ana, WEEK],
      ]);
      const weekly = raised.find((a) => a.kind === "weekly_hours_short")!;
      expect(weekly.reason).toBe(
        "The week of 2026-03-09 can reach at most 6 hours of the weekly minimum of 9 hours for adults, " +
          "even attending every remaining session: 3 hours short.",
      );
      expect(weekly.audience).toEqual(["primary_counselor", "care_team"]);

      // The counselor opens it from the inbox: the evidence links to the chart's Schedule tab at that week.
      const opened = await app.inject({
        url: `/api/v1/alerts/${weekly.id}`,
        headers: { cookie: people.counselor.cookie },
      });
      expect(opened.statusCode).toBe(200);
      expect(opened.json().evidence.link).toBe(`/staff/participants/${ana}?tab=schedule&week=${WEEK}`);

      // The hourly sweep finds the same facts: nothing raised twice.
      expect(await app.attendanceAlerts.sweep()).toMatchObject({ raised: 0, resolved: 0 });
      expect(await alertsOf(ana)).toHaveLength(3);

      const corrected = await record(TUESDAY, {
        marks: [{ participantId: ana, status: "present" }],
        reason: "She signed in late; the sheet was misread",
      });
      expect(corrected.statusCode).toBe(200);
      const after = await alertsOf(ana);
      expect(after.map((a) => [a.kind, a.state, a.resolved_by])).toEqual([
        ["consecutive_unexcused_absences", "resolved", people.counselor.id],
        ["payer_days_short", "resolved", people.counselor.id],
        ["weekly_hours_short", "resolved", people.counselor.id],
      ]);
      expect(after.find((a) => a.kind === "weekly_hours_short")!.resolution_note).toBe(
        "Resolved automatically: the week of 2026-03-09 can reach the weekly minimum of 9 hours again (9 hours projected).",
      );
      const audited = await queryRows<{ participant_id: string; details: string }>(
        database.db,
        sql`select participant_id, details from audit_events where action = 'alert.resolve' and participant_id = ${ana}`,
      );
      expect(audited).toHaveLength(3);
      expect(audited.every((a) => JSON.parse(a.details).automatic === true)).toBe(true);

      // Absent again on Wednesday: the week is out of reach again, and the warning comes back.
      await record("2026-03-11T18:00", { marks: [{ participantId: ana, status: "absent_unexcused" }] });
      const again = (await alertsOf(ana)).filter((a) => a.kind === "weekly_hours_short");
      expect(again.map((a) => a.state).sort()).toEqual(["open", "resolved"]);
    });

    it("is resolved by the sweep when an individual session booked later in the week makes the hours reachable", async () => {
      const fay = await enrolled("Fay");
      await record(MONDAY, { marks: [{ participantId: fay, status: "absent_unexcused" }] });
      await record(TUESDAY, { marks: [{ participantId: fay, status: "absent_excused" }] });
      expect((await alertsOf(fay)).map((a) => [a.kind, a.state])).toEqual([
        ["payer_days_short", "open"],
        ["weekly_hours_short", "open"],
      ]);
      // Friday 10:00–13:00 in New York with her counselor: three more hours this week.
      await database.db.insert(appointments).values({
        siteId,
        participantId: fay,
        kind: "individual",
        staffId: people.counselor.id,
        timeZone: "America/New_York",
        startsAt: new Date("2026-03-13T14:00:00Z"),
        endsAt: new Date("2026-03-13T17:00:00Z"),
        localDate: "2026-03-13",
      });
      expect(await app.attendanceAlerts.sweep()).toMatchObject({ raised: 0, resolved: 2 });
      const after = await alertsOf(fay);
      expect(after.map((a) => [a.kind, a.state, a.resolved_by])).toEqual([
        ["payer_days_short", "resolved", null],
        ["weekly_hours_short", "resolved", null],
      ]);
      expect(after[1]!.resolution_note).toBe(
        "Resolved automatically: the week of 2026-03-09 can reach the weekly minimum of 9 hours again (9 hours projected).",
      );
    });

    it("says nothing about a week the participant joined part-way through", async () => {
      const dee = await enrolled("Dee", "2026-03-10");
      await record(TUESDAY, { marks: [{ participantId: dee, status: "absent_unexcused" }] });
      await app.attendanceAlerts.sweep();
      expect((await alertsOf(dee)).filter((a) => a.kind === "weekly_hours_short")).toEqual([]);
    });
  });

  describe("absences", () => {
    it("raises two unexcused absences in a row once, however often the sweep runs", async () => {
      const ben = await enrolled("Ben");
      const [, , , first] = await marks(ben, [
        ["2026-03-02T18:00", "present"],
        ["2026-03-03T18:00", "present"],
        ["2026-03-04T18:00", "present"],
        ["2026-03-05T18:00", "absent_unexcused"],
        [MONDAY, "absent_unexcused"],
      ]);
      for (let run = 0; run < 3; run += 1) await app.attendanceAlerts.sweep();
      const runs = (await alertsOf(ben)).filter((a) => a.kind === "consecutive_unexcused_absences");
      // The first missed session's date goes with it, so the chart opens at that week.
      expect(runs.map((a) => [a.state, a.evidence_kind, a.evidence_id, a.evidence_item])).toEqual([
        ["open", "attendance_record", first, "2026-03-05"],
      ]);
      expect(runs[0]!.reason).toBe(
        "2 sessions in a row missed without an excuse: 2026-03-05 and 2026-03-09.",
      );
      // A third absence in the same run: still the one alert.
      await marks(ben, [[TUESDAY, "absent_unexcused"]]);
      await app.attendanceAlerts.sweep();
      expect((await alertsOf(ben)).filter((a) => a.kind === "consecutive_unexcused_absences")).toHaveLength(
        1,
      );
    });

    it("raises a low attendance rate over 14 days once a week, not again after the counselor resolves it", async () => {
      const cal = await enrolled("Cal");
      await marks(cal, [
        ["2026-03-02T18:00", "present"],
        ["2026-03-03T18:00", "absent_excused"],
        ["2026-03-04T18:00", "absent_excused"],
        ["2026-03-05T18:00", "present"],
        [MONDAY, "absent_excused"],
      ]);
      await app.attendanceAlerts.sweep();
      const [rate] = (await alertsOf(cal)).filter((a) => a.kind === "low_attendance_rate");
      expect(rate).toMatchObject({
        severity: "warning",
        state: "open",
        evidence_kind: "attendance_week",
        evidence_id: cal,
        evidence_item: WEEK,
        reason:
          "Attended 2 of 5 sessions (40%) in the last 14 days, under the program's 75%. 3 excused absences count as missed.",
      });

      const headers = { ...appHeaders, cookie: people.counselor.cookie };
      expect(
        (await app.inject({ method: "POST", url: `/api/v1/alerts/${rate!.id}/acknowledge`, headers }))
          .statusCode,
      ).toBe(200);
      const resolved = await app.inject({
        method: "POST",
        url: `/api/v1/alerts/${rate!.id}/resolve`,
        headers,
        payload: { note: "Talked it over: childcare on Tuesdays; moving her to the morning track." },
      });
      expect(resolved.statusCode).toBe(200);
      await app.attendanceAlerts.sweep();
      expect((await alertsOf(cal)).filter((a) => a.kind === "low_attendance_rate")).toHaveLength(1);

      // Next Monday the rate is still low: a new week, a new alert.
      await app.attendanceAlerts.sweep(new Date("2026-03-16T16:00:00Z"));
      const rates = (await alertsOf(cal)).filter((a) => a.kind === "low_attendance_rate");
      expect(rates.map((a) => [a.state, a.evidence_item])).toEqual([
        ["resolved", WEEK],
        ["open", "2026-03-16"],
      ]);
    });
  });

  describe("settings", () => {
    const put = (payload: object, cookie = people.admin.cookie) =>
      app.inject({
        method: "PUT",
        url: "/api/v1/settings/attendance",
        headers: { ...appHeaders, cookie },
        payload,
      });

    it("starts from the defaults and refuses a bad figure, naming its field, saving nothing", async () => {
      const read = await app.inject({
        url: "/api/v1/settings/attendance",
        headers: { cookie: people.counselor.cookie },
      });
      expect(read.statusCode).toBe(200);
      expect(read.json()).toEqual(DEFAULT_ATTENDANCE_SETTINGS);

      const adult = DEFAULT_ATTENDANCE_SETTINGS.programHours.adult;
      const bad = await put({
        ...DEFAULT_ATTENDANCE_SETTINGS,
        programHours: {
          ...DEFAULT_ATTENDANCE_SETTINGS.programHours,
          adult: { ...adult, weeklyMaximumMinutes: 480 },
        },
        absences: { ...DEFAULT_ATTENDANCE_SETTINGS.absences, consecutiveUnexcused: 1 },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe("VALIDATION_FAILED");
      expect(bad.json().error.fields).toEqual(
        expect.arrayContaining([
          {
            path: "programHours.adult.weeklyMaximumMinutes",
            message: "The weekly maximum must be more than the weekly minimum.",
          },
          { path: "absences.consecutiveUnexcused", message: "Use at least 2 absences." },
        ]),
      );
      const stored = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from app_settings where name like 'attendance_%'`,
      );
      expect(stored[0]!.n).toBe(0);
      expect((await put(DEFAULT_ATTENDANCE_SETTINGS, people.counselor.cookie)).statusCode).toBe(403);
    });

    it("saves the program's figures (audited), which weekly hours then count against", async () => {
      const changed = {
        ...DEFAULT_ATTENDANCE_SETTINGS,
        programHours: {
          ...DEFAULT_ATTENDANCE_SETTINGS.programHours,
          adult: { ...DEFAULT_ATTENDANCE_SETTINGS.programHours.adult, weeklyMinimumMinutes: 600 },
        },
        absences: { ...DEFAULT_ATTENDANCE_SETTINGS.absences, consecutiveUnexcused: 3 },
      };
      const saved = await put(changed);
      expect(saved.statusCode).toBe(200);
      expect(saved.json()).toEqual(changed);
      const [audit] = await queryRows<{ details: string; actor_user_id: string }>(
        database.db,
        sql`select details, actor_user_id from audit_events where action = 'settings.attendance_update'`,
      );
      expect(audit!.actor_user_id).toBe(people.admin.id);
      expect(JSON.parse(audit!.details)).toMatchObject({
        "adult.weeklyMinimumMinutes": 600,
        "absences.consecutiveUnexcused": 3,
      });

      const eve = await enrolled("Eve");
      const hours = await app.inject({
        url: `/api/v1/participants/${eve}/weekly-hours`,
        headers: { cookie: people.counselor.cookie },
      });
      expect(hours.json()).toMatchObject({ minimumMinutes: 600, verdict: "at_risk", projectedMinutes: 720 });
    });

    it("reads a stored figure that no longer validates as its default, keeping the others", async () => {
      await database.db
        .insert(appSettings)
        .values({ name: "attendance_adolescent_weekly_minimum_minutes", value: '"six hours"' })
        .onConflictDoUpdate({ target: appSettings.name, set: { value: '"six hours"' } });
      const read = (
        await app.inject({ url: "/api/v1/settings/attendance", headers: { cookie: people.admin.cookie } })
      ).json();
      expect(read.programHours.adolescent.weeklyMinimumMinutes).toBe(360);
      expect(read.programHours.adult.weeklyMinimumMinutes).toBe(600);
    });
  });
});
