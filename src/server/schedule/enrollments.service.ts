import { Temporal } from "temporal-polyfill";
import { can } from "../../core/access/access.rules";
import type { AuditPurpose } from "../../core/audit/audit.schema";
import { DomainError } from "../../core/platform/errors";
import {
  checkAdmitFromWaitlist,
  checkExit,
  checkMove,
  checkPlacement,
  countPlacesTakenOn,
  decidePlacement,
  describeFullTrack,
  type EpisodeFacts,
  findBusiestDateFrom,
  type OpenPlace,
  orderWaitlist,
  type TakenPlace,
} from "../../core/schedule/enrollment.rules";
import {
  type AdmitFromWaitlist,
  type Enrollment,
  type EnrollmentExit,
  type EnrollmentMove,
  type EnrollmentMoveResult,
  type EnrollmentPlacement,
  EXIT_REASON_MOVED,
  type ParticipantEnrollments,
  type PlacedEnrollment,
  type TrackEnrollments,
} from "../../core/schedule/enrollment.schema";
import { loadParticipantFacts } from "../access/access.service";
import { type AuditContext, appendAudit, recordAudit } from "../audit/audit.service";
import type { Database, Transaction } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import type { ParticipantAccess } from "../platform/route-access";
import { checkGroupScheduling } from "../treatment-plans/group-scheduling-rule";
import * as store from "./enrollments.sql";
import {
  invalid,
  placeInLockedTrack,
  readEnrollment,
  trackFacts,
  view,
  waitlistPositions,
} from "./track-placement";

function episodeFacts(row: store.EpisodeRow): EpisodeFacts {
  return { siteId: row.site_id, admittedOn: row.admitted_on, dischargedOn: row.discharged_on };
}

function openPlace(row: store.EnrollmentRow, track: store.TrackRow): OpenPlace {
  return {
    status: row.status === "waitlisted" ? "waitlisted" : "enrolled",
    joinedOn: row.joined_on,
    track: trackFacts(track),
  };
}

function todayIn(zone: string, at: Date): string {
  return Temporal.Instant.fromEpochMilliseconds(at.getTime())
    .toZonedDateTimeISO(zone)
    .toPlainDate()
    .toString();
}

