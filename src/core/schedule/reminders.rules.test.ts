import { describe, expect, it } from "vitest";
import { composeReminderEmail, composeReminderSms, type ReminderMessageInput } from "./reminder-message";
import {
  DEFAULT_REMINDER_SETTINGS,
  type ReminderSettings,
  reminderSettingsSchema,
} from "./reminder-settings.schema";
import {
  dueMoments,
  findDueReminders,
  type ReminderSession,
  reminderWindow,
  upcomingGroupSessions,
} from "./reminders.rules";
import type { Series } from "./track-pattern.schema";

const NY = "America/New_York";

function session(startsAt: string, endsAt: string, timeZone = NY): ReminderSession {
  return {
    key: "group:t1:x",
    kind: "group",
    startsAt,
    endsAt,
    localDate: startsAt.slice(0, 10),
    timeZone,
  };
}

function settings(change: Partial<ReminderSettings> = {}): ReminderSettings {
  return { ...DEFAULT_REMINDER_SETTINGS, ...change };
}

const iso = (ms: number) => new Date(ms).toISOString();

// Tuesday 2026-11-24 18:00–21:00 in New York (EST, UTC−5).
const TUESDAY_EVENING = session("2026-11-24T23:00:00.000Z", "2026-11-25T02:00:00.000Z");

describe("reminder windows", () => {
  it("opens the day-before reminder at the set local hour and closes it at local midnight", () => {
    const window = reminderWindow(TUESDAY_EVENING, "day_before", settings())!;
    expect(iso(window.opensAt)).toBe("2026-11-23T22:00:00.000Z"); // Monday 17:00 EST
    expect(iso(window.closesAt)).toBe("2026-11-24T05:00:00.000Z"); // Tuesday 00:00 EST
  });

  it("opens the same-day reminder the set hours before and closes it at the start", () => {
    const window = reminderWindow(TUESDAY_EVENING, "same_day", settings())!;
    expect(iso(window.opensAt)).toBe("2026-11-24T21:00:00.000Z");
    expect(iso(window.closesAt)).toBe("2026-11-24T23:00:00.000Z");
  });

  it.each([
    ["2026-11-23T21:59:00Z", []],
    ["2026-11-23T22:00:00Z", ["day_before"]],
    ["2026-11-24T04:59:00Z", ["day_before"]],
    ["2026-11-24T05:00:00Z", []],
    ["2026-11-24T20:59:00Z", []],
    ["2026-11-24T21:00:00Z", ["same_day"]],
    ["2026-11-24T22:59:00Z", ["same_day"]],
    // Never once the session has started.
    ["2026-11-24T23:00:00Z", []],
    ["2026-11-25T01:00:00Z", []],
  ])("at %s the due moments are %j", (now, expected) => {
    expect(dueMoments(TUESDAY_EVENING, settings(), new Date(now))).toEqual(expected);
  });

  it("counts the day-before hour in local time across the spring-forward change", () => {
    // Monday 2026-03-09 18:00 EDT; the day before (Sunday) is the day the clocks go forward.
    const monday = session("2026-03-09T22:00:00.000Z", "2026-03-10T01:00:00.000Z");
    const window = reminderWindow(monday, "day_before", settings())!;
    expect(iso(window.opensAt)).toBe("2026-03-08T21:00:00.000Z"); // 17:00 EDT
    expect(iso(window.closesAt)).toBe("2026-03-09T04:00:00.000Z"); // 00:00 EDT
  });

  it("counts the day-before hour in local time across the fall-back change", () => {
    // Monday 2026-11-02 18:00 EST; the clocks went back on Sunday 2026-11-01.
    const monday = session("2026-11-02T23:00:00.000Z", "2026-11-03T02:00:00.000Z");
    const window = reminderWindow(monday, "day_before", settings())!;
    expect(iso(window.opensAt)).toBe("2026-11-01T22:00:00.000Z"); // 17:00 EST
    expect(iso(window.closesAt)).toBe("2026-11-02T05:00:00.000Z");
  });

  it("works the same in a zone without DST", () => {
    // Phoenix (UTC−7 all year): Tuesday 2026-07-14 09:00.
    const morning = session("2026-07-14T16:00:00.000Z", "2026-07-14T19:00:00.000Z", "America/Phoenix");
    expect(iso(reminderWindow(morning, "day_before", settings())!.opensAt)).toBe("2026-07-14T00:00:00.000Z");
    expect(iso(reminderWindow(morning, "same_day", settings())!.opensAt)).toBe("2026-07-14T14:00:00.000Z");
  });

  it("never overlaps the two: the day-before window ends when the same-day one opens", () => {
    // 00:30 on Tuesday: the same-day reminder opens at 22:30 on Monday.
    const night = session("2026-11-24T05:30:00.000Z", "2026-11-24T06:30:00.000Z");
    const window = reminderWindow(night, "day_before", settings())!;
    expect(iso(window.closesAt)).toBe("2026-11-24T03:30:00.000Z");
    // A day-before hour after that leaves no day-before reminder at all.
    const late = settings({ dayBefore: { enabled: true, at: "23:00" } });
    expect(reminderWindow(night, "day_before", late)).toBeNull();
    expect(reminderWindow(night, "same_day", late)).not.toBeNull();
  });

  it("keeps the day-before reminder open to the start when the same-day one is off, within the day before", () => {
    const early = session("2026-11-24T13:00:00.000Z", "2026-11-24T16:00:00.000Z"); // 08:00 EST
    const off = settings({ sameDay: { enabled: false, hoursBefore: 2 } });
    expect(iso(reminderWindow(early, "day_before", off)!.closesAt)).toBe("2026-11-24T05:00:00.000Z");
    expect(reminderWindow(early, "same_day", off)).toBeNull();
  });

  it("sends nothing for a moment that is switched off", () => {
    const none = settings({
      dayBefore: { enabled: false, at: "17:00" },
      sameDay: { enabled: false, hoursBefore: 2 },
    });
    expect(dueMoments(TUESDAY_EVENING, none, new Date("2026-11-23T22:00:00Z"))).toEqual([]);
    expect(dueMoments(TUESDAY_EVENING, none, new Date("2026-11-24T22:00:00Z"))).toEqual([]);
  });
});

