import { Temporal } from "temporal-polyfill";
import type { AftercarePlanContent } from "../aftercare/aftercare-plan.schema";
import {
  deriveReengagement as deriveCheckInReengagement,
  describeReengagement,
} from "../alumni/alumni.rules";
import {
  deriveReengagement as deriveFollowUpReengagement,
  planFollowUps,
} from "../follow-ups/follow-up.rules";
import type { FollowUpAnswers, FollowUpWave } from "../follow-ups/follow-up.schema";
import { DISCHARGE_REASONS, type DischargeReason } from "../participants/episodes.schema";
import { addDays, daysBetween } from "../platform/dates";
import { isoWeekdayOf } from "../schedule/recurrence.rules";
import type { Trajectory } from "./check-in-trajectories";
import {
  AFTERCARE_GOALS,
  ALUMNI_CHECK_IN_NOTES,
  ALUMNI_EVENTS,
  ALUMNI_THREADS,
  DEMO_MEETINGS,
  DEMO_PRESCRIBERS,
  DEMO_RESOURCES,
  DEMO_SOBER_LIVING,
  DEMO_STEP_DOWN_PROVIDERS,
  DEMO_TRANSFER_PROVIDERS,
  type DemoLanguage,
  DISCHARGE_NOTES,
  OTHER_DISCHARGE_NOTES,
} from "./demo-discharges-phrases";
import { FAMILY_NAMES_EN, GIVEN_NAMES_EN } from "./names";
import { createRandom, hashUnit, type Random } from "./random";

/**
 * The demo's discharges, aftercare and alumni program (issue 11), as table rows: each discharge's
 * details (levels of care, who recorded it, a note for `other`), every discharge reason present,
 * discharge summaries to sign or signed, aftercare plans and the tasks to confirm the first appointment,
 * alumni memberships (some opted out, some re-admitted), weekly alumni check-ins that fade as months
 * pass, alumni events with replies, alumni coordinator threads, and follow-up surveys at 30, 90 and 180
 * days answered at realistic rates. Pure: ids, hashes, the clock and the people are parameters; rows keep
 * the tables' own (snake_case) column names.
 */

type Row = Record<string, unknown>;

export interface DischargeEpisodeInput {
  id: string;
  track: number;
  admittedOn: string;
  dischargedOn: string | null;
  reason: DischargeReason | null;
  trajectory: Trajectory;
  counselorId: string;
  /** ICD-10-CM code of the primary diagnosis (the medication a plan carries follows it). */
  primaryCode: string;
}

export interface DischargePersonInput {
  key: number;
  id: string;
  site: number;
  givenName: string;
  familyName: string;
  language: DemoLanguage;
  adolescent: boolean;
  /** Their app account, when they have one already (current participants). */
  userId: string | null;
  /** Oldest first; at most the last one is open. */
  episodes: readonly DischargeEpisodeInput[];
}

export interface DischargeSiteInput {
  id: string;
  timeZone: string;
  /** The staff member who coordinates the site's alumni program (has `alumni.manage`). */
  coordinatorId: string;
}

export interface DemoDischargesInput {
  seed: number;
  today: string;
  nowMs: number;
  emailDomain: string;
  sites: readonly DischargeSiteInput[];
  people: readonly DischargePersonInput[];
  /** Discharge summaries only for discharges on or after this day (the benchmark scale keeps recent ones). */
  summariesFrom: string;
  id(name: string): string;
  hash(text: string): string;
  /** Answer and score a follow-up's questionnaire (the server uses the registry): its total and PHQ-9 item 9. */
  score(response: PlannedFollowUpResponse): { total: number | null; item9: number | null };
}

/** A PHQ-9 or GAD-7 the follow-up's respondent answered (the server answers and scores it). */
export interface PlannedFollowUpResponse {
  id: string;
  instrumentKey: "phq9" | "gad7";
  participantId: string;
  episodeId: string;
  siteId: string;
  on: string;
  submittedAt: string;
  language: DemoLanguage;
  userId: string | null;
  /** The person reports use again: their scores lean worse. */
  worse: boolean;
}

export interface PlannedSummary {
  episodeId: string;
  participantId: string;
  siteId: string;
  status: "draft" | "signed";
  generatedAt: string;
  updatedAt: string;
  updatedBy: string;
  signedBy: string | null;
  signedAt: string | null;
  version: number;
}

export interface PlannedDischargeAlert {
  id: string;
  kind: "alumni_reengagement" | "aftercare_appointment_unconfirmed";
  severity: "warning" | "urgent";
  state: "open" | "resolved";
  siteId: string;
  participantId: string;
  reason: string;
  evidenceKind: "follow_up_survey" | "alumni_check_in" | "aftercare_task";
  evidenceId: string;
  evidenceItem: string;
  createdAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  resolutionNote: string | null;
}

export const DEMO_DISCHARGE_TABLES = [
  "users",
  "aftercare_plans",
  "aftercare_tasks",
  "alumni_memberships",
  "alumni_check_ins",
  "alumni_events",
  "alumni_event_rsvps",
  "message_threads",
  "messages",
  "message_reads",
] as const;
export type DemoDischargeTable = (typeof DEMO_DISCHARGE_TABLES)[number];

