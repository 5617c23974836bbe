import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { givenParticipant, givenSite, givenUser } from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn, testClock } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import type { DatabaseHandle } from "../db/connection";

/** PHQ-9 answers adding up to `total` (item 9 always 0), spread over items 1–8. */
function phq9Totalling(total: number): Record<string, number> {
  const answers: Record<string, number> = { "9": 0 };
  let left = total;
  for (let item = 1; item <= 8; item++) {
    const value = Math.min(3, left);
    answers[String(item)] = value;
    left -= value;
  }
  return answers;
}

describeEachEngine("assessments: progress per measure in the latest episode", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let counselorCookie: string;
  let strangerCookie: string;
  let participantId: string;
  let neverAdmittedId: string;
  const clock = testClock("2026-11-23T15:00:00Z");

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: clock.now });
    const site = await givenSite(database.db, "Progress Site");
    const counselor = await givenUser(database.db, { roles: ["counselor"], siteNames: [site.name] });
    const stranger = await givenUser(database.db, { roles: ["counselor"], siteNames: [site.name] });
    participantId = (
      await givenParticipant(database.db, {
        siteId: site.id,
        admittedOn: "2026-10-01",
        careTeam: [{ userId: counselor.id, role: "primary_counselor" }],
      })
    ).id;
    neverAdmittedId = (
      await givenParticipant(database.db, {
        siteId: site.id,
        admittedOn: null,
        careTeam: [{ userId: counselor.id, role: "primary_counselor" }],
      })
    ).id;
    counselorCookie = (await signIn(app, counselor.email, counselor.password)).cookie;
    strangerCookie = (await signIn(app, stranger.email, stranger.password)).cookie;
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const submit = async (instrumentKey: string, answers: Record<string, number>, completedOn: string) => {
    clock.advanceMinutes(1);
    const reply = await app.inject({
      method: "POST",
      url: `/api/v1/participants/${participantId}/assessments`,
      headers: { ...appHeaders, cookie: counselorCookie },
      payload: { instrumentKey, version: "1.0.0", answers, idempotencyKey: randomUUID(), completedOn },
    });
    expect(reply.statusCode).toBe(201);
  };
  const progress = (id = participantId, cookie = counselorCookie) =>
    app.inject({ url: `/api/v1/participants/${id}/assessments/progress`, headers: { cookie } });

  it("has no measures before anything is answered, and no episode for someone never admitted", async () => {
    const empty = await progress();
    expect(empty.statusCode).toBe(200);
    expect(empty.json()).toMatchObject({
      episode: { admittedOn: "2026-10-01", dischargedOn: null },
      offTrack: { noImprovementAfter: 4 },
      measures: [],
    });
    expect((await progress(neverAdmittedId)).json()).toMatchObject({ episode: null, measures: [] });
  });

  it("shows PHQ-9 recovered (reliable fall across the cut-off) and GAD-7 with one score so far", async () => {
    await submit("phq9", phq9Totalling(19), "2026-10-01");
    await submit("phq9", phq9Totalling(13), "2026-10-15");
    await submit("phq9", phq9Totalling(7), "2026-10-29");
    await submit("gad7", { "1": 2, "2": 2, "3": 1, "4": 1, "5": 1, "6": 1, "7": 1 }, "2026-10-01");

    const body = (await progress()).json();
    // In the catalog's order.
    expect(body.measures.map((m: { instrumentKey: string }) => m.instrumentKey)).toEqual(["gad7", "phq9"]);
    const [gad7, phq9] = body.measures;
    expect(phq9).toMatchObject({
      administrations: 3,
      baseline: { on: "2026-10-01", score: 19, band: "moderately_severe" },
      latest: { on: "2026-10-29", total: 7, band: "mild", critical: false },
      change: -12,
      notScored: 0,
      reliableChange: {
        status: "available",
        minimumChange: 6,
        classification: { status: "recovered", baseline: 19, latest: 7, crossedCutoff: true },
        offTrack: { flagged: false, reason: null },
        reliability: { value: 0.84, verified: false },
        cutoff: { value: 10 },
      },
    });
    expect(phq9.points.map((p: { score: number }) => p.score)).toEqual([19, 13, 7]);
    expect(gad7).toMatchObject({
      administrations: 1,
      change: null,
      latest: { total: 9 },
      reliableChange: { status: "available", classification: null },
    });
  });

  it("flags off track: no reliable improvement by the fourth score, then reliable deterioration", async () => {
    const phq9Of = async () =>
      (await progress()).json().measures.find((m: { instrumentKey: string }) => m.instrumentKey === "phq9");
    // 19 → 24 is 5 points: less than the 6 a reliable change needs, and the 4th administration.
    await submit("phq9", phq9Totalling(24), "2026-11-12");
    expect((await phq9Of()).reliableChange).toMatchObject({
      classification: { status: "unchanged", change: 5 },
      offTrack: { flagged: true, reason: "no_reliable_improvement" },
    });
    // 26 needs item 9 (the other items add up to 24 at most): a critical answer too.
    await submit("phq9", { ...phq9Totalling(24), "9": 2 }, "2026-11-20");
    const worse = await phq9Of();
    expect(worse.latest).toMatchObject({ total: 26, band: "severe", critical: true });
    expect(worse.reliableChange).toMatchObject({
      classification: { status: "deteriorated", change: 7 },
      offTrack: { flagged: true, reason: "reliable_deterioration" },
    });
  });

  it("is refused to staff outside the care team", async () => {
    expect((await progress(participantId, strangerCookie)).statusCode).toBe(403);
  });
});
