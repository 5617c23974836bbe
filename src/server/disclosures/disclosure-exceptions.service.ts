import { PART2_STATEMENTS } from "../../core/consents/statements";
import {
  EXCEPTION_NEEDS_APPROVAL,
  type ExceptionDetails,
  exceptionDetailsSchema,
} from "../../core/disclosures/disclosure.schema";
import type {
  DisclosureException,
  DisclosureExceptionDecision,
  DisclosureExceptionInput,
  DisclosureExceptionList,
} from "../../core/disclosures/disclosure-api.schema";
import { recipientOf } from "../../core/disclosures/exception.rules";
import { DomainError } from "../../core/platform/errors";
import type { RaiseAlert, ResolveFindings } from "../alerts/alerts.service";
import { type AuditContext, appendAudit, recordAudit } from "../audit/audit.service";
import type { Database, Transaction } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import type { ParticipantAccess } from "../platform/route-access";
import { assertStaff, authorizeOnParticipant } from "../treatment-plans/plan-access";
import { disclose } from "./disclose";
import * as store from "./disclosures.sql";

const iso = (v: Date | string) => new Date(v).toISOString();

/** Why, in the words the participant reads in their log (no more detail than the section). */
export const EXCEPTION_PURPOSES: Record<ExceptionDetails["kind"], string> = {
  medical_emergency: "Medical emergency (42 CFR 2.51)",
  audit_evaluation: "Audit or evaluation of the program (42 CFR 2.53)",
  qsoa: "Service to the program under a qualified service organization agreement (42 CFR 2.11)",
  child_abuse_report: "Report of suspected child abuse or neglect required by state law (42 CFR 2.12(c)(6))",
  court_order: "Court order with a subpoena (42 CFR 2.61–2.67)",
};

/**
 * Disclosures without consent (§2.51, §2.53, QSO agreement, §2.12(c)(6), §§2.61–2.67): staff with
 * consents.manage file the kind's record; audits, QSO agreements and court orders wait for the clinical
 * director (never the requester), an emergency or a mandated report is recorded and logged at once.
 * Every release goes through `disclose`, so it is in the log the participant reads.
 */
