import { describe, expect, it } from "vitest";
import { addDays, daysBetween } from "../platform/dates";
import { validatePlanForSigning } from "../treatment-plans/plan.rules";
import { planContentSchema } from "../treatment-plans/plan.schema";
import type { PlanTemplate } from "../treatment-plans/plan-api.schema";
import { reviewContentSchema } from "../treatment-plans/review.schema";
import {
  applyReviewExceptions,
  chooseProblems,
  DEMO_REVIEW_CYCLE_DAYS,
  type PlanStory,
  type PlanStoryContext,
  type PlanStoryInput,
  pickNewcomers,
  planTreatmentStory,
  type StoryScore,
} from "./plan-stories";

const TODAY = "2026-11-23";
const NOW = Date.parse("2026-11-23T15:00:00Z");

/** One template per key with each kind of measure; the depression one is measured by the PHQ-9. */
function template(key: string): PlanTemplate {
  return {
    key,
    name: key,
    summary: `Template ${key}`,
    problem: {
      title: `Problem ${key}`,
      goal: { participantWords: "I want my life back.", clinical: "Participant will reduce harm." },
      objectives: [
        {
          statement: "PHQ-9 below 10",
          measure: { kind: "instrument", instrumentKey: "phq9", comparator: "below", value: 10 },
          targetDays: 60,
        },
        {
          statement: "Attend 9 hours a week for 4 weeks",
          measure: { kind: "weekly_hours", minimumHours: 9, consecutiveWeeks: 4 },
          targetDays: 45,
        },
        {
          statement: "Name three triggers",
          measure: { kind: "count", target: 3, unit: "triggers" },
          targetDays: 30,
        },
        {
          statement: "Tell a supporter about the plan",
          measure: { kind: "observed", description: "Confirmed in session" },
          targetDays: 21,
        },
      ],
      interventions: [
        {
          kind: "group",
          what: "Skills group",
          frequency: "3 times a week",
          responsible: "Track facilitator",
        },
      ],
    },
    strengths: ["Motivated"],
    barriers: ["Transport"],
    dischargeCriteria: [`Criterion for ${key}`],
  };
}

