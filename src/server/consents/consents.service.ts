import { requiredSignersFor } from "../../core/consents/consent.rules";
import type { ConsentDraftInput } from "../../core/consents/consent.schema";
import type { ConsentDetail, ConsentList } from "../../core/consents/consent-api.schema";
import { DomainError } from "../../core/platform/errors";
import { localDateIn } from "../../core/treatment-plans/review-due.rules";
import { type AuditContext, appendAudit, recordAudit } from "../audit/audit.service";
import type { Database } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import { ownParticipantId } from "../participant-app/own-participant";
import type { ParticipantAccess } from "../platform/route-access";
import { consentDetail, consentForStaff, consentViews, revocationViews } from "./consent-views";
import * as store from "./consents.sql";
import { findNewestRule, type MinorConsentRuleRow } from "./minor-consent-rules.sql";

/** The minor rule as the pure rules take it. */
export function ruleOf(row: MinorConsentRuleRow | undefined) {
  return row
    ? {
        stateCode: row.state_code,
        ageOfMajority: row.age_of_majority,
        minorMayConsentFrom: row.minor_may_consent_from,
        parentalConsentRequired: row.parental_consent_required,
        notes: row.notes,
      }
    : null;
}

/**
 * 42 CFR Part 2 consents on the chart and in the participant's app, drafting and reading: a draft
 * with every §2.31(a) element (who must sign fixed from the site's minor rule), replaced or discarded
 * while a draft; the list, one consent, and the participant's own. Signing is in
 * consent-signing.service.ts, revocations and their kin in consent-revocations.service.ts. Every read
 * and write is audited; writes in the same transaction as the change.
 */
export function createConsentsService(deps: { db: Database; now: () => Date }) {
  const { db, now } = deps;

  return {
    /** GET /participants/:id/consents (the guard authorizes and audits the read). */
    async listForParticipant(access: ParticipantAccess): Promise<ConsentList> {
      const ids = await store.listConsentIds(db, access.participantId);
      return {
        consents: (await consentViews(db, access.participantId, ids, now())).map(
          ({ documentText: _, ...c }) => c,
        ),
      };
    },

    /** GET /consents/:id: one consent with its text and its written revocations. */
    async getConsent(actor: Actor, consentId: string, context: AuditContext): Promise<ConsentDetail> {
      const at = now();
      const { header, purpose } = await consentForStaff(
        db,
        actor,
        consentId,
        "participants.view",
        "consent.read",
        context,
        at,
      );
      const out = await consentDetail(db, header.participant_id, consentId, at);
      await recordAudit(
        db,
        context,
        {
          action: "consent.read",
          resourceType: "consent",
          resourceId: consentId,
          participantId: header.participant_id,
          purpose,
        },
        at,
      );
      return out;
    },

    /** POST /participants/:id/consents: a draft; who must sign is fixed now from the site's minor rule. */
    async createDraft(
      actor: Actor,
      access: ParticipantAccess,
      draft: ConsentDraftInput,
      context: AuditContext,
    ): Promise<ConsentDetail> {
      if (actor.user.kind !== "staff") throw new DomainError("AUTH_FORBIDDEN");
      const at = now();
      const participant = await store.findConsentParticipant(db, access.participantId);
      if (!participant) throw new DomainError("NOT_FOUND", "No such participant.");
      const today = localDateIn(at, participant.time_zone);
      const rule = ruleOf(await findNewestRule(db, participant.site_id));
      const requiredSigners = requiredSignersFor(rule, participant.born_on, today);
      const consentId = await db.transaction(async (tx) => {
        const { consentId } = await store.insertConsent(tx, {
          participantId: participant.id,
          siteId: participant.site_id,
          draft,
          requiredSigners,
          createdBy: actor.user.id,
          at,
        });
        await appendAudit(
          tx,
          context,
          {
            action: "consent.create",
            resourceType: "consent",
            resourceId: consentId,
            participantId: participant.id,
            purpose: access.purpose,
            details: { kind: draft.kind, requiredSigners: requiredSigners.join(",") },
          },
          at,
        );
        return consentId;
      });
      return consentDetail(db, participant.id, consentId, at);
    },

    /** PUT /consents/:id: replace a draft (optimistic `version`). */
    async updateDraft(
      actor: Actor,
      consentId: string,
      input: ConsentDraftInput & { version: number },
      context: AuditContext,
    ): Promise<ConsentDetail> {
      const at = now();
      const { header, purpose } = await consentForStaff(
        db,
        actor,
        consentId,
        "consents.manage",
        "consent.update",
        context,
        at,
      );
      if (header.status !== "draft") throw new DomainError("CONSENT_NOT_DRAFT");
      const { version, ...draft } = input;
      await db.transaction(async (tx) => {
        if (!(await store.updateDraft(tx, consentId, version, draft, at)))
          throw new DomainError("CONSENT_VERSION_CONFLICT");
        await appendAudit(
          tx,
          context,
          {
            action: "consent.update",
            resourceType: "consent",
            resourceId: consentId,
            participantId: header.participant_id,
            purpose,
          },
          at,
        );
      });
      return consentDetail(db, header.participant_id, consentId, at);
    },

    /** POST /consents/:id/void: discard a draft. */
    async voidDraft(actor: Actor, consentId: string, context: AuditContext): Promise<ConsentDetail> {
      const at = now();
      const { header, purpose } = await consentForStaff(
        db,
        actor,
        consentId,
        "consents.manage",
        "consent.void",
        context,
        at,
      );
      await db.transaction(async (tx) => {
        if (!(await store.markVoid(tx, consentId, at))) throw new DomainError("CONSENT_NOT_DRAFT");
        await appendAudit(
          tx,
          context,
          {
            action: "consent.void",
            resourceType: "consent",
            resourceId: consentId,
            participantId: header.participant_id,
            purpose,
          },
          at,
        );
      });
      return consentDetail(db, header.participant_id, consentId, at);
    },

    /**
     * GET /me/consents: the participant's signed consents and the complete drafts waiting for their
     * signature (a draft staff are still writing is not shown). Audited (purpose self).
     */
    async myConsents(actor: Actor, context: AuditContext): Promise<{ consents: ConsentDetail[] }> {
      const participantId = ownParticipantId(actor, "consents");
      const at = now();
      const ids = await store.listConsentIds(db, participantId);
      const all = await consentViews(db, participantId, ids, at);
      const shown = all.filter(
        (c) =>
          c.status === "signed" ||
          (c.status === "draft" && c.missingElements.length === 0 && c.missingSigners.includes("patient")),
      );
      const out: ConsentDetail[] = [];
      for (const c of shown) {
        out.push({ ...c, revocations: await revocationViews(db, c.id) });
      }
      await recordAudit(
        db,
        context,
        {
          action: "consent.list",
          resourceType: "consent",
          participantId,
          purpose: "self",
          details: { consents: out.length },
        },
        at,
      );
      return { consents: out };
    },
  };
}

export type ConsentsService = ReturnType<typeof createConsentsService>;
