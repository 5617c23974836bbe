import {
  computeStreak,
  deriveCheckInAlerts,
  deriveCheckInResponse,
  isSameCheckIn,
  validateCheckInDay,
} from "../../core/check-ins/check-in.rules";
import {
  type CheckInInput,
  type CheckInResult,
  type CheckInSummary,
  SUBSTANCES,
} from "../../core/check-ins/check-in.schema";
import type {
  CheckInOptions,
  CheckInTimeline,
  CheckInTimelineQuery,
  MyCheckIns,
  MyCheckInsQuery,
} from "../../core/check-ins/check-in-api.schema";
import { MAX_TIMELINE_DAYS } from "../../core/check-ins/check-in-api.schema";
import {
  EMPTY_RECOVERY_PLAN,
  EMPTY_SAFETY_PLAN,
  type RecoveryPlanContent,
  recoveryPlanContentSchema,
  type SafetyPlanContent,
  safetyPlanContentSchema,
} from "../../core/personal-plans/personal-plan.schema";
import { addDays, daysBetween } from "../../core/platform/dates";
import { DomainError } from "../../core/platform/errors";
import { localDateIn } from "../../core/treatment-plans/review-due.rules";
import type { RaiseAlert, ResolveFindings } from "../alerts/alerts.service";
import { type AuditContext, appendAudit, recordAudit } from "../audit/audit.service";
import type { Database, Queryable } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import { findCurrentPlan } from "../personal-plans/personal-plans.sql";
import type { ParticipantAccess } from "../platform/route-access";
import { readCheckInSettings } from "./check-in-settings.repo";
import * as store from "./check-ins.sql";

/** The streak is counted over at most this many days back. */
const STREAK_WINDOW_DAYS = 400;
/** "Lately", for the triggers a person wrote themselves and the modules of their groups. */
const RECENT_DAYS = 30;
const MAX_RECENT_TRIGGERS = 10;

/** The curriculum's skills in one language (the curriculum service's catalog). */
export type SkillsCatalogSource = (
  language: "en" | "es",
) => Promise<{ skills: { key: string; name: string; moduleKey: string }[] }>;

async function planContent<K extends "recovery" | "safety">(
  q: Queryable,
  participantId: string,
  kind: K,
): Promise<K extends "recovery" ? RecoveryPlanContent : SafetyPlanContent> {
  const row = await findCurrentPlan(q, participantId, kind);
  const schema = kind === "recovery" ? recoveryPlanContentSchema : safetyPlanContentSchema;
  const parsed = row ? schema.safeParse(row.content) : undefined;
  const fallback = kind === "recovery" ? EMPTY_RECOVERY_PLAN : EMPTY_SAFETY_PLAN;
  return (parsed?.success ? parsed.data : fallback) as K extends "recovery"
    ? RecoveryPlanContent
    : SafetyPlanContent;
}

/**
 * Daily check-ins (issue 9). A participant sends their own (the participant comes from the session,
 * never from the request); their care team reads them in the chart. A submission is recorded once
 * per idempotency key; its alerts are raised in the same transaction as the answers, so a critical
 * answer is committed with its alert or not at all.
 */
