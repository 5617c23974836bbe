import { randomUUID } from "node:crypto";
import { DomainError } from "../../core/platform/errors";
import { validatePlanForSigning } from "../../core/treatment-plans/plan.rules";
import {
  EMPTY_PLAN_CONTENT,
  type PlanContent,
  planContentSchema,
  type SaveDraftInput,
  type StartPlanInput,
} from "../../core/treatment-plans/plan.schema";
import type { ParticipantPlan, PlanChange, VersionDetail } from "../../core/treatment-plans/plan-api.schema";
import { diffPlanContent } from "../../core/treatment-plans/plan-diff.rules";
import { type AuditContext, appendAudit, recordAudit } from "../audit/audit.service";
import type { Database } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import type { ParticipantAccess } from "../platform/route-access";
import { currentObjectives, objectiveProgressOf } from "./golden-thread";
import { assertStaff, planForActor } from "./plan-access";
import { contentHash, contentOf, versionDetail, versionViews } from "./plan-views";
import * as store from "./plans.sql";
import { reviewStateFor } from "./reviews.service";
import { findPlanFacts } from "./reviews.sql";
import { startingContentFor } from "./suggestions.service";
import type { TemplateLibrary } from "./template-library";

// Other domains use these from here: the golden thread, and the plan views and access checks.
export { currentObjectives } from "./golden-thread";
export { assertStaff, authorizeOnParticipant, planForActor } from "./plan-access";
export { contentHash, contentOf, versionDetail, versionViews } from "./plan-views";

/**
 * Treatment plan versions: start a plan for the open episode, autosave its draft under optimistic
 * locking, freeze it for signatures (or reopen it), start a revision of the signed version, read a
 * version, the history and the difference between two versions, and the golden thread — the current
 * signed objectives other domains tie to. Signing itself is in plan-signing.ts.
 */

/** Where the draft's content is checked beyond its shape: a target date before the plan's start is refused at once. */
function checkDraftDates(content: PlanContent, startsOn: string): void {
  const problems = content.problems.flatMap((problem, p) =>
    problem.objectives.flatMap((objective, o) =>
      objective.targetOn !== null && objective.targetOn < startsOn
        ? [
            {
              path: `content.problems.${p}.objectives.${o}.targetOn`,
              message: `The target date ${objective.targetOn} is before the plan starts (${startsOn}).`,
            },
          ]
        : [],
    ),
  );
  if (problems.length > 0) throw new DomainError("VALIDATION_FAILED", problems[0]!.message, problems);
}

function localTime(at: Date, timeZone: string, now: Date): string {
  const day = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone, dateStyle: "short" }).format(d);
  const time = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);
  return day(at) === day(now) ? `at ${time}` : `on ${day(at)} at ${time}`;
}

