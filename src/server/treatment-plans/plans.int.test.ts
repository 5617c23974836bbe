import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { givenParticipant, givenSite, givenUser } from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn, testClock } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import type { PlanContent } from "../../core/treatment-plans/plan.schema";
import { type DatabaseHandle, queryRows } from "../db/connection";
import { aCompletePlan } from "./plans.test-data";

/**
 * Treatment plan versions over the API: starting a plan, autosaving its draft with optimistic
 * locking (two clinicians, nothing lost), freezing it for signatures with every missing piece named,
 * the lock on a version once it is not a draft, a revision as version 2 with its difference, and who
 * may do what. Signing is in plan-signing.int.test.ts.
 */

const PEOPLE = ["counselor", "director", "otherCounselor"] as const;
type Person = (typeof PEOPLE)[number];

describeEachEngine("treatment plans: drafts, locking, finalizing and revisions", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  const clock = testClock("2026-03-09T19:05:00Z");
  const credentials = {} as Record<Person, { id: string; email: string; password: string }>;
  const sessions = new Map<Person, string>();
  const p = { ana: "", ben: "", discharged: "" };
  let siteId = "";
  const careTeamOf = () => [{ userId: credentials.counselor.id, role: "primary_counselor" }];

  const cookie = async (who: Person) => {
    if (!sessions.has(who))
      sessions.set(who, (await signIn(app, credentials[who].email, credentials[who].password)).cookie);
    return sessions.get(who)!;
  };
  const call = async (who: Person, method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
    app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...appHeaders, cookie: await cookie(who) },
      ...(payload ? { payload } : {}),
    });
  const start = (participantId: string, who: Person = "counselor") =>
    call(who, "POST", `/participants/${participantId}/treatment-plan`, {
      startsOn: "2026-03-09",
      language: "en",
    });
  const save = (
    who: Person,
    version: { planId: string; id: string },
    revision: number,
    content: PlanContent,
    extra: object = {},
  ) =>
    call(who, "PUT", `/treatment-plans/${version.planId}/versions/${version.id}`, {
      revision,
      startsOn: "2026-03-09",
      language: "en",
      cosignerUserId: null,
      content,
      ...extra,
    });
  const auditOf = (action: string) =>
    queryRows<{ outcome: string; participant_id: string | null }>(
      database.db,
      sql`select outcome, participant_id from audit_events where action = ${action} order by seq`,
    );

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: clock.now });
    const db = database.db;
    const site = await givenSite(db);
    siteId = site.id;
    const otherSite = await givenSite(db);
    credentials.counselor = await givenUser(db, {
      roles: ["counselor"],
      siteNames: [site.name],
      displayName: "Alex Kim",
    });
    credentials.director = await givenUser(db, {
      roles: ["clinical_director"],
      siteNames: [site.name],
      displayName: "Dana Reyes",
    });
    credentials.otherCounselor = await givenUser(db, {
      roles: ["counselor"],
      siteNames: [otherSite.name],
      displayName: "Olu Other",
    });
    const careTeam = [{ userId: credentials.counselor.id, role: "primary_counselor" }];
    p.ana = (await givenParticipant(db, { siteId: site.id, givenName: "Ana", careTeam })).id;
    p.ben = (await givenParticipant(db, { siteId: site.id, givenName: "Ben", careTeam })).id;
    p.discharged = (
      await givenParticipant(db, {
        siteId: site.id,
        givenName: "Dee",
        careTeam,
        admittedOn: "2026-01-05",
        dischargedOn: "2026-02-20",
      })
    ).id;
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  describe("starting and autosaving", () => {
    it("starts version 1 as a draft for the open episode, once", async () => {
      const none = await call("counselor", "GET", `/participants/${p.ana}/treatment-plan`);
      expect(none.statusCode).toBe(200);
      expect(none.json()).toEqual({ plan: null });

      const started = await start(p.ana);
      expect(started.statusCode).toBe(201);
      const plan = started.json().plan;
      expect(plan.current).toBeNull();
      expect(plan.open).toMatchObject({ number: 1, status: "draft", revision: 1, startsOn: "2026-03-09" });
      expect(plan.open.createdBy).toEqual({ id: credentials.counselor.id, displayName: "Alex Kim" });
      expect(plan.reviewDue.state).toBe("none");

      const again = await start(p.ana);
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe("TREATMENT_PLAN_EXISTS");
      // The refused start is audited too: its answer tells that the participant has a plan.
      expect((await auditOf("treatment_plan.start")).map((e) => e.participant_id)).toEqual([p.ana, p.ana]);
    });

    it("starts from the chosen templates in the plan's language, and names an unknown one", async () => {
      const participant = (await givenParticipant(database.db, { siteId: siteId, careTeam: careTeamOf() }))
        .id;
      const unknown = await call("counselor", "POST", `/participants/${participant}/treatment-plan`, {
        startsOn: "2026-03-09",
        language: "es",
        templateKeys: ["relapse-prevention", "no-such-template"],
      });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.fields[0].path).toBe("templateKeys.1");
      const started = await call("counselor", "POST", `/participants/${participant}/treatment-plan`, {
        startsOn: "2026-03-09",
        language: "es",
        templateKeys: ["relapse-prevention"],
      });
      expect(started.statusCode).toBe(201);
      const content = started.json().plan.open.content;
      expect(content.problems).toHaveLength(1);
      expect(content.problems[0].templateKey).toBe("relapse-prevention");
      expect(
        content.problems[0].objectives.every((o: { targetOn: string }) => o.targetOn > "2026-03-09"),
      ).toBe(true);
    });

    it("shows the last episode's plan after discharge, and none once readmitted until a new one is started", async () => {
      const db = database.db;
      const participant = (
        await givenParticipant(db, {
          siteId,
          careTeam: careTeamOf(),
          admittedOn: "2025-06-02",
          dischargedOn: "2025-08-29",
        })
      ).id;
      await db.execute(
        sql`insert into treatment_plans (participant_id, episode_id, site_id)
            select participant_id, id, site_id from episodes where participant_id = ${participant}`,
      );
      await db.execute(
        sql`insert into treatment_plan_versions (plan_id, number, language, starts_on, content)
            select id, 1, 'en', '2025-06-02', ${JSON.stringify(aCompletePlan("2025-06-02"))}::jsonb
            from treatment_plans where participant_id = ${participant}`,
      );
      const afterDischarge = (
        await call("counselor", "GET", `/participants/${participant}/treatment-plan`)
      ).json();
      expect(afterDischarge.plan.open.startsOn).toBe("2025-06-02");

      await db.execute(
        sql`insert into episodes (participant_id, site_id, admitted_on)
            select id, site_id, '2026-03-02' from participants where id = ${participant}`,
      );
      const readmitted = await call("counselor", "GET", `/participants/${participant}/treatment-plan`);
      expect(readmitted.json()).toEqual({ plan: null });
      const started = await start(participant);
      expect(started.statusCode).toBe(201);
      expect(started.json().plan.open).toMatchObject({ number: 1, startsOn: "2026-03-09" });
    });

    it("refuses to start a plan without an open episode", async () => {
      const response = await start(p.discharged);
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe("TREATMENT_PLAN_NO_OPEN_EPISODE");
    });

    it("keeps an incomplete draft, but refuses a target date before the start naming its field", async () => {
      const plan = (await call("counselor", "GET", `/participants/${p.ana}/treatment-plan`)).json().plan;
      const partial = aCompletePlan();
      partial.problems[0]!.objectives[0]!.measure = null;
      partial.problems[0]!.objectives[0]!.targetOn = null;
      const saved = await save("counselor", plan.open, 1, partial);
      expect(saved.statusCode).toBe(200);
      expect(saved.json()).toMatchObject({ revision: 2, status: "draft" });
      expect(saved.json().content.problems[0].objectives[0].measure).toBeNull();

      const early = aCompletePlan();
      early.problems[0]!.objectives[0]!.targetOn = "2026-03-01";
      const refused = await save("counselor", plan.open, 2, early);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.fields).toEqual([
        {
          path: "content.problems.0.objectives.0.targetOn",
          message: "The target date 2026-03-01 is before the plan starts (2026-03-09).",
        },
      ]);
    });

    it("refuses the second of two saves of the same revision, naming who saved first and when; nothing is lost", async () => {
      const plan = (await call("director", "GET", `/participants/${p.ana}/treatment-plan`)).json().plan;
      const read = plan.open.revision;
      const alexs = aCompletePlan();
      alexs.strengths = ["Alex's wording: supportive sister"];
      const danas = aCompletePlan();
      danas.strengths = ["Dana's wording: a steady job"];

      const first = await save("counselor", plan.open, read, alexs);
      expect(first.statusCode).toBe(200);
      const second = await save("director", plan.open, read, danas);
      expect(second.statusCode).toBe(409);
      expect(second.json().error.code).toBe("TREATMENT_PLAN_EDIT_CONFLICT");
      // 19:05 UTC is 15:05 in New York (EDT from 2026-03-08).
      expect(second.json().error.message).toBe(
        "Alex Kim saved this plan at 15:05 after you opened it. Your text is kept on this page; reload the plan to see their changes, then apply yours.",
      );
      const now = (
        await call("director", "GET", `/treatment-plans/${plan.planId}/versions/${plan.open.id}`)
      ).json();
      expect(now.strengths).toBeUndefined();
      expect(now.content.strengths).toEqual(["Alex's wording: supportive sister"]);
      expect(now.revision).toBe(read + 1);
      expect(now.updatedBy.displayName).toBe("Alex Kim");

      // Dana reloads and applies hers on top of the current revision.
      const retried = await save("director", plan.open, now.revision, danas);
      expect(retried.statusCode).toBe(200);
      expect(retried.json().content.strengths).toEqual(["Dana's wording: a steady job"]);
    });
  });

  it("lets exactly one of two simultaneous saves of the same revision through", async () => {
    const plan = (await call("counselor", "GET", `/participants/${p.ana}/treatment-plan`)).json().plan;
    const read = plan.open.revision;
    const mine = aCompletePlan();
    mine.barriers = ["Mine"];
    const theirs = aCompletePlan();
    theirs.barriers = ["Theirs"];
    const [a, b] = await Promise.all([
      save("counselor", plan.open, read, mine),
      save("director", plan.open, read, theirs),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const winner = a.statusCode === 200 ? a : b;
    const stored = (
      await call("counselor", "GET", `/treatment-plans/${plan.planId}/versions/${plan.open.id}`)
    ).json();
    expect(stored.revision).toBe(read + 1);
    expect(stored.content.barriers).toEqual(winner.json().content.barriers);
  });

  it("takes as co-signer only a supervisor of the site who may co-sign, and not the author", async () => {
    const plan = (await call("counselor", "GET", `/participants/${p.ana}/treatment-plan`)).json().plan;
    const noPermission = await save("director", plan.open, plan.open.revision, aCompletePlan(), {
      cosignerUserId: credentials.otherCounselor.id,
    });
    expect(noPermission.statusCode).toBe(400);
    expect(noPermission.json().error.fields).toEqual([
      {
        path: "cosignerUserId",
        message: "The co-signer must be a supervisor at this site who may co-sign plans.",
      },
    ]);
    const self = await save("director", plan.open, plan.open.revision, aCompletePlan(), {
      cosignerUserId: credentials.director.id,
    });
    expect(self.json().error.fields[0].path).toBe("cosignerUserId");
    const named = await save("counselor", plan.open, plan.open.revision, plan.open.content, {
      cosignerUserId: credentials.director.id,
    });
    expect(named.statusCode).toBe(200);
    expect(named.json().cosigner).toEqual({ id: credentials.director.id, displayName: "Dana Reyes" });
    expect(named.json().requiredRoles).toEqual(["clinician", "participant", "supervisor"]);
    const cleared = await save("counselor", named.json(), named.json().revision, plan.open.content);
    expect(cleared.json().requiredRoles).toEqual(["clinician", "participant"]);
  });

  describe("finalizing", () => {
    it("names every missing piece: no goals at all", async () => {
      const plan = (await start(p.ben)).json().plan;
      const response = await call(
        "counselor",
        "POST",
        `/treatment-plans/${plan.planId}/versions/${plan.open.id}/finalize`,
        {
          revision: 1,
        },
      );
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe("VALIDATION_FAILED");
      const paths = response.json().error.fields.map((f: { path: string }) => f.path);
      expect(paths).toContain("content.problems");
      expect(paths).toContain("content.dischargeCriteria");
    });

    it("names an objective without a target date or a measure, and an empty goal", async () => {
      const plan = (await call("counselor", "GET", `/participants/${p.ben}/treatment-plan`)).json().plan;
      const content = aCompletePlan();
      content.problems[0]!.objectives[0]!.measure = null;
      content.problems[0]!.objectives[0]!.targetOn = null;
      content.problems[0]!.goal.clinical = "";
      const saved = await save("counselor", plan.open, 1, content);
      expect(saved.statusCode).toBe(200);
      const response = await call(
        "counselor",
        "POST",
        `/treatment-plans/${plan.planId}/versions/${plan.open.id}/finalize`,
        {
          revision: 2,
        },
      );
      expect(response.statusCode).toBe(400);
      expect(
        response
          .json()
          .error.fields.map((f: { path: string }) => f.path)
          .sort(),
      ).toEqual([
        "content.problems.0.goal.clinical",
        "content.problems.0.objectives.0.measure",
        "content.problems.0.objectives.0.targetOn",
      ]);
    });

    it("freezes a complete draft with the hash of its content, then refuses edits in place", async () => {
      const plan = (await call("counselor", "GET", `/participants/${p.ana}/treatment-plan`)).json().plan;
      const response = await call(
        "counselor",
        "POST",
        `/treatment-plans/${plan.planId}/versions/${plan.open.id}/finalize`,
        {
          revision: plan.open.revision,
        },
      );
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        status: "awaiting_signatures",
        requiredRoles: ["clinician", "participant"],
      });
      const [row] = await queryRows<{ content_sha256: string; finalized_at: Date | null }>(
        database.db,
        sql`select content_sha256, finalized_at from treatment_plan_versions where id = ${plan.open.id}`,
      );
      expect(row!.content_sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(row!.finalized_at).not.toBeNull();

      const edit = await save("counselor", plan.open, response.json().revision, aCompletePlan());
      expect(edit.statusCode).toBe(409);
      expect(edit.json().error.code).toBe("TREATMENT_PLAN_LOCKED");
    });

    it("reopens a frozen version as a draft, its signatures removed and the reopening audited", async () => {
      const plan = (await call("counselor", "GET", `/participants/${p.ana}/treatment-plan`)).json().plan;
      const reopened = await call(
        "counselor",
        "POST",
        `/treatment-plans/${plan.planId}/versions/${plan.open.id}/reopen`,
        {
          revision: plan.open.revision,
        },
      );
      expect(reopened.statusCode).toBe(200);
      expect(reopened.json()).toMatchObject({ status: "draft", revision: plan.open.revision + 1 });
      expect(await auditOf("treatment_plan.reopen")).toEqual([{ outcome: "allowed", participant_id: p.ana }]);
    });
  });

  describe("a signed version and its revision", () => {
    it("locks a signed version; a revision is version 2, based on it, with a readable difference", async () => {
      const plan = (await call("counselor", "GET", `/participants/${p.ana}/treatment-plan`)).json().plan;
      const v1 = plan.open;
      const frozen = await call(
        "counselor",
        "POST",
        `/treatment-plans/${plan.planId}/versions/${v1.id}/finalize`,
        {
          revision: v1.revision,
        },
      );
      expect(frozen.statusCode).toBe(200);
      // Both required signatures, recorded as the signing routes would (those are tested on their own).
      await database.db.execute(
        sql`insert into treatment_plan_signatures (version_id, role, signer_user_id, method, typed_name, content_sha256, signed_at)
            select id, 'clinician', ${credentials.counselor.id}, 'password', null, content_sha256, now() from treatment_plan_versions where id = ${v1.id}`,
      );
      await database.db.execute(
        sql`update treatment_plan_versions set status = 'signed', signed_at = now() where id = ${v1.id}`,
      );

      const edit = await save("counselor", v1, frozen.json().revision, aCompletePlan());
      expect(edit.statusCode).toBe(409);
      expect(edit.json().error.code).toBe("TREATMENT_PLAN_LOCKED");

      const revision = await call("counselor", "POST", `/treatment-plans/${plan.planId}/revisions`);
      expect(revision.statusCode).toBe(201);
      const v2 = revision.json();
      expect(v2).toMatchObject({ number: 2, status: "draft", revision: 1 });
      expect(v2.content).toEqual(frozen.json().content);

      const twice = await call("counselor", "POST", `/treatment-plans/${plan.planId}/revisions`);
      expect(twice.statusCode).toBe(409);
      expect(twice.json().error.code).toBe("TREATMENT_PLAN_VERSION_OPEN");

      const changed = structuredClone(v2.content) as PlanContent;
      changed.problems[0]!.objectives[0]!.targetOn = "2026-04-15";
      changed.barriers.push("No car");
      expect((await save("counselor", v2, 1, changed)).statusCode).toBe(200);

      const diff = await call("counselor", "GET", `/treatment-plans/${plan.planId}/versions/${v2.id}/diff`);
      expect(diff.statusCode).toBe(200);
      expect(diff.json().from).toEqual({ id: v1.id, number: 1 });
      expect(diff.json().to).toEqual({ id: v2.id, number: 2 });
      const changes = diff.json().changes as {
        kind: string;
        path: string;
        before: string | null;
        after: string | null;
      }[];
      expect(changes.some((c) => c.path.endsWith("/targetOn") && c.kind === "changed")).toBe(true);
      expect(
        changes.some((c) => c.path.startsWith("barriers") && c.kind === "added" && c.after === "No car"),
      ).toBe(true);

      const after = (await call("counselor", "GET", `/participants/${p.ana}/treatment-plan`)).json().plan;
      expect(after.current).toMatchObject({ id: v1.id, status: "signed" });
      expect(after.open).toMatchObject({ id: v2.id, status: "draft" });
      expect(after.versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    });

    it("lists the signed version's objectives as the golden thread", async () => {
      const response = await call("counselor", "GET", `/participants/${p.ana}/treatment-plan/objectives`);
      expect(response.statusCode).toBe(200);
      expect(response.json().hasSignedPlan).toBe(true);
      expect(response.json().objectives).toHaveLength(1);
      expect(response.json().objectives[0]).toMatchObject({
        statement: "Identify three triggers and a coping response for each",
        planVersionNumber: 1,
        problem: { title: "Alcohol use" },
      });
      const progress = await call("counselor", "GET", `/participants/${p.ana}/treatment-plan/progress`);
      expect(progress.statusCode).toBe(200);
      expect(progress.json().objectives).toEqual([
        {
          objectiveId: response.json().objectives[0].objectiveId,
          points: [expect.objectContaining({ source: "plan", status: "not_started" })],
        },
      ]);
      const none = await call("counselor", "GET", `/participants/${p.ben}/treatment-plan/objectives`);
      expect(none.json()).toEqual({ hasSignedPlan: false, objectives: [] });
    });
  });

  describe("access", () => {
    it("refuses another site's counselor, and audits the refusal", async () => {
      const plan = (await call("counselor", "GET", `/participants/${p.ana}/treatment-plan`)).json().plan;
      const chart = await call("otherCounselor", "GET", `/participants/${p.ana}/treatment-plan`);
      expect(chart.statusCode).toBe(404);
      const version = await call(
        "otherCounselor",
        "GET",
        `/treatment-plans/${plan.planId}/versions/${plan.open.id}`,
      );
      expect(version.statusCode).toBe(404);
      const write = await save("otherCounselor", plan.open, plan.open.revision, aCompletePlan());
      expect(write.statusCode).toBe(404);
      const denied = await queryRows<{ action: string }>(
        database.db,
        sql`select action from audit_events where outcome = 'denied' and actor_user_id = ${credentials.otherCounselor.id}`,
      );
      expect(denied.map((d) => d.action).sort()).toEqual([
        "route:GET /api/v1/participants/:id/treatment-plan",
        "treatment_plan.save_draft",
        "treatment_plan.version_view",
      ]);
    });
  });
});
