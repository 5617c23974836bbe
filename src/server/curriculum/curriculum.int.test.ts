import fs from "node:fs";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { givenSite, givenTrack, givenUser } from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn, testClock } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { aModule } from "../../core/curriculum/curriculum.test-data";
import type { DatabaseHandle } from "../db/connection";
import { auditEvents } from "../db/schema";
import { CURRICULUM_CONTENT_DIR } from "./curriculum-library";

/**
 * The curriculum library over the API on a real database: the effective version of each module,
 * edits as versions with the optimistic check, archiving, and a track's sessions planned with
 * modules only by schedulers at the track's site.
 */

const PEOPLE = ["counselor", "secondCounselor", "frontDesk", "otherSiteCounselor", "billing"] as const;
type Person = (typeof PEOPLE)[number];

/** The shipped modules' keys, read when the app is built (helpers may add files while tests run). */
const shippedKeysNow = () =>
  fs.existsSync(CURRICULUM_CONTENT_DIR)
    ? fs
        .readdirSync(CURRICULUM_CONTENT_DIR)
        .filter((n) => n.endsWith(".json"))
        .map((n) => n.slice(0, -5))
    : [];

/** Two shipped modules to edit and archive, when the library ships any (it does once content lands). */
const [shippedToEdit, shippedToArchive] = shippedKeysNow().sort();

