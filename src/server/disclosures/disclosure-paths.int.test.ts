import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  givenFamilyConsent,
  givenParticipant,
  givenSite,
  givenTrack,
  givenUser,
} from "../../../tests/support/given";
import { pdfTextByStream } from "../../../tests/support/pdf-text";
import { appHeaders, buildTestApp, signIn } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { PART2_STATEMENTS } from "../../core/consents/statements";
import type { ExceptionKind } from "../../core/disclosures/disclosure.schema";
import { SYSTEM_CONTEXT } from "../audit/audit.service";
import { insertRevocation } from "../consents/consents.sql";
import { type DatabaseHandle, queryRows } from "../db/connection";
import {
  assessmentResponses,
  attendanceMarks,
  diagnoses,
  disclosureExceptions,
  episodes,
  treatmentPlans,
  treatmentPlanVersions,
} from "../db/schema";
import { type DiscloseRequestWithoutPayload, DisclosureRefused, discloseWithin } from "./disclose";

/**
 * Every disclosure path built for issue 10's staff side, enumerated, over HTTP on a real database: a
 * record release under a signed consent (PDF) and each of the five disclosures without consent
 * (recorded at once, or after the clinical director's approval). Each must leave a log row (who, what,
 * to whom, purpose, basis, consent, when, payload hash), an audit event, and carry the exact §2.32
 * Statement 1 on its artefact. Refusals leave no log row and a denied audit event.
 */

type Who = "pat" | "sam" | "counselor" | "director" | "frontDesk";

const squash = (text: string) => text.replace(/\s+/g, " ").trim();
const STATEMENT_1 = squash(PART2_STATEMENTS.statement_1);

const DETAILS: Record<ExceptionKind, Record<string, unknown>> = {
  medical_emergency: {
    kind: "medical_emergency",
    recipientName: "Dr. Lena Ortiz",
    recipientFacility: "Mercy General Emergency Department",
    disclosedByName: "Paths Counselor",
    disclosedAt: "2026-03-02T14:30:00Z",
    natureOfEmergency: "Unresponsive after a suspected overdose in the group room.",
    askedNotToRedisclose: false,
  },
  audit_evaluation: {
    kind: "audit_evaluation",
    auditorName: "Morgan Reyes",
    organisation: "State Office of Addiction Services",
    onBehalfOf: "The state licensing authority",
    writtenAgreementOnFile: true,
    scope: "On-site review of 2026 admissions",
    copiedOrRemoved: false,
    returnOrDestroyBy: null,
  },
  qsoa: {
    kind: "qsoa",
    organisation: "Clearwater Billing Services",
    services: "Claims billing",
    acknowledgesPart2: true,
    willResistInCourt: true,
    agreementSignedOn: "2026-01-15",
    agreementEndsOn: null,
  },
  child_abuse_report: {
    kind: "child_abuse_report",
    agency: "County Child Protective Services",
    reporterName: "Paths Counselor",
    reportedAt: "2026-03-02T13:00:00Z",
    whatWasReported: "Suspected neglect of a child in the participant's care.",
  },
  court_order: {
    kind: "court_order",
    court: "Superior Court of Essex County",
    caseNumber: "FAM-2026-0192",
    section: "2.64",
    orderAttached: true,
    subpoenaAttached: true,
    receivedOn: "2026-02-27",
    counselReviewed: true,
    patientNotified: true,
    limits: "Attendance only, January through February 2026",
  },
};

const RECIPIENT_OF: Record<ExceptionKind, string> = {
  medical_emergency: "Dr. Lena Ortiz (Mercy General Emergency Department)",
  audit_evaluation: "Morgan Reyes, State Office of Addiction Services",
  qsoa: "Clearwater Billing Services",
  child_abuse_report: "County Child Protective Services",
  court_order: "Superior Court of Essex County (case FAM-2026-0192)",
};

