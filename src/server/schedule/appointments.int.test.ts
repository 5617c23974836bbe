import { eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  givenFamilyLink,
  givenParticipant,
  givenSite,
  givenTrack,
  givenUser,
} from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn, testClock } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { type DatabaseHandle, queryRows } from "../db/connection";
import { episodes, rooms, trackEnrollments, trackFacilitators, tracks } from "../db/schema";

/**
 * Individual and family sessions over the API: booking one-off and weekly sessions in the site's
 * zone (wall time kept across DST, nonexistent times refused), every clash with the staff member's,
 * the room's and the participant's time refused with the field named and nothing saved, declared
 * unavailability overridable on purpose only, moving, cancelling, attendance, two bookings racing
 * for one slot, and who may do what.
 *
 * Site in New York. "Adult evening" meets Mon/Tue/Thu 18:00–21:00 in Room 3, run by Dana Reyes;
 * Robin is enrolled. Today is Friday 20 November 2026.
 */

const PEOPLE = [
  "dana",
  "lee",
  "director",
  "frontDesk",
  "prescriber",
  "otherSite",
  "robinSelf",
  "family",
] as const;
type Person = (typeof PEOPLE)[number];

interface Booked {
  id: string;
  seriesId: string | null;
  date: string;
  start: string;
  end: string;
  startsAt: string;
  durationMinutes: number;
  status: string;
}

