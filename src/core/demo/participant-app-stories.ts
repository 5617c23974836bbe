import type { SleepQuality, Substance } from "../check-ins/check-in.schema";
import { computeChangedSections, type PlanContent } from "../personal-plans/personal-plan.rules";
import {
  EMPTY_RECOVERY_PLAN,
  EMPTY_SAFETY_PLAN,
  type PersonalPlanKind,
  type PlanContact,
  type RecoveryPlanContent,
  type SafetyPlanContent,
} from "../personal-plans/personal-plan.schema";
import type { DemoSubstance } from "./assessment-answers";
import type { DemoCheckIn, Trajectory } from "./check-in-trajectories";
import {
  ABSENCE_NOTES,
  DECLINE_NOTES,
  type Language,
  OWN_WORDS_TRIGGERS,
  PLAN_TRIGGERS,
  RECOVERY_SECTIONS,
  REFLECTIONS,
  RESTART_MESSAGES,
  SAFETY_SECTIONS,
  SUPPORT_PEOPLE,
  THREAD_SCRIPTS,
  type ThreadScript,
  USE_DETAILS,
  WENT_WELL,
} from "./participant-app-phrases";
import { createRandom, type Random } from "./random";

/**
 * The demo's participant app, as plain data: what each check-in says beyond the scores, the
 * recovery and safety plans with their versions, practice reflections, message threads, absence
 * requests and sobriety restarts. Pure and seeded; times are parameters.
 */

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** The check-in's substance for the substance of the demo episode's primary diagnosis. */
export function checkInSubstance(substance: DemoSubstance): Substance {
  return substance === "sedatives" ? "benzodiazepines" : substance;
}

/** The triggers a participant lists in the first version of their recovery plan (later versions add one). */
export function planRecoveryTriggers(seed: number, participantKey: number, language: Language): string[] {
  const random = createRandom(seed).fork(`recovery-triggers/${participantKey}`);
  return pickSome(random, PLAN_TRIGGERS[language], random.int(3, 4));
}

function pickSome<T>(random: Random, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length > 0) out.push(pool.splice(random.int(0, pool.length - 1), 1)[0]!);
  return out;
}

export interface CheckInContext {
  language: Language;
  substance: Substance;
  /** Their recovery plan's triggers (empty without a plan). */
  planTriggers: readonly string[];
  trajectory: Trajectory;
}

export interface CheckInDetail {
  sleepQuality: SleepQuality | null;
  substances: Substance[];
  useDetail: string;
  triggers: string[];
  wentWell: string;
  wantsToTalk: boolean;
  selfHarmThoughts: boolean;
  /** Local time of day it was filled in, in minutes after midnight. */
  minuteOfDay: number;
  queuedOffline: boolean;
  /** Minutes from filling it in to the server receiving it (hours when it waited offline). */
  delayMinutes: number;
}

/** A hard day: the days someone asks to talk, and names what set them off. */
export const isHardDay = (c: Pick<DemoCheckIn, "mood" | "craving" | "anyUse">) =>
  c.anyUse || c.mood <= 3 || c.craving >= 7;

function sleepQualityOf(random: Random, mood: number, sleepHours: number): SleepQuality | null {
  if (random.chance(0.1)) return null;
  const score = mood / 10 + (sleepHours - 6.5) / 4 + random.around(0, 0.15, -0.3, 0.3);
  return score < 0.35 ? "poor" : score < 0.75 ? "ok" : "good";
}

/**
 * What one check-in says besides the scores: substances only on use days (mostly their primary
 * one), triggers on hard days (from their plan, sometimes their own words), a good moment on most
 * better days, wanting to talk on some hard days, and — very rarely, on the worst days of people who
 * struggle — thoughts of self-harm.
 */
