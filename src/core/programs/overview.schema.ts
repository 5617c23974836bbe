import { z } from "zod";

/** "Program at a glance" for staff: counts only, no participant details. */
export const programOverviewSchema = z.object({
  organisation: z.object({ name: z.string() }),
  sites: z.array(z.object({ id: z.uuid(), name: z.string(), currentParticipants: z.number().int() })),
  totals: z.object({
    currentParticipants: z.number().int(),
    pastParticipants: z.number().int(),
    staff: z.number().int(),
    tracks: z.number().int(),
  }),
});
export type ProgramOverview = z.infer<typeof programOverviewSchema>;
