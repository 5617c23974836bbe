import {
  classifyChange,
  type ReliableChangeOverride,
  resolveParameters,
} from "../assessments/reliable-change";
import type { DischargeReason } from "../participants/episodes.schema";
import { daysBetween } from "../platform/dates";
import type { ObjectiveStatus } from "../treatment-plans/plan.schema";
import {
  type DischargeSummaryFacts,
  type MeasureFact,
  REQUIRED_SECTIONS,
  SUMMARY_SECTIONS,
  type SummarySection,
  type SummarySections,
} from "./discharge-summary.schema";

/**
 * Pure rules of the discharge summary: the course of an episode from its attendance marks, the
 * measures at start and end with their reliable-change status, the text of each section generated
 * from the facts, and what a summary still lacks before it is signed. No clock: the last day counted
 * comes in as a parameter.
 */

const ATTENDED = new Set(["present", "late", "left_early"]);

export interface CourseMark {
  occurredOn: string;
  status: string;
  minutesAttended: number;
}

/** Length of stay, sessions held and attended, hours, the weekly average and absences. */
export function deriveCourse(
  marks: readonly CourseMark[],
  admittedOn: string,
  throughOn: string,
): DischargeSummaryFacts["course"] {
  const inEpisode = marks.filter((m) => m.occurredOn >= admittedOn && m.occurredOn <= throughOn);
  const attended = inEpisode.filter((m) => ATTENDED.has(m.status));
  const attendedMinutes = attended.reduce((sum, m) => sum + m.minutesAttended, 0);
  const lengthOfStayDays = Math.max(0, daysBetween(admittedOn, throughOn));
  // Weeks in care, counting the admission day: a stay of under a week counts as one week.
  const weeks = Math.max(1, (lengthOfStayDays + 1) / 7);
  return {
    throughOn,
    lengthOfStayDays,
    sessionsScheduled: inEpisode.filter((m) => m.status !== "cancelled_by_program").length,
    sessionsAttended: attended.length,
    attendedMinutes,
    weeklyAverageHours: Math.round((attendedMinutes / 60 / weeks) * 10) / 10,
    absencesExcused: inEpisode.filter((m) => m.status === "absent_excused").length,
    absencesUnexcused: inEpisode.filter((m) => m.status === "absent_unexcused").length,
    cancelledByProgram: inEpisode.filter((m) => m.status === "cancelled_by_program").length,
  };
}

export interface ScoredResponse {
  instrumentKey: string;
  instrumentName: string;
  completedOn: string;
  /** When two responses share a day, the later submission is the later score. */
  submittedAt: string;
  total: number;
  band: string | null;
  subscales: Readonly<Record<string, number>>;
}

/**
 * Per instrument, the first and last scored response of the episode, classified with the program's
 * reliable-change parameters (recovered, improved, unchanged, deteriorated), or "not enough data"
 * with one score or no parameters for the instrument. Instruments in order of first use.
 */
