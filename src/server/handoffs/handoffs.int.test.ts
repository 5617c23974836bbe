import type { Bundle, Composition } from "@medplum/fhirtypes";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  givenFamilyConsent,
  givenParticipant,
  givenProviderConsent,
  givenSite,
  givenUser,
} from "../../../tests/support/given";
import { pdfTextByStream } from "../../../tests/support/pdf-text";
import { appHeaders, buildTestApp, signIn } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { aftercarePlanContentSchema } from "../../core/aftercare/aftercare-plan.schema";
import { PART2_STATEMENTS } from "../../core/consents/statements";
import { validateR4 } from "../../fhir/fhir-testing";
import { insertRevocation } from "../consents/consents.sql";
import { type DatabaseHandle, queryRows } from "../db/connection";
import { aftercarePlans, diagnoses, dischargeSummaries, episodes } from "../db/schema";

/**
 * The warm handoff over HTTP on a real database: who may receive the referral packet, a PDF and a
 * FHIR bundle sent under a consent (each exactly one disclosure row and one handoff row, each carrying
 * Statement 1), refusals that leave nothing behind, the first-appointment task and its overdue alert
 * from the sweep, and the outcome that closes both. Plus bad input and access denials.
 */

type Who = "counselor" | "outsider" | "frontDesk" | "prescriber";
const squash = (text: string) => text.replace(/\s+/g, " ").trim();

