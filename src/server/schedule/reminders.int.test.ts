import { eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { givenParticipant, givenSite, givenTrack, givenUser } from "../../../tests/support/given";
import { type ReceivedMail, startSmtpServer } from "../../../tests/support/smtp";
import { appHeaders, buildTestApp, signIn, testClock } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { DEFAULT_REMINDER_SETTINGS } from "../../core/schedule/reminder-settings.schema";
import { type DatabaseHandle, openDatabase, queryRows } from "../db/connection";
import {
  appointments,
  episodes,
  participants,
  sites,
  trackEnrollments,
  trackExceptions,
  tracks,
  users,
} from "../db/schema";
import type { SmsChannel, SmsMessage } from "../platform/sms";

/**
 * Session reminders end to end: the job run with a test clock queues each due reminder once in the
 * mail outbox (delivered to a real SMTP server), in the participant's language, never for a cancelled
 * session, a moved one at its new time, SMS through the SmsChannel; the settings over the API; and on
 * PostgreSQL two app processes running the job at the same moment send each reminder exactly once.
 *
 * The track "Dual diagnosis evening" meets Mon/Tue/Thu 18:00–21:00 in New York, in Room 2; Monday
 * 2026-11-23 is cancelled (a holiday) and Thursday 2026-11-26 moved to Wednesday 10:00–13:00.
 */

const TRACK_NAME = "Dual diagnosis evening";

describeEachEngine("schedule: session reminders", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  const clock = testClock("2026-11-23T20:00:00Z");
  const texts: SmsMessage[] = [];
  const recordingSms: SmsChannel = {
    kind: "log",
    available: true,
    async send(message) {
      texts.push(message);
    },
  };
  const p = { ana: "", bea: "", carl: "", dana: "", gone: "" };
  const email = { ana: "", bea: "", dana: "", gone: "" };
  let trackId = "";
  let admin = { email: "", password: "" };
  let staffId = "";

  const outbox = () =>
    queryRows<{ to_address: string; subject: string; body_text: string }>(
      database.db,
      sql`select to_address, subject, body_text from mail_outbox order by to_address, subject`,
    );
  const deliveries = () =>
    queryRows<{ session_key: string; participant_id: string; moment: string; channel: string }>(
      database.db,
      sql`select session_key, participant_id, moment, channel from reminder_deliveries
          order by session_key, participant_id, moment, channel`,
    );
  const at = async (instant: string) => {
    clock.advanceMinutes((Date.parse(instant) - clock.now().getTime()) / 60_000);
    return app.reminders.sendDueReminders();
  };
  const groupKey = (occurrence: string) => `group:${trackId}:${occurrence}`;

  async function enroll(
    participantId: string,
    values: { status: string; joinedOn: string; exitedOn?: string },
  ) {
    const [episode] = await database.db
      .select({ id: episodes.id })
      .from(episodes)
      .where(eq(episodes.participantId, participantId));
    await database.db.insert(trackEnrollments).values({
      trackId,
      participantId,
      episodeId: episode!.id,
      ...values,
      ...(values.exitedOn ? { exitReason: "completed the program" } : {}),
    });
  }

  async function withAccount(name: "ana" | "bea" | "dana") {
    const user = await givenUser(database.db, { kind: "participant", displayName: `${name} participant` });
    email[name] = user.email;
    return user.id;
  }

  beforeAll(async () => {
    smtp = await startSmtpServer();
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: clock.now, smtpUrl: smtp.url, sms: recordingSms });
    const db = database.db;
    const site = await givenSite(db, "Riverside");
    await db.update(sites).set({ onCallPhone: "555-0100" }).where(eq(sites.id, site.id));
    const adminUser = await givenUser(db, { roles: ["administrator"], siteNames: [site.name] });
    admin = adminUser;
    staffId = (await givenUser(db, { roles: ["counselor"], siteNames: [site.name] })).id;

    trackId = (await givenTrack(db, { siteId: site.id, name: TRACK_NAME })).id;
    await db
      .update(tracks)
      .set({
        location: "Room 2",
        pattern: {
          slots: [
            { weekday: 1, start: "18:00", end: "21:00" },
            { weekday: 2, start: "18:00", end: "21:00" },
            { weekday: 4, start: "18:00", end: "21:00" },
          ],
        },
      })
      .where(eq(tracks.id, trackId));
    await db.insert(trackExceptions).values([
      { trackId, occurrenceKey: "2026-11-23T18:00", kind: "cancelled", reason: "Holiday" },
      {
        trackId,
        occurrenceKey: "2026-11-26T18:00",
        kind: "moved",
        reason: "Thanksgiving",
        movedOn: "2026-11-25",
        movedStart: "10:00",
        movedEnd: "13:00",
      },
    ]);

    const admitted = { siteId: site.id, admittedOn: "2026-10-01" };
    p.ana = (
      await givenParticipant(db, {
        ...admitted,
        givenName: "Ana",
        familyName: "Alvarez",
        userId: await withAccount("ana"),
      })
    ).id;
    p.bea = (
      await givenParticipant(db, {
        ...admitted,
        givenName: "Beatriz",
        familyName: "Bravo",
        userId: await withAccount("bea"),
      })
    ).id;
    await db
      .update(participants)
      .set({ preferredLanguage: "es", preferredName: "Bea", phone: "555 010 4477" })
      .where(eq(participants.id, p.bea));
    // No account: no email (and no phone on record: nothing at all).
    p.carl = (await givenParticipant(db, { ...admitted, givenName: "Carl", familyName: "Cole" })).id;
    // A deactivated account is never written to.
    p.dana = (
      await givenParticipant(db, {
        ...admitted,
        givenName: "Dana",
        familyName: "Diaz",
        userId: await withAccount("dana"),
      })
    ).id;
    const [dana] = await db
      .select({ userId: participants.userId })
      .from(participants)
      .where(eq(participants.id, p.dana));
    await db
      .update(users)
      .set({ disabledAt: new Date("2026-11-01T00:00:00Z") })
      .where(eq(users.id, dana!.userId!));
    // Left the track before these sessions.
    const goneUser = await givenUser(db, { kind: "participant", displayName: "Gil participant" });
    email.gone = goneUser.email;
    p.gone = (
      await givenParticipant(db, { ...admitted, givenName: "Gil", familyName: "Gone", userId: goneUser.id })
    ).id;
    for (const id of [p.ana, p.bea, p.carl, p.dana])
      await enroll(id, { status: "enrolled", joinedOn: "2026-10-05" });
    await enroll(p.gone, { status: "exited", joinedOn: "2026-10-05", exitedOn: "2026-11-20" });

    // Ana's individual session on Tuesday 10:00 in an office; Bea's by video at 12:00.
    await db.insert(appointments).values([
      {
        siteId: site.id,
        participantId: p.ana,
        kind: "individual",
        staffId,
        location: "Office 3",
        timeZone: "America/New_York",
        startsAt: new Date("2026-11-24T15:00:00Z"),
        endsAt: new Date("2026-11-24T16:00:00Z"),
        localDate: "2026-11-24",
      },
      {
        siteId: site.id,
        participantId: p.bea,
        kind: "family",
        staffId,
        location: "https://video.example.org/room/bravo-family",
        telehealth: true,
        timeZone: "America/New_York",
        startsAt: new Date("2026-11-24T17:00:00Z"),
        endsAt: new Date("2026-11-24T18:00:00Z"),
        localDate: "2026-11-24",
      },
    ]);
  });

  afterAll(async () => {
    await app.close();
    await database.close();
    await smtp.close();
  });

  it("sends nothing before a reminder's window opens", async () => {
    expect(await at("2026-11-23T21:59:00Z")).toEqual({ email: 0, sms: 0 }); // Monday 16:59
    expect(await deliveries()).toEqual([]);
  });

  it("queues the day-before reminders at 17:00 local, once, and never for the cancelled session", async () => {
    expect(await at("2026-11-23T22:05:00Z")).toEqual({ email: 4, sms: 0 }); // Monday 17:05
    const made = await deliveries();
    expect(
      made.map((d) => [
        d.session_key.startsWith("group:") ? d.session_key : "appointment",
        d.participant_id,
        d.moment,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ["appointment", p.ana, "day_before"],
        ["appointment", p.bea, "day_before"],
        [groupKey("2026-11-24T18:00"), p.ana, "day_before"],
        [groupKey("2026-11-24T18:00"), p.bea, "day_before"],
      ]),
    );
    expect(made).toHaveLength(4);
    // Monday's session was cancelled: its same-day window is open now, yet nobody is reminded of it.
    expect(made.some((d) => d.session_key === groupKey("2026-11-23T18:00"))).toBe(false);
    expect(made.every((d) => d.channel === "email")).toBe(true);

    // The next runs find them sent.
    expect(await at("2026-11-23T22:10:00Z")).toEqual({ email: 0, sms: 0 });
    expect(await app.reminders.sendDueReminders()).toEqual({ email: 0, sms: 0 });
    expect(await outbox()).toHaveLength(4);
  });

  it("writes in the participant's language, with no clinical detail, and delivers over SMTP", async () => {
    const mail = await outbox();
    const ana = mail.filter((m) => m.to_address === email.ana);
    const bea = mail.filter((m) => m.to_address === email.bea);
    expect(ana.map((m) => m.subject).sort()).toEqual([
      "Reminder: your appointment tomorrow at 10:00 AM",
      "Reminder: your group session tomorrow at 6:00 PM",
    ]);
    expect(bea.map((m) => m.subject).sort()).toEqual([
      "Recordatorio: su cita mañana a las 12:00",
      "Recordatorio: su sesión de grupo mañana a las 18:00",
    ]);
    const group = ana.find((m) => m.subject.includes("group"))!.body_text;
    expect(group).toContain("Hello Ana,");
    expect(group).toContain("tomorrow, Tuesday, November 24, from 6:00 PM to 9:00 PM");
    expect(group).toContain("Where: Room 2, Riverside");
    expect(group).toContain("Program: Test Recovery Center");
    expect(group).toContain("Please call 555-0100.");
    const video = bea.find((m) => m.subject.includes("cita"))!.body_text;
    expect(video).toContain("Hola, Bea:");
    expect(video).toContain("Lugar: por video.");
    expect(video).not.toContain("https://");
    for (const m of mail) {
      expect(`${m.subject}\n${m.body_text}`).not.toMatch(/diagnos|family|familia|individual|Alvarez|Bravo/i);
    }

    await app.mailer.flush();
    const received = (to: string): ReceivedMail[] => smtp.messages.filter((m) => m.to.includes(to));
    expect(received(email.ana)).toHaveLength(2);
    expect(received(email.bea)).toHaveLength(2);
    expect(received(email.dana)).toEqual([]);
    expect(received(email.gone)).toEqual([]);
    expect(
      received(email.ana)
        .map((m) => m.subject)
        .sort(),
    ).toEqual([
      "Reminder: your appointment tomorrow at 10:00 AM",
      "Reminder: your group session tomorrow at 6:00 PM",
    ]);
    expect(received(email.bea).some((m) => m.text.includes("Hola, Bea:"))).toBe(true);
  });

  it("audits each reminder as a system disclosure to the participant, without its text", async () => {
    const events = await queryRows<{ participant_id: string; actor_kind: string; details: string }>(
      database.db,
      sql`select participant_id, actor_kind, details::text as details from audit_events
          where action = 'reminder.send' order by seq`,
    );
    expect(events).toHaveLength(4);
    expect(new Set(events.map((e) => e.participant_id))).toEqual(new Set([p.ana, p.bea]));
    expect(events.every((e) => e.actor_kind === "system")).toBe(true);
    expect(events.map((e) => e.details).join()).not.toMatch(/Room 2|Reminder|@/);
  });

  it("sends the same-day reminder hours before, never once the session has started", async () => {
    // Tuesday 08:05: the appointment at 10:00 is due its same-day reminder.
    expect(await at("2026-11-24T13:05:00Z")).toEqual({ email: 1, sms: 0 });
    // Tuesday 18:30, the job not having run since the morning: the group has started and Bea's
    // 12:00 appointment is over, so their same-day reminders are not sent late. (The two emails
    // sent are the day-before reminders of Thursday's session, moved to Wednesday: below.)
    const before = await deliveries();
    expect(await at("2026-11-24T23:30:00Z")).toEqual({ email: 2, sms: 0 });
    const added = (await deliveries()).filter(
      (d) => !before.some((b) => JSON.stringify(b) === JSON.stringify(d)),
    );
    expect(added.map((d) => d.session_key)).toEqual([
      groupKey("2026-11-26T18:00"),
      groupKey("2026-11-26T18:00"),
    ]);
    const tuesday = (await deliveries()).filter((d) => d.session_key === groupKey("2026-11-24T18:00"));
    expect(tuesday.map((d) => d.moment)).toEqual(["day_before", "day_before"]);
    const video = (await deliveries()).filter(
      (d) => d.session_key.startsWith("appointment:") && d.participant_id === p.bea,
    );
    expect(video.map((d) => d.moment)).toEqual(["day_before"]);
  });

  it("reminds a moved session at its new time", async () => {
    // Sent on Tuesday evening: Thursday's session now takes place on Wednesday at 10:00.
    const moved = (await deliveries()).filter((d) => d.session_key === groupKey("2026-11-26T18:00"));
    expect(moved.map((d) => [d.participant_id, d.moment]).sort()).toEqual(
      [
        [p.ana, "day_before"],
        [p.bea, "day_before"],
      ].sort(),
    );
    const mail = await outbox();
    expect(
      mail.find((m) => m.to_address === email.ana && m.body_text.includes("Wednesday"))!.body_text,
    ).toContain("tomorrow, Wednesday, November 25, from 10:00 AM to 1:00 PM");
  });

  it("reads and changes the settings over the API, naming each bad field, audited", async () => {
    const { cookie } = await signIn(app, admin.email, admin.password);
    const read = await app.inject({ url: "/api/v1/settings/reminders", headers: { cookie } });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({ ...DEFAULT_REMINDER_SETTINGS, smsChannel: "log" });

    const bad = await app.inject({
      method: "PUT",
      url: "/api/v1/settings/reminders",
      headers: { ...appHeaders, cookie },
      payload: {
        ...DEFAULT_REMINDER_SETTINGS,
        dayBefore: { enabled: true, at: "5pm" },
        sameDay: { enabled: true, hoursBefore: 30 },
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(["dayBefore.at", "sameDay.hoursBefore"]);

    const changed = {
      ...DEFAULT_REMINDER_SETTINGS,
      channels: { email: true, sms: true },
      contactPhone: "555-0199",
    };
    const saved = await app.inject({
      method: "PUT",
      url: "/api/v1/settings/reminders",
      headers: { ...appHeaders, cookie },
      payload: changed,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ ...changed, smsChannel: "log" });
    const audited = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_events where action = 'settings.reminders_update'`,
    );
    expect(audited[0]!.n).toBe(1);

    // An installation without an SMS channel refuses to turn SMS on, naming the field.
    const noSms = await buildTestApp(database, { now: clock.now });
    try {
      const refused = await noSms.inject({
        method: "PUT",
        url: "/api/v1/settings/reminders",
        headers: { ...appHeaders, cookie: (await signIn(noSms, admin.email, admin.password)).cookie },
        payload: changed,
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.fields).toEqual([
        { path: "channels.sms", message: expect.stringMatching(/SMS_CHANNEL/) },
      ]);
    } finally {
      await noSms.close();
    }
  });

  it("hands text messages to the SMS channel for people with a phone number, without the link or the program", async () => {
    // Wednesday 08:05: the moved session at 10:00 is due its same-day reminder, by email and SMS.
    expect(await at("2026-11-25T13:05:00Z")).toEqual({ email: 2, sms: 1 });
    expect(texts).toHaveLength(1);
    expect(texts[0]!.to).toBe("555 010 4477");
    expect(texts[0]!.body).toBe(
      "Recordatorio: su sesión de grupo es hoy a las 10:00, Room 2. ¿No puede venir? Llame al 555-0199.",
    );
    const sms = (await deliveries()).filter((d) => d.channel === "sms");
    expect(sms).toEqual([
      {
        session_key: groupKey("2026-11-26T18:00"),
        participant_id: p.bea,
        moment: "same_day",
        channel: "sms",
      },
    ]);
    expect(await app.reminders.sendDueReminders()).toEqual({ email: 0, sms: 0 });
    expect(texts).toHaveLength(1);
  });

  it.skipIf(engine === "pglite")(
    "sends each reminder exactly once when two app processes run the job at the same moment (PostgreSQL)",
    async () => {
      const second = await openDatabase({ command: "test", dataDir: "", databaseUrl: serverUrlOf(database) });
      const secondTexts: SmsMessage[] = [];
      const other = await buildTestApp(second, {
        now: clock.now,
        sms: { kind: "log", available: true, send: async (m) => void secondTexts.push(m) },
      });
      try {
        const before = (await outbox()).length;
        // Sunday 17:05: Monday 2026-11-30 18:00 is due its day-before reminders (Ana, Bea; Bea also by SMS).
        clock.advanceMinutes((Date.parse("2026-11-29T22:05:00Z") - clock.now().getTime()) / 60_000);
        const runs = await Promise.all([
          app.reminders.sendDueReminders(),
          other.reminders.sendDueReminders(),
          app.reminders.sendDueReminders(),
          other.reminders.sendDueReminders(),
        ]);
        expect(runs.reduce((sum, r) => sum + r.email, 0)).toBe(2);
        expect(runs.reduce((sum, r) => sum + r.sms, 0)).toBe(1);
        expect(texts.length - 1 + secondTexts.length).toBe(1);
        const monday = (await deliveries()).filter((d) => d.session_key === groupKey("2026-11-30T18:00"));
        expect(monday).toHaveLength(3);
        expect((await outbox()).length - before).toBe(2);
      } finally {
        await other.close();
        await second.close();
      }
    },
  );
});

function serverUrlOf(database: DatabaseHandle): string {
  const client = (database.db as unknown as { $client: { options: { connectionString: string } } }).$client;
  return client.options.connectionString;
}