describeEachEngine("appointments: booking, conflicts, moving, cancelling and attendance", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  const clock = testClock("2026-11-20T15:00:00Z");
  const credentials = {} as Record<Person, { email: string; password: string; id: string }>;
  const sessions = new Map<Person, string>();
  const p = { robin: "", sam: "", gone: "", otherSite: "" };
  const room = { three: "", five: "", closed: "" };
  let trackId = "";

  const cookie = async (who: Person) => {
    if (!sessions.has(who))
      sessions.set(who, (await signIn(app, credentials[who].email, credentials[who].password)).cookie);
    return sessions.get(who)!;
  };
  const send = async (method: "POST" | "PUT", url: string, payload: object, who: Person = "dana") =>
    app.inject({ method, url, headers: { ...appHeaders, cookie: await cookie(who) }, payload });
  const get = async (url: string, who: Person = "dana") =>
    app.inject({ url, headers: { cookie: await cookie(who) } });
  const book = (overrides: Record<string, unknown> = {}, who: Person = "dana") =>
    send(
      "POST",
      "/api/v1/appointments",
      {
        participantId: p.robin,
        kind: "individual",
        staffId: credentials.dana.id,
        roomId: room.five,
        date: "2026-11-25",
        start: "10:00",
        end: "10:50",
        ...overrides,
      },
      who,
    );
  const bookedOf = (response: { json(): unknown }) =>
    (response.json() as { appointments: Booked[] }).appointments;
  const countAppointments = async () =>
    (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from appointments`))[0]!.n;
  const auditOf = (action: string) =>
    queryRows<{ participant_id: string | null; details: string | null; outcome: string }>(
      database.db,
      sql`select participant_id, details, outcome from audit_events where action = ${action} order by seq`,
    );

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: clock.now });
    const db = database.db;
    const site = await givenSite(db);
    const otherSite = await givenSite(db);
    const at = [site.name];
    credentials.dana = await givenUser(db, {
      roles: ["counselor"],
      siteNames: at,
      displayName: "Dana Reyes",
    });
    credentials.lee = await givenUser(db, { roles: ["counselor"], siteNames: at, displayName: "Lee Park" });
    credentials.director = await givenUser(db, { roles: ["clinical_director"], siteNames: at });
    credentials.frontDesk = await givenUser(db, { roles: ["front_desk"], siteNames: at });
    credentials.prescriber = await givenUser(db, { roles: ["prescriber"], siteNames: at });
    credentials.otherSite = await givenUser(db, {
      roles: ["clinical_director"],
      siteNames: [otherSite.name],
    });
    credentials.robinSelf = await givenUser(db, { kind: "participant", displayName: "Robin Alvarez" });
    credentials.family = await givenUser(db, { kind: "family", displayName: "Maria Alvarez" });

    const careTeam = [
      { userId: credentials.dana.id, role: "primary_counselor" },
      { userId: credentials.prescriber.id, role: "prescriber" },
    ];
    p.robin = (
      await givenParticipant(db, {
        siteId: site.id,
        givenName: "Robin",
        familyName: "Alvarez",
        userId: credentials.robinSelf.id,
        admittedOn: "2026-11-02",
        careTeam,
      })
    ).id;
    p.sam = (
      await givenParticipant(db, { siteId: site.id, givenName: "Sam", familyName: "Brooks", careTeam })
    ).id;
    p.gone = (
      await givenParticipant(db, {
        siteId: site.id,
        givenName: "Gil",
        admittedOn: "2026-09-01",
        dischargedOn: "2026-10-30",
        careTeam,
      })
    ).id;
    p.otherSite = (await givenParticipant(db, { siteId: otherSite.id })).id;
    await givenFamilyLink(db, credentials.family.id, p.robin);

    const roomRows = await db
      .insert(rooms)
      .values([
        { siteId: site.id, name: "Room 3" },
        { siteId: site.id, name: "Room 5" },
        { siteId: site.id, name: "Old office", active: false },
      ])
      .returning({ id: rooms.id });
    [room.three, room.five, room.closed] = roomRows.map((r) => r.id) as [string, string, string];

    trackId = (
      await givenTrack(db, {
        siteId: site.id,
        name: "Adult evening",
        startsOn: "2026-09-07",
        slots: [
          { weekday: 1, start: "18:00", end: "21:00" },
          { weekday: 2, start: "18:00", end: "21:00" },
          { weekday: 4, start: "18:00", end: "21:00" },
        ],
      })
    ).id;
    await db.update(tracks).set({ roomId: room.three, location: "Room 3" }).where(eq(tracks.id, trackId));
    await db.insert(trackFacilitators).values({ trackId, userId: credentials.dana.id });
    const [episode] = await db.select().from(episodes).where(eq(episodes.participantId, p.robin));
    await db
      .insert(trackEnrollments)
      .values({ trackId, participantId: p.robin, episodeId: episode!.id, joinedOn: "2026-11-02" });
  });

  afterAll(async () => {
    await app.close();
    await database.close();
  });

  describe("booking", () => {
    it("books a one-off individual session in the site's zone and audits it", async () => {
      const response = await book({ date: "2026-11-30", start: "09:00", end: "09:50" });
      expect(response.statusCode).toBe(201);
      const [booked] = bookedOf(response);
      expect(booked).toMatchObject({
        seriesId: null,
        date: "2026-11-30",
        start: "09:00",
        end: "09:50",
        startsAt: "2026-11-30T14:00:00.000Z",
        durationMinutes: 50,
        status: "scheduled",
        kind: "individual",
        staff: { id: credentials.dana.id, name: "Dana Reyes" },
        room: { id: room.five, name: "Room 5" },
        attendance: null,
      });
      const audit = await auditOf("appointment.book");
      expect(audit.at(-1)).toMatchObject({ participant_id: p.robin, outcome: "allowed" });
      expect(JSON.parse(audit.at(-1)!.details!)).toMatchObject({ kind: "individual", sessions: 1 });
    });

    it("refuses a time over the staff member's group, naming staffId and the group, and saves nothing", async () => {
      const before = await countAppointments();
      const response = await book({ participantId: p.sam, date: "2026-11-24", start: "20:30", end: "21:30" });
      expect(response.statusCode).toBe(409);
      const { error } = response.json();
      expect(error.code).toBe("SCHEDULE_CONFLICT");
      expect(error.conflicts).toEqual([
        {
          field: "staffId",
          source: "staff",
          date: "2026-11-24",
          start: "20:30",
          message: "Dana Reyes has Adult evening group 18:00–21:00 on Tue 24 Nov",
          overridable: false,
        },
      ]);
      expect(error.fields).toEqual([
        { path: "staffId", message: "Dana Reyes has Adult evening group 18:00–21:00 on Tue 24 Nov" },
      ]);
      expect(await countAppointments()).toBe(before);
    });

    it("books back-to-back with a group (ending as it starts is not a clash)", async () => {
      const response = await book({ participantId: p.sam, date: "2026-11-24", start: "17:00", end: "18:00" });
      expect(response.statusCode).toBe(201);
    });

    it("refuses the room a group meets in and the participant's own group time", async () => {
      const inRoom = await book({
        participantId: p.sam,
        staffId: credentials.lee.id,
        roomId: room.three,
        date: "2026-11-23",
        start: "19:00",
        end: "19:50",
      });
      expect(inRoom.statusCode).toBe(409);
      expect(
        inRoom.json().error.conflicts.map((c: { field: string; message: string }) => [c.field, c.message]),
      ).toEqual([["roomId", "Room 3 has Adult evening group 18:00–21:00 on Mon 23 Nov"]]);

      const robinsGroup = await book({
        staffId: credentials.lee.id,
        date: "2026-11-23",
        start: "20:00",
        end: "21:00",
      });
      expect(
        robinsGroup
          .json()
          .error.conflicts.map((c: { field: string; message: string }) => [c.field, c.message]),
      ).toEqual([["participantId", "Robin has Adult evening group 18:00–21:00 on Mon 23 Nov"]]);
    });

    it("refuses double booking a staff member without naming the other participant", async () => {
      expect(
        (await book({ participantId: p.sam, date: "2026-12-02", start: "10:00", end: "11:00" })).statusCode,
      ).toBe(201);
      const clash = await book({ date: "2026-12-02", start: "10:30", end: "11:30" });
      expect(clash.statusCode).toBe(409);
      const messages = clash.json().error.conflicts.map((c: { message: string }) => c.message);
      expect(messages).toEqual([
        "Dana Reyes has an individual session 10:00–11:00 on Wed 2 Dec",
        "Room 5 is booked for an individual session 10:00–11:00 on Wed 2 Dec",
      ]);
      expect(JSON.stringify(clash.json())).not.toContain("Sam");
    });

    it("books a weekly series across the spring-forward change at the same local time, sharing a series id", async () => {
      const response = await book({
        date: "2027-03-08",
        start: "10:00",
        end: "11:00",
        recurrence: { everyWeeks: 1, count: 3 },
      });
      expect(response.statusCode).toBe(201);
      const booked = bookedOf(response);
      expect(booked.map((b) => [b.date, b.start, b.startsAt])).toEqual([
        ["2027-03-08", "10:00", "2027-03-08T15:00:00.000Z"],
        ["2027-03-15", "10:00", "2027-03-15T14:00:00.000Z"],
        ["2027-03-22", "10:00", "2027-03-22T14:00:00.000Z"],
      ]);
      expect(new Set(booked.map((b) => b.seriesId)).size).toBe(1);
      expect(booked[0]!.seriesId).not.toBeNull();
    });

    it("checks every session of a series: one clash books none of them", async () => {
      const before = await countAppointments();
      const response = await book({
        participantId: p.sam,
        date: "2026-11-18",
        start: "09:30",
        end: "10:30",
        recurrence: { everyWeeks: 1, until: "2026-12-16" },
      });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.message).toBe(
        "1 of the 5 sessions clash with other sessions: nothing was booked.",
      );
      expect(
        response.json().error.conflicts.map((c: { date: string; field: string }) => `${c.date} ${c.field}`),
      ).toEqual(["2026-12-02 staffId", "2026-12-02 roomId", "2026-12-02 participantId"]);
      expect(await countAppointments()).toBe(before);
    });

    it("refuses a start that does not exist on the spring-forward night, and an end before the start", async () => {
      const gap = await book({ date: "2027-03-14", start: "02:30", end: "03:30" });
      expect(gap.statusCode).toBe(400);
      expect(gap.json().error.fields).toEqual([
        {
          path: "start",
          message:
            "02:30 does not exist on 2027-03-14 in America/New_York: the clocks go forward from 02:00 to 03:00. Choose another time.",
        },
      ]);
      const backwards = await book({ start: "11:00", end: "10:00" });
      expect(backwards.statusCode).toBe(400);
      expect(backwards.json().error.fields).toEqual([
        { path: "end", message: "The session must end after it starts." },
      ]);
    });

    it("checks the staff member, the room, the episode and the family members, each naming its field", async () => {
      const fieldsOf = async (overrides: Record<string, unknown>) => {
        const response = await book(overrides);
        expect(response.statusCode).toBe(400);
        return response.json().error.fields.map((f: { path: string }) => f.path);
      };
      expect(await fieldsOf({ staffId: credentials.otherSite.id })).toEqual(["staffId"]);
      expect(await fieldsOf({ staffId: credentials.robinSelf.id })).toEqual(["staffId"]);
      expect(await fieldsOf({ roomId: room.closed })).toEqual(["roomId"]);
      expect(await fieldsOf({ participantId: p.gone })).toEqual(["participantId"]);
      expect(await fieldsOf({ kind: "family" })).toEqual(["familyAttendees"]);
      expect(
        await fieldsOf({
          kind: "family",
          familyAttendees: [{ userId: credentials.lee.id, name: "Lee", relationship: "brother" }],
        }),
      ).toEqual(["familyAttendees.0.userId"]);
    });

    it("books a family session with a linked family member and one without an account, by video", async () => {
      const response = await book({
        kind: "family",
        roomId: null,
        telehealth: true,
        location: "https://video.example.org/room/robin",
        date: "2026-12-03",
        start: "15:00",
        end: "16:00",
        familyAttendees: [
          { userId: credentials.family.id, name: "Maria Alvarez", relationship: "mother" },
          { name: "Jo Alvarez", relationship: "brother" },
        ],
      });
      expect(response.statusCode).toBe(201);
      expect(bookedOf(response)[0]).toMatchObject({
        kind: "family",
        room: null,
        telehealth: true,
        familyAttendees: [
          { userId: credentials.family.id, name: "Maria Alvarez", relationship: "mother" },
          { userId: null, name: "Jo Alvarez", relationship: "brother" },
        ],
      });
    });
  });

  describe("declared unavailability", () => {
    it("refuses booking over it unless asked to, and never lets that override a double booking", async () => {
      const declared = await send(
        "POST",
        `/api/v1/participants/${p.robin}/unavailability`,
        { weekday: 5, start: "08:00", end: "16:00", reason: "work", note: "Warehouse shift" },
        "robinSelf",
      );
      expect(declared.statusCode).toBe(201);

      const friday = { date: "2026-12-04", start: "11:00", end: "12:00", roomId: room.three };
      const refused = await book(friday);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.conflicts).toEqual([
        {
          field: "start",
          source: "unavailability",
          date: "2026-12-04",
          start: "11:00",
          message: "Robin is unavailable (work) 08:00–16:00 on Fri 4 Dec",
          overridable: true,
        },
      ]);
      expect(JSON.stringify(refused.json())).not.toContain("Warehouse");

      expect((await book({ ...friday, participantId: p.sam, roomId: room.five })).statusCode).toBe(201);
      const overStaff = await book({ ...friday, allowUnavailability: true });
      expect(overStaff.statusCode).toBe(409);
      expect(overStaff.json().error.conflicts.map((c: { field: string }) => c.field)).toEqual(["staffId"]);

      const booked = await book({ ...friday, staffId: credentials.lee.id, allowUnavailability: true });
      expect(booked.statusCode).toBe(201);
      const audit = await auditOf("appointment.book");
      expect(JSON.parse(audit.at(-1)!.details!)).toMatchObject({ bookedOverUnavailability: 1 });
    });
  });

  describe("moving, cancelling and attendance", () => {
    let appointmentId = "";

    beforeAll(async () => {
      const response = await book({ date: "2026-12-07", start: "10:00", end: "11:00" });
      appointmentId = bookedOf(response)[0]!.id;
    });

    it("moves a session over its own old time (not a clash with itself) and audits from and to", async () => {
      const moved = await send("PUT", `/api/v1/appointments/${appointmentId}/time`, {
        date: "2026-12-07",
        start: "10:30",
        end: "11:30",
      });
      expect(moved.statusCode).toBe(200);
      expect(moved.json()).toMatchObject({
        date: "2026-12-07",
        start: "10:30",
        end: "11:30",
        durationMinutes: 60,
      });
      const audit = await auditOf("appointment.move");
      expect(JSON.parse(audit.at(-1)!.details!)).toMatchObject({
        fromStart: "10:00",
        toStart: "10:30",
        toDate: "2026-12-07",
      });
    });

    it("refuses a move onto a group, naming it, and leaves the session where it was", async () => {
      const moved = await send("PUT", `/api/v1/appointments/${appointmentId}/time`, {
        date: "2026-12-07",
        start: "18:30",
        end: "19:30",
      });
      expect(moved.statusCode).toBe(409);
      expect(moved.json().error.conflicts.map((c: { field: string }) => c.field)).toEqual([
        "staffId",
        "participantId",
      ]);
      expect((await get(`/api/v1/appointments/${appointmentId}`)).json()).toMatchObject({ start: "10:30" });
    });

    it("records attendance: minutes over the session named, present by default the whole session, edits need a reason", async () => {
      const url = `/api/v1/appointments/${appointmentId}/attendance`;
      const over = await send("PUT", url, { status: "late", minutesAttended: 61 });
      expect(over.statusCode).toBe(400);
      expect(over.json().error.fields).toEqual([
        {
          path: "minutesAttended",
          message: "Minutes attended cannot be more than the session's 60 minutes.",
        },
      ]);

      const present = await send("PUT", url, { status: "present" }, "frontDesk");
      expect(present.statusCode).toBe(200);
      expect(present.json().attendance).toEqual({ status: "present", minutesAttended: 60 });

      const noReason = await send("PUT", url, { status: "left_early", minutesAttended: 40 });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().error.fields.map((f: { path: string }) => f.path)).toEqual(["reason"]);

      const edited = await send("PUT", url, {
        status: "left_early",
        minutesAttended: 40,
        reason: "Left for a school pickup",
      });
      expect(edited.statusCode).toBe(200);
      expect(edited.json().attendance).toEqual({ status: "left_early", minutesAttended: 40 });
      const audit = await auditOf("appointment.attendance_edit");
      expect(JSON.parse(audit.at(-1)!.details!)).toMatchObject({
        previousStatus: "present",
        previousMinutesAttended: 60,
        status: "left_early",
        reason: "Left for a school pickup",
      });

      const move = await send("PUT", `/api/v1/appointments/${appointmentId}/time`, {
        date: "2026-12-08",
        start: "10:00",
        end: "11:00",
      });
      expect(move.statusCode).toBe(409);
      expect(move.json().error.code).toBe("SCHEDULE_ATTENDANCE_RECORDED");
    });

    it("raises the absence alert in the transaction that records a second unexcused absence in a row", async () => {
      const first = bookedOf(
        await book({ participantId: p.sam, date: "2026-11-17", start: "07:00", end: "07:50" }),
      );
      const second = bookedOf(
        await book({ participantId: p.sam, date: "2026-11-19", start: "07:00", end: "07:50" }),
      );
      for (const session of [...first, ...second]) {
        const marked = await send("PUT", `/api/v1/appointments/${session.id}/attendance`, {
          status: "absent_unexcused",
          minutesAttended: 0,
        });
        expect(marked.statusCode).toBe(200);
      }
      const raised = await queryRows<{ kind: string; severity: string }>(
        database.db,
        sql`select kind, severity from alerts where participant_id = ${p.sam} and state = 'open'`,
      );
      expect(raised).toContainEqual({ kind: "consecutive_unexcused_absences", severity: "warning" });
    });

    it("cancels one session, or it and the following ones of the series, and frees their time", async () => {
      const series = bookedOf(
        await book({
          participantId: p.sam,
          date: "2027-01-05",
          start: "09:00",
          end: "09:45",
          recurrence: { everyWeeks: 2, count: 4 },
        }),
      );
      expect(series).toHaveLength(4);
      const one = await send("POST", `/api/v1/appointments/${series[0]!.id}/cancel`, { reason: "Snow day" });
      expect(one.statusCode).toBe(200);
      expect(one.json().appointments.map((a: Booked) => a.status)).toEqual(["cancelled"]);
      expect(one.json().appointments[0].cancelReason).toBe("Snow day");

      const rest = await send("POST", `/api/v1/appointments/${series[1]!.id}/cancel`, {
        reason: "Moving to group sessions only",
        scope: "this_and_following",
      });
      expect(rest.json().appointments.map((a: Booked) => a.date)).toEqual([
        "2027-01-19",
        "2027-02-02",
        "2027-02-16",
      ]);

      const again = await send("POST", `/api/v1/appointments/${series[0]!.id}/cancel`, { reason: "Twice" });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe("SCHEDULE_APPOINTMENT_CANCELLED");
      expect((await book({ date: "2027-01-05", start: "09:00", end: "09:45" })).statusCode).toBe(201);
    });
  });

  it("lets only one of two bookings racing for the same staff member's slot succeed", async () => {
    const slot = { date: "2026-12-09", start: "13:00", end: "14:00" };
    const [first, second] = await Promise.all([
      book({ ...slot, roomId: room.three }),
      book({ ...slot, participantId: p.sam, roomId: room.five }),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([201, 409]);
    const rows = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from appointments where local_date = '2026-12-09' and status = 'scheduled'`,
    );
    expect(rows[0]!.n).toBe(1);
  });

  it("counts the participant's individual and family sessions in their weekly hours, cancelled ones not", async () => {
    const wednesday = bookedOf(await book({ date: "2027-01-13", start: "10:00", end: "10:50" }))[0]!;
    await send("PUT", `/api/v1/appointments/${wednesday.id}/attendance`, {
      status: "late",
      minutesAttended: 40,
    });
    const family = await book({
      kind: "family",
      date: "2027-01-15",
      start: "16:00",
      end: "17:00",
      familyAttendees: [{ name: "Jo Alvarez", relationship: "brother" }],
    });
    expect(family.statusCode).toBe(201);
    const saturday = bookedOf(await book({ date: "2027-01-16", start: "10:00", end: "11:00" }))[0]!;
    await send("POST", `/api/v1/appointments/${saturday.id}/cancel`, { reason: "Participant asked to skip" });

    const response = await get(`/api/v1/participants/${p.robin}/weekly-hours?week=2027-01-13`);
    expect(response.statusCode).toBe(200);
    const week = response.json();
    expect(week).toMatchObject({
      weekStart: "2027-01-11",
      scheduledMinutes: 540 + 50 + 60,
      attendedMinutes: 40,
      byKind: {
        group: { scheduledMinutes: 540, attendedMinutes: 0 },
        individual: { scheduledMinutes: 50, attendedMinutes: 40 },
        family: { scheduledMinutes: 60, attendedMinutes: 0 },
      },
    });
    expect(week.sessions).toHaveLength(3);
    expect(
      week.appointments.map((a: { kind: string; date: string; start: string; mark: unknown }) => [
        a.kind,
        a.date,
        a.start,
        a.mark,
      ]),
    ).toEqual([
      ["individual", "2027-01-13", "10:00", { status: "late", minutesAttended: 40 }],
      ["family", "2027-01-15", "16:00", null],
    ]);
    expect(week.days.find((d: { date: string }) => d.date === "2027-01-16").scheduledMinutes).toBe(0);
  });

  describe("who may do what", () => {
    let robinsId = "";
    let samsId = "";

    beforeAll(async () => {
      robinsId = bookedOf(await book({ date: "2026-12-10", start: "09:00", end: "10:00" }))[0]!.id;
      samsId = bookedOf(
        await book({ participantId: p.sam, date: "2026-12-10", start: "11:00", end: "12:00" }),
      )[0]!.id;
    });

    it("lets the participant read their own appointment but not another's, and family without consent none", async () => {
      expect((await get(`/api/v1/appointments/${robinsId}`, "robinSelf")).statusCode).toBe(200);
      expect((await get(`/api/v1/appointments/${samsId}`, "robinSelf")).statusCode).toBe(404);
      expect((await get(`/api/v1/appointments/${robinsId}`, "family")).statusCode).toBe(404);
      const views = await auditOf("appointment.view");
      expect(views.filter((v) => v.outcome === "denied").length).toBeGreaterThanOrEqual(2);
    });

    it("lets front desk book, the prescriber only read, and another site's director nothing", async () => {
      expect((await book({ date: "2026-12-14", start: "09:00", end: "10:00" }, "frontDesk")).statusCode).toBe(
        201,
      );
      expect((await get(`/api/v1/appointments/${robinsId}`, "prescriber")).statusCode).toBe(200);
      expect(
        (await book({ date: "2026-12-14", start: "11:00", end: "12:00" }, "prescriber")).statusCode,
      ).toBe(403);
      expect((await get(`/api/v1/appointments/${robinsId}`, "otherSite")).statusCode).toBe(404);
      expect(
        (await send("POST", `/api/v1/appointments/${robinsId}/cancel`, { reason: "Not mine" }, "otherSite"))
          .statusCode,
      ).toBe(404);
      const denied = (await auditOf("appointment.cancel")).filter((a) => a.outcome === "denied");
      expect(denied.at(-1)?.participant_id).toBe(p.robin);
    });
  });
});
