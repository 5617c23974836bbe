import type { FastifyBaseLogger } from "fastify";
import { addDays } from "../../core/platform/dates";
import { DomainError } from "../../core/platform/errors";
import { composeReminderEmail, composeReminderSms } from "../../core/schedule/reminder-message";
import type { ReminderSettings, ReminderSettingsView } from "../../core/schedule/reminder-settings.schema";
import {
  appointmentSessionKey,
  type DueReminder,
  findDueReminders,
  localDateOf,
  type ReminderAttendance,
  type ReminderSession,
  reminderHorizon,
  upcomingGroupSessions,
} from "../../core/schedule/reminders.rules";
import { listExceptionsByTracks } from "../attendance/attendance.sql";
import { exceptionOf, seriesOf } from "../attendance/week-sessions";
import { type AuditContext, type AuditEntry, appendAudit, SYSTEM_CONTEXT } from "../audit/audit.service";
import type { Database } from "../db/connection";
import { enqueueMail } from "../platform/mail";
import type { SmsChannel } from "../platform/sms";
import { readReminderSettings, writeReminderSettings } from "./reminder-settings.repo";
import * as store from "./reminders.sql";

/**
 * Session reminders by email (through the mail outbox) and SMS (through the SmsChannel), sent by a
 * job every few minutes. What is due is decided by `reminders.rules.ts`; a delivery is recorded in
 * `reminder_deliveries` (unique per session, participant, moment and channel) and its email queued in
 * the same transaction only when the insert happened — so two app processes running the job at the
 * same moment send each reminder once. A text message is handed to the channel after that
 * transaction commits: at most once (a failed hand-over is logged by delivery id, not retried).
 *
 * Recipients: participants with an active account (its email) and, for SMS, a phone number on their
 * record. There is no opt-out field yet: everyone with an account receives email reminders while the
 * program sends them.
 */

/** Tracks read per batch, appointments per page, deliveries per transaction. */
const TRACK_BATCH = 25;
const APPOINTMENT_PAGE = 200;
const DELIVERY_BATCH = 50;

interface MessageContext {
  session: ReminderSession;
  place: store.ReminderTrackRow | store.ReminderAppointmentRow;
}

interface Recipient {
  participantId: string;
  firstName: string;
  language: "en" | "es";
  email: string | null;
  phone: string | null;
}

function recipientOf(row: store.EnrolledRecipientRow | store.ReminderAppointmentRow): Recipient {
  return {
    participantId: row.participant_id,
    firstName: row.first_name,
    language: row.language,
    email: row.email,
    phone: row.phone,
  };
}

const keyOf = (r: DueReminder) => `${r.sessionKey} ${r.participantId} ${r.moment} ${r.channel}`;

export interface ReminderRun {
  email: number;
  sms: number;
}

