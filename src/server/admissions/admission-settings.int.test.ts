import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { type GivenUser, givenParticipant, givenSite, givenUser } from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn, testClock } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import type { DatabaseHandle } from "../db/connection";

describeEachEngine("admissions settings: levels offered and inquiry response time", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let siteId: string;
  let counselor: GivenUser;
  const cookies: Record<"admin" | "director" | "intake" | "counselor" | "frontDesk", string> = {
    admin: "",
    director: "",
    intake: "",
    counselor: "",
    frontDesk: "",
  };
  const clock = testClock("2026-11-23T15:00:00Z");
  const DEFAULTS = { offeredLevels: ["2.1", "1", "1.5"], inquiryResponseHours: 24 };

  const read = (as: keyof typeof cookies) =>
    app.inject({ url: "/api/v1/admissions/settings", headers: { cookie: cookies[as] } });
  const save = (payload: object, as: keyof typeof cookies = "admin") =>
    app.inject({
      method: "PUT",
      url: "/api/v1/admissions/settings",
      headers: { ...appHeaders, cookie: cookies[as] },
      payload,
    });
  const post = (url: string, payload: object, cookie?: string) =>
    app.inject({
      method: "POST",
      url,
      headers: { ...appHeaders, ...(cookie ? { cookie } : {}) },
      payload,
      remoteAddress: "10.60.0.1",
    });

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: clock.now });
    const site = await givenSite(database.db, "Lakeshore");
    siteId = site.id;
    const users = {
      admin: await givenUser(database.db, { roles: ["administrator"], siteNames: [site.name] }),
      director: await givenUser(database.db, { roles: ["clinical_director"], siteNames: [site.name] }),
      intake: await givenUser(database.db, { roles: ["intake_coordinator"], siteNames: [site.name] }),
      counselor: await givenUser(database.db, {
        roles: ["counselor"],
        siteNames: [site.name],
        displayName: "Casey Counselor",
      }),
      frontDesk: await givenUser(database.db, { roles: ["front_desk"], siteNames: [site.name] }),
    };
    counselor = users.counselor;
    for (const [name, user] of Object.entries(users))
      cookies[name as keyof typeof cookies] = (await signIn(app, user.email, user.password)).cookie;
  });
  beforeEach(async () => {
    expect((await save(DEFAULTS)).statusCode).toBe(200);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("starts from 2.1, 1 and 1.5 and a 24-hour answer, readable by the forms' users but not the front desk", async () => {
    for (const as of ["admin", "director", "intake", "counselor"] as const) {
      const response = await read(as);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual(DEFAULTS);
    }
    expect((await read("frontDesk")).statusCode).toBe(403);
  });

  it("saves a change that every reader then sees, and audits who changed what", async () => {
    const saved = await save({ offeredLevels: ["2.5", "2.1", "1"], inquiryResponseHours: 48 });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ offeredLevels: ["2.5", "2.1", "1"], inquiryResponseHours: 48 });
    expect((await read("intake")).json()).toEqual(saved.json());
    const audit = await database.db.query.auditEvents.findMany({
      where: (e, { eq }) => eq(e.action, "settings.admissions_update"),
      orderBy: (e, { desc }) => desc(e.seq),
    });
    expect(audit[0]).toMatchObject({ resourceType: "settings", purpose: "operations", outcome: "allowed" });
    expect(JSON.parse(audit[0]!.details!)).toEqual({ offeredLevels: "2.5 2.1 1", inquiryResponseHours: 48 });
  });

  it("names the field of each problem and keeps the settings as they were", async () => {
    const bad = await save({ offeredLevels: ["1"], inquiryResponseHours: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([
      {
        path: "offeredLevels",
        message: "Keep intensive outpatient (2.1) offered: it is the level this program is built around.",
      },
      { path: "inquiryResponseHours", message: "Use at least 1 hour." },
    ]);
    const unknown = await save({ offeredLevels: ["2.1", "9.9", "2.1"], inquiryResponseHours: 200 });
    expect(unknown.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      "offeredLevels.1",
      "offeredLevels.2",
      "inquiryResponseHours",
    ]);
    expect((await save({ offeredLevels: [], inquiryResponseHours: 24 })).json().error.fields).toEqual([
      { path: "offeredLevels", message: "Offer at least one level of care." },
    ]);
    expect((await read("admin")).json()).toEqual(DEFAULTS);
  });

  it("lets only administrators change the settings", async () => {
    for (const as of ["director", "intake", "counselor"] as const) {
      const refused = await save({ offeredLevels: ["2.1"], inquiryResponseHours: 2 }, as);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe("AUTH_FORBIDDEN");
    }
    expect((await read("admin")).json()).toEqual(DEFAULTS);
  });

  it("tells the person who sent an inquiry the configured response time, bot or not", async () => {
    await save({ ...DEFAULTS, inquiryResponseHours: 4 });
    const inquiry = {
      siteId,
      forWhom: "self",
      name: "Jordan",
      contactMethod: "phone",
      phone: "(555) 010-7070",
    };
    const created = await post("/api/v1/inquiries", inquiry);
    expect(created.statusCode).toBe(201);
    expect(created.json().contactWithinHours).toBe(4);
    const bot = await post("/api/v1/inquiries", { ...inquiry, website: "http://spam.example" });
    expect(bot.json().contactWithinHours).toBe(4);
  });

  it("refuses at admission a level the program no longer offers, and admits at a newly offered one", async () => {
    const referral = await post(
      "/api/v1/admissions/referrals",
      {
        siteId,
        source: "detox",
        personName: "Morgan Ashdown",
        contactMethod: "phone",
        phone: "555 010 8080",
      },
      cookies.intake,
    );
    const id = referral.json().id;
    await post(`/api/v1/admissions/leads/${id}/stage`, { to: "screening_scheduled" }, cookies.intake);
    await post(`/api/v1/admissions/leads/${id}/stage`, { to: "screened" }, cookies.intake);
    await save({ offeredLevels: ["2.1", "2.5"], inquiryResponseHours: 24 });
    const admission = {
      legalGivenName: "Morgan",
      legalFamilyName: "Ashdown",
      bornOn: "1985-02-14",
      admittedOn: "2026-11-23",
      primaryCounselorId: counselor.id,
      diagnoses: [{ code: "F10.20", primary: true }],
    };
    const admit = (levelOfCare: string) =>
      post(`/api/v1/admissions/leads/${id}/admission`, { ...admission, levelOfCare }, cookies.intake);
    const refused = await admit("1");
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([
      { path: "levelOfCare", message: "Choose one of the levels this program offers: 2.1, 2.5." },
    ]);
    const admitted = await admit("2.5");
    expect(admitted.statusCode).toBe(201);
    const record = await app.inject({
      url: `/api/v1/participants/${admitted.json().participantId}`,
      headers: { cookie: cookies.intake },
    });
    expect(record.json().current.levelOfCare).toBe("2.5");
  });

  it("refuses a level change to a level the program no longer offers", async () => {
    const participantId = (await givenParticipant(database.db, { siteId })).id;
    const change = (toLevel: string) =>
      post(
        `/api/v1/participants/${participantId}/level-of-care`,
        { toLevel, changedOn: "2026-11-20", reason: "Stepping down after meeting goals" },
        cookies.director,
      );
    await save({ offeredLevels: ["2.1", "1.5"], inquiryResponseHours: 24 });
    const refused = await change("1");
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([
      { path: "toLevel", message: "Choose one of the levels this program offers: 2.1, 1.5." },
    ]);
    const changed = await change("1.5");
    expect(changed.statusCode).toBe(200);
    expect(changed.json().current.levelOfCare).toBe("1.5");
  });

  it("lets the administrator read the level-suggestion rules they edit beside these settings", async () => {
    const rules = await app.inject({
      url: "/api/v1/admissions/level-rules",
      headers: { cookie: cookies.admin },
    });
    expect(rules.statusCode).toBe(200);
    expect(rules.json().rules.map((r: { edition: number }) => r.edition)).toEqual([3, 4]);
  });
});
