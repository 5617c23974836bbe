import { aftercarePlanContentSchema } from "../../core/aftercare/aftercare-plan.schema";
import { deriveCriticalAlerts } from "../../core/assessments/critical-alerts.rules";
import { shortNameOf } from "../../core/assessments/short-names";
import {
  deriveCourse,
  deriveMeasures,
  generateDischargeSummarySections,
} from "../../core/discharge-summaries/discharge-summary.rules";
import {
  type DischargeSummaryFacts,
  dischargeSummaryFactsSchema,
  type SummarySections,
} from "../../core/discharge-summaries/discharge-summary.schema";
import { dischargeReasonSchema } from "../../core/participants/episodes.schema";
import { addDays } from "../../core/platform/dates";
import { type PlanContent, planContentSchema } from "../../core/treatment-plans/plan.schema";
import { reviewContentSchema } from "../../core/treatment-plans/review.schema";
import { localDateIn } from "../../core/treatment-plans/review-due.rules";
import { readReliableChangeSettings } from "../assessments/reliable-change.repo";
import type { Queryable } from "../db/connection";
import * as store from "./discharge-summaries.sql";

/** The name printed on the summary: the legal name, with the name the person goes by when it differs. */
export function printedName(row: {
  given_name: string;
  family_name: string;
  preferred_name: string;
}): string {
  const legal = `${row.given_name} ${row.family_name}`;
  const preferred = row.preferred_name.trim();
  return preferred && preferred !== row.given_name ? `${legal} (${preferred})` : legal;
}

const isoOf = (value: Date | string) => (value instanceof Date ? value : new Date(value));

