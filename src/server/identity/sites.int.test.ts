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

describeEachEngine("sites: staff who hold a permission", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let cookie: string;
  let siteId: string;
  let directorId: string;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: testClock("2026-11-23T15:00:00Z").now });
    const site = await givenSite(database.db, "Riverside");
    siteId = site.id;
    const counselor = await givenUser(database.db, { roles: ["counselor"], siteNames: [site.name] });
    const director = await givenUser(database.db, { roles: ["clinical_director"], siteNames: [site.name] });
    directorId = director.id;
    await givenUser(database.db, { roles: ["front_desk"], siteNames: [site.name] });
    cookie = (await signIn(app, counselor.email, counselor.password)).cookie;
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const staffAt = (query: string) =>
    app.inject({
      method: "GET",
      url: `/api/v1/sites/${siteId}/staff${query}`,
      headers: { ...appHeaders, cookie },
    });

  it("lists everyone at the site, or only those whose roles grant the permission asked for", async () => {
    const all = await staffAt("");
    expect(all.statusCode).toBe(200);
    expect(all.json().staff).toHaveLength(3);

    const cosigners = await staffAt("?permission=plans.cosign");
    expect(cosigners.statusCode).toBe(200);
    expect(cosigners.json().staff.map((s: { id: string }) => s.id)).toEqual([directorId]);

    const unknown = await staffAt("?permission=plans.everything");
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields[0].path).toBe("querystring.permission");
  });
});
