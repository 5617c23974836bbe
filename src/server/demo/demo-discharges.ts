import { createHash } from "node:crypto";
import { deriveAudience, resolveRecipients } from "../../core/alerts/alerts.rules";
import { planAdmission } from "../../core/demo/admission-history";
import { type EpisodeOutline, planResponse } from "../../core/demo/assessment-trajectories";
import {
  type DemoDischargesPlan,
  type PlannedFollowUpResponse,
  planDemoDischarges,
} from "../../core/demo/demo-discharges";
import { DEMO_SITES, DEMO_TRACKS, type DemoParticipant } from "../../core/demo/demo-plan";
import { createRandom } from "../../core/demo/random";
import { addDays } from "../../core/platform/dates";
import * as alertStore from "../alerts/alerts.sql";
import type { Queryable } from "../db/connection";
import { alertRecipients, alerts, type assessmentResponses } from "../db/schema";
import { buildDischargeSummaryDraft } from "../discharge-summaries/summary-draft";
import * as demo from "./demo.sql";
import { DEMO_ACCOUNTS, DEMO_EMAIL_DOMAIN } from "./demo-accounts";
import { outlineDemoAssessments } from "./demo-assessments";
import { listParticipantUsers } from "./demo-consents.sql";
import * as store from "./demo-discharges.sql";
import { demoUuid } from "./demo-ids";
import { episodeId, type ProgramRows, participantId, siteId } from "./demo-rows";

/**
 * The demo's discharges, aftercare and alumni program (issue 11), planned in
 * src/core/demo/demo-discharges.ts and written here. Runs last: the summaries are drafted from the
 * whole record (scores, attendance, plans, notes), and current participants' app accounts exist.
 */

export interface DischargesSummary {
  discharges: number;
  summaries: number;
  signedSummaries: number;
  aftercarePlans: number;
  aftercareTasks: number;
  alumni: number;
  alumniCheckIns: number;
  alumniEvents: number;
  rsvps: number;
  alumniThreads: number;
  followUps: number;
  followUpsCompleted: number;
  alerts: number;
  /** Discharges given another reason so that every reason is present. */
  reasonChanges: number;
}

/** Benchmark scale: the discharges of the last 200 days (the follow-up waves reach 180 days). */
const BULK_DAYS = 200;

export async function writeDischarges(
  q: Queryable,
  options: { seed: number; today: string; now: Date; currentOnly: boolean },
  plan: readonly DemoParticipant[],
  program: ProgramRows,
): Promise<DischargesSummary> {
  const { seed, today } = options;
  const since = options.currentOnly ? addDays(today, -BULK_DAYS) : "0000-01-01";
  const people = plan.filter((p) => {
    const last = p.episodes.at(-1)!;
    return p.episodes.some((e) => e.dischargedOn !== null) && (last.dischargedOn ?? today) >= since;
  });
  const users = await listParticipantUsers(q);
  const answerer = followUpAnswerer(seed, today, people);
  const participantAccount = DEMO_ACCOUNTS.find((a) => a.kind === "participant")!;
  const planned = planDemoDischarges({
    seed,
    today,
    nowMs: options.now.getTime(),
    emailDomain: DEMO_EMAIL_DOMAIN,
    sites: DEMO_SITES.map((s, i) => ({
      id: siteId(i),
      timeZone: s.timeZone,
      coordinatorId: program.counselorIds[i]![0]!,
    })),
    people: [
      ...people,
      ...plan.filter((p) => !people.includes(p) && p.episodes.at(-1)!.dischargedOn === null),
    ].map((p) => {
      const id = participantId(seed, p.key);
      const [given, family] =
        p.key === 0 ? participantAccount.displayName.split(" ") : [p.givenName, p.familyName];
      return {
        key: p.key,
        id,
        site: p.site,
        givenName: given!,
        familyName: family!,
        language: p.preferredLanguage,
        adolescent: DEMO_TRACKS[p.episodes.at(-1)!.track]!.audience === "adolescent",
        userId: users.get(id) ?? null,
        episodes: p.episodes.map((e, n) => {
          const eid = episodeId(seed, p.key, n);
          return {
            id: eid,
            track: e.track,
            admittedOn: e.admittedOn,
            dischargedOn: e.dischargedOn,
            reason: e.dischargeReason,
            trajectory: e.trajectory,
            counselorId: program.counselorIds[p.site]![e.counselor]!,
            primaryCode: planAdmission(seed, eid, e.admittedOn).primaryCode,
          };
        }),
      };
    }),
    summariesFrom: options.currentOnly ? addDays(today, -30) : "0000-01-01",
    id: (name) => demoUuid(`${seed}/${name}`),
    hash: (text) => createHash("sha256").update(`${seed}/${text}`).digest("hex"),
    score: (response) => {
      const row = answerer.answer(response);
      const answers = row.answers as Record<string, unknown>;
      const item9 = response.instrumentKey === "phq9" ? Number(answers["9"] ?? 0) : null;
      return { total: row.total ?? null, item9 };
    },
  });

  await store.updateEpisodes(q, planned.episodeUpdates);
  await store.insertTableRows(q, "users", planned.rows.users);
  await store.updateParticipants(q, planned.participantUpdates);
  await demo.insertResponseRows(
    q,
    planned.responses.map((r) => answerer.answer(r)),
  );
  for (const table of [
    "aftercare_plans",
    "aftercare_tasks",
    "alumni_memberships",
    "alumni_check_ins",
    "alumni_events",
    "alumni_event_rsvps",
    "message_threads",
    "messages",
    "message_reads",
  ] as const)
    await store.insertTableRows(q, table, planned.rows[table]);
  await store.insertTableRows(q, "follow_up_surveys", planned.surveys);
  await writeSummaries(q, planned);
  await writeAlerts(q, planned);

  const discharged = planned.episodeUpdates.filter((e) => e.discharge_level_of_care !== null).length;
  return {
    discharges: discharged,
    summaries: planned.summaries.length,
    signedSummaries: planned.summaries.filter((s) => s.status === "signed").length,
    aftercarePlans: planned.rows.aftercare_plans.length,
    aftercareTasks: planned.rows.aftercare_tasks.length,
    alumni: planned.rows.alumni_memberships.length,
    alumniCheckIns: planned.rows.alumni_check_ins.length,
    alumniEvents: planned.rows.alumni_events.length,
    rsvps: planned.rows.alumni_event_rsvps.length,
    alumniThreads: planned.rows.message_threads.length,
    followUps: planned.surveys.length,
    followUpsCompleted: planned.surveys.filter((s) => s.status === "completed").length,
    alerts: planned.alerts.length,
    reasonChanges: planned.reasonChanges.length,
  };
}

