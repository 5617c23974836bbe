import { deriveAudience, resolveRecipients } from "../../core/alerts/alerts.rules";
import type { AlertAudience } from "../../core/alerts/alerts.schema";
import { DEFAULT_SCHEDULE } from "../../core/assessments/schedule.rules";
import { planAdmission } from "../../core/demo/admission-history";
import { substanceOfDiagnosis } from "../../core/demo/assessment-answers";
import {
  type AssessmentPlanOptions,
  type CriticalStory,
  pickCriticalStories,
  planEpisodeAssessments,
} from "../../core/demo/assessment-stories";
import { type EpisodeOutline, outlineEpisode } from "../../core/demo/assessment-trajectories";
import { DEMO_TRACKS, type DemoParticipant } from "../../core/demo/demo-plan";
import * as alertStore from "../alerts/alerts.sql";
import { loadInstrumentCatalog } from "../assessments/instrument-catalog";
import type { Queryable } from "../db/connection";
import { alertRecipients, alerts, type assessmentResponses } from "../db/schema";
import * as demo from "./demo.sql";
import { demoUuid } from "./demo-ids";
import { episodeId, type ProgramRows, participantId, siteId, windowsOf } from "./demo-rows";

/**
 * The demo's questionnaire history: every episode's responses (answered item by item and scored by
 * the registry, see src/core/demo/assessment-trajectories.ts) and the alerts the live service would
 * have raised on them, with who they were for and what the counselor did. Written in batches like
 * the rest of the demo.
 */

export interface OutlinedEpisode {
  participant: DemoParticipant;
  /** Index of the episode in the participant's episodes. */
  n: number;
  outline: EpisodeOutline;
}

/**
 * The outline of each episode's scores. `currentOnly` (benchmark scale): only the episodes still
 * open, whose latest scores the caseload shows, so the history does not multiply the rows.
 */
export function outlineDemoAssessments(
  seed: number,
  plan: readonly DemoParticipant[],
  today: string,
  currentOnly: boolean,
): OutlinedEpisode[] {
  return plan.flatMap((participant) => {
    const windows = windowsOf(seed, participant, today);
    return participant.episodes.flatMap((episode, n) => {
      if (currentOnly && episode.dischargedOn !== null) return [];
      const admission = planAdmission(seed, episodeId(seed, participant.key, n), episode.admittedOn);
      const shape = windows[n]!.shape;
      const outline = outlineEpisode(seed, {
        key: `${participant.key}/${n}`,
        admittedOn: episode.admittedOn,
        dischargedOn: episode.dischargedOn,
        dischargeReason: episode.dischargeReason,
        audience: DEMO_TRACKS[episode.track]!.audience,
        trajectory: episode.trajectory,
        substance: substanceOfDiagnosis(admission.primaryCode),
        lapseDay: shape.lapseDay,
        silentDays: shape.silentDays,
        followUps: n === participant.episodes.length - 1,
        selfReport: participant.key === 0,
      });
      return [{ participant, n, outline }];
    });
  });
}

type NewAlert = Omit<typeof alerts.$inferInsert, "audience"> & {
  id: string;
  participantId: string;
  siteId: string;
  audience: AlertAudience[];
};

export interface AssessmentRows {
  responses: (typeof assessmentResponses.$inferInsert)[];
  alerts: NewAlert[];
}