export function createRemindersService(deps: {
  db: Database;
  now: () => Date;
  sms: SmsChannel;
  log: FastifyBaseLogger;
  /** Called after emails were queued, so the outbox sends them without waiting for its poll. */
  onMailQueued: () => void;
}) {
  const { db, now, sms, log } = deps;

  async function view(): Promise<ReminderSettingsView> {
    return { ...(await readReminderSettings(db)), smsChannel: sms.kind };
  }

  /**
   * Record and send what is due among these attendances. Deliveries already recorded are skipped
   * before any transaction; the rest are inserted in batches, each email queued and each event
   * audited in the batch's transaction.
   */
  async function deliver(
    at: Date,
    settings: ReminderSettings,
    attendances: readonly ReminderAttendance[],
    contexts: ReadonlyMap<string, MessageContext>,
    recipients: ReadonlyMap<string, Recipient>,
    run: ReminderRun,
  ): Promise<void> {
    const due = findDueReminders({ now: at, settings, smsAvailable: sms.available, attendances });
    if (due.length === 0) return;
    const delivered = await store.listDeliveredKeys(db, [...new Set(due.map((r) => r.sessionKey))]);
    const pending = due.filter((r) => !delivered.has(keyOf(r)));
    for (let i = 0; i < pending.length; i += DELIVERY_BATCH) {
      const texts: { reference: string; to: string; body: string }[] = [];
      let emails = 0;
      await db.transaction(async (tx) => {
        const entries: AuditEntry[] = [];
        for (const reminder of pending.slice(i, i + DELIVERY_BATCH)) {
          const context = contexts.get(reminder.sessionKey)!;
          const recipient = recipients.get(reminder.participantId)!;
          const id = await store.insertDelivery(tx, { ...reminder, createdAt: at });
          if (!id) continue;
          const message = {
            locale: recipient.language,
            kind: context.session.kind,
            startsAt: context.session.startsAt,
            endsAt: context.session.endsAt,
            timeZone: context.session.timeZone,
            now: at,
            firstName: recipient.firstName,
            programName: context.place.program_name,
            siteName: context.place.site_name,
            location: context.place.location,
            telehealth: context.place.telehealth,
            videoLinkInEmail: settings.videoLinkInEmail,
            contactPhone: settings.contactPhone || context.place.site_phone.trim() || null,
          };
          if (reminder.channel === "email") {
            await enqueueMail(tx, { to: recipient.email!, ...composeReminderEmail(message) }, at);
            emails += 1;
          } else {
            texts.push({ reference: id, to: recipient.phone!, body: composeReminderSms(message) });
          }
          entries.push({
            action: "reminder.send",
            resourceType: "reminder_delivery",
            resourceId: id,
            participantId: reminder.participantId,
            purpose: "treatment",
            details: {
              sessionKey: reminder.sessionKey,
              moment: reminder.moment,
              channel: reminder.channel,
            },
          });
        }
        await appendAudit(tx, SYSTEM_CONTEXT, entries, at);
      });
      run.email += emails;
      for (const text of texts) {
        try {
          await sms.send(text);
          run.sms += 1;
        } catch (error) {
          log.warn(
            { reminderDelivery: text.reference, err: { message: (error as Error).message } },
            "text message reminder not handed to the SMS channel",
          );
        }
      }
    }
  }

  /** Group sessions of the tracks running around now, a batch of tracks at a time. */
  async function remindGroups(at: Date, settings: ReminderSettings, run: ReminderRun): Promise<void> {
    const { from, to } = reminderHorizon(at);
    // Local dates differ from UTC ones by at most a day either way.
    const firstDate = addDays(localDateOf(from, "UTC"), -2);
    const lastDate = addDays(localDateOf(to, "UTC"), 2);
    let afterId: string | null = null;
    for (;;) {
      const tracks = await store.listRunningTracks(db, firstDate, lastDate, afterId, TRACK_BATCH);
      if (tracks.length === 0) return;
      afterId = tracks.at(-1)!.id;
      const ids = tracks.map((t) => t.id);
      const [exceptions, enrolled] = await Promise.all([
        listExceptionsByTracks(db, ids),
        store.listEnrolledRecipients(db, ids, firstDate, lastDate),
      ]);
      const contexts = new Map<string, MessageContext>();
      const recipients = new Map<string, Recipient>();
      const attendances: ReminderAttendance[] = [];
      for (const track of tracks) {
        const sessions = upcomingGroupSessions(
          {
            id: track.id,
            series: seriesOf(track),
            exceptions: exceptions.filter((e) => e.track_id === track.id).map(exceptionOf),
            timeZone: track.site_time_zone,
          },
          at,
        );
        const members = enrolled.filter((e) => e.track_id === track.id);
        for (const session of sessions) {
          contexts.set(session.key, { session, place: track });
          for (const member of members) {
            // Enrolled on the day the session takes place, as its roster has it.
            if (member.joined_on > session.localDate) continue;
            if (member.exited_on !== null && member.exited_on < session.localDate) continue;
            const recipient = recipientOf(member);
            recipients.set(recipient.participantId, recipient);
            attendances.push({ session, recipient });
          }
        }
      }
      await deliver(at, settings, attendances, contexts, recipients, run);
      if (tracks.length < TRACK_BATCH) return;
    }
  }

  /** Scheduled appointments starting within the horizon, a page at a time. */
  async function remindAppointments(at: Date, settings: ReminderSettings, run: ReminderRun): Promise<void> {
    const { from, to } = reminderHorizon(at);
    let after: { startsAt: string; id: string } | null = null;
    for (;;) {
      const rows = await store.listUpcomingAppointments(db, from, to, after, APPOINTMENT_PAGE);
      if (rows.length === 0) return;
      const last = rows.at(-1)!;
      after = { startsAt: last.starts_at, id: last.id };
      const contexts = new Map<string, MessageContext>();
      const recipients = new Map<string, Recipient>();
      const attendances: ReminderAttendance[] = [];
      for (const row of rows) {
        const session: ReminderSession = {
          key: appointmentSessionKey(row.id),
          kind: "appointment",
          startsAt: row.starts_at,
          endsAt: row.ends_at,
          localDate: row.local_date,
          timeZone: row.site_time_zone,
        };
        const recipient = recipientOf(row);
        contexts.set(session.key, { session, place: row });
        recipients.set(recipient.participantId, recipient);
        attendances.push({ session, recipient });
      }
      await deliver(at, settings, attendances, contexts, recipients, run);
      if (rows.length < APPOINTMENT_PAGE) return;
    }
  }

  return {
    settings: view,

    /** Replace the settings (the body passed the schema), audited in the same transaction. */
    async updateSettings(input: ReminderSettings, context: AuditContext): Promise<ReminderSettingsView> {
      if (input.channels.sms && !sms.available) {
        throw new DomainError(
          "VALIDATION_FAILED",
          "This installation has no SMS channel (SMS_CHANNEL=none): text messages cannot be sent.",
          "channels.sms",
        );
      }
      const at = now();
      await db.transaction(async (tx) => {
        await writeReminderSettings(tx, input, at);
        await appendAudit(
          tx,
          context,
          {
            action: "settings.reminders_update",
            resourceType: "settings",
            purpose: "operations",
            details: {
              dayBefore: input.dayBefore.enabled ? input.dayBefore.at : null,
              sameDayHoursBefore: input.sameDay.enabled ? input.sameDay.hoursBefore : null,
              email: input.channels.email,
              sms: input.channels.sms,
              videoLinkInEmail: input.videoLinkInEmail,
            },
          },
          at,
        );
      });
      return view();
    },

    /**
     * Send every reminder due now (the job runs this every few minutes; tests call it with their
     * clock). Safe to run in several processes at once: each reminder goes out once.
     */
    async sendDueReminders(): Promise<ReminderRun> {
      const at = now();
      const run: ReminderRun = { email: 0, sms: 0 };
      const settings = await readReminderSettings(db);
      const anyMoment = settings.dayBefore.enabled || settings.sameDay.enabled;
      const anyChannel = settings.channels.email || (settings.channels.sms && sms.available);
      if (!anyMoment || !anyChannel) return run;
      await remindGroups(at, settings, run);
      await remindAppointments(at, settings, run);
      if (run.email > 0) deps.onMailQueued();
      return run;
    },
  };
}
export type RemindersService = ReturnType<typeof createRemindersService>;
