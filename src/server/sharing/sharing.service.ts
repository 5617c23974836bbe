import { findMissingElements, findMissingSignatures } from "../../core/consents/consent.rules";
import type { SignerRole } from "../../core/consents/consent.schema";
import { renderConsentDocument } from "../../core/consents/consent-document";
import type { Locale } from "../../core/identity/identity.schema";
import { DomainError } from "../../core/platform/errors";
import {
  buildFamilyConsentDraft,
  canInvite,
  deriveSafetyOutcome,
  isSameName,
} from "../../core/sharing/sharing.rules";
import type {
  MyShareInput,
  MySharing,
  ParticipantFamily,
  ShareDraft,
  SharedPerson,
  SharedUpdate,
  ShareOutcome,
  ShareResult,
  StaffShareInput,
} from "../../core/sharing/sharing.schema";
import type { RaiseAlert } from "../alerts/alerts.service";
import { type AuditContext, appendAudit } from "../audit/audit.service";
import { listConsentFacts } from "../consents/consent-facts.sql";
import * as consentStore from "../consents/consents.sql";
import type { Database, Queryable, Transaction } from "../db/connection";
import type { AccountsService } from "../identity/accounts.service";
import type { Actor } from "../identity/auth.service";
import * as userStore from "../identity/users.sql";
import type { Mailer } from "../platform/mail";
import type { ParticipantAccess } from "../platform/route-access";
import { refuseIfBlocked } from "./disclosure-blocks.service";
import * as store from "./sharing.sql";
import { type Acting, auditedNotFound, mine, staff } from "./sharing-acting";
import { blockView, findPerson, listPeople, participantFacts, publicPerson } from "./sharing-reads";

/**
 * Sharing with family and support people (issue 10, 42 CFR Part 2). No family account is linked to a
 * participant without a signed named-recipient consent for that person: the participant (or staff at
 * their request) names the person, chooses what they may see and until when, answers the safety
 * question, and signs; only then is the person invited, through the identity invitation (a
 * content-free email). A "yes" or "not sure" safety answer stops everything and tells the care team;
 * a person on the do-not-disclose list is refused and the team is told. "Stop sharing" is a written
 * revocation for that person, effective on their next request. Every read and write is audited.
 * The do-not-disclose list and the participant's shared updates have their own services.
 */