export function detailCheckIn(random: Random, context: CheckInContext, c: DemoCheckIn): CheckInDetail {
  const hard = isHardDay(c);
  const substances: Substance[] = c.anyUse
    ? random.chance(0.85)
      ? [context.substance]
      : [context.substance, context.substance === "alcohol" ? "nicotine" : "alcohol"]
    : [];
  const triggers: string[] = [];
  if (hard ? random.chance(0.75) : random.chance(0.1)) {
    if (context.planTriggers.length > 0) triggers.push(random.pick(context.planTriggers));
    if (context.planTriggers.length === 0 || random.chance(0.2))
      triggers.push(random.pick(OWN_WORDS_TRIGGERS[context.language]));
  }
  const fragile = context.trajectory === "struggling" || context.trajectory === "lapse_and_return";
  const evening = random.chance(0.8);
  const queuedOffline = random.chance(0.05);
  return {
    sleepQuality: sleepQualityOf(random, c.mood, c.sleepHours),
    substances,
    useDetail: c.anyUse && random.chance(0.4) ? random.pick(USE_DETAILS[context.language]) : "",
    triggers,
    wentWell: random.chance(hard ? 0.25 : 0.6) ? random.pick(WENT_WELL[context.language]) : "",
    wantsToTalk: hard && random.chance(c.anyUse ? 0.5 : 0.25),
    selfHarmThoughts: fragile && c.mood <= 1 && random.chance(0.15),
    minuteOfDay: evening ? random.int(17 * 60, 22 * 60 + 30) : random.int(7 * 60, 9 * 60 + 30),
    queuedOffline,
    delayMinutes: queuedOffline ? random.int(45, 11 * 60) : 0,
  };
}

export interface PlannedPlanVersion<C> {
  content: C;
  editor: "participant" | "staff";
  changedSections: string[];
  at: number;
}

export interface PlannedPersonalPlan<C> {
  kind: PersonalPlanKind;
  versions: PlannedPlanVersion<C>[];
  participantSeenVersion: number;
  staffSeenVersion: number;
}

export interface PersonalPlanContext {
  seed: number;
  participantKey: number;
  language: Language;
  trajectory: Trajectory;
  /** When the plan could first be written (a few days into the episode), and the demo's now. */
  fromMs: number;
  nowMs: number;
  counselor: string;
  onCallPhone: string;
}

const pickLines = (
  random: Random,
  lines: Record<Language, readonly string[]>,
  language: Language,
  n: number,
) => pickSome(random, lines[language], n);

/** Spread `count` instants from `fromMs` to `toMs`, in order, at daytime-ish minutes. */
function spread(random: Random, fromMs: number, toMs: number, count: number): number[] {
  const span = Math.max(0, toMs - fromMs);
  return Array.from({ length: count }, (_, i) =>
    Math.min(toMs, fromMs + Math.floor((span * (i + random.next() * 0.8)) / count)),
  );
}

/**
 * The side that did not make the last change has looked at it, or not yet: then the page shows
 * "changed since you last looked".
 */
function seenVersions(random: Random, versions: readonly PlannedPlanVersion<unknown>[]) {
  const current = versions.length;
  const lastEditor = versions.at(-1)!.editor;
  const other = random.chance(0.55) ? current : current - 1;
  return lastEditor === "participant"
    ? { participantSeenVersion: current, staffSeenVersion: other }
    : { participantSeenVersion: other, staffSeenVersion: current };
}

function withVersions<C extends PlanContent>(
  random: Random,
  kind: PersonalPlanKind,
  steps: readonly { editor: "participant" | "staff"; content: C }[],
  fromMs: number,
  nowMs: number,
): PlannedPersonalPlan<C> {
  const times = spread(random, fromMs, nowMs - 2 * HOUR, steps.length);
  const versions = steps.map((step, i) => ({
    ...step,
    changedSections: computeChangedSections(
      kind,
      i === 0 ? (kind === "recovery" ? EMPTY_RECOVERY_PLAN : EMPTY_SAFETY_PLAN) : steps[i - 1]!.content,
      step.content,
    ),
    at: times[i]!,
  }));
  return { kind, versions, ...seenVersions(random, versions) };
}

