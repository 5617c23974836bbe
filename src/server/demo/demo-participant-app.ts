import { Temporal } from "temporal-polyfill";
import { deriveAudience } from "../../core/alerts/alerts.rules";
import { DEMO_SITES, DEMO_TRACKS, type DemoParticipant } from "../../core/demo/demo-plan";
import { expandDemoSessions } from "../../core/demo/demo-sessions";
import {
  type DemoAbsenceReason,
  type PlannedPersonalPlan,
  planAbsence,
  planPractice,
  planRecoveryPlan,
  planSafetyPlan,
  plansFor,
  planThreads,
  restartMessage,
} from "../../core/demo/participant-app-stories";
import { createRandom } from "../../core/demo/random";
import type { PlanContent } from "../../core/personal-plans/personal-plan.rules";
import { addDays } from "../../core/platform/dates";
import { loadShippedCurriculum } from "../curriculum/curriculum-library";
import type { Queryable } from "../db/connection";
import {
  absenceRequests,
  messageReads,
  messages,
  messageThreads,
  personalPlans,
  personalPlanVersions,
  practiceCompletions,
  sobrietyDateChanges,
  users,
} from "../db/schema";
import * as demo from "./demo.sql";
import { type DemoAlert, writeAppAlerts } from "./demo-check-in-alerts";
import { demoUuid } from "./demo-ids";
import * as store from "./demo-participant-app.sql";
import { emailOf } from "./demo-plans";
import { episodeId, type ProgramRows, participantId, siteId, trackId, windowsOf } from "./demo-rows";

/**
 * The demo's participant app (issue 9): app accounts for the current participants, the skills
 * named in check-ins, recovery and safety plans, practice done after groups, message threads with
 * the care team, absence requests, sobriety restarts after lapses, and the alerts recent check-ins
 * raise. Runs last: it follows the check-ins, the schedule and the modules taught.
 */

export interface ParticipantAppSummary {
  accounts: number;
  checkInSkills: number;
  /** Alerts on recent check-ins (and every self-harm answer), and on pending absence requests. */
  alerts: number;
  personalPlans: number;
  planVersions: number;
  practiceCompletions: number;
  messageThreads: number;
  messages: number;
  absenceRequests: number;
  sobrietyRestarts: number;
}

interface Options {
  seed: number;
  today: string;
  now: Date;
}

/** The person the demo is about, with their ids and latest episode. */
interface Person {
  plan: DemoParticipant;
  id: string;
  /** Their app account (current participants; set by writeAccounts). */
  userId: string | null;
  counselorId: string;
  counselorName: string;
  n: number;
  open: boolean;
}

const HOUR = 3_600_000;

/** An instant at a local time in a zone. */
const at = (zone: string, day: string, time: string) =>
  Temporal.PlainDateTime.from(`${day}T${time}`).toZonedDateTime(zone).epochMilliseconds;

function people(seed: number, plan: readonly DemoParticipant[], program: ProgramRows): Person[] {
  const names = new Map(program.users.map((u) => [u.id!, u.displayName]));
  return plan.map((p) => {
    const n = p.episodes.length - 1;
    const counselorId = program.counselorIds[p.site]![p.episodes[n]!.counselor]!;
    const open = p.episodes[n]!.dischargedOn === null;
    return {
      plan: p,
      id: participantId(seed, p.key),
      userId: null,
      counselorId,
      counselorName: names.get(counselorId) ?? "",
      n,
      open,
    };
  });
}

/**
 * Current participants use the app: each has an account (those who signed a treatment plan have one
 * already; no password: the demo signs in as the demo participant only).
 */