describe("due reminders", () => {
  const now = new Date("2026-11-23T22:05:00Z");
  const other = { ...TUESDAY_EVENING, key: "appointment:a1", kind: "appointment" as const };
  const reachable = (participantId: string, email: string | null, phone: string | null) => ({
    participantId,
    email,
    phone,
  });

  it("sends each due moment on each channel the program uses and the person can be reached by", () => {
    const due = findDueReminders({
      now,
      settings: settings({ channels: { email: true, sms: true } }),
      smsAvailable: true,
      attendances: [
        { session: TUESDAY_EVENING, recipient: reachable("p2", "b@example.org", "555 0100") },
        { session: TUESDAY_EVENING, recipient: reachable("p1", "a@example.org", null) },
        { session: other, recipient: reachable("p3", null, null) },
      ],
    });
    expect(due).toEqual([
      { sessionKey: "group:t1:x", participantId: "p1", moment: "day_before", channel: "email" },
      { sessionKey: "group:t1:x", participantId: "p2", moment: "day_before", channel: "email" },
      { sessionKey: "group:t1:x", participantId: "p2", moment: "day_before", channel: "sms" },
    ]);
  });

  it("sends no SMS when the installation has no SMS channel or the program does not use it", () => {
    const attendances = [{ session: TUESDAY_EVENING, recipient: reachable("p1", null, "555 0100") }];
    const sms = settings({ channels: { email: true, sms: true } });
    expect(findDueReminders({ now, settings: sms, smsAvailable: false, attendances })).toEqual([]);
    expect(findDueReminders({ now, settings: settings(), smsAvailable: true, attendances })).toEqual([]);
  });
});

describe("upcoming group sessions", () => {
  // Mon/Tue/Thu 18:00–21:00 in New York.
  const series: Series = {
    timeZone: NY,
    startsOn: "2026-01-05",
    endsOn: null,
    pattern: {
      slots: [
        { weekday: 1, start: "18:00", end: "21:00" },
        { weekday: 2, start: "18:00", end: "21:00" },
        { weekday: 4, start: "18:00", end: "21:00" },
      ],
    },
  };
  const now = new Date("2026-11-23T20:00:00Z"); // Monday 15:00 EST

  it("lists the sessions starting after now within the horizon, in the site's zone", () => {
    const sessions = upcomingGroupSessions({ id: "t1", series, exceptions: [], timeZone: NY }, now);
    expect(sessions.map((s) => [s.key, s.startsAt, s.localDate])).toEqual([
      ["group:t1:2026-11-23T18:00", "2026-11-23T23:00:00.000Z", "2026-11-23"],
      ["group:t1:2026-11-24T18:00", "2026-11-24T23:00:00.000Z", "2026-11-24"],
    ]);
  });

  it("leaves out a cancelled session and reminds a moved one at its new time", () => {
    const sessions = upcomingGroupSessions(
      {
        id: "t1",
        series,
        exceptions: [
          { kind: "cancelled", on: { date: "2026-11-23", start: "18:00" }, reason: "Holiday" },
          {
            kind: "moved",
            on: { date: "2026-11-24", start: "18:00" },
            reason: "Room repairs",
            movedTo: { date: "2026-11-24", start: "10:00", end: "13:00" },
          },
        ],
        timeZone: NY,
      },
      now,
    );
    expect(sessions.map((s) => [s.key, s.startsAt])).toEqual([
      ["group:t1:2026-11-24T18:00", "2026-11-24T15:00:00.000Z"],
    ]);
  });

  it("leaves out a session that has started", () => {
    const during = new Date("2026-11-23T23:30:00Z");
    const sessions = upcomingGroupSessions({ id: "t1", series, exceptions: [], timeZone: NY }, during);
    expect(sessions[0]!.key).toBe("group:t1:2026-11-24T18:00");
  });

  it("leaves out a session whose local time does not exist", () => {
    const gap: Series = { ...series, pattern: { slots: [{ weekday: 7, start: "02:30", end: "03:30" }] } };
    const before = new Date("2026-03-07T12:00:00Z");
    expect(upcomingGroupSessions({ id: "t1", series: gap, exceptions: [], timeZone: NY }, before)).toEqual(
      [],
    );
  });
});

