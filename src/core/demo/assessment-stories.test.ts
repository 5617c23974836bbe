import { describe, expect, it } from "vitest";
import { deriveCriticalAlerts } from "../assessments/critical-alerts.rules";
import { comparedValue, detectReliableDeterioration } from "../assessments/deterioration.rules";
import { classifyChange, resolveParameters } from "../assessments/reliable-change";
import { daysBetween } from "../platform/dates";
import { DEMO_SUBSTANCES } from "./assessment-answers";
import {
  type CriticalStory,
  type EpisodeAssessments,
  pickCriticalStories,
  planEpisodeAssessments,
} from "./assessment-stories";
import { type EpisodeOutline, outlineEpisode } from "./assessment-trajectories";
import { shapeEpisode } from "./check-in-trajectories";
import { DEMO_TRACKS, type DemoScale, planDemoParticipants } from "./demo-plan";
import { createRandom } from "./random";

const TODAY = "2026-11-23";
const NOW = new Date("2026-11-23T15:00:00Z");
const TITLES = { phq9: "Patient Health Questionnaire (PHQ-9)", gad7: "GAD-7", pcl5: "PCL-5" };

/** Every episode of a demo plan, outlined as the demo writer does. */
function outlinesOf(seed: number, scale: DemoScale): EpisodeOutline[] {
  return planDemoParticipants(seed, scale, TODAY).flatMap((p) =>
    p.episodes.map((e, n) => {
      const days = daysBetween(e.admittedOn, e.dischargedOn ?? TODAY) + 1;
      const shape = shapeEpisode(createRandom(seed).fork(`check-ins/${p.key}/${n}`), e.trajectory, days);
      return outlineEpisode(seed, {
        key: `${p.key}/${n}`,
        admittedOn: e.admittedOn,
        dischargedOn: e.dischargedOn,
        dischargeReason: e.dischargeReason,
        audience: DEMO_TRACKS[e.track]!.audience,
        trajectory: e.trajectory,
        substance: DEMO_SUBSTANCES[p.key % DEMO_SUBSTANCES.length]!,
        lapseDay: shape.lapseDay,
        silentDays: shape.silentDays,
        followUps: n === p.episodes.length - 1,
        selfReport: p.key === 0,
      });
    }),
  );
}

function plan(seed: number, scale: DemoScale) {
  const outlines = outlinesOf(seed, scale);
  const stories = pickCriticalStories(seed, outlines, TODAY);
  return outlines.map((outline) => ({
    outline,
    story: stories.get(outline.input.key),
    planned: planEpisodeAssessments(outline, stories.get(outline.input.key), {
      seed,
      today: TODAY,
      now: NOW,
      titles: TITLES,
    }),
  }));
}

const clinic = plan(1, "clinic");

describe("pickCriticalStories", () => {
  it("puts a few critical answers in the demo: one still open, one being worked, the rest resolved", () => {
    const stories = clinic.flatMap((e) => (e.story ? [{ ...e.story, outline: e.outline }] : []));
    const current = stories.filter((s) => s.outline.input.dischargedOn === null);
    expect(current.filter((s) => s.state === "open")).toHaveLength(1);
    expect(current.filter((s) => s.state === "acknowledged")).toHaveLength(1);
    expect(stories.filter((s) => s.state !== "resolved")).toHaveLength(2);
    expect(stories.filter((s) => s.critical === "asq_positive").length).toBeGreaterThanOrEqual(1);
    expect(stories.length).toBeGreaterThan(5);
    expect(stories.length).toBeLessThan(clinic.length * 0.08);
    expect(stories.some((s) => s.outline.input.selfReport)).toBe(false);
  });

  it("tells the same story at the small scale", () => {
    for (const seed of [1, 7]) {
      const states = plan(seed, "small").flatMap((e) => (e.story ? [e.story.state] : []));
      expect(states.filter((s) => s === "open")).toHaveLength(1);
      expect(states).toContain("resolved");
    }
  });
});

