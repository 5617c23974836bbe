import { ELIGIBILITY_ITEMS } from "../../core/admissions/screening.schema";
import { breakGlassAlertReason, deriveAudience, resolveRecipients } from "../../core/alerts/alerts.rules";
import { planAdmission } from "../../core/demo/admission-history";
import { planAuditHistory } from "../../core/demo/audit-history";
import {
  DEMO_SITES,
  type DemoParticipant,
  type DemoScale,
  planDemoParticipants,
  SCALE_SPECS,
} from "../../core/demo/demo-plan";
import { DEMO_REFERRING_ORGANISATIONS, planDemoPipeline } from "../../core/demo/pipeline-plan";
import { createRandom } from "../../core/demo/random";
import { planTrackCapacities } from "../../core/demo/schedule-plan";
import { findIcdCode } from "../../core/diagnoses/icd10cm";
import { insertBreakGlassGrant } from "../access/access.sql";
import * as alertStore from "../alerts/alerts.sql";
import { appendAuditInputs } from "../audit/audit.service";
import type { DatabaseHandle, Queryable, Transaction } from "../db/connection";
import { refreshPlannerStatistics } from "../db/maintenance";
import {
  admissionLeadEvents,
  admissionLeads,
  diagnoses,
  episodes,
  organisations,
  participants,
  rooms,
  screenings,
  sites,
  staffSites,
  trackEnrollments,
  trackExceptions,
  trackFacilitators,
  tracks,
  userRoles,
  users,
} from "../db/schema";
import { hashPassword } from "../identity/passwords";
import * as demo from "./demo.sql";
import { DEMO_ACCOUNTS, DEMO_EMAIL_DOMAIN, DEMO_PASSWORD } from "./demo-accounts";
import { writeAssessmentHistory } from "./demo-assessments";
import { type ConsentsSummary, writeConsents } from "./demo-consents";
import { writeSessionModules } from "./demo-curriculum";
import { type DischargesSummary, writeDischarges } from "./demo-discharges";
import { demoUuid } from "./demo-ids";
import { writeClinicalNotes } from "./demo-notes";
import { type ParticipantAppSummary, writeParticipantApp } from "./demo-participant-app";
import { writeTreatmentPlans } from "./demo-plans";
import {
  buildCheckInRows,
  buildCheckInWindows,
  buildParticipantRows,
  buildProgramRows,
  staffCount,
} from "./demo-rows";
import { raiseAttendanceAlerts, writeSchedule } from "./demo-schedule";

export class DemoRefusedError extends Error {
  override name = "DemoRefusedError";
}

export const DEMO_PHASES = [
  "program",
  "participants",
  "check-ins",
  "access",
  "assessments",
  "schedule",
  "plans",
  "notes",
  "participant-app",
  "consents",
  "discharges",
] as const;
export type DemoPhase = (typeof DEMO_PHASES)[number];

export interface DemoProgress {
  phase: DemoPhase;
  done: number;
  total: number;
}

export interface DemoOptions {
  seed: number;
  scale: DemoScale;
  now: Date;
  /** Questionnaires the program does not offer (DISABLED_INSTRUMENTS): the demo gives none of them. */
  disabledInstruments?: readonly string[];
  onProgress?: (progress: DemoProgress) => void;
}

export interface DemoSummary {
  staff: number;
  participants: number;
  episodes: number;
  checkIns: number;
  /** Completed questionnaires, and the alerts raised on them. */
  assessments: number;
  assessmentAlerts: number;
  /** Group attendance marks, individual and family sessions, and this week's attendance alerts. */
  attendanceMarks: number;
  appointments: number;
  attendanceAlerts: number;
  /** Group sessions planned with a curriculum module (four weeks back to two ahead). */
  plannedSessions: number;
  /** Treatment plans, their versions and reviews, and the reviews left overdue. */
  plans: number;
  planVersions: number;
  planReviews: number;
  overdueReviews: number;
  /** Clinical notes: group notes and their individualized entries, individual and family notes, SUD counseling notes. */
  groupNotes: number;
  groupNoteEntries: number;
  sessionNotes: number;
  counselingNotes: number;
  /** The participant app: accounts, plans, practice, messages, absence requests, restarts, alerts. */
  app: ParticipantAppSummary;
  /** Consents, family accounts, logged disclosures, §2.22 notices, family threads and their alerts (issue 10). */
  consents: ConsentsSummary;
  /** Discharge details and summaries, aftercare plans, the alumni program and follow-up surveys (issue 11). */
  discharges: DischargesSummary;
}

