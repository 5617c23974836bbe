import { z } from "zod";
import { localTimeSchema } from "./track-pattern.schema";

/**
 * The program's reminder settings: a reminder the day before (at a local time of day), one on the
 * day (some hours before the session), the channels they go by, whether a video link may be put in
 * an email, and the phone number people are told to call. Shared by the API and the settings page.
 */

export const REMINDER_MOMENTS = ["day_before", "same_day"] as const;
export type ReminderMoment = (typeof REMINDER_MOMENTS)[number];

export const REMINDER_CHANNELS = ["email", "sms"] as const;
export type ReminderChannel = (typeof REMINDER_CHANNELS)[number];

/** How SMS leaves the server (SMS_CHANNEL): written to the log only (no provider), or not at all. */
export const SMS_CHANNEL_KINDS = ["log", "none"] as const;
export type SmsChannelKind = (typeof SMS_CHANNEL_KINDS)[number];

/** The longest a same-day reminder may go out before its session. */
export const MAX_HOURS_BEFORE = 12;

const HOURS_MESSAGE = `Choose a whole number of hours from 1 to ${MAX_HOURS_BEFORE}.`;
const PHONE = /^[0-9+().\- ]*$/;

export const reminderSettingsSchema = z.object({
  dayBefore: z.object(
    {
      enabled: z.boolean({ message: "Say whether to send a reminder the day before." }),
      /** Local time of day (the site's zone) on the day before the session. */
      at: localTimeSchema,
    },
    { message: "Set the day-before reminder." },
  ),
  sameDay: z.object(
    {
      enabled: z.boolean({ message: "Say whether to send a reminder on the day." }),
      hoursBefore: z
        .number({ message: HOURS_MESSAGE })
        .int(HOURS_MESSAGE)
        .min(1, HOURS_MESSAGE)
        .max(MAX_HOURS_BEFORE, HOURS_MESSAGE),
    },
    { message: "Set the reminder on the day." },
  ),
  channels: z.object(
    {
      email: z.boolean({ message: "Say whether reminders go by email." }),
      sms: z.boolean({ message: "Say whether reminders go by text message." }),
    },
    { message: "Choose the channels." },
  ),
  /**
   * Whether an email reminder for a session held by video may carry its link. Off by default: an
   * email can be forwarded or read by someone else, and a group's link lets anyone who has it join
   * and see the other participants. The link never goes by SMS.
   */
  videoLinkInEmail: z.boolean({ message: "Say whether video links may be put in emails." }),
  /** The number people are told to call when they cannot come; empty: the site's on-call line. */
  contactPhone: z
    .string({ message: "Give a phone number, or leave it empty." })
    .trim()
    .max(40, "Keep the phone number under 40 characters.")
    .regex(PHONE, "Use digits, spaces and + ( ) - . only."),
});
export type ReminderSettings = z.infer<typeof reminderSettingsSchema>;

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  dayBefore: { enabled: true, at: "17:00" },
  sameDay: { enabled: true, hoursBefore: 2 },
  channels: { email: true, sms: false },
  videoLinkInEmail: false,
  contactPhone: "",
};

/** What the settings page reads: the settings and how SMS leaves this installation. */
export const reminderSettingsViewSchema = reminderSettingsSchema.extend({
  smsChannel: z.enum(SMS_CHANNEL_KINDS),
});
export type ReminderSettingsView = z.infer<typeof reminderSettingsViewSchema>;
