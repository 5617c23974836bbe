import type { DischargeReason } from "../participants/episodes.schema";
import { addDays, daysBetween, toDayNumber } from "../platform/dates";
import type {
  Objective,
  ObjectiveStatus,
  PlanContent,
  PlanLanguage,
  ProblemSource,
  SignatureRole,
  VersionStatus,
} from "../treatment-plans/plan.schema";
import type { PlanTemplate } from "../treatment-plans/plan-api.schema";
import type {
  ObjectiveProgress,
  ReviewContent,
  ReviewReason,
  ReviewStatus,
} from "../treatment-plans/review.schema";
import { suggestProblems } from "../treatment-plans/suggestions.rules";
import { instantiateTemplateProblem } from "../treatment-plans/templates";
import type { Trajectory } from "./check-in-trajectories";
import { createRandom, hashUnit, type Random } from "./random";

/**
 * The demo's treatment plans as plain data: which problems each episode's plan holds (the problems
 * the record suggests — diagnoses, intake PHQ-9 and GAD-7, ASAM ratings — from the template library),
 * when version 1 was drafted and signed (within a few days of admission), the reviews every 30 days
 * with each objective's progress (questionnaire-measured objectives follow the person's own scores,
 * weekly hours the hours they attended), a revised version 2 for some, and — across the program — a
 * few reviews overdue, one or two in draft, and the week's newest admissions without a plan or with a
 * draft. The demo participant account has a signed plan and a revised version awaiting their
 * signature. Pure and deterministic per seed; storage (src/server/demo/demo-plans.ts) writes the rows.
 */

/** The default review cycle (DEFAULT_PLAN_SETTINGS.reviewCycleDays). */
export const DEMO_REVIEW_CYCLE_DAYS = 30;

/** One scored questionnaire of the episode, as stored. */
export interface StoryScore {
  responseId: string;
  instrumentKey: string;
  on: string;
  total: number;
  band: string | null;
}

/** One demo episode, as its plan story needs it. */
export interface PlanStoryInput {
  /** Stable and unique per episode: the label of its generators and of its content ids. */
  key: string;
  admittedOn: string;
  dischargedOn: string | null;
  dischargeReason: DischargeReason | null;
  language: PlanLanguage;
  audience: "adult" | "adolescent";
  trajectory: Trajectory;
  diagnoses: { code: string; title: string }[];
  /** The six ASAM dimension ratings of the screening before admission. */
  ratings: readonly number[];
  /** Scored questionnaires of the episode, oldest first. */
  scores: readonly StoryScore[];
  /** Minutes attended at each group session and individual or family session, oldest first. */
  attendance: readonly { on: string; minutes: number }[];
  /** The demo participant account's own episode (it has a version 2 awaiting their signature). */
  demoAccount: boolean;
  /** A newcomer the program leaves without a plan yet, or with a draft only (see pickNewcomers). */
  newcomer?: "no_plan" | "draft";
}

export interface PlannedSignature {
  role: SignatureRole;
  at: Date;
  /** Which of the demo's device strings signed (an index into the server's list for the role). */
  device: number;
}

export interface PlannedVersion {
  number: number;
  status: VersionStatus;
  startsOn: string;
  content: PlanContent;
  /** The site's clinical director co-signs. */
  cosigned: boolean;
  createdAt: Date;
  updatedAt: Date;
  finalizedAt: Date | null;
  signedAt: Date | null;
  supersededAt: Date | null;
  signatures: PlannedSignature[];
}

export interface PlannedReview {
  number: number;
  /** The version reviewed (its number). */
  versionNumber: number;
  status: ReviewStatus;
  reason: Extract<ReviewReason, "scheduled" | "discharge_planning">;
  dueOn: string;
  heldOn: string;
  content: ReviewContent;
  cosigned: boolean;
  createdAt: Date;
  updatedAt: Date;
  finalizedAt: Date | null;
  signedAt: Date | null;
  signatures: PlannedSignature[];
}

/** An early-review trigger (discharge planning) and the review that answered it. */
export interface PlannedTrigger {
  reason: "discharge_planning";
  raisedAt: Date;
  dueOn: string;
  /** The review (its number) that satisfied it. */
  reviewNumber: number;
}

export interface PlanStory {
  key: string;
  createdAt: Date;
  versions: PlannedVersion[];
  reviews: PlannedReview[];
  triggers: PlannedTrigger[];
}

