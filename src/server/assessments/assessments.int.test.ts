import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { givenParticipant, givenSite, givenUser } from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn, testClock } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { type DatabaseHandle, queryRows } from "../db/connection";

const PHQ9 = (item9: number, over: Record<string, number> = {}) => ({
  "1": 1,
  "2": 2,
  "3": 1,
  "4": 2,
  "5": 0,
  "6": 1,
  "7": 1,
  "8": 0,
  "9": item9,
  ...over,
});

describeEachEngine(
  "assessments: scored at submission, critical answers alert in the same transaction",
  (engine) => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    let counselorCookie: string;
    let participantCookie: string;
    let strangerCookie: string;
    let participantId: string;
    const clock = testClock("2026-11-23T15:00:00Z");

    beforeAll(async () => {
      database = await openTestDatabase(engine);
      app = await buildTestApp(database, { now: clock.now });
      const site = await givenSite(database.db, "Assessment Site");
      const counselor = await givenUser(database.db, {
        roles: ["counselor"],
        siteNames: [site.name],
        displayName: "Casey Counselor",
      });
      const stranger = await givenUser(database.db, { roles: ["counselor"], siteNames: [site.name] });
      const person = await givenUser(database.db, { kind: "participant" });
      participantId = (
        await givenParticipant(database.db, {
          siteId: site.id,
          userId: person.id,
          careTeam: [{ userId: counselor.id, role: "primary_counselor" }],
        })
      ).id;
      counselorCookie = (await signIn(app, counselor.email, counselor.password)).cookie;
      participantCookie = (await signIn(app, person.email, person.password)).cookie;
      strangerCookie = (await signIn(app, stranger.email, stranger.password)).cookie;
    });
    afterAll(async () => {
      await app.close();
      await database.close();
    });

    const submit = (payload: object, cookie = counselorCookie) => {
      clock.advanceMinutes(1);
      return app.inject({
        method: "POST",
        url: `/api/v1/participants/${participantId}/assessments`,
        headers: { ...appHeaders, cookie },
        payload,
      });
    };
    const count = async (table: "assessment_responses" | "alerts") =>
      (
        await queryRows<{ n: number }>(
          database.db,
          sql`select count(*)::int as n from ${sql.raw(table)} where participant_id = ${participantId}`,
        )
      )[0]!.n;

    it("serves each questionnaire with its scoring facts", async () => {
      const list = await app.inject({ url: "/api/v1/instruments", headers: { cookie: counselorCookie } });
      const phq9 = list.json().instruments.find((i: { key: string }) => i.key === "phq9");
      expect(phq9).toMatchObject({
        version: "1.0.0",
        totalRange: { min: 0, max: 27 },
        loinc: { total: "44261-6" },
      });
      const one = await app.inject({
        url: "/api/v1/instruments/phq9",
        headers: { cookie: participantCookie },
      });
      expect(one.json().questionnaire).toMatchObject({ resourceType: "Questionnaire", url: phq9.url });
      const none = await app.inject({
        url: "/api/v1/instruments/nope",
        headers: { cookie: counselorCookie },
      });
      expect(none.statusCode).toBe(404);
    });

    it("scores a PHQ-9, raises one urgent alert for item 9 with the response, and never twice for a retry", async () => {
      const key = randomUUID();
      const first = await submit({
        instrumentKey: "phq9",
        version: "1.0.0",
        answers: PHQ9(1),
        idempotencyKey: key,
      });
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({
        replayed: false,
        crisis: false,
        response: {
          instrumentKey: "phq9",
          mode: "staff",
          scored: true,
          total: 9,
          band: "mild",
          enteredBy: "Casey Counselor",
          completedOn: "2026-11-23",
          critical: [{ rule: "phq9.item9", severity: "urgent", linkIds: ["9"] }],
        },
      });
      const responseId = first.json().response.id;
      const alerts = await queryRows<{
        kind: string;
        severity: string;
        evidence_id: string;
        evidence_item: string;
      }>(
        database.db,
        sql`select kind, severity, evidence_id, evidence_item from alerts where participant_id = ${participantId}`,
      );
      expect(alerts).toEqual([
        { kind: "phq9_item9", severity: "urgent", evidence_id: responseId, evidence_item: "9" },
      ]);

      const retry = await submit({
        instrumentKey: "phq9",
        version: "1.0.0",
        answers: PHQ9(1),
        idempotencyKey: key,
      });
      expect(retry.statusCode).toBe(200);
      expect(retry.json()).toMatchObject({ replayed: true, response: { id: responseId, total: 9 } });
      expect(await count("assessment_responses")).toBe(1);
      expect(await count("alerts")).toBe(1);
    });

    it("keeps a critical answer even when the form cannot be scored, saying which items are missing", async () => {
      const partial = await submit({
        instrumentKey: "phq9",
        version: "1.0.0",
        answers: { "1": 0, "2": 0, "9": 2 },
        idempotencyKey: randomUUID(),
      });
      expect(partial.statusCode).toBe(201);
      expect(partial.json().response).toMatchObject({
        scored: false,
        total: null,
        missing: ["3", "4", "5", "6", "7", "8"],
        critical: [{ rule: "phq9.item9" }],
      });
      const raised = await queryRows<{ evidence_id: string }>(
        database.db,
        sql`select evidence_id from alerts where evidence_id = ${partial.json().response.id}`,
      );
      expect(raised).toHaveLength(1);
    });

    it("refuses an answer outside the options, an unknown questionnaire and a retired version, keeping nothing", async () => {
      const before = await count("assessment_responses");
      const bad = await submit({
        instrumentKey: "phq9",
        version: "1.0.0",
        answers: PHQ9(0, { "3": 7, extra: 1 }),
        idempotencyKey: randomUUID(),
      });
      expect(bad.statusCode).toBe(400);
      expect(
        bad
          .json()
          .error.fields.map((f: { path: string }) => f.path)
          .sort(),
      ).toEqual(["answers.3", "answers.extra"]);
      const unknown = await submit({
        instrumentKey: "cssrs",
        version: "1.0.0",
        answers: {},
        idempotencyKey: randomUUID(),
      });
      expect(unknown.json().error).toMatchObject({
        code: "ASSESSMENTS_UNKNOWN_QUESTIONNAIRE",
        fields: [{ path: "instrumentKey" }],
      });
      const old = await submit({
        instrumentKey: "phq9",
        version: "0.9.0",
        answers: PHQ9(0),
        idempotencyKey: randomUUID(),
      });
      expect(old.statusCode).toBe(409);
      expect(old.json().error.code).toBe("ASSESSMENTS_VERSION_RETIRED");
      const future = await submit({
        instrumentKey: "phq9",
        version: "1.0.0",
        answers: PHQ9(0),
        idempotencyKey: randomUUID(),
        completedOn: "2026-11-30",
      });
      expect(future.json().error.fields[0].path).toBe("completedOn");
      expect(await count("assessment_responses")).toBe(before);
    });

    it("warns the care team when a score reliably worsens since the episode's first", async () => {
      // Baseline PHQ-9 total 9 (the first test); 16 is 7 points worse, beyond the 6-point threshold.
      const worse = await submit({
        instrumentKey: "phq9",
        version: "1.0.0",
        answers: PHQ9(0, { "5": 2, "8": 2, "7": 2, "3": 3, "1": 2 }),
        idempotencyKey: randomUUID(),
      });
      expect(worse.json().response).toMatchObject({ total: 16, band: "moderately_severe" });
      const warnings = await queryRows<{ severity: string; reason: string; evidence_id: string }>(
        database.db,
        sql`select severity, reason, evidence_id from alerts where kind = 'reliable_deterioration' and participant_id = ${participantId}`,
      );
      expect(warnings).toEqual([
        {
          severity: "warning",
          reason: expect.stringContaining("(9 on 2026-11-23 → 16; a change of 6 or more is reliable)"),
          evidence_id: worse.json().response.id,
        },
      ]);
      // A change within measurement error raises nothing.
      await submit({
        instrumentKey: "phq9",
        version: "1.0.0",
        answers: PHQ9(0, { "5": 2 }),
        idempotencyKey: randomUUID(),
      });
      expect(
        await queryRows(
          database.db,
          sql`select 1 from alerts where kind = 'reliable_deterioration' and participant_id = ${participantId}`,
        ),
      ).toHaveLength(1);
    });

    it("lets the participant answer an assigned ASQ on their phone: acute positive → emergency alert and crisis help", async () => {
      const assigned = await app.inject({
        method: "POST",
        url: `/api/v1/participants/${participantId}/assessment-assignments`,
        headers: { ...appHeaders, cookie: counselorCookie },
        payload: { instrumentKey: "asq", dueOn: "2026-11-24" },
      });
      expect(assigned.statusCode).toBe(201);
      const assignmentId = assigned.json().assignment.id;
      const again = await app.inject({
        method: "POST",
        url: `/api/v1/participants/${participantId}/assessment-assignments`,
        headers: { ...appHeaders, cookie: counselorCookie },
        payload: { instrumentKey: "asq", dueOn: "2026-11-25" },
      });
      expect(again.json().error.code).toBe("ASSESSMENTS_ALREADY_ASSIGNED");
      const mine = await app.inject({
        url: `/api/v1/participants/${participantId}/assessment-assignments`,
        headers: { cookie: participantCookie },
      });
      expect(mine.json().assignments).toEqual([
        expect.objectContaining({
          id: assignmentId,
          instrumentKey: "asq",
          dueOn: "2026-11-24",
          assignedBy: "Casey Counselor",
        }),
      ]);

      const answered = await submit(
        {
          instrumentKey: "asq",
          version: "1.0.0",
          answers: { "1": true, "2": false, "3": true, "4": false, "5": true },
          idempotencyKey: randomUUID(),
          language: "es",
          assignmentId,
        },
        participantCookie,
      );
      expect(answered.statusCode).toBe(201);
      expect(answered.json()).toMatchObject({
        crisis: true,
        response: { mode: "self", band: "acute_positive", enteredBy: null },
      });
      const emergency = await queryRows<{ severity: string; kind: string }>(
        database.db,
        sql`select severity, kind from alerts where evidence_id = ${answered.json().response.id}`,
      );
      expect(emergency).toEqual([{ severity: "emergency", kind: "asq_acute_positive" }]);
      const after = await app.inject({
        url: `/api/v1/participants/${participantId}/assessment-assignments`,
        headers: { cookie: participantCookie },
      });
      expect(after.json().assignments).toEqual([]);
      // Participants record today's answers only; the assignment cannot be answered twice.
      const backdated = await submit(
        {
          instrumentKey: "gad7",
          version: "1.0.0",
          answers: {},
          idempotencyKey: randomUUID(),
          completedOn: "2026-11-20",
        },
        participantCookie,
      );
      expect(backdated.json().error.fields[0].path).toBe("completedOn");
      const twice = await submit(
        {
          instrumentKey: "asq",
          version: "1.0.0",
          answers: { "1": false, "2": false, "3": false, "4": false },
          idempotencyKey: randomUUID(),
          assignmentId,
        },
        participantCookie,
      );
      expect(twice.json().error.fields[0].path).toBe("assignmentId");
    });

    it("withdraws an open assignment once, and lists the history oldest first", async () => {
      const assigned = await app.inject({
        method: "POST",
        url: `/api/v1/participants/${participantId}/assessment-assignments`,
        headers: { ...appHeaders, cookie: counselorCookie },
        payload: { instrumentKey: "who5", dueOn: "2026-11-30" },
      });
      const url = `/api/v1/participants/${participantId}/assessment-assignments/${assigned.json().assignment.id}/cancel`;
      const cancel = () =>
        app.inject({ method: "POST", url, headers: { ...appHeaders, cookie: counselorCookie } });
      expect((await cancel()).statusCode).toBe(200);
      expect((await cancel()).json().error.code).toBe("ASSESSMENTS_ASSIGNMENT_CLOSED");
      const past = await app.inject({
        method: "POST",
        url: `/api/v1/participants/${participantId}/assessment-assignments`,
        headers: { ...appHeaders, cookie: counselorCookie },
        payload: { instrumentKey: "who5", dueOn: "2026-11-01" },
      });
      expect(past.json().error.fields[0].path).toBe("dueOn");

      const history = await app.inject({
        url: `/api/v1/participants/${participantId}/assessments`,
        headers: { cookie: counselorCookie },
      });
      expect(history.json().responses.map((r: { instrumentKey: string }) => r.instrumentKey)).toEqual([
        "phq9",
        "phq9",
        "phq9",
        "phq9",
        "asq",
      ]);
      const audited = await queryRows<{ action: string }>(
        database.db,
        sql`select distinct action from audit_events where participant_id = ${participantId} and action like 'assessment.%' order by action`,
      );
      expect(audited.map((a) => a.action)).toEqual([
        "assessment.assign",
        "assessment.assignment_cancel",
        "assessment.assignments_view",
        "assessment.list",
        "assessment.submit",
        "assessment.submit_replayed",
      ]);
    });

    it("keeps staff outside the care team out (break-the-glass offered) and records nothing", async () => {
      const before = await count("assessment_responses");
      const denied = await submit(
        { instrumentKey: "phq9", version: "1.0.0", answers: PHQ9(0), idempotencyKey: randomUUID() },
        strangerCookie,
      );
      expect(denied.statusCode).toBe(403);
      expect(denied.json().error.code).toBe("ACCESS_BREAK_GLASS_AVAILABLE");
      expect(await count("assessment_responses")).toBe(before);
    });

    it("gives a participant in crisis the site's on-call line with the result; staff entering answers get none", async () => {
      await database.db.execute(
        sql`update sites set on_call_phone = '(555) 010-4400' where id = (select site_id from participants where id = ${participantId})`,
      );
      const self = await submit(
        { instrumentKey: "phq9", version: "1.0.0", answers: PHQ9(2), idempotencyKey: randomUUID() },
        participantCookie,
      );
      expect(self.json()).toMatchObject({
        crisis: true,
        onCall: { site: "Assessment Site", phone: "(555) 010-4400" },
      });
      const staff = await submit({
        instrumentKey: "phq9",
        version: "1.0.0",
        answers: PHQ9(2),
        idempotencyKey: randomUUID(),
      });
      expect(staff.json()).toMatchObject({ crisis: false, onCall: null });
      await database.db.execute(
        sql`update sites set on_call_phone = '' where id = (select site_id from participants where id = ${participantId})`,
      );
    });
  },
);
