import { createHash } from "node:crypto";
import { getTableColumns, sql } from "drizzle-orm";
import type { PgInsertValue, PgTable } from "drizzle-orm/pg-core";
import { planAdmission } from "../../core/demo/admission-history";
import { DEMO_TRACKS, type DemoParticipant, type DemoScale, SCALE_SPECS } from "../../core/demo/demo-plan";
import {
  applyReviewExceptions,
  type PlannedSignature,
  type PlanStory,
  type PlanStoryContext,
  type PlanStoryInput,
  pickNewcomers,
  planTreatmentStory,
  type StoryScore,
} from "../../core/demo/plan-stories";
import { findIcdCode } from "../../core/diagnoses/icd10cm";
import { addDays } from "../../core/platform/dates";
import { canonicalJson } from "../../core/treatment-plans/plan.rules";
import type { PlanLanguage } from "../../core/treatment-plans/plan.schema";
import { type Queryable, queryRows } from "../db/connection";
import {
  treatmentPlanReviews,
  treatmentPlanReviewTriggers,
  treatmentPlanSignatures,
  treatmentPlans,
  treatmentPlanVersions,
  users,
} from "../db/schema";
import { createTemplateLibrary } from "../treatment-plans/template-library";
import * as demo from "./demo.sql";
import { DEMO_ACCOUNTS, DEMO_EMAIL_DOMAIN } from "./demo-accounts";
import { demoUuid } from "./demo-ids";
import { episodeId, type ProgramRows, participantId, siteId } from "./demo-rows";

/**
 * The demo's treatment plans written as rows (planned in src/core/demo/plan-stories.ts): a plan per
 * episode still open or discharged within the schedule window, its versions, reviews, signatures and
 * the discharge-planning triggers their reviews answered. Each participant who signed has a
 * participant account (no password in the demo, like the counselors without sign-in), which a
 * participant signature needs; the accounts of people no longer in care are disabled at discharge.
 */

/** Episodes per step: one progress tick, one query of scores and one round of inserts. */
const STEP = 1_000;

/** Devices the demo's signatures come from: participants sign on their phones, staff at their desks. */
const PHONE_AGENTS = [
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36",
  "Mozilla/5.0 (Linux; Android 14; SM-A546B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Linux; Android 13; moto g power 5G) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Mobile Safari/537.36",
];
const DESK_AGENTS = [
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
];

/** Addresses from the documentation ranges (RFC 5737): the site's network, or a phone's carrier. */
const deskAddress = (site: number) => `198.51.100.${10 + site}`;
const phoneAddress = (device: number) => `203.0.113.${40 + device * 7}`;

const sha256 = (value: unknown) => createHash("sha256").update(canonicalJson(value)).digest("hex");

/** A demo participant's app account address (the plan signatures and the participant app share it). */
export const emailOf = (given: string, family: string, key: number) =>
  `${`${given}.${family}`
    .normalize("NFD")
    .replace(/[^A-Za-z.]/g, "")
    .toLowerCase()}.${key}@${DEMO_EMAIL_DOMAIN}`;

/** Which episodes get a plan: open ones, and those discharged within the scale's schedule window. */
export function episodesWithPlans(plan: readonly DemoParticipant[], scale: DemoScale, today: string) {
  const since = addDays(today, -SCALE_SPECS[scale].scheduleDays);
  return plan.flatMap((participant) =>
    participant.episodes.flatMap((episode, n) =>
      episode.dischargedOn === null || episode.dischargedOn >= since ? [{ participant, n, episode }] : [],
    ),
  );
}

type Chosen = ReturnType<typeof episodesWithPlans>[number];

export interface PlanRows {
  users: (typeof users.$inferInsert)[];
  links: { participantId: string; userId: string }[];
  plans: (typeof treatmentPlans.$inferInsert)[];
  versions: (typeof treatmentPlanVersions.$inferInsert)[];
  reviews: (typeof treatmentPlanReviews.$inferInsert)[];
  signatures: (typeof treatmentPlanSignatures.$inferInsert)[];
  triggers: (typeof treatmentPlanReviewTriggers.$inferInsert)[];
}

