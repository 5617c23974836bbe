import { Temporal } from "temporal-polyfill";
import { can } from "../../core/access/access.rules";
import { DomainError } from "../../core/platform/errors";
import {
  type Calendar,
  type CalendarEntry,
  type CalendarQuery,
  type MySchedule,
  type MyScheduleQuery,
  UNNAMED_APPOINTMENT_TITLE,
} from "../../core/schedule/calendar.schema";
import { weekOf } from "../../core/schedule/recurrence.rules";
import { loadParticipantFacts } from "../access/access.service";
import { type AuditContext, type AuditEntry, recordAudit } from "../audit/audit.service";
import type { Database } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import * as store from "./calendar.sql";
import { readSessions, type SessionItem, type SessionScope } from "./calendar-sessions";

const KIND_TITLES = { individual: "Individual session", family: "Family session" } as const;

function fullName(p: { givenName: string; familyName: string }): string {
  return `${p.givenName} ${p.familyName}`;
}

function locationOf(item: SessionItem): string {
  return item.room?.name ?? (item.telehealth ? "video" : (item.place ?? ""));
}

/**
 * A session as a calendar entry. `participant`: the person to show on it (the participant view, or
 * an appointment's participant the reader may see named); a group never carries its members.
 */
function entryOf(item: SessionItem, title: string, participant: CalendarEntry["participant"]): CalendarEntry {
  return {
    id: item.id,
    kind: item.kind,
    title,
    status: item.status,
    date: item.date,
    start: item.start,
    end: item.end,
    timeZone: item.timeZone,
    startsAt: item.startsAt,
    endsAt: item.endsAt,
    problem: item.problem,
    location: locationOf(item),
    room: item.room,
    telehealth: item.telehealth,
    videoLink: item.videoLink,
    staff: item.staff,
    group: item.group,
    appointment: item.appointment ? { id: item.appointment.id, seriesId: item.appointment.seriesId } : null,
    participant,
  };
}

/** An entry for the participant's own schedule (their view, or "my week"): titled by what it is. */
function participantEntryOf(item: SessionItem, participant: { id: string; name: string }): CalendarEntry {
  const title = item.group ? item.group.trackName : KIND_TITLES[item.kind as keyof typeof KIND_TITLES];
  return entryOf(item, title, participant);
}

function todayIn(zone: string, at: Date): string {
  return Temporal.Instant.fromEpochMilliseconds(at.getTime())
    .toZonedDateTimeISO(zone)
    .toPlainDate()
    .toString();
}

