import i18n from "i18next";
import type { ParticipantRecord } from "../../../core/participants/participants.schema";
import type { PlanContent } from "../../../core/treatment-plans/plan.schema";
import type { ParticipantPlan, VersionDetail } from "../../../core/treatment-plans/plan-api.schema";
import { treatmentPlansEn } from "../../i18n/treatment-plans.en";
import { setUpScheduleDom } from "../schedule/schedule-testing";

/** Test data for the staff side of treatment plans (Plan tab, editor, signing). Everyone is fictional. Tests only. */

/** The shared jsdom set-up plus the "treatmentPlans" namespace in English; jsdom lacks `document.fonts`, which growing text areas listen to. */
export async function setUpTreatmentPlansDom(): Promise<void> {
  await setUpScheduleDom();
  if (!("fonts" in document))
    Object.defineProperty(document, "fonts", {
      configurable: true,
      value: { addEventListener: () => {}, removeEventListener: () => {} },
    });
  i18n.addResourceBundle("en", "treatmentPlans", treatmentPlansEn, true, true);
}

export const PARTICIPANT = "2b0d7c52-8a0b-4d55-9f3e-6a1c2e9b7d40";
export const PLAN = "6c1f2a3b-4d5e-4f60-8a1b-2c3d4e5f6a7b";
export const EPISODE = "7e1a2b3c-4d5e-4f60-8a9b-0c1d2e3f4a5b";
export const SIGNED_VERSION = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
export const DRAFT_VERSION = "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e";
export const ME = "0b7d3c1e-5a8f-4f57-9d8a-2f6b1c9e7a10";
export const COLLEAGUE = { id: "3698896a-eb30-4263-976d-a14b0399db0c", displayName: "Alex Kim" };
const PROBLEM = "4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e7f";
export const OBJECTIVE_1 = "5d6e7f8a-9b0c-4d1e-8f2a-3b4c5d6e7f8a";
export const OBJECTIVE_2 = "6e7f8a9b-0c1d-4e2f-9a3b-4c5d6e7f8a9b";
const INTERVENTION = "7f8a9b0c-1d2e-4f3a-8b4c-5d6e7f8a9b0c";

export const VERSION_PATH = `/api/v1/treatment-plans/${PLAN}/versions/${DRAFT_VERSION}`;
export const PLAN_PATH = `/api/v1/participants/${PARTICIPANT}/treatment-plan`;

export function aRecord(change: Partial<ParticipantRecord> = {}): ParticipantRecord {
  return {
    id: PARTICIPANT,
    givenName: "Casey",
    familyName: "Rivers",
    bornOn: "1990-06-15",
    preferredLanguage: "es",
    preferredName: "",
    pronouns: "",
    site: { id: "5d7f6c2a-1b3e-4c8d-9e0f-1a2b3c4d5e6f", name: "Riverside" },
    current: null,
    sobrietyOn: null,
    contact: {
      phone: "",
      email: "",
      address: "",
      emergencyContactName: "",
      emergencyContactPhone: "",
      insurancePayer: "",
      insuranceMemberId: "",
    },
    levelHistory: [],
    diagnoses: null,
    openAlerts: 0,
    episodes: [],
    careTeam: [],
    recentCheckIns: null,
    access: { purpose: "treatment", breakGlassUntil: null },
    ...change,
  };
}

/** One problem (alcohol use) with two objectives — the second still without a target date — and one intervention. */
export function aContent(change: Partial<PlanContent> = {}): PlanContent {
  return {
    problems: [
      {
        id: PROBLEM,
        title: "Alcohol use",
        templateKey: "alcohol-use",
        sources: [{ kind: "diagnosis", ref: "F10.20", label: "F10.20 Alcohol dependence, uncomplicated" }],
        goal: {
          participantWords: "I want to stop drinking on weekends",
          clinical: "Sustained abstinence from alcohol",
        },
        objectives: [
          {
            id: OBJECTIVE_1,
            statement: "Identify three triggers and a coping response for each",
            measure: { kind: "count", target: 3, unit: "triggers with a coping response" },
            targetOn: "2026-12-15",
            status: "in_progress",
          },
          {
            id: OBJECTIVE_2,
            statement: "Attends the program's hours",
            measure: { kind: "weekly_hours", minimumHours: 9, consecutiveWeeks: 4 },
            targetOn: null,
            status: "not_started",
          },
        ],
        interventions: [
          {
            id: INTERVENTION,
            kind: "group",
            what: "Relapse prevention group",
            frequency: "3 times a week",
            responsible: "Track facilitator",
          },
        ],
      },
    ],
    strengths: ["Supportive sister"],
    barriers: ["Works weekend shifts"],
    dischargeCriteria: ["Four weeks of attendance at the minimum"],
    ...change,
  };
}

export function aVersion(change: Partial<VersionDetail> = {}): VersionDetail {
  return {
    id: DRAFT_VERSION,
    planId: PLAN,
    number: 2,
    status: "draft",
    startsOn: "2026-11-02",
    language: "en",
    revision: 3,
    cosigner: null,
    createdAt: "2026-11-20T15:00:00.000Z",
    createdBy: { id: ME, displayName: "Dana Director" },
    updatedAt: "2026-11-20T15:30:00.000Z",
    updatedBy: { id: ME, displayName: "Dana Director" },
    signedAt: null,
    requiredRoles: ["clinician", "participant"],
    signatures: [],
    content: aContent(),
    ...change,
  };
}

export function aSignedVersion(change: Partial<VersionDetail> = {}): VersionDetail {
  return aVersion({
    id: SIGNED_VERSION,
    number: 1,
    status: "signed",
    revision: 5,
    signedAt: "2026-11-03T19:05:00.000Z",
    signatures: [
      {
        role: "clinician",
        signer: { id: ME, displayName: "Dana Director" },
        method: "password",
        typedName: null,
        signedAt: "2026-11-03T18:00:00.000Z",
        device: "Firefox on Windows",
      },
      {
        role: "participant",
        signer: { id: PARTICIPANT, displayName: "Casey Rivers" },
        method: "typed_name",
        typedName: "Casey Rivers",
        signedAt: "2026-11-03T19:05:00.000Z",
        device: "Chrome on Android",
      },
    ],
    content: aContent({ strengths: ["Supportive sister", "Keeps a steady job"] }),
    ...change,
  });
}

const summaryOf = ({ content: _content, ...summary }: VersionDetail) => summary;

/** A plan with a signed version 1 and, unless told otherwise, an open draft version 2. */
export function aPlan(change: Partial<ParticipantPlan> = {}): ParticipantPlan {
  const current = change.current === undefined ? aSignedVersion() : change.current;
  const open = change.open === undefined ? aVersion() : change.open;
  return {
    planId: PLAN,
    participantId: PARTICIPANT,
    episodeId: EPISODE,
    current,
    open,
    versions: [open, current].filter((v): v is VersionDetail => v !== null).map(summaryOf),
    reviewDue: { state: "due_soon", dueOn: "2026-12-03", reason: "scheduled" },
    openReview: null,
    reviews: [],
    ...change,
  };
}
