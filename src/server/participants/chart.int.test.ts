import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { givenParticipant, givenSite, givenUser } from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn, testClock } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { type DatabaseHandle, queryRows } from "../db/connection";

describeEachEngine("participant chart: header, level-of-care changes, sobriety date", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let cookie: string;
  let siteId: string;
  let directorId: string;
  let participantId: string;
  const clock = testClock("2026-11-23T15:00:00Z");

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: clock.now });
    const site = await givenSite(database.db, "Chart Site");
    const director = await givenUser(database.db, {
      roles: ["clinical_director"],
      siteNames: [site.name],
      displayName: "Dr. Dana",
    });
    cookie = (await signIn(app, director.email, director.password)).cookie;
    siteId = site.id;
    directorId = director.id;
    participantId = (
      await givenParticipant(database.db, {
        siteId: site.id,
        careTeam: [{ userId: director.id, role: "primary_counselor" }],
      })
    ).id;
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const record = async () =>
    (await app.inject({ url: `/api/v1/participants/${participantId}`, headers: { cookie } })).json();
  const send = (method: "POST" | "PUT", path: string, payload: object) =>
    app.inject({
      method,
      url: `/api/v1/participants/${participantId}${path}`,
      headers: { ...appHeaders, cookie },
      payload,
    });

  it("shows level of care, days in program and primary counselor in the header", async () => {
    expect((await record()).current).toMatchObject({
      levelOfCare: "2.1",
      admittedOn: "2026-10-01",
      daysInProgram: 53,
      primaryCounselor: "Dr. Dana",
    });
  });

  it("steps down with a dated reason, keeps the history, and refuses impossible changes by field", async () => {
    const bad = await send("POST", "/level-of-care", {
      toLevel: "2.1",
      changedOn: "2026-12-01",
      reason: "x",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toEqual(["reason"]);
    const same = await send("POST", "/level-of-care", {
      toLevel: "2.1",
      changedOn: "2026-12-01",
      reason: "No change really",
    });
    expect(same.json().error.fields.map((f: { path: string }) => f.path)).toEqual(["toLevel", "changedOn"]);
    const down = await send("POST", "/level-of-care", {
      toLevel: "1",
      changedOn: "2026-11-20",
      reason: "Met IOP goals; stepping down",
    });
    expect(down.statusCode).toBe(200);
    expect(down.json().current.levelOfCare).toBe("1");
    expect(down.json().levelHistory).toEqual([
      { from: "2.1", to: "1", on: "2026-11-20", reason: "Met IOP goals; stepping down", by: "Dr. Dana" },
    ]);
    const earlier = await send("POST", "/level-of-care", {
      toLevel: "2.1",
      changedOn: "2026-11-10",
      reason: "Stepping back up",
    });
    expect(earlier.json().error.fields[0].message).toContain("2026-11-20");
    const up = await send("POST", "/level-of-care", {
      toLevel: "2.1",
      changedOn: "2026-11-22",
      reason: "Lapse; stepping back up",
    });
    expect(up.json().levelHistory.map((h: { to: string }) => h.to)).toEqual(["1", "2.1"]);
  });

  it("refuses to change the level of care of a closed episode, by field, and saves nothing", async () => {
    const discharged = (
      await givenParticipant(database.db, {
        siteId,
        careTeam: [{ userId: directorId, role: "primary_counselor" }],
      })
    ).id;
    await database.db.execute(
      sql`update episodes set discharged_on = '2026-11-13', discharge_reason = 'completed' where participant_id = ${discharged}`,
    );
    const refused = await app.inject({
      method: "POST",
      url: `/api/v1/participants/${discharged}/level-of-care`,
      headers: { ...appHeaders, cookie },
      payload: { toLevel: "1", changedOn: "2026-11-20", reason: "Stepping down after discharge" },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: [{ path: "toLevel", message: "This participant has no open episode of care." }],
    });
    const rows = await queryRows<{ level_of_care: string; changes: number }>(
      database.db,
      sql`select e.level_of_care, (select count(*)::int from episode_level_changes c where c.episode_id = e.id) as changes
          from episodes e where e.participant_id = ${discharged}`,
    );
    expect(rows).toEqual([{ level_of_care: "2.1", changes: 0 }]);
  });

  it("sets and clears the sobriety date, keeping every change", async () => {
    expect(
      (await send("PUT", "/sobriety-date", { sobrietyOn: "2026-11-30" })).json().error.fields[0].path,
    ).toBe("sobrietyOn");
    expect((await record()).sobrietyHistory).toEqual([]);
    expect((await send("PUT", "/sobriety-date", { sobrietyOn: "2026-10-05" })).json().sobrietyOn).toBe(
      "2026-10-05",
    );
    clock.advanceMinutes(10);
    expect((await send("PUT", "/sobriety-date", { sobrietyOn: "2026-11-02" })).json().sobrietyOn).toBe(
      "2026-11-02",
    );
    clock.advanceMinutes(10);
    expect((await send("PUT", "/sobriety-date", { sobrietyOn: null })).json().sobrietyOn).toBeNull();
    const history = await database.db.query.sobrietyDateChanges.findMany({
      where: (c, { eq }) => eq(c.participantId, participantId),
    });
    expect(history.map((h) => [h.fromOn, h.toOn])).toEqual([
      [null, "2026-10-05"],
      ["2026-10-05", "2026-11-02"],
      ["2026-11-02", null],
    ]);
    const by = { id: directorId, name: "Dr. Dana" };
    const correction = { restart: false, message: "" };
    expect((await record()).sobrietyHistory).toEqual([
      { from: "2026-11-02", to: null, changedAt: "2026-11-23T15:20:00.000Z", changedBy: by, ...correction },
      {
        from: "2026-10-05",
        to: "2026-11-02",
        changedAt: "2026-11-23T15:10:00.000Z",
        changedBy: by,
        ...correction,
      },
      { from: null, to: "2026-10-05", changedAt: "2026-11-23T15:00:00.000Z", changedBy: by, ...correction },
    ]);
  });

  it("shows at most the 20 latest sobriety-date changes, newest first", async () => {
    const other = await givenParticipant(database.db, {
      siteId,
      careTeam: [{ userId: directorId, role: "primary_counselor" }],
    });
    for (let day = 1; day <= 22; day += 1) {
      clock.advanceMinutes(1);
      const response = await app.inject({
        method: "PUT",
        url: `/api/v1/participants/${other.id}/sobriety-date`,
        headers: { ...appHeaders, cookie },
        payload: { sobrietyOn: `2026-09-${String(day).padStart(2, "0")}` },
      });
      expect(response.statusCode).toBe(200);
    }
    const history = (
      await app.inject({ url: `/api/v1/participants/${other.id}`, headers: { cookie } })
    ).json().sobrietyHistory as { from: string | null; to: string | null }[];
    expect(history).toHaveLength(20);
    expect(history[0]).toMatchObject({ from: "2026-09-21", to: "2026-09-22" });
    expect(history[19]).toMatchObject({ from: "2026-09-02", to: "2026-09-03" });
  });

  it("finds participants by a misspelled name when nothing matches exactly, and says so", async () => {
    const siteId = (await database.db.query.participants.findFirst({
      where: (p, { eq }) => eq(p.id, participantId),
    }))!.siteId;
    await givenParticipant(database.db, { siteId, givenName: "Robin", familyName: "Ambervale" });
    const search = async (q: string) =>
      (
        await app.inject({
          url: `/api/v1/participants?status=all&q=${encodeURIComponent(q)}`,
          headers: { cookie },
        })
      ).json();
    const exact = await search("amberv");
    expect(exact).toMatchObject({ approximate: false, total: 1 });
    const typo = await search("ambrevale");
    expect(typo).toMatchObject({ approximate: true, total: 1 });
    expect(typo.participants[0].name).toBe("Robin Ambervale");
    expect(await search("zzzz")).toMatchObject({ approximate: false, total: 0, participants: [] });
  });
});