export function createPlansService(deps: {
  db: Database;
  now: () => Date;
  /** The plan templates: chosen ones and suggested problems become the first draft's problems. */
  templates: TemplateLibrary;
  newId?: () => string;
}) {
  const { db, now } = deps;
  const newId = deps.newId ?? (() => randomUUID());

  async function readVersion(planId: string, versionId: string): Promise<store.VersionRow> {
    const row = await store.findVersion(db, planId, versionId);
    if (!row) throw new DomainError("NOT_FOUND", "This plan has no such version.");
    return row;
  }

  /** Why a conditional update of a version matched nothing: it is no longer a draft, or someone saved first. */
  async function refusalFor(
    actor: Actor,
    plan: store.PlanRow,
    versionId: string,
    expectedStatus: string,
  ): Promise<DomainError> {
    const row = await readVersion(plan.id, versionId);
    if (row.status !== expectedStatus) {
      return expectedStatus === "draft"
        ? new DomainError("TREATMENT_PLAN_LOCKED")
        : new DomainError(
            "TREATMENT_PLAN_NOT_AWAITING_SIGNATURES",
            "This version is not awaiting signatures, so it cannot be reopened.",
          );
    }
    const facts = await findPlanFacts(db, plan.id);
    const when = localTime(row.updatedAt, facts?.timeZone ?? "UTC", now());
    const names = row.updatedBy ? await store.findNames(db, [row.updatedBy]) : new Map<string, string>();
    const who =
      row.updatedBy === actor.user.id
        ? "You saved this plan in another window"
        : `${(row.updatedBy && names.get(row.updatedBy)) ?? "Someone"} saved this plan`;
    return new DomainError(
      "TREATMENT_PLAN_EDIT_CONFLICT",
      `${who} ${when} after you opened it. Your text is kept on this page; reload the plan to see their changes, then apply yours.`,
      "revision",
      { revision: row.revision, updatedAt: row.updatedAt.toISOString(), updatedBy: row.updatedBy },
    );
  }

  async function planOf(participantId: string): Promise<ParticipantPlan | null> {
    const plan = await store.findPlanOfParticipant(db, participantId);
    if (!plan) return null;
    const rows = await store.listVersions(db, plan.id);
    const views = await versionViews(db, rows);
    const current = rows.find((r) => r.status === "signed");
    const open = rows.find((r) => r.status === "draft" || r.status === "awaiting_signatures");
    const reviews = await reviewStateFor(db, plan.id, now());
    return {
      planId: plan.id,
      participantId: plan.participantId,
      episodeId: plan.episodeId,
      current: current ? views.detail(current) : null,
      open: open ? views.detail(open) : null,
      versions: rows.map(views.summary),
      reviewDue: reviews.reviewDue,
      openReview: reviews.openReview,
      reviews: reviews.reviews,
    };
  }

  async function checkCosigner(actor: Actor, plan: store.PlanRow, cosignerUserId: string | null) {
    if (cosignerUserId === null) return;
    if (cosignerUserId === actor.user.id) {
      throw new DomainError(
        "VALIDATION_FAILED",
        "Choose a supervisor other than yourself to co-sign.",
        "cosignerUserId",
      );
    }
    const cosigner = await store.findCosigner(db, cosignerUserId);
    if (!cosigner?.site_ids.includes(plan.siteId)) {
      throw new DomainError(
        "VALIDATION_FAILED",
        "The co-signer must be a supervisor at this site who may co-sign plans.",
        "cosignerUserId",
      );
    }
  }

  return {
    /** The chart's Plan tab: the plan of the open (else latest) episode, its versions and review state. */
    async participantPlan(
      actor: Actor,
      access: ParticipantAccess,
      context: AuditContext,
    ): Promise<ParticipantPlan | null> {
      const staff = actor.user.kind === "staff";
      // Audited either way, before any data is produced: a participant is sent to their own area,
      // where a draft is never shown.
      await recordAudit(
        db,
        context,
        {
          action: "treatment_plan.view",
          resourceType: "treatment_plan",
          resourceId: access.participantId,
          participantId: access.participantId,
          purpose: access.purpose,
          ...(staff ? {} : { outcome: "denied" as const, details: { reason: "not_staff" } }),
        },
        now(),
      );
      assertStaff(actor);
      return planOf(access.participantId);
    },

    /** Start the plan of the open episode: version 1, a draft, from the chosen templates and suggestions. */
    async startPlan(
      actor: Actor,
      access: ParticipantAccess,
      input: StartPlanInput,
      context: AuditContext,
    ): Promise<ParticipantPlan> {
      assertStaff(actor);
      const participantId = access.participantId;
      const episode = await store.findOpenEpisode(db, participantId);
      const refusal = !episode
        ? new DomainError("TREATMENT_PLAN_NO_OPEN_EPISODE")
        : (await store.findPlanByEpisode(db, episode.id))
          ? new DomainError("TREATMENT_PLAN_EXISTS")
          : undefined;
      if (refusal || !episode) {
        // Audited either way: the answer tells whether the participant is in the program and has a plan.
        await recordAudit(
          db,
          context,
          {
            action: "treatment_plan.start",
            resourceType: "treatment_plan",
            participantId,
            purpose: access.purpose,
            details: { started: false, reason: refusal?.code ?? null },
          },
          now(),
        );
        throw refusal;
      }
      const content: PlanContent =
        input.templateKeys.length > 0 || input.suggestionKeys.length > 0
          ? planContentSchema.parse(await startingContentFor(db, deps.templates, participantId, input, newId))
          : EMPTY_PLAN_CONTENT;
      const at = now();
      await db.transaction(async (tx) => {
        const plan = await store.insertPlan(tx, {
          participantId,
          episodeId: episode.id,
          siteId: episode.site_id,
          createdBy: actor.user.id,
          createdAt: at,
        });
        if (!plan) throw new DomainError("TREATMENT_PLAN_EXISTS");
        const version = await store.insertVersion(tx, {
          planId: plan.id,
          number: 1,
          status: "draft",
          language: input.language,
          startsOn: input.startsOn,
          content,
          createdBy: actor.user.id,
          createdAt: at,
          updatedBy: actor.user.id,
          updatedAt: at,
        });
        await appendAudit(
          tx,
          context,
          {
            action: "treatment_plan.start",
            resourceType: "treatment_plan_version",
            resourceId: version.id,
            participantId,
            purpose: access.purpose,
            details: {
              planId: plan.id,
              templates: input.templateKeys.join(",") || null,
              suggestions: input.suggestionKeys.length,
            },
          },
          at,
        );
      });
      return (await planOf(participantId))!;
    },

    /**
     * Autosave a draft: refused unless the revision read is still the stored one (nothing is
     * overwritten; the message names who saved meanwhile and when), and unless it is still a draft.
     */
    async saveDraft(
      actor: Actor,
      planId: string,
      versionId: string,
      input: SaveDraftInput,
      context: AuditContext,
    ): Promise<VersionDetail> {
      const action = "treatment_plan.save_draft";
      const at = now();
      const { plan, purpose } = await planForActor(
        db,
        actor,
        planId,
        "clinical.write",
        { action, context },
        at,
      );
      checkDraftDates(input.content, input.startsOn);
      const before = await readVersion(plan.id, versionId);
      if (before.status !== "draft") throw new DomainError("TREATMENT_PLAN_LOCKED");
      if (input.cosignerUserId !== before.cosignerUserId)
        await checkCosigner(actor, plan, input.cosignerUserId);
      const saved = await db.transaction(async (tx) => {
        const row = await store.updateVersionIf(
          tx,
          versionId,
          { revision: input.revision, status: "draft" },
          {
            content: input.content,
            startsOn: input.startsOn,
            language: input.language,
            cosignerUserId: input.cosignerUserId,
            updatedBy: actor.user.id,
            updatedAt: at,
          },
        );
        if (!row) return undefined;
        await appendAudit(
          tx,
          context,
          {
            action,
            resourceType: "treatment_plan_version",
            resourceId: versionId,
            participantId: plan.participantId,
            purpose,
            details: { planId, revision: row.revision },
          },
          at,
        );
        return row;
      });
      if (!saved) throw await refusalFor(actor, plan, versionId, "draft");
      return versionDetail(db, saved);
    },

    /** Freeze a complete draft for signatures: every missing piece is named; the content is hashed. */
    async finalize(
      actor: Actor,
      planId: string,
      versionId: string,
      revision: number,
      context: AuditContext,
    ): Promise<VersionDetail> {
      const action = "treatment_plan.finalize";
      const at = now();
      const { plan, purpose } = await planForActor(
        db,
        actor,
        planId,
        "clinical.write",
        { action, context },
        at,
      );
      const row = await readVersion(plan.id, versionId);
      if (row.status !== "draft") throw new DomainError("TREATMENT_PLAN_LOCKED");
      if (row.revision !== revision) throw await refusalFor(actor, plan, versionId, "draft");
      const content = contentOf(row);
      const problems = validatePlanForSigning(content, row.startsOn);
      if (problems.length > 0) {
        throw new DomainError(
          "VALIDATION_FAILED",
          problems.length === 1
            ? problems[0]!.message
            : `The plan is not ready to sign: ${problems.length} things are missing.`,
          problems,
        );
      }
      const frozen = await db.transaction(async (tx) => {
        const updated = await store.updateVersionIf(
          tx,
          versionId,
          { revision, status: "draft" },
          {
            status: "awaiting_signatures",
            contentSha256: contentHash(content),
            finalizedAt: at,
            updatedBy: actor.user.id,
            updatedAt: at,
          },
        );
        if (!updated) return undefined;
        await appendAudit(
          tx,
          context,
          {
            action,
            resourceType: "treatment_plan_version",
            resourceId: versionId,
            participantId: plan.participantId,
            purpose,
            details: { planId, contentSha256: updated.contentSha256 },
          },
          at,
        );
        return updated;
      });
      if (!frozen) throw await refusalFor(actor, plan, versionId, "draft");
      return versionDetail(db, frozen);
    },

    /** Return a version awaiting signatures to draft: its signatures are removed (and that is audited). */
    async reopen(
      actor: Actor,
      planId: string,
      versionId: string,
      revision: number,
      context: AuditContext,
    ): Promise<VersionDetail> {
      const action = "treatment_plan.reopen";
      const at = now();
      const { plan, purpose } = await planForActor(
        db,
        actor,
        planId,
        "clinical.write",
        { action, context },
        at,
      );
      await readVersion(plan.id, versionId);
      const reopened = await db.transaction(async (tx) => {
        const row = await store.updateVersionIf(
          tx,
          versionId,
          { revision, status: "awaiting_signatures" },
          {
            status: "draft",
            contentSha256: null,
            finalizedAt: null,
            updatedBy: actor.user.id,
            updatedAt: at,
          },
        );
        if (!row) return undefined;
        const removed = await store.deleteSignatures(tx, versionId);
        await appendAudit(
          tx,
          context,
          {
            action,
            resourceType: "treatment_plan_version",
            resourceId: versionId,
            participantId: plan.participantId,
            purpose,
            details: { planId, signaturesRemoved: removed },
          },
          at,
        );
        return row;
      });
      if (!reopened) throw await refusalFor(actor, plan, versionId, "awaiting_signatures");
      return versionDetail(db, reopened);
    },

    /** A new draft version copied from the signed one in force (one version open at a time). */
    async startRevision(actor: Actor, planId: string, context: AuditContext): Promise<VersionDetail> {
      const action = "treatment_plan.revise";
      const at = now();
      const { plan, purpose } = await planForActor(
        db,
        actor,
        planId,
        "clinical.write",
        { action, context },
        at,
      );
      const created = await db.transaction(async (tx) => {
        // Serialise revisions of one plan: the plan row is the lock.
        await store.lockPlan(tx, plan.id);
        if (await store.findVersionByStatus(tx, plan.id, ["draft", "awaiting_signatures"])) {
          throw new DomainError("TREATMENT_PLAN_VERSION_OPEN");
        }
        const current = await store.findVersionByStatus(tx, plan.id, ["signed"]);
        if (!current) throw new DomainError("TREATMENT_PLAN_NOT_SIGNED");
        const version = await store.insertVersion(tx, {
          planId: plan.id,
          number: (await store.maxVersionNumber(tx, plan.id)) + 1,
          status: "draft",
          language: current.language,
          startsOn: current.startsOn,
          content: contentOf(current),
          cosignerUserId: current.cosignerUserId,
          basedOnVersionId: current.id,
          createdBy: actor.user.id,
          createdAt: at,
          updatedBy: actor.user.id,
          updatedAt: at,
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
            details: { planId, number: version.number, basedOn: current.id },
          },
          at,
        );
        return version;
      });
      return versionDetail(db, created);
    },

    /** One version with its content and signatures (the read is audited). */
    async version(
      actor: Actor,
      planId: string,
      versionId: string,
      context: AuditContext,
    ): Promise<VersionDetail> {
      const action = "treatment_plan.version_view";
      const at = now();
      const { plan, purpose } = await planForActor(
        db,
        actor,
        planId,
        "clinical.view",
        { action, context },
        at,
      );
      const row = await readVersion(plan.id, versionId);
      await recordAudit(
        db,
        context,
        {
          action,
          resourceType: "treatment_plan_version",
          resourceId: versionId,
          participantId: plan.participantId,
          purpose,
        },
        at,
      );
      return versionDetail(db, row);
    },

    /** What changed from another version (by default the one this version was based on) to this one. */
    async diff(
      actor: Actor,
      planId: string,
      versionId: string,
      againstId: string | undefined,
      context: AuditContext,
    ): Promise<{
      from: { id: string; number: number };
      to: { id: string; number: number };
      changes: PlanChange[];
    }> {
      const action = "treatment_plan.diff_view";
      const at = now();
      const { plan, purpose } = await planForActor(
        db,
        actor,
        planId,
        "clinical.view",
        { action, context },
        at,
      );
      const to = await readVersion(plan.id, versionId);
      const fromId = againstId ?? to.basedOnVersionId;
      if (!fromId) {
        throw new DomainError(
          "VALIDATION_FAILED",
          `Version ${to.number} is not based on an earlier version: choose a version to compare it with.`,
          "against",
        );
      }
      const from = await store.findVersion(db, plan.id, fromId);
      if (!from)
        throw new DomainError("NOT_FOUND", "This plan has no such version to compare with.", "against");
      await recordAudit(
        db,
        context,
        {
          action,
          resourceType: "treatment_plan_version",
          resourceId: versionId,
          participantId: plan.participantId,
          purpose,
          details: { against: from.id },
        },
        at,
      );
      return {
        from: { id: from.id, number: from.number },
        to: { id: to.id, number: to.number },
        changes: diffPlanContent(contentOf(from), contentOf(to)),
      };
    },

    currentObjectives: (participantId: string) => currentObjectives(db, participantId),

    /** Each objective's course: its status at each signing and signed review, and measured values. */
    progress: (participantId: string) => objectiveProgressOf(db, participantId),
  };
}
export type PlansService = ReturnType<typeof createPlansService>;
