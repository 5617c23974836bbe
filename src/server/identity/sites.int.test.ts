import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { givenSite, givenUser } from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn, testClock } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import type { DatabaseHandle } from "../db/connection";

describeEachEngine("sites: the on-call line", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let cookie: string;
  const clock = testClock("2026-11-23T15:00:00Z");

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: clock.now });
    const home = await givenSite(database.db, "Home Site");
    const admin = await givenUser(database.db, { roles: ["administrator"], siteNames: [home.name] });
    cookie = (await signIn(app, admin.email, admin.password)).cookie;
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const send = (method: "POST" | "PATCH", url: string, payload: object) =>
    app.inject({ method, url, headers: { ...appHeaders, cookie }, payload });

  it("keeps an on-call phone with the site, refuses one that is not a phone number, and clears it", async () => {
    const created = await send("POST", "/api/v1/sites", {
      name: "Harbor",
      timeZone: "America/Los_Angeles",
      onCallPhone: " (555) 010-4400 ",
    });
    expect(created.statusCode).toBe(201);
    const site = created.json();
    expect(site).toMatchObject({ name: "Harbor", onCallPhone: "(555) 010-4400" });

    const refused = await send("PATCH", `/api/v1/sites/${site.id}`, {
      name: "Harbor",
      timeZone: "America/Los_Angeles",
      onCallPhone: "call the front desk",
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([
      { path: "onCallPhone", message: "Enter a phone number, like (555) 010-4400." },
    ]);

    const cleared = await send("PATCH", `/api/v1/sites/${site.id}`, {
      name: "Harbor",
      timeZone: "America/Los_Angeles",
      onCallPhone: "",
    });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json().onCallPhone).toBe("");
  });
});
