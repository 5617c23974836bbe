import { eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { givenParticipant, givenSite, givenTrack, givenUser } from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn, testClock } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { DEFAULT_PLAN_SETTINGS } from "../../core/treatment-plans/plan-settings.schema";
import { SYSTEM_CONTEXT } from "../audit/audit.service";
import { type DatabaseHandle, queryRows } from "../db/connection";
import { episodes } from "../db/schema";
import { placeAdmittedEpisode } from "../schedule/track-placement";
import { PLAN_NOT_SIGNED_WAITLIST_NOTE } from "./group-scheduling-rule";
import { writePlanSettings } from "./plan-settings.repo";
import { givenSignedPlan } from "./reviews.test-data";

/**
 * The program's rule on scheduling groups before the treatment plan is signed, when a participant is
 * placed in a track: block (refused, admission waitlists), warn (placed, with a warning), allow.
 */

describeEachEngine("groups before a signed treatment plan", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  const clock = testClock("2026-10-20T14:00:00Z");
  let siteId = "";
  let trackId = "";
  let cookie = "";
  let directorId = "";

  const ruleIs = (rule: "allow" | "warn" | "block") =>
    writePlanSettings(
      database.db,
      { ...DEFAULT_PLAN_SETTINGS, groupSchedulingBeforeSignedPlan: rule },
      clock.now(),
    );
  const place = (participantId: string) =>
    app.inject({
      method: "POST",
      url: `/api/v1/participants/${participantId}/enrollments`,
      headers: { ...appHeaders, cookie },
      payload: { trackId, joinOn: "2026-10-21", waitlistIfFull: false },
    });
  const admitted = (givenName: string) =>
    givenParticipant(database.db, { siteId, givenName, familyName: "Groups", admittedOn: "2026-10-19" });

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: clock.now });
    const site = await givenSite(database.db, "Groups Site");
    siteId = site.id;
    trackId = (await givenTrack(database.db, { siteId, startsOn: "2026-01-05" })).id;
    const director = await givenUser(database.db, { roles: ["clinical_director"], siteNames: [site.name] });
    directorId = director.id;
    cookie = (await signIn(app, director.email, director.password)).cookie;
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("block: refused with TREATMENT_PLAN_NOT_SIGNED until the plan is signed, then placed", async () => {
    await ruleIs("block");
    const { id } = await admitted("Blocked");
    const refused = await place(id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: "TREATMENT_PLAN_NOT_SIGNED",
      message:
        "This program schedules groups only after the treatment plan is signed. Sign the plan first, or place the participant on the waitlist.",
    });
    const [none] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from track_enrollments where participant_id = ${id}`,
    );
    expect(none!.n).toBe(0);

    await givenSignedPlan(database.db, { participantId: id, signedAt: new Date("2026-10-20T13:00:00Z") });
    const placed = await place(id);
    expect(placed.statusCode).toBe(201);
    expect(placed.json()).toMatchObject({ status: "enrolled", joinedOn: "2026-10-21", warnings: [] });
  });

  it("block: the admission's placement waitlists the new episode with a note, though the track has room", async () => {
    await ruleIs("block");
    const { id } = await admitted("Admitted");
    const [episode] = await database.db
      .select({ id: episodes.id })
      .from(episodes)
      .where(eq(episodes.participantId, id));
    const placement = await database.db.transaction((tx) =>
      placeAdmittedEpisode(
        tx,
        {
          participantId: id,
          episodeId: episode!.id,
          trackId,
          admittedOn: "2026-10-19",
          actorUserId: directorId,
        },
        SYSTEM_CONTEXT,
        clock.now(),
      ),
    );
    expect(placement).toMatchObject({
      status: "waitlisted",
      joinedOn: null,
      note: PLAN_NOT_SIGNED_WAITLIST_NOTE,
    });
  });

  it("warn: placed, and the response says the plan is not signed", async () => {
    await ruleIs("warn");
    const { id } = await admitted("Warned");
    const placed = await place(id);
    expect(placed.statusCode).toBe(201);
    expect(placed.json().status).toBe("enrolled");
    expect(placed.json().warnings).toEqual([expect.stringContaining("treatment plan is not signed")]);
  });

  it("warn: the admission's placement takes its place with no note (every admission precedes its plan)", async () => {
    await ruleIs("warn");
    const { id } = await admitted("Admitted warned");
    const [episode] = await database.db
      .select({ id: episodes.id })
      .from(episodes)
      .where(eq(episodes.participantId, id));
    const placement = await database.db.transaction((tx) =>
      placeAdmittedEpisode(
        tx,
        {
          participantId: id,
          episodeId: episode!.id,
          trackId,
          admittedOn: "2026-10-19",
          actorUserId: directorId,
        },
        SYSTEM_CONTEXT,
        clock.now(),
      ),
    );
    expect(placement).toEqual({
      trackId,
      status: "enrolled",
      joinedOn: "2026-10-19",
      waitlistPosition: null,
    });
  });

  it("allow: placed with no warning", async () => {
    await ruleIs("allow");
    const { id } = await admitted("Allowed");
    const placed = await place(id);
    expect(placed.statusCode).toBe(201);
    expect(placed.json()).toMatchObject({ status: "enrolled", warnings: [] });
  });
});
