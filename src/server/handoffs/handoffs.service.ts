import { randomUUID } from "node:crypto";
import { describeConsentScope } from "../../core/consents/consent.rules";
import { PART2_STATEMENTS } from "../../core/consents/statements";
import { assessHandoffRecipient, isSameProvider, isTaskOverdue } from "../../core/handoffs/handoff.rules";
import type {
  AftercareTask,
  HandoffOverview,
  HandoffRecipientList,
  RecordOutcomeInput,
  SendHandoffInput,
} from "../../core/handoffs/handoff.schema";
import { DomainError } from "../../core/platform/errors";
import { localDateIn } from "../../core/treatment-plans/review-due.rules";
import { toReferralBundle } from "../../fhir/referral-bundle.fhir";
import type { ResolveFindings } from "../alerts/alerts.service";
import type { InstrumentCatalog } from "../assessments/instrument-catalog";
import { type AuditContext, appendAudit, recordAudit } from "../audit/audit.service";
import { findParticipantDisclosureFacts, listConsentFacts } from "../consents/consent-facts.sql";
import type { Database } from "../db/connection";
import { type DiscloseRequestWithoutPayload, discloseWithin } from "../disclosures/disclose";
import { findConsentCopy, listSignedConsentIds } from "../disclosures/disclosures.sql";
import type { Actor } from "../identity/auth.service";
import type { ParticipantAccess } from "../platform/route-access";
import { readHandoffPacket, signedPlanOf } from "./handoff-packet";
import { renderHandoffPdf } from "./handoff-pdf";
import * as store from "./handoffs.sql";

export interface SentHandoff {
  handoffId: string;
  disclosureId: string;
  contentType: "application/pdf" | "application/fhir+json";
  filename: string;
  body: Buffer | string;
}

const toTask = (row: store.TaskRow, today: string): AftercareTask => ({
  id: row.id,
  kind: "confirm_first_appointment",
  appointmentOn: row.appointment_on,
  dueOn: row.due_on,
  status: row.status,
  overdue: isTaskOverdue({ status: row.status, dueOn: row.due_on }, today),
  outcome: row.outcome,
  note: row.note,
  completedBy: row.completed_by,
  completedAt: row.completed_at,
});

const slugOf = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "") || "recipient";

/**
 * The warm handoff (issue 11). A referral packet goes to the next provider only through
 * `discloseWithin` (channel `referral_packet` for the PDF, `fhir` for the bundle): the consent is
 * checked at that moment, the packet is read and rendered inside the disclosure's transaction (so the
 * log's hash is of exactly what is sent), and Statement 1 is printed on the PDF and carried by the
 * bundle's Composition. The handoff row is written right after, with the disclosure's id, in its own
 * transaction: should that write fail the disclosure stays logged (the log then says more left than
 * the chart shows, never less) and the caller gets an error instead of the packet.
 */
