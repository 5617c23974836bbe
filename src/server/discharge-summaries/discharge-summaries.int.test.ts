import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { givenParticipant, givenSite, givenTrack, givenUser } from "../../../tests/support/given";
import { pdfTextByStream } from "../../../tests/support/pdf-text";
import { appHeaders, buildTestApp, signIn, testClock } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { type DatabaseHandle, queryRows } from "../db/connection";
import { aCompletePlan } from "../treatment-plans/plans.test-data";

/**
 * The discharge summary over HTTP, from a realistic record built here: six weeks of attendance, two
 * PHQ-9 scores showing reliable improvement (the first with a critical answer), a signed treatment
 * plan. Generated, edited under optimistic locking, refused for signing before the discharge is
 * recorded, signed after it and then immutable; printed; every read and write audited; closed to staff
 * outside the care team and to the participant.
 */

const PEOPLE = ["counselor", "outsider", "frontDesk", "casey"] as const;
type Person = (typeof PEOPLE)[number];

describeEachEngine("discharge summaries", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  const clock = testClock("2026-11-12T18:00:00Z");
  const credentials = {} as Record<Person, { id: string; email: string; password: string }>;
  const sessions = new Map<Person, string>();
  let participantId = "";
  let episodeId = "";

  const cookie = async (who: Person) => {
    if (!sessions.has(who))
      sessions.set(who, (await signIn(app, credentials[who].email, credentials[who].password)).cookie);
    return sessions.get(who)!;
  };
  const call = async (who: Person, method: "GET" | "POST" | "PUT", path: string, payload?: object) =>
    app.inject({
      method,
      url: `/api/v1/participants/${participantId}${path}`,
      headers: { ...appHeaders, cookie: await cookie(who) },
      ...(payload ? { payload } : {}),
    });
  const audits = (action: string) =>
    queryRows<{ outcome: string; participant_id: string | null }>(
      database.db,
      sql`select outcome, participant_id from audit_events where action = ${action} order by seq`,
    );

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: clock.now });
    const db = database.db;
    const site = await givenSite(db, "Riverside");
    credentials.counselor = await givenUser(db, { siteNames: [site.name], displayName: "Alex Kim" });
    credentials.outsider = await givenUser(db, { siteNames: [site.name], displayName: "Sam Other" });
    credentials.frontDesk = await givenUser(db, { roles: ["front_desk"], siteNames: [site.name] });
    credentials.casey = await givenUser(db, { kind: "participant", displayName: "Casey" });
    const track = await givenTrack(db, { siteId: site.id, startsOn: "2026-09-01" });
    participantId = (
      await givenParticipant(db, {
        siteId: site.id,
        givenName: "Casey",
        familyName: "Morgan",
        userId: credentials.casey.id,
        admittedOn: "2026-10-01",
        trackId: track.id,
        careTeam: [{ userId: credentials.counselor.id, role: "primary_counselor" }],
      })
    ).id;
    [{ id: episodeId }] = (await queryRows<{ id: string }>(
      db,
      sql`select id from episodes where participant_id = ${participantId}`,
    )) as [{ id: string }];
    await db.execute(
      sql`insert into diagnoses (participant_id, episode_id, code, title, is_primary, recorded_at)
          values (${participantId}, ${episodeId}, 'F10.20', 'Alcohol dependence, uncomplicated', true, now())`,
    );
    // Three sessions a week for six weeks: 16 attended (one late), one excused and one unexcused absence.
    const days = Array.from({ length: 18 }, (_, i) => {
      const week = Math.floor(i / 3);
      const day = 1 + week * 7 + (i % 3) * 2;
      return `2026-${day > 31 ? "11" : "10"}-${String(day > 31 ? day - 31 : day).padStart(2, "0")}`;
    });
    for (const [i, on] of days.entries()) {
      const status = i === 4 ? "absent_excused" : i === 9 ? "absent_unexcused" : i === 2 ? "late" : "present";
      const minutes = status.startsWith("absent") ? 0 : status === "late" ? 150 : 180;
      await db.execute(
        sql`insert into attendance_marks (track_id, occurrence_key, participant_id, occurred_on, status,
              minutes_attended, session_minutes, recorded_at)
            values (${track.id}, ${`${on}T18:00`}, ${participantId}, ${on}, ${status}, ${minutes}, 180, now())`,
      );
    }
    const phq9 = async (on: string, total: number, band: string, critical: object[]) =>
      db.execute(
        sql`insert into assessment_responses (participant_id, site_id, episode_id, instrument_key,
              questionnaire_url, questionnaire_version, answers, language, mode, idempotency_key,
              completed_on, submitted_at, scored, total, band, subscales, flags, missing, critical)
            values (${participantId}, ${site.id}, ${episodeId}, 'phq9', 'http://example.org/phq9', '1',
              '{}'::jsonb, 'en', 'staff', ${randomUUID()}, ${on}, ${`${on}T16:00:00Z`}, true, ${total},
              ${band}, '{}'::jsonb, '[]'::jsonb, '[]'::jsonb, ${JSON.stringify(critical)}::jsonb)`,
      );
    await phq9("2026-10-01", 18, "moderately severe", [
      { rule: "phq9.item9", severity: "urgent", linkIds: ["9"] },
    ]);
    await phq9("2026-11-10", 8, "mild", []);
    const content = aCompletePlan("2026-10-05");
    content.problems[0]!.objectives[0]!.status = "met";
    await db.execute(
      sql`with plan as (
            insert into treatment_plans (participant_id, episode_id, site_id)
            values (${participantId}, ${episodeId}, ${site.id}) returning id)
          insert into treatment_plan_versions (plan_id, number, status, language, starts_on, content,
            content_sha256, finalized_at, signed_at)
          select id, 1, 'signed', 'en', '2026-10-05', ${JSON.stringify(content)}::jsonb, 'sha', now(), now()
          from plan`,
    );
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("has no summary before a draft is generated, and says the episode is open", async () => {
    const res = await call("counselor", "GET", "/discharge-summary");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      episode: { id: episodeId, admittedOn: "2026-10-01", discharged: false },
      summary: null,
    });
    expect(await audits("discharge_summary.read")).toEqual([
      { outcome: "allowed", participant_id: participantId },
    ]);
  });

  it("generates a draft from the record: attendance, reliable improvement on the PHQ-9, the signed plan, risks", async () => {
    const res = await call("counselor", "POST", "/discharge-summary/draft", {});
    expect(res.statusCode).toBe(200);
    const { summary } = res.json();
    expect(summary).toMatchObject({ status: "draft", version: 1, edited: false, updatedBy: "Alex Kim" });
    expect(summary.sections.identification).toContain(
      "Casey Morgan, born April 12, 1990, was admitted on October 1, 2026",
    );
    expect(summary.sections.reasonForAdmission).toContain(
      "F10.20 Alcohol dependence, uncomplicated (primary)",
    );
    expect(summary.sections.attendance).toBe(
      "Sessions attended: 16 of 18 (89%). Hours attended: 47.5 hours; weekly average 7.7 hours. Absences: 1 excused, 1 unexcused.",
    );
    expect(summary.sections.measures).toContain(
      "PHQ-9: 18 (moderately severe) on October 1, 2026 at start, 8 (mild) on November 10, 2026 at end — recovered",
    );
    expect(summary.sections.planProgress).toContain(
      "- Alcohol use: Identify three triggers and a coping response for each — met.",
    );
    expect(summary.sections.medications).toBe("None recorded in Bridgeway.");
    expect(summary.sections.risks).toContain("PHQ-9 item 9 (thoughts of death or self-harm)");
    expect(summary.sections.dischargeAndAftercare).toContain("The discharge is not yet recorded.");
    expect(await audits("discharge_summary.generate")).toHaveLength(1);
  });

  it("saves edits on the version read, and refuses a save from a stale version with a conflict", async () => {
    const before = (await call("counselor", "GET", "/discharge-summary")).json().summary;
    const sections = { ...before.sections, course: "Engaged well; steady progress." };
    const saved = await call("counselor", "PUT", "/discharge-summary", { version: before.version, sections });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().summary).toMatchObject({ version: 2, edited: true });
    expect(saved.json().summary.sections.course).toBe("Engaged well; steady progress.");

    const stale = await call("counselor", "PUT", "/discharge-summary", {
      version: before.version,
      sections: { ...sections, course: "Lost update" },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("DISCHARGE_SUMMARY_EDIT_CONFLICT");
    const now = (await call("counselor", "GET", "/discharge-summary")).json().summary;
    expect(now.sections.course).toBe("Engaged well; steady progress.");
  });

  it("regenerating an edited draft needs replaceEdits; without it nothing is lost", async () => {
    const refused = await call("counselor", "POST", "/discharge-summary/draft", {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("DISCHARGE_SUMMARY_EDITS_WOULD_BE_LOST");
    expect((await call("counselor", "GET", "/discharge-summary")).json().summary.sections.course).toBe(
      "Engaged well; steady progress.",
    );
  });

  it("rejects bad input with field paths", async () => {
    const res = await call("counselor", "PUT", "/discharge-summary", { version: 0, sections: {} });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("VALIDATION_FAILED");
  });

  it("refuses to sign before the discharge is recorded", async () => {
    const { version } = (await call("counselor", "GET", "/discharge-summary")).json().summary;
    const res = await call("counselor", "POST", "/discharge-summary/sign", { version });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("DISCHARGE_SUMMARY_NOT_DISCHARGED");
    expect(await audits("discharge_summary.sign.refused")).toEqual([
      { outcome: "allowed", participant_id: participantId },
    ]);
  });

  it("after discharge: regenerated with replaceEdits, an empty section blocks signing by name, then signed and immutable", async () => {
    await database.db.execute(
      sql`update episodes set discharged_on = '2026-11-12', discharge_reason = 'completed',
            referred_level_of_care = '1', discharge_recorded_at = now() where id = ${episodeId}`,
    );
    const regenerated = await call("counselor", "POST", "/discharge-summary/draft", { replaceEdits: true });
    expect(regenerated.statusCode).toBe(200);
    const summary = regenerated.json().summary;
    expect(regenerated.json().episode.discharged).toBe(true);
    expect(summary.edited).toBe(false);
    expect(summary.sections.dischargeAndAftercare).toContain("Reason for discharge: completed treatment.");

    const blanked = await call("counselor", "PUT", "/discharge-summary", {
      version: summary.version,
      sections: { ...summary.sections, risks: "  " },
    });
    const incomplete = await call("counselor", "POST", "/discharge-summary/sign", {
      version: blanked.json().summary.version,
    });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error.code).toBe("DISCHARGE_SUMMARY_INCOMPLETE");
    expect(incomplete.json().error.fields).toEqual([
      { path: "sections.risks", message: "Risks: write this section." },
    ]);

    const restored = await call("counselor", "PUT", "/discharge-summary", {
      version: blanked.json().summary.version,
      sections: summary.sections,
    });
    const signed = await call("counselor", "POST", "/discharge-summary/sign", {
      version: restored.json().summary.version,
    });
    expect(signed.statusCode).toBe(200);
    expect(signed.json().summary).toMatchObject({ status: "signed", signedBy: "Alex Kim" });

    const after = signed.json().summary;
    const edit = await call("counselor", "PUT", "/discharge-summary", {
      version: after.version,
      sections: after.sections,
    });
    expect(edit.json().error.code).toBe("DISCHARGE_SUMMARY_SIGNED");
    const regenerate = await call("counselor", "POST", "/discharge-summary/draft", { replaceEdits: true });
    expect(regenerate.json().error.code).toBe("DISCHARGE_SUMMARY_SIGNED");
    const resign = await call("counselor", "POST", "/discharge-summary/sign", { version: after.version });
    expect(resign.json().error.code).toBe("DISCHARGE_SUMMARY_SIGNED");
    expect(await audits("discharge_summary.sign")).toHaveLength(1);
  });

  it("prints the signed summary with every section and who signed it", async () => {
    const res = await call("counselor", "GET", "/discharge-summary.pdf");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).not.toContain("Morgan");
    const text = pdfTextByStream(res.rawPayload).join("\n");
    for (const heading of [
      "Discharge summary",
      "Reason for admission",
      "Course of treatment",
      "Attendance",
      "Measures at admission and discharge",
      "Treatment plan progress",
      "Medications",
      "Risks",
      "Discharge and aftercare",
      "None recorded in Bridgeway.",
      "Alex Kim",
    ]) {
      expect(text).toContain(heading);
    }
    expect(text).not.toContain("DRAFT");
    expect(await audits("discharge_summary.print")).toHaveLength(1);
  });

  it("is closed to staff outside the care team, to front desk and to the participant", async () => {
    const outsider = await call("outsider", "GET", "/discharge-summary");
    expect([403, 404]).toContain(outsider.statusCode);
    expect(
      (await call("outsider", "POST", "/discharge-summary/draft", {})).statusCode,
    ).toBeGreaterThanOrEqual(403);
    expect((await call("frontDesk", "GET", "/discharge-summary.pdf")).statusCode).toBeGreaterThanOrEqual(403);
    const casey = await call("casey", "GET", "/discharge-summary");
    expect([403, 404]).toContain(casey.statusCode);
    const denied = await queryRows<{ outcome: string }>(
      database.db,
      sql`select outcome from audit_events where participant_id = ${participantId} and outcome = 'denied'`,
    );
    expect(denied.length).toBeGreaterThanOrEqual(3);
  });
});
