import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { givenParticipant, givenSite, givenUser } from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn, testClock } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { DomainError } from "../../core/platform/errors";
import { planContentSchema } from "../../core/treatment-plans/plan.schema";
import type { DatabaseHandle } from "../db/connection";
import {
  admissionLeads,
  assessmentResponses,
  auditEvents,
  diagnoses,
  episodes,
  screenings,
} from "../db/schema";
import { startingContentFor } from "./suggestions.service";
import { createTemplateLibrary } from "./template-library";

/** Answers of a 0–3 questionnaire with `items` items adding up to `total`. */
function answersTotalling(items: number, total: number): Record<string, number> {
  const answers: Record<string, number> = {};
  let left = total;
  for (let item = 1; item <= items; item++) {
    const value = Math.min(3, left);
    answers[String(item)] = value;
    left -= value;
  }
  return answers;
}

describeEachEngine("treatment plans: templates and suggested problems", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let counselorCookie: string;
  let strangerCookie: string;
  let frontDeskCookie: string;
  let participantId: string;
  let neverAdmittedId: string;
  let phqResponseId: string;
  const clock = testClock("2026-11-23T15:00:00Z");

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: clock.now });
    const db = database.db;
    const site = await givenSite(db, "Plans Templates Site");
    const counselor = await givenUser(db, { roles: ["counselor"], siteNames: [site.name] });
    const stranger = await givenUser(db, { roles: ["counselor"], siteNames: [site.name] });
    const frontDesk = await givenUser(db, { roles: ["front_desk"], siteNames: [site.name] });
    const careTeam = [{ userId: counselor.id, role: "primary_counselor" }];
    participantId = (await givenParticipant(db, { siteId: site.id, admittedOn: "2026-11-02", careTeam })).id;
    neverAdmittedId = (await givenParticipant(db, { siteId: site.id, admittedOn: null, careTeam })).id;
    counselorCookie = (await signIn(app, counselor.email, counselor.password)).cookie;
    strangerCookie = (await signIn(app, stranger.email, stranger.password)).cookie;
    frontDeskCookie = (await signIn(app, frontDesk.email, frontDesk.password)).cookie;

    // The inquiry the episode came from, screened with dimension 5 at 3 and dimension 6 at 2.
    const [lead] = await db
      .insert(admissionLeads)
      .values({
        reference: `BW-${randomUUID().slice(0, 6).toUpperCase()}`,
        siteId: site.id,
        kind: "referral",
        stage: "admitted",
        stageChangedAt: new Date("2026-11-01T15:00:00Z"),
        createdAt: new Date("2026-10-15T15:00:00Z"),
        personName: "Robin Tester",
        contactMethod: "phone",
        participantId,
      })
      .returning({ id: admissionLeads.id });
    const screening = (ratings: number[], screenedAt: string) => ({
      leadId: lead!.id,
      edition: 3,
      eligibility: "eligible",
      ratings,
      justifications: ratings.map(() => "Matrix of fictional facts"),
      suggestedLevel: "2.1",
      suggestionDrivenBy: [5],
      recommendedLevel: "2.1",
      providedLevel: "2.1",
      screenedAt: new Date(screenedAt),
    });
    // An earlier screening with every dimension at 4: only the latest one counts.
    await db.insert(screenings).values(screening([4, 4, 4, 4, 4, 4], "2026-10-20T15:00:00Z"));
    await db.insert(screenings).values(screening([1, 0, 1, 1, 3, 2], "2026-10-30T15:00:00Z"));
    const [episode] = await db
      .update(episodes)
      .set({ referralLeadId: lead!.id })
      .where(eq(episodes.participantId, participantId))
      .returning({ id: episodes.id });
    await db.insert(diagnoses).values([
      {
        participantId,
        episodeId: episode!.id,
        code: "F10.20",
        title: "Alcohol dependence, uncomplicated",
        isPrimary: true,
        recordedAt: new Date("2026-11-02T15:00:00Z"),
      },
      {
        participantId,
        episodeId: episode!.id,
        code: "F32.1",
        title: "Major depressive disorder, single episode, moderate",
        recordedAt: new Date("2026-11-02T15:00:00Z"),
      },
    ]);

    // A PCL-5 far above the cut-off, filed under an earlier episode: not read.
    const [earlier] = await db
      .insert(episodes)
      .values({
        participantId,
        siteId: site.id,
        admittedOn: "2025-01-06",
        dischargedOn: "2025-03-01",
        dischargeReason: "completed",
      })
      .returning({ id: episodes.id });
    await db.insert(assessmentResponses).values({
      participantId,
      siteId: site.id,
      episodeId: earlier!.id,
      instrumentKey: "pcl5",
      questionnaireUrl: "https://bridgeway.example/fhir/Questionnaire/pcl5",
      questionnaireVersion: "1.0.0",
      answers: {},
      language: "en",
      mode: "staff",
      idempotencyKey: randomUUID(),
      completedOn: "2025-01-10",
      submittedAt: new Date("2025-01-10T15:00:00Z"),
      scored: true,
      total: 60,
      band: "provisional_ptsd",
      subscales: {},
      flags: [],
      missing: [],
      critical: [],
    });

    const submit = async (instrumentKey: string, answers: Record<string, number>, completedOn: string) => {
      clock.advanceMinutes(1);
      const reply = await app.inject({
        method: "POST",
        url: `/api/v1/participants/${participantId}/assessments`,
        headers: { ...appHeaders, cookie: counselorCookie },
        payload: { instrumentKey, version: "1.0.0", answers, idempotencyKey: randomUUID(), completedOn },
      });
      expect(reply.statusCode).toBe(201);
      return reply.json().response.id as string;
    };
    // PHQ-9 14 (moderate), item 9 at 0; GAD-7 12 then 6: the latest is below the cut-off.
    phqResponseId = await submit("phq9", { ...answersTotalling(8, 14), "9": 0 }, "2026-11-02");
    await submit("gad7", answersTotalling(7, 12), "2026-11-03");
    await submit("gad7", answersTotalling(7, 6), "2026-11-16");
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const suggestions = (id = participantId, cookie = counselorCookie) =>
    app.inject({ url: `/api/v1/participants/${id}/treatment-plan/suggestions`, headers: { cookie } });

  describe("GET /treatment-plan-templates", () => {
    it("lists the ten templates in Spanish when asked, English by default", async () => {
      const es = await app.inject({
        url: "/api/v1/treatment-plan-templates?language=es",
        headers: { cookie: counselorCookie },
      });
      expect(es.statusCode).toBe(200);
      const templates = es.json().templates as { key: string; name: string; problem: { title: string } }[];
      expect(templates).toHaveLength(10);
      expect(templates.find((t) => t.key === "alcohol-use")?.name).toBe("Consumo de alcohol");
      const en = await app.inject({
        url: "/api/v1/treatment-plan-templates",
        headers: { cookie: counselorCookie },
      });
      expect(en.json().templates.find((t: { key: string }) => t.key === "alcohol-use").name).toBe(
        "Alcohol use",
      );
    });

    it("refuses a language it does not have, naming the field", async () => {
      const reply = await app.inject({
        url: "/api/v1/treatment-plan-templates?language=fr",
        headers: { cookie: counselorCookie },
      });
      expect(reply.statusCode).toBe(400);
      expect(JSON.stringify(reply.json())).toContain("language");
    });

    it("is for staff who read clinical content", async () => {
      const reply = await app.inject({
        url: "/api/v1/treatment-plan-templates",
        headers: { cookie: frontDeskCookie },
      });
      expect(reply.statusCode).toBe(403);
    });
  });

  describe("GET /participants/:id/treatment-plan/suggestions", () => {
    it("suggests from the latest scores, the episode's diagnoses and the latest screening, each with its sources", async () => {
      const reply = await suggestions();
      expect(reply.statusCode).toBe(200);
      const list = reply.json().suggestions as {
        key: string;
        sources: { kind: string; ref: string; label: string }[];
      }[];
      expect(list.map((s) => s.key)).toEqual([
        "alcohol-use",
        "co-occurring-depression",
        "relapse-prevention",
        "housing-recovery-environment",
      ]);
      expect(list[1]!.sources).toEqual([
        { kind: "assessment", ref: phqResponseId, label: "PHQ-9 14 (moderate) on 2026-11-02" },
        {
          kind: "diagnosis",
          ref: "F32.1",
          label: "F32.1 Major depressive disorder, single episode, moderate",
        },
      ]);
      expect(list[2]!.sources).toEqual([
        { kind: "asam_dimension", ref: "5", label: "ASAM dimension 5 (relapse potential) rated 3" },
      ]);
    });

    it("words the sources in Spanish when asked", async () => {
      const reply = await app.inject({
        url: `/api/v1/participants/${participantId}/treatment-plan/suggestions?language=es`,
        headers: { cookie: counselorCookie },
      });
      expect(reply.statusCode).toBe(200);
      const depression = reply.json().suggestions[1] as { sources: { label: string }[] };
      expect(depression.sources[0]!.label).toBe("PHQ-9 14 (moderada) el 2026-11-02");
    });

    it("audits the read against the participant", async () => {
      await suggestions();
      const rows = await database.db
        .select()
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.participantId, participantId),
            eq(auditEvents.action, "treatment_plan.suggestions_view"),
          ),
        );
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.at(-1)).toMatchObject({ outcome: "allowed", purpose: "treatment" });
    });

    it("suggests nothing for someone never admitted", async () => {
      const reply = await suggestions(neverAdmittedId);
      expect(reply.statusCode).toBe(200);
      expect(reply.json()).toEqual({ suggestions: [] });
    });

    it("is refused to a counselor outside the care team and to the front desk", async () => {
      const stranger = await suggestions(participantId, strangerCookie);
      expect(stranger.statusCode).toBe(403);
      expect(stranger.json().error.code).toBe("ACCESS_BREAK_GLASS_AVAILABLE");
      expect((await suggestions(participantId, frontDeskCookie)).statusCode).toBe(403);
      expect((await suggestions(randomUUID())).statusCode).toBe(404);
    });
  });

  describe("startingContentFor (a new plan's first draft)", () => {
    const library = createTemplateLibrary();
    const newId = () => randomUUID();

    it("takes the ticked templates and suggestions, one problem per template with the suggestion's sources", async () => {
      const content = await startingContentFor(
        database.db,
        library,
        participantId,
        {
          startsOn: "2026-11-23",
          language: "es",
          templateKeys: ["trauma", "co-occurring-depression"],
          suggestionKeys: ["co-occurring-depression"],
        },
        newId,
      );
      expect(content.problems.map((p) => p.templateKey)).toEqual(["trauma", "co-occurring-depression"]);
      expect(content.problems[0]!.sources).toEqual([]);
      expect(content.problems[1]!.sources.map((s) => s.kind)).toEqual(["assessment", "diagnosis"]);
      expect(content.problems[1]!.title).toBe("Estado de ánimo deprimido");
      expect(content.problems[1]!.sources[0]!.label).toBe("PHQ-9 14 (moderada) el 2026-11-02");
      expect(planContentSchema.safeParse(content).success).toBe(true);
    });

    it("names each unknown template and each suggestion the record does not make", async () => {
      const attempt = startingContentFor(
        database.db,
        library,
        participantId,
        {
          startsOn: "2026-11-23",
          language: "en",
          templateKeys: ["trauma", "gambling"],
          suggestionKeys: ["co-occurring-anxiety"],
        },
        newId,
      );
      await expect(attempt).rejects.toBeInstanceOf(DomainError);
      await expect(attempt).rejects.toMatchObject({
        code: "VALIDATION_FAILED",
        fields: [
          { path: "templateKeys.1", message: "There is no plan template “gambling”." },
          {
            path: "suggestionKeys.0",
            message:
              "The record no longer suggests “co-occurring-anxiety”. Reload the suggestions and choose again.",
          },
        ],
      });
    });
  });
});
