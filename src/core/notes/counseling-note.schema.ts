import { z } from "zod";

/**
 * SUD counseling notes (42 CFR Part 2 as amended in 2024, §2.11 and §2.31(b)): notes a counselor
 * keeps to analyse the conversation in a session, separated from the rest of the record. They are
 * never part of the chart's notes, exports, family views or a routine disclosure; only a consent that
 * names them (and no other kind of record but other counseling notes) lets them out, and such consent
 * can never be a condition of treatment (issue 10). Readable by their author and by roles the
 * program's policy allows (`counseling_notes.view`), each read audited.
 */
export const counselingNoteContentSchema = z.object({
  body: z
    .string({ message: "The note must be text." })
    .max(20000, "Keep a counseling note to 20,000 characters."),
});
export type CounselingNoteContent = z.infer<typeof counselingNoteContentSchema>;
