import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { givenParticipant, givenSite, givenUser } from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn, testClock } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { INSTRUMENTS } from "../../core/assessments/registry";
import type { ReliableChangeSettingsView } from "../../core/assessments/reliable-change-settings.schema";
import { type DatabaseHandle, queryRows } from "../db/connection";

/**
 * The program's reliable-change settings: every questionnaire's default with its sources, the
 * program's values over it and the minimum change they yield; saved by administrators only, every
 * problem named by questionnaire and field, audited; and read by the submission path, so a program's
 * value decides whether a score's rise raises the reliable-deterioration warning.
 */

const PEOPLE = ["admin", "director", "counselor", "frontDesk", "participant"] as const;
type Person = (typeof PEOPLE)[number];

/** A program's own PHQ-9 SD (test value): 1.96 · √2 · 4 · √0.16 = 4.43, so 5 points are reliable. */
const PHQ9_NARROW_SD = { sd: 4, sdSource: "Program baselines 2026 (n = 140)", sdVerified: true };

/** PHQ-9 answers summing to `total` (items filled from 1 upwards, each at most 3; item 9 stays 0). */
function phq9Answers(total: number): Record<string, number> {
  const answers: Record<string, number> = {};
  let left = total;
  for (let item = 1; item <= 9; item++) {
    const value = item === 9 ? 0 : Math.min(3, left);
    answers[String(item)] = value;
    left -= value;
  }
  return answers;
}

