import { Temporal } from "temporal-polyfill";
import type { Locale } from "../identity/identity.schema";
import { daysBetween } from "../platform/dates";
import type { ReminderSessionKind } from "./reminders.rules";

/**
 * The words of a session reminder, in the participant's language, with the date and times in the
 * site's zone. A reminder is read on lock screens and shared inboxes, so it carries **no clinical
 * detail**: never the track's name (it may say "dual diagnosis"), the kind of appointment or any
 * diagnosis — only "your group session" or "your appointment", when and where, the program's name
 * (in the email body, not the subject) and how to reach the program. A video link is included only
 * when the program allows it in email (`videoLinkInEmail`), never by SMS.
 */

export interface ReminderMessageInput {
  locale: Locale;
  kind: ReminderSessionKind;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  /** When the message is written: "today" and "tomorrow" are counted from it. */
  now: Date;
  /** How the participant is greeted: their preferred name, else their given name. */
  firstName: string;
  programName: string;
  siteName: string;
  /** A room or place in words; for a session held by video, its link (or nothing). */
  location: string;
  telehealth: boolean;
  /** The program setting: may an email carry a video link. */
  videoLinkInEmail: boolean;
  /** The number to call; null when the program has none on record. */
  contactPhone: string | null;
}

const WEEKDAYS: Record<Locale, readonly string[]> = {
  en: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
  es: ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
};
const MONTHS: Record<Locale, readonly string[]> = {
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
  es: [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
  ],
};

interface LocalMoment {
  date: string;
  weekday: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function local(instant: string | Date, zone: string): LocalMoment {
  const ms = typeof instant === "string" ? Date.parse(instant) : instant.getTime();
  const z = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone);
  return {
    date: z.toPlainDate().toString(),
    weekday: z.dayOfWeek,
    month: z.month,
    day: z.day,
    hour: z.hour,
    minute: z.minute,
  };
}

/** "6:00 PM" in English (the US clock), "18:00" in Spanish. */
export function formatTime(locale: Locale, m: { hour: number; minute: number }): string {
  const minutes = String(m.minute).padStart(2, "0");
  if (locale === "es") return `${String(m.hour).padStart(2, "0")}:${minutes}`;
  const hour12 = m.hour % 12 === 0 ? 12 : m.hour % 12;
  return `${hour12}:${minutes} ${m.hour < 12 ? "AM" : "PM"}`;
}

/** "Tuesday, November 24" / "martes 24 de noviembre". */
export function formatDate(locale: Locale, m: { weekday: number; month: number; day: number }): string {
  const weekday = WEEKDAYS[locale][m.weekday - 1]!;
  const month = MONTHS[locale][m.month - 1]!;
  return locale === "es" ? `${weekday} ${m.day} de ${month}` : `${weekday}, ${month} ${m.day}`;
}

function isVideoLink(location: string): boolean {
  return /^https:\/\/\S+$/i.test(location.trim());
}

interface Parts {
  start: LocalMoment;
  end: LocalMoment;
  /** 0 today, 1 tomorrow, otherwise further away. */
  daysAway: number;
}

function partsOf(input: ReminderMessageInput): Parts {
  const start = local(input.startsAt, input.timeZone);
  const end = local(input.endsAt, input.timeZone);
  return { start, end, daysAway: daysBetween(local(input.now, input.timeZone).date, start.date) };
}

