import i18n from "i18next";
import type {
  ParticipantPlan,
  ReviewDetail,
  VersionDetail,
} from "../../../core/treatment-plans/plan-api.schema";
import { myPlanEn } from "../../i18n/my-plan.en";
import { myPlanEs } from "../../i18n/my-plan.es";
import { setUpParticipantDom } from "../participant-area/participant-area-testing";

/** Test data for "My plan" and the plan reviews. Everyone is fictional. Tests only. */

export const PLAN_ID = "5a1e2d3c-4b5a-4c6d-8e7f-9a0b1c2d3e4f";
export const VERSION_ID = "6b2f3e4d-5c6b-4d7e-8f90-a1b2c3d4e5f6";
export const REVIEW_ID = "7c3a4f5e-6d7c-4e8f-9a01-b2c3d4e5f6a7";
export const OBJECTIVE_ID = "8d4b5a6f-7e8d-4f90-a112-c3d4e5f6a7b8";
export const OBJECTIVE_2_ID = "9e5c6b7a-8f9e-4a01-b223-d4e5f6a7b8c9";
export const COUNSELOR = { id: "0b7d3c1e-5a8f-4f57-9d8a-2f6b1c9e7a10", displayName: "Jordan Alvarez" };
export const PARTICIPANT_PERSON = { id: "1c8e4d2f-6b9a-4a68-8e9b-3a7c2d0f8b21", displayName: "Casey Rivers" };

export async function setUpMyPlanDom(): Promise<void> {
  await setUpParticipantDom();
  i18n.addResourceBundle("en", "myPlan", myPlanEn, true, true);
  i18n.addResourceBundle("es", "myPlan", myPlanEs, true, true);
}

export function aVersion(change: Partial<VersionDetail> = {}): VersionDetail {
  return {
    id: VERSION_ID,
    planId: PLAN_ID,
    number: 1,
    status: "awaiting_signatures",
    startsOn: "2026-03-02",
    language: "en",
    revision: 4,
    cosigner: null,
    createdAt: "2026-03-02T15:00:00.000Z",
    createdBy: COUNSELOR,
    updatedAt: "2026-03-03T15:00:00.000Z",
    updatedBy: COUNSELOR,
    signedAt: null,
    requiredRoles: ["clinician", "participant"],
    signatures: [],
    content: {
      problems: [
        {
          id: "2d9f5e3a-7c0b-4b79-9f0c-4b8d3e1a9c32",
          title: "Staying sober",
          templateKey: "relapse-prevention",
          sources: [{ kind: "participant_words", ref: null, label: "I keep slipping on weekends" }],
          goal: {
            participantWords: "I want to stop drinking and keep my job",
            clinical: "Sustained abstinence from alcohol with relapse-prevention skills",
          },
          objectives: [
            {
              id: OBJECTIVE_ID,
              statement: "Lower my low mood",
              measure: { kind: "instrument", instrumentKey: "phq9", comparator: "below", value: 10 },
              targetOn: "2026-04-15",
              status: "in_progress",
            },
            {
              id: OBJECTIVE_2_ID,
              statement: "Come to group",
              measure: { kind: "weekly_hours", minimumHours: 9, consecutiveWeeks: 4 },
              targetOn: "2026-05-01",
              status: "not_started",
            },
          ],
          interventions: [
            {
              id: "3e0a6f4b-8d1c-4c8a-a01d-5c9e4f2b0d43",
              kind: "group",
              what: "Relapse prevention group",
              frequency: "3 times a week",
              responsible: "Track facilitator",
            },
          ],
        },
      ],
      strengths: ["Supportive sister"],
      barriers: ["Works late shifts"],
      dischargeCriteria: ["Four weeks without alcohol"],
    },
    ...change,
  };
}

export function aReview(change: Partial<ReviewDetail> = {}): ReviewDetail {
  return {
    id: REVIEW_ID,
    planId: PLAN_ID,
    versionId: VERSION_ID,
    number: 1,
    status: "draft",
    reason: "scheduled",
    dueOn: "2026-04-01",
    heldOn: "2026-04-01",
    revision: 1,
    cosigner: null,
    createdAt: "2026-04-01T15:00:00.000Z",
    createdBy: COUNSELOR,
    updatedAt: "2026-04-01T15:00:00.000Z",
    signedAt: null,
    requiredRoles: ["clinician", "participant"],
    signatures: [],
    content: {
      progress: [
        { objectiveId: OBJECTIVE_ID, status: "in_progress", note: "", value: 12 },
        { objectiveId: OBJECTIVE_2_ID, status: "not_started", note: "", value: null },
      ],
      summary: "",
      planChangesNeeded: false,
    },
    ...change,
  };
}

/** The chart's plan with version 1 signed and in force. */
export function aParticipantPlan(change: Partial<ParticipantPlan> = {}): ParticipantPlan {
  const current = aVersion({
    status: "signed",
    signedAt: "2026-03-04T16:00:00.000Z",
    signatures: [
      {
        role: "clinician",
        signer: COUNSELOR,
        method: "password",
        typedName: null,
        signedAt: "2026-03-03T16:00:00.000Z",
        device: "Firefox on Windows",
      },
      {
        role: "participant",
        signer: PARTICIPANT_PERSON,
        method: "typed_name",
        typedName: "Casey Rivers",
        signedAt: "2026-03-04T16:00:00.000Z",
        device: "Chrome on Android",
      },
    ],
  });
  const { content: _content, ...summary } = current;
  return {
    planId: PLAN_ID,
    participantId: "2b0d7c52-8a0b-4d55-9f3e-6a1c2e9b7d40",
    episodeId: "4f1b7a5c-9e2d-4d9b-b12e-6d0a5f3c1e54",
    current,
    open: null,
    versions: [summary],
    reviewDue: { state: "due_soon", dueOn: "2026-04-03", reason: "scheduled" },
    openReview: null,
    reviews: [],
    ...change,
  };
}
