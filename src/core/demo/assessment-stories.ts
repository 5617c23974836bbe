import type { AlertKind, AlertSeverity, AlertState } from "../alerts/alerts.schema";
import { deriveCriticalAlerts } from "../assessments/critical-alerts.rules";
import { comparedValue, detectReliableDeterioration } from "../assessments/deterioration.rules";
import type { ResolvedParameters } from "../assessments/reliable-change";
import {
  DEFAULT_RELIABLE_CHANGE_SETTINGS,
  parametersFor,
} from "../assessments/reliable-change-settings.schema";
import {
  DEFAULT_DUE_OPTIONS,
  DEFAULT_SCHEDULE,
  type MeasurementSchedule,
} from "../assessments/schedule.rules";
import { daysBetween } from "../platform/dates";
import type { PlannedCritical } from "./assessment-answers";
import {
  type EpisodeOutline,
  type PlannedResponse,
  planResponse,
  type ScheduledAdministration,
  scheduleAdministrations,
} from "./assessment-trajectories";
import { createRandom, type Random } from "./random";

/**
 * The alerts behind the demo's scores: a few critical answers (thoughts of death on the PHQ-9, a
 * positive suicide-risk screen) and the reliable-deterioration warnings the live rules raise on the
 * scores, each with what the counselor did — most acknowledged within the hour and resolved with a
 * note, one or two still being worked. Pure and deterministic per seed.
 */

/** A critical answer in one episode, and how far the care team has got with it. */
export interface CriticalStory {
  critical: Exclude<PlannedCritical, "none">;
  state: AlertState;
}

export interface AssessmentPlanOptions {
  seed: number;
  /** The demo's calendar date; nothing is answered after it. */
  today: string;
  /** The demo's instant: every time is before it. */
  now: Date;
  schedule?: MeasurementSchedule;
  graceDays?: number;
  /** Questionnaire titles by instrument key, for the warnings' wording (as the live service words them). */
  titles: Readonly<Record<string, string>>;
}

export interface PlannedAlert {
  /** Index of the response it points at in the episode's responses. */
  response: number;
  kind: AlertKind;
  severity: AlertSeverity;
  reason: string;
  /** The item linkId the evidence points at. */
  item: string | null;
  createdAt: Date;
  state: AlertState;
  /** Acknowledged and resolved by the primary counselor. */
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
  resolutionNote: string | null;
}

export interface EpisodeAssessments {
  responses: PlannedResponse[];
  alerts: PlannedAlert[];
}

const isScheduled = (schedule: MeasurementSchedule, key: string, audience: "adult" | "adolescent") =>
  schedule.some((e) => e.instrumentKey === key && (e.audience === "any" || e.audience === audience));

/** The schedule's depression measure for an audience: the PHQ-A for adolescents when scheduled, else the PHQ-9. */
export function depressionInstrument(
  schedule: MeasurementSchedule,
  audience: "adult" | "adolescent",
): string | null {
  return ["phqa", "phq9"].find((key) => isScheduled(schedule, key, audience)) ?? null;
}

