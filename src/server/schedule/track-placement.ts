import { DomainError, type FieldError } from "../../core/platform/errors";
import {
  decidePlacement,
  describeFullTrack,
  orderWaitlist,
  planAdmissionJoin,
  type TakenPlace,
  type TrackFacts,
} from "../../core/schedule/enrollment.rules";
import type { Enrollment } from "../../core/schedule/enrollment.schema";
import { type AuditContext, appendAudit } from "../audit/audit.service";
import type { Queryable, Transaction } from "../db/connection";
import {
  groupSchedulingRuleFor,
  PLAN_NOT_SIGNED_WAITLIST_NOTE,
} from "../treatment-plans/group-scheduling-rule";
import * as store from "./enrollments.sql";

/**
 * Putting an episode in a track, shared by the enrollment routes and by admission: the decision
 * between a place and the waitlist under the track's lock, waitlist positions, and the view of an
 * enrollment.
 */

export function trackFacts(row: store.TrackRow): TrackFacts {
  return {
    id: row.id,
    name: row.name,
    siteId: row.site_id,
    audience: row.audience,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
  };
}

export function invalid(problems: readonly FieldError[]): never {
  throw new DomainError("VALIDATION_FAILED", problems[0]?.message, [...problems]);
}

/** Each waiting enrollment's place in its track's line (1 = next). */
export async function waitlistPositions(
  q: Queryable,
  trackIds: readonly string[],
): Promise<Map<string, number>> {
  const waiting = await store.listWaiting(q, [...new Set(trackIds)]);
  const positions = new Map<string, number>();
  for (const trackId of new Set(waiting.map((w) => w.track_id))) {
    const line = waiting
      .filter((w) => w.track_id === trackId)
      .map((w) => ({ id: w.id, waitlistedAt: w.waitlisted_at }));
    for (const [i, w] of orderWaitlist(line).entries()) positions.set(w.id, i + 1);
  }
  return positions;
}

export function view(row: store.EnrollmentRow, positions: Map<string, number>): Enrollment {
  return {
    id: row.id,
    episodeId: row.episode_id,
    track: { id: row.track_id, name: row.track_name },
    status: row.status,
    joinedOn: row.joined_on,
    exitedOn: row.exited_on,
    exitReason: row.exit_reason,
    waitlistedAt: row.waitlisted_at,
    waitlistPosition: positions.get(row.id) ?? null,
  };
}

export async function readEnrollment(q: Queryable, id: string): Promise<Enrollment> {
  const row = await store.findById(q, id);
  if (!row) throw new Error(`Enrollment ${id} vanished within its transaction.`);
  return view(row, await waitlistPositions(q, row.status === "waitlisted" ? [row.track_id] : []));
}

/**
 * Put an episode in a track (held by `lockTrack`) from `on`: a place when there is room for it on
 * that date and every later one and nobody waits ahead; otherwise the waitlist when the caller
 * allows it, or TRACK_FULL naming `trackId`. The episode's track follows its open place.
 */
export async function placeInLockedTrack(
  tx: Transaction,
  input: {
    track: store.TrackRow;
    participantId: string;
    episodeId: string;
    on: string;
    waitlistIfFull: boolean;
    actorUserId: string | null;
    at: Date;
  },
): Promise<{ id: string; status: "enrolled" | "waitlisted" }> {
  const { track, on } = input;
  const [places, waiting] = await Promise.all([
    store.listPlacesFrom(tx, track.id, on),
    store.listWaiting(tx, [track.id]),
  ]);
  const decision = decidePlacement(
    {
      capacity: track.capacity,
      places: places.map((p): TakenPlace => ({ joinedOn: p.joined_on, exitedOn: p.exited_on })),
      waiting: waiting.length,
    },
    on,
  );
  if (decision.kind === "full" && !input.waitlistIfFull) {
    throw new DomainError(
      "TRACK_FULL",
      `${describeFullTrack(track, on, decision)} Add the participant to its waitlist, or choose another track.`,
      "trackId",
    );
  }
  const status = decision.kind === "enrolled" ? "enrolled" : "waitlisted";
  const id = await store.insert(tx, {
    trackId: track.id,
    participantId: input.participantId,
    episodeId: input.episodeId,
    status,
    joinedOn: status === "enrolled" ? on : null,
    waitlistedAt: status === "waitlisted" ? input.at : null,
    createdBy: input.actorUserId,
    createdAt: input.at,
  });
  await store.setEpisodeTrack(tx, input.episodeId, track.id);
  return { id, status };
}

/**
 * Admission's placement (inside the admission's transaction, the episode just created with this
 * track): joined on the admission date — or the track's first day when it starts later — and
 * waitlisted when the track is full, so the admission itself always goes through.
 */
export async function placeAdmittedEpisode(
  tx: Transaction,
  input: {
    participantId: string;
    episodeId: string;
    trackId: string;
    admittedOn: string;
    actorUserId: string;
  },
  context: AuditContext,
  at: Date,
): Promise<{
  trackId: string;
  status: "enrolled" | "waitlisted";
  joinedOn: string | null;
  waitlistPosition: number | null;
  /** Why the place is on the waitlist though the track has room (the program's rule on a signed plan). */
  note?: string;
}> {
  const track = await store.lockTrack(tx, input.trackId);
  if (!track) invalid([{ path: "trackId", message: "Choose a track at this site." }]);
  const plan = planAdmissionJoin(trackFacts(track), input.admittedOn);
  if (plan.problem) invalid([plan.problem]);
  // A new episode has no signed plan yet: under the program's `block` rule it waits for one. (Under
  // `warn` it takes its place without a note: every admission precedes its plan.)
  const blocked = (await groupSchedulingRuleFor(tx, input.episodeId)) === "block";
  const placed = blocked
    ? await waitlistInLockedTrack(tx, { ...input, track, at })
    : await placeInLockedTrack(tx, {
        track,
        participantId: input.participantId,
        episodeId: input.episodeId,
        on: plan.joinOn,
        waitlistIfFull: true,
        actorUserId: input.actorUserId,
        at,
      });
  const position =
    placed.status === "waitlisted" ? (await waitlistPositions(tx, [track.id])).get(placed.id)! : null;
  await appendAudit(
    tx,
    context,
    {
      action: "schedule.enrollment_place",
      resourceType: "track_enrollment",
      resourceId: placed.id,
      participantId: input.participantId,
      purpose: "treatment",
      details: {
        trackId: track.id,
        status: placed.status,
        joinOn: plan.joinOn,
        admission: true,
        ...(blocked ? { planNotSigned: true } : {}),
      },
    },
    at,
  );
  return {
    trackId: track.id,
    status: placed.status,
    joinedOn: placed.status === "enrolled" ? plan.joinOn : null,
    waitlistPosition: position,
    ...(blocked ? { note: PLAN_NOT_SIGNED_WAITLIST_NOTE } : {}),
  };
}

/** Put an episode on a track's waitlist (held by `lockTrack`) whatever the room. */
async function waitlistInLockedTrack(
  tx: Transaction,
  input: {
    track: store.TrackRow;
    participantId: string;
    episodeId: string;
    actorUserId: string | null;
    at: Date;
  },
): Promise<{ id: string; status: "waitlisted" }> {
  const id = await store.insert(tx, {
    trackId: input.track.id,
    participantId: input.participantId,
    episodeId: input.episodeId,
    status: "waitlisted",
    joinedOn: null,
    waitlistedAt: input.at,
    createdBy: input.actorUserId,
    createdAt: input.at,
  });
  await store.setEpisodeTrack(tx, input.episodeId, input.track.id);
  return { id, status: "waitlisted" };
}