describe("reminder messages", () => {
  const base: ReminderMessageInput = {
    locale: "en",
    kind: "group",
    startsAt: "2026-11-24T23:00:00.000Z",
    endsAt: "2026-11-25T02:00:00.000Z",
    timeZone: NY,
    now: new Date("2026-11-23T22:05:00Z"),
    firstName: "Ana",
    programName: "Riverside Recovery",
    siteName: "Downtown",
    location: "Room 2",
    telehealth: false,
    videoLinkInEmail: false,
    contactPhone: "555-0100",
  };

  it("says when and where in English, in the site's zone, with how to reach the program", () => {
    const mail = composeReminderEmail(base);
    expect(mail.subject).toBe("Reminder: your group session tomorrow at 6:00 PM");
    expect(mail.text).toContain(
      "This is a reminder that your group session is tomorrow, Tuesday, November 24, from 6:00 PM to 9:00 PM.",
    );
    expect(mail.text).toContain("Where: Room 2, Downtown");
    expect(mail.text).toContain("Program: Riverside Recovery");
    expect(mail.text).toContain("Please call 555-0100.");
    expect(mail.subject).not.toContain("Riverside");
  });

  it("says it in Spanish for a participant who prefers Spanish", () => {
    const mail = composeReminderEmail({ ...base, locale: "es", kind: "appointment" });
    expect(mail.subject).toBe("Recordatorio: su cita mañana a las 18:00");
    expect(mail.text).toContain(
      "Le recordamos que su cita es mañana, martes 24 de noviembre, de 18:00 a 21:00.",
    );
    expect(mail.text).toContain("Lugar: Room 2, Downtown");
    expect(mail.text).toContain("Llame al 555-0100.");
    expect(
      composeReminderEmail({ ...base, locale: "es", startsAt: "2026-11-24T06:00:00.000Z" }).subject,
    ).toBe("Recordatorio: su sesión de grupo mañana a la 01:00");
  });

  it("says 'today' on the day and names the date further ahead", () => {
    expect(composeReminderEmail({ ...base, now: new Date("2026-11-24T21:00:00Z") }).subject).toBe(
      "Reminder: your group session today at 6:00 PM",
    );
    expect(composeReminderEmail({ ...base, now: new Date("2026-11-22T21:00:00Z") }).subject).toBe(
      "Reminder: your group session on Tuesday, November 24 at 6:00 PM",
    );
  });

  it("keeps a video link out of the email unless the program allows it, and always out of SMS", () => {
    const video = { ...base, telehealth: true, location: "https://video.example.org/room/abc" };
    const hidden = composeReminderEmail(video);
    expect(hidden.text).not.toContain("https://");
    expect(hidden.text).toContain("Where: by video.");
    const shown = composeReminderEmail({ ...video, videoLinkInEmail: true });
    expect(shown.text).toContain("Where: by video, https://video.example.org/room/abc");
    expect(composeReminderSms({ ...video, videoLinkInEmail: true })).not.toContain("https://");
  });

  it("carries no clinical detail: only 'group session' or 'appointment'", () => {
    for (const kind of ["group", "appointment"] as const) {
      for (const locale of ["en", "es"] as const) {
        const mail = composeReminderEmail({ ...base, kind, locale });
        const all = `${mail.subject}\n${mail.text}\n${composeReminderSms({ ...base, kind, locale })}`;
        expect(all).not.toMatch(/diagnos|substance|addiction|alcohol|therapy|family|individual/i);
      }
    }
  });

  it("writes a short SMS without the program's name", () => {
    expect(composeReminderSms(base)).toBe(
      "Reminder: your group session is tomorrow at 6:00 PM, Room 2. Can't come? Call 555-0100.",
    );
    expect(composeReminderSms({ ...base, locale: "es", contactPhone: null })).toBe(
      "Recordatorio: su sesión de grupo es mañana a las 18:00, Room 2.",
    );
  });

  it("asks the person to contact the program when there is no number", () => {
    expect(composeReminderEmail({ ...base, contactPhone: null }).text).toContain(
      "Can't come, or running late? Please let your program know.",
    );
  });
});

describe("reminder settings", () => {
  it("accepts the defaults and names the field of a bad value", () => {
    expect(reminderSettingsSchema.parse(DEFAULT_REMINDER_SETTINGS)).toEqual(DEFAULT_REMINDER_SETTINGS);
    const bad = reminderSettingsSchema.safeParse({
      ...DEFAULT_REMINDER_SETTINGS,
      dayBefore: { enabled: true, at: "25:00" },
      sameDay: { enabled: true, hoursBefore: 0 },
      contactPhone: "call me",
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join("."))).toEqual([
      "dayBefore.at",
      "sameDay.hoursBefore",
      "contactPhone",
    ]);
  });
});