const TEXT = {
  en: {
    session: (kind: ReminderSessionKind) => (kind === "group" ? "group session" : "appointment"),
    when: ({ daysAway, start }: Parts) =>
      daysAway === 0
        ? `today, ${formatDate("en", start)}`
        : daysAway === 1
          ? `tomorrow, ${formatDate("en", start)}`
          : `on ${formatDate("en", start)}`,
    whenShort: ({ daysAway, start }: Parts) =>
      daysAway === 0 ? "today" : daysAway === 1 ? "tomorrow" : `on ${formatDate("en", start)}`,
    subject: (what: string, when: string, time: string) => `Reminder: your ${what} ${when} at ${time}`,
    greeting: (name: string) => (name ? `Hello ${name},` : "Hello,"),
    line: (what: string, when: string, from: string, to: string) =>
      `This is a reminder that your ${what} is ${when}, from ${from} to ${to}.`,
    where: "Where",
    byVideo: "by video",
    linkNotHere:
      "For privacy, the video link is not in this email: find it in Bridgeway or ask your program for it.",
    program: "Program",
    call: (phone: string) => `Can't come, or running late? Please call ${phone}.`,
    noPhone: "Can't come, or running late? Please let your program know.",
    footer: (program: string) => `This is an automatic reminder from ${program}. Please do not reply to it.`,
    sms: (what: string, when: string, time: string, place: string, contact: string) =>
      `Reminder: your ${what} is ${when} at ${time}${place ? `, ${place}` : ""}.${contact}`,
    smsCall: (phone: string) => ` Can't come? Call ${phone}.`,
  },
  es: {
    session: (kind: ReminderSessionKind) => (kind === "group" ? "sesión de grupo" : "cita"),
    when: ({ daysAway, start }: Parts) =>
      daysAway === 0
        ? `hoy, ${formatDate("es", start)}`
        : daysAway === 1
          ? `mañana, ${formatDate("es", start)}`
          : `el ${formatDate("es", start)}`,
    whenShort: ({ daysAway, start }: Parts) =>
      daysAway === 0 ? "hoy" : daysAway === 1 ? "mañana" : `el ${formatDate("es", start)}`,
    subject: (what: string, when: string, time: string) =>
      `Recordatorio: su ${what} ${when} ${time.startsWith("01:") ? "a la" : "a las"} ${time}`,
    greeting: (name: string) => (name ? `Hola, ${name}:` : "Hola:"),
    line: (what: string, when: string, from: string, to: string) =>
      `Le recordamos que su ${what} es ${when}, de ${from} a ${to}.`,
    where: "Lugar",
    byVideo: "por video",
    linkNotHere:
      "Por privacidad, el enlace del video no va en este correo: búsquelo en Bridgeway o pídaselo a su programa.",
    program: "Programa",
    call: (phone: string) => `¿No puede venir o llegará tarde? Llame al ${phone}.`,
    noPhone: "¿No puede venir o llegará tarde? Avísele a su programa.",
    footer: (program: string) =>
      `Este es un recordatorio automático de ${program}. Por favor, no responda a este mensaje.`,
    sms: (what: string, when: string, time: string, place: string, contact: string) =>
      `Recordatorio: su ${what} es ${when} ${time.startsWith("01:") ? "a la" : "a las"} ${time}${place ? `, ${place}` : ""}.${contact}`,
    smsCall: (phone: string) => ` ¿No puede venir? Llame al ${phone}.`,
  },
} as const;

/** "Room 2, Downtown" — the room or place and the site. */
function placeInWords(input: ReminderMessageInput): string {
  const room = input.location.trim();
  return [room, input.siteName.trim()].filter(Boolean).join(", ");
}

/** The email: subject without the program's name (it shows on lock screens), body with it. */
export function composeReminderEmail(input: ReminderMessageInput): { subject: string; text: string } {
  const t = TEXT[input.locale];
  const parts = partsOf(input);
  const what = t.session(input.kind);
  const from = formatTime(input.locale, parts.start);
  const to = formatTime(input.locale, parts.end);
  const lines = [t.greeting(input.firstName.trim()), "", t.line(what, t.when(parts), from, to), ""];
  if (input.telehealth) {
    const link = input.location.trim();
    if (input.videoLinkInEmail && isVideoLink(link)) {
      lines.push(`${t.where}: ${t.byVideo}, ${link}`);
    } else {
      lines.push(`${t.where}: ${t.byVideo}.`, t.linkNotHere);
    }
  } else {
    const place = placeInWords(input);
    if (place) lines.push(`${t.where}: ${place}`);
  }
  lines.push(`${t.program}: ${input.programName}`, "");
  lines.push(input.contactPhone ? t.call(input.contactPhone) : t.noPhone, "", t.footer(input.programName));
  return { subject: t.subject(what, t.whenShort(parts), from), text: lines.join("\n") };
}

/** The text message: short, no program name, no link. */
export function composeReminderSms(input: ReminderMessageInput): string {
  const t = TEXT[input.locale];
  const parts = partsOf(input);
  const place = input.telehealth ? t.byVideo : input.location.trim();
  return t.sms(
    t.session(input.kind),
    t.whenShort(parts),
    formatTime(input.locale, parts.start),
    place,
    input.contactPhone ? t.smsCall(input.contactPhone) : "",
  );
}
