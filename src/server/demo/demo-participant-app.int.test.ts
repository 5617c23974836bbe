import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { deriveCheckInAlerts } from "../../core/check-ins/check-in.rules";
import { DEFAULT_CHECK_IN_SETTINGS } from "../../core/check-ins/check-in.schema";
import { substanceOfDiagnosis } from "../../core/demo/assessment-answers";
import { planDemoParticipants } from "../../core/demo/demo-plan";
import { OWN_WORDS_TRIGGERS } from "../../core/demo/participant-app-phrases";
import { checkInSubstance } from "../../core/demo/participant-app-stories";
import { RECOVERY_PLAN_SECTIONS, SAFETY_PLAN_SECTIONS } from "../../core/personal-plans/personal-plan.schema";
import { addDays } from "../../core/platform/dates";
import { loadShippedCurriculum } from "../curriculum/curriculum-library";
import { type DatabaseHandle, queryRows } from "../db/connection";
import { type DemoSummary, generateDemo } from "./demo.service";
import { OPEN_CHECK_IN_ALERT_DAYS } from "./demo-check-in-alerts";
import { participantId, windowsOf } from "./demo-rows";

const NOW = new Date("2026-11-23T15:00:00Z");
const TODAY = "2026-11-23";
const SEED = 7;
/** Two small demos on a loaded machine. */
const TIMEOUT = 120_000;

