import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  type GivenUser,
  givenFamilyConsent,
  givenFamilyLink,
  givenParticipant,
  givenSite,
  givenUser,
} from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { PART2_STATEMENTS } from "../../core/consents/statements";
import { insertRevocation } from "../consents/consents.sql";
import { type DatabaseHandle, queryRows } from "../db/connection";

/**
 * The family portal over HTTP on a real database. Rob (a participant) shares the family-session
 * schedule and an attendance summary with Fran, everything a family member can see with Gus, nothing
 * with Nora (linked, no consent), and the schedule until the end of November with Eve. The record
 * also holds what no family member may ever see: a counseling note, questionnaire answers, the plan's
 * problems and clinical goal, an individual session, a cancellation reason. Every such text starts
 * with SECRET so the responses can be searched for it.
 */

type Who = "fran" | "gus" | "nora" | "eve" | "counselor";

describeEachEngine("family portal", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let current = new Date("2026-11-24T15:00:00Z");
  const ids: Record<string, string> = {};
  const users = new Map<Who, GivenUser>();
  const cookies = new Map<Who, string>();

  /** Each request a second later, so disclosures keep their order (sessions stay within their idle limit). */
  const get = (who: Who, url: string) => {
    current = new Date(current.getTime() + 1_000);
    return app.inject({ url: `/api/v1${url}`, headers: { ...appHeaders, cookie: cookies.get(who)! } });
  };
  const view = (who: Who, name: string, participantId = ids.rob!) =>
    get(who, `/family/people/${participantId}/${name}`);

  const disclosuresTo = (who: Who) =>
    queryRows<{ information: string[]; channel: string; disclosed_by: string; consent_id: string }>(
      database.db,
      sql`select information, channel, disclosed_by, consent_id from disclosures
          where recipient_user_id = ${users.get(who)!.id} order by disclosed_at, id`,
    );

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: () => new Date(current) });
    const db = database.db;
    const site = await givenSite(db, "Family Portal Site");
    const counselor = await givenUser(db, { siteNames: [site.name], displayName: "Jordan Counselor" });
    users.set("counselor", counselor);
    ids.rob = (
      await givenParticipant(db, {
        siteId: site.id,
        givenName: "Robert",
        familyName: "SECRETFAMILYNAME",
        careTeam: [{ userId: counselor.id, role: "primary_counselor" }],
      })
    ).id;
    ids.elsewhere = (await givenParticipant(db, { siteId: site.id, givenName: "Other" })).id;
    await db.execute(
      sql`update participants set preferred_name = 'Rob', sobriety_on = '2026-10-01' where id = ${ids.rob}`,
    );
    const scopesOf = {
      fran: ["family_session_schedule", "attendance_summary"],
      gus: [
        "family_session_schedule",
        "attendance_summary",
        "shared_progress",
        "treatment_goals",
        "assessment_scores",
      ],
      eve: ["family_session_schedule"],
    } as const;
    for (const who of ["fran", "gus", "nora", "eve"] as const) {
      const user = await givenUser(db, { kind: "family", displayName: `${who} Family` });
      users.set(who, user);
      if (who === "nora") {
        await givenFamilyLink(db, user.id, ids.rob);
        continue;
      }
      const { consentId, recipientId } = await givenFamilyConsent(db, {
        participantId: ids.rob,
        siteId: site.id,
        createdBy: counselor.id,
        familyUserId: user.id,
        name: `${who} Family`,
        scopes: [...scopesOf[who]],
        ...(who === "eve" ? { expiresOn: "2026-11-30" } : {}),
      });
      ids[`${who}Consent`] = consentId;
      ids[`${who}Recipient`] = recipientId;
      await givenFamilyLink(db, user.id, ids.rob, recipientId);
    }
    for (const who of ["fran", "gus", "nora", "eve", "counselor"] as const) {
      const user = users.get(who)!;
      cookies.set(who, (await signIn(app, user.email, user.password)).cookie);
    }

    const appointment = (
      kind: string,
      startsAt: string,
      extra: { location?: string; attendance?: [string, number]; cancel?: string; fran?: boolean } = {},
    ) => sql`insert into appointments (site_id, participant_id, kind, staff_id, location, time_zone, starts_at,
          ends_at, local_date, family_attendees, status, cancel_reason, attendance_status, minutes_attended)
        values (${site.id}, ${ids.rob}, ${kind}, ${counselor.id}, ${extra.location ?? ""}, 'America/New_York',
          ${startsAt}::timestamptz, ${startsAt}::timestamptz + interval '1 hour',
          (${startsAt}::timestamptz at time zone 'America/New_York')::date,
          ${JSON.stringify(extra.fran ? [{ userId: users.get("fran")!.id, name: "Fran", relationship: "sister" }] : [])}::jsonb,
          ${extra.cancel ? "cancelled" : "scheduled"}, ${extra.cancel ?? null},
          ${extra.attendance?.[0] ?? null}, ${extra.attendance?.[1] ?? null})`;
    await db.execute(appointment("family", "2026-11-26T20:00:00Z", { location: "Family room", fran: true }));
    await db.execute(
      appointment("individual", "2026-11-25T15:00:00Z", { location: "SECRET-INDIVIDUAL-ROOM" }),
    );
    await db.execute(
      appointment("family", "2026-11-27T20:00:00Z", {
        location: "Family room",
        cancel: "SECRET-CANCEL-REASON",
      }),
    );
    await db.execute(appointment("individual", "2026-11-18T15:00:00Z", { attendance: ["present", 60] }));
    await db.execute(appointment("family", "2026-11-11T20:00:00Z", { attendance: ["absent_excused", 0] }));
    await db.execute(
      sql`insert into shared_updates (participant_id, body, created_at)
          values (${ids.rob}, 'Had a good week at group.', '2026-11-20T18:00:00Z')`,
    );
    const plan = await queryRows<{ id: string }>(
      db,
      sql`insert into treatment_plans (participant_id, episode_id, site_id)
          select participant_id, id, site_id from episodes where participant_id = ${ids.rob} returning id`,
    );
    const content = {
      problems: [
        {
          id: randomUUID(),
          title: "SECRET-PROBLEM-TITLE",
          templateKey: null,
          sources: [{ kind: "diagnosis", ref: "F10.20", label: "F10.20 SECRET-DIAGNOSIS" }],
          goal: { participantWords: "Be there for my kids", clinical: "SECRET-CLINICAL-GOAL" },
          objectives: [
            {
              id: randomUUID(),
              statement: "Go to three groups a week",
              measure: { kind: "observed", description: "SECRET-MEASURE" },
              targetOn: "2026-12-31",
              status: "in_progress",
            },
          ],
          interventions: [
            {
              id: randomUUID(),
              kind: "group",
              what: "SECRET-INTERVENTION",
              frequency: "3 times a week",
              responsible: "Track facilitator",
            },
          ],
        },
      ],
      strengths: ["SECRET-STRENGTH"],
      barriers: [],
      dischargeCriteria: [],
    };
    await db.execute(
      sql`insert into treatment_plan_versions (plan_id, number, status, language, starts_on, content, content_sha256, signed_at)
          values (${plan[0]!.id}, 1, 'signed', 'en', '2026-10-02', ${JSON.stringify(content)}::jsonb, 'x', '2026-10-03T15:00:00Z')`,
    );
    await db.execute(
      sql`insert into assessment_responses (participant_id, site_id, instrument_key, questionnaire_url,
            questionnaire_version, answers, language, mode, idempotency_key, completed_on, submitted_at, scored,
            total, band, subscales, flags, missing, critical)
          values (${ids.rob}, ${site.id}, 'phq9', 'http://example.org/phq9', '1', '{"SECRET-ITEM": 3}'::jsonb, 'en',
            'self', ${randomUUID()}, '2026-11-10', '2026-11-10T15:00:00Z', true, 8, 'mild', '{}'::jsonb,
            '[]'::jsonb, '[]'::jsonb, '[]'::jsonb)`,
    );
    await db.execute(
      sql`insert into counseling_notes (site_id, participant_id, episode_id, session_date, content, author_id)
          select site_id, participant_id, id, '2026-11-18', '{"body": "SECRET-COUNSELING-NOTE"}'::jsonb, ${counselor.id}
          from episodes where participant_id = ${ids.rob}`,
    );
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("lists the people a family member supports, with what they share and until when, logged as a disclosure of no category", async () => {
    const response = await get("fran", "/family/people");
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.noLongerShared).toBe(0);
    expect(body.people).toHaveLength(1);
    expect(body.people[0]).toMatchObject({
      participantId: ids.rob,
      name: "Rob",
      relationship: "sister",
      scopes: ["family_session_schedule", "attendance_summary"],
      expiresOn: "2027-12-31",
      statement: { kind: "statement_1", text: PART2_STATEMENTS.statement_1 },
    });
    expect(body.people[0].scopeSummary).toContain("the schedule of family sessions");
    expect(response.body).not.toContain("SECRETFAMILYNAME");
    expect(await disclosuresTo("fran")).toEqual([
      {
        information: [],
        channel: "family_portal",
        disclosed_by: users.get("fran")!.id,
        consent_id: ids.franConsent,
      },
    ]);
  });

  it("shows the upcoming family sessions only (never individual or cancelled ones), logging one schedule disclosure", async () => {
    const before = (await disclosuresTo("fran")).length;
    const response = await view("fran", "schedule");
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.sessions).toEqual([
      {
        id: expect.any(String),
        startsAt: "2026-11-26T20:00:00.000Z",
        endsAt: "2026-11-26T21:00:00.000Z",
        timeZone: "America/New_York",
        telehealth: false,
        place: "Family room",
        videoLink: "",
        withWhom: "Jordan Counselor",
        includesYou: true,
      },
    ]);
    expect(body.statement.text).toBe(PART2_STATEMENTS.statement_1);
    expect(body.scopeSummary).toContain("Recipient: fran Family (sister)");
    const rows = await disclosuresTo("fran");
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)!.information).toEqual(["family_session_schedule"]);
  });

  it("summarises the last four weeks' attendance as counts and hours, without reasons", async () => {
    const response = await view("fran", "attendance");
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.total).toEqual({
      from: "2026-10-28",
      to: "2026-11-24",
      attendedSessions: 1,
      expectedSessions: 2,
      attendedMinutes: 60,
      expectedMinutes: 120,
    });
    expect(body.weeks.map((w: { to: string }) => w.to)).toEqual([
      "2026-11-03",
      "2026-11-10",
      "2026-11-17",
      "2026-11-24",
    ]);
    expect(response.body).not.toMatch(/excused|absent|reason/i);
    expect((await disclosuresTo("fran")).at(-1)!.information).toEqual(["attendance_summary"]);
  });

  it("refuses a view outside the consent's scope with FAMILY_ACCESS_ENDED, disclosing nothing", async () => {
    const before = (await disclosuresTo("fran")).length;
    for (const name of ["progress", "goals", "scores"]) {
      const response = await view("fran", name);
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe("FAMILY_ACCESS_ENDED");
      expect(response.body).not.toContain("out_of_scope");
    }
    expect(await disclosuresTo("fran")).toHaveLength(before);
    const denied = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_events where action = 'disclosures.disclose' and outcome = 'denied'
            and actor_user_id = ${users.get("fran")!.id}`,
    );
    expect(denied[0]!.n).toBe(3);
  });

  it("shows shared updates and days in recovery, goals in the participant's words, and scores only when chosen", async () => {
    const progress = await view("gus", "progress");
    expect(progress.statusCode).toBe(200);
    expect(progress.json()).toMatchObject({
      updates: [{ body: "Had a good week at group.", createdAt: "2026-11-20T18:00:00.000Z" }],
      daysInRecovery: 54,
    });
    const goals = await view("gus", "goals");
    expect(goals.json().goals).toEqual([
      {
        id: expect.any(String),
        words: "Be there for my kids",
        steps: [{ id: expect.any(String), title: "Go to three groups a week", done: false }],
      },
    ]);
    const scores = await view("gus", "scores");
    expect(scores.json().scores).toEqual([
      {
        instrumentKey: "phq9",
        shortName: "PHQ-9",
        completedOn: "2026-11-10",
        total: 8,
        min: 0,
        max: 27,
        direction: "lower_is_better",
      },
    ]);
    expect((await disclosuresTo("gus")).map((r) => r.information)).toEqual([
      ["shared_progress"],
      ["treatment_goals"],
      ["assessment_scores"],
    ]);
  });

  it("never puts notes, counseling notes, answers, problems, diagnoses or reasons in any family response", async () => {
    const bodies: string[] = [(await get("gus", "/family/people")).body];
    for (const name of ["schedule", "attendance", "progress", "goals", "scores"]) {
      const response = await view("gus", name);
      expect(response.statusCode).toBe(200);
      bodies.push(response.body);
    }
    for (const body of bodies) expect(body).not.toContain("SECRET");
  });

  it("refuses anyone but a family member, a person they are not linked to, and a link with no consent", async () => {
    const staff = await view("counselor", "schedule");
    expect(staff.statusCode).toBe(403);
    expect(staff.json().error.code).toBe("AUTH_FORBIDDEN");
    expect((await get("counselor", "/family/people")).statusCode).toBe(403);
    const stranger = await view("fran", "schedule", ids.elsewhere);
    expect(stranger.statusCode).toBe(404);
    const noConsent = await view("nora", "schedule");
    expect(noConsent.statusCode).toBe(403);
    expect(noConsent.json().error.code).toBe("FAMILY_ACCESS_ENDED");
    expect((await get("nora", "/family/people")).json()).toEqual({ people: [], noLongerShared: 0 });
    expect(await disclosuresTo("nora")).toEqual([]);
  });

  it("hides a category the participant restricted (an agreed 2.26 restriction), from the view and from the sections listed", async () => {
    await database.db.execute(
      sql`insert into consent_restrictions (participant_id, site_id, kind, information_scope, status, requested_via, requested_at)
          select id, site_id, 'category', array['attendance_summary'], 'agreed', 'participant_app', '2026-11-20T15:00:00Z'
          from participants where id = ${ids.rob}`,
    );
    try {
      const before = (await disclosuresTo("fran")).length;
      const response = await view("fran", "attendance");
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe("FAMILY_ACCESS_ENDED");
      expect(await disclosuresTo("fran")).toHaveLength(before);
      expect((await get("fran", "/family/people")).json().people[0].scopes).toEqual([
        "family_session_schedule",
      ]);
      expect((await view("fran", "schedule")).statusCode).toBe(200);
    } finally {
      await database.db.execute(sql`delete from consent_restrictions where participant_id = ${ids.rob}`);
    }
  });

  it("stops at the next request once the participant revokes in writing, and shows the person only as no longer shared", async () => {
    expect((await view("gus", "schedule")).statusCode).toBe(200);
    await insertRevocation(database.db, {
      consentId: ids.gusConsent!,
      recipientId: ids.gusRecipient!,
      writtenStatement: "I no longer want Gus to see my information.",
      method: "participant_app",
      recordedBy: users.get("counselor")!.id,
      at: new Date(current.getTime() - 1),
    });
    const before = (await disclosuresTo("gus")).length;
    const next = await view("gus", "schedule");
    expect(next.statusCode).toBe(403);
    expect(next.json().error.code).toBe("FAMILY_ACCESS_ENDED");
    expect(next.body).not.toContain("Rob");
    const people = await get("gus", "/family/people");
    expect(people.json()).toEqual({ people: [], noLongerShared: 1 });
    expect(await disclosuresTo("gus")).toHaveLength(before);
  });

  it("stops once the consent's expiry date has passed", async () => {
    expect((await view("eve", "schedule")).statusCode).toBe(200);
    current = new Date("2026-12-01T15:00:00Z");
    const eve = users.get("eve")!;
    cookies.set("eve", (await signIn(app, eve.email, eve.password)).cookie);
    const expired = await view("eve", "schedule");
    expect(expired.statusCode).toBe(403);
    expect(expired.json().error.code).toBe("FAMILY_ACCESS_ENDED");
    expect((await get("eve", "/family/people")).json()).toEqual({ people: [], noLongerShared: 1 });
  });
});