async function writeAccounts(q: Queryable, seed: number, current: Person[]): Promise<number> {
  const linked = await store.findParticipantUsers(
    q,
    current.map((p) => p.id),
  );
  const invited = current.filter((p) => !linked.has(p.id));
  for (const p of current) p.userId = linked.get(p.id) ?? demoUuid(`${seed}/participant-user/${p.plan.key}`);
  await demo.insertRows(
    q,
    users,
    invited.map((p) => ({
      id: p.userId!,
      email: emailOf(p.plan.givenName, p.plan.familyName, p.plan.key),
      displayName: `${p.plan.givenName} ${p.plan.familyName}`,
      kind: "participant" as const,
      locale: p.plan.preferredLanguage,
      passwordHash: null,
      createdAt: new Date(`${p.plan.episodes.at(-1)!.admittedOn}T15:00:00Z`),
    })),
  );
  await store.linkParticipantAccounts(
    q,
    invited.map((p) => ({ participantId: p.id, userId: p.userId! })),
  );
  return invited.length;
}

async function writePersonalPlans(q: Queryable, options: Options, current: readonly Person[]) {
  const planRows: (typeof personalPlans.$inferInsert)[] = [];
  const versionRows: (typeof personalPlanVersions.$inferInsert)[] = [];
  const nowMs = options.now.getTime();
  for (const person of current) {
    const episode = person.plan.episodes[person.n]!;
    const fromMs = Date.parse(`${addDays(episode.admittedOn, 3)}T16:00:00Z`);
    if (fromMs > nowMs - 6 * HOUR) continue; // Admitted these last days: the plan is still to be written.
    const choice = plansFor(options.seed, person.plan.key, episode.trajectory);
    const random = createRandom(options.seed).fork(`personal-plan-versions/${person.plan.key}`);
    const context = {
      seed: options.seed,
      participantKey: person.plan.key,
      language: person.plan.preferredLanguage,
      trajectory: episode.trajectory,
      fromMs,
      nowMs,
      counselor: person.counselorName,
      onCallPhone: DEMO_SITES[person.plan.site]!.onCallPhone,
    };
    const planned: PlannedPersonalPlan<PlanContent>[] = [];
    if (choice.recovery) planned.push(planRecoveryPlan(random, context));
    if (choice.safety) planned.push(planSafetyPlan(random, context));
    for (const p of planned) {
      const id = demoUuid(`${options.seed}/personal-plan/${person.plan.key}/${p.kind}`);
      const last = p.versions.at(-1)!;
      planRows.push({
        id,
        participantId: person.id,
        kind: p.kind,
        currentVersion: p.versions.length,
        participantSeenVersion: p.participantSeenVersion,
        staffSeenVersion: p.staffSeenVersion,
        updatedAt: new Date(last.at),
        createdAt: new Date(p.versions[0]!.at),
      });
      p.versions.forEach((v, i) => {
        versionRows.push({
          planId: id,
          version: i + 1,
          content: v.content,
          editedBy: v.editor === "participant" ? person.userId : person.counselorId,
          editorKind: v.editor,
          changedSections: v.changedSections,
          editedAt: new Date(v.at),
        });
      });
    }
  }
  await demo.insertRows(q, personalPlans, planRows);
  await demo.insertRows(q, personalPlanVersions, versionRows);
  return { plans: planRows.length, versions: versionRows.length };
}