export interface PlanStoryContext {
  seed: number;
  /** The demo's calendar date; nothing happens after it. */
  today: string;
  /** The demo's instant: every time is before it. */
  nowMs: number;
  /** A template in a language, or undefined when the library does not hold it. */
  templateFor: (key: string, language: PlanLanguage) => PlanTemplate | undefined;
  /** A stable uuid for a label (content ids must stay the same across runs and versions). */
  idFor: (label: string) => string;
}

const MINUTE = 60_000;

const SUBSTANCE_TEMPLATES = ["alcohol-use", "opioid-use-moud", "stimulant-use"];

/**
 * The problems of a plan and why, from what the record suggested when it was drafted (the same
 * suggestions the clinician sees): the substance's template first, then a co-occurring problem (or,
 * for an adolescent, family conflict in their own words), then relapse prevention — at most three, a
 * plan the participant can hold in mind.
 */
export function chooseProblems(
  input: Pick<PlanStoryInput, "diagnoses" | "scores" | "audience" | "ratings" | "language">,
  draftedOn: string,
): { templateKey: string; sources: ProblemSource[] }[] {
  const latest = new Map<string, StoryScore>();
  for (const s of input.scores) if (s.on <= draftedOn) latest.set(s.instrumentKey, s);
  const suggested = suggestProblems({
    scores: [...latest.values()].map((s) => ({
      instrumentKey: s.instrumentKey,
      responseId: s.responseId,
      total: s.total,
      band: s.band,
      completedOn: s.on,
    })),
    diagnoses: input.diagnoses,
    asam: { edition: 3, ratings: input.ratings },
  });
  const words = (en: string, es: string): ProblemSource => ({
    kind: "participant_words",
    ref: null,
    label: input.language === "es" ? es : en,
  });
  const substance = suggested.filter((s) => SUBSTANCE_TEMPLATES.includes(s.templateKey)).slice(0, 1);
  const others = suggested.filter(
    (s) => !SUBSTANCE_TEMPLATES.includes(s.templateKey) && s.templateKey !== "relapse-prevention",
  );
  const second =
    input.audience === "adolescent"
      ? [
          {
            templateKey: "family-conflict",
            sources: [words("“We fight at home all the time.”", "“En casa discutimos todo el tiempo.”")],
          },
        ]
      : others.slice(0, substance.length === 0 ? 2 : 1);
  const relapse = suggested.find((s) => s.templateKey === "relapse-prevention");
  return [
    ...substance,
    ...second,
    {
      templateKey: "relapse-prevention",
      sources: [
        ...(relapse?.sources ?? []),
        words("“I want to stop starting over.”", "“Quiero dejar de volver a empezar de cero.”"),
      ],
    },
  ].map((s) => ({ templateKey: s.templateKey, sources: s.sources }));
}

const STAFF_HOURS: [number, number] = [14 * 60, 22 * 60];

/**
 * Instants in order: each one after the previous, none after now. Near now, what would fall later
 * is squeezed into the last hour, a minute or more apart.
 */
function createClock(random: Random, nowMs: number) {
  let last = 0;
  const latest = nowMs - 30 * MINUTE;
  const next = (ms: number) => {
    const squeezed = Math.min(ms, latest);
    last = squeezed > last ? squeezed : Math.min(last + MINUTE, nowMs - 1000);
    return new Date(last);
  };
  return {
    at(day: string, window: [number, number] = STAFF_HOURS): Date {
      const ms = toDayNumber(day) * 86_400_000 + random.int(window[0], window[1]) * MINUTE;
      return next(Math.max(ms, last + random.int(2, 20) * MINUTE));
    },
    after(minutes: number): Date {
      return next(last + minutes * MINUTE);
    },
  };
}

const NOTES: Record<ObjectiveStatus, { en: string; es: string }[]> = {
  not_started: [
    {
      en: "Not started yet; planned for the coming weeks.",
      es: "Aún no comenzado; previsto para las próximas semanas.",
    },
  ],
  in_progress: [
    {
      en: "Working on it in group and in individual sessions.",
      es: "Lo trabaja en grupo y en sesiones individuales.",
    },
    { en: "Some progress; keeps going.", es: "Algo de avance; sigue adelante." },
    { en: "Steady effort; not there yet.", es: "Esfuerzo constante; todavía no lo alcanza." },
  ],
  met: [
    { en: "Met; keeps it up without prompting.", es: "Cumplido; lo mantiene por su cuenta." },
    { en: "Met, confirmed together in session.", es: "Cumplido, confirmado juntos en sesión." },
  ],
  revised: [{ en: "Revised: a new target agreed together.", es: "Revisado: se acordó una nueva meta." }],
  discontinued: [
    { en: "Discontinued: no longer fits the plan.", es: "Suspendido: ya no corresponde al plan." },
  ],
};