/**
 * PHQ-9 and GAD-7 of each completed follow-up, answered item by item from the episode's score outline
 * (leaning worse for someone using again) and scored by the registry, as the questionnaire history is.
 */
function followUpAnswerer(seed: number, today: string, people: readonly DemoParticipant[]) {
  let outlines: Map<string, EpisodeOutline> | undefined;
  const answered = new Map<string, typeof assessmentResponses.$inferInsert>();
  const answer = (r: PlannedFollowUpResponse) => {
    const known = answered.get(r.id);
    if (known) return known;
    outlines ??= new Map(
      outlineDemoAssessments(seed, people, today, false).map(
        (o) => [episodeId(seed, o.participant.key, o.n), o.outline] as const,
      ),
    );
    const outline = outlines.get(r.episodeId)!;
    const leaning = r.worse
      ? {
          ...outline,
          baseline: {
            ...outline.baseline,
            depression: Math.min(0.9, outline.baseline.depression + 0.2),
            anxiety: Math.min(0.9, outline.baseline.anxiety + 0.15),
          },
        }
      : outline;
    const noise = createRandom(seed).fork(`follow-up-response/${r.id}`);
    const planned = planResponse(
      seed,
      leaning,
      { instrumentKey: r.instrumentKey, on: r.on, timing: "follow_up" },
      new Date(r.submittedAt),
      "none",
      noise,
    );
    const row = {
      id: r.id,
      participantId: r.participantId,
      siteId: r.siteId,
      episodeId: r.episodeId,
      instrumentKey: r.instrumentKey,
      questionnaireUrl: planned.url,
      questionnaireVersion: planned.version,
      answers: planned.answers,
      language: r.language,
      mode: "self",
      enteredBy: r.userId,
      idempotencyKey: demoUuid(`${seed}/follow-up-response-key/${r.id}`),
      completedOn: r.on,
      submittedAt: new Date(r.submittedAt),
      scored: planned.outcome.ok,
      total: planned.outcome.ok ? planned.outcome.total : null,
      band: planned.outcome.ok ? planned.outcome.band : null,
      subscales: planned.outcome.ok ? { ...planned.outcome.subscales } : {},
      flags: planned.outcome.ok ? [...planned.outcome.flags] : [],
      missing: planned.outcome.ok ? [] : [...planned.outcome.missing],
      critical: planned.findings.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        linkIds: [...f.linkIds],
      })),
    };
    answered.set(r.id, row);
    return row;
  };
  return { answer };
}

/** Each summary drafted from the record by the live generator, then signed or left to edit. */
async function writeSummaries(q: Queryable, planned: DemoDischargesPlan): Promise<void> {
  const rows: Record<string, unknown>[] = [];
  for (const s of planned.summaries) {
    const draft = await buildDischargeSummaryDraft(q, s.episodeId, new Date(s.generatedAt));
    rows.push({
      id: demoUuid(`discharge-summary/${s.episodeId}`),
      episode_id: s.episodeId,
      participant_id: s.participantId,
      site_id: s.siteId,
      status: s.status,
      facts: draft.facts,
      sections: draft.sections,
      version: s.version,
      generated_at: s.generatedAt,
      updated_by: s.updatedBy,
      updated_at: s.updatedAt,
      signed_by: s.signedBy,
      signed_at: s.signedAt,
      created_at: s.generatedAt,
    });
  }
  await store.insertTableRows(q, "discharge_summaries", rows);
}

/** The alerts the live rules raise, for the people the live service picks (as the other demo phases do). */
async function writeAlerts(q: Queryable, planned: DemoDischargesPlan): Promise<void> {
  const rows = planned.alerts.map((a) => ({ ...a, audience: [...deriveAudience(a.kind, a.severity)] }));
  await demo.insertRows(q, alerts, rows);
  const teams = await demo.listCareTeams(q, [...new Set(rows.map((a) => a.participantId))]);
  const directors = new Map<string, string[]>();
  const recipients: (typeof alertRecipients.$inferInsert)[] = [];
  for (const alert of rows) {
    if (!directors.has(alert.siteId))
      directors.set(
        alert.siteId,
        (await alertStore.findClinicalDirectors(q, alert.siteId)).map((d) => d.userId),
      );
    const people = {
      careTeam: teams.get(alert.participantId) ?? [],
      clinicalDirectors: directors.get(alert.siteId)!,
    };
    for (const userId of resolveRecipients({ audience: alert.audience, escalated: false }, people))
      recipients.push({ alertId: alert.id, userId, addedFor: "raised", addedAt: alert.createdAt });
  }
  await demo.insertRows(q, alertRecipients, recipients);
}