/** Practice after attended groups with a module: done a day or two later, often read by a facilitator. */
async function writePractice(
  q: Queryable,
  options: Options,
  everyone: ReadonlyMap<string, Person>,
  program: ProgramRows,
): Promise<number> {
  const nowMs = options.now.getTime();
  const rows: (typeof practiceCompletions.$inferInsert)[] = [];
  for (const mark of await store.listAttendedModules(q, options.today)) {
    const person = everyone.get(mark.participant_id);
    if (!person) continue;
    const random = createRandom(options.seed).fork(`practice/${person.plan.key}/${mark.occurrence_key}`);
    const episode = person.plan.episodes.at(-1)!;
    const done = planPractice(random, person.plan.preferredLanguage, episode.trajectory);
    if (!done) continue;
    const track = DEMO_TRACKS.findIndex((_, i) => trackId(i) === mark.track_id);
    const zone = DEMO_SITES[DEMO_TRACKS[track]!.site]!.timeZone;
    const [day, time] = mark.occurrence_key.split("T") as [string, string];
    const completedMs = at(zone, day, time) + done.afterHours * HOUR;
    if (completedMs > nowMs) continue;
    const readMs = done.readAfterHours === null ? null : completedMs + done.readAfterHours * HOUR;
    const reader = program.trackFacilitators.find((f) => f.trackId === mark.track_id)?.userId ?? null;
    const read = readMs !== null && readMs <= nowMs && reader !== null;
    rows.push({
      id: demoUuid(`${options.seed}/practice/${person.plan.key}/${mark.track_id}/${mark.occurrence_key}`),
      participantId: person.id,
      trackId: mark.track_id,
      occurrenceKey: mark.occurrence_key,
      moduleKey: mark.module_key,
      reflection: done.reflection,
      completedAt: new Date(completedMs),
      readAt: read ? new Date(readMs!) : null,
      readBy: read ? reader : null,
    });
  }
  await demo.insertRows(q, practiceCompletions, rows);
  return rows.length;
}

/** A few threads per current participant with their primary counselor, in the participant's language. */
async function writeMessages(q: Queryable, options: Options, current: readonly Person[]) {
  const nowMs = options.now.getTime();
  const threadRows: (typeof messageThreads.$inferInsert)[] = [];
  const messageRows: (typeof messages.$inferInsert)[] = [];
  const readRows: (typeof messageReads.$inferInsert)[] = [];
  for (const person of current) {
    const episode = person.plan.episodes[person.n]!;
    const fromMs = Date.parse(`${addDays(episode.admittedOn, 1)}T14:00:00Z`);
    if (fromMs > nowMs - 2 * HOUR) continue;
    const random = createRandom(options.seed).fork(`messages/${person.plan.key}`);
    const threads = planThreads(random, person.plan.preferredLanguage, episode.trajectory, fromMs, nowMs);
    for (const thread of threads) {
      const id = demoUuid(`${options.seed}/thread/${person.plan.key}/${thread.key}`);
      const author = (by: "participant" | "staff") =>
        by === "participant" ? person.userId! : person.counselorId;
      threadRows.push({
        id,
        participantId: person.id,
        siteId: siteId(person.plan.site),
        subject: thread.subject,
        createdBy: author(thread.messages[0]!.by),
        createdAt: new Date(thread.messages[0]!.at),
        lastMessageAt: new Date(thread.messages.at(-1)!.at),
      });
      thread.messages.forEach((m, i) => {
        messageRows.push({
          threadId: id,
          authorId: author(m.by),
          authorKind: m.by,
          body: m.text,
          idempotencyKey: demoUuid(`${options.seed}/message/${person.plan.key}/${thread.key}/${i}`),
          createdAt: new Date(m.at),
        });
      });
      for (const [userId, readAt] of [
        [person.userId!, thread.participantReadAt],
        [person.counselorId, thread.staffReadAt],
      ] as const) {
        if (readAt !== null) readRows.push({ threadId: id, userId, lastReadAt: new Date(readAt) });
      }
    }
  }
  await demo.insertRows(q, messageThreads, threadRows);
  await demo.insertRows(q, messages, messageRows);
  await demo.insertRows(q, messageReads, readRows);
  return { threads: threadRows.length, messages: messageRows.length };
}

const REASON_WORDS: Record<DemoAbsenceReason, string> = {
  illness: "illness",
  work: "work",
  family: "family",
  transport: "transport",
  appointment: "another appointment",
};

