import { z } from "zod";
import { localDateSchema } from "../schedule/track-pattern.schema";

/**
 * Clinical notes (issue 8): what a note holds, as data. A group note has a shared part (module or
 * topic and a narrative written once) and one individualized entry per participant; an individual or
 * family note is written in one of three formats (DAP, BIRP, SOAP) with the session's details, the
 * plan objectives addressed, the interventions used and the plan for the next session. SUD
 * counseling notes (42 CFR Part 2) are a separate, restricted kind: counseling-note.schema.ts.
 *
 * A draft may be incomplete (autosave keeps whatever was typed); what a note needs before it can be
 * signed is checked by note.rules.ts, which names each missing piece.
 */

const text = (max: number, label: string) =>
  z
    .string({ message: `${label} must be text.` })
    .max(max, `${label} is too long: keep it to ${max} characters.`);

export const NOTE_KINDS = ["group", "individual", "family"] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];
export const noteKindSchema = z.enum(NOTE_KINDS);

/** draft (editable) → awaiting_cosign (a supervisee signed; frozen) → signed (immutable). */
export const NOTE_STATUSES = ["draft", "awaiting_cosign", "signed"] as const;
export type NoteStatus = (typeof NOTE_STATUSES)[number];
export const noteStatusSchema = z.enum(NOTE_STATUSES);

/** The formats of individual and family notes, and their sections in order. */
export const NOTE_FORMATS = ["DAP", "BIRP", "SOAP"] as const;
export type NoteFormat = (typeof NOTE_FORMATS)[number];
export const noteFormatSchema = z.enum(NOTE_FORMATS, { message: "Choose DAP, BIRP or SOAP." });

export const NOTE_SECTIONS = [
  "data",
  "assessment",
  "plan",
  "behavior",
  "intervention",
  "response",
  "subjective",
  "objective",
] as const;
export type NoteSection = (typeof NOTE_SECTIONS)[number];

export const SECTIONS_BY_FORMAT: Record<NoteFormat, readonly NoteSection[]> = {
  DAP: ["data", "assessment", "plan"],
  BIRP: ["behavior", "intervention", "response", "plan"],
  SOAP: ["subjective", "objective", "assessment", "plan"],
};

/** How much a participant took part in a group. */
export const PARTICIPATION_LEVELS = ["active", "when_prompted", "minimal", "none"] as const;
export type ParticipationLevel = (typeof PARTICIPATION_LEVELS)[number];
export const participationSchema = z.enum(PARTICIPATION_LEVELS, { message: "Choose how they took part." });

/** Progress on a plan objective seen in this session. */
export const NOTE_OBJECTIVE_PROGRESS = ["progressing", "no_change", "regressing"] as const;
export type NoteObjectiveProgress = (typeof NOTE_OBJECTIVE_PROGRESS)[number];

/** An objective of the participant's current plan addressed in the session, and what was seen. */
export const objectiveAddressedSchema = z.object({
  objectiveId: z.uuid("Choose an objective from the participant's current plan."),
  /** Null while the draft is being written; required to sign. */
  progress: z
    .enum(NOTE_OBJECTIVE_PROGRESS, { message: "Choose progressing, no change or regressing." })
    .nullable(),
  comment: text(1000, "The comment on the objective"),
});
export type ObjectiveAddressed = z.infer<typeof objectiveAddressedSchema>;

const objectivesAddressed = z
  .array(objectiveAddressedSchema)
  .max(10, "Link at most 10 objectives to one note.")
  .refine((list) => new Set(list.map((o) => o.objectiveId)).size === list.length, {
    message: "Each objective appears once.",
  });

/** The shared part of a group note: what the session was about, written once for everyone. */
export const groupSharedContentSchema = z.object({
  /** The curriculum module taught (its key and the version in use when the note was written), if any. */
  moduleKey: z.string().min(1).max(80).nullable(),
  moduleVersion: z.number().int().min(0).nullable(),
  /** The topic in words (defaults to the module's title; required to sign when there is no module). */
  topic: text(200, "The topic"),
  narrative: text(6000, "The shared narrative"),
});
export type GroupSharedContent = z.infer<typeof groupSharedContentSchema>;

export const EMPTY_GROUP_SHARED: GroupSharedContent = {
  moduleKey: null,
  moduleVersion: null,
  topic: "",
  narrative: "",
};

/**
 * One participant's individualized entry. Attendance and minutes are not here: they come from the
 * attendance record, which is edited only on the attendance page.
 */
export const groupEntryContentSchema = z.object({
  participation: participationSchema.nullable(),
  moodAffect: text(300, "Mood and affect"),
  /** What they contributed or practised. */
  contribution: text(3000, "What they contributed or practised"),
  objectives: objectivesAddressed,
  riskObservations: text(1500, "Risk observations"),
  followUp: z.boolean(),
  /** What to follow up on (required to sign when `followUp`). */
  followUpNote: text(500, "The follow-up"),
});
export type GroupEntryContent = z.infer<typeof groupEntryContentSchema>;

