import { describe, expect, it } from "vitest";
import {
  deriveCourse,
  deriveMeasures,
  findEmptySections,
  generateDischargeSummarySections,
  isEdited,
  type ScoredResponse,
} from "./discharge-summary.rules";
import type { DischargeSummaryFacts } from "./discharge-summary.schema";
import { SUMMARY_SECTIONS } from "./discharge-summary.schema";

const phq9 = (completedOn: string, total: number, band: string): ScoredResponse => ({
  instrumentKey: "phq9",
  instrumentName: "PHQ-9",
  completedOn,
  submittedAt: `${completedOn}T15:00:00.000Z`,
  total,
  band,
  subscales: {},
});

describe("deriveCourse", () => {
  const marks = [
    { occurredOn: "2026-09-30", status: "present", minutesAttended: 180 }, // before admission
    { occurredOn: "2026-10-01", status: "present", minutesAttended: 180 },
    { occurredOn: "2026-10-03", status: "late", minutesAttended: 150 },
    { occurredOn: "2026-10-06", status: "absent_excused", minutesAttended: 0 },
    { occurredOn: "2026-10-08", status: "absent_unexcused", minutesAttended: 0 },
    { occurredOn: "2026-10-10", status: "cancelled_by_program", minutesAttended: 0 },
    { occurredOn: "2026-10-13", status: "left_early", minutesAttended: 90 },
    { occurredOn: "2026-10-20", status: "present", minutesAttended: 180 }, // after discharge
  ];
  it.each([
    {
      name: "counts only the episode's days, attended = present, late and left early",
      through: "2026-10-14",
      expected: {
        lengthOfStayDays: 13,
        sessionsScheduled: 5,
        sessionsAttended: 3,
        attendedMinutes: 420,
        weeklyAverageHours: 3.5,
        absencesExcused: 1,
        absencesUnexcused: 1,
        cancelledByProgram: 1,
      },
    },
    {
      name: "a stay shorter than a week averages over one week",
      through: "2026-10-03",
      expected: { lengthOfStayDays: 2, sessionsAttended: 2, attendedMinutes: 330, weeklyAverageHours: 5.5 },
    },
    {
      name: "discharged on the admission day: a stay of 0 days",
      through: "2026-10-01",
      expected: { lengthOfStayDays: 0, sessionsScheduled: 1, sessionsAttended: 1 },
    },
  ])("$name", ({ through, expected }) => {
    expect(deriveCourse(marks, "2026-10-01", through)).toMatchObject({ throughOn: through, ...expected });
  });
});

describe("deriveMeasures", () => {
  it.each([
    {
      name: "18 → 8 on the PHQ-9 is a reliable improvement across the cut-off: recovered",
      responses: [phq9("2026-10-01", 18, "moderately severe"), phq9("2026-10-29", 8, "mild")],
      status: "recovered",
    },
    {
      name: "20 → 12 is reliable improvement still above the cut-off: improved",
      responses: [phq9("2026-10-01", 20, "severe"), phq9("2026-10-29", 12, "moderate")],
      status: "improved",
    },
    {
      name: "12 → 9 is under the reliable-change threshold: unchanged",
      responses: [phq9("2026-10-01", 12, "moderate"), phq9("2026-10-29", 9, "mild")],
      status: "unchanged",
    },
    {
      name: "6 → 14 is reliable worsening: deteriorated",
      responses: [phq9("2026-10-01", 6, "mild"), phq9("2026-10-29", 14, "moderate")],
      status: "deteriorated",
    },
    {
      name: "one score: not enough data",
      responses: [phq9("2026-10-01", 18, "moderately severe")],
      status: "not_enough_data",
    },
    {
      name: "first and last are compared whatever the order given, the middle ignored",
      responses: [
        phq9("2026-10-29", 8, "mild"),
        phq9("2026-10-15", 25, "severe"),
        phq9("2026-10-01", 18, "x"),
      ],
      status: "recovered",
    },
  ])("$name", ({ responses, status }) => {
    const [measure] = deriveMeasures(responses);
    expect(measure!.change.status).toBe(status);
  });

  it("an instrument without reliable-change parameters is not enough data, with the reason", () => {
    const [measure] = deriveMeasures([
      { ...phq9("2026-10-01", 3, "x"), instrumentKey: "made-up", instrumentName: "Made up" },
      { ...phq9("2026-10-20", 9, "x"), instrumentKey: "made-up", instrumentName: "Made up" },
    ]);
    expect(measure!.change).toMatchObject({ status: "not_enough_data" });
    expect(measure!.change.reason).toMatch(/no reliable-change parameters/);
  });
});