export interface DemoDischargesPlan {
  rows: Record<DemoDischargeTable, Row[]>;
  /** Inserted after the responses they link to. */
  surveys: Row[];
  episodeUpdates: Row[];
  participantUpdates: Row[];
  summaries: PlannedSummary[];
  responses: PlannedFollowUpResponse[];
  alerts: PlannedDischargeAlert[];
  /** Discharge reasons changed so that every reason is present (episode id → reason). */
  reasonChanges: { episodeId: string; from: DischargeReason; to: DischargeReason }[];
}

/** The share of past-due follow-ups answered, by wave (the range the demo keeps to). */
export const FOLLOW_UP_RESPONSE_RANGES: Record<FollowUpWave, readonly [number, number]> = {
  30: [0.55, 0.6],
  90: [0.4, 0.45],
  180: [0.3, 0.35],
};

/** Reasons an episode's discharge may take instead, to make every reason present (attendance stays consistent). */
const REASSIGNABLE: Record<
  DischargeReason,
  { from: readonly DischargeReason[]; trajectories: readonly Trajectory[] }
> = {
  died: { from: ["left_against_advice", "administrative", "other"], trajectories: ["fading", "struggling"] },
  incarcerated: {
    from: ["left_against_advice", "administrative", "other"],
    trajectories: ["fading", "struggling"],
  },
  administrative: { from: ["left_against_advice", "other"], trajectories: ["fading", "struggling"] },
  transferred: {
    from: ["left_against_advice", "administrative", "other"],
    trajectories: ["struggling", "fading"],
  },
  other: {
    from: ["left_against_advice", "administrative"],
    trajectories: ["fading", "steady", "struggling"],
  },
  left_against_advice: { from: ["administrative", "other"], trajectories: ["fading", "struggling"] },
  completed: { from: ["other"], trajectories: ["steady", "improving"] },
};

/**
 * The smallest completed count whose share of `n` lies in [low, high], nearest the middle; when no
 * whole count does (few waves), the nearest to the middle.
 */
export function responseQuota(n: number, [low, high]: readonly [number, number]): number {
  const mid = (low + high) / 2;
  let best = Math.round(mid * n);
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let k = 0; k <= n; k++) {
    const share = k / n;
    if (share >= low - 1e-9 && share <= high + 1e-9 && Math.abs(share - mid) < bestDistance) {
      best = k;
      bestDistance = Math.abs(share - mid);
    }
  }
  return best;
}

const mondayOf = (day: string) => addDays(day, 1 - isoWeekdayOf(day));
const slug = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[^A-Za-z]/g, "")
    .toLowerCase();