/** The info alert a request raises for the primary counselor, worded as the live service words it. */
function absenceAlert(
  seed: number,
  person: Person,
  requestId: string,
  track: string,
  on: string,
  reason: DemoAbsenceReason,
): Omit<DemoAlert, "createdAt"> {
  const trackName = DEMO_TRACKS.find((_, i) => trackId(i) === track)!.name;
  return {
    id: demoUuid(`${seed}/absence-alert/${requestId}`),
    kind: "absence_request",
    severity: "info",
    siteId: siteId(person.plan.site),
    participantId: person.id,
    reason: `Asks to be excused from ${trackName} on ${on} (${REASON_WORDS[reason]}).`,
    evidenceKind: "absence_request",
    evidenceId: requestId,
    evidenceItem: on,
    audience: [...deriveAudience("absence_request", "info")],
  };
}

/**
 * Requests to be excused (each with the alert it raised, resolved by the decision): approved ones behind the excused absences of the last weeks, a declined
 * one now and then (they came, or missed it unexcused), and a few pending for the coming week.
 */
async function writeAbsenceRequests(q: Queryable, options: Options, current: readonly Person[]) {
  const nowMs = options.now.getTime();
  const marks = await store.listMarks(
    q,
    current.map((p) => p.id),
  );
  const byPerson = new Map<string, store.MarkRow[]>();
  for (const m of marks) byPerson.set(m.participant_id, [...(byPerson.get(m.participant_id) ?? []), m]);
  const rows: (typeof absenceRequests.$inferInsert)[] = [];
  const alertRows: DemoAlert[] = [];
  for (const person of current) {
    const random = createRandom(options.seed).fork(`absences/${person.plan.key}`);
    const language = person.plan.preferredLanguage;
    const episode = person.plan.episodes[person.n]!;
    const zone = DEMO_SITES[person.plan.site]!.timeZone;
    const own = byPerson.get(person.id) ?? [];
    const excused = own.filter((m) => m.status === "absent_excused").slice(-2);
    const declined = own.filter((m) => m.status === "absent_unexcused" || m.status === "present").slice(-6);
    const past = [
      ...excused.map((m) => ({ mark: m, status: "approved" as const })),
      ...(declined.length > 0 && random.chance(0.2)
        ? [{ mark: random.pick(declined), status: "declined" as const }]
        : []),
    ];
    for (const { mark, status } of past) {
      const planned = planAbsence(random, language);
      const requestedMs = Math.max(
        at(zone, addDays(mark.occurred_on, -planned.daysAhead), "12:00"),
        at(zone, episode.admittedOn, "12:00"),
      );
      const decidedAt = new Date(Math.min(requestedMs + 3 * HOUR, nowMs));
      const id = demoUuid(`${options.seed}/absence/${person.plan.key}/${mark.occurrence_key}`);
      rows.push({
        id,
        participantId: person.id,
        siteId: siteId(person.plan.site),
        trackId: mark.track_id,
        occurrenceKey: mark.occurrence_key,
        occursOn: mark.occurred_on,
        reason: planned.reason,
        note: planned.note,
        status,
        requestedAt: new Date(requestedMs),
        decidedBy: person.counselorId,
        decidedAt,
        decisionNote: status === "declined" ? planned.declineNote : "",
      });
      alertRows.push({
        ...absenceAlert(options.seed, person, id, mark.track_id, mark.occurred_on, planned.reason),
        createdAt: new Date(requestedMs),
        state: "resolved",
        acknowledgedAt: decidedAt,
        acknowledgedBy: person.counselorId,
        resolvedAt: decidedAt,
        resolvedBy: person.counselorId,
        resolutionNote: `Request ${status}.`,
      });
    }
    if (!random.chance(0.2)) continue;
    const track = episode.track;
    const upcoming = expandDemoSessions(
      track,
      options.today,
      addDays(options.today, 1),
      addDays(options.today, 7),
    );
    if (upcoming.length === 0) continue;
    const session = random.pick(upcoming);
    const planned = planAbsence(random, language);
    const requestedAt = new Date(nowMs - random.int(1, 30) * HOUR);
    const id = demoUuid(`${options.seed}/absence/${person.plan.key}/${session.key}`);
    rows.push({
      id,
      participantId: person.id,
      siteId: siteId(person.plan.site),
      trackId: trackId(track),
      occurrenceKey: session.key,
      occursOn: session.date,
      reason: planned.reason,
      note: planned.note,
      status: "pending",
      requestedAt,
    });
    alertRows.push({
      ...absenceAlert(options.seed, person, id, trackId(track), session.date, planned.reason),
      createdAt: requestedAt,
    });
  }
  await demo.insertRows(q, absenceRequests, rows);
  return { requests: rows.length, alerts: alertRows };
}