export function deriveMeasures(
  responses: readonly ScoredResponse[],
  overrides: Readonly<Record<string, ReliableChangeOverride>> = {},
): MeasureFact[] {
  const byInstrument = new Map<string, ScoredResponse[]>();
  const ordered = [...responses].sort(
    (a, b) => a.completedOn.localeCompare(b.completedOn) || a.submittedAt.localeCompare(b.submittedAt),
  );
  for (const r of ordered)
    byInstrument.set(r.instrumentKey, [...(byInstrument.get(r.instrumentKey) ?? []), r]);
  return [...byInstrument.entries()].map(([instrumentKey, list]) => {
    const first = list[0]!;
    const last = list.length > 1 ? list[list.length - 1]! : null;
    const resolved = resolveParameters(instrumentKey, overrides);
    const scoreOf = (r: ScoredResponse) =>
      resolved.status === "available" && resolved.parameters.subscale
        ? (r.subscales[resolved.parameters.subscale] ?? null)
        : r.total;
    const point = (r: ScoredResponse) => ({ on: r.completedOn, score: r.total, band: r.band });
    let change: MeasureFact["change"];
    if (!last) {
      change = {
        status: "not_enough_data",
        reason: "Only one score in this episode.",
        rci: null,
        minimumPoints: null,
      };
    } else if (resolved.status !== "available") {
      change = { status: "not_enough_data", reason: resolved.reason, rci: null, minimumPoints: null };
    } else {
      const before = scoreOf(first);
      const after = scoreOf(last);
      if (before === null || after === null) {
        change = {
          status: "not_enough_data",
          reason: "The compared score is missing.",
          rci: null,
          minimumPoints: null,
        };
      } else {
        const c = classifyChange(before, after, resolved.parameters);
        change = {
          status: c.status,
          reason: null,
          rci: Math.round(c.rci * 100) / 100,
          minimumPoints: c.minimum.points,
        };
      }
    }
    return {
      instrumentKey,
      instrumentName: first.instrumentName,
      administrations: list.length,
      first: point(first),
      last: last ? point(last) : null,
      change,
    };
  });
}

