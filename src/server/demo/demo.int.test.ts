import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, expect, it } from "vitest";
import { givenSite, givenUser } from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { deriveCriticalAlerts } from "../../core/assessments/critical-alerts.rules";
import { isOnWorklist } from "../../core/assessments/due-lists.rules";
import { type Answers, deriveCriticalFindings } from "../../core/assessments/instrument";
import { findInstrument } from "../../core/assessments/registry";
import { classifyChange, resolveParameters } from "../../core/assessments/reliable-change";
import { computeDue, DEFAULT_SCHEDULE } from "../../core/assessments/schedule.rules";
import { planDemoParticipants } from "../../core/demo/demo-plan";
import { createSchedulePlanner } from "../../core/demo/schedule-plan";
import { addDays } from "../../core/platform/dates";
import { localTimesOf } from "../../core/schedule/conflicts.rules";
import { expandSeries } from "../../core/schedule/recurrence.rules";
import { weeklyPatternSchema } from "../../core/schedule/track-pattern.schema";
import { canonicalJson, validatePlanForSigning } from "../../core/treatment-plans/plan.rules";
import { planContentSchema } from "../../core/treatment-plans/plan.schema";
import { reviewContentSchema } from "../../core/treatment-plans/review.schema";
import { computeReviewDue } from "../../core/treatment-plans/review-due.rules";
import { createAlertsService } from "../alerts/alerts.service";
import * as schedule from "../assessments/measurement-schedule.sql";
import { createAttendanceAlertsService } from "../attendance/attendance-alerts.service";
import { verifyAuditChain } from "../audit/audit.service";
import { loadShippedCurriculum } from "../curriculum/curriculum-library";
import { type DatabaseHandle, queryRows } from "../db/connection";
import { assertNoConflicts } from "../schedule/appointment-conflicts";
import { DemoRefusedError, ensureDemoProgram, generateDemo } from "./demo.service";
import * as demo from "./demo.sql";
import { DEMO_PASSWORD } from "./demo-accounts";
import { buildCheckInWindows, participantId } from "./demo-rows";

const NOW = new Date("2026-11-23T15:00:00Z");
const TODAY = "2026-11-23";
const print = () => {};
/** Generating the clinic scale (twice in some tests) takes tens of seconds on a loaded machine. */
const CLINIC_TIMEOUT = 120_000;
const SCHEDULE_TIMEOUT = 60_000;

