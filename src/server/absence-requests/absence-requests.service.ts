import {
  canDecide,
  canWithdraw,
  checkAbsenceRequest,
  parseSessionId,
} from "../../core/absence-requests/absence-requests.rules";
import type {
  AbsenceDecisionInput,
  AbsenceRequest,
  AbsenceRequestInput,
  AbsenceRequestList,
} from "../../core/absence-requests/absence-requests.schema";
import { addDays } from "../../core/platform/dates";
import { DomainError } from "../../core/platform/errors";
import { localDateIn } from "../../core/treatment-plans/review-due.rules";
import type { RaiseAlert, ResolveFindings } from "../alerts/alerts.service";
import { type AuditContext, appendAudit, recordAudit } from "../audit/audit.service";
import type { Database, Transaction } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import { ownParticipantId } from "../participant-app/own-participant";
import type { ParticipantAccess } from "../platform/route-access";
import * as calendarStore from "../schedule/calendar.sql";
import { readSessions } from "../schedule/calendar-sessions";
import { authorizeOnParticipant } from "../treatment-plans/plan-access";
import * as store from "./absence-requests.sql";

/** How far ahead a participant may ask to be excused. */
const REQUEST_HORIZON_DAYS = 90;

const REASON_WORDS = {
  illness: "illness",
  work: "work",
  family: "family",
  transport: "transport",
  appointment: "another appointment",
  other: "another reason",
} as const;

function viewOf(row: store.AbsenceRequestRow): AbsenceRequest {
  return {
    id: row.id,
    participantId: row.participant_id,
    sessionId: row.appointment_id
      ? `appointment:${row.appointment_id}`
      : `group:${row.track_id}:${row.occurrence_key}`,
    kind: row.appointment_id ? "appointment" : "group",
    title: row.title,
    occursOn: row.occurs_on,
    reason: row.reason,
    note: row.note,
    status: row.status,
    requestedAt: row.requested_at,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by_name,
    decisionNote: row.decision_note,
  };
}

/**
 * Requests to be excused from a session in advance: the participant asks (their own upcoming group
 * session or appointment), the primary counselor gets an info alert and approves or declines on the
 * chart; an approved request makes that session's attendance default to excused.
 */