function shuffled<T>(random: Random, items: readonly T[]): T[] {
  return items
    .map((item) => ({ item, key: random.next() }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.item);
}

/**
 * Which episodes hold a critical answer: among current participants (those not doing well first),
 * one raised this morning and still open, one acknowledged and being worked, and about 3 % resolved;
 * about 3 % of past episodes, resolved; one positive suicide-risk screen at a current intake and a
 * few in past ones, resolved. The demo participant account is left out.
 */
export function pickCriticalStories(
  seed: number,
  outlines: readonly EpisodeOutline[],
  today: string,
  schedule: MeasurementSchedule = DEFAULT_SCHEDULE,
): Map<string, CriticalStory> {
  const random = createRandom(seed).fork("assessments/critical-stories");
  const stories = new Map<string, CriticalStory>();
  /** Episodes that can hold the answer, those the story fits best first. */
  const candidates = (current: boolean, minDays: number, instrumentKey: "depression" | "asq") => {
    const possible = outlines.filter(
      (o) =>
        !o.input.selfReport &&
        (o.input.dischargedOn === null) === current &&
        daysBetween(o.input.admittedOn, o.input.dischargedOn ?? today) >= minDays &&
        !stories.has(o.input.key) &&
        (instrumentKey === "asq"
          ? isScheduled(schedule, "asq", o.input.audience)
          : depressionInstrument(schedule, o.input.audience) !== null),
    );
    const struggling = (o: EpisodeOutline) => o.course !== "improving";
    return [
      ...shuffled(random, possible.filter(struggling)),
      ...shuffled(
        random,
        possible.filter((o) => !struggling(o)),
      ),
    ];
  };
  const assign = (list: EpisodeOutline[], count: number, story: CriticalStory) => {
    for (const o of list.slice(0, count)) stories.set(o.input.key, story);
  };
  const current = outlines.filter((o) => o.input.dischargedOn === null).length;
  const past = outlines.length - current;
  const share = (n: number, rate: number) => (n === 0 ? 0 : Math.max(1, Math.round(n * rate)));

  const now = candidates(true, 15, "depression");
  assign(now.slice(0, 1), 1, { critical: "thoughts_of_death", state: "open" });
  assign(now.slice(1, 2), 1, { critical: "thoughts_of_death", state: "acknowledged" });
  assign(now.slice(2), share(current, 0.03), { critical: "thoughts_of_death", state: "resolved" });
  assign(candidates(false, 14, "depression"), share(past, 0.03), {
    critical: "thoughts_of_death",
    state: "resolved",
  });
  assign(candidates(true, 7, "asq"), Math.min(current, 1), { critical: "asq_positive", state: "resolved" });
  assign(candidates(false, 7, "asq"), share(past, 0.005), { critical: "asq_positive", state: "resolved" });
  return stories;
}

const MINUTE = 60_000;

/**
 * The reliable-change parameters under the program's settings, as the live submission reads them;
 * the demo program keeps the defaults. Resolved once per instrument.
 */
const resolvedDefaults = new Map<string, ResolvedParameters>();
function defaultParameters(instrumentKey: string): ResolvedParameters {
  let resolved = resolvedDefaults.get(instrumentKey);
  if (!resolved) {
    resolved = parametersFor(DEFAULT_RELIABLE_CHANGE_SETTINGS, instrumentKey);
    resolvedDefaults.set(instrumentKey, resolved);
  }
  return resolved;
}

const NOTES: Record<CriticalStory["critical"] | "reliable_deterioration", readonly string[]> = {
  thoughts_of_death: [
    "Safety assessment the same day: passive thoughts, no plan or intent. Safety plan reviewed and updated; 988 and the on-call number given. Follow-up at the next session.",
    "Met after group: thoughts of being better off dead on a few days, no intent to act. Safety plan updated together, means safety discussed, prescriber informed.",
    "Called the same afternoon: no current intent; reasons for living and supports reviewed. Safety plan on file and shared with the care team; check-in call booked in two days.",
  ],
  asq_positive: [
    "Brief suicide safety assessment completed before they left: not at imminent risk. Safety plan made together; 988 and the on-call number given; reviewed at the team meeting.",
    "Brief safety assessment with the clinical director the same day: passive thoughts, no plan. Safety plan made, family support involved with consent, follow-up in 48 hours.",
  ],
  reliable_deterioration: [
    "Reviewed in individual session: new stressors at home and at work. Treatment plan updated; individual sessions weekly for a month.",
    "Discussed at the team meeting; prescriber review booked. Measure to be repeated at its next date.",
    "Reviewed together: the rise followed a lapse; back in groups now. Relapse-prevention plan updated.",
    "Reviewed: missed medication doses, taken up with the prescriber. Watching the next scores closely.",
  ],
};

/**
 * What happened to an alert by `now`: a critical answer is acknowledged within the hour and
 * resolved the same day unless its story says it is still open or being worked; a warning is
 * acknowledged within a day or so and resolved within a few days. Anything that would fall after
 * `now` has not happened yet.
 */
function settle(
  random: Random,
  createdAt: Date,
  now: Date,
  kind: "critical" | "warning",
  target: AlertState,
  note: string,
): Pick<PlannedAlert, "state" | "acknowledgedAt" | "resolvedAt" | "resolutionNote"> {
  const open = { state: "open" as const, acknowledgedAt: null, resolvedAt: null, resolutionNote: null };
  if (target === "open") return open;
  const acknowledgedAt = new Date(
    createdAt.getTime() + (kind === "critical" ? random.int(6, 45) : random.int(4 * 60, 30 * 60)) * MINUTE,
  );
  if (acknowledgedAt >= now) return open;
  const resolvedAt = new Date(
    acknowledgedAt.getTime() +
      (kind === "critical" ? random.int(60, 6 * 60) : random.int(60, 72 * 60)) * MINUTE,
  );
  if (target === "acknowledged" || resolvedAt >= now)
    return { state: "acknowledged", acknowledgedAt, resolvedAt: null, resolutionNote: null };
  return { state: "resolved", acknowledgedAt, resolvedAt, resolutionNote: note };
}

/** When each administration was submitted: at a session that day, one questionnaire after another. */
function submissionTimes(
  random: Random,
  administrations: readonly ScheduledAdministration[],
  now: Date,
): Date[] {
  const latest = now.getTime() - 20 * MINUTE;
  const sessions = new Map<string, number>();
  return administrations.map((a) => {
    if (a.timing === "extra") return new Date(now.getTime() - 35 * MINUTE);
    const start =
      sessions.get(a.on) ?? Date.parse(`${a.on}T00:00:00Z`) + (13 * 60 + random.int(0, 9 * 60)) * MINUTE;
    sessions.set(a.on, start + random.int(3, 6) * MINUTE);
    return new Date(Math.min(start, latest));
  });
}

/** The administration that carries the story's critical answer (an extra one today when it is still open). */
function placeStory(
  random: Random,
  administrations: ScheduledAdministration[],
  story: CriticalStory,
  instrumentKey: string,
  today: string,
): number {
  if (story.state === "open") {
    const rest = administrations.filter((a) => !(a.instrumentKey === instrumentKey && a.on === today));
    administrations.splice(0, administrations.length, ...rest, { instrumentKey, on: today, timing: "extra" });
    return administrations.length - 1;
  }
  const given = administrations.flatMap((a, i) => (a.instrumentKey === instrumentKey ? [i] : []));
  if (given.length === 0) return -1;
  // Being worked: the latest one. A positive screen: at intake. Resolved: some time before the latest.
  if (story.state === "acknowledged") return given.at(-1)!;
  if (story.critical === "asq_positive") return given[0]!;
  return given.length <= 2 ? given[0]! : given[random.int(1, given.length - 2)]!;
}

/**
 * An episode's questionnaires and alerts: the schedule's administrations answered and scored, the
 * alerts the live service would raise on them (critical answers with the live wording, reliable
 * deterioration since the episode's first score by the default parameters), and what the counselor
 * did about each.
 */
export function planEpisodeAssessments(
  outline: EpisodeOutline,
  story: CriticalStory | undefined,
  options: AssessmentPlanOptions,
): EpisodeAssessments {
  const { seed, today, now, schedule = DEFAULT_SCHEDULE, titles } = options;
  const { input } = outline;
  const random = createRandom(seed).fork(`assessments/${input.key}/episode`);
  const administrations = scheduleAdministrations(
    seed,
    input,
    schedule,
    today,
    options.graceDays ?? DEFAULT_DUE_OPTIONS.graceDays,
  );
  const storyKey = story
    ? story.critical === "asq_positive"
      ? "asq"
      : depressionInstrument(schedule, input.audience)
    : null;
  const target = story && storyKey ? placeStory(random, administrations, story, storyKey, today) : -1;
  const times = submissionTimes(random, administrations, now);
  const noise = createRandom(seed).fork(`assessments/${input.key}/answers`);
  const responses = administrations.map((a, i) =>
    planResponse(seed, outline, a, times[i]!, i === target ? story!.critical : "none", noise),
  );

  const alerts: PlannedAlert[] = [];
  const baselines = new Map<string, PlannedResponse>();
  responses.forEach((response, index) => {
    const { instrumentKey, outcome, submittedAt } = response;
    for (const alert of deriveCriticalAlerts(instrumentKey, response.findings)) {
      const notes = alert.kind === "asq_positive" ? NOTES.asq_positive : NOTES.thoughts_of_death;
      alerts.push({
        response: index,
        ...alert,
        createdAt: submittedAt,
        ...settle(
          random,
          submittedAt,
          now,
          "critical",
          index === target ? story!.state : "resolved",
          random.pick(notes),
        ),
      });
    }
    if (!outcome.ok) return;
    const baseline = baselines.get(instrumentKey);
    if (!baseline) {
      baselines.set(instrumentKey, response);
      return;
    }
    const resolved = defaultParameters(instrumentKey);
    if (resolved.status !== "available" || !baseline.outcome.ok) return;
    const worse = detectReliableDeterioration(
      titles[instrumentKey] ?? instrumentKey,
      { value: comparedValue(resolved.parameters, baseline.outcome), on: baseline.on },
      comparedValue(resolved.parameters, outcome),
      resolved.parameters,
    );
    if (!worse) return;
    alerts.push({
      response: index,
      kind: "reliable_deterioration",
      severity: "warning",
      reason: worse.reason,
      item: null,
      createdAt: submittedAt,
      ...settle(random, submittedAt, now, "warning", "resolved", random.pick(NOTES.reliable_deterioration)),
    });
  });
  return { responses, alerts };
}
