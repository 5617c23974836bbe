import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { FOLLOW_UP_RESPONSE_RANGES, responseQuota } from "../../core/demo/demo-discharges";
import { FOLLOW_UP_WAVES } from "../../core/follow-ups/follow-up.schema";
import { DISCHARGE_REASONS } from "../../core/participants/episodes.schema";
import { type DatabaseHandle, queryRows } from "../db/connection";
import { type DemoProgress, type DemoSummary, generateDemo } from "./demo.service";

const NOW = new Date("2026-11-23T15:00:00Z");
const SEED = 7;
const TIMEOUT = 120_000;

describeEachEngine("demo discharges, aftercare and alumni", (engine) => {
  let database: DatabaseHandle;
  let summary: DemoSummary;
  let phaseMs = 0;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    let started = 0;
    summary = await generateDemo(database, {
      seed: SEED,
      scale: "small",
      now: NOW,
      onProgress: (p: DemoProgress) => {
        if (p.phase !== "discharges") return;
        if (p.done === 0) started = performance.now();
        else phaseMs = performance.now() - started;
      },
    });
    console.info(
      `[${engine}] discharges phase (small): ${phaseMs.toFixed(0)} ms`,
      JSON.stringify(summary.discharges),
    );
  }, TIMEOUT);
  afterAll(async () => {
    await database.close();
  });

  const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(database.db, query);

  it("records every discharge reason, with the details of each discharge", async () => {
    const reasons = await rows<{ reason: string }>(
      sql`select distinct discharge_reason as reason from episodes where discharged_on is not null`,
    );
    expect(reasons.map((r) => r.reason).sort()).toEqual([...DISCHARGE_REASONS].sort());
    const [facts] = await rows<Record<string, number>>(
      sql`select
            count(*) filter (where discharge_level_of_care is distinct from '2.1')::int as no_level,
            count(*) filter (where discharged_by is distinct from primary_counselor_id)::int as wrong_by,
            count(*) filter (where discharge_recorded_at is null)::int as unrecorded,
            count(*) filter (where discharge_reason = 'other' and coalesce(discharge_note, '') = '')::int as other_without_note,
            count(*) filter (where discharge_reason = 'transferred' and referred_level_of_care not in ('2.5', '3.5'))::int as bad_transfer,
            count(*) filter (where discharge_reason = 'completed' and referred_level_of_care is not null and referred_level_of_care <> '1.0')::int as bad_step_down
          from episodes where discharged_on is not null`,
    );
    expect(facts).toEqual({
      no_level: 0,
      wrong_by: 0,
      unrecorded: 0,
      other_without_note: 0,
      bad_transfer: 0,
      bad_step_down: 0,
    });
    expect(summary.discharges.discharges).toBeGreaterThan(0);
  });

  it("links every re-admission to the episode before it", async () => {
    const [links] = await rows<{ later: number; linked: number; wrong: number }>(
      sql`select count(*)::int as later,
                 count(*) filter (where e.previous_episode_id is not null)::int as linked,
                 count(*) filter (where e.previous_episode_id is distinct from (
                   select p.id from episodes p where p.participant_id = e.participant_id and p.admitted_on < e.admitted_on
                    order by p.admitted_on desc limit 1))::int as wrong
            from episodes e
           where exists (select 1 from episodes o where o.participant_id = e.participant_id and o.admitted_on < e.admitted_on)`,
    );
    // Seed 7 at small scale happens to re-admit nobody; clinic scale re-admits 12 (seed 7) to 20 (seed 1).
    expect(links).toMatchObject({ linked: links!.later, wrong: 0 });
    const [firsts] = await rows<{ n: number }>(
      sql`select count(*)::int as n from episodes e where previous_episode_id is not null and not exists (
            select 1 from episodes o where o.participant_id = e.participant_id and o.admitted_on < e.admitted_on)`,
    );
    expect(firsts!.n).toBe(0);
  });

  it("signs summaries only after discharge, and aftercare plans only with both signatures", async () => {
    const [facts] = await rows<Record<string, number>>(
      sql`select
            (select count(*)::int from discharge_summaries where status = 'signed') as signed,
            (select count(*)::int from discharge_summaries where status = 'draft') as drafts,
            (select count(*)::int from discharge_summaries s join episodes e on e.id = s.episode_id
              where e.discharged_on is null or s.signed_at < e.discharged_on::timestamptz - interval '14 hours'
                 or s.generated_at > ${NOW.toISOString()}::timestamptz) as bad_summaries,
            (select count(*)::int from aftercare_plans where status = 'signed') as signed_plans,
            (select count(*)::int from aftercare_plans where status = 'signed' and (participant_signature is null
               or staff_signed_by is null or staff_signed_at < participant_signed_at)) as bad_signed_plans,
            (select count(*)::int from aftercare_plans where status = 'draft' and (participant_signed_at is not null
               or staff_signed_at is not null)) as bad_drafts,
            (select count(*)::int from aftercare_plans a join episodes e on e.id = a.episode_id where e.discharged_on is null) as current_drafts,
            (select count(*)::int from aftercare_tasks t where not exists (
               select 1 from aftercare_plans a where a.episode_id = t.episode_id and a.status = 'signed'
                 and a.content->'stepDown'->>'appointmentOn' = t.appointment_on::text)) as orphan_tasks,
            (select count(*)::int from aftercare_tasks where status = 'done' and outcome is null) as done_without_outcome`,
    );
    expect(facts).toMatchObject({
      bad_summaries: 0,
      bad_signed_plans: 0,
      bad_drafts: 0,
      orphan_tasks: 0,
      done_without_outcome: 0,
    });
    expect(facts!.signed).toBeGreaterThan(0);
    // Drafted by buildDischargeSummaryDraft: until its owner's version lands it returns empty sections
    // (the only case tolerated); once any summary has sections, every one must.
    const drafts = await rows<{ sections: Record<string, string>; facts: unknown }>(
      sql`select sections, facts from discharge_summaries`,
    );
    expect(drafts.every((d) => typeof d.sections === "object" && d.facts !== null)).toBe(true);
    if (drafts.some((d) => Object.keys(d.sections).length > 0))
      expect(drafts.every((d) => Object.values(d.sections).some((text) => text.trim() !== ""))).toBe(true);
    expect(facts!.signed_plans).toBeGreaterThan(0);
    const outcomes = await rows<{ outcome: string | null; status: string }>(
      sql`select distinct outcome, status from aftercare_tasks`,
    );
    expect(outcomes.some((o) => o.outcome === "attended")).toBe(true);
  });

  it("answers past-due follow-ups at realistic rates, each completed one with its questionnaires", async () => {
    const waves = await rows<{ wave: number; sent: number; completed: number }>(
      sql`select wave, count(*) filter (where sent_at is not null)::int as sent,
                 count(*) filter (where status = 'completed')::int as completed
            from follow_up_surveys group by wave order by wave`,
    );
    for (const wave of FOLLOW_UP_WAVES) {
      const row = waves.find((w) => w.wave === wave);
      if (!row || row.sent === 0) continue;
      const [low, high] = FOLLOW_UP_RESPONSE_RANGES[wave];
      expect(row.completed).toBe(responseQuota(row.sent, [low, high]));
      const share = row.completed / row.sent;
      // With few waves no whole count lies in the range: then the nearest.
      expect(share).toBeGreaterThanOrEqual(low - 1 / row.sent);
      expect(share).toBeLessThanOrEqual(high + 1 / row.sent);
    }
    expect(waves.find((w) => w.wave === 30)!.sent).toBeGreaterThan(5);
    const [facts] = await rows<Record<string, number>>(
      sql`select
            count(*) filter (where f.status = 'completed' and (f.answers is null or phq.instrument_key is distinct from 'phq9'
               or gad.instrument_key is distinct from 'gad7' or phq.total is null or gad.total is null
               or phq.participant_id <> f.participant_id))::int as incomplete,
            count(*) filter (where e.discharge_reason = 'died')::int as after_death,
            count(*) filter (where f.status in ('sent', 'completed', 'expired') and (f.token_hash is null or f.sent_at is null))::int as unsent,
            count(*) filter (where f.status = 'scheduled' and f.due_on <= ${"2026-11-23"}::date)::int as overdue_scheduled,
            count(*) filter (where f.status = 'cancelled')::int as cancelled,
            count(*) filter (where f.reminders_sent > 0)::int as reminded
          from follow_up_surveys f join episodes e on e.id = f.episode_id
          left join assessment_responses phq on phq.id = f.phq9_response_id
          left join assessment_responses gad on gad.id = f.gad7_response_id`,
    );
    expect(facts).toMatchObject({ incomplete: 0, after_death: 0, unsent: 0, overdue_scheduled: 0 });
    expect(facts!.reminded).toBeGreaterThan(0);
    const [died] = await rows<{ n: number }>(
      sql`select count(*)::int as n from episodes where discharge_reason = 'died'`,
    );
    expect(died!.n).toBeGreaterThan(0);
  });

  it("raises an open re-engagement alert for recent risk, pointing at its survey or check-in", async () => {
    const alertRows = await rows<{
      kind: string;
      state: string;
      evidence_kind: string;
      ok: boolean;
      recipients: number;
    }>(
      sql`select a.kind, a.state, a.evidence_kind,
                 case a.evidence_kind
                   when 'follow_up_survey' then exists (select 1 from follow_up_surveys f where f.id::text = a.evidence_id and f.findings <> '[]'::jsonb)
                   when 'alumni_check_in' then exists (select 1 from alumni_check_ins c where c.id::text = a.evidence_id
                        and (c.used_since_last or c.wants_contact or c.craving >= 8 or c.mood <= 1))
                   when 'aftercare_task' then exists (select 1 from aftercare_tasks t where t.id::text = a.evidence_id and t.status = 'open')
                 end as ok,
                 (select count(*)::int from alert_recipients r where r.alert_id = a.id) as recipients
            from alerts a where a.kind in ('alumni_reengagement', 'aftercare_appointment_unconfirmed')`,
    );
    expect(alertRows.length).toBe(summary.discharges.alerts);
    expect(alertRows.every((a) => a.ok && a.recipients > 0)).toBe(true);
    expect(
      alertRows.some(
        (a) =>
          a.kind === "alumni_reengagement" && a.state === "open" && a.evidence_kind === "alumni_check_in",
      ),
    ).toBe(true);
  });

  it("keeps alumni consistent: nobody who died, opt-outs with their source, check-ins fading, events with replies", async () => {
    const [facts] = await rows<Record<string, number>>(
      sql`select
            (select count(*)::int from alumni_memberships m join episodes e on e.id = m.episode_id where e.discharge_reason = 'died') as died_members,
            (select count(*)::int from alumni_memberships where status = 'opted_out' and (opted_out_at is null or opt_out_source is null)) as bad_opt_outs,
            (select count(*)::int from alumni_memberships where status = 'readmitted') as readmitted,
            (select count(*)::int from alumni_memberships m where m.status = 'readmitted' and not exists (
               select 1 from episodes e where e.participant_id = m.participant_id and e.discharged_on is null)) as bad_readmitted,
            (select count(*)::int from alumni_check_ins c join alumni_memberships m on m.participant_id = c.participant_id
              where c.week_of < m.joined_on - 6 or c.recorded_at > ${NOW.toISOString()}::timestamptz
                 or (m.status = 'opted_out' and c.recorded_at > m.opted_out_at)) as bad_check_ins,
            (select count(*)::int from alumni_events where starts_at > ${NOW.toISOString()}::timestamptz) as upcoming,
            (select count(*)::int from alumni_events where starts_at < ${NOW.toISOString()}::timestamptz) as past,
            (select count(*)::int from alumni_event_rsvps) as rsvps,
            (select count(*)::int from message_threads where audience = 'alumni') as threads`,
    );
    expect(facts).toMatchObject({ died_members: 0, bad_opt_outs: 0, bad_readmitted: 0, bad_check_ins: 0 });
    expect(facts!.upcoming).toBeGreaterThan(0);
    expect(facts!.past).toBeGreaterThan(0);
    expect(facts!.rsvps).toBeGreaterThan(0);
    expect(facts!.threads).toBeGreaterThan(0);
    expect(summary.discharges.alumniCheckIns).toBeGreaterThan(0);
  });
});
