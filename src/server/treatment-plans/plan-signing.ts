import type { AuditPurpose } from "../../core/audit/audit.schema";
import { DomainError } from "../../core/platform/errors";
import { isTypedNameAcceptable, requiredSignatureRoles } from "../../core/treatment-plans/plan.rules";
import type { ParticipantSignInput, StaffSignInput } from "../../core/treatment-plans/plan.schema";
import type { VersionDetail } from "../../core/treatment-plans/plan-api.schema";
import { type AuditContext, appendAudit, recordAudit } from "../audit/audit.service";
import type { Database, Transaction } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import type { Keyring } from "../identity/keyring";
import { confirmIdentity } from "../identity/reauth";
import { assertStaff, authorizeOnParticipant, requiresCosignature } from "./plan-access";
import { versionDetail } from "./plan-views";
import * as store from "./plans.sql";

/**
 * Signing a frozen plan version: the clinician and the named supervisor re-authenticate (password or
 * authenticator code); the participant types their name in their own area. Each signature keeps the
 * hash of exactly what was signed and the device it came from. When every required role has signed,
 * the version becomes the plan in force and the one before it is superseded — in the same transaction.
 */

export interface MyPlan {
  version: VersionDetail;
  awaitingMySignature: boolean;
  expectedNames: string[];
}

const STALE =
  "The plan changed since you opened it. Reload it and read it again before signing: nothing was signed.";

/** The names on the record a typed signature is compared with: legal name first, then the preferred one. */
function namesOnFile(p: { given_name: string; family_name: string; preferred_name: string }): string[] {
  const legal = `${p.given_name.trim()} ${p.family_name.trim()}`;
  const preferred = p.preferred_name.trim();
  if (preferred === "" || preferred === p.given_name.trim()) return [legal];
  return [legal, `${preferred} ${p.family_name.trim()}`];
}

