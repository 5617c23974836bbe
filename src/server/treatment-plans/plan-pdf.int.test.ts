import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { givenParticipant, givenSite, givenUser } from "../../../tests/support/given";
import { pdfPageCount, pdfTextByStream } from "../../../tests/support/pdf-text";
import { appHeaders, buildTestApp, signIn, testClock } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { type DatabaseHandle, queryRows } from "../db/connection";
import { aCompletePlan } from "./plans.test-data";

/**
 * Printing a plan and a review over HTTP: a PDF download named for what it is (never whom), for staff
 * who may read the participant's clinical record, each print audited; the draft watermark until the
 * version is signed by the clinician and the participant.
 */

const PEOPLE = ["counselor", "frontDesk", "otherCounselor", "casey"] as const;
type Person = (typeof PEOPLE)[number];

describeEachEngine("treatment plans: the plan and review PDFs", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  const clock = testClock("2026-03-09T19:05:00Z");
  const credentials = {} as Record<Person, { id: string; email: string; password: string }>;
  const sessions = new Map<Person, string>();
  let participantId = "";
  let planId = "";
  let versionId = "";

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
  const versionPdf = (who: Person = "counselor") =>
    call(who, "GET", `/treatment-plans/${planId}/versions/${versionId}/pdf`);
  const textOf = (pdf: Buffer) => pdfTextByStream(pdf).join("\n");
  const prints = () =>
    queryRows<{ outcome: string; resource_type: string; participant_id: string | null }>(
      database.db,
      sql`select outcome, resource_type, participant_id from audit_events
          where action = 'treatment_plan.print' order by seq`,
    );

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: clock.now });
    const db = database.db;
    const site = await givenSite(db, "Riverside");
    const otherSite = await givenSite(db);
    credentials.counselor = await givenUser(db, {
      roles: ["counselor"],
      siteNames: [site.name],
      displayName: "Alex Kim",
    });
    credentials.frontDesk = await givenUser(db, { roles: ["front_desk"], siteNames: [site.name] });
    credentials.otherCounselor = await givenUser(db, { roles: ["counselor"], siteNames: [otherSite.name] });
    credentials.casey = await givenUser(db, { kind: "participant", displayName: "Casey" });
    participantId = (
      await givenParticipant(db, {
        siteId: site.id,
        givenName: "Casey",
        familyName: "Morgan",
        userId: credentials.casey.id,
        careTeam: [{ userId: credentials.counselor.id, role: "primary_counselor" }],
      })
    ).id;
    const started = (
      await call("counselor", "POST", `/participants/${participantId}/treatment-plan`, {
        startsOn: "2026-03-09",
        language: "en",
      })
    ).json().plan;
    planId = started.planId;
    versionId = started.open.id;
    const saved = await call("counselor", "PUT", `/treatment-plans/${planId}/versions/${versionId}`, {
      revision: 1,
      startsOn: "2026-03-09",
      language: "en",
      cosignerUserId: null,
      content: aCompletePlan(),
    });
    expect(saved.statusCode).toBe(200);
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("downloads a draft as treatment-plan-v1.pdf, watermarked, and audits the print", async () => {
    const response = await versionPdf();
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    expect(response.headers["content-disposition"]).toBe('attachment; filename="treatment-plan-v1.pdf"');
    expect(response.headers["cache-control"]).toBe("no-store");
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = textOf(pdf);
    for (const expected of [
      "Test Recovery Center · Riverside",
      "Treatment plan",
      "Casey Morgan",
      "1 — Draft",
      "March 9, 2026",
      "Problem 1: Alcohol use",
      "Relapse prevention group — 3 times a week — Track facilitator",
      "Supportive sister",
      "DRAFT — NOT SIGNED",
      `Page 1 of ${pdfPageCount(pdf)}`,
    ]) {
      expect(text).toContain(expected);
    }
    expect(await prints()).toEqual([
      { outcome: "allowed", resource_type: "treatment_plan_version", participant_id: participantId },
    ]);
  });

  it("prints the signed version without the watermark, with both signatures in the site's local time", async () => {
    const finalized = await call(
      "counselor",
      "POST",
      `/treatment-plans/${planId}/versions/${versionId}/finalize`,
      {
        revision: 2,
      },
    );
    expect(finalized.statusCode).toBe(200);
    const revision = finalized.json().revision;
    const clinician = await call(
      "counselor",
      "POST",
      `/treatment-plans/${planId}/versions/${versionId}/signatures`,
      {
        role: "clinician",
        revision,
        password: credentials.counselor.password,
      },
    );
    expect(clinician.statusCode).toBe(200);
    const mine = (await call("casey", "GET", "/me/treatment-plan")).json().plan;
    const participant = await call("casey", "POST", "/me/treatment-plan/signatures", {
      versionId,
      revision: mine.version.revision,
      typedName: "Casey Morgan",
    });
    expect(participant.statusCode).toBe(200);

    const text = textOf((await versionPdf()).rawPayload);
    expect(text).toContain("1 — Signed");
    expect(text).not.toContain("DRAFT");
    expect(text).toContain("re-entered password");
    expect(text).toContain("typed name: “Casey Morgan”");
    // 19:05 UTC on March 9 is 3:05 PM in New York (daylight time began on March 8).
    expect(text).toContain("March 9, 2026 at 3:05 PM EDT (America/New_York)");
  });

  it("prints a review as treatment-plan-review-1.pdf with the reviewed objectives, watermarked until signed", async () => {
    const started = await call("counselor", "POST", `/treatment-plans/${planId}/reviews`, {
      reason: "scheduled",
    });
    expect(started.statusCode).toBe(201);
    const review = started.json();
    const response = await call("counselor", "GET", `/treatment-plans/${planId}/reviews/${review.id}/pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-disposition"]).toBe(
      'attachment; filename="treatment-plan-review-1.pdf"',
    );
    const text = textOf(response.rawPayload);
    for (const expected of [
      "Treatment plan review",
      "Casey Morgan",
      "Scheduled review",
      "Progress per objective",
      "1.1  Identify three triggers and a coping response for each",
      "DRAFT — NOT SIGNED",
    ]) {
      expect(text).toContain(expected);
    }
    expect((await prints()).at(-1)).toEqual({
      outcome: "allowed",
      resource_type: "treatment_plan_review",
      participant_id: participantId,
    });
  });

  it("refuses staff without clinical access, another site's counselor and unknown versions, auditing the refusals", async () => {
    const before = (await prints()).length;
    expect((await versionPdf("frontDesk")).statusCode).toBe(403);
    expect((await versionPdf("otherCounselor")).statusCode).toBe(404);
    const unknown = await call(
      "counselor",
      "GET",
      `/treatment-plans/${planId}/versions/00000000-0000-4000-8000-000000000000/pdf`,
    );
    expect(unknown.statusCode).toBe(404);
    const bad = await call("counselor", "GET", `/treatment-plans/${planId}/versions/not-a-uuid/pdf`);
    expect(bad.statusCode).toBe(400);
    expect(
      (await call("casey", "GET", `/treatment-plans/${planId}/versions/${versionId}/pdf`)).statusCode,
    ).toBe(403);
    const refusals = (await prints()).slice(before).filter((p) => p.outcome === "denied");
    expect(refusals.length).toBeGreaterThanOrEqual(1);
  });
});
