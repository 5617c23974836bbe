import { z } from "zod";
import { localDateSchema } from "./track-pattern.schema";
import { AUDIENCES } from "./tracks.schema";

/**
 * Enrollment in a track over the API: placing a participant's current episode in a track from a
 * date (a waitlisted place when the track is full and the request allows it), moving between tracks
 * mid-episode, leaving a track or the waitlist, and admitting from the waitlist. The rules are in
 * `enrollment.rules.ts`; this file only shapes requests and responses.
 */

export const ENROLLMENT_STATUSES = ["enrolled", "waitlisted", "exited"] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

/** The exit reasons Bridgeway writes itself; staff give their own words when they end a place. */
export const EXIT_REASON_MOVED = "moved";
export const EXIT_REASON_DISCHARGED = "discharged";

const trackIdSchema = z.uuid("Choose a track.");
const waitlistIfFullSchema = z
  .boolean({ message: "Say whether to add the participant to the waitlist when the track is full." })
  .default(false);

/** Place the participant's current episode in a track from a date. */
export const enrollmentPlacementSchema = z.object({
  trackId: trackIdSchema,
  joinOn: localDateSchema,
  /** When the track is full: false answers TRACK_FULL; true puts the participant on its waitlist. */
  waitlistIfFull: waitlistIfFullSchema,
});
export type EnrollmentPlacement = z.infer<typeof enrollmentPlacementSchema>;

/** Move the participant's open place to another track from a date (the old place ends that day). */
export const enrollmentMoveSchema = z.object({
  trackId: trackIdSchema,
  on: localDateSchema,
  waitlistIfFull: waitlistIfFullSchema,
});
export type EnrollmentMove = z.infer<typeof enrollmentMoveSchema>;

/** End a place in a track, or take someone off the waitlist, on a date and for a stated reason. */
export const enrollmentExitSchema = z.object({
  on: localDateSchema,
  reason: z
    .string({ message: "Say why the participant leaves the track." })
    .trim()
    .min(3, "Say why the participant leaves the track, in a few words.")
    .max(300, "Keep the reason under 300 characters."),
});
export type EnrollmentExit = z.infer<typeof enrollmentExitSchema>;

/** Give a waitlisted participant a place from a date. */
export const admitFromWaitlistSchema = z.object({ joinOn: localDateSchema });
export type AdmitFromWaitlist = z.infer<typeof admitFromWaitlistSchema>;

export const enrollmentIdParamsSchema = z.object({ id: z.uuid("No such enrollment.") });

export const trackEnrollmentsQuerySchema = z.object({
  /** Places taken as of this date (default: today in the track's time zone). */
  on: localDateSchema.optional(),
});

const trackRefSchema = z.object({ id: z.uuid(), name: z.string() });

/** One stay in a track (or on its waitlist) during an episode. */
export const enrollmentSchema = z.object({
  id: z.uuid(),
  episodeId: z.uuid(),
  track: trackRefSchema,
  status: z.enum(ENROLLMENT_STATUSES),
  joinedOn: z.string().nullable(),
  exitedOn: z.string().nullable(),
  exitReason: z.string().nullable(),
  waitlistedAt: z.string().nullable(),
  /** 1 for the first in line; null when not waiting. */
  waitlistPosition: z.number().int().nullable(),
});
export type Enrollment = z.infer<typeof enrollmentSchema>;

/**
 * A place just given: the enrollment, with what the program wants staff to know about it (e.g. the
 * treatment plan is not signed yet, under the program's `warn` rule on group scheduling).
 */
export const placedEnrollmentSchema = enrollmentSchema.extend({ warnings: z.array(z.string()) });
export type PlacedEnrollment = z.infer<typeof placedEnrollmentSchema>;

/** A participant's places across tracks and episodes, oldest first. */
export const participantEnrollmentsSchema = z.object({
  participantId: z.uuid(),
  /** The episode new places go to (the one not discharged), if any. */
  currentEpisodeId: z.uuid().nullable(),
  enrollments: z.array(enrollmentSchema),
});
export type ParticipantEnrollments = z.infer<typeof participantEnrollmentsSchema>;

export const enrollmentMoveResultSchema = z.object({ left: enrollmentSchema, joined: enrollmentSchema });
export type EnrollmentMoveResult = z.infer<typeof enrollmentMoveResultSchema>;

/** A participant on a track's list: the name only where the reader may list participants. */
const listedParticipantSchema = z.object({ id: z.uuid(), name: z.string().nullable() });

export const trackEnrollmentsSchema = z.object({
  track: z.object({
    id: z.uuid(),
    name: z.string(),
    audience: z.enum(AUDIENCES),
    capacity: z.number().int(),
  }),
  /** The date the counts are for. */
  on: z.string(),
  placesTaken: z.number().int(),
  /** The most places taken on any date from `on` (future joins count from their date). */
  placesTakenAtMost: z.number().int(),
  /** Enrolled on `on` or from a later date, and anyone whose exit is still ahead. */
  enrolled: z.array(
    z.object({
      enrollmentId: z.uuid(),
      participant: listedParticipantSchema,
      joinedOn: z.string(),
      exitsOn: z.string().nullable(),
    }),
  ),
  /** First waitlisted first. */
  waitlist: z.array(
    z.object({
      enrollmentId: z.uuid(),
      position: z.number().int(),
      participant: listedParticipantSchema,
      waitlistedAt: z.string(),
    }),
  ),
});
export type TrackEnrollments = z.infer<typeof trackEnrollmentsSchema>;
