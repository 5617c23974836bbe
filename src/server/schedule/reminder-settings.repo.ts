import type { z } from "zod";
import {
  DEFAULT_REMINDER_SETTINGS,
  type ReminderSettings,
  reminderSettingsSchema,
} from "../../core/schedule/reminder-settings.schema";
import { readSettings, writeSetting } from "../access/access.sql";
import type { Queryable } from "../db/connection";

/** Stored as app_settings rows (JSON), one per field, so each falls back to its default alone. */
const NAMES = {
  dayBefore: "reminders_day_before",
  sameDay: "reminders_same_day",
  channels: "reminders_channels",
  videoLinkInEmail: "reminders_video_link_in_email",
  contactPhone: "reminders_contact_phone",
} as const satisfies Record<keyof ReminderSettings, string>;

const FIELDS = Object.keys(NAMES) as (keyof ReminderSettings)[];

function parsed(raw: string | undefined): unknown {
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** The program's reminder settings; a field never saved, or no longer valid, reads as its default. */
export async function readReminderSettings(q: Queryable): Promise<ReminderSettings> {
  const stored = await readSettings(q, Object.values(NAMES));
  const settings: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const schema = reminderSettingsSchema.shape[field] as z.ZodType;
    const one = schema.safeParse(parsed(stored.get(NAMES[field])));
    settings[field] = one.success ? one.data : DEFAULT_REMINDER_SETTINGS[field];
  }
  return settings as ReminderSettings;
}

export async function writeReminderSettings(
  q: Queryable,
  settings: ReminderSettings,
  at: Date,
): Promise<void> {
  for (const field of FIELDS) await writeSetting(q, NAMES[field], JSON.stringify(settings[field]), at);
}