export const EMPTY_GROUP_ENTRY: GroupEntryContent = {
  participation: null,
  moodAffect: "",
  contribution: "",
  objectives: [],
  riskObservations: "",
  followUp: false,
  followUpNote: "",
};

/** Where an individual or family session took place. */
export const SESSION_SETTINGS = ["in_person", "video", "phone"] as const;
export type SessionSetting = (typeof SESSION_SETTINGS)[number];

/** Interventions a clinician can tick (plus free text). */
export const NOTE_INTERVENTIONS = [
  "cbt",
  "dbt_skills",
  "motivational_interviewing",
  "relapse_prevention",
  "psychoeducation",
  "trauma_informed",
  "family_systems",
  "mindfulness",
  "supportive",
  "case_management",
  "crisis_intervention",
  "safety_planning",
] as const;
export type NoteIntervention = (typeof NOTE_INTERVENTIONS)[number];

/** Someone besides the participant taking part (family sessions): a name and how they are related. */
export const sessionAttendeeSchema = z.object({
  name: z.string().trim().min(1, "Enter the person's name.").max(120, "Keep the name to 120 characters."),
  relationship: z
    .string()
    .trim()
    .min(1, "Say how they are related to the participant.")
    .max(60, "Keep the relationship to 60 characters."),
});

/** The content of an individual or family note (the format is the note's; only its sections count). */
export const sessionNoteContentSchema = z.object({
  setting: z.enum(SESSION_SETTINGS, { message: "Choose in person, video or phone." }),
  /** The room or place, or the video service, in words. */
  place: text(200, "The place"),
  /** Others present (family members in a family session). */
  attendees: z.array(sessionAttendeeSchema).max(12, "List at most 12 people."),
  sections: z.partialRecord(z.enum(NOTE_SECTIONS), text(6000, "A section")),
  objectives: objectivesAddressed,
  interventions: z.array(z.enum(NOTE_INTERVENTIONS)).max(NOTE_INTERVENTIONS.length),
  otherInterventions: text(300, "Other interventions"),
  nextSession: text(1500, "The plan for the next session"),
});
export type SessionNoteContent = z.infer<typeof sessionNoteContentSchema>;

export const EMPTY_SESSION_NOTE: SessionNoteContent = {
  setting: "in_person",
  place: "",
  attendees: [],
  sections: {},
  objectives: [],
  interventions: [],
  otherInterventions: "",
  nextSession: "",
};

/** An addendum: why (a correction, later information…) and what; signed on writing. */
export const addendumInputSchema = z.object({
  reason: z
    .string({ message: "Say why you are adding to a signed note." })
    .trim()
    .min(3, "Say why you are adding to a signed note (at least 3 characters).")
    .max(300, "Keep the reason to 300 characters."),
  body: z
    .string({ message: "Write the addendum." })
    .trim()
    .min(1, "Write the addendum.")
    .max(6000, "Keep the addendum to 6000 characters."),
  /** Group notes: the participant whose entry it concerns; omitted for the shared part. */
  entryParticipantId: z.uuid().optional(),
});
export type AddendumInput = z.infer<typeof addendumInputSchema>;

/** Re-authentication to sign: the password or a current authenticator code (exactly one). */
export const noteSignSchema = z
  .object({
    revision: z.number().int().min(1),
    /** Required when the author's account needs co-signature: the supervisor who will co-sign. */
    cosignerUserId: z.uuid("Choose a supervisor.").nullable().optional(),
    password: z.string().min(1, "Enter your password.").max(1024).optional(),
    code: z
      .string()
      .regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app.")
      .optional(),
  })
  .refine((v) => (v.password === undefined) !== (v.code === undefined), {
    message: "Enter your password or a code from your authenticator app.",
    path: ["password"],
  });
export type NoteSignInput = z.infer<typeof noteSignSchema>;

/** Re-authentication alone (co-signing, signing an addendum). */
export const reauthSchema = z
  .object({
    password: z.string().min(1, "Enter your password.").max(1024).optional(),
    code: z
      .string()
      .regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app.")
      .optional(),
  })
  .refine((v) => (v.password === undefined) !== (v.code === undefined), {
    message: "Enter your password or a code from your authenticator app.",
    path: ["password"],
  });

export const addendumSignSchema = z.intersection(addendumInputSchema, reauthSchema);

/** A signed addendum as shown with its note. */
export const addendumViewSchema = z.object({
  id: z.uuid(),
  reason: z.string(),
  body: z.string(),
  author: z.object({ id: z.uuid(), name: z.string() }),
  createdAt: z.iso.datetime(),
  /** Group notes: set when it concerns one participant's entry. */
  entryParticipantId: z.uuid().nullable(),
});
export type AddendumView = z.infer<typeof addendumViewSchema>;

export const signatureViewSchema = z.object({
  role: z.enum(["author", "supervisor"]),
  signer: z.object({ id: z.uuid(), name: z.string() }),
  method: z.enum(["password", "totp"]),
  signedAt: z.iso.datetime(),
});

export { localDateSchema };
