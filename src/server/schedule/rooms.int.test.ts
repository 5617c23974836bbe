import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { givenSite, givenUser } from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { type DatabaseHandle, queryRows } from "../db/connection";

/**
 * A site's rooms over the API: listed for those who see the schedule, added and renamed by
 * administrators with names unique at the site whatever their case, deactivated instead of deleted.
 */

const PEOPLE = ["admin", "frontDesk", "otherAdmin"] as const;
type Person = (typeof PEOPLE)[number];

describeEachEngine("rooms: list, add, rename, deactivate", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  const credentials = {} as Record<Person, { email: string; password: string }>;
  const sessions = new Map<Person, string>();
  let siteId = "";

  const cookie = async (who: Person) => {
    if (!sessions.has(who))
      sessions.set(who, (await signIn(app, credentials[who].email, credentials[who].password)).cookie);
    return sessions.get(who)!;
  };
  const send = async (method: "POST" | "PUT", url: string, payload: object, who: Person = "admin") =>
    app.inject({ method, url, headers: { ...appHeaders, cookie: await cookie(who) }, payload });
  const list = async (who: Person) =>
    app.inject({ url: `/api/v1/sites/${siteId}/rooms`, headers: { cookie: await cookie(who) } });

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database);
    const site = await givenSite(database.db);
    const other = await givenSite(database.db);
    siteId = site.id;
    credentials.admin = await givenUser(database.db, { roles: ["administrator"], siteNames: [site.name] });
    credentials.frontDesk = await givenUser(database.db, { roles: ["front_desk"], siteNames: [site.name] });
    credentials.otherAdmin = await givenUser(database.db, {
      roles: ["administrator"],
      siteNames: [other.name],
    });
  });

  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("adds rooms and refuses a name the site already has in any letter case, naming the field", async () => {
    const added = await send("POST", `/api/v1/sites/${siteId}/rooms`, { name: "  Group Room A " });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ siteId, name: "Group Room A", active: true });

    const twice = await send("POST", `/api/v1/sites/${siteId}/rooms`, { name: "group room a" });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toEqual({
      code: "SCHEDULE_ROOM_NAME_TAKEN",
      message: "This site already has a room called “Group Room A”. Choose another name.",
      fields: [
        { path: "name", message: "This site already has a room called “Group Room A”. Choose another name." },
      ],
    });
    const audit = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_events where action = 'settings.room_create'`,
    );
    expect(audit[0]!.n).toBe(1);
  });

  it("renames and deactivates a room (never deleting it); front desk lists it, those in use first", async () => {
    const office = (await send("POST", `/api/v1/sites/${siteId}/rooms`, { name: "Office 2" })).json();
    const renamed = await send("PUT", `/api/v1/rooms/${office.id}`, { name: "Office 12", active: false });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: "Office 12", active: false });
    const clash = await send("PUT", `/api/v1/rooms/${office.id}`, { name: "GROUP ROOM A", active: true });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.fields[0].path).toBe("name");

    const listed = await list("frontDesk");
    expect(listed.statusCode).toBe(200);
    expect(listed.json().rooms.map((r: { name: string; active: boolean }) => [r.name, r.active])).toEqual([
      ["Group Room A", true],
      ["Office 12", false],
    ]);
    const again = await send("POST", `/api/v1/sites/${siteId}/rooms`, { name: "office 12" });
    expect(again.json().error.message).toBe(
      "This site already has a room called “Office 12”, not in use: make it active again instead.",
    );
  });

  it("keeps other sites' administrators and front desk from changing rooms", async () => {
    expect((await list("otherAdmin")).statusCode).toBe(404);
    expect(
      (await send("POST", `/api/v1/sites/${siteId}/rooms`, { name: "Theirs" }, "otherAdmin")).statusCode,
    ).toBe(404);
    expect(
      (await send("POST", `/api/v1/sites/${siteId}/rooms`, { name: "Desk" }, "frontDesk")).statusCode,
    ).toBe(403);
    const rooms = await queryRows<{ id: string }>(
      database.db,
      sql`select id from rooms where site_id = ${siteId}`,
    );
    const someRoom = rooms[0]!.id;
    expect(
      (await send("PUT", `/api/v1/rooms/${someRoom}`, { name: "Taken over", active: true }, "otherAdmin"))
        .statusCode,
    ).toBe(404);
  });
});