/** Participants per step: one progress tick, and one statement of check-ins computed in the database. */
const STEP = 1_000;

function steps<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += STEP) out.push(items.slice(i, i + STEP));
  return out;
}

/**
 * The calendar date the demo ends on: today at the demo site furthest west, so that no check-in
 * lies in the future for any site.
 */
function demoToday(now: Date): string {
  return DEMO_SITES.map((s) => now.toLocaleDateString("en-CA", { timeZone: s.timeZone })).sort()[0]!;
}

async function refuseOtherData(q: Queryable): Promise<void> {
  const counts = await demo.countData(q);
  if (counts.otherUsers > 0 || counts.otherOrganisations > 0) {
    throw new DemoRefusedError(
      `This database holds data that is not the demo (${counts.otherUsers} account(s), ${counts.otherOrganisations} organisation(s)); the demo is only generated into an empty database or over a previous demo.`,
    );
  }
}

async function writeDemo(
  q: Queryable,
  options: DemoOptions,
  plan: DemoParticipant[],
  today: string,
): Promise<DemoSummary> {
  const progress = (phase: DemoPhase, done: number, total: number) =>
    options.onProgress?.({ phase, done, total });
  progress("program", 0, 1);
  const program = buildProgramRows(
    today,
    await hashPassword(DEMO_PASSWORD),
    planTrackCapacities(plan, today),
  );
  await demo.insertRows(q, organisations, [program.organisation]);
  await demo.insertRows(q, sites, program.sites);
  await demo.insertRows(q, users, program.users);
  await demo.insertRows(q, userRoles, program.userRoles);
  await demo.insertRows(q, staffSites, program.staffSites);
  await demo.insertRows(q, rooms, program.rooms);
  await demo.insertRows(q, tracks, program.tracks);
  await demo.insertRows(q, trackFacilitators, program.trackFacilitators);
  await demo.insertRows(q, trackExceptions, program.trackExceptions);
  progress("program", 1, 1);

  const summary: DemoSummary = {
    staff: staffCount(program),
    participants: 0,
    episodes: 0,
    checkIns: 0,
    assessments: 0,
    assessmentAlerts: 0,
    attendanceMarks: 0,
    appointments: 0,
    attendanceAlerts: 0,
    plannedSessions: 0,
    plans: 0,
    planVersions: 0,
    planReviews: 0,
    overdueReviews: 0,
    groupNotes: 0,
    groupNoteEntries: 0,
    sessionNotes: 0,
    counselingNotes: 0,
    app: {
      accounts: 0,
      checkInSkills: 0,
      alerts: 0,
      personalPlans: 0,
      planVersions: 0,
      practiceCompletions: 0,
      messageThreads: 0,
      messages: 0,
      absenceRequests: 0,
      sobrietyRestarts: 0,
    },
    consents: {
      consents: 0,
      familyAccounts: 0,
      disclosures: 0,
      noticeDeliveries: 0,
      familyThreads: 0,
      alerts: 0,
    },
    discharges: {
      discharges: 0,
      summaries: 0,
      signedSummaries: 0,
      aftercarePlans: 0,
      aftercareTasks: 0,
      alumni: 0,
      alumniCheckIns: 0,
      alumniEvents: 0,
      rsvps: 0,
      alumniThreads: 0,
      followUps: 0,
      followUpsCompleted: 0,
      alerts: 0,
      reasonChanges: 0,
    },
  };
  for (const batch of steps(plan)) {
    const rows = buildParticipantRows(options.seed, batch, program);
    await demo.insertRows(q, participants, rows.participantRows);
    await demo.insertRows(q, episodes, rows.episodeRows);
    await demo.insertRows(q, trackEnrollments, rows.enrollmentRows);
    summary.participants += rows.participantRows.length;
    summary.episodes += rows.episodeRows.length;
    progress("participants", summary.participants, plan.length);
  }

  let done = 0;
  for (const batch of steps(plan)) {
    if (SCALE_SPECS[options.scale].bulk) {
      const windows = buildCheckInWindows(options.seed, batch, today);
      summary.checkIns += await demo.insertComputedCheckIns(q, options.seed, options.now, windows);
    } else {
      const rows = buildCheckInRows(options.seed, batch, today, options.now.getTime());
      await demo.insertCheckInRows(q, rows);
      summary.checkIns += rows.length;
    }
    done += batch.length;
    progress("check-ins", done, plan.length);
  }

  progress("access", 0, 1);
  await demo.insertCareTeams(q);
  await writeAuditHistory(q, options);
  await writePipeline(
    q,
    options,
    today,
    program.sites.map((s) => s.id!),
  );
  // Benchmark scale skips the per-episode admission history (it would multiply the rows).
  if (!SCALE_SPECS[options.scale].bulk) await writeAdmissionHistory(q, options);
  progress("access", 1, 1);

  // After the care teams: the alerts on the scores are for them.
  const written = await writeAssessmentHistory(
    q,
    {
      seed: options.seed,
      today,
      now: options.now,
      currentOnly: SCALE_SPECS[options.scale].bulk,
      disabledInstruments: options.disabledInstruments ?? [],
    },
    plan,
    program,
    (done, total) => progress("assessments", done, total),
  );
  summary.assessments = written.responses;
  summary.assessmentAlerts = written.alerts;

  const schedule = await writeSchedule(
    q,
    { seed: options.seed, scale: options.scale, today, now: options.now },
    plan,
    program,
    (done, total) => progress("schedule", done, total),
  );
  summary.attendanceMarks = schedule.marks;
  summary.appointments = schedule.appointments;
  summary.plannedSessions = await writeSessionModules(q, { today, now: options.now }, program);

  // After the questionnaires and the schedule: the objectives follow the scores and the hours attended.
  const plans = await writeTreatmentPlans(
    q,
    { seed: options.seed, scale: options.scale, today, now: options.now },
    plan,
    program,
    (done, total) => progress("plans", done, total),
  );
  summary.plans = plans.plans;
  summary.planVersions = plans.versions;
  summary.planReviews = plans.reviews;
  summary.overdueReviews = plans.overdue;

  // After the plans, the schedule and the modules: the notes cite the plans' objectives and the modules taught.
  progress("notes", 0, 1);
  const notes = await writeClinicalNotes(
    q,
    { seed: options.seed, scale: options.scale, today, now: options.now },
    program,
  );
  summary.groupNotes = notes.groupNotes;
  summary.groupNoteEntries = notes.groupEntries;
  summary.sessionNotes = notes.sessionNotes;
  summary.counselingNotes = notes.counselingNotes;
  progress("notes", 1, 1);

  // Last: the app follows the check-ins, the groups attended and the modules taught.
  progress("participant-app", 0, 1);
  summary.app = await writeParticipantApp(q, { seed: options.seed, today, now: options.now }, plan, program);
  progress("participant-app", 1, 1);

  // After the app accounts and the family sessions: consents, the family portal and what rests on them.
  progress("consents", 0, 1);
  summary.consents = await writeConsents(
    q,
    { seed: options.seed, today, now: options.now, currentOnly: SCALE_SPECS[options.scale].bulk },
    plan,
    program,
  );
  progress("consents", 1, 1);

  // Last: the summaries are drafted from the whole record, and the alumni keep the app accounts.
  progress("discharges", 0, 1);
  summary.discharges = await writeDischarges(
    q,
    { seed: options.seed, today, now: options.now, currentOnly: SCALE_SPECS[options.scale].bulk },
    plan,
    program,
  );
  progress("discharges", 1, 1);
  return summary;
}