describe("planEpisodeAssessments", () => {
  const alertsOf = (list: typeof clinic) =>
    list.flatMap((e) =>
      e.planned.alerts.map((alert) => ({ ...alert, ...e, response: e.planned.responses[alert.response]! })),
    );

  it("is the same for the same seed", () => {
    expect(plan(7, "small")).toEqual(plan(7, "small"));
    expect(plan(8, "small")).not.toEqual(plan(7, "small"));
  });

  it("raises a critical alert, worded as the live service words it, exactly on the responses whose answers are critical", () => {
    for (const { planned, story } of clinic) {
      const critical = planned.responses.filter((r) => r.findings.length > 0);
      expect(critical.length).toBe(story ? 1 : 0);
      for (const response of critical) {
        const expected = deriveCriticalAlerts(response.instrumentKey, response.findings);
        const raised = planned.alerts.filter(
          (a) => planned.responses[a.response] === response && a.kind !== "reliable_deterioration",
        );
        expect(raised.map(({ kind, severity, reason, item }) => ({ kind, severity, reason, item }))).toEqual(
          expected,
        );
      }
    }
  });

  it("raises the reliable-deterioration warning wherever the live rule finds one, and nowhere else", () => {
    for (const { planned } of clinic) {
      const expected: { response: number; reason: string }[] = [];
      const baselines = new Map<string, (typeof planned.responses)[number]>();
      planned.responses.forEach((response, index) => {
        if (!response.outcome.ok) return;
        const baseline = baselines.get(response.instrumentKey);
        if (!baseline) {
          baselines.set(response.instrumentKey, response);
          return;
        }
        const resolved = resolveParameters(response.instrumentKey);
        if (resolved.status !== "available" || !baseline.outcome.ok) return;
        const worse = detectReliableDeterioration(
          TITLES[response.instrumentKey as keyof typeof TITLES],
          { value: comparedValue(resolved.parameters, baseline.outcome), on: baseline.on },
          comparedValue(resolved.parameters, response.outcome),
          resolved.parameters,
        );
        if (worse) expected.push({ response: index, reason: worse.reason });
      });
      expect(
        planned.alerts
          .filter((a) => a.kind === "reliable_deterioration")
          .map(({ response, reason }) => ({ response, reason })),
      ).toEqual(expected);
    }
    const warnings = alertsOf(clinic).filter((a) => a.kind === "reliable_deterioration");
    expect(warnings.length).toBeGreaterThan(5);
    expect(warnings[0]!.reason).toMatch(/has reliably worsened since the first score of this episode/);
  });

  it("has the counselor acknowledge and resolve alerts in order, before now, with a note; the open one was raised this morning", () => {
    const all = alertsOf(clinic);
    for (const alert of all) {
      expect(alert.createdAt.getTime()).toBe(alert.response.submittedAt.getTime());
      expect(alert.createdAt < NOW).toBe(true);
      if (alert.state === "open") expect(alert.acknowledgedAt).toBeNull();
      else expect(alert.acknowledgedAt! > alert.createdAt && alert.acknowledgedAt! < NOW).toBe(true);
      if (alert.state === "resolved") {
        expect(alert.resolvedAt! > alert.acknowledgedAt! && alert.resolvedAt! < NOW).toBe(true);
        expect(alert.resolutionNote?.length).toBeGreaterThan(20);
      } else expect([alert.resolvedAt, alert.resolutionNote]).toEqual([null, null]);
    }
    const critical = all.filter((a) => a.kind !== "reliable_deterioration");
    expect(critical.filter((a) => a.state === "resolved").length).toBeGreaterThan(critical.length / 2);
    const open = critical.filter((a) => a.state === "open");
    expect(open).toHaveLength(1);
    expect(open[0]!.response.on).toBe(TODAY);
    expect(NOW.getTime() - open[0]!.createdAt.getTime()).toBeLessThan(60 * 60_000);
    // Past participants' alerts are all dealt with.
    expect(
      all.filter((a) => a.outline.input.dischargedOn !== null).every((a) => a.state === "resolved"),
    ).toBe(true);
  });

  it("never answers before admission or after today, and gives everyone their intake scores", () => {
    for (const { outline, planned } of clinic) {
      const { admittedOn } = outline.input;
      expect(planned.responses.every((r) => r.on >= admittedOn && r.on <= TODAY && r.submittedAt < NOW)).toBe(
        true,
      );
      const phq9 = planned.responses.find((r) => r.instrumentKey === "phq9");
      expect(phq9?.outcome.ok).toBe(true);
      expect(daysBetween(admittedOn, phq9!.on)).toBeLessThanOrEqual(2);
    }
  });

  it("shows most people improving, some unchanged and a few reliably worse on the PHQ-9", () => {
    const parameters = resolveParameters("phq9");
    if (parameters.status !== "available") throw new Error("PHQ-9 has default parameters");
    const status = (planned: EpisodeAssessments) => {
      const totals = planned.responses.flatMap((r) =>
        r.instrumentKey === "phq9" && r.outcome.ok && r.outcome.total !== null ? [r.outcome.total] : [],
      );
      return totals.length < 2
        ? null
        : classifyChange(totals[0]!, totals.at(-1)!, parameters.parameters).status;
    };
    // People long enough in care for a change to show, whose first score left room to improve.
    const statuses = clinic
      .filter(({ outline, planned }) => {
        const first = planned.responses.find((r) => r.instrumentKey === "phq9")!;
        return (
          daysBetween(outline.input.admittedOn, outline.input.dischargedOn ?? TODAY) >= 42 &&
          first.outcome.ok &&
          (first.outcome.total ?? 0) >= 10
        );
      })
      .map(({ planned }) => status(planned));
    const count = (...wanted: (string | null)[]) => statuses.filter((s) => wanted.includes(s)).length;
    expect(count("recovered", "improved")).toBeGreaterThan(statuses.length / 2);
    expect(count("unchanged")).toBeGreaterThan(0);
    expect(count("deteriorated")).toBeGreaterThan(0);
    expect(count("deteriorated")).toBeLessThan(count("unchanged"));
  });
});

describe("CriticalStory", () => {
  it("is placed on the schedule's depression measure, or on the suicide-risk screen at intake", () => {
    const placed = clinic.filter((e): e is typeof e & { story: CriticalStory } => e.story !== undefined);
    for (const { story, planned } of placed) {
      const response = planned.responses.find((r) => r.findings.length > 0)!;
      if (story.critical === "asq_positive") {
        expect(response.instrumentKey).toBe("asq");
        expect(response.timing).toBe("intake");
      } else expect(response.instrumentKey).toBe("phq9");
    }
  });
});
