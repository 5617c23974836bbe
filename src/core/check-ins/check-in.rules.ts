import type { AlertKind, AlertSeverity } from "../alerts/alerts.schema";
import type {
  PlanContact,
  RecoveryPlanContent,
  SafetyPlanContent,
} from "../personal-plans/personal-plan.schema";
import { addDays, daysBetween } from "../platform/dates";
import type { ErrorCode } from "../platform/errors";
import type { CheckIn, CheckInInput, CheckInResponse, CheckInSettings } from "./check-in.schema";
import type { YesterdayCheckIn } from "./check-in-api.schema";

/**
 * The check-in rules (issue 9). Pure: the caller passes the clock ("today" on the site's calendar and
 * the server's "now"), the program's settings and the person's own plans.
 */

/** What the rules read of a check-in (as sent, or as stored). */
export type CheckInAnswers = Pick<
  CheckInInput,
  | "checkedInOn"
  | "mood"
  | "craving"
  | "anyUse"
  | "triggers"
  | "skills"
  | "wantsToTalk"
  | "selfHarmThoughts"
  | "overdose"
>;

export interface DerivedCheckInAlert {
  kind: AlertKind;
  severity: AlertSeverity;
  /** Plain words for the care team: what was answered and on which day, nothing more. */
  reason: string;
}

/** Answers that are a crisis: raised urgent, in the same transaction as the answer. */
export function isCritical(answers: Pick<CheckInAnswers, "selfHarmThoughts" | "overdose">): boolean {
  return answers.selfHarmThoughts || answers.overdose;
}

/** The alerts a check-in calls for, most pressing first. */
export function deriveCheckInAlerts(
  answers: CheckInAnswers,
  settings: CheckInSettings,
): DerivedCheckInAlert[] {
  const day = answers.checkedInOn;
  const alerts: DerivedCheckInAlert[] = [];
  if (answers.selfHarmThoughts)
    alerts.push({
      kind: "check_in_self_harm",
      severity: "urgent",
      reason: `Thoughts of self-harm reported in the check-in for ${day}.`,
    });
  if (answers.overdose)
    alerts.push({
      kind: "check_in_overdose",
      severity: "urgent",
      reason: `An overdose reported in the check-in for ${day}.`,
    });
  if (answers.anyUse)
    alerts.push({
      kind: "check_in_use_reported",
      severity: "warning",
      reason: `Use reported in the check-in for ${day}.`,
    });
  if (answers.craving >= settings.cravingWarningAt)
    alerts.push({
      kind: "check_in_high_craving",
      severity: "warning",
      reason: `Craving ${answers.craving} of 10 in the check-in for ${day} (the program's threshold is ${settings.cravingWarningAt}).`,
    });
  if (answers.mood <= settings.moodWarningAt)
    alerts.push({
      kind: "check_in_low_mood",
      severity: "warning",
      reason: `Mood ${answers.mood} of 10 in the check-in for ${day} (the program's threshold is ${settings.moodWarningAt}).`,
    });
  if (answers.wantsToTalk)
    alerts.push({
      kind: "check_in_wants_to_talk",
      severity: "info",
      reason: `Asked to talk with their counselor in the check-in for ${day}.`,
    });
  return alerts;
}

/** The skill a high craving points at first, when the program's curriculum teaches it. */
export const URGE_SURFING_SKILL = "urge-surfing";

/** At most this many skills are suggested after a check-in. */
const MAX_SUGGESTED_SKILLS = 3;

export interface ResponseContext {
  /** Their recovery plan (empty content when never saved). */
  recoveryPlan: RecoveryPlanContent;
  /** Their safety plan (empty content when never saved). */
  safetyPlan: SafetyPlanContent;
  /** The curriculum's skills, named in the person's language. */
  skillsCatalog: readonly { key: string; name: string }[];
}

const contactLine = (c: PlanContact) => (c.phone ? `${c.name} (${c.phone})` : c.name);

type PlanSection = NonNullable<CheckInResponse["planSection"]>;

/** The first of the candidate sections that has something in it, or null when the plan is empty there. */
function firstFilled(candidates: PlanSection[]): PlanSection | null {
  return candidates.find((c) => c.items.length > 0) ?? null;
}

const recovery = (section: string, items: string[]): PlanSection => ({ plan: "recovery", section, items });
const safety = (section: string, items: string[]): PlanSection => ({ plan: "safety", section, items });

