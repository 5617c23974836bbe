import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { PlanContent } from "../../core/treatment-plans/plan.schema";
import type { Database } from "../db/connection";
import { episodes, treatmentPlans, treatmentPlanVersions } from "../db/schema";

/**
 * Test data for the review, worklist and alert suites: a plan with a signed version written straight
 * to storage (the plan-signing flow has its own suite), one problem with an instrument-measured
 * objective and an observed one. Fictional content.
 */

export const PHQ9_OBJECTIVE_ID = "6f1c1c8e-3c55-4f55-9d67-1a1f0e0b0a01";
export const OBSERVED_OBJECTIVE_ID = "6f1c1c8e-3c55-4f55-9d67-1a1f0e0b0a02";

export function aSignedPlanContent(): PlanContent {
  return {
    problems: [
      {
        id: "6f1c1c8e-3c55-4f55-9d67-1a1f0e0b0a00",
        title: "Low mood",
        templateKey: null,
        sources: [{ kind: "participant_words", ref: null, label: "“I feel flat most days”" }],
        goal: { participantWords: "Feel like myself again", clinical: "Reduce depressive symptoms" },
        objectives: [
          {
            id: PHQ9_OBJECTIVE_ID,
            statement: "PHQ-9 below 10",
            measure: { kind: "instrument", instrumentKey: "phq9", comparator: "below", value: 10 },
            targetOn: "2026-12-15",
            status: "in_progress",
          },
          {
            id: OBSERVED_OBJECTIVE_ID,
            statement: "Name three triggers and a coping response for each",
            measure: { kind: "observed", description: "Said aloud in individual session" },
            targetOn: "2026-12-01",
            status: "not_started",
          },
        ],
        interventions: [
          {
            id: "6f1c1c8e-3c55-4f55-9d67-1a1f0e0b0a03",
            kind: "group",
            what: "CBT skills group",
            frequency: "3 times a week",
            responsible: "Track facilitator",
          },
        ],
      },
    ],
    strengths: ["Motivated"],
    barriers: ["Transport"],
    dischargeCriteria: ["PHQ-9 below 10 twice"],
  };
}

/** A plan on the participant's open episode with version 1 signed at `signedAt`. */
export async function givenSignedPlan(
  db: Database,
  options: { participantId: string; signedAt: Date; createdBy?: string | null },
): Promise<{ planId: string; versionId: string }> {
  const [episode] = await db
    .select({ id: episodes.id, siteId: episodes.siteId })
    .from(episodes)
    .where(eq(episodes.participantId, options.participantId));
  const [plan] = await db
    .insert(treatmentPlans)
    .values({
      participantId: options.participantId,
      episodeId: episode!.id,
      siteId: episode!.siteId,
      createdBy: options.createdBy ?? null,
    })
    .returning({ id: treatmentPlans.id });
  const [version] = await db
    .insert(treatmentPlanVersions)
    .values({
      planId: plan!.id,
      number: 1,
      status: "signed",
      language: "en",
      startsOn: options.signedAt.toISOString().slice(0, 10),
      content: aSignedPlanContent(),
      contentSha256: randomUUID().replace(/-/g, ""),
      createdBy: options.createdBy ?? null,
      finalizedAt: options.signedAt,
      signedAt: options.signedAt,
    })
    .returning({ id: treatmentPlanVersions.id });
  return { planId: plan!.id, versionId: version!.id };
}

/** A plan whose version 1 is a draft (or awaiting signatures), written by `createdBy`. */
export async function givenOpenPlan(
  db: Database,
  options: {
    participantId: string;
    createdBy: string;
    status: "draft" | "awaiting_signatures";
    cosignerUserId?: string | null;
  },
): Promise<{ planId: string; versionId: string }> {
  const [episode] = await db
    .select({ id: episodes.id, siteId: episodes.siteId })
    .from(episodes)
    .where(eq(episodes.participantId, options.participantId));
  const [plan] = await db
    .insert(treatmentPlans)
    .values({
      participantId: options.participantId,
      episodeId: episode!.id,
      siteId: episode!.siteId,
      createdBy: options.createdBy,
    })
    .returning({ id: treatmentPlans.id });
  const [version] = await db
    .insert(treatmentPlanVersions)
    .values({
      planId: plan!.id,
      number: 1,
      status: options.status,
      language: "en",
      startsOn: "2026-10-01",
      content: aSignedPlanContent(),
      contentSha256: options.status === "draft" ? null : randomUUID().replace(/-/g, ""),
      cosignerUserId: options.cosignerUserId ?? null,
      createdBy: options.createdBy,
      updatedBy: options.createdBy,
    })
    .returning({ id: treatmentPlanVersions.id });
  return { planId: plan!.id, versionId: version!.id };
}