const SUMMARIES: Record<"good" | "mixed" | "hard", { en: string; es: string }> = {
  good: {
    en: "Good progress this month: attending well and using the skills outside group. The participant agrees and feels more confident.",
    es: "Buen avance este mes: asiste con regularidad y usa las habilidades fuera del grupo. La persona está de acuerdo y se siente con más confianza.",
  },
  mixed: {
    en: "Some progress with setbacks; we agreed on what to focus on next. The participant feels it is going slowly but in the right direction.",
    es: "Algo de avance con altibajos; acordamos en qué enfocarnos. La persona siente que va lento pero en buena dirección.",
  },
  hard: {
    en: "A hard month: missed sessions and rising stress. We looked at what gets in the way and added support.",
    es: "Un mes difícil: faltó a sesiones y aumentó el estrés. Revisamos qué lo dificulta y añadimos apoyo.",
  },
};

/** Hours attended in the seven days ending on `day`, to the half hour. */
function hoursAttended(attendance: PlanStoryInput["attendance"], day: string): number {
  const from = addDays(day, -6);
  const minutes = attendance.reduce((sum, a) => (a.on >= from && a.on <= day ? sum + a.minutes : sum), 0);
  return Math.round((minutes / 60) * 2) / 2;
}

function meets(comparator: string, value: number, target: number): boolean {
  if (comparator === "below") return value < target;
  if (comparator === "at_most") return value <= target;
  if (comparator === "at_least") return value >= target;
  return value > target;
}

const doingWell = (t: Trajectory) => t === "improving" || t === "steady" || t === "lapse_and_return";

/**
 * Where one objective stands at a review (the review's number from 1, held on `on`): measured
 * objectives from the person's scores, the hours and the count from how the episode goes.
 */
function progressOf(
  random: Random,
  input: PlanStoryInput,
  objective: Objective,
  reviewIndex: number,
  on: string,
  startsOn: string,
): ObjectiveProgress {
  const note = (status: ObjectiveStatus) => random.pick(NOTES[status])[input.language];
  if (objective.status === "met" || objective.status === "revised" || objective.status === "discontinued")
    return { objectiveId: objective.id, status: objective.status, note: note(objective.status), value: null };
  const measure = objective.measure;
  const well = doingWell(input.trajectory);
  let status: ObjectiveStatus = "in_progress";
  let value: number | null = null;
  if (measure?.kind === "instrument") {
    const latest = input.scores.filter((s) => s.instrumentKey === measure.instrumentKey && s.on <= on).at(-1);
    if (latest) {
      value = latest.total;
      if (latest.on > startsOn && meets(measure.comparator, latest.total, measure.value)) status = "met";
    } else if (reviewIndex >= (well ? 3 : 5)) {
      // A questionnaire the program gives outside its schedule: the clinician's judgement.
      status = "met";
    }
  } else if (measure?.kind === "weekly_hours") {
    // The hours attended in the seven days to the review, and in each week before it.
    const weeks = Array.from({ length: measure.consecutiveWeeks }, (_, w) =>
      hoursAttended(input.attendance, addDays(on, -7 * w)),
    );
    value = weeks[0]!;
    const counted = addDays(on, -7 * measure.consecutiveWeeks) >= addDays(input.admittedOn, -1);
    if (counted && weeks.every((h) => h >= measure.minimumHours)) status = "met";
  } else if (measure?.kind === "count") {
    const share = Math.min(1, reviewIndex * (well ? 0.6 : 0.3) + random.next() * 0.2);
    value = Math.min(measure.target, Math.round(measure.target * share));
    if (value >= measure.target) status = "met";
  } else if (reviewIndex >= (well ? 2 : 4)) {
    status = "met";
  }
  if (status === "in_progress" && reviewIndex === 1 && !well && random.chance(0.3)) status = "not_started";
  return { objectiveId: objective.id, status, note: note(status), value };
}

function withStatuses(content: PlanContent, progress: readonly ObjectiveProgress[]): PlanContent {
  const byId = new Map(progress.map((p) => [p.objectiveId, p.status]));
  return {
    ...content,
    problems: content.problems.map((p) => ({
      ...p,
      objectives: p.objectives.map((o) => ({ ...o, status: byId.get(o.id) ?? o.status })),
    })),
  };
}

