import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { givenParticipant, givenSite, givenUser } from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { type DatabaseHandle, queryRows } from "../db/connection";

/**
 * A participant's declared unavailability over the API: the participant declares their own work
 * shift, staff who manage the schedule declare and remove times, those who only see the schedule
 * read them, and every read and change is audited.
 */

const PEOPLE = ["robin", "counselor", "prescriber", "otherParticipant"] as const;
type Person = (typeof PEOPLE)[number];

describeEachEngine("participant unavailability", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  const credentials = {} as Record<Person, { email: string; password: string; id: string }>;
  const sessions = new Map<Person, string>();
  let robin = "";

  const cookie = async (who: Person) => {
    if (!sessions.has(who))
      sessions.set(who, (await signIn(app, credentials[who].email, credentials[who].password)).cookie);
    return sessions.get(who)!;
  };
  const url = () => `/api/v1/participants/${robin}/unavailability`;
  const declare = async (payload: object, who: Person) =>
    app.inject({
      method: "POST",
      url: url(),
      headers: { ...appHeaders, cookie: await cookie(who) },
      payload,
    });
  const list = async (who: Person) => app.inject({ url: url(), headers: { cookie: await cookie(who) } });
  const auditOf = (action: string) =>
    queryRows<{ outcome: string; purpose: string; participant_id: string | null; details: string | null }>(
      database.db,
      sql`select outcome, purpose, participant_id, details from audit_events where action = ${action} order by seq`,
    );

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database);
    const db = database.db;
    const site = await givenSite(db);
    credentials.robin = await givenUser(db, { kind: "participant" });
    credentials.otherParticipant = await givenUser(db, { kind: "participant" });
    credentials.counselor = await givenUser(db, { roles: ["counselor"], siteNames: [site.name] });
    credentials.prescriber = await givenUser(db, { roles: ["prescriber"], siteNames: [site.name] });
    const careTeam = [
      { userId: credentials.counselor.id, role: "primary_counselor" },
      { userId: credentials.prescriber.id, role: "prescriber" },
    ];
    robin = (await givenParticipant(db, { siteId: site.id, userId: credentials.robin.id, careTeam })).id;
    await givenParticipant(db, { siteId: site.id, userId: credentials.otherParticipant.id });
  });

  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("lets the participant declare their own work shift, audited as their own doing", async () => {
    const response = await declare(
      { weekday: 2, start: "07:00", end: "15:30", reason: "work", note: "Warehouse" },
      "robin",
    );
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      weekday: 2,
      start: "07:00",
      end: "15:30",
      reason: "work",
      note: "Warehouse",
    });
    const [event] = await auditOf("schedule.unavailability_add");
    expect(event).toMatchObject({ outcome: "allowed", purpose: "self", participant_id: robin });
    expect(event!.details).not.toContain("Warehouse");
  });

  it("refuses a time ending before it starts, naming end, and an unknown reason", async () => {
    const backwards = await declare(
      { weekday: 3, start: "22:00", end: "06:00", reason: "work" },
      "counselor",
    );
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields).toEqual([
      { path: "end", message: "The time must end after it starts (split a night shift at midnight)." },
    ]);
    const unknown = await declare(
      { weekday: 3, start: "08:00", end: "09:00", reason: "nights" },
      "counselor",
    );
    expect(unknown.json().error.fields.map((f: { path: string }) => f.path)).toEqual(["reason"]);
  });

  it("lets the counselor declare and remove times, the prescriber only read them, others nothing", async () => {
    const school = await declare({ weekday: 4, start: "08:00", end: "14:00", reason: "school" }, "counselor");
    expect(school.statusCode).toBe(201);

    const read = await list("prescriber");
    expect(read.statusCode).toBe(200);
    expect(
      read.json().windows.map((w: { weekday: number; reason: string }) => [w.weekday, w.reason]),
    ).toEqual([
      [2, "work"],
      [4, "school"],
    ]);
    expect((await auditOf("schedule.unavailability_view")).at(-1)).toMatchObject({ outcome: "allowed" });

    const byPrescriber = await declare(
      { weekday: 5, start: "08:00", end: "09:00", reason: "transport" },
      "prescriber",
    );
    expect(byPrescriber.statusCode).toBe(403);
    expect((await auditOf("schedule.unavailability_add")).at(-1)).toMatchObject({ outcome: "denied" });

    expect((await list("otherParticipant")).statusCode).toBe(404);

    const removed = await app.inject({
      method: "DELETE",
      url: `${url()}/${school.json().id}`,
      headers: { ...appHeaders, cookie: await cookie("counselor") },
    });
    expect(removed.statusCode).toBe(204);
    expect((await list("robin")).json().windows).toHaveLength(1);
    const again = await app.inject({
      method: "DELETE",
      url: `${url()}/${school.json().id}`,
      headers: { ...appHeaders, cookie: await cookie("counselor") },
    });
    expect(again.statusCode).toBe(404);
  });
});
