import { can } from "../../core/access/access.rules";
import {
  deriveReengagement,
  describeReengagement,
  hasRoomFor,
  nextMembershipStatus,
  weekOf,
} from "../../core/alumni/alumni.rules";
import type {
  AlumniCheckIn,
  AlumniCheckInInput,
  AlumniEvent,
  AlumniEventInput,
  AlumniMembership,
  AlumniRosterEntry,
  ChartAlumni,
  MyAlumni,
  MyAlumniEvent,
  MyAlumniStatus,
  RsvpStatus,
} from "../../core/alumni/alumni.schema";
import { DomainError } from "../../core/platform/errors";
import type { RaiseAlert } from "../alerts/alerts.service";
import { type AuditContext, type AuditEntry, appendAudit, recordAudit } from "../audit/audit.service";
import type { Database } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import type { ParticipantAccess } from "../platform/route-access";
import * as store from "./alumni.sql";

const HISTORY_WEEKS = 52;
const CHART_WEEKS = 26;

const iso = (v: Date | string) => new Date(v).toISOString();
const isoOrNull = (v: Date | string | null) => (v === null ? null : iso(v));

export function toMembership(row: store.MembershipRow): AlumniMembership {
  return {
    status: row.status,
    joinedOn: row.joined_on,
    optedOutAt: isoOrNull(row.opted_out_at),
    optOutSource: row.opt_out_source,
    followUpsOptedOutAt: isoOrNull(row.follow_ups_opted_out_at),
  };
}

export function toCheckIn(row: store.CheckInRow): AlumniCheckIn {
  return {
    id: row.id,
    weekOf: row.week_of,
    usedSinceLast: row.used_since_last,
    craving: row.craving,
    mood: row.mood,
    meetingsAttended: row.meetings_attended,
    wantsContact: row.wants_contact,
    note: row.note,
    recordedAt: iso(row.recorded_at),
    flags: deriveReengagement({
      usedSinceLast: row.used_since_last,
      wantsContact: row.wants_contact,
      craving: row.craving,
      mood: row.mood,
    }).reasons,
  };
}

function toEvent(row: store.EventRow): AlumniEvent {
  return {
    id: row.id,
    siteId: row.site_id,
    title: row.title,
    description: row.description,
    kind: row.kind,
    startsAt: iso(row.starts_at),
    endsAt: iso(row.ends_at),
    timeZone: row.time_zone,
    location: row.location,
    onlineUrl: row.online_url,
    capacity: row.capacity === null ? null : Number(row.capacity),
    going: Number(row.going),
    cancelledAt: isoOrNull(row.cancelled_at),
  };
}

const toMyEvent = (row: store.EventRow): MyAlumniEvent => ({ ...toEvent(row), myRsvp: row.my_rsvp });

/** The signed-in participant as an alumnus; who they are comes from the session, never the request. */
export interface Alumnus {
  participantId: string;
  userId: string;
  siteId: string;
  timeZone: string;
  membership: store.MembershipRow;
}

/**
 * The alumni program (issue 11): the participant's own lighter app once discharged, and the staff
 * who run it (`alumni.manage` at the member's site). Every read and write of a member's data is audited.
 */