describeEachEngine("reliable-change settings: defaults, program values, off-track rule", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  const clock = testClock("2026-11-02T15:00:00Z");
  const credentials = {} as Record<Person, { email: string; password: string; id: string }>;
  const cookies = new Map<Person, string>();
  let participantId = "";

  const cookie = async (who: Person) => {
    if (!cookies.has(who))
      cookies.set(who, (await signIn(app, credentials[who].email, credentials[who].password)).cookie);
    return cookies.get(who)!;
  };
  const read = async (who: Person = "admin") =>
    app.inject({ url: "/api/v1/assessments/reliable-change", headers: { cookie: await cookie(who) } });
  const save = async (payload: object, who: Person = "admin") =>
    app.inject({
      method: "PUT",
      url: "/api/v1/assessments/reliable-change",
      headers: { ...appHeaders, cookie: await cookie(who) },
      payload,
    });
  const instrument = (view: ReliableChangeSettingsView, key: string) =>
    view.instruments.find((i) => i.key === key)!;
  const submitPhq9 = async (total: number) => {
    clock.advanceMinutes(1);
    const response = await app.inject({
      method: "POST",
      url: `/api/v1/participants/${participantId}/assessments`,
      headers: { ...appHeaders, cookie: await cookie("counselor") },
      payload: {
        instrumentKey: "phq9",
        version: "1.0.0",
        answers: phq9Answers(total),
        idempotencyKey: randomUUID(),
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().response.total).toBe(total);
    return response.json().response.id as string;
  };
  const deteriorationWarnings = () =>
    queryRows<{ evidence_id: string; reason: string }>(
      database.db,
      sql`select evidence_id, reason from alerts
          where kind = 'reliable_deterioration' and participant_id = ${participantId} order by created_at`,
    );

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: clock.now });
    const db = database.db;
    const site = await givenSite(db, "Reliable Change Site");
    const roles = {
      admin: "administrator",
      director: "clinical_director",
      counselor: "counselor",
      frontDesk: "front_desk",
    } as const;
    for (const [who, role] of Object.entries(roles)) {
      credentials[who as Person] = await givenUser(db, {
        roles: [role],
        siteNames: [site.name],
        displayName: `Reliable ${who}`,
      });
    }
    credentials.participant = await givenUser(db, { kind: "participant" });
    participantId = (
      await givenParticipant(db, {
        siteId: site.id,
        admittedOn: "2026-11-02",
        userId: credentials.participant.id,
        careTeam: [{ userId: credentials.counselor.id, role: "primary_counselor" }],
      })
    ).id;
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("shows every questionnaire's default with its sources and unverified marks, to clinicians and administrators", async () => {
    for (const who of ["admin", "director", "counselor"] as const)
      expect((await read(who)).statusCode).toBe(200);
    for (const who of ["frontDesk", "participant"] as const) expect((await read(who)).statusCode).toBe(403);
    const view = (await read("counselor")).json() as ReliableChangeSettingsView;
    expect(view.instruments.map((i) => i.key).sort()).toEqual(INSTRUMENTS.map((i) => i.key).sort());
    expect(view.offTrack).toEqual({ noImprovementAfter: 4 });
    expect(view.offTrackDefault).toEqual({ noImprovementAfter: 4 });
    const phq9 = instrument(view, "phq9");
    expect(phq9).toMatchObject({
      title: "Patient Health Questionnaire (PHQ-9)",
      titleEs: "Cuestionario sobre la salud del paciente (PHQ-9)",
      default: {
        status: "available",
        parameters: {
          reliability: 0.84,
          reliabilityKind: "test_retest",
          reliabilitySource: expect.stringContaining("Kroenke 2001"),
          reliabilityVerified: false,
          sd: 5,
          sdVerified: false,
          cutoff: { value: 10, method: "caseness", verified: false },
        },
        minimum: { points: 6 },
      },
      override: null,
      resolved: { status: "available", minimum: { points: 6 } },
    });
    expect(instrument(view, "who5")).toMatchObject({
      default: {
        status: "not_applicable",
        reason: expect.stringContaining("WHO-5"),
        known: { scaleStep: 4 },
      },
      resolved: { status: "not_applicable", missing: expect.arrayContaining(["reliability", "sd"]) },
    });
    expect(instrument(view, "asq").default).toMatchObject({
      status: "not_applicable",
      reason: expect.stringContaining("§2.2"),
    });
  });

  it("names each problem by questionnaire and field, refuses unknown questionnaires by name, and keeps what was saved", async () => {
    const bad = await save({
      overrides: {
        phq9: {
          reliability: 1.2,
          reliabilityKind: "alpha",
          reliabilitySource: "Manual",
          reliabilityVerified: false,
        },
        gad7: { sd: 4 },
      },
      offTrack: { noImprovementAfter: 1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual(
      expect.arrayContaining([
        { path: "overrides.phq9.reliability", message: "Enter a reliability below 1." },
        { path: "overrides.gad7.sdSource", message: "Give this together with the SD." },
        { path: "overrides.gad7.sdVerified", message: "Give this together with the SD." },
        { path: "offTrack.noImprovementAfter", message: "Use at least 2 administrations." },
      ]),
    );
    const unknown = await save({
      overrides: { phq9: PHQ9_NARROW_SD, cssrs: PHQ9_NARROW_SD, nope: {} },
      offTrack: { noImprovementAfter: 4 },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toEqual({
      code: "VALIDATION_FAILED",
      message: "Not questionnaires of this program: cssrs, nope.",
      fields: [
        { path: "overrides.cssrs", message: "“cssrs” is not a questionnaire of this program." },
        { path: "overrides.nope", message: "“nope” is not a questionnaire of this program." },
      ],
    });
    const view = (await read()).json() as ReliableChangeSettingsView;
    expect(view.instruments.every((i) => i.override === null)).toBe(true);
  });

  it("lets only administrators save the program's values, shows what they resolve to, and audits the change", async () => {
    const who5 = {
      reliability: 0.8,
      reliabilityKind: "alpha",
      reliabilitySource: "Program's own sample, 2026 (test value)",
      reliabilityVerified: false,
      sd: 20,
      sdSource: "Program baselines 2026 (test value)",
      sdVerified: false,
    };
    const payload = {
      overrides: { phq9: PHQ9_NARROW_SD, who5, gad7: {} },
      offTrack: { noImprovementAfter: 6 },
    };
    for (const who of ["director", "counselor"] as const)
      expect((await save(payload, who)).statusCode).toBe(403);
    const saved = await save(payload);
    expect(saved.statusCode).toBe(200);
    const view = saved.json() as ReliableChangeSettingsView;
    expect(view.offTrack).toEqual({ noImprovementAfter: 6 });
    expect(instrument(view, "phq9")).toMatchObject({
      override: PHQ9_NARROW_SD,
      default: { minimum: { points: 6 } },
      resolved: { status: "available", parameters: { sd: 4, reliability: 0.84 }, minimum: { points: 5 } },
    });
    expect(instrument(view, "who5").resolved).toMatchObject({ status: "available", minimum: { points: 28 } });
    // An override that sets nothing is no override.
    expect(instrument(view, "gad7").override).toBeNull();
    expect((await read("counselor")).json()).toEqual(view);
    const [event] = await queryRows<{ actor_user_id: string; purpose: string; details: string }>(
      database.db,
      sql`select actor_user_id, purpose, details from audit_events
          where action = 'settings.reliable_change_update' order by seq desc limit 1`,
    );
    expect(event).toMatchObject({ actor_user_id: credentials.admin.id, purpose: "operations" });
    expect(JSON.parse(event!.details)).toEqual({
      overrides: "phq9: SD 4; who5: reliability 0.8 (alpha), SD 20",
      noImprovementAfter: 6,
    });
  });

  it("warns of reliable deterioration by the program's values: a 5-point rise only once they make 5 points reliable", async () => {
    // Back to the defaults: 6 points are needed.
    const reset = await save({ overrides: {}, offTrack: { noImprovementAfter: 4 } });
    expect(instrument(reset.json(), "phq9").override).toBeNull();
    await submitPhq9(9); // the episode's baseline
    await submitPhq9(14);
    expect(await deteriorationWarnings()).toEqual([]);
    // The program's narrower SD makes 5 points reliable: the same rise now warns.
    expect(
      (await save({ overrides: { phq9: PHQ9_NARROW_SD }, offTrack: { noImprovementAfter: 4 } })).statusCode,
    ).toBe(200);
    const worse = await submitPhq9(14);
    expect(await deteriorationWarnings()).toEqual([
      {
        evidence_id: worse,
        reason: expect.stringContaining("(9 on 2026-11-02 → 14; a change of 5 or more is reliable)"),
      },
    ]);
  });
});