export function createSharingService(deps: {
  db: Database;
  now: () => Date;
  raiseAlert: RaiseAlert;
  issueInvitation: AccountsService["issueInvitation"];
  mailer: Pick<Mailer, "kick">;
}) {
  const { db, now, raiseAlert, issueInvitation, mailer } = deps;

  /** A family account this email may be linked to, or none; another kind of account is refused. */
  async function familyAccountFor(q: Queryable, email: string) {
    const account = await store.findAccountByEmail(q, email);
    if (account && (account.kind !== "family" || account.disabled))
      throw new DomainError(
        "IDENTITY_EMAIL_TAKEN",
        "This email address cannot be used for a family account. Use another email address.",
        "email",
      );
    return account;
  }

  /**
   * Invite (or link) the person a signed consent names: a new family account with a content-free
   * invitation, or the existing family account with this email (a new link only if it is still waiting
   * for its password). The family link rests on the consent recipient.
   */
  async function inviteRecipient(
    tx: Transaction,
    acting: Acting,
    recipient: { id: string; name: string; relationship: string; email: string },
    locale: Locale,
    at: Date,
  ): Promise<ShareOutcome> {
    const account = await familyAccountFor(tx, recipient.email);
    let userId: string;
    if (account) {
      userId = account.id;
      if (!account.active)
        await issueInvitation(
          tx,
          { id: account.id, email: account.email, displayName: account.display_name, locale: account.locale },
          acting.userId,
          at,
        );
    } else {
      userId = await userStore.insert(tx, {
        email: recipient.email,
        displayName: recipient.name,
        kind: "family",
        locale,
        passwordHash: null,
        requiresCosign: false,
      });
      await issueInvitation(
        tx,
        { id: userId, email: recipient.email, displayName: recipient.name, locale },
        acting.userId,
        at,
      );
    }
    await store.upsertFamilyLink(tx, {
      userId,
      participantId: acting.participantId,
      relationship: recipient.relationship,
      consentRecipientId: recipient.id,
      at,
    });
    await consentStore.setRecipientFamilyUser(tx, recipient.id, userId);
    await appendAudit(
      tx,
      acting.context,
      {
        action: "sharing.invite",
        resourceType: "user",
        resourceId: userId,
        participantId: acting.participantId,
        purpose: acting.purpose,
        details: { recipientId: recipient.id, existingAccount: account !== undefined },
      },
      at,
    );
    return account ? "linked_existing" : "invited";
  }

  /** Sign the consent once every required signer has; false while a signature is still missing. */
  async function completeIfSigned(
    tx: Transaction,
    consentId: string,
    participant: { site_name: string; time_zone: string },
    at: Date,
  ): Promise<boolean> {
    const [facts] = await listConsentFacts(tx, [consentId]);
    if (!facts || findMissingSignatures(facts.requiredSigners, facts.signatures).length > 0) return false;
    const text = renderConsentDocument({
      consent: facts,
      programName: participant.site_name,
      timeZone: participant.time_zone,
    });
    if (!(await consentStore.markSigned(tx, consentId, text, at))) throw new DomainError("CONSENT_NOT_DRAFT");
    return true;
  }

  /** The share use case, for the participant (typed-name e-signature) and staff (paper form on file). */
  async function share(
    acting: Acting,
    input: ShareDraft,
    signature: { method: "electronic"; typedName: string } | { method: "paper_on_file"; onFile: boolean },
  ): Promise<ShareResult> {
    const at = now();
    const { participant, patientName, today, requiredSigners } = await participantFacts(
      db,
      acting.participantId,
      at,
    );
    await refuseIfBlocked(deps, acting, input, at);
    await familyAccountFor(db, input.email);
    const current = await listPeople(db, acting.participantId, at);
    const same = current.filter((p) => p.email.toLowerCase() === input.email);
    if (
      same.some((p) =>
        ["not_invited", "invitation_sent", "active", "paused", "waiting_for_guardian"].includes(p.status),
      )
    )
      throw new DomainError("FAMILY_ALREADY_SHARING", undefined, "email");
    // After a concern, the participant's counselor talks it through first; staff may go on after that talk.
    if (acting.by === "participant" && same.some((p) => p.status === "safety_concern"))
      throw new DomainError("FAMILY_SAFETY_CONCERN", undefined, "safety");

    const draft = buildFamilyConsentDraft(input, { patientName, programName: participant.site_name });
    const proceed = deriveSafetyOutcome(input.safety) === "proceed";
    if (proceed) {
      const missing = findMissingElements(draft, today);
      if (missing.length > 0)
        throw new DomainError(
          "CONSENT_INCOMPLETE",
          undefined,
          missing.map((d) => ({
            path: d.field === "expiresOn" ? "untilOn" : d.field,
            message: d.message,
          })),
        );
      if (signature.method === "electronic" && !isSameName(signature.typedName, patientName))
        throw new DomainError(
          "VALIDATION_FAILED",
          `Type your full name as it is printed on the consent: ${patientName}.`,
          "typedName",
        );
      if (signature.method === "paper_on_file" && !signature.onFile)
        throw new DomainError(
          "VALIDATION_FAILED",
          "Confirm that the participant signed the paper consent and that it is on file.",
          "paperSignatureOnFile",
        );
    }

    const result = await db.transaction(async (tx) => {
      const { consentId, recipientIds } = await consentStore.insertConsent(tx, {
        participantId: acting.participantId,
        siteId: participant.site_id,
        draft,
        requiredSigners,
        createdBy: acting.userId,
        at,
      });
      const recipientId = recipientIds[0]!;
      await consentStore.setSafetyScreen(tx, recipientId, proceed ? "safe" : "concern", at);
      if (!proceed) {
        await raiseAlert(
          tx,
          {
            kind: "family_safety_concern",
            severity: "warning",
            participantId: acting.participantId,
            reason: `Asked whether sharing with their ${input.relationship} could put them at risk, the participant answered "${input.safety === "yes" ? "yes" : "not sure"}". Nothing was shared; please talk it through with them.`,
            evidence: { kind: "consent", id: consentId },
            context: acting.context,
          },
          at,
        );
        await appendAudit(
          tx,
          acting.context,
          {
            action: "sharing.safety_concern",
            resourceType: "consent",
            resourceId: consentId,
            participantId: acting.participantId,
            purpose: acting.purpose,
          },
          at,
        );
        return { outcome: "safety_concern" as const, recipientId };
      }
      await consentStore.insertSignature(tx, {
        consentId,
        role: "patient",
        signerName: signature.method === "electronic" ? signature.typedName.trim() : patientName,
        method: signature.method,
        recordedBy: acting.userId,
        at,
      });
      const signed = await completeIfSigned(tx, consentId, participant, at);
      await appendAudit(
        tx,
        acting.context,
        {
          action: "sharing.share",
          resourceType: "consent",
          resourceId: consentId,
          participantId: acting.participantId,
          purpose: acting.purpose,
          details: {
            method: signature.method,
            consentSigned: signed,
            scopes: draft.informationScope.join(","),
            requiredSigners: requiredSigners.join(","),
          },
        },
        at,
      );
      if (!signed) return { outcome: "waiting_for_guardian" as const, recipientId };
      const outcome = await inviteRecipient(
        tx,
        acting,
        { id: recipientId, name: input.name, relationship: input.relationship, email: input.email },
        input.locale,
        at,
      );
      return { outcome, recipientId };
    });
    mailer.kick();
    const person = await findPerson(db, acting.participantId, result.recipientId, at);
    return { outcome: result.outcome, person: publicPerson(person) };
  }

  async function overview(participantId: string, at: Date) {
    const { participant, patientName, requiredSigners } = await participantFacts(db, participantId, at);
    const people = (await listPeople(db, participantId, at)).map(publicPerson);
    const blocks = (await store.listBlocks(db, participantId)).map(blockView);
    return {
      patientName,
      programName: participant.site_name,
      timeZone: participant.time_zone,
      guardianRequired: requiredSigners.includes("parent_guardian" satisfies SignerRole),
      people,
      blocks,
    };
  }

  const updateView = (row: store.SharedUpdateRow): SharedUpdate => ({
    id: row.id,
    body: row.body,
    createdAt: row.created_at,
  });

  return {
    /** GET /me/sharing: the participant's people, do-not-disclose list and shared updates. Audited (self). */
    async mySharing(actor: Actor, context: AuditContext): Promise<MySharing> {
      const acting = mine(actor, context);
      const at = now();
      const base = await overview(acting.participantId, at);
      const updates = (await store.listSharedUpdates(db, acting.participantId)).map(updateView);
      await db.transaction((tx) =>
        appendAudit(
          tx,
          context,
          {
            action: "sharing.read",
            resourceType: "consent",
            participantId: acting.participantId,
            purpose: "self",
            details: { people: base.people.length },
          },
          at,
        ),
      );
      return { ...base, updates };
    },

    /** POST /me/sharing/people: the participant shares with someone (safety answer, then their signature). */
    async myShare(actor: Actor, input: MyShareInput, context: AuditContext): Promise<ShareResult> {
      return share(mine(actor, context), input, { method: "electronic", typedName: input.typedName });
    },

    /**
     * POST /me/sharing/people/:recipientId/revocation: "Stop sharing", a written revocation for that
     * person (effective on their next request). A share still waiting for a guardian is withdrawn instead.
     */
    async stopSharing(
      actor: Actor,
      recipientId: string,
      input: { writtenStatement: string },
      context: AuditContext,
    ): Promise<SharedPerson> {
      const acting = mine(actor, context);
      return auditedNotFound(deps, acting, "consent.revoke", async () => {
        const at = now();
        const before = await db.transaction(async (tx) => {
          const person = await findPerson(tx, acting.participantId, recipientId, at);
          if (person.status === "revoked") throw new DomainError("CONSENT_ALREADY_REVOKED");
          if (person.facts.status === "draft") {
            if (!(await consentStore.markVoid(tx, person.consentId, at)))
              throw new DomainError("CONSENT_NOT_DRAFT");
          } else {
            await consentStore.insertRevocation(tx, {
              consentId: person.consentId,
              recipientId,
              writtenStatement: input.writtenStatement,
              method: "participant_app",
              recordedBy: acting.userId,
              at,
            });
          }
          await appendAudit(
            tx,
            context,
            {
              action: person.facts.status === "draft" ? "consent.void" : "consent.revoke",
              resourceType: "consent",
              resourceId: person.consentId,
              participantId: acting.participantId,
              purpose: "self",
              details: { recipientId, method: "participant_app" },
            },
            at,
          );
          return person;
        });
        const after = (await listPeople(db, acting.participantId, at)).find(
          (p) => p.recipientId === recipientId,
        );
        // A withdrawn draft is no longer listed: answer with what it was, ended now.
        return after
          ? publicPerson(after)
          : { ...publicPerson(before), status: "revoked", revokedAt: at.toISOString() };
      });
    },

    /** GET /participants/:id/family (the guard authorizes and audits the read). */
    async participantFamily(access: ParticipantAccess): Promise<ParticipantFamily> {
      return overview(access.participantId, now());
    },

    /** POST /participants/:id/family/people: staff share at the participant's request (paper signature on file). */
    async staffShare(
      actor: Actor,
      access: ParticipantAccess,
      input: StaffShareInput,
      context: AuditContext,
    ): Promise<ShareResult> {
      return share(staff(actor, access, context), input, {
        method: "paper_on_file",
        onFile: input.paperSignatureOnFile,
      });
    },

    /**
     * POST /participants/:id/family/people/:recipientId/guardian-signature: a parent's or guardian's
     * signature given on paper (§2.14); once the consent is complete the person is invited.
     */
    async recordGuardianSignature(
      actor: Actor,
      access: ParticipantAccess,
      recipientId: string,
      input: { signerName: string; locale: Locale },
      context: AuditContext,
    ): Promise<ShareResult> {
      const acting = staff(actor, access, context);
      return auditedNotFound(deps, acting, "consent.sign", async () => {
        const at = now();
        const { participant } = await participantFacts(db, acting.participantId, at);
        const person = await findPerson(db, acting.participantId, recipientId, at);
        if (person.status !== "waiting_for_guardian" || !person.missingSigners.includes("parent_guardian"))
          throw new DomainError(
            "CONSENT_SIGNED_ALREADY",
            "This consent is not waiting for a guardian's signature.",
          );
        await refuseIfBlocked(deps, acting, person, at);
        const outcome = await db.transaction(async (tx) => {
          await consentStore.insertSignature(tx, {
            consentId: person.consentId,
            role: "parent_guardian",
            signerName: input.signerName,
            method: "paper_on_file",
            recordedBy: acting.userId,
            at,
          });
          const signed = await completeIfSigned(tx, person.consentId, participant, at);
          await appendAudit(
            tx,
            context,
            {
              action: "consent.sign",
              resourceType: "consent",
              resourceId: person.consentId,
              participantId: acting.participantId,
              purpose: acting.purpose,
              details: { role: "parent_guardian", method: "paper_on_file", consentSigned: signed },
            },
            at,
          );
          if (!signed) return "waiting_for_guardian" as const;
          return inviteRecipient(tx, acting, { ...person, id: person.recipientId }, input.locale, at);
        });
        mailer.kick();
        return { outcome, person: publicPerson(await findPerson(db, acting.participantId, recipientId, at)) };
      });
    },

    /**
     * POST /participants/:id/family/people/:recipientId/invitation: send (or send again) the invitation
     * for a signed, safe consent — e.g. after a guardian's signature recorded on the Consents tab.
     */
    async sendInvitation(
      actor: Actor,
      access: ParticipantAccess,
      recipientId: string,
      input: { locale: Locale },
      context: AuditContext,
    ): Promise<ShareResult> {
      const acting = staff(actor, access, context);
      return auditedNotFound(deps, acting, "sharing.invite", async () => {
        const at = now();
        const person = await findPerson(db, acting.participantId, recipientId, at);
        if (person.safetyScreen !== "safe") throw new DomainError("FAMILY_SAFETY_CONCERN");
        if (!canInvite(person.status))
          throw new DomainError(
            "FAMILY_ACCESS_ENDED",
            "This person cannot be invited: their consent is not signed and in force, or they already use their account.",
          );
        await refuseIfBlocked(deps, acting, person, at);
        const outcome = await db.transaction((tx) =>
          inviteRecipient(tx, acting, { ...person, id: person.recipientId }, input.locale, at),
        );
        mailer.kick();
        return { outcome, person: publicPerson(await findPerson(db, acting.participantId, recipientId, at)) };
      });
    },
  };
}

export type SharingService = ReturnType<typeof createSharingService>;