/** Inquiries and referrals at each site, worked by the site's intake staff. */
async function writePipeline(
  q: Queryable,
  options: DemoOptions,
  today: string,
  siteIds: string[],
): Promise<void> {
  const planned = planDemoPipeline(
    options.seed,
    today,
    siteIds.length,
    SCALE_SPECS[options.scale].bulk ? 40 : 24,
  );
  const owners = await demo.findIntakeOwnersBySite(q, siteIds);
  const random = createRandom(options.seed).fork("pipeline-rows");
  const at = (day: string, minutes: number) => new Date(`${day}T14:00:00Z`).getTime() + minutes * 60_000;
  const leads: (typeof admissionLeads.$inferInsert)[] = [];
  const events: (typeof admissionLeadEvents.$inferInsert)[] = [];
  for (const lead of planned) {
    const id = demoUuid(`${options.seed}/lead/${lead.key}`);
    const owner = lead.owned ? (owners.get(siteIds[lead.site]!) ?? null) : null;
    const times = lead.path.map((p, n) => new Date(at(p.on, 30 * n + random.int(0, 25))));
    const last = lead.path.at(-1)!;
    const code = Array.from({ length: 3 }, () => "ABCDEFGHJKMNPQRSTUVWXYZ23456789"[random.int(0, 30)]).join(
      "",
    );
    leads.push({
      id,
      reference: `BW-${String(lead.key + 1).padStart(3, "0")}${code}`,
      siteId: siteIds[lead.site]!,
      kind: lead.kind,
      stage: last.stage,
      stageChangedAt: times.at(-1)!,
      forWhom: lead.forWhom,
      personName: lead.personName,
      contactName: lead.contactName,
      contactMethod: lead.contactMethod,
      phone: lead.contactMethod === "email" ? "" : `555-01${String(lead.key % 100).padStart(2, "0")}`,
      email: lead.contactMethod === "email" ? `lead${lead.key}@${DEMO_EMAIL_DOMAIN}` : "",
      lookingFor: lead.kind === "inquiry" ? "Information about evening groups and insurance." : "",
      referralSource: lead.referralSource,
      referringOrganisation: lead.referralSource
        ? DEMO_REFERRING_ORGANISATIONS[lead.key % DEMO_REFERRING_ORGANISATIONS.length]!
        : null,
      lastLevelOfCare:
        lead.referralSource === "detox" ? "3.7" : lead.referralSource === "residential" ? "3.5" : null,
      handoffSummary: lead.referralSource
        ? "Completed the prior level of care; stable; ready to step down to IOP."
        : null,
      ownerUserId: owner,
      nextAction: lead.nextAction,
      nextActionDueOn: lead.nextActionDueOn,
      notAdmittedReason: lead.notAdmittedReason,
      referredTo: lead.referredTo,
      createdBy: lead.kind === "referral" ? owner : null,
      createdAt: times[0]!,
    });
    events.push(
      ...lead.path.map((p, n) => ({
        leadId: id,
        fromStage: n === 0 ? null : lead.path[n - 1]!.stage,
        toStage: p.stage,
        note: null,
        actorUserId: n === 0 ? (lead.kind === "referral" ? owner : null) : owner,
        at: times[n]!,
      })),
    );
  }
  await demo.insertRows(q, admissionLeads, leads);
  await demo.insertRows(q, admissionLeadEvents, events);
}