export function createAlumniService(deps: {
  db: Database;
  now: () => Date;
  raiseAlert: RaiseAlert;
  unreadMessages: (alumnus: Alumnus) => Promise<number>;
}) {
  const { db, now, raiseAlert } = deps;

  async function refuse(context: AuditContext, action: string, participantId: string | null, reason: string) {
    await recordAudit(
      db,
      context,
      {
        action,
        resourceType: "alumni_membership",
        resourceId: participantId,
        participantId,
        purpose: "self",
        outcome: "denied",
        details: { reason },
      },
      now(),
    );
  }

  /** The signed-in participant, whatever their membership (status and rejoin). */
  async function selfOf(actor: Actor, context: AuditContext, action: string) {
    const participantId = actor.user.kind === "participant" ? actor.access.participantId : null;
    const state = participantId ? await store.findParticipantState(db, participantId) : undefined;
    if (!participantId || !state) {
      await refuse(context, action, null, "not_participant");
      throw new DomainError("AUTH_FORBIDDEN", "Only a participant has an alumni membership of their own.");
    }
    return { participantId, state, membership: await store.findMembership(db, participantId) };
  }

  /** An active alumnus not in care now; anyone else gets a clear code (and the refusal is audited). */
  async function alumnusOf(actor: Actor, context: AuditContext, action: string): Promise<Alumnus> {
    const { participantId, state, membership } = await selfOf(actor, context, action);
    if (state.open_episode_id) {
      await refuse(context, action, participantId, "in_care");
      throw new DomainError("ALUMNI_IN_CARE");
    }
    if (!membership || membership.status !== "active") {
      await refuse(context, action, participantId, membership?.status ?? "no_membership");
      throw new DomainError("ALUMNI_NOT_MEMBER");
    }
    return {
      participantId,
      userId: actor.user.id,
      siteId: membership.site_id,
      timeZone: state.time_zone,
      membership,
    };
  }

  /** Staff who run the alumni program at this site (`alumni.manage`), or a refusal. */
  async function managerAt(actor: Actor, siteId: string, context: AuditContext, action: string) {
    const decision = can(actor.access, "alumni.manage", { type: "site", siteId }, now());
    if (!decision.allowed) {
      await recordAudit(
        db,
        context,
        {
          action,
          resourceType: "alumni_program",
          resourceId: siteId,
          purpose: "treatment",
          outcome: "denied",
        },
        now(),
      );
      throw new DomainError("AUTH_FORBIDDEN", "You do not run the alumni program at this site.");
    }
  }

  async function audited<T>(
    context: AuditContext,
    entry: AuditEntry,
    work: (tx: Parameters<Parameters<Database["transaction"]>[0]>[0]) => Promise<T>,
  ) {
    const at = now();
    return db.transaction(async (tx) => {
      const result = await work(tx);
      await appendAudit(tx, context, entry, at);
      return result;
    });
  }

  async function optOut(
    participantId: string,
    alsoFollowUps: boolean,
    source: "app" | "staff",
    context: AuditContext,
    purpose: "self" | "treatment",
  ): Promise<AlumniMembership> {
    const at = now();
    await db.transaction(async (tx) => {
      const current = await store.findMembership(tx, participantId);
      const next = nextMembershipStatus(current?.status ?? null, "opt_out");
      if (!current || next === null)
        throw new DomainError(current ? "ALUMNI_ALREADY_OPTED_OUT" : "ALUMNI_NOT_MEMBER");
      await store.setStatus(tx, participantId, {
        status: next,
        optedOutAt: at,
        optOutSource: source,
        ...(alsoFollowUps ? { followUpsOptedOutAt: at } : {}),
        at,
      });
      const cancelled = alsoFollowUps ? await store.cancelPendingFollowUps(tx, participantId) : 0;
      await appendAudit(
        tx,
        context,
        {
          action: "alumni.opt_out",
          resourceType: "alumni_membership",
          resourceId: participantId,
          participantId,
          purpose,
          details: { source, alsoFollowUps, followUpsCancelled: cancelled },
        },
        at,
      );
    });
    return toMembership((await store.findMembership(db, participantId))!);
  }

  return {
    alumnusOf,

    /** Whether the home page shows the alumni app: a membership (active or left) and not in care now. */
    async status(actor: Actor, context: AuditContext): Promise<MyAlumniStatus> {
      const { participantId, state, membership } = await selfOf(actor, context, "alumni.status_view");
      await recordAudit(
        db,
        context,
        {
          action: "alumni.status_view",
          resourceType: "alumni_membership",
          resourceId: participantId,
          participantId,
          purpose: "self",
        },
        now(),
      );
      const alumni = !state.open_episode_id && membership !== undefined && membership.status !== "readmitted";
      return { alumni, status: membership?.status ?? null };
    },

    /** The alumni home: membership, this week's check-in, upcoming events with my answer, unread messages. */
    async home(actor: Actor, context: AuditContext): Promise<MyAlumni> {
      const me = await alumnusOf(actor, context, "alumni.home_view");
      const at = now();
      const week = weekOf(at, me.timeZone);
      const [thisWeek, events, unreadMessages] = await Promise.all([
        store.findCheckInForWeek(db, me.participantId, week),
        store.listEvents(db, me.siteId, {
          from: at,
          includeCancelled: false,
          participantId: me.participantId,
        }),
        deps.unreadMessages(me),
      ]);
      await recordAudit(
        db,
        context,
        {
          action: "alumni.home_view",
          resourceType: "alumni_membership",
          resourceId: me.participantId,
          participantId: me.participantId,
          purpose: "self",
        },
        at,
      );
      return {
        membership: toMembership(me.membership),
        weekOf: week,
        thisWeek: thisWeek ? toCheckIn(thisWeek) : null,
        events: events.map(toMyEvent),
        unreadMessages,
      };
    },

    /**
     * This week's check-in, written or rewritten (one per week, on the site's calendar). A check-in
     * that shows risk raises one `alumni_reengagement` alert for it, however often it is saved again.
     */
    async saveCheckIn(
      actor: Actor,
      input: AlumniCheckInInput,
      idempotencyKey: string,
      context: AuditContext,
    ) {
      const me = await alumnusOf(actor, context, "alumni.check_in_save");
      const at = now();
      const week = weekOf(at, me.timeZone);
      return db.transaction(async (tx) => {
        const { id, created } = await store.upsertCheckIn(tx, {
          participantId: me.participantId,
          siteId: me.siteId,
          weekOf: week,
          ...input,
          idempotencyKey,
          at,
        });
        const reengagement = deriveReengagement(input);
        let alerted = false;
        if (reengagement.level !== "none" && !(await store.hasReengagementAlert(tx, id))) {
          await raiseAlert(
            tx,
            {
              kind: "alumni_reengagement",
              severity: reengagement.level,
              participantId: me.participantId,
              reason: describeReengagement(reengagement.reasons, week),
              evidence: { kind: "alumni_check_in", id, item: week },
              context,
            },
            at,
          );
          alerted = true;
        }
        await appendAudit(
          tx,
          context,
          {
            action: created ? "alumni.check_in_create" : "alumni.check_in_update",
            resourceType: "alumni_check_in",
            resourceId: id,
            participantId: me.participantId,
            purpose: "self",
            details: { weekOf: week, alerted },
          },
          at,
        );
        const row = (await store.findCheckInForWeek(tx, me.participantId, week))!;
        return { checkIn: toCheckIn(row), created };
      });
    },

    async history(actor: Actor, context: AuditContext): Promise<{ checkIns: AlumniCheckIn[] }> {
      const me = await alumnusOf(actor, context, "alumni.check_in_history_view");
      const rows = await store.listCheckIns(db, me.participantId, HISTORY_WEEKS);
      await recordAudit(
        db,
        context,
        {
          action: "alumni.check_in_history_view",
          resourceType: "alumni_check_in",
          resourceId: me.participantId,
          participantId: me.participantId,
          purpose: "self",
        },
        now(),
      );
      return { checkIns: rows.map(toCheckIn) };
    },

    /** Going or not going; a full event refuses "going" (capacity counted under the event's row lock). */
    async rsvp(
      actor: Actor,
      eventId: string,
      status: RsvpStatus,
      context: AuditContext,
    ): Promise<MyAlumniEvent> {
      const me = await alumnusOf(actor, context, "alumni.rsvp");
      const at = now();
      await db.transaction(async (tx) => {
        await store.lockEvent(tx, eventId);
        const event = await store.findEvent(tx, eventId, me.participantId);
        if (!event || event.site_id !== me.siteId) throw new DomainError("NOT_FOUND", "No such event.");
        if (event.cancelled_at) throw new DomainError("ALUMNI_EVENT_CANCELLED");
        if (new Date(event.starts_at).getTime() <= at.getTime()) throw new DomainError("ALUMNI_EVENT_PAST");
        const alreadyGoing = event.my_rsvp === "going";
        if (status === "going" && !alreadyGoing && !hasRoomFor(event.capacity, Number(event.going))) {
          throw new DomainError("ALUMNI_EVENT_FULL");
        }
        await store.upsertRsvp(tx, eventId, me.participantId, status, at);
        await appendAudit(
          tx,
          context,
          {
            action: "alumni.rsvp",
            resourceType: "alumni_event",
            resourceId: eventId,
            participantId: me.participantId,
            purpose: "self",
            details: { status },
          },
          at,
        );
      });
      return toMyEvent((await store.findEvent(db, eventId, me.participantId))!);
    },

    /** Leave the alumni program at once; with `alsoFollowUps`, no more follow-up surveys either. */
    async optOutSelf(actor: Actor, alsoFollowUps: boolean, context: AuditContext): Promise<AlumniMembership> {
      const me = await alumnusOf(actor, context, "alumni.opt_out");
      return optOut(me.participantId, alsoFollowUps, "app", context, "self");
    },

    async rejoin(actor: Actor, context: AuditContext): Promise<AlumniMembership> {
      const { participantId, state, membership } = await selfOf(actor, context, "alumni.rejoin");
      if (state.open_episode_id) {
        await refuse(context, "alumni.rejoin", participantId, "in_care");
        throw new DomainError("ALUMNI_IN_CARE");
      }
      if (!membership || nextMembershipStatus(membership.status, "rejoin") === null) {
        throw new DomainError("ALUMNI_CANNOT_REJOIN");
      }
      await audited(
        context,
        {
          action: "alumni.rejoin",
          resourceType: "alumni_membership",
          resourceId: participantId,
          participantId,
          purpose: "self",
        },
        (tx) =>
          store.setStatus(tx, participantId, {
            status: "active",
            optedOutAt: null,
            optOutSource: null,
            at: now(),
          }),
      );
      return toMembership((await store.findMembership(db, participantId))!);
    },

    // --- staff ---

    async listEvents(actor: Actor, siteId: string, includePast: boolean, context: AuditContext) {
      await managerAt(actor, siteId, context, "alumni.events_list");
      const rows = await store.listEvents(db, siteId, {
        from: includePast ? null : now(),
        includeCancelled: true,
      });
      return { events: rows.map(toEvent) };
    },

    async createEvent(actor: Actor, input: AlumniEventInput, context: AuditContext): Promise<AlumniEvent> {
      await managerAt(actor, input.siteId, context, "alumni.event_create");
      const id = await audited(
        context,
        {
          action: "alumni.event_create",
          resourceType: "alumni_event",
          purpose: "operations",
          details: { siteId: input.siteId },
        },
        (tx) => store.insertEvent(tx, input, actor.user.id, now()),
      );
      return toEvent((await store.findEvent(db, id))!);
    },

    async updateEvent(
      actor: Actor,
      eventId: string,
      input: AlumniEventInput,
      context: AuditContext,
    ): Promise<AlumniEvent> {
      const event = await store.findEvent(db, eventId);
      if (!event) throw new DomainError("NOT_FOUND", "No such event.");
      await managerAt(actor, event.site_id, context, "alumni.event_update");
      if (input.siteId !== event.site_id)
        throw new DomainError("VALIDATION_FAILED", "An event cannot move to another site.", "siteId");
      if (event.cancelled_at) throw new DomainError("ALUMNI_EVENT_CANCELLED");
      await audited(
        context,
        {
          action: "alumni.event_update",
          resourceType: "alumni_event",
          resourceId: eventId,
          purpose: "operations",
        },
        (tx) => store.updateEvent(tx, eventId, input, now()),
      );
      return toEvent((await store.findEvent(db, eventId))!);
    },

    /** Cancelled, never deleted: the answers people gave are kept. */
    async cancelEvent(actor: Actor, eventId: string, context: AuditContext): Promise<AlumniEvent> {
      const event = await store.findEvent(db, eventId);
      if (!event) throw new DomainError("NOT_FOUND", "No such event.");
      await managerAt(actor, event.site_id, context, "alumni.event_cancel");
      await audited(
        context,
        {
          action: "alumni.event_cancel",
          resourceType: "alumni_event",
          resourceId: eventId,
          purpose: "operations",
        },
        (tx) => store.cancelEvent(tx, eventId, now()),
      );
      return toEvent((await store.findEvent(db, eventId))!);
    },

    async roster(
      actor: Actor,
      siteId: string,
      context: AuditContext,
    ): Promise<{ members: AlumniRosterEntry[] }> {
      await managerAt(actor, siteId, context, "alumni.roster_view");
      const rows = await store.listRoster(db, siteId);
      await recordAudit(
        db,
        context,
        {
          action: "alumni.roster_view",
          resourceType: "alumni_membership",
          resourceId: siteId,
          purpose: "treatment",
          details: { members: rows.length },
        },
        now(),
      );
      return {
        members: rows.map((r) => ({
          participantId: r.participant_id,
          name: r.name,
          status: r.status,
          joinedOn: r.joined_on,
          lastCheckInWeek: r.last_week,
          lastFlags:
            r.last_week === null
              ? []
              : deriveReengagement({
                  usedSinceLast: r.last_used ?? false,
                  wantsContact: r.last_wants_contact ?? false,
                  craving: r.last_craving ?? 0,
                  mood: r.last_mood ?? 3,
                }).reasons,
          optedOutAt: isoOrNull(r.opted_out_at),
          followUpsOptedOutAt: isoOrNull(r.follow_ups_opted_out_at),
        })),
      };
    },

    /** Staff record the person's own request to leave (by phone, in person). */
    async optOutForMember(
      actor: Actor,
      participantId: string,
      alsoFollowUps: boolean,
      context: AuditContext,
    ) {
      const membership = await store.findMembership(db, participantId);
      if (!membership) throw new DomainError("NOT_FOUND", "This person is not in the alumni program.");
      await managerAt(actor, membership.site_id, context, "alumni.opt_out");
      return optOut(participantId, alsoFollowUps, "staff", context, "treatment");
    },

    /** The chart's section (the route guard decided and audited the read). */
    async chart(access: ParticipantAccess): Promise<ChartAlumni> {
      const [membership, checkIns] = await Promise.all([
        store.findMembership(db, access.participantId),
        store.listCheckIns(db, access.participantId, CHART_WEEKS),
      ]);
      return { membership: membership ? toMembership(membership) : null, checkIns: checkIns.map(toCheckIn) };
    },
  };
}
export type AlumniService = ReturnType<typeof createAlumniService>;