/** The recovery plan: written with the counselor, then edited in turns (1–4 versions). */
export function planRecoveryPlan(
  random: Random,
  context: PersonalPlanContext,
): PlannedPersonalPlan<RecoveryPlanContent> {
  const { language } = context;
  const triggers = planRecoveryTriggers(context.seed, context.participantKey, language);
  const coping = pickLines(random, RECOVERY_SECTIONS.copingResponses, language, 3);
  const first: RecoveryPlanContent = {
    triggers,
    warningSigns: pickLines(random, RECOVERY_SECTIONS.warningSigns, language, 2),
    highRiskSituations: [{ situation: triggers[0]!, responses: coping.slice(0, 2) }],
    copingResponses: coping.slice(0, 2),
    peopleToCall: [{ ...random.pick(SUPPORT_PEOPLE), note: "" }],
    reasonsForRecovery: pickLines(random, RECOVERY_SECTIONS.reasonsForRecovery, language, 2),
  };
  const second = { ...first, copingResponses: coping };
  const third = {
    ...second,
    highRiskSituations: [...second.highRiskSituations, { situation: triggers[1]!, responses: [coping[2]!] }],
  };
  const extraTrigger = PLAN_TRIGGERS[language].find((t) => !triggers.includes(t))!;
  const extraPerson = SUPPORT_PEOPLE.find((p) => p.name !== first.peopleToCall[0]!.name)!;
  const fourth = {
    ...third,
    triggers: [...triggers, extraTrigger],
    peopleToCall: [...third.peopleToCall, { ...extraPerson, note: "" }],
  };
  const count = random.int(1, 4);
  const steps = [
    { editor: "staff" as const, content: first },
    { editor: "participant" as const, content: second },
    { editor: "staff" as const, content: third },
    { editor: "participant" as const, content: fourth },
  ].slice(0, count);
  return withVersions(random, "recovery", steps, context.fromMs, context.nowMs);
}

/** The safety plan: written with the counselor, sometimes added to by the participant (1–2 versions). */
export function planSafetyPlan(
  random: Random,
  context: PersonalPlanContext,
): PlannedPersonalPlan<SafetyPlanContent> {
  const { language } = context;
  const professionals: PlanContact[] = [
    { name: context.counselor, phone: context.onCallPhone, note: "" },
    {
      name:
        language === "es" ? "Línea 988 de Prevención del Suicidio y Crisis" : "988 Suicide & Crisis Lifeline",
      phone: "988",
      note: language === "es" ? "Llamar o enviar texto, a toda hora" : "Call or text, any time",
    },
  ];
  const things = pickLines(random, SAFETY_SECTIONS.thingsICanDo, language, 3);
  const reasons = pickLines(random, SAFETY_SECTIONS.reasonsForLiving, language, 2);
  const first: SafetyPlanContent = {
    warningSigns: pickLines(random, SAFETY_SECTIONS.warningSigns, language, 2),
    thingsICanDo: things.slice(0, 2),
    peopleAndPlaces: pickLines(random, SAFETY_SECTIONS.peopleAndPlaces, language, 2),
    peopleToAsk: [{ ...random.pick(SUPPORT_PEOPLE), note: "" }],
    professionals,
    saferSurroundings: pickLines(random, SAFETY_SECTIONS.saferSurroundings, language, 1),
    reasonsForLiving: reasons.slice(0, 1),
  };
  const second = { ...first, thingsICanDo: things, reasonsForLiving: reasons };
  const steps = [
    { editor: "staff" as const, content: first },
    { editor: "participant" as const, content: second },
  ].slice(0, random.int(1, 2));
  return withVersions(random, "safety", steps, context.fromMs, context.nowMs);
}

/**
 * Who has which plan (current participants): most a recovery plan; a safety plan more often when
 * things are hard. Fixed per participant, so their check-ins can name their plan's triggers.
 */
export function plansFor(
  seed: number,
  participantKey: number,
  trajectory: Trajectory,
): { recovery: boolean; safety: boolean } {
  const random = createRandom(seed).fork(`personal-plans/${participantKey}`);
  const fragile = trajectory === "struggling" || trajectory === "lapse_and_return";
  const recovery = random.chance(0.85);
  return { recovery, safety: recovery && random.chance(fragile ? 0.8 : 0.45) };
}