describeEachEngine("demo participant app", (engine) => {
  let database: DatabaseHandle;
  let summary: DemoSummary;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    summary = await generateDemo(database, { seed: SEED, scale: "small", now: NOW });
  }, TIMEOUT);
  afterAll(async () => {
    await database.close();
  });

  const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(database.db, query);
  const plan = planDemoParticipants(SEED, "small", TODAY);

  /** The participant app's rows as one comparable value. */
  const fingerprint = (db: DatabaseHandle) =>
    queryRows<Record<string, string>>(
      db.db,
      sql`select
            (select md5(string_agg(concat_ws('|', participant_id, checked_in_on, idempotency_key, recorded_at, created_at,
                  sleep_quality, substances::text, use_detail, triggers::text, skills::text, went_well, wants_to_talk,
                  self_harm_thoughts, queued_offline, language), ',' order by participant_id, checked_in_on)) from check_ins) as checkins,
            (select md5(string_agg(concat_ws('|', p.participant_id, p.kind, v.version, v.content::text, v.editor_kind,
                  v.changed_sections::text, v.edited_at, p.participant_seen_version, p.staff_seen_version), ','
                  order by p.participant_id, p.kind, v.version))
               from personal_plans p join personal_plan_versions v on v.plan_id = p.id) as plans,
            (select md5(string_agg(concat_ws('|', participant_id, occurrence_key, reflection, completed_at, read_at), ','
                  order by participant_id, occurrence_key)) from practice_completions) as practice,
            (select md5(string_agg(concat_ws('|', t.subject, m.author_id, m.body, m.created_at), ',' order by t.id, m.created_at))
               from message_threads t join messages m on m.thread_id = t.id) as messages,
            (select md5(string_agg(concat_ws('|', participant_id, occurrence_key, status, reason, requested_at), ','
                  order by participant_id, occurrence_key)) from absence_requests) as absences,
            (select md5(string_agg(concat_ws('|', participant_id, from_on, to_on, message), ',' order by participant_id, to_on))
               from sobriety_date_changes) as restarts`,
    );

  it("fills every check-in as the app would: its episode, its day's evening, the participant's language, substances only with use", async () => {
    const [facts] = await rows<{
      total: number;
      outside: number;
      wrong_day: number;
      late: number;
      language: number;
      use_without: number;
      offline: number;
      offline_late: number;
      went_well: number;
      talk: number;
      poor_mood: number;
      good_mood: number;
    }>(
      sql`select count(*)::int as total,
            count(*) filter (where not exists (select 1 from episodes e where e.id = c.episode_id
              and e.participant_id = c.participant_id
              and c.checked_in_on between e.admitted_on and coalesce(e.discharged_on, ${TODAY}::date)))::int as outside,
            count(*) filter (where (c.recorded_at at time zone s.time_zone)::date <> c.checked_in_on
              and c.checked_in_on < ${TODAY}::date)::int as wrong_day,
            count(*) filter (where c.created_at < c.recorded_at or c.created_at > ${NOW.toISOString()}::timestamptz)::int as late,
            count(*) filter (where c.language <> p.preferred_language)::int as language,
            count(*) filter (where c.any_use and jsonb_array_length(c.substances) = 0)::int as use_without,
            count(*) filter (where c.queued_offline)::int as offline,
            count(*) filter (where c.queued_offline and c.created_at - c.recorded_at >= interval '45 minutes')::int as offline_late,
            count(*) filter (where c.went_well <> '')::int as went_well,
            count(*) filter (where c.wants_to_talk)::int as talk,
            avg(c.mood) filter (where c.sleep_quality = 'poor')::float8 as poor_mood,
            avg(c.mood) filter (where c.sleep_quality = 'good')::float8 as good_mood
          from check_ins c join participants p on p.id = c.participant_id join sites s on s.id = p.site_id`,
    );
    expect(facts).toMatchObject({ outside: 0, wrong_day: 0, late: 0, language: 0, use_without: 0 });
    expect(facts!.total).toBe(summary.checkIns);
    expect(facts!.offline).toBeGreaterThan(0);
    expect(facts!.offline_late).toBe(facts!.offline);
    expect(facts!.went_well / facts!.total).toBeGreaterThan(0.3);
    expect(facts!.talk / facts!.total).toBeLessThan(0.2);
    expect(facts!.good_mood).toBeGreaterThan(facts!.poor_mood + 1);
  });

  it("names the primary diagnosis's substance on every day with use, and triggers from the plan or the person's own words", async () => {
    const uses = await rows<{ substances: string[]; code: string }>(
      sql`select c.substances, d.code from check_ins c
            join diagnoses d on d.episode_id = c.episode_id and d.is_primary where c.any_use`,
    );
    expect(uses.length).toBeGreaterThan(0);
    for (const use of uses)
      expect(use.substances).toContain(checkInSubstance(substanceOfDiagnosis(use.code)));
    const triggers = await rows<{ trigger: string; language: "en" | "es"; in_plan: boolean }>(
      sql`select t.value as trigger, c.language,
            exists (select 1 from personal_plans pp join personal_plan_versions v on v.plan_id = pp.id
              where pp.participant_id = c.participant_id and pp.kind = 'recovery' and v.content->'triggers' ? t.value) as in_plan
          from check_ins c cross join lateral jsonb_array_elements_text(c.triggers) as t(value)`,
    );
    expect(triggers.some((t) => t.in_plan)).toBe(true);
    for (const t of triggers.filter((x) => !x.in_plan))
      expect(OWN_WORDS_TRIGGERS[t.language]).toContain(t.trigger);
  });

  it("names skills only of a module taught at a group the person attended in the week before", async () => {
    const skillsOf = new Map(
      loadShippedCurriculum()
        .list()
        .map((m) => [m.key, m.skills.map((s) => s.key)]),
    );
    const named = await rows<{ skills: string[]; modules: string[] }>(
      sql`select c.skills, coalesce((select array_agg(m.module_key) from attendance_marks a
              join track_occurrence_modules m on m.track_id = a.track_id and m.occurrence_key = a.occurrence_key
             where a.participant_id = c.participant_id and a.status in ('present', 'late', 'left_early')
               and a.occurred_on between c.checked_in_on - 6 and c.checked_in_on), '{}') as modules
          from check_ins c where jsonb_array_length(c.skills) > 0`,
    );
    expect(named.length).toBe(summary.app.checkInSkills);
    expect(named.length).toBeGreaterThan(0);
    for (const row of named) {
      const taught = row.modules.flatMap((m) => skillsOf.get(m) ?? []);
      for (const skill of row.skills) expect(taught).toContain(skill);
    }
  });

  it("raises the live rules' alerts on the last days' check-ins, and an urgent alert on every thought of self-harm", async () => {
    const from = addDays(TODAY, -(OPEN_CHECK_IN_ALERT_DAYS - 1));
    const recent = await rows<{
      id: number;
      checked_in_on: string;
      mood: number;
      craving: number;
      any_use: boolean;
      wants_to_talk: boolean;
      self_harm_thoughts: boolean;
      kinds: string[];
    }>(
      sql`select c.id, c.checked_in_on::text as checked_in_on, c.mood, c.craving, c.any_use, c.wants_to_talk, c.self_harm_thoughts,
            coalesce((select array_agg(a.kind order by a.kind) from alerts a
               where a.evidence_kind = 'check_in' and a.evidence_id = c.id::text and a.state = 'open'), '{}') as kinds
          from check_ins c join episodes e on e.id = c.episode_id
         where c.checked_in_on >= ${from}::date and e.discharged_on is null`,
    );
    expect(recent.length).toBeGreaterThan(0);
    for (const c of recent) {
      const expected = deriveCheckInAlerts(
        {
          checkedInOn: c.checked_in_on,
          mood: c.mood,
          craving: c.craving,
          anyUse: c.any_use,
          triggers: [],
          skills: [],
          wantsToTalk: c.wants_to_talk,
          selfHarmThoughts: c.self_harm_thoughts,
          overdose: false,
        },
        DEFAULT_CHECK_IN_SETTINGS,
      );
      expect(c.kinds).toEqual(expected.map((a) => a.kind).sort());
    }
    const [selfHarm] = await rows<{ answers: number; without: number; open_old: number; recipients: number }>(
      sql`select count(*)::int as answers,
            count(*) filter (where not exists (select 1 from alerts a where a.kind = 'check_in_self_harm'
              and a.severity = 'urgent' and a.evidence_id = c.id::text))::int as without,
            count(*) filter (where c.checked_in_on < ${from}::date and exists (select 1 from alerts a
              where a.evidence_id = c.id::text and a.evidence_kind = 'check_in' and a.state <> 'resolved'))::int as open_old,
            (select count(*)::int from alert_recipients r join alerts a on a.id = r.alert_id
              where a.kind like 'check_in_%') as recipients
          from check_ins c where c.self_harm_thoughts`,
    );
    expect(selfHarm).toMatchObject({ without: 0, open_old: 0 });
    expect(selfHarm!.answers / summary.checkIns).toBeLessThan(0.01);
  });

  it("gives most current participants a recovery plan in versions edited in turns, some changed since the other side looked", async () => {
    const plans = await rows<{
      kind: "recovery" | "safety";
      current_version: number;
      participant_seen_version: number;
      staff_seen_version: number;
      versions: { version: number; editor_kind: string; changed: string[]; edited_by: string | null }[];
      open: boolean;
      user_id: string | null;
      counselor: string | null;
    }>(
      sql`select pp.kind, pp.current_version, pp.participant_seen_version, pp.staff_seen_version,
            (select jsonb_agg(jsonb_build_object('version', v.version, 'editor_kind', v.editor_kind,
               'changed', v.changed_sections, 'edited_by', v.edited_by) order by v.version)
               from personal_plan_versions v where v.plan_id = pp.id) as versions,
            exists (select 1 from episodes e where e.participant_id = pp.participant_id and e.discharged_on is null) as open,
            p.user_id,
            (select c.user_id from care_team_members c where c.participant_id = p.id and c.role = 'primary_counselor') as counselor
          from personal_plans pp join participants p on p.id = pp.participant_id`,
    );
    const current = plan.filter((p) => p.episodes.at(-1)!.dischargedOn === null).length;
    const recovery = plans.filter((p) => p.kind === "recovery");
    expect(recovery.length).toBeGreaterThanOrEqual(Math.floor(current * 0.5));
    expect(recovery.length).toBeLessThanOrEqual(current);
    expect(plans.every((p) => p.open)).toBe(true);
    for (const p of plans) {
      expect(p.versions.map((v) => v.version)).toEqual(
        Array.from({ length: p.current_version }, (_, i) => i + 1),
      );
      expect(p.versions[0]!.changed).toEqual(
        p.kind === "recovery" ? RECOVERY_PLAN_SECTIONS : SAFETY_PLAN_SECTIONS,
      );
      for (const v of p.versions) {
        expect(v.changed.length).toBeGreaterThan(0);
        expect(v.edited_by).toBe(v.editor_kind === "participant" ? p.user_id : p.counselor);
      }
      expect(Math.min(p.participant_seen_version, p.staff_seen_version)).toBeGreaterThanOrEqual(
        p.current_version - 1,
      );
    }
    expect(
      plans.some((p) => Math.min(p.participant_seen_version, p.staff_seen_version) < p.current_version),
    ).toBe(true);
  });

  it("records practice only for attended sessions that taught a module, read by one of the track's facilitators", async () => {
    const [facts] = await rows<{
      total: number;
      unmatched: number;
      early: number;
      wrong_reader: number;
      read: number;
    }>(
      sql`select count(*)::int as total,
            count(*) filter (where not exists (select 1 from attendance_marks a join track_occurrence_modules m
              on m.track_id = a.track_id and m.occurrence_key = a.occurrence_key
              where a.participant_id = pc.participant_id and a.track_id = pc.track_id
                and a.occurrence_key = pc.occurrence_key and m.module_key = pc.module_key
                and a.status in ('present', 'late', 'left_early')))::int as unmatched,
            count(*) filter (where pc.completed_at > ${NOW.toISOString()}::timestamptz
              or pc.completed_at::date < left(pc.occurrence_key, 10)::date
              or pc.read_at < pc.completed_at)::int as early,
            count(*) filter (where pc.read_by is not null and not exists (select 1 from track_facilitators f
              where f.track_id = pc.track_id and f.user_id = pc.read_by))::int as wrong_reader,
            count(*) filter (where pc.read_at is not null)::int as read
          from practice_completions pc`,
    );
    expect(facts).toMatchObject({
      total: summary.app.practiceCompletions,
      unmatched: 0,
      early: 0,
      wrong_reader: 0,
    });
    expect(facts!.total).toBeGreaterThan(0);
    expect(facts!.read).toBeGreaterThan(0);
    expect(facts!.read).toBeLessThan(facts!.total);
  });

  it("keeps messages between a participant and their care team, with some unread by staff", async () => {
    const [facts] = await rows<{
      threads: number;
      outsiders: number;
      wrong_kind: number;
      wrong_last: number;
      staff_unread: number;
    }>(
      sql`select count(distinct t.id)::int as threads,
            count(*) filter (where not (m.author_id = p.user_id or exists (select 1 from care_team_members c
              where c.participant_id = t.participant_id and c.user_id = m.author_id)))::int as outsiders,
            count(*) filter (where (u.kind = 'participant') <> (m.author_kind = 'participant'))::int as wrong_kind,
            count(distinct t.id) filter (where t.last_message_at <> (select max(x.created_at) from messages x
              where x.thread_id = t.id))::int as wrong_last,
            count(distinct t.id) filter (where exists (select 1 from messages x where x.thread_id = t.id
              and x.author_kind = 'participant' and x.created_at > coalesce((select r.last_read_at from message_reads r
                join care_team_members c on c.user_id = r.user_id and c.participant_id = t.participant_id
                where r.thread_id = t.id), '-infinity')))::int as staff_unread
          from message_threads t join participants p on p.id = t.participant_id
          join messages m on m.thread_id = t.id join users u on u.id = m.author_id
          where t.family_user_id is null and t.audience = 'care_team'`,
    );
    expect(facts).toMatchObject({
      threads: summary.app.messageThreads,
      outsiders: 0,
      wrong_kind: 0,
      wrong_last: 0,
    });
    expect(facts!.staff_unread).toBeGreaterThan(0);
    expect(facts!.staff_unread).toBeLessThan(facts!.threads);
  });

  it("bases absence requests on the attendance: approved ones excused, pending ones in the coming week, each with its alert", async () => {
    const requests = await rows<{
      status: string;
      occurs_on: string;
      mark: string | null;
      alert: string | null;
    }>(
      sql`select r.status, r.occurs_on::text as occurs_on,
            (select a.status from attendance_marks a where a.participant_id = r.participant_id
              and a.track_id = r.track_id and a.occurrence_key = r.occurrence_key) as mark,
            (select al.state from alerts al where al.kind = 'absence_request' and al.evidence_id = r.id::text) as alert
          from absence_requests r`,
    );
    expect(requests.length).toBe(summary.app.absenceRequests);
    const byStatus = (s: string) => requests.filter((r) => r.status === s);
    expect(byStatus("approved").length).toBeGreaterThan(0);
    expect(byStatus("pending").length).toBeGreaterThan(0);
    for (const r of byStatus("approved"))
      expect(r).toMatchObject({ mark: "absent_excused", alert: "resolved" });
    for (const r of byStatus("declined")) expect(r.alert).toBe("resolved");
    for (const r of byStatus("pending")) {
      expect(r).toMatchObject({ mark: null, alert: "open" });
      expect(r.occurs_on > TODAY && r.occurs_on <= addDays(TODAY, 7)).toBe(true);
    }
  });

  it("restarts the counter the day after each lapse of a lapse-and-return episode, and the sobriety date follows", async () => {
    const restarts = await rows<{
      participant_id: string;
      to_on: string;
      sobriety_on: string;
      message: string;
      used: boolean;
    }>(
      sql`select s.participant_id, s.to_on::text as to_on, p.sobriety_on::text as sobriety_on, s.message,
            exists (select 1 from check_ins c where c.participant_id = s.participant_id and c.any_use
              and c.checked_in_on = s.to_on - 1) as used
          from sobriety_date_changes s join participants p on p.id = s.participant_id where s.restart`,
    );
    expect(restarts.length).toBe(summary.app.sobrietyRestarts);
    const lapsed = plan.flatMap((person) => {
      const n = person.episodes.length - 1;
      if (person.episodes[n]!.trajectory !== "lapse_and_return") return [];
      const { from, shape } = windowsOf(SEED, person, TODAY)[n]!;
      const lapse = addDays(from, shape.lapseDay);
      return lapse < TODAY
        ? [{ id: participantId(SEED, person.key), surely: lapse < addDays(TODAY, -1) }]
        : [];
    });
    // A lapse yesterday may have gone on today: that counter is not restarted yet.
    const restarted = new Set(restarts.map((r) => r.participant_id));
    expect(lapsed.filter((l) => l.surely).length).toBeGreaterThan(0);
    for (const l of lapsed) if (l.surely) expect(restarted).toContain(l.id);
    for (const id of restarted) expect(lapsed.map((l) => l.id)).toContain(id);
    for (const r of restarts) {
      expect(r.used).toBe(true);
      expect(r.sobriety_on).toBe(r.to_on);
      expect(r.message).not.toBe("");
    }
  });

  it(
    "gives the same participant app for the same seed",
    async () => {
      const first = await fingerprint(database);
      const other = await openTestDatabase(engine);
      try {
        await generateDemo(other, { seed: SEED, scale: "small", now: NOW });
        expect(await fingerprint(other)).toEqual(first);
      } finally {
        await other.close();
      }
    },
    TIMEOUT,
  );
});
