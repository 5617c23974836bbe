import {
  chooseAftercareEpisode,
  decideSave,
  deriveAftercareStatus,
  findAftercareGaps,
  isSameContent,
  isSignatureOf,
} from "../../core/aftercare/aftercare.rules";
import {
  type AftercarePlanContent,
  aftercarePlanContentSchema,
  EMPTY_AFTERCARE_PLAN,
} from "../../core/aftercare/aftercare-plan.schema";
import type {
  AftercarePlan,
  AftercarePlanSaved,
  ParticipantSignAftercareInput,
  SaveAftercarePlanInput,
  StaffSignAftercareInput,
} from "../../core/aftercare/aftercare-plan-api.schema";
import { safetyPlanContentSchema } from "../../core/personal-plans/personal-plan.schema";
import { DomainError } from "../../core/platform/errors";
import { localDateIn } from "../../core/treatment-plans/review-due.rules";
import { type CoWrittenAccess, type CoWrittenReader, coWrittenReaderFor } from "../access/co-written-reader";
import { type AuditContext, appendAudit, recordAudit } from "../audit/audit.service";
import type { Database, Queryable } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import { findCurrentPlan } from "../personal-plans/personal-plans.sql";
import { findNames } from "../treatment-plans/plans.sql";
import * as store from "./aftercare-plans.sql";

/**
 * The aftercare plan (issue 11), co-written by the participant and their clinician on the current
 * episode (or the one discharged less than 30 days ago), then signed by both. Two ways in: the
 * participant's own area (`self`: who comes from the session) and the chart (`chart`: the route's
 * guard decided clinical.view / clinical.write with a care relationship). Both editors' saves go
 * through the same content schema; every read, write and refusal made here is audited.
 */

export type AftercareAccess = CoWrittenAccess;

type Reader = CoWrittenReader;

const RESOURCE = "aftercare_plan";
type AuditDetails = Record<string, string | number | boolean | null>;

