import type { ReviewDetail, VersionDetail } from "../../core/treatment-plans/plan-api.schema";

/**
 * A demo-like signed plan (three problems, clinician and participant signatures) and a review of it,
 * for the PDF tests. Ids are fixed so the review's progress entries find their objectives.
 */

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const clinician = { id: id(900), displayName: "Avery Counselor" };
const participant = { id: id(901), displayName: "Casey Morgan" };

export const PLAN_VERSION: VersionDetail = {
  id: id(1),
  planId: id(2),
  number: 2,
  status: "signed",
  startsOn: "2026-11-02",
  language: "en",
  revision: 7,
  cosigner: null,
  createdAt: "2026-11-02T14:00:00.000Z",
  createdBy: clinician,
  updatedAt: "2026-11-03T15:00:00.000Z",
  updatedBy: clinician,
  signedAt: "2026-11-03T22:40:00.000Z",
  requiredRoles: ["clinician", "participant"],
  signatures: [
    {
      role: "participant",
      signer: participant,
      method: "typed_name",
      typedName: "Casey Morgan",
      signedAt: "2026-11-03T20:15:00.000Z",
      device: "Chrome on Android",
    },
    {
      role: "clinician",
      signer: clinician,
      method: "password",
      typedName: null,
      signedAt: "2026-11-03T22:40:00.000Z",
      device: "Firefox on Windows",
    },
  ],
  content: {
    problems: [
      {
        id: id(10),
        title: "Alcohol use",
        templateKey: "alcohol-use",
        sources: [
          { kind: "diagnosis", ref: "F10.20", label: "F10.20 Alcohol dependence, uncomplicated" },
          { kind: "assessment", ref: id(11), label: "AUDIT 24 (high risk) on 2026-10-28" },
          { kind: "participant_words", ref: null, label: "“I drink every night to get to sleep.”" },
        ],
        goal: {
          participantWords: "I want to stop drinking and keep my job.",
          clinical:
            "Achieve and sustain abstinence from alcohol, with a relapse-prevention plan the participant can use at work and at home.",
        },
        objectives: [
          {
            id: id(12),
            statement: "Identify three triggers for drinking and a coping response for each",
            measure: { kind: "count", target: 3, unit: "triggers with a coping response" },
            targetOn: "2026-11-30",
            status: "in_progress",
          },
          {
            id: id(13),
            statement: "Attend the IOP schedule fully",
            measure: { kind: "weekly_hours", minimumHours: 9, consecutiveWeeks: 4 },
            targetOn: "2026-12-14",
            status: "in_progress",
          },
          {
            id: id(14),
            statement: "Reduce drinking to no days a week, confirmed at each review",
            measure: { kind: "observed", description: "No drinking days reported or observed for 30 days" },
            targetOn: "2027-01-04",
            status: "not_started",
          },
        ],
        interventions: [
          {
            id: id(15),
            kind: "group",
            what: "Relapse-prevention skills group",
            frequency: "3 times a week",
            responsible: "Track facilitator",
          },
          {
            id: id(16),
            kind: "individual",
            what: "Individual therapy (motivational interviewing)",
            frequency: "weekly",
            responsible: "Primary counselor",
          },
        ],
      },
      {
        id: id(20),
        title: "Co-occurring depression",
        templateKey: "co-occurring-depression",
        sources: [{ kind: "assessment", ref: id(21), label: "PHQ-9 14 (moderate) on 2026-11-02" }],
        goal: {
          participantWords: "Feel like myself again and get out of bed in the morning.",
          clinical: "Reduce depressive symptoms to the mild range and build daily structure.",
        },
        objectives: [
          {
            id: id(22),
            statement: "Lower depressive symptoms",
            measure: { kind: "instrument", instrumentKey: "phq9", comparator: "below", value: 10 },
            targetOn: "2026-12-28",
            status: "in_progress",
          },
          {
            id: id(23),
            statement: "Keep a daily activity schedule with one pleasant activity a day",
            measure: { kind: "count", target: 5, unit: "days a week with a pleasant activity" },
            targetOn: "2026-12-07",
            status: "met",
          },
        ],
        interventions: [
          {
            id: id(24),
            kind: "medication",
            what: "Psychiatric evaluation and medication management",
            frequency: "every 4 weeks",
            responsible: "Consulting psychiatrist",
          },
          {
            id: id(25),
            kind: "group",
            what: "CBT for depression group",
            frequency: "weekly",
            responsible: "Track facilitator",
          },
        ],
      },
      {
        id: id(30),
        title: "Family conflict",
        templateKey: "family-conflict",
        sources: [
          { kind: "asam_dimension", ref: "6", label: "Dimension 6, recovery environment: risk 3 (serious)" },
        ],
        goal: {
          participantWords: "Stop fighting with my sister about money.",
          clinical: "Improve family communication and set agreed boundaries around finances.",
        },
        objectives: [
          {
            id: id(31),
            statement: "Take part in family sessions",
            measure: { kind: "count", target: 4, unit: "family sessions attended" },
            targetOn: "2027-01-04",
            status: "not_started",
          },
        ],
        interventions: [
          {
            id: id(32),
            kind: "family",
            what: "Family session",
            frequency: "every other week",
            responsible: "Family therapist",
          },
        ],
      },
    ],
    strengths: ["Motivated to keep a steady job", "Supportive partner", "Attends AA with a sponsor"],
    barriers: ["Works evening shifts twice a week", "No car: relies on the bus"],
    dischargeCriteria: [
      "30 days without alcohol, confirmed by self-report and observation",
      "A written relapse-prevention plan shared with a support person",
      "Connected to outpatient aftercare and a mutual-help group",
    ],
  },
};

export const PLAN_REVIEW: ReviewDetail = {
  id: id(40),
  planId: id(2),
  versionId: id(1),
  number: 1,
  status: "signed",
  reason: "scheduled",
  dueOn: "2026-12-03",
  heldOn: "2026-12-02",
  revision: 4,
  cosigner: null,
  createdAt: "2026-12-01T15:00:00.000Z",
  createdBy: clinician,
  updatedAt: "2026-12-02T16:00:00.000Z",
  signedAt: "2026-12-02T21:30:00.000Z",
  requiredRoles: ["clinician", "participant"],
  signatures: [
    {
      role: "clinician",
      signer: clinician,
      method: "totp",
      typedName: null,
      signedAt: "2026-12-02T21:30:00.000Z",
      device: "Firefox on Windows",
    },
    {
      role: "participant",
      signer: participant,
      method: "typed_name",
      typedName: "Casey Morgan",
      signedAt: "2026-12-02T20:05:00.000Z",
      device: "Safari on iPhone",
    },
  ],
  content: {
    progress: [
      { objectiveId: id(12), status: "met", note: "Named work stress, evenings alone and payday.", value: 3 },
      {
        objectiveId: id(13),
        status: "in_progress",
        note: "Two full weeks; missed Thursday once.",
        value: 8.5,
      },
      { objectiveId: id(14), status: "in_progress", note: "Eighteen days without drinking.", value: null },
      { objectiveId: id(22), status: "in_progress", note: "PHQ-9 down from 14 to 11.", value: 11 },
      { objectiveId: id(23), status: "met", note: "", value: 5 },
      { objectiveId: id(31), status: "in_progress", note: "First family session held.", value: 1 },
    ],
    summary:
      "Casey is engaged and attending; cravings are lower. She wants to keep working on sleep without alcohol.",
    planChangesNeeded: false,
  },
};