/**
 * Version 2 after a review: one objective not met is revised (a new objective with a later target
 * takes its place) or discontinued; met objectives stay met.
 */
function reviseContent(
  random: Random,
  content: PlanContent,
  revisedOn: string,
  newId: (label: string) => string,
  language: PlanLanguage,
): PlanContent {
  const open = content.problems.flatMap((p, pi) =>
    p.objectives.flatMap((o, oi) =>
      o.status === "in_progress" || o.status === "not_started" ? [{ pi, oi }] : [],
    ),
  );
  if (open.length === 0) return content;
  const { pi, oi } = random.pick(open);
  const discontinue = random.chance(0.3);
  return {
    ...content,
    problems: content.problems.map((p, i) => {
      if (i !== pi) return p;
      const objective = p.objectives[oi]!;
      const objectives = p.objectives.map((o, j) =>
        j === oi ? { ...o, status: (discontinue ? "discontinued" : "revised") as ObjectiveStatus } : o,
      );
      if (!discontinue)
        objectives.push({
          ...objective,
          id: newId(`${objective.id}/revised`),
          statement: `${objective.statement} ${language === "es" ? "(meta ajustada)" : "(adjusted target)"}`,
          targetOn: addDays(revisedOn, 42),
          status: "in_progress",
        });
      return { ...p, objectives };
    }),
  };
}

function allObjectives(content: PlanContent): Objective[] {
  return content.problems.flatMap((p) => p.objectives);
}

function staffSignatures(
  random: Random,
  clock: ReturnType<typeof createClock>,
  day: string,
  cosigned: boolean,
  participantSigns: boolean,
): { signatures: PlannedSignature[]; finalizedAt: Date; signedAt: Date | null } {
  const finalizedAt = clock.at(day);
  const signatures: PlannedSignature[] = [
    { role: "clinician", at: clock.after(random.int(1, 6)), device: random.int(0, 9) },
  ];
  if (!participantSigns) return { signatures, finalizedAt, signedAt: null };
  // In session on the participant's phone, or that evening at home.
  signatures.push({
    role: "participant",
    at: random.chance(0.7) ? clock.after(random.int(3, 30)) : clock.after(random.int(3 * 60, 7 * 60)),
    device: random.int(0, 9),
  });
  if (cosigned)
    signatures.push({
      role: "supervisor",
      at: clock.after(random.int(12 * 60, 30 * 60)),
      device: random.int(0, 9),
    });
  return { signatures, finalizedAt, signedAt: signatures.at(-1)!.at };
}

