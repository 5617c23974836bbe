import { z } from "zod";
import { occurrenceKeySchema } from "../attendance/roster.schema";
import { MODULE_LANGUAGES } from "../curriculum/module.schema";

/**
 * Practice between sessions (issue 9, item 5): the participant's assignments from the curriculum
 * modules of the groups they attended, marked done with a short reflection the facilitator reads
 * before the next session.
 */

export const REFLECTION_MAX = 1000;

/** The language of the handout and practice: the page's, else the account's. */
export const practiceLanguageQuerySchema = z.object({
  language: z.enum(MODULE_LANGUAGES, { message: "Choose English (en) or Spanish (es)." }).optional(),
});

/** `PUT|DELETE /me/practice/:trackId/:occurrenceKey`. */
export const myPracticeParamsSchema = z.object({
  trackId: z.uuid("This is not a valid group id."),
  occurrenceKey: occurrenceKeySchema,
});

/** `PUT /me/practice/:trackId/:occurrenceKey`: mark the practice done, with an optional reflection. */
export const practiceDoneInputSchema = z.object({
  reflection: z
    .string({ message: "Write your reflection as text." })
    .trim()
    .max(REFLECTION_MAX, `Keep your reflection under ${REFLECTION_MAX} characters.`)
    .default(""),
});
export type PracticeDoneInput = z.infer<typeof practiceDoneInputSchema>;

export const practiceAssignmentSchema = z.object({
  track: z.object({ id: z.uuid(), name: z.string() }),
  occurrenceKey: z.string(),
  /** The local date the group met. */
  sessionDate: z.iso.date(),
  /** The module in the participant's language (English where a text has no translation). */
  module: z.object({
    key: z.string(),
    title: z.string(),
    handoutTitle: z.string(),
    /** Plain paragraphs and "- " lists, no other markup. */
    handout: z.string(),
    practice: z.string(),
    skills: z.array(z.string()),
  }),
  /** The newest assignment while it is still open: what to practise now. */
  current: z.boolean(),
  /** Whether it can still be marked done, changed or undone (until the next session of the group). */
  open: z.boolean(),
  /** When the next session of the group starts (the window closes); null when none is scheduled. */
  closesAt: z.string().nullable(),
  done: z.object({ completedAt: z.string(), reflection: z.string() }).nullable(),
});
export type PracticeAssignment = z.infer<typeof practiceAssignmentSchema>;

/** `GET /me/practice`: newest first. */
export const myPracticeSchema = z.object({ assignments: z.array(practiceAssignmentSchema) });
export type MyPractice = z.infer<typeof myPracticeSchema>;

/** `GET /tracks/:trackId/occurrences/:key/practice`: the roster's reflections from the session before. */
export const practiceReflectionsSchema = z.object({
  track: z.object({ id: z.uuid(), name: z.string() }),
  occurrenceKey: z.string(),
  /** The group's session before this one, whose practice the roster did; null for the first session. */
  previous: z
    .object({
      occurrenceKey: z.string(),
      sessionDate: z.iso.date(),
      module: z.object({ key: z.string(), title: z.string() }).nullable(),
    })
    .nullable(),
  people: z.array(
    z.object({
      participantId: z.uuid(),
      name: z.string(),
      /** Attended the previous session (present or late), so had its practice. */
      attended: z.boolean(),
      completion: z
        .object({
          id: z.uuid(),
          reflection: z.string(),
          completedAt: z.string(),
          readAt: z.string().nullable(),
          readBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
        })
        .nullable(),
    }),
  ),
});
export type PracticeReflections = z.infer<typeof practiceReflectionsSchema>;

/** `POST /tracks/:trackId/occurrences/:key/practice/read`. */
export const practiceReadInputSchema = z.object({
  completionIds: z
    .array(z.uuid("This is not a valid reflection id."), { message: "List the reflections to mark read." })
    .min(1, "Choose at least one reflection to mark read.")
    .max(200, "Mark at most 200 reflections read at once."),
});
export type PracticeReadInput = z.infer<typeof practiceReadInputSchema>;