/**
 * Responses to the situations the person named as triggers today, from their recovery plan's
 * high-risk situations (matched without regard to case or surrounding spaces).
 */
function responsesForTriggers(plan: RecoveryPlanContent, triggers: readonly string[]): string[] {
  const met = new Set(triggers.map((t) => t.trim().toLowerCase()));
  return plan.highRiskSituations
    .filter((s) => met.has(s.situation.trim().toLowerCase()))
    .flatMap((s) => s.responses);
}

function cravingSkills(catalog: ResponseContext["skillsCatalog"], used: readonly string[]) {
  const urge = catalog.find((s) => s.key === URGE_SURFING_SKILL);
  if (urge) return [{ key: urge.key, name: urge.name }];
  // No urge surfing in this program's curriculum: the skills they used today first, then others.
  const ordered = [
    ...catalog.filter((s) => used.includes(s.key)),
    ...catalog.filter((s) => !used.includes(s.key)),
  ];
  return ordered.slice(0, MAX_SUGGESTED_SKILLS).map((s) => ({ key: s.key, name: s.name }));
}

/**
 * What the person reads right after sending a check-in. The most pressing situation decides the
 * kind: crisis (self-harm thoughts or an overdose), then use, high craving, low mood, wanting to
 * talk, else steady. It points at their own plan's items where they have written some; with an
 * empty plan there is no section to open and the page's general words and crisis help stand alone.
 */
export function deriveCheckInResponse(
  answers: CheckInAnswers,
  settings: CheckInSettings,
  context: ResponseContext,
): CheckInResponse {
  const { recoveryPlan, safetyPlan } = context;
  const crisis = isCritical(answers);
  const counselorTold = deriveCheckInAlerts(answers, settings).length > 0;
  const base = { crisis, counselorTold, skills: [] as CheckInResponse["skills"] };
  if (crisis) {
    return {
      ...base,
      kind: "crisis",
      planSection: firstFilled([
        safety("thingsICanDo", safetyPlan.thingsICanDo),
        safety("peopleToAsk", safetyPlan.peopleToAsk.map(contactLine)),
        safety("warningSigns", safetyPlan.warningSigns),
      ]),
    };
  }
  if (answers.anyUse) {
    return {
      ...base,
      kind: "use",
      planSection: firstFilled([
        recovery("copingResponses", recoveryPlan.copingResponses),
        recovery("peopleToCall", recoveryPlan.peopleToCall.map(contactLine)),
      ]),
    };
  }
  if (answers.craving >= settings.cravingWarningAt) {
    return {
      ...base,
      kind: "high_craving",
      planSection: firstFilled([
        recovery("highRiskSituations", responsesForTriggers(recoveryPlan, answers.triggers)),
        recovery("copingResponses", recoveryPlan.copingResponses),
        recovery("peopleToCall", recoveryPlan.peopleToCall.map(contactLine)),
      ]),
      skills: cravingSkills(context.skillsCatalog, answers.skills),
    };
  }
  if (answers.mood <= settings.moodWarningAt) {
    return {
      ...base,
      kind: "low_mood",
      planSection: firstFilled([
        recovery("peopleToCall", recoveryPlan.peopleToCall.map(contactLine)),
        safety("thingsICanDo", safetyPlan.thingsICanDo),
        recovery("reasonsForRecovery", recoveryPlan.reasonsForRecovery),
      ]),
    };
  }
  if (answers.wantsToTalk) return { ...base, kind: "wants_to_talk", planSection: null };
  return {
    ...base,
    kind: "steady",
    planSection: firstFilled([recovery("reasonsForRecovery", recoveryPlan.reasonsForRecovery)]),
  };
}

/**
 * Days in a row with at least one check-in, ending today — or ending yesterday when there is none
 * yet today (the day is not over). Days after today are ignored.
 */
export function computeStreak(daysWithCheckIns: Iterable<string>, today: string): number {
  const days = new Set(daysWithCheckIns);
  let day = days.has(today) ? today : addDays(today, -1);
  let streak = 0;
  while (days.has(day)) {
    streak += 1;
    day = addDays(day, -1);
  }
  return streak;
}

export interface CheckInDayProblem {
  code: Extract<ErrorCode, "CHECK_IN_DATE_IN_FUTURE" | "CHECK_IN_TOO_OLD" | "CHECK_IN_RECORDED_IN_FUTURE">;
  field: "checkedInOn" | "recordedAt";
}

