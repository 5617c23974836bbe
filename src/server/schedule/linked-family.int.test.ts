import { eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { givenParticipant, givenSite, givenUser } from "../../../tests/support/given";
import { buildTestApp, signIn } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { type DatabaseHandle, queryRows } from "../db/connection";
import { familyLinks, users } from "../db/schema";

/**
 * A participant's linked family accounts over the API, for booking a family session: staff who book
 * for the participant see each active family member's name and relationship (a deactivated account
 * is left out), the read is audited with the participant, and those who may not book are refused.
 * The site's staff list, which the calendar's pickers read, is open to those who see the schedule.
 */

describeEachEngine("linked family members", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let robin = "";
  let siteId = "";
  let counselor = { email: "", password: "", id: "" };
  let prescriber = { email: "", password: "", id: "" };
  let mother = { email: "", password: "", id: "" };

  const get = async (who: { email: string; password: string }, url: string) => {
    const { cookie } = await signIn(app, who.email, who.password);
    return app.inject({ url, headers: { cookie } });
  };

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database);
    const db = database.db;
    const site = await givenSite(db);
    siteId = site.id;
    counselor = await givenUser(db, {
      roles: ["counselor"],
      siteNames: [site.name],
      displayName: "Casey Counselor",
    });
    prescriber = await givenUser(db, { roles: ["prescriber"], siteNames: [site.name] });
    mother = await givenUser(db, { kind: "family", displayName: "Maria Stone" });
    const brother = await givenUser(db, { kind: "family", displayName: "Alex Stone" });
    const former = await givenUser(db, { kind: "family", displayName: "Former Partner" });
    const careTeam = [
      { userId: counselor.id, role: "primary_counselor" },
      { userId: prescriber.id, role: "prescriber" },
    ];
    robin = (await givenParticipant(db, { siteId: site.id, careTeam })).id;
    await db.insert(familyLinks).values([
      { userId: mother.id, participantId: robin, relationship: "mother" },
      { userId: brother.id, participantId: robin, relationship: "brother" },
      { userId: former.id, participantId: robin, relationship: "partner" },
    ]);
    await db
      .update(users)
      .set({ disabledAt: new Date("2026-01-01T00:00:00Z") })
      .where(eq(users.id, former.id));
  });

  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("lists the participant's active family accounts by name for staff who book, and audits the read", async () => {
    const response = await get(counselor, `/api/v1/participants/${robin}/family-members`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      members: [
        { userId: expect.any(String), name: "Alex Stone", relationship: "brother" },
        { userId: mother.id, name: "Maria Stone", relationship: "mother" },
      ],
    });
    const events = await queryRows<{ outcome: string; participant_id: string | null }>(
      database.db,
      sql`select outcome, participant_id from audit_events where action = 'schedule.family_members_view'`,
    );
    expect(events).toEqual([{ outcome: "allowed", participant_id: robin }]);
  });

  it("refuses those who may not book for the participant, and the family member themselves", async () => {
    expect((await get(prescriber, `/api/v1/participants/${robin}/family-members`)).statusCode).toBe(403);
    expect([403, 404]).toContain(
      (await get(mother, `/api/v1/participants/${robin}/family-members`)).statusCode,
    );
  });

  it("gives the site's staff to a counselor, who sees the schedule but does not manage care teams", async () => {
    const response = await get(counselor, `/api/v1/sites/${siteId}/staff`);
    expect(response.statusCode).toBe(200);
    const names = (response.json() as { staff: { displayName: string }[] }).staff.map((s) => s.displayName);
    expect(names).toContain("Casey Counselor");
  });
});