describeEachEngine("demo program", (engine) => {
  let database: DatabaseHandle;
  beforeEach(async () => {
    database = await openTestDatabase(engine);
  });
  afterEach(async () => {
    await database.close();
  });

  const one = async <T>(query: ReturnType<typeof sql>) => (await queryRows<T>(database.db, query))[0]!;

  /** Everything a person would see of the demo, as one comparable value. */
  const fingerprint = (db: DatabaseHandle) =>
    queryRows<{ people: string; checkins: string; responses: string; alerts: string }>(
      db.db,
      sql`select
            (select md5(string_agg(concat_ws('|', p.id, p.given_name, p.family_name, p.born_on, p.preferred_language,
                  e.admitted_on, e.discharged_on, e.discharge_reason), ',' order by p.id, e.admitted_on))
               from participants p join episodes e on e.participant_id = p.id) as people,
            (select md5(string_agg(concat_ws('|', participant_id, checked_in_on, mood, craving, sleep_hours, any_use),
                  ',' order by participant_id, checked_in_on)) from check_ins) as checkins,
            (select md5(string_agg(concat_ws('|', id, participant_id, instrument_key, completed_on, submitted_at,
                  answers::text, total, band), ',' order by id)) from assessment_responses) as responses,
            (select md5(string_agg(concat_ws('|', id, kind, state, reason, evidence_id, evidence_item, created_at,
                  acknowledged_at, resolved_at, resolution_note), ',' order by id))
               from alerts where evidence_kind = 'assessment_response') as alerts`,
    );

  /** Check-ins outside their episodes, in the future, and the share of episode days with one. */
  const checkInFacts = () =>
    one<{ total: number; future: number; outside: number; share: number }>(
      sql`select count(*)::int as total,
            count(*) filter (where checked_in_on > ${TODAY}::date)::int as future,
            count(*) filter (where not exists (
              select 1 from episodes e where e.participant_id = c.participant_id
                and c.checked_in_on between e.admitted_on and coalesce(e.discharged_on, ${TODAY}::date)))::int as outside,
            (count(*)::float8 / (select sum(coalesce(discharged_on, ${TODAY}::date) - admitted_on + 1)
               from episodes))::float8 as share
          from check_ins c`,
    );

  it("generates a believable small program: current and past people, discharges, check-ins in episodes", async () => {
    const summary = await generateDemo(database, { seed: 7, scale: "small", now: NOW });
    expect(summary).toMatchObject({ participants: 28, staff: 12 });
    const counts = await one<{ current: number; past: number; reasons: number; readmitted: number }>(
      sql`select
            (select count(*)::int from episodes where discharged_on is null) as current,
            (select count(distinct participant_id)::int from episodes e where not exists (
               select 1 from episodes o where o.participant_id = e.participant_id and o.discharged_on is null)) as past,
            (select count(distinct discharge_reason)::int from episodes where discharged_on is not null) as reasons,
            (select count(*)::int from (select participant_id from episodes group by 1 having count(*) > 1) r) as readmitted`,
    );
    expect(counts).toMatchObject({ current: 8, past: 20 });
    expect(counts.reasons).toBeGreaterThanOrEqual(2);
    const facts = await checkInFacts();
    expect(facts).toMatchObject({ total: summary.checkIns, future: 0, outside: 0 });
    expect(facts.share).toBeGreaterThan(0.55);
    expect(facts.share).toBeLessThan(0.85);
    expect(await demo.findDemoSetting(database.db)).toBe(
      JSON.stringify({ seed: 7, scale: "small", generatedAt: NOW.toISOString() }),
    );
  });

  it("gives the same people, dates, check-ins, scores and alerts for the same seed, and others for another seed", async () => {
    await generateDemo(database, { seed: 7, scale: "small", now: NOW });
    const first = await fingerprint(database);
    const other = await openTestDatabase(engine);
    try {
      await generateDemo(other, { seed: 7, scale: "small", now: NOW });
      expect(await fingerprint(other)).toEqual(first);
      await generateDemo(other, { seed: 8, scale: "small", now: NOW });
      const changed = (await fingerprint(other))[0]!;
      expect(changed.people).not.toBe(first[0]!.people);
      expect(changed.checkins).not.toBe(first[0]!.checkins);
      expect(changed.responses).not.toBe(first[0]!.responses);
    } finally {
      await other.close();
    }
    // Two small demos generated and compared: a generous limit, a busy machine is not a failure.
  }, 180_000);

  it("links the demo participant account to a current participant of the same name", async () => {
    await generateDemo(database, { seed: 1, scale: "small", now: NOW });
    const rows = await queryRows<{ name: string; open: boolean }>(
      database.db,
      sql`select p.given_name || ' ' || p.family_name as name,
            exists (select 1 from episodes e where e.participant_id = p.id and e.discharged_on is null) as open
          from participants p join users u on u.id = p.user_id where u.email = 'participant@demo.bridgeway.example'`,
    );
    expect(rows).toEqual([{ name: "Casey Morgan", open: true }]);
  });

  it("runs three tracks on the weekly patterns their names promise, with facilitators, holidays off and one enrollment per episode", async () => {
    await generateDemo(database, { seed: 3, scale: "small", now: NOW });
    const tracks = await queryRows<{
      name: string;
      pattern: unknown;
      location: string;
      facilitators: number;
      outside_site: number;
      time_zone: string;
      starts_on: string;
    }>(
      database.db,
      sql`select t.name, t.pattern, t.location, t.time_zone, t.starts_on::text as starts_on,
            (select count(*)::int from track_facilitators f where f.track_id = t.id) as facilitators,
            (select count(*)::int from track_facilitators f where f.track_id = t.id and not exists (
               select 1 from staff_sites ss where ss.user_id = f.user_id and ss.site_id = t.site_id)) as outside_site
          from tracks t order by t.name`,
    );
    expect(tracks).toHaveLength(3);
    const slots = Object.fromEntries(
      tracks.map((t) => [
        t.name.split(" (")[0],
        weeklyPatternSchema.parse(t.pattern).slots.map((s) => `${s.weekday} ${s.start}–${s.end}`),
      ]),
    );
    expect(slots).toEqual({
      "Adult evening": ["1 18:00–21:00", "2 18:00–21:00", "4 18:00–21:00"],
      "Morning dual-diagnosis": ["1 09:00–12:00", "2 09:00–12:00", "3 09:00–12:00", "4 09:00–12:00"],
      "Adolescent after-school": ["1 15:30–17:30", "3 15:30–17:30", "4 15:30–17:30"],
    });
    for (const track of tracks) {
      expect(track.location).not.toBe("");
      expect(track.facilitators).toBeGreaterThan(0);
      expect(track.outside_site).toBe(0);
    }

    // Thanksgiving 2026 (a Thursday): every track meets on Thursdays, and none does that day.
    const thanksgiving = await queryRows<{ name: string; kind: string; reason: string }>(
      database.db,
      sql`select t.name, x.kind, x.reason from track_exceptions x join tracks t on t.id = x.track_id
          where x.occurrence_key like '2026-11-26T%' order by t.name`,
    );
    expect(thanksgiving.map((x) => x.kind)).toEqual(["cancelled", "cancelled", "cancelled"]);
    const adultEvening = tracks.find((t) => t.name.startsWith("Adult evening"))!;
    const series = {
      timeZone: adultEvening.time_zone,
      startsOn: adultEvening.starts_on,
      endsOn: null,
      pattern: weeklyPatternSchema.parse(adultEvening.pattern),
    };
    const exceptions = await queryRows<{ occurrence_key: string; reason: string }>(
      database.db,
      sql`select x.occurrence_key, x.reason from track_exceptions x join tracks t on t.id = x.track_id
          where t.name = ${adultEvening.name}`,
    );
    const christmasWeek = expandSeries(
      series,
      exceptions.map((x) => ({
        kind: "cancelled" as const,
        on: { date: x.occurrence_key.slice(0, 10), start: x.occurrence_key.slice(11) },
        reason: x.reason,
      })),
      "2026-12-21",
      "2027-01-03",
    );
    // Christmas Day and New Year's Day fall on Fridays in 2026: the evening track does not meet then.
    expect(christmasWeek.filter((o) => o.status === "cancelled")).toEqual([]);
    expect(christmasWeek).toHaveLength(6);

    const enrollments = await one<{ episodes: number; single: number; wrong: number }>(
      sql`select
            (select count(*)::int from episodes where track_id is not null) as episodes,
            (select count(*)::int from episodes e where e.track_id is not null and
               (select count(*) from track_enrollments n where n.episode_id = e.id) = 1) as single,
            (select count(*)::int from track_enrollments n join episodes e on e.id = n.episode_id
               where n.track_id <> e.track_id or n.participant_id <> e.participant_id
                  or n.joined_on <> e.admitted_on
                  or n.exited_on is distinct from e.discharged_on
                  or n.status <> case when e.discharged_on is null then 'enrolled' else 'exited' end) as wrong`,
    );
    expect(enrollments.episodes).toBeGreaterThan(0);
    expect(enrollments).toEqual({ episodes: enrollments.episodes, single: enrollments.episodes, wrong: 0 });
  });

  it("plans the tracks' sessions with the shipped curriculum modules that suit each track, holidays left unplanned", async () => {
    const summary = await generateDemo(database, { seed: 3, scale: "small", now: NOW });
    const planned = await queryRows<{
      track: string;
      occurrence_key: string;
      module_key: string;
      cancelled: boolean;
    }>(
      database.db,
      sql`select t.name as track, m.occurrence_key, m.module_key,
            exists (select 1 from track_exceptions x where x.track_id = m.track_id
                      and x.occurrence_key = m.occurrence_key and x.kind = 'cancelled') as cancelled
          from track_occurrence_modules m join tracks t on t.id = m.track_id`,
    );
    expect(planned.length).toBe(summary.plannedSessions);
    expect(planned.length).toBeGreaterThan(3 * 6 * 2);
    expect(planned.filter((p) => p.cancelled)).toEqual([]);
    const library = new Map(
      loadShippedCurriculum()
        .list()
        .map((m) => [m.key, m]),
    );
    for (const p of planned) {
      const module = library.get(p.module_key);
      expect(module, p.module_key).toBeDefined();
      const audience = p.track.startsWith("Adolescent") ? "adolescent" : "adult";
      expect(module!.suits).toContain(audience);
      if (p.track.includes("dual-diagnosis")) expect(module!.suits).toContain("co_occurring");
    }
    // A track does not teach the same module two sessions running.
    const byTrack = new Map<string, typeof planned>();
    for (const p of planned) byTrack.set(p.track, [...(byTrack.get(p.track) ?? []), p]);
    for (const sessions of byTrack.values()) {
      const ordered = sessions.sort((a, b) => a.occurrence_key.localeCompare(b.occurrence_key));
      for (let i = 1; i < ordered.length; i++) {
        expect(ordered[i]!.module_key).not.toBe(ordered[i - 1]!.module_key);
      }
    }
  });

  it("gives every participant a care team, links the family account, and writes a verifiable audit history", async () => {
    await generateDemo(database, { seed: 1, scale: "small", now: NOW });
    const teams = await one<{ without: number; family: number; alerts: number }>(
      sql`select
            (select count(*)::int from participants p
              where not exists (select 1 from care_team_members c where c.participant_id = p.id and c.role = 'primary_counselor')) as without,
            (select count(*)::int from family_links l join users u on u.id = l.user_id
              where u.email = 'family@demo.bridgeway.example' and l.consent_recipient_id is not null) as family,
            (select count(*)::int from alerts where kind = 'break_the_glass' and acknowledged_at is null) as alerts`,
    );
    expect(teams).toEqual({ without: 0, family: 1, alerts: 1 });
    const pipeline = await one<{ open: number; closed: number; events_ok: boolean }>(
      sql`select
            (select count(*)::int from admission_leads where stage in ('new', 'contacted', 'screening_scheduled', 'screened')) as open,
            (select count(*)::int from admission_leads where stage in ('referred_elsewhere', 'not_admitted', 'lost_to_contact')) as closed,
            (select bool_and(e.to_stage = l.stage) from admission_leads l
               join lateral (select to_stage from admission_lead_events where lead_id = l.id order by at desc, id desc limit 1) e on true) as events_ok`,
    );
    expect(pipeline.open).toBeGreaterThan(5);
    expect(pipeline.closed).toBeGreaterThan(3);
    expect(pipeline.events_ok).toBe(true);
    const admissions = await one<{ episodes: number; linked: number; screened: number; primaries: number }>(
      sql`select
            (select count(*)::int from episodes) as episodes,
            (select count(*)::int from episodes e join admission_leads l on l.id = e.referral_lead_id
               where l.stage = 'admitted' and l.participant_id = e.participant_id) as linked,
            (select count(distinct l.id)::int from admission_leads l join screenings s on s.lead_id = l.id where l.stage = 'admitted') as screened,
            (select count(*)::int from diagnoses where is_primary) as primaries`,
    );
    expect(admissions.linked).toBe(admissions.episodes);
    expect(admissions.screened).toBe(admissions.episodes);
    expect(admissions.primaries).toBe(admissions.episodes);
    const verdict = await verifyAuditChain(database.db);
    expect(verdict.ok).toBe(true);
    expect(verdict.events).toBeGreaterThan(50);
    const latest = await one<{ at: Date }>(sql`select max(occurred_at) as at from audit_events`);
    // Up to now: this week's attendance alerts are raised at generation time, as the sweep would.
    expect(new Date(latest.at).getTime()).toBeLessThanOrEqual(NOW.getTime());
    // Replacing the demo starts a new trail rather than leaving a broken one.
    await generateDemo(database, { seed: 2, scale: "small", now: NOW });
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it(
    "is generated once at start-up, replaces only demo data, and never touches other data",
    async () => {
      expect(await ensureDemoProgram(database, { now: NOW, print })).toEqual({
        generated: true,
        present: true,
      });
      expect(await ensureDemoProgram(database, { now: NOW, print })).toEqual({
        generated: false,
        present: true,
      });
      const before = await one<{ n: number }>(sql`select count(*)::int as n from participants`);
      await generateDemo(database, { seed: 1, scale: "clinic", now: NOW });
      expect(await one<{ n: number }>(sql`select count(*)::int as n from participants`)).toEqual(before);

      await givenUser(database.db);
      await expect(generateDemo(database, { seed: 1, scale: "small", now: NOW })).rejects.toThrow(
        DemoRefusedError,
      );

      const other = await openTestDatabase(engine);
      try {
        await givenSite(other.db, "A real site");
        expect(await ensureDemoProgram(other, { now: NOW, print })).toEqual({
          generated: false,
          present: false,
        });
        expect(await one<{ n: number }>(sql`select count(*)::int as n from participants`)).toEqual(before);
      } finally {
        await other.close();
      }
    },
    CLINIC_TIMEOUT,
  );

  it(
    "finishes a demo left without its marker by an interrupted run",
    async () => {
      await generateDemo(database, { seed: 1, scale: "small", now: NOW });
      await database.db.execute(sql`delete from app_settings where name = 'demo'`);
      await database.db.execute(sql`delete from check_ins where id % 2 = 0`);
      expect(await ensureDemoProgram(database, { now: NOW, print })).toEqual({
        generated: true,
        present: true,
      });
      expect(await one<{ n: number }>(sql`select count(*)::int as n from participants`)).toEqual({ n: 260 });
    },
    CLINIC_TIMEOUT,
  );

  interface StoredResponse {
    id: string;
    episode_id: string;
    instrument_key: string;
    questionnaire_url: string;
    questionnaire_version: string;
    answers: Answers;
    completed_on: string;
    submitted_at: Date;
    scored: boolean;
    total: number | null;
    band: string | null;
    subscales: Record<string, number>;
    flags: string[];
    missing: string[];
    critical: { rule: string; severity: string; linkIds: string[] }[];
  }
  const responses = () =>
    queryRows<StoredResponse>(
      database.db,
      sql`select id, episode_id, instrument_key, questionnaire_url, questionnaire_version, answers,
            completed_on::text as completed_on, submitted_at, scored, total, band, subscales, flags, missing, critical
          from assessment_responses r
          where not exists (select 1 from follow_up_surveys f where r.id in (f.phq9_response_id, f.gad7_response_id))
          order by episode_id, completed_on, submitted_at`,
    );

  it("gives every admitted participant questionnaire scores from intake on, each the registry's score of its stored answers", async () => {
    const summary = await generateDemo(database, { seed: 7, scale: "small", now: NOW });
    const stored = await responses();
    expect(stored.length).toBe(summary.assessments);
    expect(stored.length).toBeGreaterThan(28 * 8);
    for (const r of stored) {
      const definition = findInstrument(r.questionnaire_url, r.questionnaire_version)!;
      expect(definition.key).toBe(r.instrument_key);
      const outcome = definition.score(r.answers);
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) continue;
      expect({
        scored: r.scored,
        total: r.total,
        band: r.band,
        subscales: r.subscales,
        flags: r.flags,
      }).toEqual({
        scored: true,
        total: outcome.total,
        band: outcome.band,
        subscales: outcome.subscales,
        flags: outcome.flags,
      });
      expect(r.missing).toEqual([]);
      expect(r.critical).toEqual(deriveCriticalFindings(definition, r.answers));
      expect(new Date(r.submitted_at).getTime()).toBeLessThan(NOW.getTime());
    }
    const episodes = await one<{ total: number; without_intake: number; outside: number }>(
      sql`select (select count(*)::int from episodes) as total,
            (select count(*)::int from episodes e where not exists (
               select 1 from assessment_responses r where r.episode_id = e.id and r.scored
                 and r.instrument_key = 'phq9' and r.completed_on between e.admitted_on and e.admitted_on + 3)) as without_intake,
            (select count(*)::int from assessment_responses r join episodes e on e.id = r.episode_id
              where (r.completed_on < e.admitted_on or r.completed_on > ${TODAY}::date
                 or (r.completed_on > e.discharged_on and r.instrument_key <> 'bam'))
                and not exists (select 1 from follow_up_surveys f where r.id in (f.phq9_response_id, f.gad7_response_id))) as outside`,
    );
    expect(episodes).toMatchObject({ without_intake: 0, outside: 0 });
    // The follow-up surveys after discharge add their PHQ-9 and GAD-7 (the discharges phase checks them).
    const followUp = await one<{ n: number }>(
      sql`select count(*)::int as n from follow_up_surveys f join assessment_responses r
            on r.id in (f.phq9_response_id, f.gad7_response_id)`,
    );
    expect(followUp.n).toBe(2 * summary.discharges.followUpsCompleted);
    expect(episodes.total).toBeGreaterThanOrEqual(28);
  });

  it("raises an alert on every critical answer, as the live service words it; the counselor resolved most with a note, one or two are still open", async () => {
    const summary = await generateDemo(database, { seed: 7, scale: "small", now: NOW });
    const alerts = await queryRows<{
      kind: string;
      severity: string;
      state: string;
      reason: string;
      evidence_item: string | null;
      instrument_key: string;
      answers: Answers;
      questionnaire_url: string;
      questionnaire_version: string;
      resolution_note: string | null;
      handled_by_counselor: boolean;
      recipients: number;
    }>(
      database.db,
      sql`select a.kind, a.severity, a.state, a.reason, a.evidence_item, a.resolution_note,
            r.instrument_key, r.answers, r.questionnaire_url, r.questionnaire_version,
            coalesce(a.acknowledged_by = e.primary_counselor_id and coalesce(a.resolved_by, a.acknowledged_by) = e.primary_counselor_id, true) as handled_by_counselor,
            (select count(*)::int from alert_recipients x where x.alert_id = a.id) as recipients
          from alerts a
          join assessment_responses r on r.id::text = a.evidence_id and a.evidence_kind = 'assessment_response'
          join episodes e on e.id = r.episode_id`,
    );
    expect(alerts.length).toBe(summary.assessmentAlerts);
    const critical = alerts.filter((a) => a.kind !== "reliable_deterioration");
    expect(critical.length).toBeGreaterThanOrEqual(3);
    for (const alert of critical) {
      const definition = findInstrument(alert.questionnaire_url, alert.questionnaire_version)!;
      const findings = deriveCriticalFindings(definition, alert.answers);
      expect(findings.some((f) => f.linkIds.includes(alert.evidence_item!))).toBe(true);
      expect(deriveCriticalAlerts(definition.key, findings)).toContainEqual({
        kind: alert.kind,
        severity: alert.severity,
        reason: alert.reason,
        item: alert.evidence_item,
      });
    }
    const unanswered = await one<{ n: number }>(
      sql`select count(*)::int as n from assessment_responses r
          where jsonb_array_length(r.critical) > 0 and not exists (
            select 1 from alerts a where a.evidence_id = r.id::text and a.kind <> 'reliable_deterioration')`,
    );
    expect(unanswered.n).toBe(0);
    const resolved = critical.filter((a) => a.state === "resolved");
    const active = critical.filter((a) => a.state !== "resolved");
    expect(resolved.length).toBeGreaterThan(active.length);
    expect(active.length).toBeGreaterThanOrEqual(1);
    expect(active.length).toBeLessThanOrEqual(2);
    expect(critical.filter((a) => a.state === "open")).toHaveLength(1);
    for (const alert of alerts) {
      expect(alert.handled_by_counselor).toBe(true);
      expect(alert.recipients).toBeGreaterThan(0);
      if (alert.state === "resolved") expect(alert.resolution_note).toBeTruthy();
    }
    const warnings = alerts.filter((a) => a.kind === "reliable_deterioration");
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every((w) => w.severity === "warning" && /has reliably worsened/.test(w.reason))).toBe(
      true,
    );
  });

  it("gives no scores on a questionnaire the program does not offer", async () => {
    await generateDemo(database, { seed: 3, scale: "small", now: NOW, disabledInstruments: ["dast10"] });
    const counts = await one<{ dast10: number; all: number }>(
      sql`select count(*) filter (where instrument_key = 'dast10')::int as dast10, count(*)::int as all
          from assessment_responses`,
    );
    expect(counts.dast10).toBe(0);
    expect(counts.all).toBeGreaterThan(100);
  });

  it(
    "tells a story on the charts: most improve, some stay flat, a few worsen; now and then a measure is overdue",
    async () => {
      await generateDemo(database, { seed: 1, scale: "clinic", now: NOW });
      const params = resolveParameters("phq9");
      if (params.status !== "available") throw new Error("PHQ-9 has default reliable-change parameters");
      const byEpisode = new Map<string, StoredResponse[]>();
      for (const r of await responses())
        if (r.instrument_key === "phq9")
          byEpisode.set(r.episode_id, [...(byEpisode.get(r.episode_id) ?? []), r]);
      const statuses = [...byEpisode.values()]
        .filter((series) => series.length >= 2)
        .map((series) => classifyChange(series[0]!.total!, series.at(-1)!.total!, params.parameters).status);
      const count = (...wanted: string[]) => statuses.filter((s) => wanted.includes(s)).length;
      expect(count("recovered", "improved")).toBeGreaterThan(count("deteriorated") * 3);
      expect(count("unchanged")).toBeGreaterThan(count("deteriorated"));
      expect(count("deteriorated")).toBeGreaterThan(0);

      // What the due list reads: each participant's latest episode and latest administrations.
      const filter = { scope: null };
      const [episodes, latest] = await Promise.all([
        schedule.listMeasuredEpisodes(database.db, filter),
        schedule.listLatestAdministrations(database.db, filter, TODAY),
      ]);
      const current = episodes.filter((e) => e.discharged_on === null);
      const overdue = current.filter((e) =>
        computeDue(
          DEFAULT_SCHEDULE,
          { admittedOn: e.admitted_on, dischargedOn: null, audience: e.audience },
          latest
            .filter((l) => l.participant_id === e.participant_id)
            .map((l) => ({ instrumentKey: l.instrument_key, on: l.last_on })),
          TODAY,
        ).some((m) => m.status === "overdue" && isOnWorklist(m, TODAY)),
      );
      expect(overdue.length).toBeGreaterThan(0);
      expect(overdue.length).toBeLessThan(current.length / 2);
    },
    CLINIC_TIMEOUT,
  );

  it(
    "gives every current participant past their first week a signed treatment plan, reviews every 30 days with a few overdue, and content that parses and matches its hash",
    async () => {
      const summary = await generateDemo(database, { seed: 1, scale: "clinic", now: NOW });
      expect(summary.plans).toBeGreaterThan(0);
      const current = await queryRows<{
        participant_id: string;
        admitted_on: string;
        time_zone: string;
        plan_id: string | null;
        signed: number;
        last_signed_at: string | null;
        open_reviews: number;
      }>(
        database.db,
        sql`select e.participant_id, e.admitted_on::text as admitted_on, s.time_zone, tp.id as plan_id,
              (select count(*)::int from treatment_plan_versions v where v.plan_id = tp.id and v.status = 'signed') as signed,
              greatest(
                (select max(v.signed_at) from treatment_plan_versions v where v.plan_id = tp.id and v.status = 'signed'),
                (select max(r.signed_at) from treatment_plan_reviews r where r.plan_id = tp.id and r.status = 'signed')
              )::text as last_signed_at,
              (select count(*)::int from treatment_plan_reviews r where r.plan_id = tp.id and r.status <> 'signed') as open_reviews
            from episodes e join sites s on s.id = e.site_id
              left join treatment_plans tp on tp.episode_id = e.id
            where e.discharged_on is null`,
      );
      const settled = current.filter((c) => c.admitted_on <= addDays(TODAY, -7));
      expect(settled.filter((c) => c.signed !== 1)).toEqual([]);
      // The newest admissions of the week: a couple without a plan yet, the next with a draft.
      const newcomers = current.filter((c) => c.signed === 0);
      expect(newcomers.filter((c) => c.plan_id === null).length).toBeGreaterThanOrEqual(1);
      expect(newcomers.every((c) => c.admitted_on > addDays(TODAY, -7))).toBe(true);

      const states = current
        .filter((c) => c.last_signed_at !== null)
        .map((c) =>
          computeReviewDue({
            lastSignedAt: new Date(c.last_signed_at!),
            timeZone: c.time_zone,
            reviewCycleDays: 30,
            dueSoonDays: 7,
            openTriggers: [],
            now: NOW,
          }),
        );
      const overdue = states.filter((s) => s.state === "overdue").length;
      expect(overdue).toBeGreaterThanOrEqual(2);
      expect(overdue).toBeLessThan(current.length / 5);
      const drafts = current.filter((c) => c.open_reviews > 0).length;
      expect(drafts).toBeGreaterThanOrEqual(1);
      expect(drafts).toBeLessThanOrEqual(2);

      const counts = await one<{ reviews: number; superseded: number; revised: number }>(
        sql`select (select count(*)::int from treatment_plan_reviews where status = 'signed') as reviews,
              (select count(*)::int from treatment_plan_versions where status = 'superseded') as superseded,
              (select count(*)::int from treatment_plan_versions where number > 1) as revised`,
      );
      expect(counts.reviews).toBeGreaterThan(current.length);
      expect(counts.superseded).toBeGreaterThan(0);

      // A questionnaire-measured objective's value at a review is the participant's latest score by then.
      const measured = await one<{ total: number; mismatched: number }>(
        sql`with o as (
              select tp.episode_id, r.held_on, (p->>'value')::numeric as value, ob->'measure'->>'instrumentKey' as key
              from treatment_plan_reviews r
                join treatment_plans tp on tp.id = r.plan_id
                join treatment_plan_versions v on v.id = r.version_id
                cross join jsonb_array_elements(r.content->'progress') p
                cross join jsonb_array_elements(v.content->'problems') pr
                cross join jsonb_array_elements(pr->'objectives') ob
              where ob->>'id' = p->>'objectiveId' and ob->'measure'->>'kind' = 'instrument'
                and p->>'value' is not null)
            select count(*)::int as total,
              count(*) filter (where o.value is distinct from (
                select a.total from assessment_responses a
                where a.episode_id = o.episode_id and a.instrument_key = o.key and a.scored and a.completed_on <= o.held_on
                order by a.completed_on desc, a.submitted_at desc limit 1))::int as mismatched
            from o`,
      );
      expect(measured.total).toBeGreaterThan(0);
      expect(measured.mismatched).toBe(0);

      const hash = (value: unknown) => createHash("sha256").update(canonicalJson(value)).digest("hex");
      const versions = await queryRows<{
        id: string;
        status: string;
        content: unknown;
        content_sha256: string | null;
        starts_on: string;
      }>(
        database.db,
        sql`select id, status, content, content_sha256, starts_on::text as starts_on from treatment_plan_versions`,
      );
      for (const v of versions) {
        const content = planContentSchema.parse(v.content);
        expect(v.content_sha256).toBe(v.status === "draft" ? null : hash(v.content));
        // Every version sent for signatures is one the app itself would let be signed.
        if (v.status !== "draft") expect(validatePlanForSigning(content, v.starts_on)).toEqual([]);
      }
      const reviews = await queryRows<{
        id: string;
        status: string;
        content: unknown;
        content_sha256: string | null;
      }>(database.db, sql`select id, status, content, content_sha256 from treatment_plan_reviews`);
      for (const r of reviews) {
        expect(reviewContentSchema.safeParse(r.content).error).toBeUndefined();
        expect(r.content_sha256).toBe(r.status === "draft" ? null : hash(r.content));
      }
      const signatures = await one<{ mismatched: number; wrong_signer: number; wrong_name: number }>(
        sql`select
              count(*) filter (where s.content_sha256 <> coalesce(v.content_sha256, r.content_sha256))::int as mismatched,
              count(*) filter (where s.role = 'participant' and s.signer_user_id is distinct from p.user_id)::int as wrong_signer,
              count(*) filter (where s.role = 'participant'
                and s.typed_name <> concat_ws(' ', p.given_name, p.family_name))::int as wrong_name
            from treatment_plan_signatures s
              left join treatment_plan_versions v on v.id = s.version_id
              left join treatment_plan_reviews r on r.id = s.review_id
              join treatment_plans tp on tp.id = coalesce(v.plan_id, r.plan_id)
              join participants p on p.id = tp.participant_id`,
      );
      expect(signatures).toEqual({ mismatched: 0, wrong_signer: 0, wrong_name: 0 });

      // The demo participant: a signed plan and a revised version waiting for their signature only.
      const account = await queryRows<{ number: number; status: string; roles: string[] }>(
        database.db,
        sql`select v.number, v.status,
              coalesce((select array_agg(s.role order by s.role) from treatment_plan_signatures s where s.version_id = v.id), '{}') as roles
            from treatment_plan_versions v join treatment_plans tp on tp.id = v.plan_id
              join participants p on p.id = tp.participant_id join users u on u.id = p.user_id
            where u.email = 'participant@demo.bridgeway.example'
            order by v.number`,
      );
      expect(account.at(-1)).toMatchObject({ status: "awaiting_signatures", roles: ["clinician"] });
      expect(account.filter((v) => v.status === "signed")).toHaveLength(1);
    },
    CLINIC_TIMEOUT,
  );

  it("serves the demo's plans through the API: every chart's plan reads, and the demo participant signs their revised version", async () => {
    await generateDemo(database, { seed: 1, scale: "small", now: NOW });
    const app = await buildTestApp(database, { now: () => NOW });
    try {
      const director = await signIn(app, "director@demo.bridgeway.example", DEMO_PASSWORD);
      const planned = await queryRows<{ id: string }>(
        database.db,
        sql`select distinct participant_id as id from treatment_plans`,
      );
      const failed: string[] = [];
      for (const { id } of planned) {
        for (const path of ["treatment-plan", "treatment-plan/objectives", "treatment-plan/progress"]) {
          const response = await app.inject({
            method: "GET",
            url: `/api/v1/participants/${id}/${path}`,
            headers: { ...appHeaders, cookie: director.cookie },
          });
          if (response.statusCode !== 200) failed.push(`${path} ${response.statusCode} ${response.body}`);
        }
      }
      expect(failed).toEqual([]);

      const participant = await signIn(app, "participant@demo.bridgeway.example", DEMO_PASSWORD);
      const mine = await app.inject({
        method: "GET",
        url: "/api/v1/me/treatment-plan",
        headers: { ...appHeaders, cookie: participant.cookie },
      });
      const { plan } = mine.json<{ plan: { version: { id: string; revision: number; status: string } } }>();
      expect(plan.version.status).toBe("awaiting_signatures");
      const signed = await app.inject({
        method: "POST",
        url: "/api/v1/me/treatment-plan/signatures",
        headers: { ...appHeaders, cookie: participant.cookie },
        payload: { versionId: plan.version.id, revision: plan.version.revision, typedName: "Casey Morgan" },
      });
      expect(signed.statusCode).toBe(200);
      expect(signed.json<{ plan: { version: { status: string } } }>().plan.version.status).toBe("signed");
    } finally {
      await app.close();
    }
  });

  it("computes check-ins inside the database (large scale) by the same rules, deterministically", async () => {
    await generateDemo(database, { seed: 3, scale: "small", now: NOW });
    const windows = buildCheckInWindows(3, planDemoParticipants(3, "small", TODAY), TODAY);
    const computed = async () => {
      await database.db.execute(sql`delete from check_ins`);
      const added = await demo.insertComputedCheckIns(database.db, 3, NOW, windows);
      return { added, print: (await fingerprint(database))[0]!.checkins };
    };
    const first = await computed();
    expect(await computed()).toEqual(first);
    const facts = await checkInFacts();
    expect(facts).toMatchObject({ total: first.added, future: 0, outside: 0 });
    expect(facts.share).toBeGreaterThan(0.55);
    expect(facts.share).toBeLessThan(0.85);
    const ranges = await one<{ ok: boolean; uses: number }>(
      sql`select bool_and(mood between 0 and 10 and craving between 0 and 10 and sleep_hours between 3 and 10) as ok,
            count(*) filter (where any_use)::int as uses from check_ins`,
    );
    expect(ranges.ok).toBe(true);
    expect(ranges.uses).toBeGreaterThan(0);
  });

  // A Wednesday afternoon at both sites (15:00 in New York, 14:00 in Chicago) in a week without a holiday.
  const MIDWEEK = new Date("2026-12-02T20:00:00Z");
  const MIDWEEK_TODAY = "2026-12-02";

  it(
    "records attendance at the group sessions held while each participant was enrolled: within the track's places, never on a holiday, never ahead of time",
    async () => {
      const summary = await generateDemo(database, { seed: 5, scale: "small", now: MIDWEEK });
      const facts = await one<{
        marks: number;
        outside: number;
        holidays: number;
        ahead: number;
        not_facilitator: number;
        over_capacity: number;
        statuses: number;
        partial_ok: boolean;
        participants: number;
      }>(
        sql`select
            (select count(*)::int from attendance_marks) as marks,
            (select count(*)::int from attendance_marks m where not exists (
               select 1 from track_enrollments n where n.participant_id = m.participant_id and n.track_id = m.track_id
                 and m.occurred_on between n.joined_on and coalesce(n.exited_on, ${MIDWEEK_TODAY}::date))) as outside,
            (select count(*)::int from attendance_marks m join track_exceptions x
               on x.track_id = m.track_id and x.occurrence_key = m.occurrence_key and x.kind = 'cancelled') as holidays,
            (select count(*)::int from attendance_marks where recorded_at > ${MIDWEEK.toISOString()}::timestamptz) as ahead,
            (select count(*)::int from attendance_marks m where not exists (
               select 1 from track_facilitators f where f.track_id = m.track_id and f.user_id = m.recorded_by)) as not_facilitator,
            (select count(*)::int from (select m.track_id, m.occurrence_key, count(*) as n from attendance_marks m
               group by 1, 2) o join tracks t on t.id = o.track_id where o.n > t.capacity) as over_capacity,
            (select count(distinct status)::int from attendance_marks) as statuses,
            (select bool_and(case when status = 'present' then minutes_attended = session_minutes
                                  when status in ('late', 'left_early') then minutes_attended between 1 and session_minutes - 1
                                  else minutes_attended = 0 end) from attendance_marks) as partial_ok,
            (select count(distinct participant_id)::int from attendance_marks) as participants`,
      );
      expect(facts).toMatchObject({
        marks: summary.attendanceMarks,
        outside: 0,
        holidays: 0,
        ahead: 0,
        not_facilitator: 0,
        over_capacity: 0,
        statuses: 5,
        partial_ok: true,
        participants: 28,
      });
      // Every session held while enrolled has each enrolled participant's mark: the sessions of a track
      // that ended before now, from joining to leaving (or today), less the holidays.
      const enrollments = await queryRows<{
        participant_id: string;
        joined_on: string;
        exited_on: string | null;
        time_zone: string;
        starts_on: string;
        pattern: unknown;
        track_id: string;
        marks: number;
      }>(
        database.db,
        sql`select n.participant_id, n.joined_on::text as joined_on, n.exited_on::text as exited_on, t.time_zone,
            t.starts_on::text as starts_on, t.pattern, t.id as track_id,
            (select count(*)::int from attendance_marks m where m.participant_id = n.participant_id and m.track_id = t.id
               and m.occurred_on between n.joined_on and coalesce(n.exited_on, ${MIDWEEK_TODAY}::date)) as marks
          from track_enrollments n join tracks t on t.id = n.track_id`,
      );
      const exceptions = await queryRows<{ track_id: string; occurrence_key: string; reason: string }>(
        database.db,
        sql`select track_id, occurrence_key, reason from track_exceptions`,
      );
      for (const e of enrollments) {
        const held = expandSeries(
          {
            timeZone: e.time_zone,
            startsOn: e.starts_on,
            endsOn: null,
            pattern: weeklyPatternSchema.parse(e.pattern),
          },
          exceptions
            .filter((x) => x.track_id === e.track_id)
            .map((x) => ({
              kind: "cancelled" as const,
              on: { date: x.occurrence_key.slice(0, 10), start: x.occurrence_key.slice(11) },
              reason: x.reason,
            })),
          e.joined_on,
          e.exited_on ?? MIDWEEK_TODAY,
        ).filter((o) => o.status === "scheduled" && Date.parse(o.endsAt!) <= MIDWEEK.getTime());
        expect(e.marks).toBe(held.length);
      }
    },
    SCHEDULE_TIMEOUT,
  );

  it(
    "raises this week's attendance alerts through the hourly sweep: a few weeks out of reach, runs of unexcused absences, one low rate — those the plan tells, no others",
    async () => {
      const seed = 5;
      const summary = await generateDemo(database, { seed, scale: "small", now: MIDWEEK });
      const plan = planDemoParticipants(seed, "small", MIDWEEK_TODAY);
      const planned = createSchedulePlanner({
        seed,
        scale: "small",
        today: MIDWEEK_TODAY,
        nowMs: MIDWEEK.getTime(),
        plan,
        linkedRelative: { name: "Dana Morgan", relationship: "sister" },
      }).plan(plan);
      const expected = planned
        .flatMap((s) => s.expectedAlerts.map((kind) => `${participantId(seed, s.key)} ${kind}`))
        .sort();
      const alerts = await queryRows<{
        participant_id: string;
        kind: string;
        state: string;
        reason: string;
        created_at: Date;
        for_counselor: boolean;
        audited: boolean;
      }>(
        database.db,
        sql`select a.participant_id, a.kind, a.state, a.reason, a.created_at,
            exists (select 1 from alert_recipients r join care_team_members c on c.user_id = r.user_id
                      and c.participant_id = a.participant_id and c.role = 'primary_counselor'
                    where r.alert_id = a.id) as for_counselor,
            exists (select 1 from audit_events e where e.action = 'alert.raise' and e.resource_id = a.id::text) as audited
          from alerts a
          where a.kind in ('weekly_hours_short', 'payer_days_short', 'consecutive_unexcused_absences', 'low_attendance_rate')`,
      );
      expect(alerts.map((a) => `${a.participant_id} ${a.kind}`).sort()).toEqual(expected);
      expect(summary.attendanceAlerts).toBe(alerts.length);
      const count = (kind: string) => alerts.filter((a) => a.kind === kind).length;
      expect(count("weekly_hours_short")).toBeGreaterThanOrEqual(2);
      expect(count("weekly_hours_short")).toBeLessThanOrEqual(4);
      expect(count("consecutive_unexcused_absences")).toBeGreaterThanOrEqual(1);
      expect(count("consecutive_unexcused_absences")).toBeLessThanOrEqual(2);
      expect(count("low_attendance_rate")).toBeGreaterThanOrEqual(1);
      for (const alert of alerts) {
        expect(alert).toMatchObject({ state: "open", for_counselor: true, audited: true });
        expect(new Date(alert.created_at).toISOString()).toBe(MIDWEEK.toISOString());
      }
      expect(alerts.find((a) => a.kind === "weekly_hours_short")!.reason).toMatch(
        /^The week of 2026-11-30 can reach at most .* even attending every remaining session/,
      );
      // The sweep the app runs every hour finds nothing more to raise or resolve.
      const alertsService = createAlertsService({
        db: database.db,
        now: () => MIDWEEK,
        baseUrl: "http://localhost",
      });
      const sweep = createAttendanceAlertsService({
        db: database.db,
        now: () => MIDWEEK,
        raiseAlert: alertsService.raiseAlert,
        resolveFindings: alertsService.resolveFindings,
      });
      expect(await sweep.sweep(MIDWEEK)).toMatchObject({ raised: 0, resolved: 0 });
      // One site's sweep (the benchmark's) covers that site's active participants only.
      const northgate = await one<{ id: string; active: number }>(
        sql`select s.id, count(distinct e.participant_id)::int as active from sites s
            join tracks t on t.site_id = s.id join track_enrollments e on e.track_id = t.id and e.status = 'enrolled'
          where s.name = 'Northgate' group by s.id`,
      );
      expect(await sweep.sweep(MIDWEEK, { siteId: northgate.id })).toEqual({
        participants: northgate.active,
        raised: 0,
        resolved: 0,
      });
    },
    SCHEDULE_TIMEOUT,
  );

  it(
    "books individual and family sessions that clash with nothing by the booking service's own conflict check, with attendance on past ones and a reason on each cancelled one",
    async () => {
      const summary = await generateDemo(database, { seed: 5, scale: "small", now: MIDWEEK });
      const rows = await queryRows<{
        id: string;
        participant_id: string;
        staff_id: string;
        room_id: string | null;
        time_zone: string;
        starts_at: Date;
        ends_at: Date;
        local_date: string;
        kind: string;
        status: string;
        cancel_reason: string | null;
        attendance_status: string | null;
        telehealth: boolean;
        location: string;
        family: number;
        linked_family: number;
        in_episode: boolean;
      }>(
        database.db,
        sql`select a.id, a.participant_id, a.staff_id, a.room_id, a.time_zone, a.starts_at, a.ends_at,
            a.local_date::text as local_date, a.kind, a.status, a.cancel_reason, a.attendance_status, a.telehealth,
            a.location, jsonb_array_length(a.family_attendees) as family,
            (select count(*)::int from jsonb_array_elements(a.family_attendees) f join family_links l
               on l.user_id = (f->>'userId')::uuid and l.participant_id = a.participant_id) as linked_family,
            a.local_date between e.admitted_on and coalesce(e.discharged_on, a.local_date) as in_episode
          from appointments a join episodes e on e.id = a.episode_id order by a.starts_at`,
      );
      expect(rows).toHaveLength(summary.appointments);
      for (const a of rows) {
        expect(a.in_episode).toBe(true);
        expect(a.telehealth).toBe(a.room_id === null);
        if (a.telehealth) expect(a.location).toMatch(/^https:\/\/video\.demo\.bridgeway\.example\//);
        if (a.status === "cancelled") {
          expect(a.cancel_reason).toBeTruthy();
          expect(a.attendance_status).toBeNull();
        } else expect(a.attendance_status === null).toBe(new Date(a.ends_at).getTime() > MIDWEEK.getTime());
        if (a.kind === "family") expect(a.family).toBeGreaterThan(0);
      }
      expect(rows.some((a) => a.kind === "family" && a.linked_family > 0)).toBe(true);
      expect(rows.some((a) => a.status === "cancelled")).toBe(true);

      const held = rows.filter((a) => a.status === "scheduled");
      for (const a of held) {
        const times = localTimesOf(
          a.time_zone,
          new Date(a.starts_at).toISOString(),
          new Date(a.ends_at).toISOString(),
        );
        await assertNoConflicts(
          database.db,
          a.time_zone,
          {
            staffId: a.staff_id,
            staffName: "the counselor",
            roomId: a.room_id,
            roomName: "the room",
            participantId: a.participant_id,
            firstName: "the participant",
          },
          [
            {
              ...times,
              startsAt: new Date(a.starts_at).toISOString(),
              endsAt: new Date(a.ends_at).toISOString(),
            },
          ],
          { excludeIds: [a.id], allowUnavailability: false },
        );
      }
      expect(held.length).toBeGreaterThan(100);

      const rooms = await queryRows<{ site: string; rooms: number; tracks_in_rooms: number }>(
        database.db,
        sql`select s.name as site, (select count(*)::int from rooms r where r.site_id = s.id) as rooms,
            (select count(*)::int from tracks t join rooms r on r.id = t.room_id and r.site_id = s.id) as tracks_in_rooms
          from sites s order by s.name`,
      );
      expect(rooms).toEqual([
        { site: "Northgate", rooms: 4, tracks_in_rooms: 1 },
        { site: "Riverside", rooms: 5, tracks_in_rooms: 2 },
      ]);
      const declared = await one<{ people: number; outside_current: number }>(
        sql`select count(distinct participant_id)::int as people,
            (select count(*)::int from participant_unavailability u where not exists (
               select 1 from episodes e where e.participant_id = u.participant_id and e.discharged_on is null)) as outside_current
          from participant_unavailability`,
      );
      expect(declared.people).toBeGreaterThan(0);
      expect(declared.outside_current).toBe(0);
    },
    SCHEDULE_TIMEOUT,
  );
});
