import { checkConsentForDisclosure, describeConsentScope } from "../../core/consents/consent.rules";
import { PART2_STATEMENTS } from "../../core/consents/statements";
import { isReleaseCategory, releasableCategories } from "../../core/disclosures/release.rules";
import type { ReleaseInput, ReleaseOptionList } from "../../core/disclosures/release.schema";
import { DomainError } from "../../core/platform/errors";
import { localDateIn } from "../../core/treatment-plans/review-due.rules";
import type { AuditContext } from "../audit/audit.service";
import { findParticipantDisclosureFacts, listConsentFacts } from "../consents/consent-facts.sql";
import type { Database } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import type { ParticipantAccess } from "../platform/route-access";
import { type DiscloseRequestWithoutPayload, discloseWithin } from "./disclose";
import * as store from "./disclosures.sql";
import { readReleasePacket } from "./release-packet";
import { renderReleasePdf } from "./release-pdf";

export interface ReleasedRecord {
  pdf: Buffer;
  filename: string;
  disclosureId: string;
}

/**
 * Record releases (channel `record_release`, §2.32): staff choose a signed consent, one of its
 * recipients and categories inside its scope; the packet is read from the record and rendered to a PDF
 * inside the disclosure's transaction, so the consent is checked at that moment and the log's payload
 * hash is of exactly the bytes sent. A refusal leaves nothing behind but a denied audit event.
 */
export function createReleasesService(deps: { db: Database; now: () => Date }) {
  const { db, now } = deps;

  return {
    /** GET /participants/:id/releases/options: the signed consents a release could go under now. */
    async options(access: ParticipantAccess): Promise<ReleaseOptionList> {
      const at = now();
      const facts = await findParticipantDisclosureFacts(db, access.participantId);
      if (!facts) throw new DomainError("NOT_FOUND", "No such participant.");
      const moment = {
        now: at,
        today: localDateIn(at, facts.timeZone),
        treatmentEndedOn: facts.treatmentEndedOn,
        restrictedScopes: facts.restrictedScopes,
      };
      const consents = await listConsentFacts(db, await store.listSignedConsentIds(db, access.participantId));
      const options = consents.flatMap((consent) => {
        const categories = releasableCategories(consent).filter((c) => !facts.restrictedScopes.includes(c));
        const recipients = consent.recipients.filter(
          (r) => checkConsentForDisclosure(consent, r.id, [], moment).length === 0,
        );
        if (categories.length === 0 || recipients.length === 0 || consent.signedAt === null) return [];
        return [
          {
            consentId: consent.id,
            kind: consent.kind,
            signedAt: consent.signedAt.toISOString(),
            expiresOn: consent.expiresOn,
            recipients: recipients.map((r) => ({ id: r.id, name: r.name, relationship: r.relationship })),
            categories,
          },
        ];
      });
      return { options };
    },

    /** POST /participants/:id/releases: the packet as a PDF, logged as a disclosure under the consent. */
    async release(
      actor: Actor,
      access: ParticipantAccess,
      input: ReleaseInput,
      context: AuditContext,
    ): Promise<ReleasedRecord> {
      const information = [...new Set(input.information)];
      const outside = information.filter((i) => !isReleaseCategory(i));
      if (outside.length > 0) {
        throw new DomainError(
          "VALIDATION_FAILED",
          "Choose record categories only: family-portal categories and SUD counseling notes are not released in a record packet.",
          "information",
        );
      }
      const at = now();
      const copy = await store.findConsentCopy(db, input.consentId);
      if (!copy || copy.participant_id !== access.participantId) {
        throw new DomainError("NOT_FOUND", "No such consent for this participant.", "consentId");
      }
      const statement = PART2_STATEMENTS.statement_1;
      let recipientName = "";
      const request: DiscloseRequestWithoutPayload = {
        participantId: access.participantId,
        channel: "record_release",
        purpose: "Record release",
        information,
        disclosedBy: actor.user.id,
        at,
        basis: "consent",
        consentId: input.consentId,
        recipientId: input.recipientId,
      };
      const { result: pdf, disclosure } = await discloseWithin(db, context, request, async (tx) => {
        const facts = await store.findPacketFacts(tx, access.participantId);
        const [consent] = await listConsentFacts(tx, [input.consentId]);
        if (!facts || !consent) throw new DomainError("NOT_FOUND", "No such participant.");
        const recipient = consent.recipients.find((r) => r.id === input.recipientId);
        recipientName = recipient?.name ?? "";
        const packet = await readReleasePacket(
          tx,
          access.participantId,
          information.filter(isReleaseCategory),
          localDateIn(at, facts.site_time_zone),
        );
        return renderReleasePdf({
          programName: facts.program_name,
          siteName: facts.site_name,
          timeZone: facts.site_time_zone,
          participant: { name: `${facts.given_name} ${facts.family_name}`, bornOn: facts.born_on },
          recipient: recipientName,
          printedAt: at,
          statement,
          scopeSummary: describeConsentScope(consent, input.recipientId),
          consentDocument: copy.document_text,
          packet,
        });
      });
      // The packet printed the statement the disclosure carries; they are one constant, checked here.
      if (disclosure.statement.text !== statement)
        throw new Error("release printed a different §2.32 statement");
      const slug =
        recipientName
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, "-")
          .replace(/^-|-$/g, "") || "recipient";
      return {
        pdf,
        filename: `record-release-${slug}-${at.toISOString().slice(0, 10)}.pdf`,
        disclosureId: disclosure.disclosureId,
      };
    },
  };
}
export type ReleasesService = ReturnType<typeof createReleasesService>;