/** Response and alert rows with stable ids; alerts are acknowledged and resolved by the primary counselor. */
export function buildAssessmentRows(
  seed: number,
  episodes: readonly OutlinedEpisode[],
  stories: ReadonlyMap<string, CriticalStory>,
  program: ProgramRows,
  options: Omit<AssessmentPlanOptions, "seed">,
): AssessmentRows {
  const rows: AssessmentRows = { responses: [], alerts: [] };
  for (const { participant, n, outline } of episodes) {
    const key = outline.input.key;
    const planned = planEpisodeAssessments(outline, stories.get(key), { seed, ...options });
    const who = participantId(seed, participant.key);
    const site = siteId(participant.site);
    const counselor = program.counselorIds[participant.site]![participant.episodes[n]!.counselor]!;
    const responseIds = planned.responses.map((_, i) => demoUuid(`${seed}/response/${key}/${i}`));
    planned.responses.forEach((r, i) => {
      rows.responses.push({
        id: responseIds[i]!,
        participantId: who,
        siteId: site,
        episodeId: episodeId(seed, participant.key, n),
        instrumentKey: r.instrumentKey,
        questionnaireUrl: r.url,
        questionnaireVersion: r.version,
        answers: r.answers,
        language: participant.preferredLanguage,
        mode: r.mode,
        enteredBy: r.mode === "self" ? program.participantUserId : counselor,
        idempotencyKey: demoUuid(`${seed}/response-key/${key}/${i}`),
        completedOn: r.on,
        submittedAt: r.submittedAt,
        scored: r.outcome.ok,
        total: r.outcome.ok ? r.outcome.total : null,
        band: r.outcome.ok ? r.outcome.band : null,
        subscales: r.outcome.ok ? { ...r.outcome.subscales } : {},
        flags: r.outcome.ok ? [...r.outcome.flags] : [],
        missing: r.outcome.ok ? [] : [...r.outcome.missing],
        critical: r.findings.map((f) => ({ rule: f.rule, severity: f.severity, linkIds: [...f.linkIds] })),
      });
    });
    planned.alerts.forEach((a, i) => {
      rows.alerts.push({
        id: demoUuid(`${seed}/assessment-alert/${key}/${i}`),
        kind: a.kind,
        severity: a.severity,
        state: a.state,
        siteId: site,
        participantId: who,
        reason: a.reason,
        evidenceKind: "assessment_response",
        evidenceId: responseIds[a.response]!,
        evidenceItem: a.item,
        audience: [...deriveAudience(a.kind, a.severity)],
        createdAt: a.createdAt,
        acknowledgedAt: a.acknowledgedAt,
        acknowledgedBy: a.acknowledgedAt ? counselor : null,
        resolvedAt: a.resolvedAt,
        resolvedBy: a.resolvedAt ? counselor : null,
        resolutionNote: a.resolutionNote,
      });
    });
  }
  return rows;
}

/** Participants per batch: one progress tick, and one planning and insert round. */
const STEP = 1_000;

/** Questionnaire titles by instrument key, as the live service words its warnings. */
function instrumentTitles(): Record<string, string> {
  return Object.fromEntries(
    [...loadInstrumentCatalog()].map(([key, entry]) => [key, entry.questionnaire.title ?? key]),
  );
}

/**
 * Plan and write the questionnaire history. Runs after the care teams exist: each alert is for the
 * people the live service would pick (the participant's care team, the site's clinical directors).
 */
export async function writeAssessmentHistory(
  q: Queryable,
  options: {
    seed: number;
    today: string;
    now: Date;
    currentOnly: boolean;
    /** Questionnaires the program does not offer (DISABLED_INSTRUMENTS): left out of the schedule. */
    disabledInstruments: readonly string[];
  },
  plan: readonly DemoParticipant[],
  program: ProgramRows,
  progress: (done: number, total: number) => void,
): Promise<{ responses: number; alerts: number }> {
  const { seed, today, now } = options;
  const titles = instrumentTitles();
  const schedule = DEFAULT_SCHEDULE.filter((e) => !options.disabledInstruments.includes(e.instrumentKey));
  const outlined = outlineDemoAssessments(seed, plan, today, options.currentOnly);
  const stories = pickCriticalStories(
    seed,
    outlined.map((e) => e.outline),
    today,
    schedule,
  );
  const directors = new Map<string, string[]>();
  const written = { responses: 0, alerts: 0 };
  progress(0, outlined.length);
  for (let i = 0; i < outlined.length; i += STEP) {
    const batch = outlined.slice(i, i + STEP);
    const rows = buildAssessmentRows(seed, batch, stories, program, { today, now, titles, schedule });
    await demo.insertResponseRows(q, rows.responses);
    await demo.insertRows(q, alerts, rows.alerts);
    const teams = await demo.listCareTeams(q, [...new Set(rows.alerts.map((a) => a.participantId))]);
    const recipients: (typeof alertRecipients.$inferInsert)[] = [];
    for (const alert of rows.alerts) {
      if (!directors.has(alert.siteId)) {
        const found = await alertStore.findClinicalDirectors(q, alert.siteId);
        directors.set(
          alert.siteId,
          found.map((d) => d.userId),
        );
      }
      const people = {
        careTeam: teams.get(alert.participantId) ?? [],
        clinicalDirectors: directors.get(alert.siteId)!,
      };
      for (const userId of resolveRecipients({ audience: alert.audience, escalated: false }, people))
        recipients.push({ alertId: alert.id, userId, addedFor: "raised", addedAt: alert.createdAt });
    }
    await demo.insertRows(q, alertRecipients, recipients);
    written.responses += rows.responses.length;
    written.alerts += rows.alerts.length;
    progress(Math.min(i + STEP, outlined.length), outlined.length);
  }
  return written;
}
