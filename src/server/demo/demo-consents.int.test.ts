import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, signIn } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import {
  checkConsentForDisclosure,
  findMissingElements,
  findMissingSignatures,
} from "../../core/consents/consent.rules";
import type { InformationScope } from "../../core/consents/consent.schema";
import { PART2_STATEMENTS } from "../../core/consents/statements";
import { exceptionDetailsSchema } from "../../core/disclosures/disclosure.schema";
import { FAMILY_MODULE_KEYS } from "../../core/family-learning/family-learning.schema";
import { localDateIn } from "../../core/treatment-plans/review-due.rules";
import { listConsentFacts } from "../consents/consent-facts.sql";
import { type DatabaseHandle, queryRows } from "../db/connection";
import { type DemoSummary, generateDemo } from "./demo.service";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts";

const NOW = new Date("2026-11-23T15:00:00Z");
const TODAY = "2026-11-23";
const SEED = 7;
const TIMEOUT = 120_000;

describeEachEngine("demo consents and family data", (engine) => {
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
  const familyEmail = DEMO_ACCOUNTS.find((a) => a.kind === "family")!.email;
  const participantEmail = DEMO_ACCOUNTS.find((a) => a.kind === "participant")!.email;

  it("signs every consent marked signed with every §2.31 element and every signature its minor rule requires", async () => {
    const ids = await rows<{ id: string; status: string; document_text: string }>(
      sql`select id, status, document_text from consents order by id`,
    );
    expect(ids.length).toBe(summary.consents.consents);
    const facts = await listConsentFacts(
      database.db,
      ids.map((c) => c.id),
    );
    const signed = facts.filter((c) => c.status === "signed");
    expect(signed.length).toBeGreaterThan(0);
    for (const consent of signed) {
      expect(findMissingElements(consent, null)).toEqual([]);
      expect(findMissingSignatures(consent.requiredSigners, consent.signatures)).toEqual([]);
    }
    for (const c of ids) {
      if (c.status === "signed") expect(c.document_text).toContain("42 CFR 2.31(a)(3)");
      else expect(c.document_text).toBe("");
    }
  });

  it("gives every admission a TPO consent signed that day in the site's zone, and the §2.22 notice to all but the newest admissions", async () => {
    const [facts] = await rows<{
      episodes: number;
      without_tpo: number;
      signed_elsewhen: number;
      no_refusal_words: number;
      notices: number;
      current_without_notice: number;
      past_without_notice: number;
      declined: number;
    }>(
      sql`select count(*)::int as episodes,
            count(*) filter (where not exists (select 1 from consents c where c.participant_id = e.participant_id
              and c.kind = 'tpo' and c.status = 'signed'
              and c.expiry_event in ('none', 'end_of_treatment')))::int as without_tpo,
            count(*) filter (where not exists (select 1 from consents c where c.participant_id = e.participant_id
              and c.kind = 'tpo' and (c.signed_at at time zone s.time_zone)::date = e.admitted_on))::int as signed_elsewhen,
            (select count(*)::int from consents where kind = 'tpo' and refusal_consequences = '') as no_refusal_words,
            (select count(*)::int from patient_notice_deliveries) as notices,
            count(*) filter (where e.discharged_on is null and not exists (select 1 from patient_notice_deliveries n
              where n.episode_id = e.id))::int as current_without_notice,
            count(*) filter (where e.discharged_on is not null and not exists (select 1 from patient_notice_deliveries n
              where n.episode_id = e.id))::int as past_without_notice,
            (select count(*)::int from patient_notice_deliveries where acknowledgement = 'declined' and method = 'paper') as declined
          from episodes e join sites s on s.id = e.site_id`,
    );
    expect(facts).toMatchObject({
      without_tpo: 0,
      signed_elsewhen: 0,
      no_refusal_words: 0,
      past_without_notice: 0,
    });
    expect(facts!.current_without_notice).toBeGreaterThanOrEqual(1);
    expect(facts!.current_without_notice).toBeLessThanOrEqual(2);
    expect(facts!.notices).toBe(summary.consents.noticeDeliveries);
    expect(facts!.notices).toBe(facts!.episodes - facts!.current_without_notice);
  });

  it("rests every family link on a consent recipient naming that account for that participant", async () => {
    const links = await rows<{ user_id: string; matches: boolean; kind: string }>(
      sql`select l.user_id, u.kind,
            coalesce(r.family_user_id = l.user_id and c.participant_id = l.participant_id and r.safety_screen = 'safe', false) as matches
          from family_links l join users u on u.id = l.user_id
          left join consent_recipients r on r.id = l.consent_recipient_id
          left join consents c on c.id = r.consent_id`,
    );
    expect(links.length).toBe(summary.consents.familyAccounts);
    for (const link of links) expect(link).toMatchObject({ matches: true, kind: "family" });
    const [accounts] = await rows<{ with_password: number; unlinked: number }>(
      sql`select count(*) filter (where password_hash is not null and email <> ${familyEmail})::int as with_password,
            count(*) filter (where not exists (select 1 from family_links l where l.user_id = u.id))::int as unlinked
          from users u where kind = 'family'`,
    );
    expect(accounts).toEqual({ with_password: 0, unlinked: 0 });
  });

  it("logs family-portal views only while the consent allowed them: in scope, after signing, before a revocation, an expiry or a hold", async () => {
    const views = await rows<{
      consent_id: string;
      recipient_id: string;
      recipient_user_id: string;
      disclosed_by: string;
      information: InformationScope[];
      disclosed_at: string;
      statement: string;
      scope_summary: string;
      time_zone: string;
      restricted: InformationScope[];
    }>(
      sql`select d.consent_id, d.recipient_id, d.recipient_user_id, d.disclosed_by, d.information, d.disclosed_at,
            d.statement, d.scope_summary, s.time_zone,
            coalesce((select array_agg(distinct x) from consent_restrictions cr, unnest(cr.information_scope) x
              where cr.participant_id = d.participant_id and cr.status = 'agreed'), '{}') as restricted
          from disclosures d join sites s on s.id = d.site_id where d.channel = 'family_portal'`,
    );
    expect(views.length).toBeGreaterThan(20);
    const facts = new Map(
      (await listConsentFacts(database.db, [...new Set(views.map((v) => v.consent_id))])).map((c) => [
        c.id,
        c,
      ]),
    );
    for (const view of views) {
      const consent = facts.get(view.consent_id)!;
      const at = new Date(view.disclosed_at);
      // A hold placed after this view did not exist yet when it was made.
      const then = { ...consent, holdAt: consent.holdAt && consent.holdAt <= at ? consent.holdAt : null };
      const problems = checkConsentForDisclosure(then, view.recipient_id, view.information, {
        now: at,
        today: localDateIn(at, view.time_zone),
        treatmentEndedOn: null,
        restrictedScopes: view.restricted,
      });
      expect(problems).toEqual([]);
      expect(at.getTime()).toBeGreaterThan(consent.signedAt!.getTime());
      expect(view.recipient_user_id).toBe(view.disclosed_by);
      expect(view.statement).toBe("statement_1");
      expect(view.scope_summary).toContain(`Consent (named recipient) signed`);
    }
  });

  it("links the demo family account through a consent to the demo participant with the full family scope", async () => {
    const [demoLink] = await rows<{ scope: string[]; status: string; relationship: string; views: number }>(
      sql`select c.information_scope as scope, c.status, l.relationship,
            (select count(*)::int from disclosures d where d.recipient_user_id = f.id) as views
          from users f join family_links l on l.user_id = f.id
          join participants p on p.id = l.participant_id join users pu on pu.id = p.user_id and pu.email = ${participantEmail}
          join consent_recipients r on r.id = l.consent_recipient_id and r.family_user_id = f.id and r.revoked_at is null
          join consents c on c.id = r.consent_id and c.hold_at is null
         where f.email = ${familyEmail}`,
    );
    expect(demoLink).toMatchObject({ status: "signed", relationship: "sister" });
    expect([...demoLink!.scope].sort()).toEqual(
      [
        "attendance_summary",
        "family_messages",
        "family_session_schedule",
        "shared_progress",
        "treatment_goals",
      ].sort(),
    );
    expect(demoLink!.views).toBeGreaterThan(0);
    const [own] = await rows<{ threads: number; check_ins: number; modules: number; updates: number }>(
      sql`select (select count(*)::int from message_threads t join users u on u.id = t.family_user_id where u.email = ${familyEmail}) as threads,
            (select count(*)::int from family_check_ins c join users u on u.id = c.user_id where u.email = ${familyEmail}) as check_ins,
            (select count(*)::int from family_module_progress m join users u on u.id = m.user_id where u.email = ${familyEmail}) as modules,
            (select count(*)::int from shared_updates s join participants p on p.id = s.participant_id
               join users u on u.id = p.user_id where u.email = ${participantEmail}) as updates`,
    );
    expect(own!.threads).toBe(1);
    expect(own!.modules).toBeGreaterThan(0);
    expect(own!.updates).toBeGreaterThan(0);
  });

  it("lets the demo family account sign in and see the demo participant's shared sections through the family portal, and nothing beyond them", async () => {
    const app = await buildTestApp(database, { now: () => NOW });
    try {
      const { cookie } = await signIn(app, familyEmail, DEMO_PASSWORD);
      const get = (url: string) => app.inject({ method: "GET", url: `/api/v1${url}`, headers: { cookie } });
      const people = await get("/family/people");
      expect(people.statusCode).toBe(200);
      const body = people.json() as {
        people: { participantId: string; name: string; scopes: string[] }[];
        noLongerShared: number;
      };
      expect(body.people).toHaveLength(1);
      const [casey] = body.people;
      expect(casey!.name).toBe("Casey");
      expect([...casey!.scopes].sort()).toEqual(
        [
          "attendance_summary",
          "family_messages",
          "family_session_schedule",
          "shared_progress",
          "treatment_goals",
        ].sort(),
      );
      for (const view of ["schedule", "attendance", "progress", "goals"]) {
        const response = await get(`/family/people/${casey!.participantId}/${view}`);
        expect(response.statusCode, view).toBe(200);
        expect((response.json() as { statement: { text: string } }).statement.text).toBe(
          PART2_STATEMENTS.statement_1,
        );
      }
      const progress = (await get(`/family/people/${casey!.participantId}/progress`)).json() as Record<
        string,
        unknown[]
      >;
      expect(JSON.stringify(progress)).toContain(
        (
          await rows<{ body: string }>(
            sql`select s.body from shared_updates s where s.participant_id = ${casey!.participantId}::uuid order by s.created_at desc limit 1`,
          )
        )[0]!.body,
      );
      expect((await get(`/family/people/${casey!.participantId}/scores`)).statusCode).toBe(403);
    } finally {
      await app.close();
    }
  });

  it("includes the revoked, expired, held, unsafe and waiting consents the chart and the portal must handle", async () => {
    const [facts] = await rows<{
      whole: number;
      partial: number;
      partial_kept: number;
      expired: number;
      held: number;
      concern_drafts: number;
      concern_alerts: number;
      minor_waiting: number;
      minors: number;
      minor_rules: number;
      kinds: string[];
    }>(
      sql`select
            (select count(*)::int from consent_revocations where recipient_id is null) as whole,
            (select count(*)::int from consent_revocations where recipient_id is not null) as partial,
            (select count(*)::int from consent_revocations v join consent_recipients r on r.consent_id = v.consent_id
               and r.id <> v.recipient_id and r.revoked_at is null) as partial_kept,
            (select count(*)::int from consents where expires_on < ${TODAY}::date and kind = 'named_recipient') as expired,
            (select count(*)::int from consents where hold_at is not null and hold_note <> '' and hold_by is not null) as held,
            (select count(*)::int from consents c where c.status = 'draft' and exists (select 1 from consent_recipients r
               where r.consent_id = c.id and r.safety_screen = 'concern' and r.family_user_id is null)) as concern_drafts,
            (select count(*)::int from alerts a join consents c on c.id::text = a.evidence_id
               where a.kind = 'family_safety_concern' and a.state = 'open' and a.evidence_kind = 'consent') as concern_alerts,
            (select count(*)::int from consents c where c.status = 'draft' and 'parent_guardian' = any(c.required_signers)
               and exists (select 1 from consent_signatures s where s.consent_id = c.id and s.role = 'patient')
               and not exists (select 1 from consent_signatures s where s.consent_id = c.id and s.role = 'parent_guardian')) as minor_waiting,
            (select count(*)::int from participants p where p.born_on > ${TODAY}::date - interval '18 years'
               and exists (select 1 from episodes e where e.participant_id = p.id and e.discharged_on is null)) as minors,
            (select count(*)::int from minor_consent_rules where notes like 'Demo data only%') as minor_rules,
            (select array_agg(distinct kind order by kind) from consents) as kinds`,
    );
    expect(facts).toMatchObject({
      whole: 1,
      partial: 1,
      partial_kept: 1,
      expired: 1,
      held: 1,
      concern_drafts: 1,
    });
    expect(facts!.concern_alerts).toBe(1);
    expect(facts!.minor_waiting).toBe(facts!.minors > 0 ? 1 : 0);
    expect(facts!.minor_rules).toBe(2);
    expect(facts!.kinds).toEqual([
      "counseling_notes",
      "criminal_justice",
      "named_recipient",
      "research",
      "tpo",
    ]);
  });

  it("records the release, the emergency, the audit waiting for the director and the refused court order, each with its details", async () => {
    const exceptions = await rows<{
      kind: string;
      status: string;
      details: unknown;
      disclosures: number;
      open_alert: boolean;
    }>(
      sql`select x.kind, x.status, x.details,
            (select count(*)::int from disclosures d where d.exception_id = x.id and d.basis = x.kind) as disclosures,
            exists (select 1 from alerts a where a.evidence_kind = 'disclosure_exception' and a.evidence_id = x.id::text
              and a.kind = 'disclosure_approval_needed' and a.state = 'open') as open_alert
          from disclosure_exceptions x order by x.kind`,
    );
    expect(exceptions.map((x) => [x.kind, x.status, x.disclosures, x.open_alert])).toEqual([
      ["audit_evaluation", "pending_approval", 0, true],
      ["court_order", "refused", 0, false],
      ["medical_emergency", "recorded", 1, false],
    ]);
    for (const x of exceptions) expect(exceptionDetailsSchema.safeParse(x.details).success).toBe(true);
    const [release] = await rows<{ n: number; in_scope: boolean }>(
      sql`select count(*)::int as n, bool_and(d.information <@ c.information_scope and d.disclosed_at > c.signed_at) as in_scope
          from disclosures d join consents c on c.id = d.consent_id where d.channel = 'record_release'`,
    );
    expect(release).toEqual({ n: 1, in_scope: true });
  });

  it("keeps restrictions, do-not-disclose entries, shared updates, family check-ins and family threads consistent with the consents", async () => {
    const [facts] = await rows<{
      restrictions: string[];
      restriction_alerts: number;
      blocks: number;
      updates_without_scope: number;
      wrong_language_updates: number;
      threads_without_scope: number;
      wrong_authors: number;
      check_ins: number;
      bad_modules: number;
    }>(
      sql`select
            (select array_agg(kind || ':' || status order by kind, status) from consent_restrictions) as restrictions,
            (select count(*)::int from alerts a join consent_restrictions r on r.id::text = a.evidence_id
               where a.kind = 'restriction_requested' and a.state = 'open' and r.status = 'requested') as restriction_alerts,
            (select count(distinct participant_id)::int from disclosure_blocks) as blocks,
            (select count(*)::int from shared_updates s where not exists (select 1 from consents c
               where c.participant_id = s.participant_id and 'shared_progress' = any(c.information_scope))) as updates_without_scope,
            (select count(*)::int from shared_updates s join participants p on p.id = s.participant_id
               where (p.preferred_language = 'es') <> (s.body ~ '[áéíóúñ¿]')) as wrong_language_updates,
            (select count(*)::int from message_threads t where t.family_user_id is not null and not exists (
               select 1 from family_links l join consent_recipients r on r.id = l.consent_recipient_id
               join consents c on c.id = r.consent_id
               where l.user_id = t.family_user_id and l.participant_id = t.participant_id
                 and 'family_messages' = any(c.information_scope))) as threads_without_scope,
            (select count(*)::int from messages m join message_threads t on t.id = m.thread_id
               join users u on u.id = m.author_id
               where t.family_user_id is not null
                 and not ((m.author_kind = 'family' and m.author_id = t.family_user_id) or (m.author_kind = 'staff' and u.kind = 'staff'))) as wrong_authors,
            (select count(*)::int from family_check_ins) as check_ins,
            (select count(*)::int from family_module_progress where not (${JSON.stringify(FAMILY_MODULE_KEYS)}::jsonb ? module_key)) as bad_modules`,
    );
    expect(facts).toMatchObject({
      restrictions: ["category:agreed", "category:requested", "health_plan_self_paid:agreed"],
      restriction_alerts: 1,
      blocks: 2,
      updates_without_scope: 0,
      wrong_language_updates: 0,
      threads_without_scope: 0,
      wrong_authors: 0,
      bad_modules: 0,
    });
    expect(facts!.check_ins).toBeGreaterThan(0);
    expect(summary.consents.familyThreads).toBeGreaterThan(0);
  });

  it(
    "is the same demo from the same seed",
    async () => {
      const fingerprint = (db: DatabaseHandle) =>
        queryRows<Record<string, string>>(
          db.db,
          sql`select
              (select md5(string_agg(concat_ws('|', id, kind, status, signed_at, document_text), ',' order by id)) from consents) as consents,
              (select md5(string_agg(concat_ws('|', id, information::text, disclosed_at, payload_hash), ',' order by id))
                 from disclosures where disclosed_at < ${NOW.toISOString()}::timestamptz) as disclosures,
              (select md5(string_agg(concat_ws('|', user_id, participant_id, consent_recipient_id), ',' order by user_id)) from family_links) as links`,
        );
      const again = await openTestDatabase(engine);
      try {
        await generateDemo(again, { seed: SEED, scale: "small", now: NOW });
        expect(await fingerprint(again)).toEqual(await fingerprint(database));
      } finally {
        await again.close();
      }
    },
    TIMEOUT,
  );
});