/** One episode's plan, or null before the counselor has started one (the first day or two). */
export function planTreatmentStory(context: PlanStoryContext, input: PlanStoryInput): PlanStory | null {
  const { seed, today, nowMs } = context;
  const random = createRandom(seed).fork(`plans/${input.key}`);
  const clock = createClock(random, nowMs);
  const end = input.dischargedOn ?? today;
  const planned = addDays(input.admittedOn, random.int(1, 2));
  // The demo account always has a plan to read and sign, even when admitted today.
  const draftDay = (input.demoAccount || input.newcomer === "draft") && planned > end ? end : planned;
  if (draftDay > end || input.newcomer === "no_plan") return null;
  const signDay = input.demoAccount
    ? minDay(addDays(draftDay, random.int(1, 4)), end)
    : addDays(draftDay, random.int(1, 4));
  // A few plans need the clinical director's co-signature; the demo account's does not, so that their
  // own signature is the one that makes the revised plan current.
  const cosigned = random.chance(0.15) && !input.demoAccount;

  let contentIds = 0;
  const problems = chooseProblems(input, draftDay).flatMap(({ templateKey, sources }) => {
    const template = context.templateFor(templateKey, input.language);
    if (!template) return [];
    return [
      instantiateTemplateProblem(template, {
        startsOn: draftDay,
        newId: () => context.idFor(`${input.key}/content/${contentIds++}`),
        sources,
      }),
    ];
  });
  const templates = problems.flatMap((p) => {
    const t = p.templateKey ? context.templateFor(p.templateKey, input.language) : undefined;
    return t ? [t] : [];
  });
  const unique = (items: string[]) => [...new Set(items)].slice(0, 5);
  let content: PlanContent = {
    problems,
    strengths: unique(templates.flatMap((t) => t.strengths)),
    barriers: unique(templates.flatMap((t) => t.barriers)),
    dischargeCriteria: unique(templates.flatMap((t) => t.dischargeCriteria)),
  };

  const createdAt = clock.at(draftDay);
  const story: PlanStory = { key: input.key, createdAt, versions: [], reviews: [], triggers: [] };
  const draftEdited = clock.after(random.int(10, 40));
  if (
    input.newcomer === "draft" ||
    signDay > end ||
    (input.dischargedOn === null && signDay >= today && !input.demoAccount)
  ) {
    story.versions.push({
      number: 1,
      status: "draft",
      startsOn: draftDay,
      content,
      cosigned: false,
      createdAt,
      updatedAt: draftEdited,
      finalizedAt: null,
      signedAt: null,
      supersededAt: null,
      signatures: [],
    });
    return story;
  }
  const firstSigning = staffSignatures(random, clock, signDay < today ? signDay : today, cosigned, true);
  let current: PlannedVersion = {
    number: 1,
    status: "signed",
    startsOn: draftDay,
    content,
    cosigned,
    createdAt,
    updatedAt: firstSigning.finalizedAt,
    finalizedAt: firstSigning.finalizedAt,
    signedAt: firstSigning.signedAt,
    supersededAt: null,
    signatures: firstSigning.signatures,
  };
  story.versions.push(current);

  // Reviews every cycle from the last completing signature, held on time (a day or two early).
  const wantsRevision = !input.demoAccount && random.chance(0.25);
  let lastSigned = current.signedAt!;
  let reviewIndex = 0;
  const dischargePlanning =
    input.dischargeReason === "completed" ? addDays(input.dischargedOn!, -random.int(3, 6)) : null;
  for (;;) {
    const cycleDue = addDays(isoDay(lastSigned), DEMO_REVIEW_CYCLE_DAYS);
    const early =
      dischargePlanning !== null && dischargePlanning < cycleDue && dischargePlanning > isoDay(lastSigned)
        ? dischargePlanning
        : null;
    const dueOn = early ? addDays(early, 7) : cycleDue;
    const heldOn = early ?? addDays(cycleDue, -random.int(0, 2));
    if (heldOn > end || heldOn >= today) break;
    reviewIndex++;
    const number = story.reviews.length + 1;
    const progress = allObjectives(current.content).map((o) =>
      progressOf(random, input, o, reviewIndex, heldOn, current.startsOn),
    );
    const open = progress.filter((p) => p.status === "in_progress" || p.status === "not_started").length;
    const planChangesNeeded = wantsRevision && current.number === 1 && reviewIndex === 1 && open > 0;
    const met = progress.filter((p) => p.status === "met").length;
    const mood = met * 2 >= progress.length ? "good" : doingWell(input.trajectory) ? "mixed" : "hard";
    const reviewCreated = clock.at(addDays(heldOn, -1) < isoDay(lastSigned) ? heldOn : addDays(heldOn, -1));
    const signing = staffSignatures(random, clock, heldOn, current.cosigned, true);
    const review: PlannedReview = {
      number,
      versionNumber: current.number,
      status: "signed",
      reason: early ? "discharge_planning" : "scheduled",
      dueOn,
      heldOn,
      content: { progress, summary: SUMMARIES[mood][input.language], planChangesNeeded },
      cosigned: current.cosigned,
      createdAt: reviewCreated,
      updatedAt: signing.finalizedAt,
      finalizedAt: signing.finalizedAt,
      signedAt: signing.signedAt,
      signatures: signing.signatures,
    };
    story.reviews.push(review);
    if (early)
      story.triggers.push({
        reason: "discharge_planning",
        raisedAt: reviewCreated,
        dueOn,
        reviewNumber: number,
      });
    lastSigned = review.signedAt!;
    content = withStatuses(current.content, progress);
    if (planChangesNeeded) {
      // A revision keeps the plan's start date (as the app's does); its changes date from the day revised.
      const revisedOn = addDays(heldOn, random.int(1, 3));
      if (revisedOn >= end) break;
      const revised = reviseContent(random, content, revisedOn, context.idFor, input.language);
      const created = clock.at(revisedOn);
      const signDay2 = addDays(revisedOn, random.int(0, 2));
      if (signDay2 >= today || signDay2 > end) {
        story.versions.push(
          draftVersion(2, current.startsOn, revised, created, clock.after(random.int(5, 30))),
        );
        break;
      }
      const signing2 = staffSignatures(random, clock, signDay2, current.cosigned, true);
      current.status = "superseded";
      current.supersededAt = signing2.signedAt;
      current = {
        number: 2,
        status: "signed",
        startsOn: current.startsOn,
        content: revised,
        cosigned: current.cosigned,
        createdAt: created,
        updatedAt: signing2.finalizedAt,
        finalizedAt: signing2.finalizedAt,
        signedAt: signing2.signedAt,
        supersededAt: null,
        signatures: signing2.signatures,
      };
      story.versions.push(current);
      lastSigned = current.signedAt!;
    }
    if (early) break;
  }

  if (input.demoAccount) {
    // The demo participant's revised version, signed by the counselor and waiting for them.
    const revised = reviseContent(random, content, today, context.idFor, input.language);
    const created = clock.at(today);
    const signing = staffSignatures(random, clock, today, current.cosigned, false);
    story.versions.push({
      number: current.number + 1,
      status: "awaiting_signatures",
      startsOn: current.startsOn,
      content: revised,
      cosigned: current.cosigned,
      createdAt: created,
      updatedAt: signing.finalizedAt,
      finalizedAt: signing.finalizedAt,
      signedAt: null,
      supersededAt: null,
      signatures: signing.signatures,
    });
  }
  return story;
}