export function createPlanSigning(deps: { db: Database; now: () => Date; keyring: Keyring }) {
  const { db, now, keyring } = deps;

  /** The version's status must still be awaiting signatures at the revision the signer read. */
  function assertSignable(version: store.VersionRow, revision: number): void {
    if (version.status === "draft") throw new DomainError("TREATMENT_PLAN_NOT_AWAITING_SIGNATURES");
    if (version.status !== "awaiting_signatures") {
      throw new DomainError(
        "TREATMENT_PLAN_LOCKED",
        "This version is already signed and locked; nothing more can be signed on it.",
      );
    }
    if (version.revision !== revision)
      throw new DomainError("TREATMENT_PLAN_EDIT_CONFLICT", STALE, "revision");
  }

  /** Once every required role has signed: the version is in force, the previous one superseded. */
  async function completeIfSigned(
    tx: Transaction,
    version: store.VersionRow,
    participantId: string,
    context: AuditContext,
    purpose: AuditPurpose,
    at: Date,
  ): Promise<void> {
    const signed = new Set((await store.listSignatures(tx, [version.id])).map((s) => s.role));
    if (!requiredSignatureRoles(version.cosignerUserId).every((role) => signed.has(role))) return;
    const previous = await store.findVersionByStatus(tx, version.planId, ["signed"]);
    if (previous) {
      await store.updateVersionStatus(tx, previous.id, { status: "superseded", supersededAt: at });
    }
    await store.updateVersionStatus(tx, version.id, { status: "signed", signedAt: at });
    await appendAudit(
      tx,
      context,
      {
        action: "treatment_plan.version_signed",
        resourceType: "treatment_plan_version",
        resourceId: version.id,
        participantId,
        purpose,
        details: { planId: version.planId, number: version.number, superseded: previous?.id ?? null },
      },
      at,
    );
  }

  async function insertOrRefuse(tx: Transaction, row: store.NewSignature): Promise<void> {
    const inserted = await store.insertSignature(tx, row);
    if (!inserted) throw new DomainError("TREATMENT_PLAN_ALREADY_SIGNED", undefined, "role");
  }

  return {
    /**
     * A staff signature. The clinician role: anyone who may write the participant's clinical record.
     * The supervisor role: only the co-signer named on the version, holding plans.cosign. Either
     * re-enters their password or an authenticator code first.
     */
    async staffSign(
      actor: Actor,
      planId: string,
      versionId: string,
      input: StaffSignInput,
      context: AuditContext,
    ): Promise<VersionDetail> {
      const action = "treatment_plan.sign";
      const at = now();
      assertStaff(actor);
      const plan = await store.findPlanById(db, planId);
      if (!plan) throw new DomainError("NOT_FOUND", "No such treatment plan.");
      const purpose = await authorizeOnParticipant(
        db,
        actor,
        plan.participantId,
        input.role === "clinician" ? "clinical.write" : "clinical.view",
        { action, context },
        at,
      );
      const before = await store.findVersion(db, plan.id, versionId);
      if (!before) throw new DomainError("NOT_FOUND", "This plan has no such version.");
      assertSignable(before, input.revision);
      if (input.role === "supervisor") {
        if (before.cosignerUserId === null)
          throw new DomainError("TREATMENT_PLAN_COSIGN_NOT_REQUIRED", undefined, "role");
        if (before.cosignerUserId !== actor.user.id || !actor.access.grants["plans.cosign"]) {
          await recordAudit(
            db,
            context,
            {
              action,
              resourceType: "treatment_plan_version",
              resourceId: versionId,
              participantId: plan.participantId,
              purpose,
              outcome: "denied",
              details: { role: "supervisor", reason: "not_named_cosigner" },
            },
            at,
          );
          throw new DomainError("TREATMENT_PLAN_NOT_COSIGNER", undefined, "role");
        }
      }
      // A supervisee (their account "requires co-signature") signs only a version that names a supervisor.
      if (
        input.role === "clinician" &&
        before.cosignerUserId === null &&
        (await requiresCosignature(db, actor.user.id))
      ) {
        throw new DomainError("TREATMENT_PLAN_COSIGNER_REQUIRED", undefined, "cosignerUserId");
      }
      const proof = input.password !== undefined ? { password: input.password } : { code: input.code ?? "" };
      const { method } = await confirmIdentity(db, actor, proof, at, {
        keyring,
        context,
        purposeAction: action,
      });

      await db.transaction(async (tx) => {
        const version = await store.findVersionForUpdate(tx, plan.id, versionId);
        if (!version) throw new DomainError("NOT_FOUND", "This plan has no such version.");
        assertSignable(version, input.revision);
        const existing = await store.listSignatures(tx, [version.id]);
        const otherStaffRole = existing.find(
          (s) => s.signerUserId === actor.user.id && s.role !== input.role && s.role !== "participant",
        );
        if (otherStaffRole) {
          throw new DomainError(
            "VALIDATION_FAILED",
            "You have already signed this plan as the clinician; the co-signature must come from someone else.",
            "role",
          );
        }
        await insertOrRefuse(tx, {
          versionId: version.id,
          role: input.role,
          signerUserId: actor.user.id,
          method,
          typedName: null,
          contentSha256: version.contentSha256!,
          signedAt: at,
          userAgent: context.userAgent?.slice(0, 300) ?? null,
          ipAddress: context.ipAddress,
        });
        await appendAudit(
          tx,
          context,
          {
            action,
            resourceType: "treatment_plan_version",
            resourceId: version.id,
            participantId: plan.participantId,
            purpose,
            details: { planId, role: input.role, method, contentSha256: version.contentSha256 },
          },
          at,
        );
        await completeIfSigned(tx, version, plan.participantId, context, purpose, at);
      });
      return versionDetail(db, (await store.findVersion(db, plan.id, versionId))!);
    },

    /** The participant's own plan: the version awaiting their signature, else the one in force; never a draft. */
    async myPlan(actor: Actor, context: AuditContext): Promise<MyPlan | null> {
      const participantId = actor.user.kind === "participant" ? actor.access.participantId : null;
      if (!participantId)
        throw new DomainError("AUTH_FORBIDDEN", "Only a participant has a plan of their own.");
      const at = now();
      const plan = await store.findPlanOfParticipant(db, participantId);
      const version = plan
        ? await store.findVersionByStatus(db, plan.id, ["awaiting_signatures", "signed"])
        : undefined;
      await recordAudit(
        db,
        context,
        {
          action: "treatment_plan.my_plan_view",
          resourceType: "treatment_plan_version",
          resourceId: version?.id ?? null,
          participantId,
          purpose: "self",
        },
        at,
      );
      if (!version) return null;
      const names = await store.findParticipantNames(db, participantId);
      const detail = await versionDetail(db, version);
      return {
        version: detail,
        awaitingMySignature:
          version.status === "awaiting_signatures" &&
          !detail.signatures.some((s) => s.role === "participant"),
        expectedNames: names ? namesOnFile(names) : [],
      };
    },

    /** The participant signs by typing their name as it is on their record; the time and device are kept. */
    async participantSign(actor: Actor, input: ParticipantSignInput, context: AuditContext): Promise<MyPlan> {
      const participantId = actor.user.kind === "participant" ? actor.access.participantId : null;
      if (!participantId)
        throw new DomainError("AUTH_FORBIDDEN", "Only the participant signs as the participant.");
      const action = "treatment_plan.participant_sign";
      const at = now();
      const plan = await store.findPlanOfParticipant(db, participantId);
      const before = plan ? await store.findVersion(db, plan.id, input.versionId) : undefined;
      // A draft is not theirs to see: it answers as if there were no such version.
      if (!plan || !before || before.status === "draft") {
        throw new DomainError("NOT_FOUND", "There is no plan waiting for your signature.", "versionId");
      }
      assertSignable(before, input.revision);
      const names = await store.findParticipantNames(db, participantId);
      const expected = names ? namesOnFile(names) : [];
      if (!isTypedNameAcceptable(input.typedName, expected)) {
        await recordAudit(
          db,
          context,
          {
            action,
            resourceType: "treatment_plan_version",
            resourceId: before.id,
            participantId,
            purpose: "self",
            outcome: "denied",
            details: { reason: "typed_name_mismatch" },
          },
          at,
        );
        throw new DomainError(
          "VALIDATION_FAILED",
          `Type your name as it is on your record: ${expected[0] ?? "your full name"}.`,
          "typedName",
        );
      }
      await db.transaction(async (tx) => {
        const version = await store.findVersionForUpdate(tx, plan.id, input.versionId);
        if (!version) throw new DomainError("NOT_FOUND", "There is no plan waiting for your signature.");
        assertSignable(version, input.revision);
        await insertOrRefuse(tx, {
          versionId: version.id,
          role: "participant",
          signerUserId: actor.user.id,
          method: "typed_name",
          typedName: input.typedName,
          contentSha256: version.contentSha256!,
          signedAt: at,
          userAgent: context.userAgent?.slice(0, 300) ?? null,
          ipAddress: context.ipAddress,
        });
        await appendAudit(
          tx,
          context,
          {
            action,
            resourceType: "treatment_plan_version",
            resourceId: version.id,
            participantId,
            purpose: "self",
            details: { planId: plan.id, method: "typed_name", contentSha256: version.contentSha256 },
          },
          at,
        );
        await completeIfSigned(tx, version, participantId, context, "self", at);
      });
      const signedView = await versionDetail(db, (await store.findVersion(db, plan.id, input.versionId))!);
      return {
        version: signedView,
        awaitingMySignature: false,
        expectedNames: expected,
      };
    },
  };
}
export type PlanSigning = ReturnType<typeof createPlanSigning>;