describeEachEngine("disclosure paths", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let current = new Date("2026-03-02T15:00:00Z");
  const ids: Record<string, string> = {};
  const cookies = new Map<Who, string>();

  async function call(who: Who, method: "GET" | "POST", url: string, payload?: Record<string, unknown>) {
    current = new Date(current.getTime() + 1_000);
    return app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...appHeaders, cookie: cookies.get(who)! },
      ...(payload ? { payload } : {}),
    });
  }

  const logRows = (participantId: string) =>
    queryRows<{
      id: string;
      basis: string;
      channel: string;
      recipient_name: string;
      purpose: string;
      information: string[];
      disclosed_by: string | null;
      consent_id: string | null;
      exception_id: string | null;
      statement: string;
      scope_summary: string;
      payload_hash: string;
      disclosed_at: Date | string;
    }>(
      database.db,
      sql`select * from disclosures where participant_id = ${participantId} order by disclosed_at`,
    );

  const auditOf = async (action: string, outcome: "allowed" | "denied") =>
    (
      await queryRows<{
        participant_id: string | null;
        actor_user_id: string | null;
        details: string | null;
      }>(
        database.db,
        sql`select participant_id, actor_user_id, details::text as details from audit_events
            where action = ${action} and outcome = ${outcome} order by seq`,
      )
    ).map((e) => ({ ...e, details: e.details === null ? null : (JSON.parse(e.details) as unknown) }));

  async function newConsent(
    scopes: Parameters<typeof givenFamilyConsent>[1]["scopes"],
    name: string,
    expiresOn?: string,
  ) {
    return givenFamilyConsent(database.db, {
      participantId: ids.pat!,
      siteId: ids.site!,
      createdBy: ids.counselor!,
      name,
      scopes,
      ...(expiresOn ? { expiresOn } : {}),
    });
  }

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: () => new Date(current) });
    const db = database.db;
    const site = await givenSite(db, "Disclosure Paths Site");
    ids.site = site.id;
    for (const [name, role] of [
      ["counselor", "counselor"],
      ["director", "clinical_director"],
      ["frontDesk", "front_desk"],
    ] as const) {
      const user = await givenUser(db, {
        roles: [role],
        siteNames: [site.name],
        displayName: `Paths ${name}`,
      });
      ids[name] = user.id;
      cookies.set(name, (await signIn(app, user.email, user.password)).cookie);
    }
    for (const name of ["pat", "sam"] as const) {
      const user = await givenUser(db, { kind: "participant", displayName: `Paths ${name}` });
      ids[name] = (
        await givenParticipant(db, {
          siteId: site.id,
          givenName: name === "pat" ? "Pat" : "Sam",
          familyName: "Paths",
          userId: user.id,
          admittedOn: "2026-02-02",
          careTeam: [{ userId: ids.counselor!, role: "primary_counselor" }],
        })
      ).id;
      cookies.set(name, (await signIn(app, user.email, user.password)).cookie);
    }
    // Pat's record: two sessions attended and one missed, a diagnosis, a signed plan, a scored PHQ-9.
    const [episode] = await db.select().from(episodes).where(sql`participant_id = ${ids.pat}`);
    const track = await givenTrack(db, { siteId: site.id, name: "Evening IOP" });
    for (const [on, status, minutes] of [
      ["2026-02-09", "present", 180],
      ["2026-02-11", "absent_unexcused", 0],
      ["2026-02-13", "late", 150],
    ] as const) {
      await db.insert(attendanceMarks).values({
        trackId: track.id,
        occurrenceKey: `${on}T18:00`,
        participantId: ids.pat!,
        occurredOn: on,
        status,
        minutesAttended: minutes,
        sessionMinutes: 180,
        recordedBy: ids.counselor!,
        recordedAt: new Date(`${on}T23:00:00Z`),
      });
    }
    await db.insert(diagnoses).values({
      participantId: ids.pat!,
      episodeId: episode!.id,
      code: "F10.20",
      title: "Alcohol use disorder, moderate",
      isPrimary: true,
      recordedBy: ids.counselor!,
      recordedAt: new Date("2026-02-02T15:00:00Z"),
    });
    const [plan] = await db
      .insert(treatmentPlans)
      .values({ participantId: ids.pat!, episodeId: episode!.id, siteId: site.id })
      .returning();
    await db.insert(treatmentPlanVersions).values({
      planId: plan!.id,
      number: 1,
      status: "signed",
      language: "en",
      startsOn: "2026-02-02",
      content: {
        problems: [
          {
            id: randomUUID(),
            title: "Drinking to cope with stress",
            templateKey: null,
            sources: [],
            goal: { participantWords: "I want to stay sober for my kids", clinical: "Sustained abstinence" },
            objectives: [
              {
                id: randomUUID(),
                statement: "Name three triggers and a coping response for each",
                measure: null,
                targetOn: "2026-03-15",
                status: "met",
              },
            ],
            interventions: [],
          },
        ],
        strengths: [],
        barriers: [],
        dischargeCriteria: [],
      },
      contentSha256: "0".repeat(64),
      signedAt: new Date("2026-02-04T15:00:00Z"),
    });
    await db.insert(assessmentResponses).values({
      participantId: ids.pat!,
      siteId: site.id,
      episodeId: episode!.id,
      instrumentKey: "phq9",
      questionnaireUrl: "http://example.org/phq9",
      questionnaireVersion: "1",
      answers: {},
      language: "en",
      mode: "staff",
      enteredBy: ids.counselor!,
      idempotencyKey: randomUUID(),
      completedOn: "2026-02-20",
      submittedAt: new Date("2026-02-20T15:00:00Z"),
      scored: true,
      total: 11,
      band: "moderate",
      subscales: {},
      flags: [],
      missing: [],
      critical: [],
    });
    const release = await newConsent(
      ["attendance", "diagnosis", "treatment_plan", "assessment_scores", "progress_summary", "medications"],
      "Dr. Rivera",
    );
    ids.consent = release.consentId;
    ids.recipient = release.recipientId;
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  describe("every path logs, audits and carries Statement 1", () => {
    it("record release: a PDF with the statement, scope, record and consent copy; the log hashes its bytes", async () => {
      const before = (await logRows(ids.pat!)).length;
      const response = await call("counselor", "POST", `/participants/${ids.pat}/releases`, {
        consentId: ids.consent,
        recipientId: ids.recipient,
        information: [
          "attendance",
          "diagnosis",
          "treatment_plan",
          "assessment_scores",
          "progress_summary",
          "medications",
        ],
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers["content-type"]).toBe("application/pdf");
      expect(response.headers["content-disposition"]).toMatch(
        /^attachment; filename="record-release-dr-rivera-2026-03-02\.pdf"$/,
      );
      const pdf = response.rawPayload;
      const pages = pdfTextByStream(pdf).map(squash);
      expect(pages[0]).toContain(STATEMENT_1);
      expect(pages[0]).toContain("Recipient: Dr. Rivera (sister).");
      const all = pages.join(" ");
      expect(all).toContain("Sessions attended: 2 · Sessions missed: 1 · Hours attended: 5.5");
      expect(all).toContain("2026-02-11 — Evening IOP — Missed");
      expect(all).toContain("F10.20 (ICD-10-CM) — Alcohol use disorder, moderate — primary");
      expect(all).toContain("Drinking to cope with stress");
      expect(all).toContain("Name three triggers and a coping response for each — met");
      expect(all).toContain("PHQ-9 — 2026-02-20 — score 11 (moderate)");
      expect(all).toContain("Attendance: 67% of sessions held (2 attended, 1 missed).");
      expect(all).toContain('Goal "Drinking to cope with stress": 1 of 1 objectives met.');
      // Medications are not kept in this record: the packet says so rather than inventing any.
      expect(all).toMatch(/Medications None recorded\./);
      expect(all).toContain("Copy of the consent Consent document (test)");

      const rows = await logRows(ids.pat!);
      expect(rows).toHaveLength(before + 1);
      const row = rows.at(-1)!;
      const { createHash } = await import("node:crypto");
      expect(row).toMatchObject({
        id: response.headers["x-disclosure-id"],
        basis: "consent",
        channel: "record_release",
        recipient_name: "Dr. Rivera",
        purpose: "Record release",
        disclosed_by: ids.counselor,
        consent_id: ids.consent,
        statement: "statement_1",
        payload_hash: createHash("sha256").update(pdf).digest("hex"),
      });
      expect(new Date(row.disclosed_at).toISOString()).toBe(current.toISOString());
      expect(row.information).toContain("diagnosis");
      expect(row.scope_summary).toContain("Recipient: Dr. Rivera");
      const audits = await auditOf("disclosures.disclose", "allowed");
      expect(audits.at(-1)).toMatchObject({ participant_id: ids.pat, actor_user_id: ids.counselor });
    });

    for (const kind of ["medical_emergency", "child_abuse_report"] as const) {
      it(`${kind}: recorded at once (no approval) and logged with Statement 1 in the answer`, async () => {
        const response = await call("counselor", "POST", `/participants/${ids.pat}/disclosure-exceptions`, {
          details: DETAILS[kind],
          information: ["diagnosis"],
        });
        expect(response.statusCode).toBe(201);
        const body = response.json();
        expect(body).toMatchObject({ kind, status: "recorded", requestedBy: ids.counselor });
        expect(body.disclosure.statement).toEqual({
          kind: "statement_1",
          text: PART2_STATEMENTS.statement_1,
        });
        const row = (await logRows(ids.pat!)).find((r) => r.exception_id === body.id)!;
        expect(row).toMatchObject({
          id: body.disclosure.disclosureId,
          basis: kind,
          channel: "no_consent",
          recipient_name: RECIPIENT_OF[kind],
          disclosed_by: ids.counselor,
          consent_id: null,
          statement: "statement_1",
          information: ["diagnosis"],
        });
        expect(row.payload_hash).toMatch(/^[0-9a-f]{64}$/);
        expect(row.purpose).toMatch(/42 CFR 2\./);
        const audits = await auditOf("disclosure_exception.create", "allowed");
        expect(audits.at(-1)).toMatchObject({ participant_id: ids.pat, actor_user_id: ids.counselor });
      });
    }

    for (const kind of ["audit_evaluation", "qsoa", "court_order"] as const) {
      it(`${kind}: waits for the clinical director (alert raised), released and logged on approval`, async () => {
        const filed = await call("counselor", "POST", `/participants/${ids.pat}/disclosure-exceptions`, {
          details: DETAILS[kind],
          information: ["attendance"],
        });
        expect(filed.statusCode).toBe(201);
        const request = filed.json();
        expect(request).toMatchObject({ status: "pending_approval", disclosure: null });
        expect((await logRows(ids.pat!)).some((r) => r.exception_id === request.id)).toBe(false);
        const alerts = await queryRows<{ state: string }>(
          database.db,
          sql`select state from alerts where kind = 'disclosure_approval_needed' and evidence_id = ${request.id}`,
        );
        expect(alerts).toEqual([{ state: "open" }]);

        const decided = await call("director", "POST", `/disclosure-exceptions/${request.id}/decision`, {
          decision: "approve",
          note: "Checked the papers with counsel.",
        });
        expect(decided.statusCode).toBe(200);
        const body = decided.json();
        expect(body).toMatchObject({
          status: "approved",
          decidedByName: "Paths director",
          decisionNote: "Checked the papers with counsel.",
        });
        expect(body.disclosure.statement.text).toBe(PART2_STATEMENTS.statement_1);
        const row = (await logRows(ids.pat!)).find((r) => r.exception_id === request.id)!;
        expect(row).toMatchObject({
          basis: kind,
          channel: "no_consent",
          recipient_name: RECIPIENT_OF[kind],
          disclosed_by: ids.director,
          consent_id: null,
          statement: "statement_1",
          information: ["attendance"],
        });
        const resolved = await queryRows<{ state: string }>(
          database.db,
          sql`select state from alerts where kind = 'disclosure_approval_needed' and evidence_id = ${request.id}`,
        );
        expect(resolved).toEqual([{ state: "resolved" }]);
        expect((await auditOf("disclosure_exception.decide", "allowed")).at(-1)).toMatchObject({
          actor_user_id: ids.director,
        });
        const again = await call("director", "POST", `/disclosure-exceptions/${request.id}/decision`, {
          decision: "refuse",
          note: "Second thoughts.",
        });
        expect(again.json().error.code).toBe("DISCLOSURE_EXCEPTION_NOT_PENDING");
      });
    }
  });

  describe("refusals", () => {
    async function expectRefused(body: Record<string, unknown>, problem: string) {
      const before = (await logRows(ids.pat!)).length;
      const deniedBefore = (await auditOf("disclosures.disclose", "denied")).length;
      const response = await call("counselor", "POST", `/participants/${ids.pat}/releases`, body);
      expect(response.statusCode).toBe(403);
      expect(response.json().error).toMatchObject({ code: "DISCLOSURE_NOT_ALLOWED" });
      expect(response.json().error.problems).toContain(problem);
      expect(await logRows(ids.pat!)).toHaveLength(before);
      const denied = await auditOf("disclosures.disclose", "denied");
      expect(denied).toHaveLength(deniedBefore + 1);
      expect(denied.at(-1)).toMatchObject({ participant_id: ids.pat, actor_user_id: ids.counselor });
    }

    it("refuses a release under a revoked consent", async () => {
      const consent = await newConsent(["attendance"], "Revoked Recipient");
      await insertRevocation(database.db, {
        consentId: consent.consentId,
        recipientId: null,
        writtenStatement: "I take back my consent.",
        method: "participant_app",
        recordedBy: ids.counselor!,
        at: new Date("2026-03-01T18:00:00Z"),
      });
      await expectRefused(
        { consentId: consent.consentId, recipientId: consent.recipientId, information: ["attendance"] },
        "revoked",
      );
    });

    it("refuses a release to a recipient the participant revoked", async () => {
      const consent = await newConsent(["attendance"], "Revoked Person");
      await insertRevocation(database.db, {
        consentId: consent.consentId,
        recipientId: consent.recipientId,
        writtenStatement: "Not this person any more.",
        method: "paper_recorded_by_staff",
        recordedBy: ids.counselor!,
        at: new Date("2026-03-01T18:00:00Z"),
      });
      await expectRefused(
        { consentId: consent.consentId, recipientId: consent.recipientId, information: ["attendance"] },
        "recipient_revoked",
      );
    });

    it("refuses a release under an expired consent", async () => {
      const consent = await newConsent(["attendance"], "Expired Recipient", "2026-02-28");
      await expectRefused(
        { consentId: consent.consentId, recipientId: consent.recipientId, information: ["attendance"] },
        "expired",
      );
    });

    it("refuses a release of information outside the consent's scope", async () => {
      const consent = await newConsent(["attendance"], "Narrow Recipient");
      await expectRefused(
        { consentId: consent.consentId, recipientId: consent.recipientId, information: ["diagnosis"] },
        "out_of_scope",
      );
    });

    it("lists as release options only consents in force, with their recipients and covered categories", async () => {
      const response = await call("counselor", "GET", `/participants/${ids.pat}/releases/options`);
      expect(response.statusCode).toBe(200);
      const options = response.json().options as {
        consentId: string;
        recipients: { name: string }[];
        categories: string[];
      }[];
      const names = options.flatMap((o) => o.recipients.map((r) => r.name)).sort();
      expect(names).toEqual(["Dr. Rivera", "Narrow Recipient"]);
      expect(options.find((o) => o.consentId === ids.consent)!.categories).not.toContain("counseling_notes");
    });

    it("refuses counseling notes and family-portal categories in a record release, by field", async () => {
      const response = await call("counselor", "POST", `/participants/${ids.pat}/releases`, {
        consentId: ids.consent,
        recipientId: ids.recipient,
        information: ["counseling_notes"],
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields[0].path).toBe("information");
    });

    it("refuses the requester's own approval", async () => {
      const filed = await call("director", "POST", `/participants/${ids.pat}/disclosure-exceptions`, {
        details: DETAILS.court_order,
        information: ["attendance"],
      });
      expect(filed.statusCode).toBe(201);
      const decided = await call("director", "POST", `/disclosure-exceptions/${filed.json().id}/decision`, {
        decision: "approve",
        note: "Mine.",
      });
      expect(decided.statusCode).toBe(409);
      expect(decided.json().error.code).toBe("DISCLOSURE_SELF_APPROVAL");
      expect((await logRows(ids.pat!)).some((r) => r.exception_id === filed.json().id)).toBe(false);
      const denied = await auditOf("disclosure_exception.decide", "denied");
      expect(denied.at(-1)).toMatchObject({
        actor_user_id: ids.director,
        details: { reason: "self_approval" },
      });
    });

    it("refuses a court order without a subpoena, and names every missing field", async () => {
      const noSubpoena = await call("counselor", "POST", `/participants/${ids.pat}/disclosure-exceptions`, {
        details: { ...DETAILS.court_order, subpoenaAttached: false },
        information: ["attendance"],
      });
      expect(noSubpoena.statusCode).toBe(400);
      expect(noSubpoena.json().error.fields).toEqual([
        {
          path: "details.subpoenaAttached",
          message:
            "The order must come with a subpoena or similar legal mandate before records are released.",
        },
      ]);
      const empty = await call("counselor", "POST", `/participants/${ids.pat}/disclosure-exceptions`, {
        details: { kind: "medical_emergency" },
        information: [],
      });
      expect(empty.statusCode).toBe(400);
      const paths = (empty.json().error.fields as { path: string }[]).map((f) => f.path).sort();
      expect(paths).toEqual([
        "details.disclosedAt",
        "details.disclosedByName",
        "details.natureOfEmergency",
        "details.recipientFacility",
        "details.recipientName",
        "information",
      ]);
    });

    it("keeps releases and exceptions from staff without consents.manage", async () => {
      const response = await call("frontDesk", "POST", `/participants/${ids.pat}/disclosure-exceptions`, {
        details: DETAILS.medical_emergency,
        information: ["diagnosis"],
      });
      expect(response.statusCode).toBe(403);
    });
  });

  describe("the log as people read it", () => {
    it("shows the participant their own disclosures, newest first, and nobody else's", async () => {
      const all = await logRows(ids.pat!);
      const mine = await call("pat", "GET", "/me/disclosures?pageSize=100");
      expect(mine.statusCode).toBe(200);
      const page = mine.json();
      expect(page.total).toBe(all.length);
      expect(page.entries.map((e: { id: string }) => e.id)).toEqual(all.map((r) => r.id).reverse());
      expect(page.entries.at(-1)).toMatchObject({
        basis: "consent",
        channel: "record_release",
        recipientName: "Dr. Rivera",
        disclosedByName: "Paths counselor",
        consentId: ids.consent,
        statement: "statement_1",
      });
      const sams = await call("sam", "GET", "/me/disclosures");
      expect(sams.json()).toMatchObject({ entries: [], total: 0 });
      expect((await auditOf("disclosures.list", "allowed")).some((e) => e.participant_id === ids.pat)).toBe(
        true,
      );
    });

    it("lets the care team page through the log and filter it by basis", async () => {
      const first = await call("counselor", "GET", `/participants/${ids.pat}/disclosures?pageSize=2`);
      expect(first.statusCode).toBe(200);
      expect(first.json().entries).toHaveLength(2);
      const filtered = await call(
        "counselor",
        "GET",
        `/participants/${ids.pat}/disclosures?basis=court_order`,
      );
      expect(filtered.json().entries.map((e: { basis: string }) => e.basis)).toEqual(["court_order"]);
      const bad = await call("counselor", "GET", `/participants/${ids.pat}/disclosures?pageSize=500`);
      expect(bad.statusCode).toBe(400);
    });
  });

  it("discloseWithin rolls back what its read wrote when the consent refuses, and audits the refusal", async () => {
    const consent = await newConsent(["attendance"], "Rollback Recipient", "2026-01-31");
    const request: DiscloseRequestWithoutPayload = {
      participantId: ids.pat!,
      channel: "record_release",
      purpose: "Rollback check",
      information: ["attendance"],
      disclosedBy: ids.counselor!,
      at: new Date(current),
      basis: "consent",
      consentId: consent.consentId,
      recipientId: consent.recipientId,
    };
    const marker = randomUUID();
    await expect(
      discloseWithin(database.db, SYSTEM_CONTEXT, request, async (tx) => {
        await tx.insert(disclosureExceptions).values({
          id: marker,
          participantId: ids.pat!,
          siteId: ids.site!,
          kind: "qsoa",
          details: {},
          information: [],
          status: "recorded",
          requestedBy: ids.counselor!,
          requestedAt: new Date(current),
        });
        return "read";
      }),
    ).rejects.toBeInstanceOf(DisclosureRefused);
    const left = await queryRows(database.db, sql`select id from disclosure_exceptions where id = ${marker}`);
    expect(left).toEqual([]);
    const denied = await auditOf("disclosures.disclose", "denied");
    expect(denied.at(-1)).toMatchObject({ participant_id: ids.pat, details: { problems: "expired" } });
  });
});
