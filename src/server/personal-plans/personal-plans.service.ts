import {
  computeChangedSections,
  deriveChangedSinceSeen,
  type PlanEditorKind,
} from "../../core/personal-plans/personal-plan.rules";
import {
  EMPTY_RECOVERY_PLAN,
  EMPTY_SAFETY_PLAN,
  type PersonalPlan,
  type PersonalPlanKind,
  recoveryPlanContentSchema,
  type SavePersonalPlanInput,
  safetyPlanContentSchema,
} from "../../core/personal-plans/personal-plan.schema";
import type {
  MarkPlanSeenInput,
  PersonalPlanVersion,
  PersonalPlanVersionList,
} from "../../core/personal-plans/personal-plan-api.schema";
import { DomainError } from "../../core/platform/errors";
import { type CoWrittenAccess, type CoWrittenReader, coWrittenReaderFor } from "../access/co-written-reader";
import { type AuditContext, appendAudit, recordAudit } from "../audit/audit.service";
import type { Database } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import { findNames } from "../treatment-plans/plans.sql";
import * as store from "./personal-plans.sql";

/**
 * The participant's recovery and safety plans (issue 9), co-edited with their care team. Every save
 * is a new version (optimistic locking on the version it was edited from; a save that changes
 * nothing keeps no version); each side sees which sections the other changed since it last looked.
 *
 * Two ways in: the participant's own area (`self`: the participant comes from the session, never
 * from the request; a participant with no open episode still reads and keeps their plans) and the
 * chart (`chart`: the route's guard decided clinical.view or clinical.write on the participant; the
 * chart is staff's). Every read and write is audited here, and so is every refusal made here.
 */

export type PlanAccess = CoWrittenAccess;

type Reader = CoWrittenReader;

const RESOURCE = "personal_plan";
type AuditDetails = Record<string, string | number | boolean | null>;

function parseContent(kind: PersonalPlanKind, content: unknown) {
  return kind === "recovery"
    ? recoveryPlanContentSchema.parse(content)
    : safetyPlanContentSchema.parse(content);
}

function emptyContent(kind: PersonalPlanKind) {
  return kind === "recovery" ? EMPTY_RECOVERY_PLAN : EMPTY_SAFETY_PLAN;
}

