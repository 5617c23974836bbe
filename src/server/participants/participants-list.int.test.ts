import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { givenParticipant, givenSite, givenTrack, givenUser } from "../../../tests/support/given";
import { buildTestApp, signIn, testClock } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import type { DatabaseHandle } from "../db/connection";

describeEachEngine("caseload list: sorting, with search and pages", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let cookie: string;
  const clock = testClock("2026-11-23T15:00:00Z");

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: clock.now });
    const db = database.db;
    // Lower- and upper-case first letters, so a case-sensitive sort would put them in another order.
    const alder = await givenSite(db, "Alder Site");
    const birch = await givenSite(db, "birch site");
    const director = await givenUser(db, {
      roles: ["clinical_director"],
      siteNames: [alder.name, birch.name],
    });
    cookie = (await signIn(app, director.email, director.password)).cookie;
    const casey = await givenUser(db, { siteNames: [alder.name, birch.name], displayName: "Casey Quinn" });
    const ben = await givenUser(db, { siteNames: [birch.name], displayName: "ben Ortiz" });
    const evening = await givenTrack(db, { siteId: alder.id, name: "evening IOP" });
    const morning = await givenTrack(db, { siteId: birch.id, name: "Morning IOP" });
    const primary = (userId: string) => [{ userId, role: "primary_counselor" }];

    await givenParticipant(db, {
      siteId: alder.id,
      givenName: "Ana",
      familyName: "Zamora",
      trackId: evening.id,
      admittedOn: "2026-09-01",
      careTeam: primary(casey.id),
    });
    await givenParticipant(db, {
      siteId: birch.id,
      givenName: "bea",
      familyName: "alvarez",
      trackId: morning.id,
      admittedOn: "2026-10-15",
      dischargedOn: "2026-11-01",
      careTeam: primary(ben.id),
    });
    await givenParticipant(db, {
      siteId: alder.id,
      givenName: "Carl",
      familyName: "Alvarez",
      admittedOn: "2026-08-20",
      dischargedOn: "2026-10-30",
    });
    await givenParticipant(db, {
      siteId: birch.id,
      givenName: "Dee",
      familyName: "Moss",
      admittedOn: null,
      careTeam: primary(casey.id),
    });
    await givenParticipant(db, {
      siteId: alder.id,
      givenName: "Eli",
      familyName: "Moss",
      trackId: evening.id,
      admittedOn: "2026-09-01",
    });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const list = (params: string) =>
    app.inject({ url: `/api/v1/participants?status=all&${params}`, headers: { cookie } });
  const names = async (params: string) =>
    (await list(params)).json().participants.map((p: { name: string }) => p.name);

  it("sorts by family name then given name, ignoring case, unless told otherwise", async () => {
    const byName = ["bea alvarez", "Carl Alvarez", "Dee Moss", "Eli Moss", "Ana Zamora"];
    expect(await names("")).toEqual(byName);
    expect(await names("sort=name&dir=asc")).toEqual(byName);
    expect(await names("sort=name&dir=desc")).toEqual([...byName].reverse());
  });

  it.each([
    ["site", "asc", ["Carl Alvarez", "Eli Moss", "Ana Zamora", "bea alvarez", "Dee Moss"]],
    ["site", "desc", ["bea alvarez", "Dee Moss", "Carl Alvarez", "Eli Moss", "Ana Zamora"]],
    ["track", "asc", ["Eli Moss", "Ana Zamora", "bea alvarez", "Carl Alvarez", "Dee Moss"]],
    ["track", "desc", ["bea alvarez", "Eli Moss", "Ana Zamora", "Carl Alvarez", "Dee Moss"]],
    ["admitted", "asc", ["Carl Alvarez", "Eli Moss", "Ana Zamora", "bea alvarez", "Dee Moss"]],
    ["admitted", "desc", ["bea alvarez", "Eli Moss", "Ana Zamora", "Carl Alvarez", "Dee Moss"]],
    ["discharged", "asc", ["Carl Alvarez", "bea alvarez", "Dee Moss", "Eli Moss", "Ana Zamora"]],
    ["discharged", "desc", ["bea alvarez", "Carl Alvarez", "Dee Moss", "Eli Moss", "Ana Zamora"]],
    ["counselor", "asc", ["bea alvarez", "Dee Moss", "Ana Zamora", "Carl Alvarez", "Eli Moss"]],
    ["counselor", "desc", ["Dee Moss", "Ana Zamora", "bea alvarez", "Carl Alvarez", "Eli Moss"]],
  ])("sorts by %s %s, blanks last, ties by name", async (sort, dir, expected) => {
    expect(await names(`sort=${sort}&dir=${dir}`)).toEqual(expected);
  });

  it("pages through a sort without repeating or skipping anyone, even across a tie", async () => {
    const pages = [];
    for (const page of [1, 2, 3]) {
      const body = (await list(`sort=admitted&dir=asc&pageSize=2&page=${page}`)).json();
      expect(body).toMatchObject({ total: 5, page, pageSize: 2 });
      pages.push(body.participants.map((p: { name: string }) => p.name));
    }
    // Eli Moss and Ana Zamora were admitted the same day; the tie falls across pages 1 and 2.
    expect(pages).toEqual([["Carl Alvarez", "Eli Moss"], ["Ana Zamora", "bea alvarez"], ["Dee Moss"]]);
  });

  it("sorts the matches of a name search, exact or close spellings", async () => {
    expect(await names("q=moss&sort=name&dir=desc")).toEqual(["Eli Moss", "Dee Moss"]);
    expect(await names("q=alv&sort=site&dir=asc")).toEqual(["Carl Alvarez", "bea alvarez"]);
    const close = (await list("q=mosz&sort=admitted&dir=desc")).json();
    expect(close.approximate).toBe(true);
    expect(close.participants.map((p: { name: string }) => p.name)).toEqual(["Eli Moss", "Dee Moss"]);
  });

  it("refuses an unknown sort or direction, naming the field", async () => {
    const badSort = await list("sort=age");
    expect(badSort.statusCode).toBe(400);
    expect(badSort.json().error).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: [
        {
          path: "querystring.sort",
          message: "Sort by one of: name, site, track, admitted, discharged, counselor.",
        },
      ],
    });
    const badDir = await list("sort=name&dir=up");
    expect(badDir.statusCode).toBe(400);
    expect(badDir.json().error).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: [{ path: "querystring.dir", message: "Sort direction is asc or desc." }],
    });
  });
});