/** The calendar read model: the sessions of a range by site, room, staff member or participant. */
export function createCalendarService(deps: { db: Database; now: () => Date }) {
  const { db, now } = deps;

  /**
   * Whether the reader may see an appointment's participant named in a site, room or staff view:
   * where their participants.list reaches (the site, or their care team), or when they run the
   * appointment themselves (they will meet the person).
   */
  function mayName(actor: Actor, item: SessionItem): boolean {
    const appointment = item.appointment;
    if (!appointment) return false;
    if (item.staff.some((s) => s.id === actor.user.id)) return true;
    const grant = actor.access.grants["participants.list"];
    if (!grant || !actor.access.siteIds.includes(appointment.participant.siteId)) return false;
    return grant === "site" || appointment.readerOnCareTeam;
  }

  async function participantCalendar(actor: Actor, query: CalendarQuery, context: AuditContext) {
    const participantId = query.participantId!;
    const at = now();
    const facts = await loadParticipantFacts(db, actor.access, participantId, at);
    if (!facts) throw new DomainError("NOT_FOUND", "No such participant.", "querystring.participantId");
    const decision = can(actor.access, "schedule.view", facts, at);
    if (!decision.allowed) {
      await recordAudit(
        db,
        context,
        {
          action: "schedule.calendar_view",
          resourceType: "participant_schedule",
          resourceId: participantId,
          participantId,
          purpose: "treatment",
          outcome: "denied",
          details: { reason: decision.reason },
        },
        at,
      );
      if (decision.breakGlass) throw new DomainError("ACCESS_BREAK_GLASS_AVAILABLE");
      const sameSiteStaff = actor.user.kind === "staff" && actor.access.siteIds.includes(facts.siteId);
      if (sameSiteStaff) throw new DomainError("AUTH_FORBIDDEN");
      throw new DomainError("NOT_FOUND", "No such participant.", "querystring.participantId");
    }
    const participant = await store.findParticipant(db, participantId);
    const items = await readSessions(
      db,
      { kind: "participant", participantId },
      { from: query.from, to: query.to, includeCancelled: query.includeCancelled },
      actor.user.id,
    );
    const person = {
      id: participantId,
      name: participant
        ? fullName({ givenName: participant.given_name, familyName: participant.family_name })
        : "",
    };
    await recordAudit(
      db,
      context,
      {
        action: "schedule.calendar_view",
        resourceType: "participant_schedule",
        resourceId: participantId,
        participantId,
        purpose: decision.purpose,
        details: { view: "participant", from: query.from, to: query.to, entries: items.length },
      },
      at,
    );
    return items.map((item) => participantEntryOf(item, person));
  }

  async function placeCalendar(actor: Actor, query: CalendarQuery, context: AuditContext) {
    const siteId = query.siteId!;
    const at = now();
    const decision = can(actor.access, "schedule.view", { type: "site", siteId }, at);
    if (!decision.allowed) {
      if (decision.reason === "other_site")
        throw new DomainError("NOT_FOUND", "No such site.", "querystring.siteId");
      throw new DomainError("AUTH_FORBIDDEN");
    }
    let scope: SessionScope = { kind: "site", siteId };
    if (query.view === "room") {
      const room = await store.findRoom(db, query.roomId!);
      if (!room || room.site_id !== siteId) {
        throw new DomainError("NOT_FOUND", "No such room at this site.", "querystring.roomId");
      }
      scope = { kind: "room", siteId, roomId: room.id };
    } else if (query.view === "staff") {
      if (!(await store.isStaffOfSite(db, query.staffId!, siteId))) {
        throw new DomainError("NOT_FOUND", "No such staff member at this site.", "querystring.staffId");
      }
      scope = { kind: "staff", siteId, staffId: query.staffId! };
    }
    const items = await readSessions(
      db,
      scope,
      { from: query.from, to: query.to, includeCancelled: query.includeCancelled },
      actor.user.id,
    );
    const named = new Set<string>();
    const entries = items.map((item) => {
      const appointment = item.appointment;
      if (!appointment) return entryOf(item, item.group!.trackName, null);
      if (!mayName(actor, item)) return entryOf(item, UNNAMED_APPOINTMENT_TITLE, null);
      named.add(appointment.participant.id);
      const name = fullName(appointment.participant);
      const title = item.kind === "family" ? `${name} — family session` : name;
      return entryOf(item, title, { id: appointment.participant.id, name });
    });
    // Reads that name participants leave an event in each named participant's access log.
    const audit: AuditEntry[] = [...named].map((participantId) => ({
      action: "schedule.calendar_view",
      resourceType: "appointment",
      participantId,
      purpose: "treatment",
      details: { view: query.view, siteId, from: query.from, to: query.to },
    }));
    await recordAudit(db, context, audit, at);
    return entries;
  }

  return {
    /** GET /calendar: the sessions of a range (at most 42 days) in one of the four views. */
    async calendar(actor: Actor, query: CalendarQuery, context: AuditContext): Promise<Calendar> {
      const entries =
        query.view === "participant"
          ? await participantCalendar(actor, query, context)
          : await placeCalendar(actor, query, context);
      return { view: query.view, from: query.from, to: query.to, siteId: query.siteId ?? null, entries };
    },

    /**
     * GET /me/schedule: a signed-in participant's own sessions — the groups of the tracks they are
     * enrolled in and their appointments, cancelled ones marked — with the video link of sessions
     * held by video. The current week (Monday to Sunday, in their site's zone) unless a range is given.
     */
    async mySchedule(actor: Actor, query: MyScheduleQuery, context: AuditContext): Promise<MySchedule> {
      const participantId = actor.user.kind === "participant" ? actor.access.participantId : null;
      if (!participantId) {
        throw new DomainError("AUTH_FORBIDDEN", "Only a participant has a week of sessions here.");
      }
      const participant = await store.findParticipant(db, participantId);
      if (!participant) throw new DomainError("NOT_FOUND", "No such participant.");
      const at = now();
      const week = weekOf(todayIn(participant.time_zone, at));
      const from = query.from ?? week.monday;
      const to = query.to ?? week.sunday;
      const items = await readSessions(
        db,
        { kind: "participant", participantId },
        { from, to, includeCancelled: true },
        null,
      );
      await recordAudit(
        db,
        context,
        {
          action: "schedule.my_week_view",
          resourceType: "participant_schedule",
          resourceId: participantId,
          participantId,
          purpose: "self",
          details: { from, to, entries: items.length },
        },
        at,
      );
      const person = {
        id: participantId,
        name: fullName({ givenName: participant.given_name, familyName: participant.family_name }),
      };
      return {
        participantId,
        from,
        to,
        timeZone: participant.time_zone,
        entries: items.map((item) => participantEntryOf(item, person)),
      };
    },
  };
}
export type CalendarService = ReturnType<typeof createCalendarService>;