/** Every demo episode began as an inquiry or referral that was screened and admitted. */
async function writeAdmissionHistory(q: Queryable, options: DemoOptions): Promise<void> {
  const episodeRows = await demo.listEpisodesForHistory(q);
  const owners = await demo.findIntakeOwnersBySite(q, [...new Set(episodeRows.map((e) => e.site_id))]);
  const leads: (typeof admissionLeads.$inferInsert)[] = [];
  const events: (typeof admissionLeadEvents.$inferInsert)[] = [];
  const screeningRows: (typeof screenings.$inferInsert)[] = [];
  const diagnosisRows: (typeof diagnoses.$inferInsert)[] = [];
  const at = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, "0")}:00:00Z`);
  episodeRows.forEach((episode, index) => {
    const plan = planAdmission(options.seed, episode.id, episode.admitted_on);
    const leadId = demoUuid(`${options.seed}/admission-lead/${episode.id}`);
    const owner = owners.get(episode.site_id) ?? null;
    const [first, contacted, scheduled, screened] = plan.steps;
    leads.push({
      id: leadId,
      reference: `BW-A${String(index + 1).padStart(5, "0")}`,
      siteId: episode.site_id,
      kind: plan.kind,
      stage: "admitted",
      stageChangedAt: at(episode.admitted_on, 16),
      personName: episode.name,
      contactMethod: "phone",
      phone: `555-02${String(index % 100).padStart(2, "0")}`,
      referralSource: plan.source,
      referringOrganisation: plan.source
        ? DEMO_REFERRING_ORGANISATIONS[index % DEMO_REFERRING_ORGANISATIONS.length]!
        : null,
      ownerUserId: owner,
      participantId: episode.participant_id,
      createdBy: plan.kind === "referral" ? owner : null,
      createdAt: at(first, 14),
    });
    const path: [string | null, string, string][] = [
      [null, "new", first],
      ["new", "contacted", contacted],
      ["contacted", "screening_scheduled", scheduled],
      ["screening_scheduled", "screened", screened],
      ["screened", "admitted", episode.admitted_on],
    ];
    for (const [n, [from, to, day]] of path.entries()) {
      events.push({
        leadId,
        fromStage: from,
        toStage: to,
        note: null,
        actorUserId: n === 0 && plan.kind === "inquiry" ? null : owner,
        at: at(day, 14 + n),
      });
    }
    const highest = Math.max(...plan.ratings);
    screeningRows.push({
      leadId,
      edition: 3,
      eligibility: JSON.stringify(Object.fromEntries(ELIGIBILITY_ITEMS.map((item) => [item, true]))),
      ratings: plan.ratings,
      justifications: plan.ratings.map(() => ""),
      suggestedLevel: "2.1",
      suggestionDrivenBy: plan.ratings.flatMap((r, i) => (r === highest ? [i + 1] : [])),
      recommendedLevel: "2.1",
      providedLevel: episode.level_of_care,
      differenceReason: episode.level_of_care === "2.1" ? null : "other",
      screenedBy: owner,
      screenedAt: at(screened, 17),
    });
    for (const [code, primary] of [
      [plan.primaryCode, true],
      [plan.coOccurringCode, false],
    ] as const) {
      if (!code) continue;
      diagnosisRows.push({
        participantId: episode.participant_id,
        episodeId: episode.id,
        code,
        title: findIcdCode(code)!.title,
        isPrimary: primary,
        recordedBy: episode.primary_counselor_id,
        recordedAt: at(episode.admitted_on, 16),
      });
    }
  });
  await demo.insertRows(q, admissionLeads, leads);
  await demo.insertRows(q, admissionLeadEvents, events);
  await demo.insertRows(q, screenings, screeningRows);
  await demo.insertRows(q, diagnoses, diagnosisRows);
  await demo.linkEpisodesToLeads(
    q,
    episodeRows.map((e) => ({ episodeId: e.id, leadId: demoUuid(`${options.seed}/admission-lead/${e.id}`) })),
  );
}

/** Two weeks of realistic audit events, one break-the-glass grant and its open alert. */
async function writeAuditHistory(q: Queryable, options: DemoOptions): Promise<void> {
  const rows = await demo.loadHistoryRows(q, 400);
  const counselor = DEMO_ACCOUNTS.find((a) => a.roles.includes("counselor"))!;
  const counselorId = (await demo.findUserIdByEmail(q, counselor.email)) ?? undefined;
  const { events, breakGlass } = planAuditHistory({
    seed: options.seed,
    now: options.now,
    days: 14,
    staff: rows.staff.map((s) => ({ id: s.id, roles: s.roles, siteIds: s.site_ids })),
    participants: rows.participants.map((p) => ({
      id: p.id,
      siteId: p.site_id,
      primaryCounselorId: p.primary_counselor_id,
      prescriberId: p.prescriber_id,
    })),
    breakGlassBy: counselorId,
  });
  const write = async (tx: Transaction) => {
    let grantId: string | undefined;
    if (breakGlass) {
      grantId = await insertBreakGlassGrant(tx, breakGlass);
      // Stored as the alerts service stores it; the planned history already records the access itself.
      const audience = deriveAudience("break_the_glass", "warning");
      const alertId = await alertStore.insertAlert(tx, {
        kind: "break_the_glass",
        severity: "warning",
        siteId: breakGlass.siteId,
        participantId: breakGlass.participantId,
        reason: breakGlassAlertReason(counselor.displayName, breakGlass.reason),
        evidenceKind: "break_glass_grant",
        evidenceId: grantId,
        evidenceItem: null,
        audience,
        breakGlassGrantId: grantId,
        createdAt: breakGlass.grantedAt,
      });
      const people = await alertStore.findAudiencePeople(tx, breakGlass.participantId, breakGlass.siteId);
      await alertStore.insertRecipients(
        tx,
        alertId!,
        resolveRecipients({ audience, escalated: false }, people),
        "raised",
        breakGlass.grantedAt,
      );
    }
    await appendAuditInputs(
      tx,
      events.map((e) => ({
        ...e,
        requestId: null,
        details: e.action === "participant.break_glass" && grantId ? { ...e.details, grantId } : e.details,
      })),
    );
  };
  // The audit append needs a transaction: a new one at large scale, a savepoint inside the clinic one.
  await q.transaction(write);
}

/**
 * Generate the demo program into a database that holds nothing but (possibly) an earlier or
 * partial demo, which is replaced. Small and clinic scales are one transaction. The large
 * (benchmark) scale commits step by step; the demo marker is written last, so an interrupted run
 * leaves a partial demo without it, which the next run (or start) clears and generates again.
 */
export async function generateDemo(database: DatabaseHandle, options: DemoOptions): Promise<DemoSummary> {
  const { db } = database;
  const today = demoToday(options.now);
  const plan = planDemoParticipants(options.seed, options.scale, today);
  const marker = JSON.stringify({
    seed: options.seed,
    scale: options.scale,
    generatedAt: options.now.toISOString(),
  });
  let summary: DemoSummary;
  if (SCALE_SPECS[options.scale].bulk) {
    await db.transaction(async (tx) => {
      await refuseOtherData(tx);
      await demo.deleteDemo(tx);
    });
    summary = await writeDemo(db, options, plan, today);
    // This week's attendance alerts are left to the app's hourly sweep (and the benchmarks): in a
    // week with a holiday they are one for nearly everyone on a track that meets that day, each raised
    // in its own transaction — a minute or more at this scale.
    await demo.insertDemoSetting(db, marker);
  } else {
    summary = await db.transaction(async (tx) => {
      await refuseOtherData(tx);
      await demo.deleteDemo(tx);
      const written = await writeDemo(tx, options, plan, today);
      await demo.insertDemoSetting(tx, marker);
      return written;
    });
  }
  // The tables just grew from nothing: plan the first queries with statistics that know it.
  await refreshPlannerStatistics(database, { vacuum: false });
  if (!SCALE_SPECS[options.scale].bulk) {
    // Committed: the sweep reads and raises as the hourly job would (it runs again within the hour).
    summary.attendanceAlerts = await raiseAttendanceAlerts(db, options.now);
  }
  return summary;
}

/**
 * At start-up: generate the demo once (seed 1, clinic scale) into an empty database, or over a
 * partial demo left by an interrupted run. A database with anything else in it is never touched.
 */
export async function ensureDemoProgram(
  database: DatabaseHandle,
  options: { now: Date; print: (line: string) => void; disabledInstruments?: readonly string[] },
): Promise<{ generated: boolean; present: boolean }> {
  if (await demo.findDemoSetting(database.db)) return { generated: false, present: true };
  const counts = await demo.countData(database.db);
  if (counts.otherUsers > 0 || counts.otherOrganisations > 0) return { generated: false, present: false };
  options.print(
    counts.demoUsers > 0 ? "Finishing an interrupted demo generation…" : "Generating the demo program…",
  );
  await generateDemo(database, {
    seed: 1,
    scale: "clinic",
    now: options.now,
    disabledInstruments: options.disabledInstruments,
  });
  return { generated: true, present: true };
}