/** Places in tracks: the lists, placing, moving, leaving and admitting from the waitlist. */
export function createEnrollmentsService(deps: { db: Database; now: () => Date }) {
  const { db, now } = deps;

  /**
   * schedule.manage on the participant of an enrollment reached by its own id (the route could not
   * ask the guard): the purpose when allowed; a refusal is audited like the guard's.
   */
  async function authorizeOnParticipant(
    actor: Actor,
    participantId: string,
    action: string,
    context: AuditContext,
  ): Promise<AuditPurpose> {
    const at = now();
    const facts = await loadParticipantFacts(db, actor.access, participantId, at);
    if (!facts) throw new DomainError("NOT_FOUND", "No such enrollment.");
    const decision = can(actor.access, "schedule.manage", facts, at);
    if (decision.allowed) return decision.purpose;
    await recordAudit(
      db,
      context,
      {
        action,
        resourceType: "track_enrollment",
        participantId,
        purpose: "treatment",
        outcome: "denied",
        details: { reason: decision.reason },
      },
      at,
    );
    if (decision.breakGlass) throw new DomainError("ACCESS_BREAK_GLASS_AVAILABLE");
    if (actor.user.kind === "staff" && actor.access.siteIds.includes(facts.siteId)) {
      throw new DomainError("AUTH_FORBIDDEN");
    }
    throw new DomainError("NOT_FOUND", "No such enrollment.");
  }

  async function lockedTrackOrInvalid(tx: Transaction, trackId: string): Promise<store.TrackRow> {
    const track = await store.lockTrack(tx, trackId);
    if (!track) invalid([{ path: "trackId", message: "Choose a track." }]);
    return track;
  }

  return {
    /**
     * A track's places as of a date (today in its zone by default) and its waitlist in order. Names
     * only where the reader may list the participant (their sites, or their care team when that is
     * how far their participants.list reaches). The read is audited once.
     */
    async trackEnrollments(
      actor: Actor,
      trackId: string,
      on: string | undefined,
      context: AuditContext,
    ): Promise<TrackEnrollments> {
      const at = now();
      const track = await store.findTrack(db, trackId);
      if (
        !track ||
        !can(actor.access, "schedule.view", { type: "site", siteId: track.site_id }, at).allowed
      ) {
        throw new DomainError("NOT_FOUND", "No such track.");
      }
      const asOf = on ?? todayIn(track.time_zone, at);
      const rows = await store.listOfTrack(db, trackId, asOf, actor.user.id);
      const listGrant = actor.user.kind === "staff" ? actor.access.grants["participants.list"] : undefined;
      const participant = (row: store.TrackListRow) => ({
        id: row.participant_id,
        name:
          listGrant !== undefined &&
          actor.access.siteIds.includes(row.site_id) &&
          (listGrant === "site" || row.on_my_care_team)
            ? row.name
            : null,
      });
      const holding = rows.filter((r) => r.status !== "waitlisted");
      const places = holding.map((r): TakenPlace => ({ joinedOn: r.joined_on!, exitedOn: r.exited_on }));
      const waitlist = orderWaitlist(
        rows.filter((r) => r.status === "waitlisted").map((r) => ({ ...r, waitlistedAt: r.waitlisted_at! })),
      );
      const result: TrackEnrollments = {
        track: { id: track.id, name: track.name, audience: track.audience, capacity: track.capacity },
        on: asOf,
        placesTaken: countPlacesTakenOn(places, asOf),
        placesTakenAtMost: findBusiestDateFrom(places, asOf).taken,
        enrolled: holding.map((r) => ({
          enrollmentId: r.id,
          participant: participant(r),
          joinedOn: r.joined_on!,
          exitsOn: r.status === "exited" ? r.exited_on : null,
        })),
        waitlist: waitlist.map((r, i) => ({
          enrollmentId: r.id,
          position: i + 1,
          participant: participant(r),
          waitlistedAt: r.waitlistedAt,
        })),
      };
      await recordAudit(
        db,
        context,
        {
          action: "schedule.track_enrollments_view",
          resourceType: "track",
          resourceId: track.id,
          purpose: "treatment",
          details: {
            on: asOf,
            enrolled: result.enrolled.length,
            waitlisted: result.waitlist.length,
            named: [...result.enrolled, ...result.waitlist].filter((e) => e.participant.name !== null).length,
          },
        },
        at,
      );
      return result;
    },

    /** The participant's places across tracks and episodes, oldest first (the route checked access). */
    async participantEnrollments(participantId: string): Promise<ParticipantEnrollments> {
      const [rows, currentEpisodeId] = await Promise.all([
        store.listOfParticipant(db, participantId),
        store.findOpenEpisodeId(db, participantId),
      ]);
      const positions = await waitlistPositions(
        db,
        rows.filter((r) => r.status === "waitlisted").map((r) => r.track_id),
      );
      return { participantId, currentEpisodeId, enrollments: rows.map((r) => view(r, positions)) };
    },

    /** Place the current episode, which has no open place, in a track from a date. */
    async place(
      actor: Actor,
      access: ParticipantAccess,
      input: EnrollmentPlacement,
      context: AuditContext,
    ): Promise<PlacedEnrollment> {
      const at = now();
      const participantId = access.participantId;
      return db.transaction(async (tx) => {
        const episode = await store.lockOpenEpisode(tx, participantId);
        if (!episode) throw new DomainError("ENROLLMENT_NO_CURRENT_EPISODE");
        // The program's rule on groups before a signed treatment plan: refused, or a warning to pass on.
        const warnings = await checkGroupScheduling(tx, episode.id);
        const open = await store.findOpenOfEpisode(tx, episode.id);
        if (open) {
          throw new DomainError(
            "ENROLLMENT_OPEN_EXISTS",
            `The participant is already ${open.status === "waitlisted" ? "on the waitlist of" : "in"} ${open.track_name}. Move them to the other track instead.`,
          );
        }
        const track = await lockedTrackOrInvalid(tx, input.trackId);
        const problems = checkPlacement({
          track: trackFacts(track),
          episode: episodeFacts(episode),
          on: input.joinOn,
          audience: episode.track_audience,
          lastExitOn: await store.findLastExitOfEpisode(tx, episode.id),
        });
        if (problems.length > 0) invalid(problems);
        const placed = await placeInLockedTrack(tx, {
          track,
          participantId,
          episodeId: episode.id,
          on: input.joinOn,
          waitlistIfFull: input.waitlistIfFull,
          actorUserId: actor.user.id,
          at,
        });
        await appendAudit(
          tx,
          context,
          {
            action: "schedule.enrollment_place",
            resourceType: "track_enrollment",
            resourceId: placed.id,
            participantId,
            purpose: access.purpose,
            details: {
              trackId: track.id,
              status: placed.status,
              joinOn: input.joinOn,
              ...(warnings.length > 0 ? { planNotSigned: true } : {}),
            },
          },
          at,
        );
        return { ...(await readEnrollment(tx, placed.id)), warnings };
      });
    },

    /**
     * Move the open place to another track on a date, in one transaction: the old place ends that
     * day (reason "moved") and the new one starts, or waits, from it. History stays.
     */
    async move(
      actor: Actor,
      access: ParticipantAccess,
      input: EnrollmentMove,
      context: AuditContext,
    ): Promise<EnrollmentMoveResult> {
      const at = now();
      const participantId = access.participantId;
      return db.transaction(async (tx) => {
        const episode = await store.lockOpenEpisode(tx, participantId);
        if (!episode) throw new DomainError("ENROLLMENT_NO_CURRENT_EPISODE");
        const open = await store.findOpenOfEpisode(tx, episode.id);
        if (!open) throw new DomainError("ENROLLMENT_NO_OPEN_PLACE");
        const current = await store.findTrack(tx, open.track_id);
        const target = await lockedTrackOrInvalid(tx, input.trackId);
        const problems = checkMove({
          current: openPlace(open, current!),
          target: trackFacts(target),
          episode: episodeFacts(episode),
          on: input.on,
        });
        if (problems.length > 0) invalid(problems);
        await store.markExited(tx, open.id, input.on, EXIT_REASON_MOVED);
        const placed = await placeInLockedTrack(tx, {
          track: target,
          participantId,
          episodeId: episode.id,
          on: input.on,
          waitlistIfFull: input.waitlistIfFull,
          actorUserId: actor.user.id,
          at,
        });
        await appendAudit(
          tx,
          context,
          {
            action: "schedule.enrollment_move",
            resourceType: "track_enrollment",
            resourceId: placed.id,
            participantId,
            purpose: access.purpose,
            details: {
              fromEnrollmentId: open.id,
              fromTrackId: open.track_id,
              toTrackId: target.id,
              on: input.on,
              status: placed.status,
            },
          },
          at,
        );
        return { left: await readEnrollment(tx, open.id), joined: await readEnrollment(tx, placed.id) };
      });
    },

    /** End a place, or take someone off the waitlist, on a date for a stated reason. */
    async exit(
      actor: Actor,
      enrollmentId: string,
      input: EnrollmentExit,
      context: AuditContext,
    ): Promise<Enrollment> {
      const found = await store.findById(db, enrollmentId);
      if (!found) throw new DomainError("NOT_FOUND", "No such enrollment.");
      const purpose = await authorizeOnParticipant(
        actor,
        found.participant_id,
        "schedule.enrollment_exit",
        context,
      );
      const at = now();
      return db.transaction(async (tx) => {
        const episode = await store.lockEpisode(tx, found.episode_id);
        const row = await store.findById(tx, enrollmentId);
        if (!episode || !row) throw new DomainError("NOT_FOUND", "No such enrollment.");
        if (row.status === "exited") throw new DomainError("ENROLLMENT_CLOSED");
        const track = await store.findTrack(tx, row.track_id);
        const problems = checkExit({
          current: openPlace(row, track!),
          episode: episodeFacts(episode),
          on: input.on,
        });
        if (problems.length > 0) invalid(problems);
        await store.markExited(tx, row.id, input.on, input.reason);
        await appendAudit(
          tx,
          context,
          {
            action: "schedule.enrollment_exit",
            resourceType: "track_enrollment",
            resourceId: row.id,
            participantId: row.participant_id,
            purpose,
            details: { trackId: row.track_id, on: input.on, fromWaitlist: row.status === "waitlisted" },
          },
          at,
        );
        return readEnrollment(tx, row.id);
      });
    },

    /** Give a waitlisted participant a place from a date, when the track has room then and after. */
    async admitFromWaitlist(
      actor: Actor,
      enrollmentId: string,
      input: AdmitFromWaitlist,
      context: AuditContext,
    ): Promise<PlacedEnrollment> {
      const found = await store.findById(db, enrollmentId);
      if (!found) throw new DomainError("NOT_FOUND", "No such enrollment.");
      const action = "schedule.enrollment_admit_from_waitlist";
      const purpose = await authorizeOnParticipant(actor, found.participant_id, action, context);
      const at = now();
      return db.transaction(async (tx) => {
        const episode = await store.lockEpisode(tx, found.episode_id);
        const track = await store.lockTrack(tx, found.track_id);
        const row = await store.findById(tx, enrollmentId);
        if (!episode || !track || !row) throw new DomainError("NOT_FOUND", "No such enrollment.");
        if (row.status !== "waitlisted") {
          throw new DomainError(
            "ENROLLMENT_NOT_WAITLISTED",
            row.status === "enrolled"
              ? `The participant already has a place in ${track.name}.`
              : `The participant left the waitlist of ${track.name} on ${row.exited_on}.`,
          );
        }
        const warnings = await checkGroupScheduling(tx, row.episode_id);
        const problems = checkAdmitFromWaitlist({
          track: trackFacts(track),
          episode: episodeFacts(episode),
          on: input.joinOn,
          lastExitOn: await store.findLastExitOfEpisode(tx, episode.id),
        });
        if (problems.length > 0) invalid(problems);
        const places = await store.listPlacesFrom(tx, track.id, input.joinOn);
        const decision = decidePlacement(
          {
            capacity: track.capacity,
            places: places.map((p) => ({ joinedOn: p.joined_on, exitedOn: p.exited_on })),
            waiting: 0,
          },
          input.joinOn,
          { fromWaitlist: true },
        );
        if (decision.kind === "full") {
          throw new DomainError(
            "TRACK_FULL",
            `${describeFullTrack(track, input.joinOn, decision)} The participant stays on the waitlist.`,
            "joinOn",
          );
        }
        const position = (await waitlistPositions(tx, [track.id])).get(row.id) ?? null;
        await store.markEnrolled(tx, row.id, input.joinOn);
        await store.setEpisodeTrack(tx, row.episode_id, track.id);
        await appendAudit(
          tx,
          context,
          {
            action,
            resourceType: "track_enrollment",
            resourceId: row.id,
            participantId: row.participant_id,
            purpose,
            details: { trackId: track.id, joinOn: input.joinOn, waitlistPosition: position },
          },
          at,
        );
        return { ...(await readEnrollment(tx, row.id)), warnings };
      });
    },
  };
}
export type EnrollmentsService = ReturnType<typeof createEnrollmentsService>;