/** The rows of planned stories. `participantUsers` holds each participant's account id (made here when new). */
export function buildPlanRows(
  seed: number,
  stories: readonly { chosen: Chosen; story: PlanStory }[],
  program: ProgramRows,
  participantUsers: Map<number, string>,
): PlanRows {
  const rows: PlanRows = {
    users: [],
    links: [],
    plans: [],
    versions: [],
    reviews: [],
    signatures: [],
    triggers: [],
  };
  const directorEmail = DEMO_ACCOUNTS.find((a) => a.roles.includes("clinical_director"))!.email;
  const directorId = program.users.find((u) => u.email === directorEmail)!.id!;
  const account = DEMO_ACCOUNTS.find((a) => a.kind === "participant")!;
  for (const { chosen, story } of stories) {
    const { participant, n, episode } = chosen;
    const who = participantId(seed, participant.key);
    const counselor = program.counselorIds[participant.site]![episode.counselor]!;
    const name =
      participant.key === 0 ? account.displayName : `${participant.givenName} ${participant.familyName}`;
    const signs = [
      ...story.versions.flatMap((v) => v.signatures),
      ...story.reviews.flatMap((r) => r.signatures),
    ];
    let participantUser = participantUsers.get(participant.key);
    if (!participantUser && signs.some((s) => s.role === "participant")) {
      participantUser = demoUuid(`${seed}/participant-user/${participant.key}`);
      participantUsers.set(participant.key, participantUser);
      const last = participant.episodes.at(-1)!;
      rows.users.push({
        id: participantUser,
        email: emailOf(participant.givenName, participant.familyName, participant.key),
        displayName: name,
        kind: "participant",
        locale: participant.preferredLanguage,
        passwordHash: null,
        disabledAt: last.dischargedOn ? new Date(`${last.dischargedOn}T22:00:00Z`) : null,
        createdAt: new Date(`${episode.admittedOn}T15:00:00Z`),
      });
      rows.links.push({ participantId: who, userId: participantUser });
    }
    const planId = demoUuid(`${seed}/plan/${story.key}`);
    rows.plans.push({
      id: planId,
      participantId: who,
      episodeId: episodeId(seed, participant.key, n),
      siteId: siteId(participant.site),
      createdBy: counselor,
      createdAt: story.createdAt,
    });
    const signer = (role: PlannedSignature["role"]) =>
      role === "clinician" ? counselor : role === "supervisor" ? directorId : participantUser!;
    const signatureRow = (
      s: PlannedSignature,
      target: { versionId: string } | { reviewId: string },
      hash: string,
    ): typeof treatmentPlanSignatures.$inferInsert => ({
      id: demoUuid(
        `${seed}/plan-signature/${"versionId" in target ? target.versionId : target.reviewId}/${s.role}`,
      ),
      ...target,
      role: s.role,
      signerUserId: signer(s.role),
      method: s.role === "participant" ? "typed_name" : "password",
      typedName: s.role === "participant" ? name : null,
      contentSha256: hash,
      signedAt: s.at,
      userAgent:
        s.role === "participant"
          ? PHONE_AGENTS[s.device % PHONE_AGENTS.length]!
          : DESK_AGENTS[s.device % DESK_AGENTS.length]!,
      ipAddress: s.role === "participant" ? phoneAddress(s.device) : deskAddress(participant.site),
    });
    const versionIds = new Map<number, string>();
    for (const v of story.versions) {
      const id = demoUuid(`${seed}/plan-version/${story.key}/${v.number}`);
      versionIds.set(v.number, id);
      const hash = v.status === "draft" ? null : sha256(v.content);
      rows.versions.push({
        id,
        planId,
        number: v.number,
        status: v.status,
        language: participant.preferredLanguage,
        startsOn: v.startsOn,
        content: v.content,
        // Each save and each signature moved the revision on.
        revision: 1 + (v.status === "draft" ? 1 : 2 + v.signatures.length),
        cosignerUserId: v.cosigned ? directorId : null,
        basedOnVersionId: v.number > 1 ? (versionIds.get(v.number - 1) ?? null) : null,
        contentSha256: hash,
        createdBy: counselor,
        createdAt: v.createdAt,
        updatedBy: counselor,
        updatedAt: v.updatedAt,
        finalizedAt: v.finalizedAt,
        signedAt: v.signedAt,
        supersededAt: v.supersededAt,
      });
      for (const s of v.signatures) rows.signatures.push(signatureRow(s, { versionId: id }, hash!));
    }
    const reviewIds = new Map<number, string>();
    for (const r of story.reviews) {
      const id = demoUuid(`${seed}/plan-review/${story.key}/${r.number}`);
      reviewIds.set(r.number, id);
      const hash = r.status === "draft" ? null : sha256(r.content);
      rows.reviews.push({
        id,
        planId,
        versionId: versionIds.get(r.versionNumber)!,
        number: r.number,
        status: r.status,
        reason: r.reason,
        dueOn: r.dueOn,
        heldOn: r.heldOn,
        content: r.content,
        revision: 1 + (r.status === "draft" ? 1 : 2 + r.signatures.length),
        cosignerUserId: r.cosigned ? directorId : null,
        contentSha256: hash,
        createdBy: counselor,
        createdAt: r.createdAt,
        updatedBy: counselor,
        updatedAt: r.updatedAt,
        finalizedAt: r.finalizedAt,
        signedAt: r.signedAt,
      });
      for (const s of r.signatures) rows.signatures.push(signatureRow(s, { reviewId: id }, hash!));
    }
    for (const t of story.triggers) {
      rows.triggers.push({
        planId,
        reason: t.reason,
        sourceId: `episode:${episodeId(seed, participant.key, n)}`,
        raisedAt: t.raisedAt,
        dueOn: t.dueOn,
        satisfiedByReviewId: reviewIds.get(t.reviewNumber) ?? null,
      });
    }
  }
  return rows;
}

