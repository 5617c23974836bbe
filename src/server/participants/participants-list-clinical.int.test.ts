import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { givenParticipant, givenSite, givenUser } from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn, testClock } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import type { DatabaseHandle } from "../db/connection";

/** PHQ-9 answers adding up to `total`, item 9 given separately. */
function phq9(total: number, item9 = 0): Record<string, number> {
  const answers: Record<string, number> = { "9": item9 };
  let left = total - item9;
  for (let item = 1; item <= 8; item++) {
    answers[String(item)] = Math.min(3, left);
    left -= answers[String(item)]!;
  }
  return answers;
}

describeEachEngine(
  "caseload list: key scores and flags, only where clinical content may be read",
  (engine) => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    let counselorCookie: string;
    let frontDeskCookie: string;
    let mineId: string;
    let othersId: string;
    const clock = testClock("2026-11-23T15:00:00Z");

    beforeAll(async () => {
      database = await openTestDatabase(engine);
      app = await buildTestApp(database, { now: clock.now });
      const db = database.db;
      const site = await givenSite(db, "Caseload Site");
      // Also front desk: the whole site's list, while clinical content stays with the caseload.
      const counselor = await givenUser(db, { roles: ["counselor", "front_desk"], siteNames: [site.name] });
      const colleague = await givenUser(db, { roles: ["counselor"], siteNames: [site.name] });
      const frontDesk = await givenUser(db, { roles: ["front_desk"], siteNames: [site.name] });
      mineId = (
        await givenParticipant(db, {
          siteId: site.id,
          givenName: "Mina",
          familyName: "Arce",
          admittedOn: "2026-10-01",
          careTeam: [{ userId: counselor.id, role: "primary_counselor" }],
        })
      ).id;
      othersId = (
        await givenParticipant(db, {
          siteId: site.id,
          givenName: "Olu",
          familyName: "Bello",
          admittedOn: "2026-10-01",
          careTeam: [{ userId: colleague.id, role: "primary_counselor" }],
        })
      ).id;
      counselorCookie = (await signIn(app, counselor.email, counselor.password)).cookie;
      frontDeskCookie = (await signIn(app, frontDesk.email, frontDesk.password)).cookie;
      const colleagueCookie = (await signIn(app, colleague.email, colleague.password)).cookie;

      const submit = async (
        participantId: string,
        cookie: string,
        instrumentKey: string,
        answers: Record<string, number>,
        completedOn: string,
      ) => {
        clock.advanceMinutes(1);
        const reply = await app.inject({
          method: "POST",
          url: `/api/v1/participants/${participantId}/assessments`,
          headers: { ...appHeaders, cookie },
          payload: { instrumentKey, version: "1.0.0", answers, idempotencyKey: randomUUID(), completedOn },
        });
        expect(reply.statusCode).toBe(201);
      };
      // Mine: PHQ-9 from 18 to 24 with a critical answer at the end (reliably worse, an urgent alert);
      // GAD-7 once; AUDIT-C is an intake screen, not a key score.
      await submit(mineId, counselorCookie, "phq9", phq9(18), "2026-10-01");
      await submit(mineId, counselorCookie, "phq9", phq9(24, 1), "2026-10-15");
      await submit(
        mineId,
        counselorCookie,
        "gad7",
        { 1: 1, 2: 1, 3: 1, 4: 1, 5: 0, 6: 0, 7: 0 },
        "2026-10-01",
      );
      await submit(mineId, counselorCookie, "audit_c", { 1: 1, 2: 0, 3: 0 }, "2026-10-01");
      await submit(othersId, colleagueCookie, "phq9", phq9(12), "2026-10-01");
    });
    afterAll(async () => {
      await app.close();
      await database.close();
    });

    const list = async (cookie: string) => {
      const reply = await app.inject({ url: "/api/v1/participants", headers: { cookie } });
      expect(reply.statusCode).toBe(200);
      return reply.json().participants as { id: string; clinical: unknown }[];
    };

    it("gives a counselor the key scores and flags of their own caseload, and nothing of a colleague's", async () => {
      const rows = await list(counselorCookie);
      const mine = rows.find((r) => r.id === mineId);
      expect(mine?.clinical).toEqual({
        measures: [
          {
            instrumentKey: "phq9",
            score: 24,
            band: "severe",
            on: "2026-10-15",
            change: 6,
            status: "deteriorated",
            offTrack: true,
          },
          {
            instrumentKey: "gad7",
            score: 4,
            band: "minimal",
            on: "2026-10-01",
            change: null,
            status: null,
            offTrack: false,
          },
        ],
        openUrgentAlerts: 1,
      });
      const others = rows.find((r) => r.id === othersId);
      expect(others).toBeDefined();
      expect(others?.clinical).toBeNull();
    });

    it("gives roles without clinical access no clinical content at all", async () => {
      const rows = await list(frontDeskCookie);
      expect(rows.length).toBe(2);
      expect(rows.every((r) => r.clinical === null)).toBe(true);
    });
  },
);
