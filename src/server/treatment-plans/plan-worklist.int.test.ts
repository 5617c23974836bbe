import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { givenParticipant, givenSite, givenUser } from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { type DatabaseHandle, queryRows } from "../db/connection";
import { givenOpenPlan, givenSignedPlan } from "./reviews.test-data";

/**
 * The plan worklist and the plan alerts over a month end and the autumn DST change in New York
 * (2026-11-01): a plan signed 2026-10-05 is due for review on 2026-11-04 (30-day cycle, warned 7
 * days ahead), whatever the UTC date of each instant.
 */

interface AlertRow {
  kind: string;
  severity: string;
  state: string;
  evidence_kind: string;
  evidence_item: string | null;
}

describeEachEngine("treatment plan worklist and alerts", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let current = new Date("2026-10-20T14:00:00Z");
  const ids: Record<string, string> = {};
  const accounts: Record<string, { email: string; password: string }> = {};

  async function worklistAt(who: string, instant: string) {
    current = new Date(instant);
    const { cookie } = await signIn(app, accounts[who]!.email, accounts[who]!.password);
    const response = await app.inject({
      method: "GET",
      url: "/api/v1/treatment-plans/worklist",
      headers: { ...appHeaders, cookie },
    });
    expect(response.statusCode).toBe(200);
    return response.json().items as { participant: { id: string }; state: string; dueOn: string | null }[];
  }

  const alertsOf = (participantId: string) =>
    queryRows<AlertRow>(
      database.db,
      sql`select kind, severity, state, evidence_kind, evidence_item from alerts
          where participant_id = ${participantId} order by created_at, kind`,
    );

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: () => new Date(current) });
    const site = await givenSite(database.db, "Worklist Site");
    for (const [name, role] of [
      ["counselor", "counselor"],
      ["colleague", "counselor"],
      ["director", "clinical_director"],
    ] as const) {
      const user = await givenUser(database.db, {
        roles: [role],
        siteNames: [site.name],
        displayName: `Worklist ${name}`,
      });
      ids[name] = user.id;
      accounts[name] = user;
    }
    const mine = (givenName: string, admittedOn: string) =>
      givenParticipant(database.db, {
        siteId: site.id,
        givenName,
        familyName: "Worklist",
        admittedOn,
        careTeam: [{ userId: ids.counselor!, role: "primary_counselor" }],
      });
    ids.reviewed = (await mine("Reviewed", "2026-10-01")).id;
    await givenSignedPlan(database.db, {
      participantId: ids.reviewed,
      signedAt: new Date("2026-10-05T15:00:00Z"),
      createdBy: ids.counselor!,
    });
    ids.noPlan = (await mine("Noplan", "2026-10-15")).id;
    ids.drafting = (await mine("Drafting", "2026-10-16")).id;
    await givenOpenPlan(database.db, {
      participantId: ids.drafting,
      createdBy: ids.counselor!,
      status: "draft",
    });
    ids.awaitingMe = (await mine("Awaitingme", "2026-10-17")).id;
    await givenOpenPlan(database.db, {
      participantId: ids.awaitingMe,
      createdBy: ids.counselor!,
      status: "awaiting_signatures",
    });
    // On the colleague's caseload: the colleague wrote it and it awaits signatures.
    ids.colleagues = (
      await givenParticipant(database.db, {
        siteId: site.id,
        givenName: "Colleagues",
        familyName: "Worklist",
        admittedOn: "2026-10-10",
        careTeam: [
          { userId: ids.colleague!, role: "primary_counselor" },
          { userId: ids.counselor!, role: "counselor" },
        ],
      })
    ).id;
    await givenOpenPlan(database.db, {
      participantId: ids.colleagues,
      createdBy: ids.colleague!,
      status: "awaiting_signatures",
    });
    // Nobody's caseload: only the director sees it.
    ids.unassigned = (
      await givenParticipant(database.db, {
        siteId: site.id,
        givenName: "Unassigned",
        admittedOn: "2026-10-18",
      })
    ).id;
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("shows a counselor exactly their participants' states, most urgent first", async () => {
    const items = await worklistAt("counselor", "2026-10-20T14:00:00Z");
    expect(items.map((i) => [i.participant.id, i.state, i.dueOn])).toEqual([
      [ids.noPlan, "no_plan", "2026-10-22"],
      [ids.awaitingMe, "awaiting_my_signature", "2026-10-24"],
      [ids.drafting, "draft", "2026-10-23"],
      [ids.colleagues, "awaiting_others", "2026-10-17"],
    ]);
    const colleague = await worklistAt("colleague", "2026-10-20T14:00:00Z");
    expect(colleague.map((i) => [i.participant.id, i.state])).toEqual([
      [ids.colleagues, "awaiting_my_signature"],
    ]);
    const director = await worklistAt("director", "2026-10-20T14:00:00Z");
    expect(director.map((i) => i.participant.id)).toContain(ids.unassigned);
    expect(director.find((i) => i.participant.id === ids.awaitingMe)?.state).toBe("awaiting_others");
  });

  it("moves a review from due soon to due to overdue on the site's calendar across the month end and DST", async () => {
    const stateOf = async (instant: string) =>
      (await worklistAt("counselor", instant)).find((i) => i.participant.id === ids.reviewed) ?? null;
    expect(await stateOf("2026-10-27T14:00:00Z")).toBeNull();
    expect(await stateOf("2026-10-28T14:00:00Z")).toMatchObject({
      state: "review_due_soon",
      dueOn: "2026-11-04",
    });
    // 23:30 on 3 November in New York (EST since 1 November) is already 4 November in UTC.
    expect(await stateOf("2026-11-04T04:30:00Z")).toMatchObject({
      state: "review_due_soon",
      dueOn: "2026-11-04",
    });
    expect(await stateOf("2026-11-04T05:30:00Z")).toMatchObject({ state: "review_due", dueOn: "2026-11-04" });
    expect(await stateOf("2026-11-05T04:59:00Z")).toMatchObject({ state: "review_due", dueOn: "2026-11-04" });
    expect(await stateOf("2026-11-05T05:00:00Z")).toMatchObject({
      state: "review_overdue",
      dueOn: "2026-11-04",
    });
  });

  it("the sweep raises each plan alert once per due date and resolves it when the review is signed", async () => {
    current = new Date("2026-11-03T15:00:00Z");
    await app.planAlerts.sweepPlanAlerts(current);
    await app.planAlerts.sweepPlanAlerts(current);
    expect(await alertsOf(ids.reviewed!)).toEqual([
      {
        kind: "treatment_plan_review_due",
        severity: "info",
        state: "open",
        evidence_kind: "treatment_plan",
        evidence_item: "2026-11-04",
      },
    ]);
    // A first plan expected on 2026-10-22 and still missing.
    expect(await alertsOf(ids.noPlan!)).toMatchObject([
      { kind: "treatment_plan_missing", severity: "warning", state: "open", evidence_item: "2026-10-22" },
    ]);

    current = new Date("2026-11-06T15:00:00Z");
    await app.planAlerts.sweepPlanAlerts(current);
    await app.planAlerts.sweepPlanAlerts(current);
    expect(await alertsOf(ids.reviewed!)).toMatchObject([
      { kind: "treatment_plan_review_due", state: "resolved" },
      {
        kind: "treatment_plan_review_overdue",
        severity: "warning",
        state: "open",
        evidence_item: "2026-11-04",
      },
    ]);

    // The review is signed: the next one is due 30 days later, and the overdue alert resolves itself.
    const [plan] = await queryRows<{ id: string; version_id: string }>(
      database.db,
      sql`select tp.id, v.id as version_id from treatment_plans tp
          join treatment_plan_versions v on v.plan_id = tp.id where tp.participant_id = ${ids.reviewed}`,
    );
    await database.db.execute(
      sql`insert into treatment_plan_reviews (plan_id, version_id, number, status, reason, due_on, held_on,
            content, content_sha256, finalized_at, signed_at)
          values (${plan!.id}, ${plan!.version_id}, 1, 'signed', 'scheduled', '2026-11-04', '2026-11-06',
            '{"progress":[],"summary":"Steady","planChangesNeeded":false}'::jsonb, 'x', ${current}, ${current})`,
    );
    current = new Date("2026-11-06T16:00:00Z");
    const outcome = await app.planAlerts.sweepPlanAlerts(current);
    expect(outcome.resolved).toBeGreaterThanOrEqual(1);
    expect((await alertsOf(ids.reviewed!)).map((a) => a.state)).toEqual(["resolved", "resolved"]);
  });
});
