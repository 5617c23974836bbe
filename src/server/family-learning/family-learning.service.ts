import {
  deriveCheckInDay,
  deriveCompletedAt,
  deriveFamilyTimeZone,
  deriveHistoryStart,
  deriveModuleProgress,
  isCheckInEditable,
  isFamilyModuleKey,
  shouldOfferSupport,
} from "../../core/family-learning/family-learning.rules";
import type {
  FamilyCheckIn,
  FamilyCheckInList,
  FamilyCheckInSaved,
  FamilyCheckInValues,
  FamilyLearning,
  ModuleProgress,
  ModuleProgressInput,
} from "../../core/family-learning/family-learning.schema";
import { DomainError } from "../../core/platform/errors";
import { type AuditContext, appendAudit } from "../audit/audit.service";
import type { Database, Queryable } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import * as store from "./family-learning.sql";

/** The signed-in family member's own user id; anyone else is refused (this area is theirs alone). */
function familyUserId(actor: Actor): string {
  if (actor.user.kind !== "family")
    throw new DomainError("AUTH_FORBIDDEN", "Family learning and check-ins are for family members.");
  return actor.user.id;
}

function checkInView(row: store.CheckInRow, today: string): FamilyCheckIn {
  return { ...row, editable: isCheckInEditable(row.recordedOn, today) };
}

/**
 * Family learning, the family member's own check-in and nothing else: their own data, which needs
 * no consent and reads nothing about the participant they support (only a linked site's time zone,
 * to know what "today" is). Reads and writes are audited with purpose "self", no participant.
 */
export function createFamilyLearningService(deps: { db: Database; now: () => Date }) {
  const { db, now } = deps;

  async function todayFor(q: Queryable, userId: string, at: Date) {
    const timeZone = deriveFamilyTimeZone(await store.listLinkedSiteTimeZones(q, userId));
    return deriveCheckInDay(at, timeZone);
  }

  return {
    /** GET /family/learning: every module with this person's progress. */
    async myLearning(actor: Actor, context: AuditContext): Promise<FamilyLearning> {
      const userId = familyUserId(actor);
      return db.transaction(async (tx) => {
        const progress = deriveModuleProgress(await store.listProgress(tx, userId));
        await appendAudit(
          tx,
          context,
          {
            action: "family_learning.read",
            resourceType: "family_module_progress",
            resourceId: userId,
            purpose: "self",
            details: { completed: progress.completedCount },
          },
          now(),
        );
        return progress;
      });
    },

    /** PUT /family/learning/:moduleKey: save the private exercise answer and whether it is done. */
    async saveProgress(
      actor: Actor,
      moduleKey: string,
      input: ModuleProgressInput,
      context: AuditContext,
    ): Promise<ModuleProgress> {
      const userId = familyUserId(actor);
      if (!isFamilyModuleKey(moduleKey)) throw new DomainError("NOT_FOUND", "There is no such module.");
      const at = now();
      return db.transaction(async (tx) => {
        const previous = await store.findProgress(tx, userId, moduleKey);
        const completedAt = deriveCompletedAt(previous?.completedAt ?? null, input.completed, at);
        await store.upsertProgress(tx, {
          userId,
          moduleKey,
          exerciseAnswer: input.exerciseAnswer,
          completedAt,
          at,
        });
        await appendAudit(
          tx,
          context,
          {
            action: "family_learning.save",
            resourceType: "family_module_progress",
            resourceId: userId,
            purpose: "self",
            details: { moduleKey, completed: input.completed },
          },
          at,
        );
        return {
          moduleKey,
          exerciseAnswer: input.exerciseAnswer,
          completed: completedAt !== null,
          completedAt,
          updatedAt: at.toISOString(),
        };
      });
    },

    /** GET /family/check-ins: today's date, today's check-in and the last `days` days. */
    async myCheckIns(actor: Actor, days: number, context: AuditContext): Promise<FamilyCheckInList> {
      const userId = familyUserId(actor);
      const at = now();
      return db.transaction(async (tx) => {
        const today = await todayFor(tx, userId, at);
        const rows = await store.listCheckInsSince(tx, userId, deriveHistoryStart(today, days));
        await appendAudit(
          tx,
          context,
          {
            action: "family_check_in.list",
            resourceType: "family_check_in",
            resourceId: userId,
            purpose: "self",
            details: { days, checkIns: rows.length },
          },
          at,
        );
        const history = rows.map((row) => checkInView(row, today));
        return {
          today,
          todayCheckIn: history.find((c) => c.recordedOn === today) ?? null,
          history,
        };
      });
    },

    /** PUT /family/check-ins: record today's check-in, or change it the same day. */
    async saveCheckIn(
      actor: Actor,
      input: FamilyCheckInValues,
      context: AuditContext,
    ): Promise<FamilyCheckInSaved> {
      const userId = familyUserId(actor);
      const at = now();
      return db.transaction(async (tx) => {
        const today = await todayFor(tx, userId, at);
        const { created, ...row } = await store.upsertCheckIn(tx, {
          userId,
          recordedOn: today,
          ...input,
          at,
        });
        await appendAudit(
          tx,
          context,
          {
            action: created ? "family_check_in.create" : "family_check_in.update",
            resourceType: "family_check_in",
            resourceId: row.id,
            purpose: "self",
            details: { recordedOn: today },
          },
          at,
        );
        return { checkIn: checkInView(row, today), created, offerSupport: shouldOfferSupport(input.stress) };
      });
    },
  };
}

export type FamilyLearningService = ReturnType<typeof createFamilyLearningService>;