export function createDisclosureExceptionsService(deps: {
  db: Database;
  now: () => Date;
  raiseAlert: RaiseAlert;
  resolveFindings: ResolveFindings;
}) {
  const { db, now, raiseAlert, resolveFindings } = deps;

  async function release(
    tx: Transaction,
    row: store.ExceptionRow,
    actorId: string,
    context: AuditContext,
    at: Date,
  ) {
    const details = exceptionDetailsSchema.parse(row.details);
    return disclose(tx, context, {
      participantId: row.participant_id,
      channel: "no_consent",
      purpose: EXCEPTION_PURPOSES[details.kind],
      information: row.information,
      payload: { exceptionId: row.id, details, information: row.information },
      disclosedBy: actorId,
      at,
      basis: details.kind,
      exceptionId: row.id,
      recipientName: recipientOf(details),
    });
  }

  async function viewsOf(rows: store.ExceptionRow[]): Promise<DisclosureException[]> {
    const receipts = await store.listByExceptions(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((row) => {
      const receipt = receipts.find((r) => r.exception_id === row.id);
      return {
        id: row.id,
        participantId: row.participant_id,
        kind: row.kind,
        details: exceptionDetailsSchema.parse(row.details),
        information: row.information,
        status: row.status,
        requestedBy: row.requested_by,
        requestedByName: row.requested_by_name,
        requestedAt: iso(row.requested_at),
        decidedByName: row.decided_by_name,
        decidedAt: row.decided_at ? iso(row.decided_at) : null,
        decisionNote: row.decision_note,
        disclosure: receipt
          ? {
              disclosureId: receipt.id,
              statement: {
                kind: receipt.statement,
                text: receipt.statement === "none" ? "" : PART2_STATEMENTS[receipt.statement],
              },
              scopeSummary: receipt.scope_summary,
            }
          : null,
      };
    });
  }

  async function viewOf(id: string): Promise<DisclosureException> {
    const row = await store.findException(db, id);
    if (!row) throw new DomainError("NOT_FOUND", "No such disclosure request.");
    const [view] = await viewsOf([row]);
    return view!;
  }

  return {
    /** GET /participants/:id/disclosure-exceptions: the chart's list, newest first. */
    async list(access: ParticipantAccess): Promise<DisclosureExceptionList> {
      return { exceptions: await viewsOf(await store.listExceptionsByParticipant(db, access.participantId)) };
    },

    /** POST /participants/:id/disclosure-exceptions: file the record; wait for approval, or log it at once. */
    async file(
      actor: Actor,
      access: ParticipantAccess,
      input: DisclosureExceptionInput,
      context: AuditContext,
    ): Promise<DisclosureException> {
      assertStaff(actor);
      const at = now();
      const kind = input.details.kind;
      const needsApproval = EXCEPTION_NEEDS_APPROVAL[kind];
      const id = await db.transaction(async (tx) => {
        const created = await store.insertException(tx, {
          participantId: access.participantId,
          siteId: access.facts.siteId,
          kind,
          details: input.details,
          information: [...new Set(input.information)],
          status: needsApproval ? "pending_approval" : "recorded",
          requestedBy: actor.user.id,
          requestedAt: at,
        });
        await appendAudit(
          tx,
          context,
          {
            action: "disclosure_exception.create",
            resourceType: "disclosure_exception",
            resourceId: created,
            participantId: access.participantId,
            purpose: access.purpose,
            details: { kind, status: needsApproval ? "pending_approval" : "recorded" },
          },
          at,
        );
        if (needsApproval) {
          await raiseAlert(
            tx,
            {
              kind: "disclosure_approval_needed",
              severity: "warning",
              participantId: access.participantId,
              reason: `A disclosure without consent waits for approval: ${EXCEPTION_PURPOSES[kind]}.`,
              evidence: { kind: "disclosure_exception", id: created },
              context,
            },
            at,
          );
        } else {
          const row = await store.findException(tx, created);
          await release(tx, row!, actor.user.id, context, at);
        }
        return created;
      });
      return viewOf(id);
    },

    /** POST /disclosure-exceptions/:id/decision: the clinical director approves (and it is released) or refuses. */
    async decide(
      actor: Actor,
      id: string,
      input: DisclosureExceptionDecision,
      context: AuditContext,
    ): Promise<DisclosureException> {
      assertStaff(actor);
      const at = now();
      const row = await store.findException(db, id);
      if (!row) throw new DomainError("NOT_FOUND", "No such disclosure request.");
      const purpose = await authorizeOnParticipant(
        db,
        actor,
        row.participant_id,
        "disclosures.approve",
        { action: "disclosure_exception.decide", context },
        at,
        { type: "disclosure_exception", notFound: "No such disclosure request." },
      );
      if (row.status !== "pending_approval") throw new DomainError("DISCLOSURE_EXCEPTION_NOT_PENDING");
      if (row.requested_by === actor.user.id) {
        await recordAudit(
          db,
          context,
          {
            action: "disclosure_exception.decide",
            resourceType: "disclosure_exception",
            resourceId: id,
            participantId: row.participant_id,
            purpose,
            outcome: "denied",
            details: { reason: "self_approval" },
          },
          at,
        );
        throw new DomainError("DISCLOSURE_SELF_APPROVAL");
      }
      const status = input.decision === "approve" ? "approved" : "refused";
      await db.transaction(async (tx) => {
        const changed = await store.decideException(tx, id, {
          status,
          decidedBy: actor.user.id,
          decidedAt: at,
          decisionNote: input.note,
        });
        if (!changed) throw new DomainError("DISCLOSURE_EXCEPTION_NOT_PENDING");
        await resolveFindings(
          tx,
          {
            kind: "disclosure_approval_needed",
            participantId: row.participant_id,
            evidenceId: id,
            note: status === "approved" ? "Approved and released." : "Refused: nothing was released.",
            userId: actor.user.id,
            context,
          },
          at,
        );
        await appendAudit(
          tx,
          context,
          {
            action: "disclosure_exception.decide",
            resourceType: "disclosure_exception",
            resourceId: id,
            participantId: row.participant_id,
            purpose,
            details: { decision: status },
          },
          at,
        );
        if (status === "approved") await release(tx, row, actor.user.id, context, at);
      });
      return viewOf(id);
    },
  };
}
export type DisclosureExceptionsService = ReturnType<typeof createDisclosureExceptionsService>;