const context: PlanStoryContext = {
  seed: 3,
  today: TODAY,
  nowMs: NOW,
  templateFor: (key) => template(key),
  idFor: (label) => {
    // A stable, valid UUID per label for the test (the server uses name-based ids).
    let h = 0;
    for (const c of label) h = (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0;
    return `00000000-0000-4000-8000-${h.toString(16).padStart(12, "0").slice(-12)}`;
  },
};

/** PHQ-9 every 14 days from admission, falling from `start` by `step` each time. */
function phq9Scores(admittedOn: string, count: number, start: number, step: number): StoryScore[] {
  return Array.from({ length: count }, (_, i) => ({
    responseId: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    instrumentKey: "phq9",
    on: addDays(admittedOn, i * 14),
    total: Math.max(0, start - i * step),
    band: null,
  }));
}

/** Three-hour groups on Monday, Tuesday and Thursday from `from` to `to`, `minutes` attended at each. */
function groups(from: string, to: string, minutes: number): { on: string; minutes: number }[] {
  const days: { on: string; minutes: number }[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    if (weekday === 1 || weekday === 2 || weekday === 4) days.push({ on: day, minutes });
  }
  return days;
}

function input(overrides: Partial<PlanStoryInput>): PlanStoryInput {
  const admittedOn = overrides.admittedOn ?? addDays(TODAY, -75);
  return {
    key: "1/0",
    admittedOn,
    dischargedOn: null,
    dischargeReason: null,
    language: "en",
    audience: "adult",
    trajectory: "improving",
    diagnoses: [{ code: "F10.20", title: "Alcohol dependence, uncomplicated" }],
    ratings: [1, 0, 1, 2, 2, 1],
    scores: phq9Scores(admittedOn, 6, 15, 2),
    attendance: groups(admittedOn, TODAY, 180),
    demoAccount: false,
    ...overrides,
  };
}

const signed = (story: PlanStory) => story.versions.filter((v) => v.status === "signed");

describe("demo treatment plans", () => {
  it("chooses the substance's problem first, then a co-occurring one the scores suggest, then relapse prevention", () => {
    const problems = chooseProblems(input({ scores: phq9Scores("2026-09-01", 1, 14, 0) }), "2026-09-03");
    expect(problems.map((p) => p.templateKey)).toEqual([
      "alcohol-use",
      "co-occurring-depression",
      "relapse-prevention",
    ]);
    expect(problems[0]!.sources).toEqual([
      { kind: "diagnosis", ref: "F10.20", label: "F10.20 Alcohol dependence, uncomplicated" },
    ]);
    expect(problems[1]!.sources[0]).toMatchObject({ kind: "assessment", ref: expect.any(String) });
    expect(problems[1]!.sources[0]!.label).toContain("PHQ-9 14");
  });

  it("leaves the depression problem out when the intake PHQ-9 is under 10", () => {
    const problems = chooseProblems(input({ scores: phq9Scores("2026-09-01", 1, 6, 0) }), "2026-09-03");
    expect(problems.map((p) => p.templateKey)).not.toContain("co-occurring-depression");
  });

  it("signs version 1 within a few days of admission by the counselor and the participant, then reviews every cycle", () => {
    const story = planTreatmentStory(context, input({}))!;
    const [first] = story.versions;
    expect(first!.status).toBe("signed");
    expect(
      daysBetween(input({}).admittedOn, first!.signedAt!.toISOString().slice(0, 10)),
    ).toBeLessThanOrEqual(7);
    expect(first!.signatures.map((s) => s.role)).toEqual(
      first!.cosigned ? ["clinician", "participant", "supervisor"] : ["clinician", "participant"],
    );
    expect(story.reviews.length).toBeGreaterThanOrEqual(2);
    let lastSigned = first!.signedAt!;
    for (const review of story.reviews) {
      expect(review.status).toBe("signed");
      expect(review.heldOn <= review.dueOn).toBe(true);
      expect(review.dueOn).toBe(addDays(lastSigned.toISOString().slice(0, 10), DEMO_REVIEW_CYCLE_DAYS));
      lastSigned =
        story.versions.find((v) => v.signedAt && v.signedAt > review.signedAt!)?.signedAt ?? review.signedAt!;
    }
  });

  it("records the participant's own PHQ-9 at each review and calls the objective met once it is below 10", () => {
    const story = planTreatmentStory(context, input({}))!;
    const scores = input({}).scores;
    const phqObjectives = new Set(
      story.versions.flatMap((v) =>
        v.content.problems.flatMap((p) =>
          p.objectives.filter((o) => o.measure?.kind === "instrument").map((o) => o.id),
        ),
      ),
    );
    const checked = story.reviews.flatMap((review) =>
      review.content.progress
        .filter((p) => phqObjectives.has(p.objectiveId) && p.value !== null)
        .map((p) => ({ review, p })),
    );
    expect(checked.length).toBeGreaterThan(0);
    for (const { review, p } of checked) {
      const latest = scores.filter((s) => s.on <= review.heldOn).at(-1)!;
      expect(p.value).toBe(latest.total);
      if (p.status !== "revised" && p.status !== "discontinued")
        expect(p.status === "met").toBe(latest.total < 10);
    }
  });

  it("counts the hours attended in the week to each review, and calls 9 hours a week met only after 4 such weeks", () => {
    const hoursOf = (attendance: PlanStoryInput["attendance"]) => {
      const story = planTreatmentStory(context, input({ attendance }))!;
      const weekly = new Set(
        story.versions.flatMap((v) =>
          v.content.problems.flatMap((p) =>
            p.objectives.filter((o) => o.measure?.kind === "weekly_hours").map((o) => o.id),
          ),
        ),
      );
      return story.reviews.flatMap((r) => r.content.progress.filter((p) => weekly.has(p.objectiveId)));
    };
    const full = hoursOf(groups(addDays(TODAY, -75), TODAY, 180));
    expect(full.length).toBeGreaterThan(0);
    expect(full[0]).toMatchObject({ value: 9, status: "met" });
    const short = hoursOf(groups(addDays(TODAY, -75), TODAY, 120));
    expect(short.every((p) => p.value === 6 && p.status === "in_progress")).toBe(true);
  });

  it("stores only content the plan and review schemas accept, and signs only plans ready for signing", () => {
    for (let k = 0; k < 30; k++) {
      const story = planTreatmentStory(
        context,
        input({
          key: `${k}/0`,
          admittedOn: addDays(TODAY, -(10 + k * 3)),
          trajectory: k % 2 ? "struggling" : "improving",
        }),
      );
      for (const v of story?.versions ?? []) {
        expect(planContentSchema.safeParse(v.content).success).toBe(true);
        // What was signed (or sent for signatures) is a plan the app would let anyone sign.
        if (v.status !== "draft") expect(validatePlanForSigning(v.content, v.startsOn)).toEqual([]);
      }
      for (const r of story?.reviews ?? [])
        expect(reviewContentSchema.safeParse(r.content).success).toBe(true);
    }
  });

  it("revises some plans after a review: the first version superseded when the second is signed", () => {
    const revised = Array.from({ length: 40 }, (_, k) =>
      planTreatmentStory(context, input({ key: `${k}/0`, admittedOn: addDays(TODAY, -84) })),
    ).filter((s) => s && s.versions.length > 1) as PlanStory[];
    expect(revised.length).toBeGreaterThan(0);
    for (const story of revised) {
      const [v1, v2] = story.versions;
      if (v2!.status !== "signed") continue;
      expect(v1!.status).toBe("superseded");
      expect(v1!.supersededAt).toEqual(v2!.signedAt);
      const changed = v2!.content.problems
        .flatMap((p) => p.objectives)
        .filter((o) => o.status === "revised" || o.status === "discontinued");
      expect(changed.length).toBe(1);
    }
  });

  it("has no plan on the day of admission and no signed plan two days in", () => {
    expect(planTreatmentStory(context, input({ admittedOn: TODAY }))).toBeNull();
    const early = planTreatmentStory(context, input({ key: "9/0", admittedOn: addDays(TODAY, -2) }));
    expect(early === null || early.versions.every((v) => v.status === "draft")).toBe(true);
  });

  it("gives the demo account a signed plan and a revised version awaiting only their signature", () => {
    const story = planTreatmentStory(
      context,
      input({ key: "0/0", demoAccount: true, admittedOn: addDays(TODAY, -40) }),
    )!;
    expect(signed(story)).toHaveLength(1);
    const awaiting = story.versions.at(-1)!;
    expect(awaiting.status).toBe("awaiting_signatures");
    expect(awaiting.number).toBe(signed(story)[0]!.number + 1);
    expect(awaiting.signatures.map((s) => s.role)).toEqual(["clinician"]);
    expect(awaiting.signatures[0]!.at.getTime()).toBeLessThan(NOW);
  });

  it("gives the demo account a plan even on the day they are admitted", () => {
    const story = planTreatmentStory(context, input({ key: "0/0", demoAccount: true, admittedOn: TODAY }))!;
    expect(story.versions.map((v) => v.status)).toEqual(["signed", "awaiting_signatures"]);
    expect(story.versions[0]!.signedAt!.getTime()).toBeLessThan(
      story.versions[1]!.signatures[0]!.at.getTime(),
    );
  });

  it("leaves the two newest admissions of the week without a plan and the next with a draft", () => {
    const current = [0, 1, 2, 3, 4, 12].map((days, k) => ({
      key: `${k}/0`,
      admittedOn: addDays(TODAY, -days),
    }));
    const newcomers = pickNewcomers(current, TODAY, "0/0");
    expect([...newcomers]).toEqual([
      ["1/0", "no_plan"],
      ["2/0", "no_plan"],
      ["3/0", "draft"],
    ]);
    expect(
      planTreatmentStory(context, input({ key: "2/0", admittedOn: addDays(TODAY, -2), newcomer: "no_plan" })),
    ).toBeNull();
    const draft = planTreatmentStory(
      context,
      input({ key: "3/0", admittedOn: addDays(TODAY, -6), newcomer: "draft" }),
    )!;
    expect(draft.versions.map((v) => v.status)).toEqual(["draft"]);
    expect(draft.versions[0]!.content.problems.length).toBeGreaterThan(0);
  });

  it("leaves a few current reviews overdue and one or two in draft, never the demo account's", () => {
    const stories = Array.from({ length: 60 }, (_, k) =>
      planTreatmentStory(context, input({ key: `${k}/0`, admittedOn: addDays(TODAY, -(35 + k)) })),
    ).filter((s): s is PlanStory => s !== null);
    const keys = new Set(stories.map((s) => s.key));
    const { overdue, drafts } = applyReviewExceptions(3, stories, keys, TODAY, "0/0");
    expect(overdue.length).toBeGreaterThanOrEqual(2);
    expect(drafts.length).toBeGreaterThanOrEqual(1);
    expect(drafts.length).toBeLessThanOrEqual(2);
    expect([...overdue, ...drafts]).not.toContain("0/0");
    for (const key of overdue) {
      const story = stories.find((s) => s.key === key)!;
      const lastSigned = [...story.versions.map((v) => v.signedAt), ...story.reviews.map((r) => r.signedAt)]
        .filter((d): d is Date => d !== null)
        .sort((a, b) => a.getTime() - b.getTime())
        .at(-1)!;
      expect(addDays(lastSigned.toISOString().slice(0, 10), DEMO_REVIEW_CYCLE_DAYS) < TODAY).toBe(true);
    }
    for (const key of drafts) {
      const review = stories.find((s) => s.key === key)!.reviews.at(-1)!;
      expect(review).toMatchObject({ status: "draft", signedAt: null, finalizedAt: null, signatures: [] });
    }
  });

  it("is the same story for the same seed", () => {
    const a = planTreatmentStory(context, input({}));
    const b = planTreatmentStory(context, input({}));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});
