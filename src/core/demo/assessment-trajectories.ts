import {
  type AnswerValue,
  type CriticalFinding,
  deriveCriticalFindings,
  type ScoreOutcome,
} from "../assessments/instrument";
import { findInstrumentByKey } from "../assessments/registry";
import {
  DEFAULT_DUE_OPTIONS,
  type MeasurementSchedule,
  type ScheduleAudience,
  type ScheduleEntry,
} from "../assessments/schedule.rules";
import type { DischargeReason } from "../participants/episodes.schema";
import { daysBetween, fromDayNumber, toDayNumber } from "../platform/dates";
import {
  answerQuestionnaire,
  createItemDraws,
  type DemoSubstance,
  type DomainLevels,
  type PlannedCritical,
} from "./assessment-answers";
import type { Trajectory } from "./check-in-trajectories";
import { createRandom, hashUnit, type Random } from "./random";

/**
 * Questionnaire score trajectories for demo episodes: which questionnaires are given when (the
 * program's measurement schedule from admission to discharge or today, with now and then a late or
 * missed one), how the person is doing each time (their course: most improve, some stay flat, a few
 * worsen), their answers item by item, and the registry's score of those answers. Pure and
 * deterministic per seed and episode.
 */

export const SCORE_COURSES = ["improving", "flat", "deteriorating"] as const;
export type ScoreCourse = (typeof SCORE_COURSES)[number];

/** One demo episode, as the assessment trajectories need it. */
export interface AssessmentEpisodeInput {
  /** Stable and unique per episode: the label of its generators. */
  key: string;
  admittedOn: string;
  dischargedOn: string | null;
  dischargeReason: DischargeReason | null;
  audience: Exclude<ScheduleAudience, "any">;
  /** How the days between sessions go (the check-ins' trajectory), which the scores follow. */
  trajectory: Trajectory;
  substance: DemoSubstance;
  /** Day of the episode (0 = admission) of the check-ins' lapse, or -1. */
  lapseDay: number;
  /** Days at the end of the episode without contact (drifting away), or 0. */
  silentDays: number;
  /** Follow-up measures are given after the participant's last episode only. */
  followUps: boolean;
  /** The participant completes repeat questionnaires in the participant area (the demo account). */
  selfReport: boolean;
}

/** The per-episode choices behind its scores; the administrations and answers follow from it. */
export interface EpisodeOutline {
  input: AssessmentEpisodeInput;
  course: ScoreCourse;
  /** How the person was doing at admission. */
  baseline: DomainLevels;
  /** Improving: the share of the baseline gone by the end of the pace; deteriorating: the level added. */
  change: number;
  /** Days over which the course unfolds. */
  pace: number;
}

/** Chances of improving, staying flat and deteriorating, by check-in trajectory. */
const COURSE_ODDS: Record<Trajectory, [number, number, number]> = {
  improving: [0.94, 0.06, 0],
  steady: [0.62, 0.36, 0.02],
  lapse_and_return: [0.82, 0.16, 0.02],
  struggling: [0.2, 0.58, 0.22],
  fading: [0.15, 0.65, 0.2],
};

function pickCourse(random: Random, trajectory: Trajectory): ScoreCourse {
  const [improving, flat] = COURSE_ODDS[trajectory];
  const roll = random.next();
  return roll < improving ? "improving" : roll < improving + flat ? "flat" : "deteriorating";
}

/**
 * How an episode's scores go: its course (from the check-ins' trajectory), how the person was
 * doing at admission (depression around a PHQ-9 of 11, a third with marked trauma symptoms, drinking
 * or drug use by their primary diagnosis), and how far and how fast the course moves them.
 */
