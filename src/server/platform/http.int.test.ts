import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { givenSite, givenUser } from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import type { DatabaseHandle } from "../db/connection";
import { episodes, participants } from "../db/schema";

describeEachEngine("HTTP platform", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let webDir: string;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), "bw-web-"));
    fs.mkdirSync(path.join(webDir, "assets"));
    fs.writeFileSync(path.join(webDir, "index.html"), "<!doctype html><title>Bridgeway</title>");
    fs.writeFileSync(path.join(webDir, "assets", "app-3f9a1c.js"), "console.log(1)");
    app = await buildTestApp(database, { webDir });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  it("answers alive and ready with a current schema", async () => {
    expect((await app.inject("/healthz")).json()).toEqual({ status: "ok" });
    const ready = await app.inject("/readyz");
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: "ready", database: "ok", migrations: "current" });
  });

  it("answers unknown API routes with a JSON 404 and client routes with the web app", async () => {
    const api = await app.inject("/api/v1/nothing-here?name=secret");
    expect(api.statusCode).toBe(404);
    expect(api.json()).toEqual({
      error: { code: "ROUTE_NOT_FOUND", message: "There is no API route GET /api/v1/nothing-here." },
    });
    const client = await app.inject("/staff/participants/123");
    expect(client.statusCode).toBe(200);
    expect(client.headers["content-type"]).toContain("text/html");
    expect(client.headers["cache-control"]).toBe("no-cache");
    expect(client.body).toContain("<title>Bridgeway</title>");
  });

  it("caches hashed assets for a year and never caches index.html", async () => {
    const asset = await app.inject("/assets/app-3f9a1c.js");
    expect(asset.statusCode).toBe(200);
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect((await app.inject("/index.html")).headers["cache-control"]).toBe("no-cache");
  });

  it("sends strict security headers and a request id", async () => {
    const response = await app.inject("/sign-in");
    expect(response.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(response.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["referrer-policy"]).toBe("no-referrer");
    expect(response.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("turns malformed JSON and wrong content types into clear 400s", async () => {
    const bad = await app.inject({
      method: "POST",
      url: "/api/v1/sessions",
      headers: { ...appHeaders, "content-type": "application/json" },
      payload: "{not json",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toEqual({ code: "BAD_REQUEST", message: "The request body is not valid JSON." });
    const text = await app.inject({
      method: "POST",
      url: "/api/v1/sessions",
      headers: { ...appHeaders, "content-type": "text/plain" },
      payload: "hello",
    });
    expect(text.statusCode).toBe(415);
    expect(text.json().error.code).toBe("BAD_REQUEST");
  });

  it("publishes an OpenAPI 3.1 document generated from the route schemas, and a reference page", async () => {
    const doc = (await app.inject("/api/openapi.json")).json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/sessions",
        "/api/v1/sessions/current",
        "/api/v1/overview",
        "/api/v1/meta",
        "/readyz",
      ]),
    );
    expect(
      doc.paths["/api/v1/sessions"].post.requestBody.content["application/json"].schema.required,
    ).toEqual(["email", "password"]);
    const docs = await app.inject("/api/docs/");
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain("swagger");
  });

  it("says whether this is a demo installation", async () => {
    expect((await app.inject("/api/v1/meta")).json()).toMatchObject({
      product: "Bridgeway",
      demoMode: false,
      demoAccounts: [],
    });
  });

  it("shows staff the census of their own sites only, and refuses participants", async () => {
    const mine = await givenSite(database.db, "Harborview");
    const other = await givenSite(database.db, "Elsewhere");
    const counselor = await givenUser(database.db, { siteNames: ["Harborview"] });
    const participantUser = await givenUser(database.db, { kind: "participant" });
    for (const [site, current] of [
      [mine.id, true],
      [mine.id, false],
      [other.id, true],
    ] as const) {
      const [p] = await database.db
        .insert(participants)
        .values({ siteId: site, givenName: "Test", familyName: "Person", bornOn: "1990-01-01" })
        .returning();
      await database.db.insert(episodes).values({
        participantId: p!.id,
        siteId: site,
        admittedOn: "2026-01-05",
        ...(current ? {} : { dischargedOn: "2026-02-20", dischargeReason: "completed" }),
      });
    }
    const { cookie } = await signIn(app, counselor.email, counselor.password);
    const overview = await app.inject({ url: "/api/v1/overview", headers: { cookie } });
    expect(overview.statusCode).toBe(200);
    expect(overview.json()).toEqual({
      organisation: { name: "Test Recovery Center" },
      sites: [{ id: mine.id, name: "Harborview", currentParticipants: 1 }],
      totals: { currentParticipants: 1, pastParticipants: 1, staff: 1, tracks: 0 },
    });

    const asParticipant = await signIn(app, participantUser.email, participantUser.password);
    const refused = await app.inject({ url: "/api/v1/overview", headers: { cookie: asParticipant.cookie } });
    expect(refused.statusCode).toBe(403);
    expect((await app.inject("/api/v1/overview")).statusCode).toBe(401);
  });
});
