import type { AuditPurpose } from "../../core/audit/audit.schema";
import { describeScopes } from "../../core/consents/consent.rules";
import { DomainError } from "../../core/platform/errors";
import {
  canDecide,
  checkTermination,
  findRequestProblems,
  initialStatusFor,
} from "../../core/privacy/restriction.rules";
import type {
  MyRestrictionTerminationInput,
  Restriction,
  RestrictionDecisionInput,
  RestrictionList,
  RestrictionRequestChannel,
  RestrictionRequestInput,
  RestrictionTermination,
  RestrictionTerminationInput,
} from "../../core/privacy/restriction.schema";
import type { RaiseAlert, ResolveFindings } from "../alerts/alerts.service";
import { type AuditContext, appendAudit, recordAudit } from "../audit/audit.service";
import type { Database, Transaction } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import { ownParticipantId } from "../participant-app/own-participant";
import type { ParticipantAccess } from "../platform/route-access";
import * as store from "./privacy.sql";

const TERMINATION_WORDS: Record<RestrictionTermination, string> = {
  participant_written: "Ended at the participant's written request",
  participant_oral_documented: "Ended by the participant's oral agreement, documented by staff",
  program_notice: "Ended by the program's notice (applies only to information created after this date)",
};

function viewOf(row: store.RestrictionRow): Restriction {
  return {
    id: row.id,
    participantId: row.participant_id,
    kind: row.kind,
    informationScope: row.information_scope,
    recipientText: row.recipient_text,
    description: row.description,
    status: row.status,
    requestedVia: row.requested_via,
    requestedAt: row.requested_at,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by_name,
    decisionNote: row.decision_note,
    terminatedAt: row.terminated_at,
    terminationNote: row.termination_note,
  };
}

/**
 * §2.26 restrictions: the participant (in the app) or staff on their behalf ask the program not to
 * use or disclose some information; the care team agrees or refuses (the self-paid health-plan
 * restriction is agreed at once); an agreed restriction is applied by the disclosure check
 * (`findParticipantDisclosureFacts`) and ends only as §2.26 allows.
 */
