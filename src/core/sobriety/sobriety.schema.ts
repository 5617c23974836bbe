import { z } from "zod";

/** The longest message that may go with a restart of the counter. */
export const RESTART_MESSAGE_MAX = 300;

/** POST /me/sobriety/restart: the day the counter starts again, and a few words if the person wants. */
export const sobrietyRestartInputSchema = z.object({
  restartOn: z.iso.date({ message: "Choose the day to count from, like 2026-11-23." }),
  message: z
    .string()
    .trim()
    .max(RESTART_MESSAGE_MAX, { message: `Keep the message to ${RESTART_MESSAGE_MAX} characters.` })
    .default(""),
});
export type SobrietyRestartInput = z.infer<typeof sobrietyRestartInputSchema>;

/** Who made a change, as the participant sees it. */
export const SOBRIETY_CHANGE_AUTHORS = ["self", "care_team"] as const;

export const sobrietyHistoryItemSchema = z.object({
  /** A restart after a lapse, or a correction of the date by the care team. */
  kind: z.enum(["restart", "change"]),
  from: z.iso.date().nullable(),
  to: z.iso.date().nullable(),
  /** For a restart: the days the counter had reached (the count is remembered, not erased). */
  daysCounted: z.number().int().nullable(),
  message: z.string(),
  changedAt: z.iso.datetime(),
  by: z.enum(SOBRIETY_CHANGE_AUTHORS).nullable(),
});
export type SobrietyHistoryItem = z.infer<typeof sobrietyHistoryItemSchema>;

/** GET /me/sobriety: the counter and its history, newest first. */
export const mySobrietySchema = z.object({
  sobrietyOn: z.iso.date().nullable(),
  daysInRecovery: z.number().int().nullable(),
  /** Today in the site's time zone (the restart form's latest day). */
  today: z.iso.date(),
  history: z.array(sobrietyHistoryItemSchema),
});
export type MySobriety = z.infer<typeof mySobrietySchema>;