export function createAftercarePlansService(deps: { db: Database; now: () => Date }) {
  const { db, now } = deps;

  async function readerFor(actor: Actor, access: AftercareAccess, action: string, context: AuditContext) {
    return coWrittenReaderFor(
      { db, now },
      { actor, access, action, context },
      {
        resourceType: RESOURCE,
        staffOnOwnRoute:
          "This is a participant's own aftercare plan. Staff open it from the participant's chart.",
        participantOnChart: "Your aftercare plan is in your own area, under My aftercare plan.",
      },
    );
  }

  /**
   * An audit entry. Refusals of access are audited as denied by the route guard or `readerFor`; a
   * request refused for its content (a stale version, a wrong name, a plan not ready) was an allowed
   * access and names what was refused in `details.refused`.
   */
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

  /** The participant's record facts and the episode the plan belongs to (refused, audited, when none). */
  async function episodeFor(reader: Reader, action: string, context: AuditContext) {
    const participant = await store.findParticipant(db, reader.participantId);
    if (!participant) throw new DomainError("NOT_FOUND", "No such participant.");
    const today = localDateIn(now(), participant.time_zone);
    const episode = chooseAftercareEpisode(await store.listEpisodes(db, reader.participantId), today);
    if (!episode) {
      await recordAudit(db, context, entry(reader, action, null, { refused: "no_episode" }), now());
      throw new DomainError("AFTERCARE_PLAN_NO_EPISODE");
    }
    return { participant, episode };
  }

  async function safetyPlanOf(q: Queryable, participantId: string) {
    const row = await findCurrentPlan(q, participantId, "safety");
    if (!row) return null;
    return {
      version: row.version,
      content: safetyPlanContentSchema.parse(row.content),
      updatedAt: new Date(row.updated_at).toISOString(),
    };
  }

  async function nameOf(q: Queryable, userId: string | null): Promise<string> {
    if (!userId) return "";
    return (await findNames(q, [userId])).get(userId) ?? "";
  }

  /** The plan as anyone sees it now: version 0 and empty content when never saved. */
  async function view(
    q: Queryable,
    participantId: string,
    episode: store.EpisodeRow,
    row: store.AftercarePlanRow | null,
  ): Promise<AftercarePlan> {
    const content = row ? aftercarePlanContentSchema.parse(row.content) : EMPTY_AFTERCARE_PLAN;
    const safetyPlan = await safetyPlanOf(q, participantId);
    const safetyPlanHasContent = safetyPlan
      ? Object.values(safetyPlan.content).some((section) => section.length > 0)
      : false;
    const updaterKind = row?.updatedBy ? await store.findUserKind(q, row.updatedBy) : null;
    return {
      episode: { id: episode.id, admittedOn: episode.admittedOn, dischargedOn: episode.dischargedOn },
      version: row?.version ?? 0,
      status: row ? deriveAftercareStatus(row) : "draft",
      content,
      updatedAt: row?.updatedAt.toISOString() ?? null,
      updatedBy: row?.updatedBy
        ? {
            kind: updaterKind === "participant" ? "participant" : "staff",
            displayName: await nameOf(q, row.updatedBy),
          }
        : null,
      participantSignedAt: row?.participantSignedAt?.toISOString() ?? null,
      staffSignedAt: row?.staffSignedAt?.toISOString() ?? null,
      staffSignedBy: row?.staffSignedBy ? await nameOf(q, row.staffSignedBy) : null,
      gaps: findAftercareGaps(content, { safetyPlanHasContent }),
      safetyPlan: content.includeSafetyPlan ? safetyPlan : null,
    };
  }

  /** A stale version: answered with who saved last and the plan as it is now (a read, audited). */
  async function conflict(reader: Reader, episode: store.EpisodeRow, context: AuditContext, action: string) {
    const row = await store.findByEpisode(db, episode.id);
    await recordAudit(db, context, entry(reader, action, row?.id ?? null, { refused: "conflict" }), now());
    const current = await view(db, reader.participantId, episode, row);
    const who = current.updatedBy?.displayName;
    return new DomainError(
      "AFTERCARE_PLAN_EDIT_CONFLICT",
      who
        ? `${who} saved this aftercare plan after you opened it (now version ${current.version}). Reload it, then make your change again.`
        : undefined,
      undefined,
      { current },
    );
  }

  async function sign(
    actor: Actor,
    access: AftercareAccess,
    input: { version: number; typedName?: string },
    context: AuditContext,
  ): Promise<AftercarePlan> {
    const action = "aftercare_plan.sign";
    const reader = await readerFor(actor, access, action, context);
    const { participant, episode } = await episodeFor(reader, action, context);
    const at = now();
    const outcome = await db.transaction(async (tx) => {
      const row = await store.findByEpisode(tx, episode.id, { forUpdate: true });
      if (!row) return { refused: "not_found" as const, planId: null };
      if (row.version !== input.version) return { refused: "conflict" as const, planId: row.id };
      const content = aftercarePlanContentSchema.parse(row.content);
      const safety = await safetyPlanOf(tx, reader.participantId);
      const gaps = findAftercareGaps(content, {
        safetyPlanHasContent: safety ? Object.values(safety.content).some((s) => s.length > 0) : false,
      });
      if (gaps.blocking.length > 0) return { refused: "incomplete" as const, planId: row.id, gaps };
      if (reader.side === "participant") {
        if (row.participantSignedAt) return { refused: "already" as const, planId: row.id };
        if (
          !isSignatureOf(input.typedName ?? "", {
            givenName: participant.given_name,
            familyName: participant.family_name,
          })
        ) {
          return { refused: "name" as const, planId: row.id };
        }
        const signatures = { participantSignedAt: at, staffSignedAt: row.staffSignedAt };
        await store.updateSignatures(tx, row.id, {
          participantSignedAt: at,
          participantSignature: (input.typedName ?? "").trim(),
          status: deriveAftercareStatus(signatures),
        });
      } else {
        if (row.staffSignedAt) return { refused: "already" as const, planId: row.id };
        const signatures = { participantSignedAt: row.participantSignedAt, staffSignedAt: at };
        await store.updateSignatures(tx, row.id, {
          staffSignedAt: at,
          staffSignedBy: actor.user.id,
          status: deriveAftercareStatus(signatures),
        });
      }
      await appendAudit(
        tx,
        context,
        entry(reader, action, row.id, { version: row.version, side: reader.side }),
        at,
      );
      return { refused: null, planId: row.id };
    });
    if (outcome.refused === "conflict") throw await conflict(reader, episode, context, action);
    if (outcome.refused) {
      await recordAudit(
        db,
        context,
        entry(reader, action, outcome.planId, { version: input.version, refused: outcome.refused }),
        now(),
      );
      if (outcome.refused === "not_found") throw new DomainError("AFTERCARE_PLAN_NOT_FOUND");
      if (outcome.refused === "already") throw new DomainError("AFTERCARE_PLAN_ALREADY_SIGNED");
      if (outcome.refused === "name") {
        throw new DomainError(
          "AFTERCARE_SIGNATURE_MISMATCH",
          "The name you typed is not the full name on your record. Type your first and last name as they are on your record.",
          "typedName",
        );
      }
      throw new DomainError(
        "AFTERCARE_PLAN_INCOMPLETE",
        undefined,
        outcome.gaps?.blocking.map((g) => ({ path: `content.${g.path}`, message: g.message })),
      );
    }
    return view(db, reader.participantId, episode, await store.findByEpisode(db, episode.id));
  }

  return {
    async getPlan(actor: Actor, access: AftercareAccess, context: AuditContext): Promise<AftercarePlan> {
      const action = "aftercare_plan.view";
      const reader = await readerFor(actor, access, action, context);
      const { episode } = await episodeFor(reader, action, context);
      const row = await store.findByEpisode(db, episode.id);
      await recordAudit(
        db,
        context,
        entry(reader, action, row?.id ?? null, { version: row?.version ?? 0, safetyPlanIncluded: true }),
        now(),
      );
      return view(db, reader.participantId, episode, row);
    },

    /**
     * Save the whole plan as edited from `version`. A change raises the version and, when the plan
     * had any signature, clears them all (`signaturesCleared`); a save from an older version answers
     * AFTERCARE_PLAN_EDIT_CONFLICT naming who saved last.
     */
    async savePlan(
      actor: Actor,
      access: AftercareAccess,
      input: SaveAftercarePlanInput,
      context: AuditContext,
    ): Promise<AftercarePlanSaved> {
      const action = "aftercare_plan.save";
      const reader = await readerFor(actor, access, action, context);
      const { episode, participant } = await episodeFor(reader, action, context);
      const content: AftercarePlanContent = aftercarePlanContentSchema.parse(input.content);
      const at = now();
      const outcome = await db.transaction(async (tx) => {
        const row = await store.findByEpisode(tx, episode.id, { forUpdate: true });
        const before = row ? aftercarePlanContentSchema.parse(row.content) : EMPTY_AFTERCARE_PLAN;
        const decision = decideSave({
          currentVersion: row?.version ?? 0,
          baseVersion: input.version,
          changed: !isSameContent(before, content),
          signatures: {
            participantSignedAt: row?.participantSignedAt ?? null,
            staffSignedAt: row?.staffSignedAt ?? null,
          },
        });
        if (decision.kind === "conflict") return { conflict: true as const };
        if (decision.kind === "unchanged") {
          await appendAudit(
            tx,
            context,
            entry(reader, action, row?.id ?? null, { version: row?.version ?? 0, changed: false }),
            at,
          );
          return { conflict: false as const, signaturesCleared: false };
        }
        let planId: string;
        if (!row) {
          const inserted = await store.insert(tx, {
            episodeId: episode.id,
            participantId: reader.participantId,
            siteId: participant.site_id,
            content,
            version: 1,
            status: "draft",
            updatedBy: actor.user.id,
            updatedAt: at,
          });
          if (!inserted) return { conflict: true as const };
          planId = inserted.id;
        } else {
          if (
            !(await store.updateContent(tx, row.id, row.version, {
              content,
              updatedBy: actor.user.id,
              updatedAt: at,
            }))
          ) {
            return { conflict: true as const };
          }
          planId = row.id;
        }
        await appendAudit(
          tx,
          context,
          entry(reader, action, planId, {
            version: decision.version,
            changed: true,
            signaturesCleared: decision.clearsSignatures,
          }),
          at,
        );
        return { conflict: false as const, signaturesCleared: decision.clearsSignatures };
      });
      if (outcome.conflict) throw await conflict(reader, episode, context, action);
      const plan = await view(db, reader.participantId, episode, await store.findByEpisode(db, episode.id));
      return { ...plan, signaturesCleared: outcome.signaturesCleared };
    },

    /** The participant signs the version they read, typing their full name as on the record. */
    signAsParticipant(actor: Actor, input: ParticipantSignAftercareInput, context: AuditContext) {
      return sign(actor, { via: "self" }, input, context);
    },

    /** A clinician on the care team signs the version they read. */
    signAsStaff(
      actor: Actor,
      access: Extract<AftercareAccess, { via: "chart" }>,
      input: StaffSignAftercareInput,
      context: AuditContext,
    ) {
      return sign(actor, access, { version: input.version }, context);
    },
  };
}

export type AftercarePlansService = ReturnType<typeof createAftercarePlansService>;