describeEachEngine("warm handoff", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let current = new Date("2026-04-01T15:00:00Z");
  const ids: Record<string, string> = {};
  const cookies = new Map<Who, string>();
  const logins = new Map<Who, { email: string; password: string }>();

  /** Move the clock (days at a time) and sign everyone in again: sessions do not outlive the jump. */
  async function advanceTo(iso: string) {
    current = new Date(iso);
    for (const [who, login] of logins)
      cookies.set(who, (await signIn(app, login.email, login.password)).cookie);
  }

  const call = (who: Who, method: "GET" | "POST", url: string, payload?: Record<string, unknown>) =>
    app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...appHeaders, cookie: cookies.get(who)! },
      ...(payload ? { payload } : {}),
    });

  const counts = async () => {
    const [row] = await queryRows<{ disclosures: number; handoffs: number }>(
      database.db,
      sql`select (select count(*)::int from disclosures where participant_id = ${ids.pat}) as disclosures,
                 (select count(*)::int from aftercare_handoffs where participant_id = ${ids.pat}) as handoffs`,
    );
    return row!;
  };

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: () => new Date(current) });
    const db = database.db;
    const site = await givenSite(db, "Handoff Site");
    ids.site = site.id;
    for (const [name, role] of [
      ["counselor", "counselor"],
      ["outsider", "counselor"],
      ["frontDesk", "front_desk"],
      ["prescriber", "prescriber"],
    ] as const) {
      const user = await givenUser(db, {
        roles: [role],
        siteNames: [site.name],
        displayName: `Handoff ${name}`,
      });
      ids[name] = user.id;
      logins.set(name, user);
      cookies.set(name, (await signIn(app, user.email, user.password)).cookie);
    }
    ids.pat = (
      await givenParticipant(db, {
        siteId: site.id,
        givenName: "Pat",
        familyName: "Handoff",
        admittedOn: "2026-02-02",
        dischargedOn: "2026-03-28",
        careTeam: [
          { userId: ids.counselor!, role: "primary_counselor" },
          { userId: ids.prescriber!, role: "prescriber" },
        ],
      })
    ).id;
    ids.other = (
      await givenParticipant(db, {
        siteId: site.id,
        admittedOn: "2026-02-02",
        careTeam: [{ userId: ids.counselor!, role: "primary_counselor" }],
      })
    ).id;
    const [episode] = await db.select().from(episodes).where(sql`participant_id = ${ids.pat}`);
    ids.episode = episode!.id;
    await db.insert(diagnoses).values({
      participantId: ids.pat!,
      episodeId: episode!.id,
      code: "F10.20",
      title: "Alcohol use disorder, moderate",
      isPrimary: true,
      recordedBy: ids.counselor!,
      recordedAt: new Date("2026-02-02T15:00:00Z"),
    });
    await db.insert(dischargeSummaries).values({
      episodeId: episode!.id,
      participantId: ids.pat!,
      siteId: site.id,
      status: "signed",
      facts: {},
      sections: { course: "Attended 22 of 24 sessions; PHQ-9 fell from 14 to 6." },
      generatedAt: new Date("2026-03-28T15:00:00Z"),
      updatedAt: new Date("2026-03-28T16:00:00Z"),
      signedBy: ids.counselor!,
      signedAt: new Date("2026-03-28T16:00:00Z"),
    });
    await db.insert(aftercarePlans).values({
      episodeId: episode!.id,
      participantId: ids.pat!,
      siteId: site.id,
      content: aftercarePlanContentSchema.parse({
        stepDown: {
          kind: "other_provider",
          levelOfCare: "1.0",
          providerName: "Harbor Outpatient Clinic",
          appointmentOn: "2026-04-14",
          appointmentTime: "10:30",
        },
        meetings: [{ kind: "aa", name: "Tuesday Big Book", weekday: "tuesday", time: "19:00" }],
        includeSafetyPlan: true,
      }),
      status: "signed",
      updatedAt: new Date("2026-03-27T18:00:00Z"),
      participantSignedAt: new Date("2026-03-27T18:00:00Z"),
      participantSignature: "Pat Handoff",
      staffSignedBy: ids.counselor!,
      staffSignedAt: new Date("2026-03-27T18:05:00Z"),
    });
    Object.assign(
      ids,
      await givenProviderConsent(db, { participantId: ids.pat!, siteId: site.id, createdBy: ids.counselor! }),
    );
    const family = await givenFamilyConsent(db, {
      participantId: ids.pat!,
      siteId: site.id,
      createdBy: ids.counselor!,
      name: "Sam Sister",
    });
    ids.familyConsent = family.consentId;
    ids.familyRecipient = family.recipientId;
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("lists the step-down provider as eligible and says why the family member is not", async () => {
    const res = await call("counselor", "GET", `/participants/${ids.pat}/handoffs/recipients`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.stepDownProvider).toBe("Harbor Outpatient Clinic");
    expect(body.recipients[0]).toMatchObject({
      recipientId: ids.recipientId,
      eligible: true,
      isStepDownProvider: true,
      categories: ["discharge_summary", "diagnosis", "treatment_plan", "assessment_scores"],
    });
    expect(
      body.recipients.find((r: { recipientId: string }) => r.recipientId === ids.familyRecipient),
    ).toMatchObject({ eligible: false, reasons: ["purpose_not_treatment", "no_clinical_scope"] });
  });

  it("sends the PDF packet under the consent: one disclosure row, one handoff row, Statement 1 printed", async () => {
    const res = await call("counselor", "POST", `/participants/${ids.pat}/handoffs`, {
      consentId: ids.consentId,
      recipientId: ids.recipientId,
      channel: "referral_packet",
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("application/pdf");
    expect(res.headers["content-disposition"]).toContain("referral-harbor-outpatient-clinic-2026-04-01.pdf");
    const text = squash(pdfTextByStream(res.rawPayload).join(" "));
    expect(text).toContain(squash(PART2_STATEMENTS.statement_1));
    expect(text).toContain("F10.20");
    expect(text).toContain("Tuesday Big Book");
    expect(text).toContain("Attended 22 of 24 sessions");
    const rows = await queryRows<{ id: string; channel: string; consent_id: string; recipient_name: string }>(
      database.db,
      sql`select id, channel, consent_id, recipient_name from disclosures where participant_id = ${ids.pat}`,
    );
    expect(rows).toEqual([
      {
        id: res.headers["x-disclosure-id"],
        channel: "referral_packet",
        consent_id: ids.consentId,
        recipient_name: "Harbor Outpatient Clinic",
      },
    ]);
    const handoffs = await queryRows<{ disclosure_id: string; channel: string; episode_id: string }>(
      database.db,
      sql`select disclosure_id, channel, episode_id from aftercare_handoffs where participant_id = ${ids.pat}`,
    );
    expect(handoffs).toEqual([
      { disclosure_id: rows[0]!.id, channel: "referral_packet", episode_id: ids.episode },
    ]);
  });

  it("sends the FHIR bundle as a valid R4 document carrying the notice, logged as a second disclosure", async () => {
    current = new Date("2026-04-01T15:05:00Z");
    const res = await call("counselor", "POST", `/participants/${ids.pat}/handoffs`, {
      consentId: ids.consentId,
      recipientId: ids.recipientId,
      channel: "fhir",
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("application/fhir+json");
    const bundle = res.json() as Bundle;
    expect(validateR4(bundle)).toEqual([]);
    const composition = bundle.entry![0]!.resource as Composition;
    expect(composition.section![0]!.title).toBe("Notice to the recipient (42 CFR 2.32)");
    expect(bundle.entry!.map((e) => e.resource!.resourceType)).toEqual(
      expect.arrayContaining(["Patient", "EpisodeOfCare", "Condition", "CarePlan", "ServiceRequest"]),
    );
    expect(await counts()).toEqual({ disclosures: 2, handoffs: 2 });
    const list = await call("counselor", "GET", `/participants/${ids.pat}/handoffs`);
    expect(list.json().handoffs.map((h: { channel: string }) => h.channel)).toEqual([
      "fhir",
      "referral_packet",
    ]);
  });

  it("refuses a family consent's recipient with the reasons, sending nothing", async () => {
    const res = await call("counselor", "POST", `/participants/${ids.pat}/handoffs`, {
      consentId: ids.familyConsent,
      recipientId: ids.familyRecipient,
      channel: "referral_packet",
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({
      code: "HANDOFF_RECIPIENT_NOT_ELIGIBLE",
      reasons: ["purpose_not_treatment", "no_clinical_scope"],
    });
    expect(await counts()).toEqual({ disclosures: 2, handoffs: 2 });
  });

  it("rejects bad input with field paths, and a consent of another participant as not found", async () => {
    const bad = await call("counselor", "POST", `/participants/${ids.pat}/handoffs`, {
      consentId: "nope",
      recipientId: ids.recipientId,
      channel: "email",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("VALIDATION_FAILED");
    const elsewhere = await call("counselor", "POST", `/participants/${ids.other}/handoffs`, {
      consentId: ids.consentId,
      recipientId: ids.recipientId,
      channel: "fhir",
    });
    expect(elsewhere.statusCode).toBe(404);
    expect(await counts()).toEqual({ disclosures: 2, handoffs: 2 });
  });

  it("denies staff without the permission or outside the care team", async () => {
    expect((await call("frontDesk", "GET", `/participants/${ids.pat}/handoffs`)).statusCode).toBe(403);
    expect((await call("outsider", "GET", `/participants/${ids.pat}/handoffs/recipients`)).statusCode).toBe(
      403,
    );
    const send = await call("prescriber", "POST", `/participants/${ids.pat}/handoffs`, {
      consentId: ids.consentId,
      recipientId: ids.recipientId,
      channel: "fhir",
    });
    expect(send.statusCode).toBe(403);
    expect(await counts()).toEqual({ disclosures: 2, handoffs: 2 });
  });

  it("creates the first-appointment task once and raises one alert when it is overdue on the site's calendar", async () => {
    const first = await app.aftercareTasks.sweepAftercareTasks(new Date("2026-04-10T12:00:00Z"));
    expect(first).toEqual({ created: 1, alerted: 0 });
    expect(await app.aftercareTasks.sweepAftercareTasks(new Date("2026-04-10T13:00:00Z"))).toEqual({
      created: 0,
      alerted: 0,
    });
    // 03:00 UTC on 16 April is still 15 April (the due day) in New York.
    expect(await app.aftercareTasks.sweepAftercareTasks(new Date("2026-04-16T03:00:00Z"))).toEqual({
      created: 0,
      alerted: 0,
    });
    expect(await app.aftercareTasks.sweepAftercareTasks(new Date("2026-04-16T14:00:00Z"))).toEqual({
      created: 0,
      alerted: 1,
    });
    expect(await app.aftercareTasks.sweepAftercareTasks(new Date("2026-04-16T15:00:00Z"))).toEqual({
      created: 0,
      alerted: 0,
    });
    await advanceTo("2026-04-16T15:00:00Z");
    const list = await call("counselor", "GET", `/participants/${ids.pat}/handoffs`);
    const [task] = list.json().tasks;
    expect(task).toMatchObject({
      appointmentOn: "2026-04-14",
      dueOn: "2026-04-15",
      status: "open",
      overdue: true,
    });
    ids.task = task.id;
    const alerts = await queryRows<{ evidence_item: string; state: string }>(
      database.db,
      sql`select evidence_item, state from alerts where kind = 'aftercare_appointment_unconfirmed' and evidence_id = ${task.id}`,
    );
    expect(alerts).toEqual([{ evidence_item: "2026-04-14", state: "open" }]);
  });

  it("records the outcome: a note is needed for a missed appointment; attended closes the task and resolves its alert", async () => {
    const url = `/participants/${ids.pat}/handoffs/tasks/${ids.task}/outcome`;
    const noNote = await call("counselor", "POST", url, { outcome: "missed" });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.fields?.[0]?.path ?? noNote.json().error.field).toContain("note");
    expect((await call("frontDesk", "POST", url, { outcome: "attended" })).statusCode).toBe(403);
    const done = await call("prescriber", "POST", url, {
      outcome: "attended",
      note: "Harbor confirmed by phone.",
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({
      status: "done",
      outcome: "attended",
      overdue: false,
      completedBy: "Handoff prescriber",
    });
    const alerts = await queryRows<{ state: string }>(
      database.db,
      sql`select state from alerts where kind = 'aftercare_appointment_unconfirmed' and evidence_id = ${ids.task}`,
    );
    expect(alerts).toEqual([{ state: "resolved" }]);
    expect((await call("counselor", "POST", url, { outcome: "missed", note: "again" })).statusCode).toBe(409);
    expect(await app.aftercareTasks.sweepAftercareTasks(new Date("2026-04-20T15:00:00Z"))).toEqual({
      created: 0,
      alerted: 0,
    });
  });

  it("refuses a packet once the consent is revoked, leaving no disclosure or handoff row", async () => {
    await insertRevocation(database.db, {
      consentId: ids.consentId!,
      recipientId: null,
      writtenStatement: "I revoke this consent.",
      method: "paper_recorded_by_staff",
      recordedBy: ids.counselor!,
      at: new Date("2026-04-16T16:00:00Z"),
    });
    await advanceTo("2026-04-17T15:00:00Z");
    const res = await call("counselor", "POST", `/participants/${ids.pat}/handoffs`, {
      consentId: ids.consentId,
      recipientId: ids.recipientId,
      channel: "referral_packet",
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({
      code: "DISCLOSURE_NOT_ALLOWED",
      problems: ["revoked", "recipient_revoked"],
    });
    expect(await counts()).toEqual({ disclosures: 2, handoffs: 2 });
    const recipients = await call("counselor", "GET", `/participants/${ids.pat}/handoffs/recipients`);
    expect(
      recipients.json().recipients.find((r: { recipientId: string }) => r.recipientId === ids.recipientId),
    ).toMatchObject({ eligible: false, problems: ["revoked", "recipient_revoked"] });
  });
});
