import { z } from "zod";
import { programWeekSchema } from "./program-week";

/** The public program page: markdown written by staff, shown to anyone looking for help. */

export const PROGRAM_PAGE_MAX = 20_000;

export const programPageInputSchema = z.object({
  bodyMarkdown: z
    .string()
    .trim()
    .min(20, "Write at least a few sentences.")
    .max(PROGRAM_PAGE_MAX, `Use at most ${PROGRAM_PAGE_MAX.toLocaleString("en-US")} characters.`),
});

export const programPageSchema = z.object({
  siteId: z.uuid(),
  siteName: z.string(),
  bodyMarkdown: z.string(),
  /** What a week looks like, from the location's real tracks (empty until it has any). */
  week: programWeekSchema,
  /** Null while the page still shows Bridgeway's starting text. */
  updatedAt: z.iso.datetime().nullable(),
});
export type ProgramPage = z.infer<typeof programPageSchema>;

/** Starting text until staff write their own: plain, warm, and true of any IOP. */
export function defaultProgramPage(siteName: string): string {
  return [
    `# Intensive outpatient program at ${siteName}`,
    "",
    "An intensive outpatient program (IOP) is treatment for alcohol and drug use that fits around your life. You live at home, keep working or studying, and come to the program a few hours a day, three or more days a week.",
    "",
    "## Who it fits",
    "",
    "- People who want to cut down or stop and need more support than a weekly appointment.",
    "- People stepping down from detox, a hospital stay, residential treatment or a day program.",
    "- People who are safe to live at home while they get treatment.",
    "",
    "## What a week looks like",
    "",
    "Group sessions with a counselor three or more days a week, about three hours each time, plus regular one-to-one sessions. Groups cover coping skills, relapse prevention, and building a life in recovery. Families can take part when you want them to.",
    "",
    "## Cost and insurance",
    "",
    "Most health plans, including Medicaid and Medicare, cover intensive outpatient treatment. Ask us and we will check your coverage with you.",
    "",
    "## Talk to us",
    "",
    "Send us a question with the inquiry form and we will call you back. If you are in crisis, call or text 988. In an emergency, call 911.",
  ].join("\n");
}