export function planDemoDischarges(input: DemoDischargesInput): DemoDischargesPlan {
  const { seed, today, nowMs, id } = input;
  const random = createRandom(seed).fork("discharges");
  const plan: DemoDischargesPlan = {
    rows: Object.fromEntries(DEMO_DISCHARGE_TABLES.map((t) => [t, []])) as unknown as Record<
      DemoDischargeTable,
      Row[]
    >,
    surveys: [],
    episodeUpdates: [],
    participantUpdates: [],
    summaries: [],
    responses: [],
    alerts: [],
    reasonChanges: [],
  };
  const zone = (p: DischargePersonInput) => input.sites[p.site]!.timeZone;
  const site = (p: DischargePersonInput) => input.sites[p.site]!;
  /** An instant at a local time of day, never later than a minute before now. */
  const at = (p: DischargePersonInput, day: string, minutes: number) =>
    Math.min(
      Temporal.PlainDate.from(day).toZonedDateTime({ timeZone: zone(p) }).epochMilliseconds +
        minutes * 60_000,
      nowMs - 60_000,
    );
  const iso = (ms: number) => new Date(ms).toISOString();

  // 1. Every discharge reason present: a missing one replaces a compatible reason that occurs more than once.
  const reasons = new Map<string, DischargeReason>();
  for (const p of input.people) for (const e of p.episodes) if (e.reason) reasons.set(e.id, e.reason);
  const count = (r: DischargeReason) => [...reasons.values()].filter((x) => x === r).length;
  for (const missing of DISCHARGE_REASONS) {
    if (count(missing) > 0) continue;
    const rule = REASSIGNABLE[missing];
    const candidates = input.people.flatMap((p) =>
      p.episodes.flatMap((e, n) => {
        const current = reasons.get(e.id);
        if (!current || !rule.from.includes(current) || count(current) < 2) return [];
        if (!rule.trajectories.includes(e.trajectory)) return [];
        // A death ends the person's last episode, never the demo account's, never an adolescent's.
        if (missing === "died" && (n !== p.episodes.length - 1 || p.key === 0 || p.adolescent)) return [];
        return [e];
      }),
    );
    if (candidates.length === 0) continue;
    const chosen = candidates[Math.floor(hashUnit(seed, `reason/${missing}`) * candidates.length)]!;
    plan.reasonChanges.push({ episodeId: chosen.id, from: reasons.get(chosen.id)!, to: missing });
    reasons.set(chosen.id, missing);
  }

  const sentOrDue: {
    survey: Row;
    person: DischargePersonInput;
    episode: DischargeEpisodeInput;
    wave: FollowUpWave;
    reason: DischargeReason;
  }[] = [];
  const checkInAlertsFor: { person: DischargePersonInput; row: Row; counselorId: string; used: boolean }[] =
    [];

  for (const p of input.people) {
    const r = random.fork(`person/${p.key}`);
    const name = `${p.givenName} ${p.familyName}`;
    const last = p.episodes.at(-1)!;
    // Episodes: the link to the earlier one, and each discharge's details.
    p.episodes.forEach((e, n) => {
      const reason = reasons.get(e.id) ?? null;
      const previous = n > 0 ? p.episodes[n - 1]!.id : null;
      if (!e.dischargedOn || !reason) {
        if (previous) plan.episodeUpdates.push(episodeUpdate(e.id, null, { previous_episode_id: previous }));
        return;
      }
      const transfer = DEMO_TRANSFER_PROVIDERS[r.int(0, DEMO_TRANSFER_PROVIDERS.length - 1)]!;
      const referred =
        reason === "completed"
          ? r.chance(0.9)
            ? "1.0"
            : null
          : reason === "transferred"
            ? transfer.level
            : null;
      const note =
        reason === "other"
          ? r.pick(OTHER_DISCHARGE_NOTES)
          : DISCHARGE_NOTES[reason]
            ? r.pick(DISCHARGE_NOTES[reason]!)
            : null;
      plan.episodeUpdates.push(
        episodeUpdate(e.id, reason, {
          previous_episode_id: previous,
          discharge_level_of_care: "2.1",
          referred_level_of_care: referred,
          discharge_note: note,
          discharged_by: e.counselorId,
          discharge_recorded_at: iso(at(p, e.dischargedOn, 16 * 60 + 30 + r.int(0, 90))),
        }),
      );
      // Discharge summary: signed for most completions and transfers, drafts for recent ones.
      if (e.dischargedOn >= input.summariesFrom) {
        const age = daysBetween(e.dischargedOn, today);
        const central = reason === "completed" || reason === "transferred";
        const signed = age > 10 ? r.chance(central ? 0.95 : 0.6) : age > 3 && r.chance(0.35);
        if (signed || age <= 10 || r.chance(0.2)) {
          const generated = at(p, e.dischargedOn, 15 * 60 + r.int(0, 90));
          const signedAt = signed
            ? at(p, addDays(e.dischargedOn, r.int(1, Math.min(5, age))), 11 * 60 + r.int(0, 300))
            : null;
          plan.summaries.push({
            episodeId: e.id,
            participantId: p.id,
            siteId: site(p).id,
            status: signed ? "signed" : "draft",
            generatedAt: iso(generated),
            updatedAt: iso(signedAt ?? generated + r.int(5, 60) * 60_000),
            updatedBy: e.counselorId,
            signedBy: signed ? e.counselorId : null,
            signedAt: signedAt === null ? null : iso(signedAt),
            version: signed ? r.int(1, 3) : 1,
          });
        }
      }
      planAftercare(p, e, reason, r, transfer);
    });
    // A current participant near the end of their track: a draft aftercare plan.
    if (!last.dischargedOn && daysBetween(last.admittedOn, today) >= 56 && r.chance(0.7))
      planAftercare(p, last, null, r, DEMO_TRANSFER_PROVIDERS[0]);

    // Alumni: the latest discharge, unless the person died.
    const dischargedEpisodes = p.episodes.filter((e) => e.dischargedOn);
    const latest = dischargedEpisodes.at(-1);
    if (!latest) continue;
    const latestReason = reasons.get(latest.id)!;
    if (latestReason === "died") continue;
    const readmittedOn = last.dischargedOn ? null : last.admittedOn;
    const completed = latestReason === "completed";
    const optOut = readmittedOn === null && r.chance(0.12);
    const optOutDay = optOut ? addDays(latest.dischargedOn!, r.int(10, 120)) : null;
    const optedOut = optOutDay !== null && optOutDay < today;
    const optOutSource = optedOut ? (r.chance(0.6) ? "app" : "email_link") : null;
    const followUpOptOutDay = r.chance(0.06) ? addDays(latest.dischargedOn!, r.int(20, 110)) : null;
    const followUpsOptedOut = followUpOptOutDay !== null && followUpOptOutDay < today;
    const hasApp = p.userId !== null || optOutSource === "app" || r.chance(completed ? 0.8 : 0.5);
    let userId = p.userId;
    const email = `${slug(p.givenName)}.${slug(p.familyName)}.a${p.key}@${input.emailDomain}`;
    const noEmail = p.userId === null && optOutSource !== "email_link" && r.chance(0.05);
    if (hasApp && userId === null) {
      userId = id(`alumni-user/${p.key}`);
      plan.rows.users.push({
        id: userId,
        email,
        display_name: name,
        kind: "participant",
        locale: p.language,
        password_hash: null,
        created_at: iso(at(p, latest.dischargedOn!, 17 * 60)),
      });
    }
    plan.participantUpdates.push({ id: p.id, email: noEmail ? "" : email, user_id: userId });
    const membershipUpdated = readmittedOn
      ? at(p, readmittedOn, 9 * 60)
      : optedOut
        ? at(p, optOutDay!, 20 * 60)
        : at(p, latest.dischargedOn!, 17 * 60);
    plan.rows.alumni_memberships.push({
      participant_id: p.id,
      site_id: site(p).id,
      episode_id: latest.id,
      joined_on: latest.dischargedOn,
      status: readmittedOn ? "readmitted" : optedOut ? "opted_out" : "active",
      opted_out_at: optedOut ? iso(at(p, optOutDay!, 20 * 60)) : null,
      opt_out_source: optOutSource,
      follow_ups_opted_out_at: followUpsOptedOut ? iso(at(p, followUpOptOutDay!, 21 * 60)) : null,
      updated_at: iso(
        Math.max(membershipUpdated, followUpsOptedOut ? at(p, followUpOptOutDay!, 21 * 60) : 0),
      ),
    });

    // Follow-up surveys for every discharge but a death.
    for (const e of dischargedEpisodes) {
      const reason = reasons.get(e.id)!;
      if (reason === "died") continue;
      const next = p.episodes[p.episodes.indexOf(e) + 1];
      for (const { wave, dueOn, closesOn } of planFollowUps(e.dischargedOn!, reason)) {
        const survey: Row = {
          id: id(`follow-up/${e.id}/${wave}`),
          participant_id: p.id,
          episode_id: e.id,
          site_id: site(p).id,
          wave,
          due_on: dueOn,
          closes_on: closesOn,
          status: "scheduled",
          token_hash: null,
          language: p.language,
          sent_at: null,
          reminders_sent: 0,
          last_reminder_at: null,
          completed_at: null,
          answers: null,
          phq9_response_id: null,
          gad7_response_id: null,
          findings: [],
          cancelled_reason: null,
          created_at: iso(at(p, e.dischargedOn!, 16 * 60 + 45)),
        };
        const cancel = (why: string) => Object.assign(survey, { status: "cancelled", cancelled_reason: why });
        if (next && next.admittedOn <= dueOn) cancel("readmitted");
        else if (e === latest && followUpsOptedOut && followUpOptOutDay! <= dueOn) cancel("opted_out");
        else if (noEmail) cancel("no_email");
        else if (dueOn <= today) sentOrDue.push({ survey, person: p, episode: e, wave, reason });
        plan.surveys.push(survey);
      }
    }

    // Weekly alumni check-ins in the app, fading as the months pass.
    if (!userId || !hasApp) continue;
    const end = [today, optedOut ? optOutDay! : null, readmittedOn ? addDays(readmittedOn, -1) : null]
      .filter((d): d is string => d !== null)
      .sort()[0]!;
    const start = r.chance(completed ? 0.85 : 0.55) ? addDays(mondayOf(latest.dischargedOn!), 7) : null;
    const halfLife = r.int(4, 20);
    const useChance = completed ? 0.05 : 0.14;
    for (let week = start; week !== null && week <= end; week = addDays(week, 7)) {
      const weeks = daysBetween(latest.dischargedOn!, week) / 7;
      if (!r.chance(0.85 * 0.5 ** (weeks / halfLife))) continue;
      const day = addDays(week, r.int(0, 6));
      if (day > end) continue;
      const used = r.chance(useChance);
      const row: Row = {
        id: id(`alumni-check-in/${p.key}/${week}`),
        participant_id: p.id,
        site_id: site(p).id,
        week_of: week,
        used_since_last: used,
        craving: used ? r.int(4, 8) : r.int(0, 4),
        mood: used ? r.int(1, 3) : r.int(3, 5),
        meetings_attended: r.int(0, used ? 1 : 4),
        wants_contact: r.chance(used ? 0.35 : 0.02),
        note: r.pick(ALUMNI_CHECK_IN_NOTES[p.language]),
        idempotency_key: id(`alumni-check-in/${p.key}/${week}/key`),
        recorded_at: iso(at(p, day, 19 * 60 + r.int(0, 120))),
      };
      plan.rows.alumni_check_ins.push(row);
      checkInAlertsFor.push({ person: p, row, counselorId: latest.counselorId, used });
    }
  }

  planFollowUpResponses();
  planCheckInAlerts();
  planEvents();
  planThreads();
  return plan;

  function episodeUpdate(episodeId: string, reason: DischargeReason | null, values: Row): Row {
    return {
      id: episodeId,
      discharge_reason: reason,
      previous_episode_id: null,
      discharge_level_of_care: null,
      referred_level_of_care: null,
      discharge_note: null,
      discharged_by: null,
      discharge_recorded_at: null,
      ...values,
    };
  }

  function planAftercare(
    p: DischargePersonInput,
    e: DischargeEpisodeInput,
    reason: DischargeReason | null,
    r: Random,
    transfer: (typeof DEMO_TRANSFER_PROVIDERS)[number],
  ): void {
    const open = reason === null;
    const signed = reason === "completed" ? r.chance(0.92) : reason === "transferred" ? r.chance(0.8) : false;
    const draft = open || (!signed && (reason === "completed" || reason === "transferred" || r.chance(0.2)));
    if (!signed && !draft) return;
    const anchor = e.dischargedOn ?? today;
    const providers = DEMO_STEP_DOWN_PROVIDERS[p.site]!;
    const provider = r.chance(0.65) ? providers[0]! : r.pick(providers);
    const appointmentOn = addDays(anchor, r.int(3, 10));
    const stepDown: AftercarePlanContent["stepDown"] =
      reason === "transferred"
        ? {
            kind: "other_provider",
            levelOfCare: transfer.level,
            providerName: transfer.name,
            clinicianName: "Admissions",
            address: transfer.address,
            phone: transfer.phone,
            appointmentOn: e.dischargedOn,
            appointmentTime: "09:00",
            confirmed: true,
          }
        : r.chance(0.92)
          ? {
              kind: provider.here ? "outpatient_here" : "other_provider",
              levelOfCare: "1.0",
              providerName: provider.name,
              clinicianName: provider.clinician,
              address: provider.address,
              phone: provider.phone,
              appointmentOn: open && r.chance(0.4) ? null : appointmentOn,
              appointmentTime: r.pick(["10:00", "13:30", "17:30"]),
              confirmed: r.chance(open ? 0.3 : 0.85),
            }
          : null;
    const opioid = e.primaryCode.startsWith("F11");
    const alcohol = e.primaryCode.startsWith("F10");
    const prescriber = r.pick(DEMO_PRESCRIBERS);
    const sponsorName = `${r.pick(GIVEN_NAMES_EN)} ${r.pick(FAMILY_NAMES_EN).charAt(0)}.`;
    const content: AftercarePlanContent = {
      stepDown,
      meetings: p.adolescent
        ? [DEMO_MEETINGS.find((m) => m.kind === "smart")!]
        : Array.from(new Set(Array.from({ length: r.int(1, 3) }, () => r.pick(DEMO_MEETINGS)))),
      housing: p.adolescent
        ? { kind: "with_family_or_friends", name: "", address: "", notes: "Lives with a parent." }
        : r.chance(0.15)
          ? { kind: "sober_living", ...r.pick(DEMO_SOBER_LIVING), notes: "House meeting on Sundays." }
          : { kind: r.chance(0.7) ? "own_home" : "with_family_or_friends", name: "", address: "", notes: "" },
      medication:
        opioid || (alcohol && r.chance(0.4))
          ? {
              medications: opioid
                ? "Buprenorphine-naloxone 8 mg/2 mg, once daily"
                : "Naltrexone 50 mg, once daily",
              prescriberName: prescriber.name,
              prescriberPhone: prescriber.phone,
              nextAppointmentOn: addDays(anchor, r.int(5, 20)),
            }
          : null,
      supports: [
        ...(p.adolescent
          ? []
          : [
              {
                name: sponsorName,
                relationship: "Sponsor",
                phone: `(555) 010-${String(4800 + r.int(0, 99))}`,
                sponsor: true,
              },
            ]),
        {
          name: `${r.pick(GIVEN_NAMES_EN)} ${p.familyName}`,
          relationship: p.adolescent ? "Parent" : "Family",
          phone: `(555) 010-${String(4900 + r.int(0, 99))}`,
          sponsor: false,
        },
      ],
      includeSafetyPlan: true,
      resources: [DEMO_RESOURCES[0], r.pick(DEMO_RESOURCES.slice(1))].map((x) => ({ ...x })),
      goals: r.pick(AFTERCARE_GOALS[p.language]),
    };
    const createdMs = at(p, addDays(anchor, -r.int(7, 21)), 14 * 60);
    const participantSigned = signed
      ? at(p, addDays(e.dischargedOn!, -r.int(0, 3)), 15 * 60 + r.int(0, 60))
      : null;
    const staffSigned = participantSigned === null ? null : participantSigned + r.int(2, 30) * 60_000;
    const planId = id(`aftercare-plan/${e.id}`);
    plan.rows.aftercare_plans.push({
      id: planId,
      episode_id: e.id,
      participant_id: p.id,
      site_id: site(p).id,
      content,
      version: signed ? r.int(2, 4) : r.int(1, 2),
      status: signed ? "signed" : "draft",
      updated_by: e.counselorId,
      updated_at: iso(staffSigned ?? Math.max(createdMs, at(p, addDays(anchor, -r.int(0, 4)), 16 * 60))),
      participant_signed_at: participantSigned === null ? null : iso(participantSigned),
      participant_signature: signed ? `${p.givenName} ${p.familyName}` : null,
      staff_signed_by: signed ? e.counselorId : null,
      staff_signed_at: staffSigned === null ? null : iso(staffSigned),
      created_at: iso(createdMs),
    });
    // The task to confirm the first step-down appointment happened.
    if (!signed || !stepDown?.appointmentOn || reason === "transferred") return;
    const dueOn = addDays(stepDown.appointmentOn, 1);
    const settled = dueOn <= addDays(today, -2) && !r.chance(0.05);
    const outcomeRoll = r.next();
    const outcome =
      outcomeRoll < 0.78
        ? "attended"
        : outcomeRoll < 0.9
          ? "missed"
          : outcomeRoll < 0.95
            ? "rescheduled"
            : "unknown";
    const taskId = id(`aftercare-task/${e.id}`);
    plan.rows.aftercare_tasks.push({
      id: taskId,
      episode_id: e.id,
      participant_id: p.id,
      site_id: site(p).id,
      kind: "confirm_first_appointment",
      appointment_on: stepDown.appointmentOn,
      due_on: dueOn,
      status: settled ? "done" : "open",
      outcome: settled ? outcome : null,
      note: settled
        ? outcome === "attended"
          ? "Called the provider: the first appointment happened."
          : outcome === "missed"
            ? "Did not go; left a message and offered a new time."
            : ""
        : "",
      completed_by: settled ? e.counselorId : null,
      completed_at: settled ? iso(at(p, addDays(dueOn, r.int(0, 1)), 10 * 60 + r.int(0, 300))) : null,
      created_at: iso(staffSigned!),
    });
    if (!settled && dueOn < today) {
      plan.alerts.push({
        id: id(`aftercare-alert/${e.id}`),
        kind: "aftercare_appointment_unconfirmed",
        severity: "warning",
        state: "open",
        siteId: site(p).id,
        participantId: p.id,
        reason: `Nobody has confirmed that the first step-down appointment on ${stepDown.appointmentOn} happened.`,
        evidenceKind: "aftercare_task",
        evidenceId: taskId,
        evidenceItem: stepDown.appointmentOn,
        createdAt: new Date(at(p, dueOn, 8 * 60)),
        acknowledgedAt: null,
        acknowledgedBy: null,
        resolvedAt: null,
        resolvedBy: null,
        resolutionNote: null,
      });
    }
  }

  function planFollowUpResponses(): void {
    for (const wave of [30, 90, 180] as const) {
      const due = sentOrDue.filter((s) => s.wave === wave);
      const quota = responseQuota(due.length, FOLLOW_UP_RESPONSE_RANGES[wave]);
      const order = [...due].sort(
        (a, b) =>
          hashUnit(seed, `follow-up/${a.survey.id}`) -
          (a.reason === "completed" ? 0.3 : 0) -
          (hashUnit(seed, `follow-up/${b.survey.id}`) - (b.reason === "completed" ? 0.3 : 0)),
      );
      order.forEach((s, index) => {
        const r = random.fork(`follow-up/${s.survey.id}`);
        const p = s.person;
        const dueOn = s.survey.due_on as string;
        const closesOn = s.survey.closes_on as string;
        const sentMs = at(p, dueOn, 10 * 60);
        const completedOn =
          index < quota ? addDays(dueOn, Math.min(r.int(0, 10), daysBetween(dueOn, today))) : null;
        const lastDay = completedOn ?? (closesOn < today ? closesOn : today);
        const reminders = [3, 7].filter(
          (d) => addDays(dueOn, d) < lastDay || (!completedOn && addDays(dueOn, d) <= lastDay),
        );
        Object.assign(s.survey, {
          status: completedOn ? "completed" : closesOn < today ? "expired" : "sent",
          token_hash: input.hash(`follow-up-token/${s.survey.id}`),
          sent_at: iso(sentMs),
          reminders_sent: reminders.length,
          last_reminder_at: reminders.length ? iso(at(p, addDays(dueOn, reminders.at(-1)!), 10 * 60)) : null,
        });
        if (!completedOn) return;
        const completedMs = Math.max(sentMs + 30 * 60_000, at(p, completedOn, 18 * 60 + r.int(0, 180)));
        const lapsed = r.chance(s.reason === "completed" ? 0.18 : 0.45);
        const alcohol = s.episode.primaryCode.startsWith("F10");
        const useDays = lapsed ? r.int(1, 8) : 0;
        const answers: FollowUpAnswers = {
          alcoholDays: alcohol ? useDays : 0,
          heavyDrinkingDays: alcohol && useDays > 0 ? r.int(0, useDays) : 0,
          drugDays: alcohol ? 0 : useDays,
          meetings: lapsed ? r.int(0, 3) : r.int(2, 14),
          inTreatment: r.chance(s.reason === "completed" ? 0.7 : 0.35),
          housing: p.adolescent
            ? "with_family_or_friends"
            : r.pick(["own_home", "own_home", "with_family_or_friends", "sober_living"] as const),
          employment: p.adolescent
            ? "student"
            : r.pick(["full_time", "full_time", "part_time", "looking_for_work", "not_looking"] as const),
          wantsContact: lapsed ? r.chance(0.5) : r.chance(0.03),
        };

        const responseBase = {
          participantId: p.id,
          episodeId: s.episode.id,
          siteId: site(p).id,
          on: completedOn,
          submittedAt: iso(completedMs),
          language: p.language,
          userId: (plan.participantUpdates.find((u) => u.id === p.id)?.user_id as string | null) ?? null,
          worse: lapsed,
        };
        const phq9 = id(`follow-up/${s.survey.id}/phq9`);
        const gad7 = id(`follow-up/${s.survey.id}/gad7`);
        plan.responses.push(
          { id: phq9, instrumentKey: "phq9", ...responseBase },
          { id: gad7, instrumentKey: "gad7", ...responseBase },
        );
        const phq9Score = input.score(plan.responses.at(-2)!);
        const gad7Score = input.score(plan.responses.at(-1)!);
        const found = deriveFollowUpReengagement(wave, answers, {
          phq9Total: phq9Score.total,
          phq9Item9: phq9Score.item9,
          gad7Total: gad7Score.total,
        });
        Object.assign(s.survey, {
          completed_at: iso(completedMs),
          answers,
          phq9_response_id: phq9,
          gad7_response_id: gad7,
          findings: found.findings,
        });
        if (found.severity === null) return;
        const recent = daysBetween(completedOn, today) <= 14;
        plan.alerts.push(
          reengagementAlert(
            p,
            s.episode.counselorId,
            `follow-up-alert/${s.survey.id}`,
            completedMs,
            recent,
            found.severity,
            {
              reason: found.reason,
              evidenceKind: "follow_up_survey",
              evidenceId: s.survey.id as string,
              evidenceItem: String(wave),
            },
          ),
        );
      });
    }
  }

  function reengagementAlert(
    p: DischargePersonInput,
    counselorId: string,
    label: string,
    createdMs: number,
    open: boolean,
    severity: "warning" | "urgent",
    evidence: Pick<PlannedDischargeAlert, "reason" | "evidenceKind" | "evidenceId" | "evidenceItem">,
  ): PlannedDischargeAlert {
    const acknowledged = open ? null : Math.min(createdMs + 20 * 3_600_000, nowMs - 120_000);
    const resolved = open ? null : Math.min(createdMs + 48 * 3_600_000, nowMs - 60_000);
    return {
      id: id(label),
      kind: "alumni_reengagement",
      severity,
      state: open ? "open" : "resolved",
      siteId: site(p).id,
      participantId: p.id,
      ...evidence,
      createdAt: new Date(createdMs),
      acknowledgedAt: acknowledged === null ? null : new Date(acknowledged),
      acknowledgedBy: open ? null : counselorId,
      resolvedAt: resolved === null ? null : new Date(resolved),
      resolvedBy: open ? null : counselorId,
      resolutionNote: open
        ? null
        : "Called; talked through a plan and booked an outpatient visit. Readmission offered.",
    };
  }

  function planCheckInAlerts(): void {
    // A few recent check-ins ask for help, so the inbox shows what the live rule raises.
    const recent = checkInAlertsFor
      .filter((c) => (c.row.week_of as string) >= addDays(mondayOf(today), -7))
      .sort((a, b) => (a.row.id as string).localeCompare(b.row.id as string));
    const people = new Set<string>();
    for (const c of recent) {
      if (people.size >= 2 || people.has(c.person.id)) continue;
      people.add(c.person.id);
      if (people.size === 1) Object.assign(c.row, { used_since_last: true, craving: 7, mood: 2 });
      c.row.wants_contact = true;
      c.used = c.row.used_since_last as boolean;
    }
    for (const c of checkInAlertsFor) {
      const found = deriveCheckInReengagement({
        usedSinceLast: c.row.used_since_last as boolean,
        wantsContact: c.row.wants_contact as boolean,
        craving: c.row.craving as number,
        mood: c.row.mood as number,
      });
      if (found.level === "none") continue;
      const recordedMs = Date.parse(c.row.recorded_at as string);
      const open = nowMs - recordedMs <= 14 * 86_400_000;
      plan.alerts.push(
        reengagementAlert(
          c.person,
          c.counselorId,
          `alumni-check-in-alert/${c.row.id as string}`,
          recordedMs + 60_000,
          open,
          found.level,
          {
            reason: describeReengagement(found.reasons, c.row.week_of as string),
            evidenceKind: "alumni_check_in",
            evidenceId: c.row.id as string,
            evidenceItem: c.row.week_of as string,
          },
        ),
      );
    }
  }

  function planEvents(): void {
    const members = plan.rows.alumni_memberships;
    const withApp = new Set(plan.participantUpdates.filter((u) => u.user_id).map((u) => u.id as string));
    input.sites.forEach((s, siteIndex) => {
      const r = random.fork(`events/${siteIndex}`);
      const person = input.people.find((p) => p.site === siteIndex);
      if (!person) return;
      const local = (day: string, minutes: number) =>
        Temporal.PlainDate.from(day).toZonedDateTime({ timeZone: s.timeZone }).epochMilliseconds +
        minutes * 60_000;
      const occurrences: {
        title: string;
        description: string;
        kind: string;
        day: string;
        start: number;
        minutes: number;
        location: string;
        cancelled: boolean;
      }[] = [];
      // The weekly alumni group (Thursday evening), eight weeks back and four ahead.
      const thursday = addDays(mondayOf(today), 3);
      for (let w = -8; w <= 4; w++) {
        occurrences.push({
          title: siteIndex === 0 ? "Alumni group (Thursday evening)" : "Young alumni circle",
          description: "Peer-led, with a counselor. Come when you can.",
          kind: "group",
          day: addDays(thursday, 7 * w),
          start: 18 * 60 + 30,
          minutes: 90,
          location: siteIndex === 0 ? "Riverside, group room A" : "Northgate, teen room",
          cancelled: w === 2,
        });
      }
      ALUMNI_EVENTS.forEach((e, i) => {
        const day = addDays(mondayOf(today), [-54, -19, 19][i]! + 5);
        occurrences.push({ ...e, day, start: 13 * 60, minutes: e.hours * 60, cancelled: false });
      });
      for (const o of occurrences) {
        const eventId = id(`alumni-event/${siteIndex}/${o.kind}/${o.day}`);
        const startMs = local(o.day, o.start);
        const createdMs = Math.min(startMs - 21 * 86_400_000, nowMs - 3_600_000);
        plan.rows.alumni_events.push({
          id: eventId,
          site_id: s.id,
          title: o.title,
          description: o.description,
          kind: o.kind,
          starts_at: iso(startMs),
          ends_at: iso(startMs + o.minutes * 60_000),
          time_zone: s.timeZone,
          location: o.location,
          online_url:
            o.kind === "group" && siteIndex === 0 ? "https://meet.example.org/harbor-light-alumni" : null,
          capacity: o.kind === "group" ? 20 : 60,
          cancelled_at: o.cancelled ? iso(Math.min(startMs - 3 * 86_400_000, nowMs - 3_600_000)) : null,
          created_by: s.coordinatorId,
          updated_at: iso(o.cancelled ? Math.min(startMs - 3 * 86_400_000, nowMs - 3_600_000) : createdMs),
          created_at: iso(createdMs),
        });
        if (o.cancelled) continue;
        for (const m of members) {
          const pid = m.participant_id as string;
          if (m.site_id !== s.id || !withApp.has(pid)) continue;
          const replied = Math.min(startMs - r.int(1, 6) * 86_400_000, nowMs - 60_000);
          if (Date.parse(`${m.joined_on as string}T23:59:59Z`) > replied) continue;
          if (m.status !== "active" && Date.parse(m.updated_at as string) < replied) continue;
          const roll = r.next();
          const going = roll < (o.kind === "group" ? 0.18 : 0.3);
          if (!going && roll > (o.kind === "group" ? 0.22 : 0.38)) continue;
          plan.rows.alumni_event_rsvps.push({
            event_id: eventId,
            participant_id: pid,
            status: going ? "going" : "not_going",
            responded_at: iso(replied),
          });
        }
      }
    });
  }

  function planThreads(): void {
    const userOf = new Map(plan.participantUpdates.map((u) => [u.id as string, u.user_id as string | null]));
    input.sites.forEach((s, siteIndex) => {
      const candidates = plan.rows.alumni_memberships.filter(
        (m) => m.site_id === s.id && m.status === "active" && userOf.get(m.participant_id as string),
      );
      candidates.slice(0, 2).forEach((m, n) => {
        const p = input.people.find((x) => x.id === m.participant_id)!;
        const threads = ALUMNI_THREADS[p.language];
        const template = threads[n % threads.length]!;
        const userId = userOf.get(p.id)!;
        const threadId = id(`alumni-thread/${siteIndex}/${n}`);
        const startDay = [addDays(today, -12 + n * 5), m.joined_on as string].sort().at(-1)!;
        const times = template.messages.map((_, i) => at(p, startDay, 12 * 60 + i * 150 + n * 7));
        plan.rows.message_threads.push({
          id: threadId,
          participant_id: p.id,
          site_id: s.id,
          subject: template.subject,
          created_by: userId,
          family_user_id: null,
          audience: "alumni",
          created_at: iso(times[0]!),
          last_message_at: iso(times.at(-1)!),
        });
        template.messages.forEach((body, i) => {
          const fromParticipant = i % 2 === 0;
          plan.rows.messages.push({
            id: id(`alumni-thread/${siteIndex}/${n}/message/${i}`),
            thread_id: threadId,
            author_id: fromParticipant ? userId : s.coordinatorId,
            author_kind: fromParticipant ? "participant" : "staff",
            body,
            idempotency_key: id(`alumni-thread/${siteIndex}/${n}/message/${i}/key`),
            created_at: iso(times[i]!),
          });
        });
        plan.rows.message_reads.push(
          { thread_id: threadId, user_id: userId, last_read_at: iso(times.at(-1)!) },
          { thread_id: threadId, user_id: s.coordinatorId, last_read_at: iso(times.at(-1)!) },
        );
      });
    });
  }
}