export function createPersonalPlansService(deps: { db: Database; now: () => Date }) {
  const { db, now } = deps;

  /** Who reads, on which side; a refusal is audited as denied and answered as forbidden. */
  async function readerFor(actor: Actor, access: PlanAccess, action: string, context: AuditContext) {
    return coWrittenReaderFor(
      { db, now },
      { actor, access, action, context },
      {
        resourceType: RESOURCE,
        staffOnOwnRoute:
          "These are a participant's own plans. Staff open a participant's plans from their chart.",
        participantOnChart: "Your plans are in your own area, under My recovery plan and My safety plan.",
      },
    );
  }

  function entry(reader: Reader, action: string, planId: string | null, details: AuditDetails) {
    return {
      action,
      resourceType: RESOURCE,
      resourceId: planId,
      participantId: reader.participantId,
      purpose: reader.purpose,
      details,
    };
  }

  /** A read (or a refused save that shows the plan as it is): audited in a transaction of its own. */
  async function auditRead(
    context: AuditContext,
    reader: Reader,
    action: string,
    planId: string | null,
    details: AuditDetails,
  ) {
    await recordAudit(db, context, entry(reader, action, planId, details), now());
  }

  async function editorOf(userId: string | null, kind: string) {
    const names = userId ? await findNames(db, [userId]) : new Map<string, string>();
    return {
      kind: kind === "staff" ? ("staff" as const) : ("participant" as const),
      displayName: (userId && names.get(userId)) || "",
    };
  }

  /** The plan as the reader sees it now (version 0 and empty content when never saved). */
  async function view(reader: Reader, kind: PersonalPlanKind): Promise<PersonalPlan> {
    const plan = await store.findPlan(db, reader.participantId, kind);
    if (!plan) {
      return {
        kind,
        version: 0,
        content: emptyContent(kind),
        updatedAt: null,
        updatedBy: null,
        changedSinceSeen: [],
      } as PersonalPlan;
    }
    const current = await store.findVersion(db, plan.id, plan.currentVersion);
    if (!current) throw new Error("A personal plan's current version is missing.");
    const seen = reader.side === "participant" ? plan.participantSeenVersion : plan.staffSeenVersion;
    const unseen = await store.listVersionSummaries(db, plan.id, { after: seen });
    return {
      kind,
      version: plan.currentVersion,
      content: parseContent(kind, current.content),
      updatedAt: plan.updatedAt.toISOString(),
      updatedBy: await editorOf(current.editedBy, current.editorKind),
      changedSinceSeen: deriveChangedSinceSeen(
        kind,
        unseen.map((v) => ({
          version: v.version,
          editorKind: v.editorKind as PlanEditorKind,
          changedSections: v.changedSections,
        })),
        seen,
        reader.side,
      ),
    } as PersonalPlan;
  }

  return {
    async getPlan(actor: Actor, access: PlanAccess, kind: PersonalPlanKind, context: AuditContext) {
      const reader = await readerFor(actor, access, "personal_plan.view", context);
      const plan = await store.findPlan(db, reader.participantId, kind);
      await auditRead(context, reader, "personal_plan.view", plan?.id ?? null, { kind });
      return view(reader, kind);
    },

    /**
     * Save the whole plan as edited from `baseVersion`. Someone else's save in between answers
     * PERSONAL_PLAN_EDIT_CONFLICT with the plan as it is now (the client keeps the typed text).
     */
    async savePlan(
      actor: Actor,
      access: PlanAccess,
      kind: PersonalPlanKind,
      input: SavePersonalPlanInput,
      context: AuditContext,
    ): Promise<PersonalPlan> {
      const reader = await readerFor(actor, access, "personal_plan.save", context);
      if (input.kind !== kind) {
        throw new DomainError(
          "VALIDATION_FAILED",
          "The plan in the body is not the plan in the address.",
          "kind",
        );
      }
      const at = now();
      const outcome = await db.transaction(async (tx) => {
        const plan = await store.findPlan(tx, reader.participantId, kind, { forUpdate: true });
        const currentVersion = plan?.currentVersion ?? 0;
        if (input.baseVersion !== currentVersion)
          return { conflict: true as const, planId: plan?.id ?? null };
        const before = plan
          ? parseContent(kind, (await store.findVersion(tx, plan.id, currentVersion))?.content)
          : emptyContent(kind);
        const changedSections = computeChangedSections(kind, before, input.content);
        if (changedSections.length === 0) {
          const details = { kind, version: currentVersion, changedSections: "" };
          await appendAudit(tx, context, entry(reader, "personal_plan.save", plan?.id ?? null, details), at);
          return { conflict: false as const };
        }
        const head =
          plan ?? (await store.insertPlan(tx, { participantId: reader.participantId, kind, updatedAt: at }));
        if (!head) return { conflict: true as const, planId: null };
        if (plan && !(await store.advancePlan(tx, plan.id, currentVersion, at))) {
          return { conflict: true as const, planId: plan.id };
        }
        const version = currentVersion + 1;
        await store.insertVersion(tx, {
          planId: head.id,
          version,
          content: input.content,
          editedBy: actor.user.id,
          editorKind: reader.side,
          changedSections,
          editedAt: at,
        });
        await store.markSeen(tx, head.id, reader.side, version);
        const details = { kind, version, changedSections: changedSections.join(",") };
        await appendAudit(tx, context, entry(reader, "personal_plan.save", head.id, details), at);
        return { conflict: false as const };
      });
      if (outcome.conflict) {
        // The client is shown the plan as it is now: a read, audited as one.
        await auditRead(context, reader, "personal_plan.view", outcome.planId, { kind, conflict: true });
        throw new DomainError("PERSONAL_PLAN_EDIT_CONFLICT", undefined, undefined, {
          current: await view(reader, kind),
        });
      }
      return view(reader, kind);
    },

    /** The plan's history, newest first. */
    async listVersions(
      actor: Actor,
      access: PlanAccess,
      kind: PersonalPlanKind,
      context: AuditContext,
    ): Promise<PersonalPlanVersionList> {
      const reader = await readerFor(actor, access, "personal_plan.history", context);
      const plan = await store.findPlan(db, reader.participantId, kind);
      await auditRead(context, reader, "personal_plan.history", plan?.id ?? null, { kind });
      if (!plan) return { versions: [] };
      const rows = await store.listVersionSummaries(db, plan.id);
      const names = await findNames(
        db,
        rows.flatMap((r) => (r.editedBy ? [r.editedBy] : [])),
      );
      return {
        versions: rows.map((r) => ({
          version: r.version,
          editedAt: r.editedAt.toISOString(),
          editor: {
            kind: r.editorKind === "staff" ? "staff" : "participant",
            displayName: (r.editedBy && names.get(r.editedBy)) || "",
          },
          changedSections: r.changedSections,
        })),
      };
    },

    /** One saved version, read-only. */
    async getVersion(
      actor: Actor,
      access: PlanAccess,
      kind: PersonalPlanKind,
      version: number,
      context: AuditContext,
    ): Promise<PersonalPlanVersion> {
      const reader = await readerFor(actor, access, "personal_plan.version_view", context);
      const plan = await store.findPlan(db, reader.participantId, kind);
      await auditRead(context, reader, "personal_plan.version_view", plan?.id ?? null, { kind, version });
      const row = plan ? await store.findVersion(db, plan.id, version) : null;
      if (!row) throw new DomainError("PERSONAL_PLAN_VERSION_NOT_FOUND");
      return {
        kind,
        version: row.version,
        editedAt: row.editedAt.toISOString(),
        editor: await editorOf(row.editedBy, row.editorKind),
        changedSections: row.changedSections,
        content: parseContent(kind, row.content),
      } as PersonalPlanVersion;
    },

    /** The reader has seen the plan as it was at `version`: the other side's changes up to it are no longer news. */
    async markSeen(
      actor: Actor,
      access: PlanAccess,
      kind: PersonalPlanKind,
      input: MarkPlanSeenInput,
      context: AuditContext,
    ): Promise<PersonalPlan> {
      const reader = await readerFor(actor, access, "personal_plan.mark_seen", context);
      const plan = await store.findPlan(db, reader.participantId, kind);
      if (input.version > (plan?.currentVersion ?? 0)) {
        throw new DomainError("VALIDATION_FAILED", "This plan has no such version yet.", "version");
      }
      const details = { kind, version: input.version };
      if (plan) {
        await db.transaction(async (tx) => {
          await store.markSeen(tx, plan.id, reader.side, input.version);
          await appendAudit(tx, context, entry(reader, "personal_plan.mark_seen", plan.id, details), now());
        });
      } else {
        // A plan never saved has nothing to see; the call is still recorded.
        await auditRead(context, reader, "personal_plan.mark_seen", null, details);
      }
      return view(reader, kind);
    },
  };
}

export type PersonalPlansService = ReturnType<typeof createPersonalPlansService>;