export function createHandoffsService(deps: {
  db: Database;
  now: () => Date;
  baseUrl: string;
  catalog: InstrumentCatalog;
  resolveFindings: ResolveFindings;
}) {
  const { db, now, catalog, resolveFindings } = deps;
  const fhirBase = `${deps.baseUrl.replace(/\/$/, "")}/fhir/R4`;

  async function moment(participantId: string, at: Date) {
    const facts = await findParticipantDisclosureFacts(db, participantId);
    if (!facts) throw new DomainError("NOT_FOUND", "No such participant.");
    return {
      facts,
      moment: {
        now: at,
        today: localDateIn(at, facts.timeZone),
        treatmentEndedOn: facts.treatmentEndedOn,
        restrictedScopes: facts.restrictedScopes,
      },
    };
  }

  return {
    /** GET /participants/:id/handoffs/recipients: every signed consent's recipients, eligible or why not. */
    async recipients(access: ParticipantAccess): Promise<HandoffRecipientList> {
      const at = now();
      const { moment: m } = await moment(access.participantId, at);
      const handoff = await store.findHandoffFacts(db, access.participantId);
      const plan = handoff ? signedPlanOf(handoff) : null;
      const provider = plan?.stepDown && plan.stepDown.kind !== "none" ? plan.stepDown.providerName : null;
      const consents = await listConsentFacts(db, await listSignedConsentIds(db, access.participantId));
      const recipients = consents.flatMap((consent) =>
        consent.recipients.map((recipient) => {
          const result = assessHandoffRecipient(consent, recipient.id, m);
          return {
            consentId: consent.id,
            consentKind: consent.kind,
            consentSignedOn: consent.signedAt ? localDateIn(consent.signedAt, "UTC") : null,
            consentExpiresOn: consent.expiresOn,
            recipientId: recipient.id,
            name: recipient.name,
            relationship: recipient.relationship,
            eligible: result.eligible,
            problems: result.problems,
            reasons: result.reasons,
            categories: result.categories,
            withheld: result.withheld,
            isStepDownProvider: isSameProvider(recipient.name, provider),
          };
        }),
      );
      // Eligible first, the step-down provider first among them.
      recipients.sort(
        (a, b) =>
          Number(b.eligible) - Number(a.eligible) ||
          Number(b.isStepDownProvider) - Number(a.isStepDownProvider) ||
          a.name.localeCompare(b.name),
      );
      return { stepDownProvider: provider || null, recipients };
    },

    /** GET /participants/:id/handoffs: packets sent and first-appointment tasks. */
    async overview(access: ParticipantAccess): Promise<HandoffOverview> {
      const at = now();
      const { facts } = await moment(access.participantId, at);
      const today = localDateIn(at, facts.timeZone);
      const handoffs = await store.listHandoffs(db, access.participantId);
      const tasks = await store.listTasks(db, access.participantId);
      return {
        handoffs: handoffs.map((h) => ({
          id: h.id,
          channel: h.channel,
          providerName: h.provider_name,
          consentId: h.consent_id,
          disclosureId: h.disclosure_id,
          sentBy: h.sent_by,
          sentAt: h.sent_at,
        })),
        tasks: tasks.map((t) => toTask(t, today)),
      };
    },

    /** POST /participants/:id/handoffs: the packet (PDF or FHIR bundle), logged as a disclosure. */
    async send(
      actor: Actor,
      access: ParticipantAccess,
      input: SendHandoffInput,
      context: AuditContext,
    ): Promise<SentHandoff> {
      const at = now();
      const copy = await findConsentCopy(db, input.consentId);
      if (!copy || copy.participant_id !== access.participantId)
        throw new DomainError("NOT_FOUND", "No such consent for this participant.", "consentId");
      const [consent] = await listConsentFacts(db, [input.consentId]);
      const recipient = consent?.recipients.find((r) => r.id === input.recipientId);
      if (!consent || !recipient)
        throw new DomainError("NOT_FOUND", "This consent names no such recipient.", "recipientId");
      const { moment: m } = await moment(access.participantId, at);
      const assessed = assessHandoffRecipient(consent, recipient.id, m);
      // The consent engine's own problems (revoked, expired…) are refused by `discloseWithin`, which
      // audits the refusal; the handoff's reasons (a family consent, nothing clinical in scope) here.
      const refuse = async (error: DomainError) => {
        await recordAudit(
          db,
          context,
          {
            action: "handoffs.send",
            resourceType: "participant",
            resourceId: access.participantId,
            participantId: access.participantId,
            purpose: "disclosure",
            outcome: "denied",
            details: { channel: input.channel, refused: error.code },
          },
          at,
        );
        return error;
      };
      if (assessed.reasons.length > 0)
        throw await refuse(
          new DomainError("HANDOFF_RECIPIENT_NOT_ELIGIBLE", undefined, undefined, {
            reasons: assessed.reasons,
          }),
        );
      const handoff = await store.findHandoffFacts(db, access.participantId);
      if (!handoff?.episode_id) throw await refuse(new DomainError("HANDOFF_NO_EPISODE"));
      const facts = { ...handoff, episode_id: handoff.episode_id };

      const statement = PART2_STATEMENTS.statement_1;
      const scopeSummary = describeConsentScope(consent, recipient.id);
      const documentId = randomUUID();
      const request: DiscloseRequestWithoutPayload = {
        participantId: access.participantId,
        channel: input.channel,
        purpose:
          input.channel === "fhir"
            ? `Referral (FHIR bundle) to ${recipient.name}`
            : `Referral packet to ${recipient.name}`,
        information: assessed.categories,
        disclosedBy: actor.user.id,
        at,
        basis: "consent",
        consentId: consent.id,
        recipientId: recipient.id,
      };
      const { result: body, disclosure } = await discloseWithin(db, context, request, async (tx) => {
        const packet = await readHandoffPacket(tx, facts, assessed.categories, m.today);
        if (input.channel === "fhir") {
          const bundle = toReferralBundle({
            packet,
            statement,
            scopeSummary,
            recipientName: recipient.name,
            documentId,
            at,
            fhirBase,
            definitionOf: (key) => catalog.get(key)?.definition,
          });
          return JSON.stringify(bundle);
        }
        return renderHandoffPdf({
          timeZone: facts.time_zone,
          recipient: recipient.name,
          printedAt: at,
          statement,
          scopeSummary,
          packet,
        });
      });
      // The packet carries the statement the disclosure carries; they are one constant, checked here.
      if (disclosure.statement.text !== statement)
        throw new Error("the referral packet carries a different §2.32 statement");
      const handoffId = await db.transaction(async (tx) => {
        const id = await store.insertHandoff(tx, {
          episodeId: facts.episode_id,
          participantId: access.participantId,
          siteId: facts.site_id,
          consentId: consent.id,
          recipientId: recipient.id,
          disclosureId: disclosure.disclosureId,
          channel: input.channel,
          providerName: recipient.name,
          sentBy: actor.user.id,
          sentAt: at,
        });
        await appendAudit(
          tx,
          context,
          {
            action: "handoffs.send",
            resourceType: "aftercare_handoff",
            resourceId: id,
            participantId: access.participantId,
            purpose: "treatment",
            details: { channel: input.channel, disclosureId: disclosure.disclosureId },
          },
          at,
        );
        return id;
      });
      const day = at.toISOString().slice(0, 10);
      return {
        handoffId,
        disclosureId: disclosure.disclosureId,
        contentType: input.channel === "fhir" ? "application/fhir+json" : "application/pdf",
        filename: `referral-${slugOf(recipient.name)}-${day}.${input.channel === "fhir" ? "json" : "pdf"}`,
        body,
      };
    },

    /** POST /participants/:id/handoffs/tasks/:taskId/outcome: close the task and resolve its alert. */
    async recordOutcome(
      actor: Actor,
      access: ParticipantAccess,
      taskId: string,
      input: RecordOutcomeInput,
      context: AuditContext,
    ): Promise<AftercareTask> {
      const at = now();
      const { facts } = await moment(access.participantId, at);
      const result = await db.transaction(async (tx) => {
        const task = await store.findTaskForUpdate(tx, taskId);
        const problem =
          !task || task.participant_id !== access.participantId
            ? ("AFTERCARE_TASK_NOT_FOUND" as const)
            : task.status !== "open"
              ? ("AFTERCARE_TASK_CLOSED" as const)
              : null;
        if (problem) {
          // Audited either way: the answer tells whether this participant has such a task.
          await appendAudit(
            tx,
            context,
            {
              action: "aftercare_task.complete",
              resourceType: "aftercare_task",
              resourceId: taskId,
              participantId: access.participantId,
              purpose: "treatment",
              details: { refused: problem },
            },
            at,
          );
          return { problem } as const;
        }
        await store.closeTask(tx, taskId, input.outcome, input.note, actor.user.id, at);
        await resolveFindings(
          tx,
          {
            kind: "aftercare_appointment_unconfirmed",
            participantId: access.participantId,
            evidenceId: taskId,
            note: `First appointment: ${input.outcome}.`,
            userId: actor.user.id,
            context,
          },
          at,
        );
        await appendAudit(
          tx,
          context,
          {
            action: "aftercare_task.complete",
            resourceType: "aftercare_task",
            resourceId: taskId,
            participantId: access.participantId,
            purpose: "treatment",
            details: { outcome: input.outcome },
          },
          at,
        );
        const updated = await store.findTaskForUpdate(tx, taskId);
        return { task: toTask(updated!, localDateIn(at, facts.timeZone)) } as const;
      });
      if ("problem" in result && result.problem) throw new DomainError(result.problem, undefined, "taskId");
      return result.task;
    },
  };
}
export type HandoffsService = ReturnType<typeof createHandoffsService>;