export function outlineEpisode(seed: number, input: AssessmentEpisodeInput): EpisodeOutline {
  const random = createRandom(seed).fork(`assessments/${input.key}/outline`);
  const course = pickCourse(random, input.trajectory);
  const drinker = input.substance === "alcohol";
  const adolescent = input.audience === "adolescent";
  const depression = random.around(0.42, 0.14, 0.12, 0.8);
  const baseline: DomainLevels = {
    depression,
    anxiety: Math.min(0.9, depression * 0.6 + random.around(0.18, 0.1, 0, 0.4)),
    trauma: random.chance(0.35) ? random.around(0.5, 0.12, 0.32, 0.8) : random.around(0.15, 0.08, 0, 0.3),
    alcohol: drinker
      ? random.around(0.62, 0.12, 0.35, 0.95)
      : random.around(adolescent ? 0.15 : 0.22, 0.12, 0, 0.5),
    drugs: drinker ? random.around(0.1, 0.08, 0, 0.35) : random.around(0.6, 0.12, 0.3, 0.9),
    use: random.around(0.55, 0.15, 0.25, 0.9),
    strain: random.around(0.55, 0.12, 0.3, 0.85),
  };
  return {
    input,
    course,
    baseline,
    change:
      course === "improving"
        ? random.around(0.65, 0.12, 0.4, 0.9)
        : course === "deteriorating"
          ? random.around(0.3, 0.06, 0.2, 0.45)
          : random.around(0, 0.05, -0.1, 0.1),
    pace: course === "deteriorating" ? random.int(28, 56) : random.int(42, 84),
  };
}

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

/** How far along its course the episode is on `day`: fast at first, then levelling off. */
const progressOn = (day: number, pace: number) => 1 - (1 - Math.min(1, Math.max(0, day / pace))) ** 2;

/** How the person is doing `day` days after admission, before this administration's noise. */
export function deriveLevels(outline: EpisodeOutline, day: number): DomainLevels {
  const { baseline, course, change, pace, input } = outline;
  const progress = progressOn(day, pace);
  const sinceLapse = input.lapseDay >= 0 ? day - input.lapseDay : -1;
  const bump = sinceLapse >= 0 && sinceLapse < 21 ? 0.15 * (1 - sinceLapse / 21) : 0;
  const symptom = (level: number, responsiveness = 1) =>
    clamp01(
      (course === "improving"
        ? level * (1 - change * responsiveness * progress)
        : course === "deteriorating"
          ? level + change * responsiveness * progress
          : level * (1 + change * progress)) + bump,
    );
  // The BAM looks back 30 days: at first that is mostly before admission.
  const beforeAdmission = baseline.use * Math.max(0, 1 - day / 30);
  const ongoing =
    (sinceLapse >= 0 && sinceLapse < 30 ? 0.3 : 0) +
    (input.trajectory === "struggling" ? 0.15 : 0) +
    (input.trajectory === "fading" || course === "deteriorating" ? 0.25 * progress : 0);
  return {
    depression: symptom(baseline.depression),
    anxiety: symptom(baseline.anxiety, 0.85),
    trauma: symptom(baseline.trauma, 0.6),
    alcohol: baseline.alcohol,
    drugs: baseline.drugs,
    use: clamp01(beforeAdmission + ongoing),
    strain: symptom(baseline.strain, 0.9),
  };
}

export type AdministrationTiming = "intake" | "repeat" | "discharge" | "follow_up" | "extra";

export interface ScheduledAdministration {
  instrumentKey: string;
  on: string;
  timing: AdministrationTiming;
}

const applies = (entry: ScheduleEntry, audience: AssessmentEpisodeInput["audience"]) =>
  entry.audience === "any" || entry.audience === audience;

/** Chance that the discharge measures are given, by why the person left. */
const DISCHARGE_MEASURED: Record<DischargeReason, number> = {
  completed: 0.9,
  transferred: 0.5,
  administrative: 0.3,
  other: 0.3,
  left_against_advice: 0.1,
  incarcerated: 0,
  died: 0,
};

/**
 * When each questionnaire of the schedule is given in an episode, as a program really gives them:
 * intake in the first days, each repeat at its date or a session or two later, now and then a week
 * or more late (and, at the end of a current episode, not yet: then it shows as overdue), the
 * discharge measures mostly for those who complete, follow-ups for some. Nothing after today, nothing
 * while a person who drifts away has stopped coming.
 */