export function createAbsenceRequestsService(deps: {
  db: Database;
  now: () => Date;
  raiseAlert: RaiseAlert;
  resolveFindings: ResolveFindings;
}) {
  const { db, now, raiseAlert, resolveFindings } = deps;

  async function resolveAlert(
    tx: Transaction,
    row: store.AbsenceRequestRow,
    note: string,
    actor: Actor,
    context: AuditContext,
    at: Date,
  ) {
    await resolveFindings(
      tx,
      {
        kind: "absence_request",
        participantId: row.participant_id,
        evidenceId: row.id,
        note,
        userId: actor.user.id,
        context,
      },
      at,
    );
  }

  return {
    /** GET /me/absence-requests: the participant's own requests. Audited (purpose self). */
    async myRequests(actor: Actor, context: AuditContext): Promise<AbsenceRequestList> {
      const participantId = ownParticipantId(actor, "absence requests");
      const at = now();
      const rows = await store.listByParticipant(db, participantId);
      await recordAudit(
        db,
        context,
        {
          action: "absence_request.list",
          resourceType: "absence_request",
          participantId,
          purpose: "self",
          details: { requests: rows.length },
        },
        at,
      );
      return { requests: rows.map(viewOf) };
    },

    /** POST /me/absence-requests: ask to be excused from one of their own upcoming sessions. */
    async request(actor: Actor, input: AbsenceRequestInput, context: AuditContext): Promise<AbsenceRequest> {
      const participantId = ownParticipantId(actor, "absence requests");
      const participant = await calendarStore.findParticipant(db, participantId);
      if (!participant) throw new DomainError("NOT_FOUND", "No such participant.");
      const at = now();
      const today = localDateIn(at, participant.time_zone);
      const sessions = await readSessions(
        db,
        { kind: "participant", participantId },
        { from: addDays(today, -1), to: addDays(today, REQUEST_HORIZON_DAYS), includeCancelled: true },
        null,
      );
      const session = sessions.find((s) => s.id === input.sessionId);
      const refused = checkAbsenceRequest(session, at);
      if (refused) throw new DomainError(refused, undefined, "sessionId");
      const target = parseSessionId(input.sessionId);
      const id = await db.transaction(async (tx) => {
        const open = await store.findOpenForSession(
          tx,
          participantId,
          target.kind === "group" ? target : { appointmentId: target.appointmentId },
        );
        if (open) throw new DomainError("ABSENCE_REQUEST_DUPLICATE", undefined, "sessionId");
        const created = await store.insert(tx, {
          participantId,
          siteId: session!.siteId,
          trackId: target.kind === "group" ? target.trackId : null,
          occurrenceKey: target.kind === "group" ? target.occurrenceKey : null,
          appointmentId: target.kind === "appointment" ? target.appointmentId : null,
          occursOn: session!.date,
          reason: input.reason,
          note: input.note,
          requestedAt: at,
        });
        const what = session!.group ? session!.group.trackName : `the ${session!.kind} appointment`;
        await raiseAlert(
          tx,
          {
            kind: "absence_request",
            severity: "info",
            participantId,
            reason: `Asks to be excused from ${what} on ${session!.date} (${REASON_WORDS[input.reason]}).`,
            evidence: { kind: "absence_request", id: created, item: session!.date },
            context,
          },
          at,
        );
        await appendAudit(
          tx,
          context,
          {
            action: "absence_request.create",
            resourceType: "absence_request",
            resourceId: created,
            participantId,
            purpose: "self",
          },
          at,
        );
        return created;
      });
      return viewOf((await store.findById(db, id))!);
    },

    /** POST /me/absence-requests/:id/withdraw: the participant can come after all (before the day is over). */
    async withdraw(actor: Actor, id: string, context: AuditContext): Promise<AbsenceRequest> {
      const participantId = ownParticipantId(actor, "absence requests");
      const row = await store.findById(db, id);
      if (!row || row.participant_id !== participantId) {
        throw new DomainError("NOT_FOUND", "No such absence request.");
      }
      const participant = await calendarStore.findParticipant(db, participantId);
      const at = now();
      if (!canWithdraw(row.status) || row.occurs_on < localDateIn(at, participant!.time_zone)) {
        throw new DomainError("ABSENCE_REQUEST_NOT_PENDING");
      }
      await db.transaction(async (tx) => {
        // The table keeps a decision only on approved or declined requests (its check constraint).
        const withdrawn = { status: "withdrawn" as const, decidedBy: null, decidedAt: null };
        if (!(await store.setStatus(tx, id, row.status, withdrawn))) {
          throw new DomainError("ABSENCE_REQUEST_NOT_PENDING");
        }
        await resolveAlert(tx, row, "The participant withdrew the request.", actor, context, at);
        await appendAudit(
          tx,
          context,
          {
            action: "absence_request.withdraw",
            resourceType: "absence_request",
            resourceId: id,
            participantId,
            purpose: "self",
          },
          at,
        );
      });
      return viewOf((await store.findById(db, id))!);
    },

    /** GET /participants/:id/absence-requests: the chart's list (the route's guard authorizes and audits). */
    async listForParticipant(access: ParticipantAccess): Promise<AbsenceRequestList> {
      const rows = await store.listByParticipant(db, access.participantId);
      return { requests: rows.map(viewOf) };
    },

    /** POST /absence-requests/:id/decision: the care team approves or declines; the alert is resolved. */
    async decide(
      actor: Actor,
      id: string,
      input: AbsenceDecisionInput,
      context: AuditContext,
    ): Promise<AbsenceRequest> {
      const at = now();
      const row = await store.findById(db, id);
      if (!row) throw new DomainError("NOT_FOUND", "No such absence request.");
      const purpose = await authorizeOnParticipant(
        db,
        actor,
        row.participant_id,
        "clinical.write",
        { action: "absence_request.decide", context },
        at,
        { type: "absence_request", notFound: "No such absence request." },
      );
      if (!canDecide(row.status)) throw new DomainError("ABSENCE_REQUEST_NOT_PENDING");
      const status = input.decision === "approve" ? "approved" : "declined";
      await db.transaction(async (tx) => {
        const changed = await store.setStatus(tx, id, "pending", {
          status,
          decidedBy: actor.user.id,
          decidedAt: at,
          decisionNote: input.note,
        });
        if (!changed) throw new DomainError("ABSENCE_REQUEST_NOT_PENDING");
        await resolveAlert(tx, row, `Request ${status}.`, actor, context, at);
        await appendAudit(
          tx,
          context,
          {
            action: "absence_request.decide",
            resourceType: "absence_request",
            resourceId: id,
            participantId: row.participant_id,
            purpose,
            details: { decision: status },
          },
          at,
        );
      });
      return viewOf((await store.findById(db, id))!);
    },
  };
}
export type AbsenceRequestsService = ReturnType<typeof createAbsenceRequestsService>;