describeEachEngine("curriculum library: versions, conflicts, archive, planning sessions", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  const clock = testClock("2026-11-23T15:00:00Z");
  const credentials = {} as Record<Person, { email: string; password: string; id: string }>;
  const sessions = new Map<Person, string>();
  let evening = "";
  let otherTrack = "";
  let shippedKeys: string[] = [];

  const cookie = async (who: Person) => {
    if (!sessions.has(who))
      sessions.set(who, (await signIn(app, credentials[who].email, credentials[who].password)).cookie);
    return sessions.get(who)!;
  };
  const get = async (url: string, who: Person = "counselor") =>
    app.inject({ url, headers: { cookie: await cookie(who) } });
  const send = async (method: "PUT" | "POST", url: string, payload?: object, who: Person = "counselor") =>
    app.inject({ method, url, headers: { ...appHeaders, cookie: await cookie(who) }, payload });
  const auditActions = async () =>
    (await database.db.select({ action: auditEvents.action }).from(auditEvents)).map((r) => r.action);

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    shippedKeys = shippedKeysNow();
    app = await buildTestApp(database, { now: clock.now });
    const db = database.db;
    const site = await givenSite(db, "Curriculum Site");
    const otherSite = await givenSite(db, "Curriculum Other Site");
    credentials.counselor = await givenUser(db, {
      roles: ["counselor"],
      siteNames: [site.name],
      displayName: "Casey Counselor",
    });
    credentials.secondCounselor = await givenUser(db, {
      roles: ["counselor"],
      siteNames: [site.name],
      displayName: "Robin Rivera",
    });
    credentials.frontDesk = await givenUser(db, { roles: ["front_desk"], siteNames: [site.name] });
    credentials.otherSiteCounselor = await givenUser(db, {
      roles: ["counselor"],
      siteNames: [otherSite.name],
    });
    credentials.billing = await givenUser(db, { roles: ["billing"], siteNames: [site.name] });
    const slots = [{ weekday: 1, start: "18:00", end: "21:00" }];
    evening = (
      await givenTrack(db, { siteId: site.id, name: "Adult evening", startsOn: "2026-09-07", slots })
    ).id;
    otherTrack = (await givenTrack(db, { siteId: otherSite.id, startsOn: "2026-09-07", slots })).id;
  });

  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("adds a program module, edits it into a new version, and the library shows the latest", async () => {
    const created = await send("POST", "/api/v1/curriculum/modules", { module: aModule("riding-urges") });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      key: "riding-urges",
      version: 1,
      latestVersion: 1,
      source: "program",
    });

    const edited = aModule("riding-urges", { summary: { en: "Second version.", es: "Segunda versión." } });
    const saved = await send("PUT", "/api/v1/curriculum/modules/riding-urges", {
      baseVersion: 1,
      module: edited,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(saved.json().versions[0].savedBy).toEqual({
      id: credentials.counselor.id,
      name: "Casey Counselor",
    });

    const list = await get("/api/v1/curriculum/modules?language=es", "frontDesk");
    expect(list.statusCode).toBe(200);
    const modules = list.json().modules as {
      key: string;
      summary: string;
      version: number;
      source: string;
    }[];
    expect(modules.map((m) => m.key).sort()).toEqual([...shippedKeys, "riding-urges"].sort());
    expect(modules.find((m) => m.key === "riding-urges")).toMatchObject({
      summary: "Segunda versión.",
      version: 2,
      source: "program",
    });
    expect(modules.filter((m) => shippedKeys.includes(m.key)).every((m) => m.version === 0)).toBe(true);

    const first = await get("/api/v1/curriculum/modules/riding-urges?version=1");
    expect(first.json().module.summary.en).toBe("Notice a craving rise and fall without acting on it.");
    expect((await get("/api/v1/curriculum/modules/riding-urges?version=7")).statusCode).toBe(404);
    expect(await auditActions()).toEqual(
      expect.arrayContaining(["curriculum.module_create", "curriculum.module_edit"]),
    );
  });

  it("refuses an edit from an older version with 409 naming who saved, and saves nothing", async () => {
    await send("POST", "/api/v1/curriculum/modules", { module: aModule("thinking-traps-local") });
    const theirs = aModule("thinking-traps-local", { durationMinutes: 90 });
    expect(
      (
        await send(
          "PUT",
          "/api/v1/curriculum/modules/thinking-traps-local",
          { baseVersion: 1, module: theirs },
          "secondCounselor",
        )
      ).statusCode,
    ).toBe(200);
    const late = await send("PUT", "/api/v1/curriculum/modules/thinking-traps-local", {
      baseVersion: 1,
      module: aModule("thinking-traps-local"),
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe("CURRICULUM_EDIT_CONFLICT");
    expect(late.json().error.message).toContain("Robin Rivera saved version 2");
    expect((await get("/api/v1/curriculum/modules/thinking-traps-local")).json().latestVersion).toBe(2);
  });

  it("refuses a key already in the library, a changed key, and a skill another module teaches, naming the field", async () => {
    const again = await send("POST", "/api/v1/curriculum/modules", { module: aModule("riding-urges") });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: "CURRICULUM_MODULE_EXISTS",
      fields: [{ path: "module.key" }],
    });

    const renamed = await send("PUT", "/api/v1/curriculum/modules/riding-urges", {
      baseVersion: 2,
      module: aModule("another-key"),
    });
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json().error.fields[0].path).toBe("module.key");

    const thief = aModule("skill-thief", {
      skills: [{ key: "riding-urges-skill", name: { en: "Surfing", es: "Surfear" } }],
    });
    const taken = await send("POST", "/api/v1/curriculum/modules", { module: thief });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().error).toMatchObject({
      code: "CURRICULUM_SKILL_TAKEN",
      fields: [{ path: "module.skills.0.key" }],
    });
    expect(taken.json().error.fields[0].message).toContain("riding-urges");

    const invalid = await send("POST", "/api/v1/curriculum/modules", {
      module: { ...aModule("bad-minutes"), durationMinutes: 30 },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.fields.map((f: { path: string }) => f.path)).toContain(
      "module.durationMinutes",
    );
  });

  it("archives a module out of the library and of planning, and brings it back", async () => {
    await send("POST", "/api/v1/curriculum/modules", { module: aModule("to-archive") });
    const archived = await send("POST", "/api/v1/curriculum/modules/to-archive/archive");
    expect(archived.statusCode).toBe(200);
    expect(archived.json().archived).toBe(true);
    const keys = async (query = "") =>
      ((await get(`/api/v1/curriculum/modules${query}`)).json().modules as { key: string }[]).map(
        (m) => m.key,
      );
    expect(await keys()).not.toContain("to-archive");
    expect(await keys("?includeArchived=true")).toContain("to-archive");

    const edit = await send("PUT", "/api/v1/curriculum/modules/to-archive", {
      baseVersion: 1,
      module: aModule("to-archive"),
    });
    expect(edit.json().error.code).toBe("CURRICULUM_MODULE_ARCHIVED");
    const plan = await send("PUT", `/api/v1/tracks/${evening}/occurrences/2026-11-30T18:00/module`, {
      moduleKey: "to-archive",
    });
    expect(plan.statusCode).toBe(409);
    expect(plan.json().error.fields[0].path).toBe("moduleKey");

    expect((await send("POST", "/api/v1/curriculum/modules/to-archive/unarchive")).json().archived).toBe(
      false,
    );
    expect(await keys()).toContain("to-archive");
    expect(await auditActions()).toEqual(
      expect.arrayContaining(["curriculum.module_archive", "curriculum.module_unarchive"]),
    );
  });

  it("writes need clinical.write: the front desk reads the library but cannot add to it; billing cannot read it", async () => {
    const refused = await send(
      "POST",
      "/api/v1/curriculum/modules",
      { module: aModule("front-desk-module") },
      "frontDesk",
    );
    expect(refused.statusCode).toBe(403);
    expect((await get("/api/v1/curriculum/modules", "billing")).statusCode).toBe(403);
    expect((await get("/api/v1/curriculum/modules/front-desk-module")).statusCode).toBe(404);
  });

  it("plans a track's sessions with modules, lists them in a range, and clears one", async () => {
    const planned = await send(
      "PUT",
      `/api/v1/tracks/${evening}/occurrences/2026-11-30T18:00/module`,
      { moduleKey: "riding-urges" },
      "frontDesk",
    );
    expect(planned.statusCode).toBe(200);
    expect(planned.json().planned).toMatchObject({
      moduleKey: "riding-urges",
      title: { en: "Riding the urge (riding-urges)", es: "Surfear la urgencia (riding-urges)" },
      archived: false,
    });
    await send("PUT", `/api/v1/tracks/${evening}/occurrences/2026-12-07T18:00/module`, {
      moduleKey: "thinking-traps-local",
    });
    const range = await get(`/api/v1/tracks/${evening}/modules?from=2026-11-23&to=2026-12-31`);
    expect(range.statusCode).toBe(200);
    expect(
      range
        .json()
        .planned.map((p: { occurrenceKey: string; moduleKey: string }) => [p.occurrenceKey, p.moduleKey]),
    ).toEqual([
      ["2026-11-30T18:00", "riding-urges"],
      ["2026-12-07T18:00", "thinking-traps-local"],
    ]);

    const cleared = await send("PUT", `/api/v1/tracks/${evening}/occurrences/2026-12-07T18:00/module`, {
      moduleKey: null,
    });
    expect(cleared.json().planned).toBeNull();
    expect(
      (await get(`/api/v1/tracks/${evening}/occurrences/2026-12-07T18:00/module`)).json().planned,
    ).toBeNull();
    expect(await auditActions()).toEqual(
      expect.arrayContaining(["curriculum.session_plan", "curriculum.session_unplan"]),
    );
  });

  it("refuses a session that does not exist and a module not in the library, naming the field", async () => {
    const notASession = await send("PUT", `/api/v1/tracks/${evening}/occurrences/2026-12-01T18:00/module`, {
      moduleKey: "riding-urges",
    });
    expect(notASession.statusCode).toBe(404);
    const noModule = await send("PUT", `/api/v1/tracks/${evening}/occurrences/2026-12-14T18:00/module`, {
      moduleKey: "no-such-module",
    });
    expect(noModule.statusCode).toBe(400);
    expect(noModule.json().error.fields[0].path).toBe("moduleKey");
  });

  it("refuses planning a session of a track at another site, and saves nothing", async () => {
    const refused = await send(
      "PUT",
      `/api/v1/tracks/${otherTrack}/occurrences/2026-11-30T18:00/module`,
      { moduleKey: "riding-urges" },
      "counselor",
    );
    expect(refused.statusCode).toBe(404);
    const theirs = await get(
      `/api/v1/tracks/${otherTrack}/modules?from=2026-11-23&to=2026-12-31`,
      "otherSiteCounselor",
    );
    expect(theirs.json().planned).toEqual([]);
    const mine = await get(
      `/api/v1/tracks/${evening}/modules?from=2026-11-23&to=2026-12-31`,
      "otherSiteCounselor",
    );
    expect(mine.statusCode).toBe(404);
    const byRows = await database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "curriculum.session_plan"));
    expect(byRows.every((r) => r.resourceId === evening)).toBe(true);
  });

  it("lists the library's skills with their modules", async () => {
    const skills = (await get("/api/v1/curriculum/skills?language=es")).json().skills as {
      key: string;
      name: string;
      moduleKey: string;
    }[];
    expect(skills).toContainEqual({
      key: "riding-urges-skill",
      name: "Surfear (riding-urges)",
      moduleKey: "riding-urges",
    });
    expect(new Set(skills.map((s) => s.key)).size).toBe(skills.length);
  });

  it.skipIf(!shippedToArchive)(
    "an edit of a shipped module becomes the version in use; the shipped text stays as version 0",
    async () => {
      const key = shippedToEdit!;
      const shipped = (await get(`/api/v1/curriculum/modules/${key}`)).json();
      expect(shipped).toMatchObject({
        key,
        version: 0,
        latestVersion: 0,
        source: "shipped",
        archived: false,
      });
      const edited = {
        ...shipped.module,
        summary: { en: "Our program's own summary.", es: "El resumen propio del programa." },
      };
      const saved = await send("PUT", `/api/v1/curriculum/modules/${key}`, {
        baseVersion: 0,
        module: edited,
      });
      expect(saved.statusCode).toBe(200);
      expect(saved.json()).toMatchObject({ version: 1, latestVersion: 1, source: "program" });
      expect(
        saved.json().versions.map((v: { version: number; source: string }) => [v.version, v.source]),
      ).toEqual([
        [1, "program"],
        [0, "shipped"],
      ]);
      const listed = (await get("/api/v1/curriculum/modules"))
        .json()
        .modules.find((m: { key: string }) => m.key === key);
      expect(listed).toMatchObject({ summary: "Our program's own summary.", version: 1, source: "program" });
      const original = await get(`/api/v1/curriculum/modules/${key}?version=0`);
      expect(original.json().module.summary).toEqual(shipped.module.summary);
      const stale = await send("PUT", `/api/v1/curriculum/modules/${key}`, {
        baseVersion: 0,
        module: edited,
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.message).toContain("You saved version 1");
    },
  );

  it.skipIf(!shippedToArchive)(
    "archiving a shipped module the program never edited keeps its text as the program's archived version",
    async () => {
      const key = shippedToArchive!;
      const archived = await send("POST", `/api/v1/curriculum/modules/${key}/archive`);
      expect(archived.json()).toMatchObject({ version: 1, latestVersion: 1, archived: true });
      const shipped = (await get(`/api/v1/curriculum/modules/${key}?version=0`)).json();
      expect(archived.json().module).toEqual(shipped.module);
      const listed = (await get("/api/v1/curriculum/modules")).json().modules as { key: string }[];
      expect(listed.map((m) => m.key)).not.toContain(key);
      expect((await send("POST", `/api/v1/curriculum/modules/${key}/unarchive`)).json().archived).toBe(false);
    },
  );
});