/** Share of attended sessions with a module whose practice gets done and reflected on. */
export const PRACTICE_SHARE: Record<Trajectory, number> = {
  improving: 0.7,
  steady: 0.6,
  lapse_and_return: 0.5,
  struggling: 0.3,
  fading: 0.25,
};

export interface PlannedPractice {
  reflection: string;
  /** Hours after the session it was marked done. */
  afterHours: number;
  /** Hours after marking it the facilitator read it (null: not yet). */
  readAfterHours: number | null;
}

export function planPractice(
  random: Random,
  language: Language,
  trajectory: Trajectory,
): PlannedPractice | null {
  if (!random.chance(PRACTICE_SHARE[trajectory])) return null;
  return {
    reflection: random.chance(0.85) ? random.pick(REFLECTIONS[language]) : "",
    afterHours: random.int(14, 60),
    readAfterHours: random.chance(0.65) ? random.int(2, 40) : null,
  };
}

export interface PlannedMessage {
  by: "participant" | "staff";
  text: string;
  at: number;
}

export interface PlannedThread {
  key: string;
  subject: string;
  messages: PlannedMessage[];
  /** When each side last read it (null: never opened). */
  participantReadAt: number | null;
  staffReadAt: number | null;
}

/**
 * A few threads over an episode: scheduling, a homework question, a note from the counselor; a
 * "rough few days" thread (the counselor suggests a call) only for people who struggle. The newest
 * messages are sometimes not read yet, so staff inboxes show some unread.
 */
export function planThreads(
  random: Random,
  language: Language,
  trajectory: Trajectory,
  fromMs: number,
  nowMs: number,
): PlannedThread[] {
  const fragile = trajectory !== "improving" && trajectory !== "steady";
  const scripts = THREAD_SCRIPTS[language].filter((s) => fragile || s.key !== "low");
  const chosen = pickSome(random, scripts, random.int(1, 3));
  const starts = spread(random, fromMs, nowMs - HOUR, chosen.length).sort((a, b) => a - b);
  return chosen.map((script: ThreadScript, n) => {
    const messages: PlannedMessage[] = [];
    let at = starts[n]!;
    for (const line of script.lines) {
      if (at > nowMs) break;
      messages.push({ by: line.by === "p" ? "participant" : "staff", text: line.text, at });
      at += random.int(20, 20 * 60) * MINUTE;
    }
    const last = messages.at(-1)!;
    const recent = nowMs - last.at < 3 * 24 * HOUR;
    const readBy = (side: "participant" | "staff") => {
      const own = messages.filter((m) => m.by === side).at(-1)?.at ?? null;
      if (last.by === side) return last.at;
      if (recent && random.chance(0.5)) return own;
      return Math.min(nowMs, last.at + random.int(10, 240) * MINUTE);
    };
    return {
      key: script.key,
      subject: script.subject,
      messages,
      participantReadAt: readBy("participant"),
      staffReadAt: readBy("staff"),
    };
  });
}

export const ABSENCE_REASONS = ["illness", "work", "family", "transport", "appointment"] as const;
export type DemoAbsenceReason = (typeof ABSENCE_REASONS)[number];

export interface PlannedAbsence {
  reason: DemoAbsenceReason;
  note: string;
  /** Days before the session it was asked for. */
  daysAhead: number;
  declineNote: string;
}

export function planAbsence(random: Random, language: Language): PlannedAbsence {
  const reason = random.pick(ABSENCE_REASONS);
  return {
    reason,
    note: random.chance(0.8) ? ABSENCE_NOTES[language][reason] : "",
    daysAhead: random.int(1, 5),
    declineNote: random.pick(DECLINE_NOTES[language]),
  };
}

/** The words that go with restarting the days-in-recovery counter. */
export const restartMessage = (random: Random, language: Language) => random.pick(RESTART_MESSAGES[language]);