export function createCheckInsService(deps: {
  db: Database;
  now: () => Date;
  raiseAlert: RaiseAlert;
  resolveFindings: ResolveFindings;
  skillsCatalog: SkillsCatalogSource;
}) {
  const { db, now, raiseAlert, resolveFindings, skillsCatalog } = deps;

  /** The signed-in participant's own record; anyone else is refused (and the refusal audited). */
  async function selfOf(actor: Actor, context: AuditContext, action: string) {
    const participantId = actor.user.kind === "participant" ? actor.access.participantId : null;
    const participant = participantId ? await store.findParticipantContext(db, participantId) : undefined;
    if (!participantId || !participant) {
      await recordAudit(
        db,
        context,
        { action, resourceType: "check_in", purpose: "self", outcome: "denied" },
        now(),
      );
      throw new DomainError("AUTH_FORBIDDEN", "Only a participant has check-ins of their own.");
    }
    return { participantId, participant };
  }

  async function streakOf(q: Queryable, participantId: string, today: string): Promise<number> {
    const days = await store.listDaysSince(q, participantId, addDays(today, -STREAK_WINDOW_DAYS));
    return computeStreak(days, today);
  }

  async function responseContext(q: Queryable, participantId: string, language: "en" | "es") {
    const [recoveryPlan, safetyPlan, catalog] = await Promise.all([
      planContent(q, participantId, "recovery"),
      planContent(q, participantId, "safety"),
      skillsCatalog(language),
    ]);
    return { recoveryPlan, safetyPlan, skillsCatalog: catalog.skills };
  }

  return {
    /** Record a check-in (once per key), raise its alerts, resolve a missing-check-in alert, answer. */
    async submit(actor: Actor, input: CheckInInput, context: AuditContext): Promise<CheckInResult> {
      const { participantId, participant } = await selfOf(actor, context, "check_in.submit");
      const at = now();
      const today = localDateIn(at, participant.time_zone);
      const settings = await readCheckInSettings(db);
      // Read-only context first: on the embedded engine a transaction holds the one connection.
      const planContext = await responseContext(db, participantId, input.language);
      const replayOf = async (row: store.CheckInRow): Promise<CheckInResult> => {
        const checkIn = store.toCheckIn(row);
        if (!isSameCheckIn(checkIn, input))
          throw new DomainError("CHECK_IN_KEY_REUSED", undefined, "idempotencyKey");
        await recordAudit(
          db,
          context,
          {
            action: "check_in.submit_replayed",
            resourceType: "check_in",
            resourceId: String(checkIn.id),
            participantId,
            purpose: "self",
          },
          at,
        );
        const response = deriveCheckInResponse(checkIn, settings, planContext);
        return { checkIn, response, replayed: true, streak: await streakOf(db, participantId, today) };
      };

      const first = await store.findByKey(db, participantId, input.idempotencyKey);
      if (first) return replayOf(first);
      const problem = validateCheckInDay(
        input.checkedInOn,
        today,
        new Date(input.recordedAt),
        at,
        settings,
        input.selfHarmThoughts || input.overdose,
      )[0];
      if (problem) throw new DomainError(problem.code, undefined, problem.field);

      const recorded = await db.transaction(async (tx): Promise<CheckInResult | undefined> => {
        const id = await store.insertCheckIn(tx, {
          participantId,
          episodeId: participant.episode_id,
          input,
          receivedAt: at,
        });
        // A concurrent submission with the same key committed first: answered below with its result.
        if (id === undefined) return undefined;
        const alerts = deriveCheckInAlerts(input, settings);
        for (const alert of alerts) {
          await raiseAlert(
            tx,
            {
              kind: alert.kind,
              severity: alert.severity,
              participantId,
              reason: alert.reason,
              evidence: { kind: "check_in", id: String(id), item: input.checkedInOn },
              context,
            },
            at,
          );
        }
        await resolveFindings(
          tx,
          {
            kind: "check_in_missing",
            participantId,
            evidenceId: participantId,
            note: `Checked in for ${input.checkedInOn} (resolved automatically).`,
            userId: null,
            context,
          },
          at,
        );
        await appendAudit(
          tx,
          context,
          {
            action: "check_in.submit",
            resourceType: "check_in",
            resourceId: String(id),
            participantId,
            purpose: "self",
            details: { day: input.checkedInOn, queuedOffline: input.queuedOffline, alerts: alerts.length },
          },
          at,
        );
        const checkIn = store.toCheckIn((await store.findByKey(tx, participantId, input.idempotencyKey))!);
        const response = deriveCheckInResponse(input, settings, planContext);
        return { checkIn, response, replayed: false, streak: await streakOf(tx, participantId, today) };
      });
      return recorded ?? replayOf((await store.findByKey(db, participantId, input.idempotencyKey))!);
    },

    /** The participant's own check-ins, newest first, a page at a time. */
    async history(actor: Actor, query: MyCheckInsQuery, context: AuditContext): Promise<MyCheckIns> {
      const { participantId } = await selfOf(actor, context, "check_in.history_view");
      const rows = await store.listPage(db, participantId, { before: query.before, limit: query.limit + 1 });
      await recordAudit(
        db,
        context,
        {
          action: "check_in.history_view",
          resourceType: "check_in",
          resourceId: participantId,
          participantId,
          purpose: "self",
        },
        now(),
      );
      const page = rows.slice(0, query.limit).map(store.toCheckIn);
      return { checkIns: page, nextBefore: rows.length > query.limit ? page.at(-1)!.id : null };
    },

    /** Today on the program's calendar, whether they checked in today, the streak, the last one. */
    async summary(actor: Actor, context: AuditContext): Promise<CheckInSummary> {
      const { participantId, participant } = await selfOf(actor, context, "check_in.summary_view");
      const at = now();
      const today = localDateIn(at, participant.time_zone);
      const [days, latest] = await Promise.all([
        store.listDaysSince(db, participantId, addDays(today, -STREAK_WINDOW_DAYS)),
        store.findLatest(db, participantId),
      ]);
      await recordAudit(
        db,
        context,
        {
          action: "check_in.summary_view",
          resourceType: "check_in",
          resourceId: participantId,
          participantId,
          purpose: "self",
        },
        at,
      );
      return {
        today,
        checkedInToday: days.includes(today),
        streak: computeStreak(days, today),
        lastCheckIn: latest
          ? { checkedInOn: latest.checked_in_on, receivedAt: new Date(latest.created_at).toISOString() }
          : null,
      };
    },

    /** What the form offers: their plan's triggers, their own recent ones, the skills, the substances. */
    async options(actor: Actor, context: AuditContext): Promise<CheckInOptions> {
      const { participantId, participant } = await selfOf(actor, context, "check_in.options_view");
      const at = now();
      const today = localDateIn(at, participant.time_zone);
      const since = addDays(today, -RECENT_DAYS);
      const [plan, recent, catalog, modules] = await Promise.all([
        planContent(db, participantId, "recovery"),
        store.listRecentTriggers(db, participantId, since, MAX_RECENT_TRIGGERS + 30),
        skillsCatalog(participant.preferred_language),
        store.listRecentModuleKeys(db, participantId, since, today),
      ]);
      await recordAudit(
        db,
        context,
        {
          action: "check_in.options_view",
          resourceType: "check_in",
          resourceId: participantId,
          participantId,
          purpose: "self",
        },
        at,
      );
      const triggers = [...new Set([...plan.triggers, ...plan.highRiskSituations.map((s) => s.situation)])];
      const inPlan = new Set(triggers.map((t) => t.toLowerCase()));
      const rank = (moduleKey: string) => {
        const i = modules.indexOf(moduleKey);
        return i === -1 ? modules.length : i;
      };
      return {
        triggers,
        recentTriggers: recent.filter((t) => !inPlan.has(t.toLowerCase())).slice(0, MAX_RECENT_TRIGGERS),
        // A stable sort: the catalog's alphabetical order within the same rank.
        skills: [...catalog.skills]
          .sort((a, b) => rank(a.moduleKey) - rank(b.moduleKey))
          .map((s) => ({ key: s.key, name: s.name })),
        substances: [...SUBSTANCES],
      };
    },

    /** The chart's timeline (the route guard decided and audited the read). */
    async timeline(access: ParticipantAccess, query: CheckInTimelineQuery): Promise<CheckInTimeline> {
      const participant = await store.findParticipantContext(db, access.participantId);
      if (!participant) throw new DomainError("NOT_FOUND", "No such participant.");
      const today = localDateIn(now(), participant.time_zone);
      const to = query.to ?? today;
      const from = query.from ?? addDays(to, -29);
      if (daysBetween(from, to) >= MAX_TIMELINE_DAYS) {
        throw new DomainError(
          "VALIDATION_FAILED",
          `Ask for at most ${MAX_TIMELINE_DAYS} days at a time.`,
          "querystring.from",
        );
      }
      const rows = await store.listRange(db, access.participantId, from, to);
      return { from, to, today, checkIns: rows.map(store.toCheckIn) };
    },
  };
}
export type CheckInsService = ReturnType<typeof createCheckInsService>;
