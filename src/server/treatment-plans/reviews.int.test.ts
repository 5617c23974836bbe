import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { givenParticipant, givenSite, givenUser } from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn, testClock } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { SYSTEM_CONTEXT } from "../audit/audit.service";
import { type DatabaseHandle, queryRows } from "../db/connection";
import { assessmentResponses } from "../db/schema";
import { givenSignedPlan, OBSERVED_OBJECTIVE_ID, PHQ9_OBJECTIVE_ID } from "./reviews.test-data";

/**
 * Plan reviews end to end: the program's settings; a review started from the signed plan with its
 * progress filled in; optimistic saving; finalizing with what is missing named; signing by the
 * clinician (password) and the participant (typed name); early-review triggers from a critical alert
 * and a level-of-care change moving the due date earlier, and satisfied by the signed review.
 *
 * The site is in New York. The plan was signed on 2026-10-05; today is 2026-10-20.
 */

describeEachEngine("treatment plan reviews", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  const clock = testClock("2026-10-20T14:00:00Z");
  let siteId = "";
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const accounts: Record<string, { email: string; password: string }> = {};

  /** Move the clock on; sessions idle that long have ended, so everyone signs in again. */
  async function advanceDays(days: number) {
    clock.advanceMinutes(days * 24 * 60);
    for (const [who, account] of Object.entries(accounts)) {
      cookies[who] = (await signIn(app, account.email, account.password)).cookie;
    }
  }

  const call = (who: string, method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
    app.inject({ method, url, headers: { ...appHeaders, cookie: cookies[who]! }, payload });

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: clock.now });
    const site = await givenSite(database.db, "Reviews Site");
    siteId = site.id;
    for (const [name, roles] of [
      ["counselor", ["counselor"]],
      ["other", ["counselor"]],
      ["admin", ["administrator"]],
      ["director", ["clinical_director"]],
    ] as const) {
      const user = await givenUser(database.db, {
        roles: [...roles],
        siteNames: [site.name],
        displayName: `Reviews ${name}`,
      });
      ids[name] = user.id;
      accounts[name] = user;
      cookies[name] = (await signIn(app, user.email, user.password)).cookie;
    }
    const participantUser = await givenUser(database.db, { kind: "participant", displayName: "Jamie" });
    ids.participantUser = participantUser.id;
    const participant = await givenParticipant(database.db, {
      siteId,
      givenName: "Jamie",
      familyName: "Rivera",
      userId: participantUser.id,
      admittedOn: "2026-10-01",
      careTeam: [
        { userId: ids.counselor!, role: "primary_counselor" },
        { userId: ids.other!, role: "counselor" },
      ],
    });
    ids.participant = participant.id;
    accounts.participant = participantUser;
    cookies.participant = (await signIn(app, participantUser.email, participantUser.password)).cookie;
    const plan = await givenSignedPlan(database.db, {
      participantId: participant.id,
      signedAt: new Date("2026-10-05T15:00:00Z"),
      createdBy: ids.counselor!,
    });
    ids.plan = plan.planId;
    ids.version = plan.versionId;
    const [episode] = await queryRows<{ id: string }>(
      database.db,
      sql`select id from episodes where participant_id = ${participant.id}`,
    );
    await database.db.insert(assessmentResponses).values({
      participantId: participant.id,
      siteId,
      episodeId: episode!.id,
      instrumentKey: "phq9",
      questionnaireUrl: "http://example.org/phq9",
      questionnaireVersion: "1",
      answers: {},
      language: "en",
      mode: "staff",
      idempotencyKey: randomUUID(),
      completedOn: "2026-10-15",
      submittedAt: new Date("2026-10-15T15:00:00Z"),
      scored: true,
      total: 12,
      band: "moderate",
      subscales: {},
      flags: [],
      missing: [],
      critical: [],
    });
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("reads the program's plan settings with their defaults; only an administrator changes them, audited", async () => {
    const read = await call("counselor", "GET", "/api/v1/settings/treatment-plans");
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({
      reviewCycleDays: 30,
      dueSoonDays: 7,
      earlyReviewDays: 7,
      firstPlanDays: 7,
      groupSchedulingBeforeSignedPlan: "warn",
    });
    const refused = await call("counselor", "PUT", "/api/v1/settings/treatment-plans", read.json());
    expect(refused.statusCode).toBe(403);
    const invalid = await call("admin", "PUT", "/api/v1/settings/treatment-plans", {
      ...read.json(),
      reviewCycleDays: 3,
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain("reviewCycleDays");
    const saved = await call("admin", "PUT", "/api/v1/settings/treatment-plans", {
      ...read.json(),
      earlyReviewDays: 5,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().earlyReviewDays).toBe(5);
    const [event] = await queryRows<{ action: string }>(
      database.db,
      sql`select action from audit_events where action = 'settings.treatment_plans_update'`,
    );
    expect(event?.action).toBe("settings.treatment_plans_update");
  });

  it("a critical alert then a level change raise early reviews; the due date moves earlier", async () => {
    // Raised 2026-10-20 (New York): due 5 days later with the program's early window of 5 days.
    await database.db.transaction(async (tx) => {
      await app.alerts.raiseAlert(
        tx,
        {
          kind: "phq9_item9",
          severity: "urgent",
          participantId: ids.participant!,
          reason: "PHQ-9 item 9 answered 1 (several days).",
          evidence: { kind: "participant_record", id: ids.participant! },
          context: SYSTEM_CONTEXT,
        },
        clock.now(),
      );
    });
    await advanceDays(1);
    const change = await call("counselor", "POST", `/api/v1/participants/${ids.participant}/level-of-care`, {
      toLevel: "1",
      changedOn: "2026-10-21",
      reason: "Stable for three weeks",
    });
    expect(change.statusCode).toBe(200);
    const triggers = await queryRows<{ reason: string; due_on: string }>(
      database.db,
      sql`select reason, due_on::text as due_on from treatment_plan_review_triggers
          where plan_id = ${ids.plan} order by raised_at`,
    );
    expect(triggers).toEqual([
      { reason: "critical_alert", due_on: "2026-10-25" },
      { reason: "level_of_care_change", due_on: "2026-10-26" },
    ]);
  });

  it("starts a review of the signed version with each objective's status and latest score filled in", async () => {
    const started = await call("counselor", "POST", `/api/v1/treatment-plans/${ids.plan}/reviews`, {
      reason: "critical_alert",
    });
    expect(started.statusCode).toBe(201);
    const review = started.json();
    ids.review = review.id;
    expect(review).toMatchObject({
      planId: ids.plan,
      versionId: ids.version,
      number: 1,
      status: "draft",
      reason: "critical_alert",
      // The earliest open trigger, not the cycle's 2026-11-04.
      dueOn: "2026-10-25",
      heldOn: "2026-10-21",
      revision: 1,
      requiredRoles: ["clinician", "participant"],
      signatures: [],
    });
    expect(review.content.progress).toEqual([
      { objectiveId: PHQ9_OBJECTIVE_ID, status: "in_progress", note: "", value: 12 },
      { objectiveId: OBSERVED_OBJECTIVE_ID, status: "not_started", note: "", value: null },
    ]);
    const again = await call("counselor", "POST", `/api/v1/treatment-plans/${ids.plan}/reviews`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("TREATMENT_PLAN_REVIEW_OPEN");
  });

  it("saves under optimistic locking: a stale revision is refused naming who saved", async () => {
    const content = {
      progress: [{ objectiveId: PHQ9_OBJECTIVE_ID, status: "in_progress", note: "Down from 16", value: 12 }],
      summary: "",
      planChangesNeeded: false,
    };
    const first = await call(
      "counselor",
      "PUT",
      `/api/v1/treatment-plans/${ids.plan}/reviews/${ids.review}`,
      {
        revision: 1,
        heldOn: "2026-10-21",
        cosignerUserId: null,
        content,
      },
    );
    expect(first.statusCode).toBe(200);
    expect(first.json().revision).toBe(2);
    const stale = await call("other", "PUT", `/api/v1/treatment-plans/${ids.plan}/reviews/${ids.review}`, {
      revision: 1,
      heldOn: "2026-10-21",
      cosignerUserId: null,
      content,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("TREATMENT_PLAN_REVIEW_EDIT_CONFLICT");
    expect(stale.json().error.message).toContain("Reviews counselor");
    const future = await call(
      "counselor",
      "PUT",
      `/api/v1/treatment-plans/${ids.plan}/reviews/${ids.review}`,
      {
        revision: 2,
        heldOn: "2026-10-22",
        cosignerUserId: null,
        content,
      },
    );
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields).toEqual([
      { path: "heldOn", message: "A review cannot be held on a date still to come." },
    ]);
  });

  it("finalizing names each missing piece: an objective without progress and the summary", async () => {
    const refused = await call(
      "counselor",
      "POST",
      `/api/v1/treatment-plans/${ids.plan}/reviews/${ids.review}/finalize`,
      { revision: 2 },
    );
    expect(refused.statusCode).toBe(400);
    const paths = refused.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(["content.progress", "content.summary"]);
    expect(refused.json().error.fields[0].message).toContain("Name three triggers");

    const saved = await call(
      "counselor",
      "PUT",
      `/api/v1/treatment-plans/${ids.plan}/reviews/${ids.review}`,
      {
        revision: 2,
        heldOn: "2026-10-21",
        cosignerUserId: null,
        content: {
          progress: [
            { objectiveId: PHQ9_OBJECTIVE_ID, status: "in_progress", note: "Down from 16", value: 12 },
            {
              objectiveId: OBSERVED_OBJECTIVE_ID,
              status: "met",
              note: "Named three in session",
              value: null,
            },
          ],
          summary: "Mood improving; stepping down to outpatient.",
          planChangesNeeded: false,
        },
      },
    );
    expect(saved.statusCode).toBe(200);
    const finalized = await call(
      "counselor",
      "POST",
      `/api/v1/treatment-plans/${ids.plan}/reviews/${ids.review}/finalize`,
      { revision: 3 },
    );
    expect(finalized.statusCode).toBe(200);
    expect(finalized.json().status).toBe("awaiting_signatures");
  });

  it("signed by the clinician (password) and the participant (typed name), the review answers the triggers", async () => {
    const wrong = await call(
      "counselor",
      "POST",
      `/api/v1/treatment-plans/${ids.plan}/reviews/${ids.review}/signatures`,
      { role: "clinician", revision: 4, password: "not my password" },
    );
    // The password is checked again before signing: a wrong one signs nothing.
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields[0].path).toBe("password");
    // A supervisee (their account needs a co-signature) cannot sign a review that names no supervisor.
    await database.db.execute(sql`update users set requires_cosign = true where id = ${ids.counselor}`);
    const supervisee = await call(
      "counselor",
      "POST",
      `/api/v1/treatment-plans/${ids.plan}/reviews/${ids.review}/signatures`,
      { role: "clinician", revision: 4, password: "correct horse battery staple" },
    );
    await database.db.execute(sql`update users set requires_cosign = false where id = ${ids.counselor}`);
    expect(supervisee.statusCode).toBe(409);
    expect(supervisee.json().error).toMatchObject({
      code: "TREATMENT_PLAN_COSIGNER_REQUIRED",
      fields: [{ path: "cosignerUserId" }],
    });
    const clinician = await call(
      "counselor",
      "POST",
      `/api/v1/treatment-plans/${ids.plan}/reviews/${ids.review}/signatures`,
      { role: "clinician", revision: 4, password: "correct horse battery staple" },
    );
    expect(clinician.statusCode).toBe(200);
    expect(clinician.json().status).toBe("awaiting_signatures");
    expect(clinician.json().signatures).toMatchObject([
      { role: "clinician", method: "password", signer: { id: ids.counselor } },
    ]);

    const listed = await call("participant", "GET", "/api/v1/me/treatment-plan/reviews");
    expect(listed.statusCode).toBe(200);
    expect(listed.json().reviews.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([
      [ids.review, "awaiting_signatures"],
    ]);
    const mine = await call("participant", "GET", `/api/v1/me/treatment-plan/reviews/${ids.review}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().content.summary).toBe("Mood improving; stepping down to outpatient.");
    const misspelt = await call(
      "participant",
      "POST",
      `/api/v1/me/treatment-plan/reviews/${ids.review}/signatures`,
      { revision: 4, typedName: "Jamie Riviera" },
    );
    expect(misspelt.statusCode).toBe(400);
    expect(misspelt.json().error.fields[0].path).toBe("typedName");
    const signed = await call(
      "participant",
      "POST",
      `/api/v1/me/treatment-plan/reviews/${ids.review}/signatures`,
      { revision: 4, typedName: "jamie rivera" },
    );
    expect(signed.statusCode).toBe(200);
    expect(signed.json().status).toBe("signed");
    expect(signed.json().signatures.map((s: { role: string }) => s.role)).toEqual([
      "clinician",
      "participant",
    ]);

    const open = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from treatment_plan_review_triggers
          where plan_id = ${ids.plan} and satisfied_by_review_id is null`,
    );
    expect(open[0]!.n).toBe(0);
    const read = await call("counselor", "GET", `/api/v1/treatment-plans/${ids.plan}/reviews/${ids.review}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().signedAt).not.toBeNull();
  });

  it("a review naming a co-signer needs the supervisor's signature, from that supervisor only", async () => {
    const started = await call("counselor", "POST", `/api/v1/treatment-plans/${ids.plan}/reviews`, {});
    expect(started.statusCode).toBe(201);
    const review = started.json();
    expect(review).toMatchObject({ number: 2, reason: "scheduled" });
    const url = `/api/v1/treatment-plans/${ids.plan}/reviews/${review.id}`;
    const saved = await call("counselor", "PUT", url, {
      revision: 1,
      heldOn: "2026-10-21",
      cosignerUserId: ids.director,
      content: { ...review.content, summary: "Second look with the director." },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().requiredRoles).toEqual(["clinician", "participant", "supervisor"]);
    expect((await call("counselor", "POST", `${url}/finalize`, { revision: 2 })).statusCode).toBe(200);
    const password = "correct horse battery staple";
    const notNamed = await call("other", "POST", `${url}/signatures`, {
      role: "supervisor",
      revision: 3,
      password,
    });
    expect(notNamed.statusCode).toBe(403);
    expect(notNamed.json().error.code).toBe("TREATMENT_PLAN_NOT_COSIGNER");
    expect(
      (await call("counselor", "POST", `${url}/signatures`, { role: "clinician", revision: 3, password }))
        .statusCode,
    ).toBe(200);
    const supervisor = await call("director", "POST", `${url}/signatures`, {
      role: "supervisor",
      revision: 3,
      password,
    });
    expect(supervisor.statusCode).toBe(200);
    expect(supervisor.json().status).toBe("awaiting_signatures");
    const participant = await call(
      "participant",
      "POST",
      `/api/v1/me/treatment-plan/reviews/${review.id}/signatures`,
      {
        revision: 3,
        typedName: "Jamie Rivera",
      },
    );
    expect(participant.json()).toMatchObject({ status: "signed" });
    expect(
      participant
        .json()
        .signatures.map((s: { role: string }) => s.role)
        .sort(),
    ).toEqual(["clinician", "participant", "supervisor"]);
  });

  it("a staff member outside the care team cannot read or start reviews of the plan", async () => {
    const outsider = await givenUser(database.db, {
      roles: ["counselor"],
      siteNames: ["Reviews Site"],
      displayName: "Reviews outsider",
    });
    const cookie = (await signIn(app, outsider.email, outsider.password)).cookie;
    const read = await app.inject({
      method: "GET",
      url: `/api/v1/treatment-plans/${ids.plan}/reviews/${ids.review}`,
      headers: { ...appHeaders, cookie },
    });
    expect([403, 404]).toContain(read.statusCode);
    const other = await app.inject({
      method: "GET",
      url: `/api/v1/me/treatment-plan/reviews/${ids.review}`,
      headers: { ...appHeaders, cookie },
    });
    expect(other.statusCode).toBe(404);
  });
});