export function scheduleAdministrations(
  seed: number,
  input: AssessmentEpisodeInput,
  schedule: MeasurementSchedule,
  today: string,
  graceDays = DEFAULT_DUE_OPTIONS.graceDays,
): ScheduledAdministration[] {
  // Day numbers from here on: the loop below steps through dates.
  const admitted = toDayNumber(input.admittedOn);
  const discharged = input.dischargedOn === null ? null : toDayNumber(input.dischargedOn);
  const todayNumber = toDayNumber(today);
  const lastContact = (discharged ?? todayNumber) - input.silentDays;
  const result: { instrumentKey: string; day: number; timing: AdministrationTiming }[] = [];
  const keys = [...new Set(schedule.filter((e) => applies(e, input.audience)).map((e) => e.instrumentKey))];
  for (const instrumentKey of keys) {
    const random = createRandom(seed).fork(`assessments/${input.key}/schedule/${instrumentKey}`);
    const entries = schedule.filter((e) => e.instrumentKey === instrumentKey && applies(e, input.audience));
    const given: number[] = [];
    const give = (day: number, timing: AdministrationTiming) => {
      given.push(day);
      result.push({ instrumentKey, day, timing });
    };
    if (entries.some((e) => e.at === "intake")) {
      const day = admitted + random.pick([0, 0, 0, 1, 1, 2]);
      give(day <= lastContact ? day : admitted, "intake");
    }
    const repeat = entries.find((e) => e.at === "every_n_days");
    if (repeat?.at === "every_n_days") {
      let last = given.at(-1) ?? admitted;
      for (;;) {
        const due = last + repeat.n;
        if (discharged !== null && due > discharged) break;
        const late = random.chance(0.1);
        const day =
          due + (late ? random.int(4, Math.max(5, Math.min(repeat.n, 20))) : random.pick([0, 0, 0, 1, 2]));
        if (day > lastContact) break;
        give(day, "repeat");
        last = day;
      }
    }
    const reason = input.dischargeReason;
    if (discharged !== null && reason !== null && entries.some((e) => e.at === "discharge")) {
      const day = discharged - random.pick([0, 0, 1, 2]);
      const counted = given.some((g) => g >= discharged - graceDays);
      if (!counted && day <= lastContact && day >= admitted && random.chance(DISCHARGE_MEASURED[reason]))
        give(day, "discharge");
    }
    if (discharged !== null && input.followUps && reason === "completed") {
      for (const entry of entries) {
        if (entry.at !== "follow_up") continue;
        const day = discharged + entry.days + random.int(-2, 6);
        if (day <= todayNumber && random.chance(0.55)) give(day, "follow_up");
      }
    }
  }
  return result
    .sort((a, b) => a.day - b.day || keys.indexOf(a.instrumentKey) - keys.indexOf(b.instrumentKey))
    .map((a) => ({ instrumentKey: a.instrumentKey, on: fromDayNumber(a.day), timing: a.timing }));
}

export interface PlannedResponse {
  instrumentKey: string;
  url: string;
  version: string;
  on: string;
  timing: AdministrationTiming;
  submittedAt: Date;
  mode: "staff" | "self";
  answers: Record<string, AnswerValue>;
  /** The registry's score of `answers`. */
  outcome: ScoreOutcome;
  /** The registry's critical findings in `answers` (as the live service derives them). */
  findings: readonly CriticalFinding[];
}

/**
 * Answer and score one administration: the person's levels that day with a little noise, their
 * answers item by item, and the registry's scorer on those answers. `noise` is the episode's
 * generator for day-to-day variation, drawn in order of administration.
 */
export function planResponse(
  seed: number,
  outline: EpisodeOutline,
  administration: ScheduledAdministration,
  submittedAt: Date,
  critical: PlannedCritical,
  noise: Random,
): PlannedResponse {
  const { instrumentKey, on, timing } = administration;
  const definition = findInstrumentByKey(instrumentKey);
  if (!definition) throw new Error(`No questionnaire "${instrumentKey}" in the registry.`);
  const label = `assessments/${outline.input.key}/${instrumentKey}`;
  const levels = deriveLevels(outline, daysBetween(outline.input.admittedOn, on));
  const noisy = Object.fromEntries(
    Object.entries(levels).map(([domain, level]) => [
      domain,
      clamp01(level + noise.around(0, 0.03, -0.08, 0.08)),
    ]),
  ) as Record<keyof DomainLevels, number>;
  // Whoever says they have thoughts of death is not doing well that week.
  if (critical === "thoughts_of_death") noisy.depression = Math.max(noisy.depression, 0.55);
  const draws = createItemDraws(Math.floor(hashUnit(seed, `${label}/leans`) * 2 ** 32), noise);
  const answers = answerQuestionnaire(
    instrumentKey,
    { levels: noisy, substance: outline.input.substance, critical },
    draws,
    noise,
  );
  return {
    instrumentKey,
    url: definition.url,
    version: definition.version,
    on,
    timing,
    submittedAt,
    mode: outline.input.selfReport && timing === "repeat" ? "self" : "staff",
    answers,
    outcome: definition.score(answers),
    findings: deriveCriticalFindings(definition, answers),
  };
}
