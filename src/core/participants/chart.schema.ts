import { z } from "zod";

const isoDate = z.iso.date("Use a date like 2026-11-23.");

export const levelChangeInputSchema = z.object({
  toLevel: z.string().trim().min(1, "Choose the new level of care."),
  changedOn: isoDate,
  reason: z
    .string()
    .trim()
    .min(5, "Say why the level changes, in a few words.")
    .max(500, "Use at most 500 characters."),
});
export type LevelChangeInput = z.infer<typeof levelChangeInputSchema>;

/** Problems with a level change that need the episode: dates inside it, a real change, an open episode. */
export function checkLevelChange(
  input: LevelChangeInput,
  episode: {
    levelOfCare: string;
    admittedOn: string;
    dischargedOn: string | null;
    lastChangeOn: string | null;
  },
  context: { today: string; levels: readonly string[] },
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (episode.dischargedOn)
    problems.push({ path: "changedOn", message: "This episode is closed; its level of care cannot change." });
  if (!context.levels.includes(input.toLevel)) {
    problems.push({
      path: "toLevel",
      message: `Choose one of the levels this program offers: ${context.levels.join(", ")}.`,
    });
  } else if (input.toLevel === episode.levelOfCare) {
    problems.push({
      path: "toLevel",
      message: `The participant is already at level ${episode.levelOfCare}.`,
    });
  }
  if (input.changedOn > context.today)
    problems.push({ path: "changedOn", message: "The change cannot be dated in the future." });
  const floor =
    episode.lastChangeOn && episode.lastChangeOn > episode.admittedOn
      ? episode.lastChangeOn
      : episode.admittedOn;
  if (input.changedOn < floor) {
    problems.push({
      path: "changedOn",
      message: `The change cannot be dated before ${floor} (the admission or the last change).`,
    });
  }
  return problems;
}

export const sobrietyDateInputSchema = z.object({
  sobrietyOn: isoDate.nullable(),
  /** A restart of the counter after a lapse (not a correction): the date must be after the current one. */
  restart: z.boolean().optional(),
  /** Kind words that go with a restart (shown to the participant in their history). */
  message: z.string().trim().max(300, { message: "Keep the message to 300 characters." }).optional(),
});
export type SobrietyDateInput = z.infer<typeof sobrietyDateInputSchema>;

export function checkSobrietyDate(
  sobrietyOn: string | null,
  bornOn: string,
  today: string,
): { path: string; message: string }[] {
  if (sobrietyOn === null) return [];
  if (sobrietyOn > today)
    return [{ path: "sobrietyOn", message: "The sobriety date cannot be in the future." }];
  if (sobrietyOn < bornOn)
    return [{ path: "sobrietyOn", message: "The sobriety date cannot be before the date of birth." }];
  return [];
}
