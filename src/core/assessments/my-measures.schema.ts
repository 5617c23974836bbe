import { z } from "zod";

/**
 * `GET /me/measures`: a participant's own questionnaire totals over their latest episode, for the
 * friendly charts of "My plan and progress". Scores and dates only — no bands, flags or critical
 * answers: the participant sees how their answers moved, and talks about meaning with their counselor.
 */
export const myMeasuresSchema = z.object({
  measures: z.array(
    z.object({
      instrumentKey: z.string(),
      /** Which way is better, said plainly on the page. */
      direction: z.enum(["lower_is_better", "higher_is_better"]),
      range: z.object({ min: z.number(), max: z.number() }),
      /** Oldest first. */
      points: z.array(z.object({ on: z.iso.date(), score: z.number() })),
    }),
  ),
});
export type MyMeasures = z.infer<typeof myMeasuresSchema>;