type Attended = PlanStoryInput["attendance"][number];

/** Scored questionnaires and attended minutes (groups, individual and family sessions) of these episodes. */
async function loadRecords(
  q: Queryable,
  episodeIds: readonly string[],
  today: string,
): Promise<{ scores: Map<string, StoryScore[]>; attendance: Map<string, Attended[]> }> {
  const scores = new Map<string, StoryScore[]>();
  const attendance = new Map<string, Attended[]>();
  if (episodeIds.length === 0) return { scores, attendance };
  const ids = sql.join(
    episodeIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const responses = await queryRows<{
    id: string;
    episode_id: string;
    instrument_key: string;
    completed_on: string;
    total: number;
    band: string | null;
  }>(
    q,
    sql`select id, episode_id, instrument_key, completed_on::text as completed_on, total, band
        from assessment_responses
        where scored and total is not null and episode_id in (${ids})
        order by episode_id, completed_on, submitted_at`,
  );
  for (const r of responses) {
    const list = scores.get(r.episode_id) ?? [];
    list.push({
      responseId: r.id,
      instrumentKey: r.instrument_key,
      on: r.completed_on,
      total: r.total,
      band: r.band,
    });
    scores.set(r.episode_id, list);
  }
  const attended = await queryRows<{ episode_id: string; on: string; minutes: number }>(
    q,
    sql`select e.id as episode_id, m.occurred_on::text as on, m.minutes_attended as minutes
        from episodes e join attendance_marks m on m.participant_id = e.participant_id
          and m.occurred_on between e.admitted_on and coalesce(e.discharged_on, ${today}::date)
        where e.id in (${ids}) and m.minutes_attended > 0
        union all
        select a.episode_id, a.local_date::text, a.minutes_attended
        from appointments a
        where a.episode_id in (${ids}) and a.minutes_attended > 0
        order by 1, 2`,
  );
  for (const a of attended) {
    const list = attendance.get(a.episode_id) ?? [];
    list.push({ on: a.on, minutes: a.minutes });
    attendance.set(a.episode_id, list);
  }
  return { scores, attendance };
}

function storyInput(
  seed: number,
  chosen: Chosen,
  scores: readonly StoryScore[],
  attendance: readonly Attended[],
): PlanStoryInput {
  const { participant, n, episode } = chosen;
  const id = episodeId(seed, participant.key, n);
  const admission = planAdmission(seed, id, episode.admittedOn);
  const diagnoses = [admission.primaryCode, admission.coOccurringCode].flatMap((code) =>
    code ? [{ code, title: findIcdCode(code)?.title ?? code }] : [],
  );
  return {
    key: `${participant.key}/${n}`,
    admittedOn: episode.admittedOn,
    dischargedOn: episode.dischargedOn,
    dischargeReason: episode.dischargeReason,
    language: participant.preferredLanguage,
    audience: DEMO_TRACKS[episode.track]!.audience,
    trajectory: episode.trajectory,
    diagnoses,
    ratings: admission.ratings,
    scores,
    attendance,
    demoAccount: participant.key === 0,
  };
}

export interface WrittenPlans {
  plans: number;
  versions: number;
  reviews: number;
  signatures: number;
  overdue: number;
}

/**
 * Plan and write the treatment plans, after the questionnaires and the schedule (objectives follow the
 * scores and the hours attended). The
 * program-wide exceptions (overdue and draft reviews) are chosen across all stories first.
 */
export async function writeTreatmentPlans(
  q: Queryable,
  options: { seed: number; scale: DemoScale; today: string; now: Date },
  plan: readonly DemoParticipant[],
  program: ProgramRows,
  progress: (done: number, total: number) => void,
): Promise<WrittenPlans> {
  const { seed, today } = options;
  const library = createTemplateLibrary();
  const context: PlanStoryContext = {
    seed,
    today,
    nowMs: options.now.getTime(),
    templateFor: (key: string, language: PlanLanguage) => library.get(key, language) ?? undefined,
    idFor: (label) => demoUuid(`${seed}/plan-content/${label}`),
  };
  const chosen = episodesWithPlans(plan, options.scale, today);
  const keyOf = (c: Chosen) => `${c.participant.key}/${c.n}`;
  const demoAccountKey = plan[0] ? `${plan[0].key}/${plan[0].episodes.length - 1}` : null;
  const open = chosen.filter((c) => c.episode.dischargedOn === null);
  const newcomers = pickNewcomers(
    open.map((c) => ({ key: keyOf(c), admittedOn: c.episode.admittedOn })),
    today,
    demoAccountKey,
  );
  progress(0, chosen.length);
  const stories: { chosen: Chosen; story: PlanStory }[] = [];
  for (let i = 0; i < chosen.length; i += STEP) {
    const batch = chosen.slice(i, i + STEP);
    const records = await loadRecords(
      q,
      batch.map((c) => episodeId(seed, c.participant.key, c.n)),
      today,
    );
    for (const c of batch) {
      const id = episodeId(seed, c.participant.key, c.n);
      const story = planTreatmentStory(context, {
        ...storyInput(seed, c, records.scores.get(id) ?? [], records.attendance.get(id) ?? []),
        newcomer: newcomers.get(keyOf(c)),
      });
      if (story) stories.push({ chosen: c, story });
    }
  }
  const exceptions = applyReviewExceptions(
    seed,
    stories.map((s) => s.story),
    new Set(open.map(keyOf)),
    today,
    demoAccountKey,
  );

  const participantUsers = new Map<number, string>([[0, program.participantUserId]]);
  const written: WrittenPlans = {
    plans: 0,
    versions: 0,
    reviews: 0,
    signatures: 0,
    overdue: exceptions.overdue.length,
  };
  for (let i = 0; i < stories.length; i += STEP) {
    const rows = buildPlanRows(seed, stories.slice(i, i + STEP), program, participantUsers);
    await demo.insertRows(q, users, rows.users);
    await linkParticipantAccounts(q, rows.links);
    await insertDocument(q, treatmentPlans, rows.plans);
    await insertDocument(q, treatmentPlanVersions, rows.versions);
    await insertDocument(q, treatmentPlanReviews, rows.reviews);
    await insertDocument(q, treatmentPlanSignatures, rows.signatures);
    await insertDocument(q, treatmentPlanReviewTriggers, rows.triggers);
    written.plans += rows.plans.length;
    written.versions += rows.versions.length;
    written.reviews += rows.reviews.length;
    written.signatures += rows.signatures.length;
    progress(Math.min(i + STEP, stories.length), stories.length);
  }
  return written;
}

/** Rows per statement of a document insert. */
const DOCUMENT_ROWS = 1_000;

/**
 * Insert rows as one JSON document per statement, the columns typed from the table's definition:
 * one parameter instead of one per value, which matters with the plans' large jsonb content.
 */
async function insertDocument<T extends PgTable>(
  q: Queryable,
  table: T,
  rows: readonly PgInsertValue<T>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.entries(getTableColumns(table)).filter(([key]) =>
    rows.some((r) => (r as Record<string, unknown>)[key] !== undefined),
  );
  const names = sql.raw(columns.map(([, c]) => `"${c.name}"`).join(", "));
  const types = sql.raw(columns.map(([, c]) => `"${c.name}" ${c.getSQLType()}`).join(", "));
  for (let i = 0; i < rows.length; i += DOCUMENT_ROWS) {
    const document = JSON.stringify(
      rows
        .slice(i, i + DOCUMENT_ROWS)
        .map((r) =>
          Object.fromEntries(
            columns.map(([key, c]) => [c.name, (r as Record<string, unknown>)[key] ?? null]),
          ),
        ),
    );
    await q.execute(
      sql`insert into ${table} (${names}) select ${names} from jsonb_to_recordset(${document}::jsonb) as r(${types})`,
    );
  }
}

/** Link participants to their new accounts, in one statement per step. */
async function linkParticipantAccounts(
  q: Queryable,
  links: readonly { participantId: string; userId: string }[],
): Promise<void> {
  if (links.length === 0) return;
  await q.execute(
    sql`update participants p set user_id = v.user_id
        from (values ${sql.join(
          links.map((l) => sql`(${l.participantId}::uuid, ${l.userId}::uuid)`),
          sql`, `,
        )}) as v (id, user_id)
        where p.id = v.id`,
  );
}