export function createRestrictionsService(deps: {
  db: Database;
  now: () => Date;
  raiseAlert: RaiseAlert;
  resolveFindings: ResolveFindings;
}) {
  const { db, now, raiseAlert, resolveFindings } = deps;

  async function create(
    participantId: string,
    input: RestrictionRequestInput,
    via: RestrictionRequestChannel,
    actor: Actor,
    purpose: AuditPurpose,
    context: AuditContext,
  ): Promise<Restriction> {
    const problems = findRequestProblems(input);
    if (problems.length > 0) {
      throw new DomainError(
        "VALIDATION_FAILED",
        undefined,
        problems.map((p) => ({ path: p.field, message: p.message })),
      );
    }
    const place = await store.findParticipantPlace(db, participantId);
    if (!place) throw new DomainError("NOT_FOUND", "No such participant.");
    const at = now();
    const status = initialStatusFor(input.kind);
    const id = await db.transaction(async (tx) => {
      const created = await store.insertRestriction(tx, {
        participantId,
        siteId: place.site_id,
        kind: input.kind,
        informationScope: [...new Set(input.informationScope)],
        recipientText: input.recipientText,
        description: input.description,
        status,
        requestedVia: via,
        requestedAt: at,
        // The self-paid restriction is the program's duty: agreed by rule, at the moment it is asked.
        decidedBy: status === "agreed" ? actor.user.id : null,
        decidedAt: status === "agreed" ? at : null,
        decisionNote:
          status === "agreed" ? "Agreed as the law requires for services paid in full (42 CFR 2.26)." : "",
      });
      if (status === "requested") {
        const what = describeScopes(input.informationScope);
        const whom = input.kind === "recipient" ? " with a person or organisation they named" : "";
        await raiseAlert(
          tx,
          {
            kind: "restriction_requested",
            severity: "info",
            participantId,
            reason: `Asks the program not to share ${what}${whom} (42 CFR 2.26). Agree or refuse on the Consents tab.`,
            evidence: { kind: "restriction", id: created },
            context,
          },
          at,
        );
      }
      await appendAudit(
        tx,
        context,
        {
          action: "restriction.request",
          resourceType: "consent_restriction",
          resourceId: created,
          participantId,
          purpose,
          details: { kind: input.kind, status, via },
        },
        at,
      );
      return created;
    });
    return viewOf((await store.findRestriction(db, id))!);
  }

  async function end(
    tx: Transaction,
    row: store.RestrictionRow,
    by: RestrictionTermination,
    note: string,
    at: Date,
  ): Promise<void> {
    const refused = checkTermination(row, by);
    if (refused) throw new DomainError(refused);
    const changed = await store.setRestrictionStatus(tx, row.id, "agreed", {
      status: "terminated",
      terminatedAt: at,
      terminatedBy: by,
      terminationNote: `${TERMINATION_WORDS[by]}: ${note}`,
    });
    if (!changed) throw new DomainError("RESTRICTION_NOT_ACTIVE");
  }

  /** The participant's restriction; another's or none is not found, and the refusal is audited. */
  async function restrictionOf(
    participantId: string,
    id: string,
    denial: { action: string; purpose: AuditPurpose; context: AuditContext },
  ): Promise<store.RestrictionRow> {
    const row = await store.findRestriction(db, id);
    if (row && row.participant_id === participantId) return row;
    await recordAudit(
      db,
      denial.context,
      {
        action: denial.action,
        resourceType: "consent_restriction",
        resourceId: id,
        participantId,
        purpose: denial.purpose,
        outcome: "denied",
        details: { reason: "not_found" },
      },
      now(),
    );
    throw new DomainError("NOT_FOUND", "No such restriction.");
  }

  return {
    /** GET /me/restrictions: the participant's own requests and where each stands. Audited (self). */
    async mine(actor: Actor, context: AuditContext): Promise<RestrictionList> {
      const participantId = ownParticipantId(actor, "privacy requests");
      const rows = await store.listRestrictions(db, participantId);
      await recordAudit(
        db,
        context,
        {
          action: "restriction.list",
          resourceType: "consent_restriction",
          participantId,
          purpose: "self",
          details: { restrictions: rows.length },
        },
        now(),
      );
      return { restrictions: rows.map(viewOf) };
    },

    /** POST /me/restrictions: the participant asks (an alert goes to the care team; self-paid is agreed at once). */
    async requestMine(
      actor: Actor,
      input: RestrictionRequestInput,
      context: AuditContext,
    ): Promise<Restriction> {
      const participantId = ownParticipantId(actor, "privacy requests");
      return create(participantId, input, "participant_app", actor, "self", context);
    },

    /** POST /me/restrictions/:id/termination: the participant ends one of their restrictions in writing. */
    async endMine(
      actor: Actor,
      id: string,
      input: MyRestrictionTerminationInput,
      context: AuditContext,
    ): Promise<Restriction> {
      const participantId = ownParticipantId(actor, "privacy requests");
      const row = await restrictionOf(participantId, id, {
        action: "restriction.terminate",
        purpose: "self",
        context,
      });
      const at = now();
      await db.transaction(async (tx) => {
        await end(tx, row, "participant_written", input.statement, at);
        await appendAudit(
          tx,
          context,
          {
            action: "restriction.terminate",
            resourceType: "consent_restriction",
            resourceId: id,
            participantId,
            purpose: "self",
            details: { by: "participant_written" },
          },
          at,
        );
      });
      return viewOf((await store.findRestriction(db, id))!);
    },

    /** GET /participants/:id/restrictions: the chart's list (the route's guard authorizes and audits). */
    async listForParticipant(access: ParticipantAccess): Promise<RestrictionList> {
      const rows = await store.listRestrictions(db, access.participantId);
      return { restrictions: rows.map(viewOf) };
    },

    /** POST /participants/:id/restrictions: staff record a request the participant made in person or on paper. */
    recordRequest(
      actor: Actor,
      access: ParticipantAccess,
      input: RestrictionRequestInput,
      context: AuditContext,
    ): Promise<Restriction> {
      return create(access.participantId, input, "staff_recorded", actor, access.purpose, context);
    },

    /** POST /participants/:id/restrictions/:restrictionId/decision: agree or refuse, once; the alert is resolved. */
    async decide(
      actor: Actor,
      access: ParticipantAccess,
      id: string,
      input: RestrictionDecisionInput,
      context: AuditContext,
    ): Promise<Restriction> {
      const row = await restrictionOf(access.participantId, id, {
        action: "restriction.decide",
        purpose: access.purpose,
        context,
      });
      if (!canDecide(row)) throw new DomainError("RESTRICTION_NOT_PENDING");
      const status = input.decision === "agree" ? "agreed" : "refused";
      const at = now();
      await db.transaction(async (tx) => {
        const changed = await store.setRestrictionStatus(tx, id, "requested", {
          status,
          decidedBy: actor.user.id,
          decidedAt: at,
          decisionNote: input.note,
        });
        if (!changed) throw new DomainError("RESTRICTION_NOT_PENDING");
        await resolveFindings(
          tx,
          {
            kind: "restriction_requested",
            participantId: access.participantId,
            evidenceId: id,
            note: `Restriction ${status}.`,
            userId: actor.user.id,
            context,
          },
          at,
        );
        await appendAudit(
          tx,
          context,
          {
            action: "restriction.decide",
            resourceType: "consent_restriction",
            resourceId: id,
            participantId: access.participantId,
            purpose: access.purpose,
            details: { decision: status },
          },
          at,
        );
      });
      return viewOf((await store.findRestriction(db, id))!);
    },

    /** POST /participants/:id/restrictions/:restrictionId/termination: staff record how an agreed restriction ends. */
    async terminate(
      _actor: Actor,
      access: ParticipantAccess,
      id: string,
      input: RestrictionTerminationInput,
      context: AuditContext,
    ): Promise<Restriction> {
      const row = await restrictionOf(access.participantId, id, {
        action: "restriction.terminate",
        purpose: access.purpose,
        context,
      });
      const at = now();
      await db.transaction(async (tx) => {
        await end(tx, row, input.by, input.note, at);
        await appendAudit(
          tx,
          context,
          {
            action: "restriction.terminate",
            resourceType: "consent_restriction",
            resourceId: id,
            participantId: access.participantId,
            purpose: access.purpose,
            details: { by: input.by },
          },
          at,
        );
      });
      return viewOf((await store.findRestriction(db, id))!);
    },
  };
}
export type RestrictionsService = ReturnType<typeof createRestrictionsService>;