/** The facts of an episode's record that a discharge summary is written from. */
export async function loadDischargeSummaryFacts(
  q: Queryable,
  episodeId: string,
  at: Date,
): Promise<DischargeSummaryFacts> {
  const episode = await store.findEpisode(q, episodeId);
  if (!episode) throw new Error(`no episode ${episodeId}`);
  const today = localDateIn(at, episode.site_time_zone);
  const throughOn = episode.discharged_on ?? (today < episode.admitted_on ? episode.admitted_on : today);
  const scope = { id: episode.id, participantId: episode.participant_id };

  // One statement at a time: `q` may be a transaction, whose single connection cannot run two at once.
  const referral = episode.referral_lead_id
    ? await store.findReferral(q, episode.referral_lead_id)
    : undefined;
  const diagnoses = await store.listDiagnoses(q, episode.id);
  const marks = await store.listMarks(q, episode.participant_id, episode.admitted_on, throughOn);
  const responses = await store.listResponses(q, scope, episode.admitted_on, throughOn);
  const signedPlan = await store.findSignedPlanVersion(q, episode.id);
  const safetyPlan = await store.hasSafetyPlan(q, episode.participant_id);
  const aftercareRaw = await store.findAftercareContent(q, episode.id);
  const settings = await readReliableChangeSettings(q);

  // Alerts from the admission day to the end of the last day counted, in UTC bounds wide enough for any zone.
  const alerts = await store.listUrgentAlerts(
    q,
    episode.participant_id,
    new Date(`${addDays(episode.admitted_on, -1)}T12:00:00Z`),
    new Date(`${addDays(throughOn, 1)}T12:00:00Z`),
  );
  const inEpisode = alerts.filter((a) => {
    const on = localDateIn(isoOf(a.created_at), episode.site_time_zone);
    return on >= episode.admitted_on && on <= throughOn;
  });

  let plan: DischargeSummaryFacts["plan"] = null;
  let problems: string[] = [];
  if (signedPlan) {
    const content: PlanContent = planContentSchema.parse(signedPlan.content);
    const review = await store.findLatestSignedReview(q, signedPlan.id);
    const reviewContent = review ? reviewContentSchema.safeParse(review.content) : undefined;
    const progress = new Map(
      (reviewContent?.success ? reviewContent.data.progress : []).map((p) => [p.objectiveId, p]),
    );
    problems = content.problems.map((p) => p.title.trim()).filter(Boolean);
    plan = {
      version: signedPlan.number,
      startsOn: signedPlan.starts_on,
      latestReviewOn: review?.held_on ?? null,
      reviewSummary: reviewContent?.success ? reviewContent.data.summary.trim() : "",
      objectives: content.problems.flatMap((problem) =>
        problem.objectives.map((o) => ({
          problem: problem.title.trim(),
          statement: o.statement.trim(),
          status: progress.get(o.id)?.status ?? o.status,
          note: progress.get(o.id)?.note.trim() ?? "",
        })),
      ),
      dischargeCriteria: content.dischargeCriteria.map((c) => c.trim()).filter(Boolean),
    };
  }

  const aftercare = aftercareRaw === undefined ? null : aftercarePlanContentSchema.safeParse(aftercareRaw);
  const aftercarePlan = aftercare?.success ? aftercare.data : null;
  const scored = responses.filter((r) => r.scored && r.total !== null);
  const concerns = [referral?.looking_for?.trim(), referral?.handoff_summary?.trim()]
    .filter(Boolean)
    .join(" ");
  const reason = dischargeReasonSchema.safeParse(episode.discharge_reason);

  const facts: DischargeSummaryFacts = {
    participant: { name: printedName(episode), bornOn: episode.born_on },
    programName: `${episode.program_name}, ${episode.site_name}`,
    episode: {
      admittedOn: episode.admitted_on,
      dischargedOn: episode.discharged_on,
      levelOfCare: episode.level_of_care,
      dischargeLevelOfCare: episode.discharge_level_of_care,
      primaryCounselor: episode.primary_counselor,
    },
    admission: {
      referralSource: referral?.referral_source ?? null,
      referringOrganisation: referral?.referring_organisation ?? null,
      presentingConcerns: concerns || null,
      diagnoses: diagnoses.map((d) => ({ code: d.code, title: d.title, primary: d.is_primary })),
      problems,
    },
    course: deriveCourse(
      marks.map((m) => ({
        occurredOn: m.occurred_on,
        status: m.status,
        minutesAttended: m.minutes_attended,
      })),
      episode.admitted_on,
      throughOn,
    ),
    measures: deriveMeasures(
      scored.map((r) => ({
        instrumentKey: r.instrument_key,
        instrumentName: shortNameOf(r.instrument_key),
        completedOn: r.completed_on,
        submittedAt: isoOf(r.submitted_at).toISOString(),
        total: r.total!,
        band: r.band,
        subscales: r.subscales ?? {},
      })),
      settings.overrides,
    ),
    plan,
    medications: aftercarePlan?.medication ?? null,
    risks: {
      criticalAnswers: responses.flatMap((r) =>
        deriveCriticalAlerts(r.instrument_key, r.critical ?? []).map((c) => ({
          on: r.completed_on,
          finding: c.reason,
        })),
      ),
      urgentAlerts: inEpisode.map((a) => ({
        on: localDateIn(isoOf(a.created_at), episode.site_time_zone),
        severity: a.severity,
        reason: a.reason,
        state: a.state,
      })),
      hasSafetyPlan: safetyPlan,
    },
    discharge: {
      reason: reason.success ? reason.data : null,
      note: episode.discharge_note?.trim() || null,
      referredLevelOfCare: episode.referred_level_of_care,
      stepDown: aftercarePlan?.stepDown
        ? {
            providerName: aftercarePlan.stepDown.providerName,
            appointmentOn: aftercarePlan.stepDown.appointmentOn,
            confirmed: aftercarePlan.stepDown.confirmed,
          }
        : null,
      meetings: (aftercarePlan?.meetings ?? []).map((m) => m.name),
    },
  };
  return dischargeSummaryFactsSchema.parse(facts);
}

/**
 * Generate a discharge summary draft for an episode from its record (admission reason, course,
 * attendance, measures at start and end with reliable-change status, plan progress, medications,
 * risks): the facts snapshot and the text of each section.
 */
export async function buildDischargeSummaryDraft(
  q: Queryable,
  episodeId: string,
  at: Date,
): Promise<{ facts: DischargeSummaryFacts; sections: SummarySections }> {
  const facts = await loadDischargeSummaryFacts(q, episodeId, at);
  return { facts, sections: generateDischargeSummarySections(facts) };
}