function draftVersion(
  number: number,
  startsOn: string,
  content: PlanContent,
  createdAt: Date,
  updatedAt: Date,
): PlannedVersion {
  return {
    number,
    status: "draft",
    startsOn,
    content,
    cosigned: false,
    createdAt,
    updatedAt,
    finalizedAt: null,
    signedAt: null,
    supersededAt: null,
    signatures: [],
  };
}

/**
 * The newest admissions of the week (the demo account aside): the two newest have no plan yet and
 * the next one a draft — the first plan is expected within a week of admission.
 */
export function pickNewcomers(
  current: readonly { key: string; admittedOn: string }[],
  today: string,
  demoAccountKey: string | null,
): Map<string, "no_plan" | "draft"> {
  const newest = current
    .filter((c) => c.key !== demoAccountKey && c.admittedOn >= addDays(today, -6))
    .sort((a, b) =>
      a.admittedOn === b.admittedOn ? a.key.localeCompare(b.key) : a.admittedOn < b.admittedOn ? 1 : -1,
    );
  return new Map(newest.slice(0, 3).map((c, i) => [c.key, i < 2 ? "no_plan" : "draft"]));
}

const minDay = (a: string, b: string) => (a < b ? a : b);

const isoDay = (instant: Date) => instant.toISOString().slice(0, 10);

/**
 * The program-wide exceptions: a few current participants whose latest review was never held (now
 * overdue), and one or two whose latest review is still a draft. The demo account is left as it is.
 */
export function applyReviewExceptions(
  seed: number,
  stories: PlanStory[],
  currentKeys: ReadonlySet<string>,
  today: string,
  demoAccountKey: string | null,
): { overdue: string[]; drafts: string[] } {
  const eligible = stories
    .filter((s) => currentKeys.has(s.key) && s.key !== demoAccountKey && s.reviews.length > 0)
    .filter((s) => {
      const last = s.reviews.at(-1)!;
      // A review that led to a new version stays (the version says it happened).
      return !s.versions.some((v) => v.number > last.versionNumber);
    })
    .sort(
      (a, b) => hashUnit(seed, `plans/exceptions/${a.key}`) - hashUnit(seed, `plans/exceptions/${b.key}`),
    );
  const drafts = eligible.filter((s) => daysBetween(s.reviews.at(-1)!.heldOn, today) <= 4).slice(0, 2);
  for (const s of drafts) {
    const review = s.reviews.at(-1)!;
    review.status = "draft";
    review.finalizedAt = null;
    review.signedAt = null;
    review.signatures = [];
    review.updatedAt = new Date(review.createdAt.getTime() + 25 * MINUTE);
  }
  const overdueCount = Math.max(2, Math.round(currentKeys.size * 0.06));
  const overdue = eligible
    .filter((s) => !drafts.includes(s) && s.reviews.at(-1)!.dueOn < today && s.triggers.length === 0)
    .slice(0, overdueCount);
  for (const s of overdue) s.reviews.pop();
  return { overdue: overdue.map((s) => s.key), drafts: drafts.map((s) => s.key) };
}