/** A device clock may run this far ahead of the server's. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** The earliest offset on Earth (UTC+14): a date has begun somewhere once UTC midnight minus 14 hours has passed. */
const EARLIEST_OFFSET_MS = 14 * 3_600_000;

/**
 * Whether a check-in's day and time can be accepted. `today` is the site's date (sites.time_zone).
 * The person's day may be the site's tomorrow only when the time they filled it in shows that date
 * had already begun somewhere on Earth (someone travelling east, or a phone set to another zone);
 * anything later is in the future. A queued check-in may be at most `maxQueuedDays` days old.
 * `recordedAt` may be ahead of the server's clock by a small skew, not more. A check-in with a
 * critical answer (thoughts of self-harm, an overdose) is never refused for its age or a phone clock
 * running ahead: it is stored and its urgent alert raised, late rather than never.
 */
export function validateCheckInDay(
  checkedInOn: string,
  today: string,
  recordedAt: Date,
  now: Date,
  settings: Pick<CheckInSettings, "maxQueuedDays">,
  critical = false,
): CheckInDayProblem[] {
  const problems: CheckInDayProblem[] = [];
  if (!critical && recordedAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
    problems.push({ code: "CHECK_IN_RECORDED_IN_FUTURE", field: "recordedAt" });
  const ahead = daysBetween(today, checkedInOn);
  const begunSomewhere = recordedAt.getTime() >= Date.parse(`${checkedInOn}T00:00:00Z`) - EARLIEST_OFFSET_MS;
  if (ahead > 1 || (ahead === 1 && !begunSomewhere))
    problems.push({ code: "CHECK_IN_DATE_IN_FUTURE", field: "checkedInOn" });
  if (!critical && ahead < -settings.maxQueuedDays)
    problems.push({ code: "CHECK_IN_TOO_OLD", field: "checkedInOn" });
  return problems;
}

/**
 * Days gone by with no check-in, today not counted (it is not over): from the last check-in's day,
 * or from the admission when there has been none (the day before admission counts as the last).
 */
export function daysWithoutCheckIn(lastCheckInOn: string | null, admittedOn: string, today: string): number {
  const since = lastCheckInOn && lastCheckInOn >= admittedOn ? lastCheckInOn : addDays(admittedOn, -1);
  return Math.max(0, daysBetween(since, today) - 1);
}

/** Whether an active participant's silence calls for the missing-check-in alert. */
export function isCheckInMissing(
  lastCheckInOn: string | null,
  admittedOn: string,
  today: string,
  settings: Pick<CheckInSettings, "missingDays">,
): boolean {
  return daysWithoutCheckIn(lastCheckInOn, admittedOn, today) >= settings.missingDays;
}

/**
 * Whether a stored check-in holds the same answers as a submission with its idempotency key (a true
 * replay). Whether it waited in the queue and the page's language may differ between a first attempt
 * and its replay; the answers, the day and the time it was filled in may not.
 */
export function isSameCheckIn(stored: CheckIn, input: CheckInInput): boolean {
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((v, i) => v === b[i]);
  return (
    stored.checkedInOn === input.checkedInOn &&
    Date.parse(stored.recordedAt) === Date.parse(input.recordedAt) &&
    stored.mood === input.mood &&
    stored.craving === input.craving &&
    stored.sleepHours === input.sleepHours &&
    stored.sleepQuality === input.sleepQuality &&
    stored.anyUse === input.anyUse &&
    same(stored.substances, input.substances) &&
    stored.useDetail === input.useDetail &&
    same(stored.triggers, input.triggers) &&
    same(stored.skills, input.skills) &&
    stored.wentWell === input.wentWell &&
    stored.wantsToTalk === input.wantsToTalk &&
    stored.selfHarmThoughts === input.selfHarmThoughts &&
    stored.overdose === input.overdose
  );
}

/** Yesterday's check-in at a glance, for the caseload list: use first, then a high craving. */
export function deriveYesterdayCheckIn(
  checkIns: readonly Pick<CheckInAnswers, "anyUse" | "craving">[],
  settings: Pick<CheckInSettings, "cravingWarningAt">,
): YesterdayCheckIn {
  if (checkIns.length === 0) return "none";
  if (checkIns.some((c) => c.anyUse)) return "use";
  if (checkIns.some((c) => c.craving >= settings.cravingWarningAt)) return "high_craving";
  return "checked_in";
}