/** A known record: Casey Morgan, 6 weeks in IOP, completed, stepping down to outpatient. */
const KNOWN: DischargeSummaryFacts = {
  participant: { name: "Casey Morgan", bornOn: "1990-04-12" },
  programName: "Bridgeway Riverside",
  episode: {
    admittedOn: "2026-10-01",
    dischargedOn: "2026-11-12",
    levelOfCare: "2.1",
    dischargeLevelOfCare: "2.1",
    primaryCounselor: "Alex Kim",
  },
  admission: {
    referralSource: "primary care",
    referringOrganisation: "Eastside Clinic",
    presentingConcerns: "Daily drinking after a job loss; wants to stop.",
    diagnoses: [
      { code: "F32.1", title: "Major depressive disorder, single episode, moderate", primary: false },
      { code: "F10.20", title: "Alcohol dependence, uncomplicated", primary: true },
    ],
    problems: ["Alcohol use", "Low mood"],
  },
  course: {
    throughOn: "2026-11-12",
    lengthOfStayDays: 42,
    sessionsScheduled: 18,
    sessionsAttended: 16,
    attendedMinutes: 2790,
    weeklyAverageHours: 7.7,
    absencesExcused: 1,
    absencesUnexcused: 1,
    cancelledByProgram: 0,
  },
  measures: [
    {
      instrumentKey: "phq9",
      instrumentName: "PHQ-9",
      administrations: 3,
      first: { on: "2026-10-01", score: 18, band: "moderately severe" },
      last: { on: "2026-11-10", score: 8, band: "mild" },
      change: { status: "recovered", reason: null, rci: -3.54, minimumPoints: 6 },
    },
    {
      instrumentKey: "gad7",
      instrumentName: "GAD-7",
      administrations: 1,
      first: { on: "2026-10-01", score: 9, band: "mild" },
      last: null,
      change: {
        status: "not_enough_data",
        reason: "Only one score in this episode.",
        rci: null,
        minimumPoints: null,
      },
    },
  ],
  plan: {
    version: 2,
    startsOn: "2026-10-08",
    latestReviewOn: "2026-11-05",
    reviewSummary: "Steady progress; ready to step down.",
    objectives: [
      { problem: "Alcohol use", statement: "Attend 3 groups a week", status: "met", note: "" },
      {
        problem: "Low mood",
        statement: "PHQ-9 below 10",
        status: "in_progress",
        note: "8 on the last score.",
      },
    ],
    dischargeCriteria: ["30 days abstinent", "Aftercare plan signed"],
  },
  medications: {
    medications: "Naltrexone 50 mg daily",
    prescriberName: "Dr. Lee",
    prescriberPhone: "555-0100",
    nextAppointmentOn: "2026-11-20",
  },
  risks: {
    criticalAnswers: [
      {
        on: "2026-10-01",
        finding: "PHQ-9 item 9 (thoughts of death or self-harm) was answered above “not at all”.",
      },
    ],
    urgentAlerts: [
      { on: "2026-10-01", severity: "urgent", reason: "PHQ-9 item 9 answered above 0", state: "resolved" },
    ],
    hasSafetyPlan: true,
  },
  discharge: {
    reason: "completed",
    note: null,
    referredLevelOfCare: "1",
    stepDown: { providerName: "Bridgeway Outpatient", appointmentOn: "2026-11-18", confirmed: true },
    meetings: ["AA Tuesday night", "SMART Recovery Saturday"],
  },
};

const EMPTY: DischargeSummaryFacts = {
  ...KNOWN,
  episode: { ...KNOWN.episode, dischargedOn: null, dischargeLevelOfCare: null, primaryCounselor: null },
  admission: {
    referralSource: null,
    referringOrganisation: null,
    presentingConcerns: null,
    diagnoses: [],
    problems: [],
  },
  course: {
    throughOn: "2026-10-15",
    lengthOfStayDays: 14,
    sessionsScheduled: 0,
    sessionsAttended: 0,
    attendedMinutes: 0,
    weeklyAverageHours: 0,
    absencesExcused: 0,
    absencesUnexcused: 0,
    cancelledByProgram: 0,
  },
  measures: [],
  plan: null,
  medications: null,
  risks: { criticalAnswers: [], urgentAlerts: [], hasSafetyPlan: false },
  discharge: { reason: null, note: null, referredLevelOfCare: null, stepDown: null, meetings: [] },
};