// ——— The text of each section ———

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "March 9, 2026". */
export function longDate(isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  return `${MONTHS[m! - 1]} ${d}, ${y}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const hours = (minutes: number) => {
  const h = Math.round((minutes / 60) * 10) / 10;
  return `${h} ${h === 1 ? "hour" : "hours"}`;
};

const REASON_WORDS: Record<DischargeReason, string> = {
  completed: "completed treatment",
  left_against_advice: "left against clinical advice",
  administrative: "administrative discharge",
  transferred: "transferred or referred to another level of care",
  incarcerated: "incarcerated",
  died: "died",
  other: "other",
};

const CHANGE_WORDS: Record<MeasureFact["change"]["status"], string> = {
  recovered: "recovered (reliable improvement to below the clinical cut-off)",
  improved: "reliably improved",
  unchanged: "no reliable change",
  deteriorated: "reliably deteriorated",
  not_enough_data: "not enough data to judge change",
};

const OBJECTIVE_WORDS: Record<ObjectiveStatus, string> = {
  not_started: "not started",
  in_progress: "in progress",
  met: "met",
  revised: "revised",
  discontinued: "discontinued",
};

const level = (code: string) => `ASAM level ${code}`;

function identification(f: DischargeSummaryFacts): string {
  const stay = f.episode.dischargedOn
    ? `admitted on ${longDate(f.episode.admittedOn)} and discharged on ${longDate(f.episode.dischargedOn)}`
    : `admitted on ${longDate(f.episode.admittedOn)}; the discharge is not yet recorded`;
  const lines = [
    `${f.participant.name}, born ${longDate(f.participant.bornOn)}, was ${stay} (${f.programName}, ${level(f.episode.levelOfCare)} at admission).`,
  ];
  if (f.episode.dischargeLevelOfCare && f.episode.dischargeLevelOfCare !== f.episode.levelOfCare) {
    lines.push(`Level of care at discharge: ${level(f.episode.dischargeLevelOfCare)}.`);
  }
  if (f.episode.primaryCounselor) lines.push(`Primary counselor: ${f.episode.primaryCounselor}.`);
  return lines.join(" ");
}

function reasonForAdmission(f: DischargeSummaryFacts): string {
  const a = f.admission;
  const parts: string[] = [];
  const referrer = [a.referralSource, a.referringOrganisation].filter(Boolean).join(", ");
  if (referrer) parts.push(`Referred by: ${referrer}.`);
  if (a.presentingConcerns) parts.push(`Presenting concerns: ${a.presentingConcerns}`);
  if (a.diagnoses.length > 0) {
    const list = [...a.diagnoses]
      .sort((x, y) => Number(y.primary) - Number(x.primary))
      .map((d) => `${d.code} ${d.title}${d.primary ? " (primary)" : ""}`);
    parts.push(`Diagnoses (ICD-10-CM): ${list.join("; ")}.`);
  } else {
    parts.push("No diagnosis is recorded in Bridgeway for this episode.");
  }
  if (a.problems.length > 0)
    parts.push(`Problems addressed in the treatment plan: ${a.problems.join("; ")}.`);
  return parts.map((p) => (p.endsWith(".") ? p : `${p}.`)).join(" ");
}

function course(f: DischargeSummaryFacts): string {
  const c = f.course;
  const through = f.episode.dischargedOn ? "" : ` to ${longDate(c.throughOn)} (episode still open)`;
  const lines = [
    `Length of stay: ${plural(c.lengthOfStayDays, "day")}${through}, at ${level(f.episode.levelOfCare)}.`,
  ];
  if (c.sessionsScheduled === 0) {
    lines.push("No group session attendance is recorded for this episode.");
  } else {
    lines.push(
      `The participant attended ${c.sessionsAttended} of ${plural(c.sessionsScheduled, "scheduled session")} (${hours(c.attendedMinutes)} in total).`,
    );
  }
  if (f.plan) {
    const met = f.plan.objectives.filter((o) => o.status === "met").length;
    lines.push(
      `Treatment followed the signed treatment plan (version ${f.plan.version}, from ${longDate(f.plan.startsOn)}); ${met} of ${plural(f.plan.objectives.length, "objective")} met.`,
    );
  }
  return lines.join(" ");
}

function attendance(f: DischargeSummaryFacts): string {
  const c = f.course;
  if (c.sessionsScheduled === 0 && c.cancelledByProgram === 0)
    return "No attendance is recorded for this episode.";
  const rate = c.sessionsScheduled === 0 ? 0 : Math.round((c.sessionsAttended / c.sessionsScheduled) * 100);
  const lines = [
    `Sessions attended: ${c.sessionsAttended} of ${c.sessionsScheduled} (${rate}%).`,
    `Hours attended: ${hours(c.attendedMinutes)}; weekly average ${c.weeklyAverageHours} hours.`,
    `Absences: ${c.absencesExcused} excused, ${c.absencesUnexcused} unexcused.`,
  ];
  if (c.cancelledByProgram > 0)
    lines.push(`${plural(c.cancelledByProgram, "session")} cancelled by the program (not counted).`);
  return lines.join(" ");
}

function scoreWords(p: { on: string; score: number; band: string | null }): string {
  return `${p.score}${p.band ? ` (${p.band})` : ""} on ${longDate(p.on)}`;
}

function measures(f: DischargeSummaryFacts): string {
  if (f.measures.length === 0) return "No scored measure is recorded for this episode.";
  return f.measures
    .map((m) => {
      if (!m.last)
        return `${m.instrumentName}: ${scoreWords(m.first)}; only one score, not enough data to judge change.`;
      const detail =
        m.change.status === "not_enough_data"
          ? ` (${m.change.reason ?? "no reliable-change parameters"})`
          : m.change.minimumPoints !== null
            ? ` (RCI ${m.change.rci}; a reliable change is ${m.change.minimumPoints} points or more)`
            : "";
      return `${m.instrumentName}: ${scoreWords(m.first)} at start, ${scoreWords(m.last)} at end — ${CHANGE_WORDS[m.change.status]}${detail}.`;
    })
    .join("\n");
}

function planProgress(f: DischargeSummaryFacts): string {
  const p = f.plan;
  if (!p) return "No signed treatment plan is recorded for this episode.";
  const lines = [
    `Signed treatment plan version ${p.version} (from ${longDate(p.startsOn)})${p.latestReviewOn ? `, last reviewed on ${longDate(p.latestReviewOn)}` : ", not reviewed"}.`,
  ];
  if (p.objectives.length === 0) lines.push("The plan lists no objectives.");
  for (const o of p.objectives) {
    lines.push(`- ${o.problem}: ${o.statement} — ${OBJECTIVE_WORDS[o.status]}.${o.note ? ` ${o.note}` : ""}`);
  }
  if (p.reviewSummary) lines.push(`Latest review: ${p.reviewSummary}`);
  if (p.dischargeCriteria.length > 0) lines.push(`Discharge criteria: ${p.dischargeCriteria.join("; ")}.`);
  return lines.join("\n");
}

function medications(f: DischargeSummaryFacts): string {
  const m = f.medications;
  if (!m?.medications.trim()) return "None recorded in Bridgeway.";
  const lines = [`Medications to continue (from the aftercare plan): ${m.medications.trim()}.`];
  if (m.prescriberName)
    lines.push(`Prescriber: ${m.prescriberName}${m.prescriberPhone ? `, ${m.prescriberPhone}` : ""}.`);
  if (m.nextAppointmentOn) lines.push(`Next prescriber appointment: ${longDate(m.nextAppointmentOn)}.`);
  return lines.join(" ");
}

function risks(f: DischargeSummaryFacts): string {
  const r = f.risks;
  const lines: string[] = [];
  if (r.criticalAnswers.length === 0)
    lines.push("No critical questionnaire answers were recorded in this episode.");
  else
    lines.push(
      `Critical answers: ${r.criticalAnswers.map((c) => `${longDate(c.on)}: ${c.finding}`).join(" ")}`,
    );
  if (r.urgentAlerts.length === 0) lines.push("No urgent alerts were raised in this episode.");
  else
    lines.push(
      `Urgent alerts: ${r.urgentAlerts.map((a) => `${longDate(a.on)} (${a.severity}, ${a.state}): ${a.reason}`).join("; ")}.`,
    );
  lines.push(r.hasSafetyPlan ? "A safety plan is on file." : "No safety plan is on file.");
  return lines.join(" ");
}

function dischargeAndAftercare(f: DischargeSummaryFacts): string {
  const d = f.discharge;
  const lines: string[] = [];
  if (!d.reason) lines.push("The discharge is not yet recorded.");
  else lines.push(`Reason for discharge: ${REASON_WORDS[d.reason]}${d.note ? ` (${d.note})` : ""}.`);
  if (d.referredLevelOfCare && d.referredLevelOfCare !== "none")
    lines.push(`Referred to ${level(d.referredLevelOfCare)}.`);
  if (d.stepDown?.providerName) {
    const when = d.stepDown.appointmentOn ? ` on ${longDate(d.stepDown.appointmentOn)}` : " (no date yet)";
    lines.push(
      `Step-down: ${d.stepDown.providerName}${when}, ${d.stepDown.confirmed ? "confirmed" : "not yet confirmed"}.`,
    );
  } else {
    lines.push("No step-down appointment is recorded in the aftercare plan.");
  }
  if (d.meetings.length > 0) lines.push(`Mutual-help meetings planned: ${d.meetings.join("; ")}.`);
  return lines.join(" ");
}

const GENERATORS: Record<SummarySection, (f: DischargeSummaryFacts) => string> = {
  identification,
  reasonForAdmission,
  course,
  attendance,
  measures,
  planProgress,
  medications,
  risks,
  dischargeAndAftercare,
};

/** The draft text of every section, in `SUMMARY_SECTIONS` order. */
export function generateDischargeSummarySections(facts: DischargeSummaryFacts): SummarySections {
  return Object.fromEntries(SUMMARY_SECTIONS.map((key) => [key, GENERATORS[key](facts)])) as SummarySections;
}

/** Whether the text differs from what the facts generate (someone edited it). */
export function isEdited(facts: DischargeSummaryFacts, sections: SummarySections): boolean {
  const generated = generateDischargeSummarySections(facts);
  return SUMMARY_SECTIONS.some((key) => generated[key] !== sections[key]);
}

/** The required sections left empty: each a field error to sign. */
export function findEmptySections(sections: Partial<SummarySections>): SummarySection[] {
  return REQUIRED_SECTIONS.filter((key) => !(sections[key] ?? "").trim());
}
