import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { givenParticipant, givenSite, givenUser } from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import type { DatabaseHandle } from "../db/connection";

describeEachEngine("a questionnaire the program switched off (DISABLED_INSTRUMENTS)", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let cookie: string;
  let participantId: string;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { disabledInstruments: ["dast10"] });
    const site = await givenSite(database.db);
    const counselor = await givenUser(database.db, { roles: ["counselor"], siteNames: [site.name] });
    participantId = (
      await givenParticipant(database.db, {
        siteId: site.id,
        careTeam: [{ userId: counselor.id, role: "primary_counselor" }],
      })
    ).id;
    cookie = (await signIn(app, counselor.email, counselor.password)).cookie;
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("is not listed, served, scheduled, assigned or scored", async () => {
    const list = await app.inject({ url: "/api/v1/instruments", headers: { cookie } });
    const keys = list.json().instruments.map((i: { key: string }) => i.key);
    expect(keys).not.toContain("dast10");
    expect(keys).toContain("audit_c");
    expect((await app.inject({ url: "/api/v1/instruments/dast10", headers: { cookie } })).statusCode).toBe(
      404,
    );

    const schedule = await app.inject({ url: "/api/v1/assessments/schedule", headers: { cookie } });
    expect(schedule.json().entries.some((e: { instrumentKey: string }) => e.instrumentKey === "dast10")).toBe(
      false,
    );

    const assigned = await app.inject({
      method: "POST",
      url: `/api/v1/participants/${participantId}/assessment-assignments`,
      headers: { ...appHeaders, cookie },
      payload: { instrumentKey: "dast10", dueOn: "2099-01-01" },
    });
    expect(assigned.statusCode).toBe(400);
    expect(assigned.json().error.code).toBe("ASSESSMENTS_UNKNOWN_QUESTIONNAIRE");

    const answers = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [String(i + 1), false]));
    const submitted = await app.inject({
      method: "POST",
      url: `/api/v1/participants/${participantId}/assessments`,
      headers: { ...appHeaders, cookie },
      payload: { instrumentKey: "dast10", version: "1.0.0", answers, idempotencyKey: randomUUID() },
    });
    expect(submitted.statusCode).toBe(400);
    expect(submitted.json().error.code).toBe("ASSESSMENTS_UNKNOWN_QUESTIONNAIRE");
  });
});