describe("generateDischargeSummarySections: a known record, section by section", () => {
  const known = generateDischargeSummarySections(KNOWN);
  const empty = generateDischargeSummarySections(EMPTY);

  it.each([
    [
      "identification",
      "Casey Morgan, born April 12, 1990, was admitted on October 1, 2026 and discharged on November 12, 2026 (Bridgeway Riverside, ASAM level 2.1 at admission). Primary counselor: Alex Kim.",
      "Casey Morgan, born April 12, 1990, was admitted on October 1, 2026; the discharge is not yet recorded (Bridgeway Riverside, ASAM level 2.1 at admission).",
    ],
    [
      "reasonForAdmission",
      "Referred by: primary care, Eastside Clinic. Presenting concerns: Daily drinking after a job loss; wants to stop. Diagnoses (ICD-10-CM): F10.20 Alcohol dependence, uncomplicated (primary); F32.1 Major depressive disorder, single episode, moderate. Problems addressed in the treatment plan: Alcohol use; Low mood.",
      "No diagnosis is recorded in Bridgeway for this episode.",
    ],
    [
      "course",
      "Length of stay: 42 days, at ASAM level 2.1. The participant attended 16 of 18 scheduled sessions (46.5 hours in total). Treatment followed the signed treatment plan (version 2, from October 8, 2026); 1 of 2 objectives met.",
      "Length of stay: 14 days to October 15, 2026 (episode still open), at ASAM level 2.1. No group session attendance is recorded for this episode.",
    ],
    [
      "attendance",
      "Sessions attended: 16 of 18 (89%). Hours attended: 46.5 hours; weekly average 7.7 hours. Absences: 1 excused, 1 unexcused.",
      "No attendance is recorded for this episode.",
    ],
    [
      "measures",
      "PHQ-9: 18 (moderately severe) on October 1, 2026 at start, 8 (mild) on November 10, 2026 at end — recovered (reliable improvement to below the clinical cut-off) (RCI -3.54; a reliable change is 6 points or more).\nGAD-7: 9 (mild) on October 1, 2026; only one score, not enough data to judge change.",
      "No scored measure is recorded for this episode.",
    ],
    [
      "planProgress",
      "Signed treatment plan version 2 (from October 8, 2026), last reviewed on November 5, 2026.\n- Alcohol use: Attend 3 groups a week — met.\n- Low mood: PHQ-9 below 10 — in progress. 8 on the last score.\nLatest review: Steady progress; ready to step down.\nDischarge criteria: 30 days abstinent; Aftercare plan signed.",
      "No signed treatment plan is recorded for this episode.",
    ],
    [
      "medications",
      "Medications to continue (from the aftercare plan): Naltrexone 50 mg daily. Prescriber: Dr. Lee, 555-0100. Next prescriber appointment: November 20, 2026.",
      "None recorded in Bridgeway.",
    ],
    [
      "risks",
      "Critical answers: October 1, 2026: PHQ-9 item 9 (thoughts of death or self-harm) was answered above “not at all”. Urgent alerts: October 1, 2026 (urgent, resolved): PHQ-9 item 9 answered above 0. A safety plan is on file.",
      "No critical questionnaire answers were recorded in this episode. No urgent alerts were raised in this episode. No safety plan is on file.",
    ],
    [
      "dischargeAndAftercare",
      "Reason for discharge: completed treatment. Referred to ASAM level 1. Step-down: Bridgeway Outpatient on November 18, 2026, confirmed. Mutual-help meetings planned: AA Tuesday night; SMART Recovery Saturday.",
      "The discharge is not yet recorded. No step-down appointment is recorded in the aftercare plan.",
    ],
  ] as const)("%s", (section, fromKnown, fromEmpty) => {
    expect(known[section]).toBe(fromKnown);
    expect(empty[section]).toBe(fromEmpty);
  });

  it("generates every section, in the fixed order", () => {
    expect(Object.keys(known)).toEqual([...SUMMARY_SECTIONS]);
  });

  it("a medication list left blank in the aftercare plan reads as none recorded", () => {
    const blank = { ...KNOWN, medications: { ...KNOWN.medications!, medications: "  " } };
    expect(generateDischargeSummarySections(blank).medications).toBe("None recorded in Bridgeway.");
  });
});

describe("editing and signing checks", () => {
  const generated = generateDischargeSummarySections(KNOWN);
  it("text as generated is not edited; a changed section is", () => {
    expect(isEdited(KNOWN, generated)).toBe(false);
    expect(isEdited(KNOWN, { ...generated, risks: "Edited." })).toBe(true);
  });
  it("names each required section left blank", () => {
    expect(findEmptySections(generated)).toEqual([]);
    expect(findEmptySections({ ...generated, measures: " ", risks: "" })).toEqual(["measures", "risks"]);
  });
});