/**
 * After the lapse of a lapse-and-return episode, the counter restarts the day after the last day
 * with use (if that day has come): the participant restarts it themselves, or the counselor does
 * with them; the sobriety date follows.
 */
async function writeSobrietyRestarts(q: Queryable, options: Options, everyone: readonly Person[]) {
  const lapses = everyone.flatMap((person) => {
    const episode = person.plan.episodes[person.n]!;
    if (episode.trajectory !== "lapse_and_return") return [];
    const { lapseDay } = windowsOf(options.seed, person.plan, options.today)[person.n]!.shape;
    const from = addDays(episode.admittedOn, lapseDay);
    return [
      { person, episodeId: episodeId(options.seed, person.plan.key, person.n), from, to: addDays(from, 1) },
    ];
  });
  const lastUse = await store.findLastUseDays(q, lapses);
  const rows: (typeof sobrietyDateChanges.$inferInsert)[] = [];
  const restarts: { participantId: string; toOn: string }[] = [];
  for (const lapse of lapses) {
    const used = lastUse.get(lapse.episodeId);
    if (!used || used >= options.today) continue;
    const { person } = lapse;
    const toOn = addDays(used, 1);
    const random = createRandom(options.seed).fork(`restart/${person.plan.key}`);
    const byParticipant = person.userId !== null && random.chance(0.6);
    const zone = DEMO_SITES[person.plan.site]!.timeZone;
    rows.push({
      participantId: person.id,
      fromOn: person.plan.sobrietyOn,
      toOn,
      changedBy: byParticipant ? person.userId : person.counselorId,
      changedAt: new Date(Math.min(at(zone, toOn, byParticipant ? "09:30" : "16:00"), options.now.getTime())),
      restart: true,
      message: restartMessage(random, person.plan.preferredLanguage),
    });
    restarts.push({ participantId: person.id, toOn });
  }
  await demo.insertRows(q, sobrietyDateChanges, rows);
  await store.applySobrietyRestarts(q, restarts);
  return rows.length;
}

export async function writeParticipantApp(
  q: Queryable,
  options: Options,
  plan: readonly DemoParticipant[],
  program: ProgramRows,
): Promise<ParticipantAppSummary> {
  const everyone = people(options.seed, plan, program);
  const current = everyone.filter((p) => p.open);
  const accounts = await writeAccounts(q, options.seed, current);
  const moduleSkills = Object.fromEntries(
    loadShippedCurriculum()
      .list()
      .map((m) => [m.key, m.skills.map((s) => s.key)]),
  );
  const checkInSkills = await store.fillCheckInSkills(
    q,
    options.seed,
    addDays(options.today, -35),
    moduleSkills,
  );
  const plans = await writePersonalPlans(q, options, current);
  const practice = await writePractice(q, options, new Map(everyone.map((p) => [p.id, p])), program);
  const threads = await writeMessages(q, options, current);
  const absences = await writeAbsenceRequests(q, options, current);
  const sobrietyRestarts = await writeSobrietyRestarts(q, options, everyone);
  const alertCount = await writeAppAlerts(q, options, absences.alerts);
  return {
    accounts,
    checkInSkills,
    alerts: alertCount,
    personalPlans: plans.plans,
    planVersions: plans.versions,
    practiceCompletions: practice,
    messageThreads: threads.threads,
    messages: threads.messages,
    absenceRequests: absences.requests,
    sobrietyRestarts,
  };
}
