import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  assessmentAssignmentSchema,
  assignmentInputSchema,
  instrumentSummarySchema,
  responseInputSchema,
  scoredResponseSchema,
  submissionResultSchema,
} from "../../core/assessments/assessments.schema";
import { progressViewSchema } from "../../core/assessments/progress.schema";
import { DomainError } from "../../core/platform/errors";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf, participantAccessOf } from "../platform/route-access";
import type { AssessmentsService } from "./assessments.service";
import type { InstrumentCatalog } from "./instrument-catalog";

const idParams = z.object({ id: z.uuid("This is not a valid participant id.") });

export const assessmentsRoutes: FastifyPluginAsyncZod<{
  assessments: AssessmentsService;
  catalog: InstrumentCatalog;
}> = async (app, { assessments, catalog }) => {
  const summaries = [...catalog.values()].map(({ definition, questionnaire }) => ({
    key: definition.key,
    url: definition.url,
    version: definition.version,
    title: questionnaire.title,
    titleEs:
      questionnaire._title?.extension
        ?.find((e) => e.extension?.some((p) => p.url === "lang" && p.valueCode === "es"))
        ?.extension?.find((p) => p.url === "content")?.valueString ?? questionnaire.title,
    audience: definition.audience,
    licence: definition.licence,
    credit: definition.credit,
    totalRange: definition.totalRange,
    bands: definition.bands.map((b) => ({ ...b })),
    direction: definition.direction,
    loinc: definition.loinc,
  }));

  app.get(
    "/instruments",
    {
      schema: {
        tags: ["assessments"],
        summary: "The standard questionnaires this program uses: scoring range, bands, codes and licence",
        response: {
          200: z.object({ instruments: z.array(instrumentSummarySchema) }),
          ...errorResponses(401),
        },
      },
      config: { access: { kind: "signed-in" } },
    },
    async () => ({ instruments: summaries }),
  );

  app.get(
    "/instruments/:key",
    {
      schema: {
        tags: ["assessments"],
        summary: "One questionnaire as a FHIR R4 Questionnaire (English, with Spanish translations)",
        params: z.object({ key: z.string().min(1).max(40) }),
        response: {
          200: z.object({ instrument: instrumentSummarySchema, questionnaire: z.looseObject({}) }),
          ...errorResponses(401, 404),
        },
      },
      config: { access: { kind: "signed-in" } },
    },
    async (request) => {
      const entry = catalog.get(request.params.key);
      const summary = summaries.find((s) => s.key === request.params.key);
      if (!entry || !summary) throw new DomainError("NOT_FOUND", "There is no such questionnaire.");
      return { instrument: summary, questionnaire: entry.questionnaire };
    },
  );

  app.get(
    "/participants/:id/assessments",
    {
      schema: {
        tags: ["assessments"],
        summary: "A participant's completed questionnaires with their scores, oldest first",
        params: idParams,
        response: {
          200: z.object({ responses: z.array(scoredResponseSchema) }),
          ...errorResponses(401, 403, 404),
        },
      },
      config: {
        access: { kind: "participant", permission: "clinical.view" },
        audit: { action: "assessment.list", resourceType: "assessment_response" },
      },
    },
    async (request) => ({ responses: await assessments.list(participantAccessOf(request).participantId) }),
  );

  app.get(
    "/participants/:id/assessments/progress",
    {
      schema: {
        tags: ["assessments"],
        summary:
          "Progress on each measure in the latest episode: scores over time, change from baseline, reliable change (Jacobson–Truax, the program's values) and the off-track flag",
        params: idParams,
        response: { 200: progressViewSchema, ...errorResponses(401, 403, 404) },
      },
      config: {
        access: { kind: "participant", permission: "clinical.view" },
        audit: { action: "assessment.progress_view", resourceType: "assessment_response" },
      },
    },
    async (request) => assessments.progress(participantAccessOf(request).participantId),
  );

  app.post(
    "/participants/:id/assessments",
    {
      schema: {
        tags: ["assessments"],
        summary:
          "Record a completed questionnaire (staff in the chart, or the participant): scored at once, critical answers alert the care team in the same transaction; idempotent by key",
        params: idParams,
        body: responseInputSchema,
        response: {
          201: submissionResultSchema,
          200: submissionResultSchema,
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
      config: { access: { kind: "participant", permission: "assessments.respond" } },
    },
    async (request, reply) => {
      const result = await assessments.submit(
        actorOf(request),
        participantAccessOf(request),
        request.body,
        auditContextOf(request),
      );
      return reply.status(result.replayed ? 200 : 201).send(result);
    },
  );

  app.get(
    "/participants/:id/assessment-assignments",
    {
      schema: {
        tags: ["assessments"],
        summary: "Questionnaires assigned to a participant and not yet completed",
        params: idParams,
        response: {
          200: z.object({ assignments: z.array(assessmentAssignmentSchema) }),
          ...errorResponses(401, 403, 404),
        },
      },
      config: {
        access: { kind: "participant", permission: "clinical.view" },
        audit: { action: "assessment.assignments_view", resourceType: "assessment_assignment" },
      },
    },
    async (request) => ({
      assignments: await assessments.openAssignments(participantAccessOf(request).participantId),
    }),
  );

  app.post(
    "/participants/:id/assessment-assignments",
    {
      schema: {
        tags: ["assessments"],
        summary: "Assign a questionnaire for the participant to complete on their phone by a date",
        params: idParams,
        body: assignmentInputSchema,
        response: {
          201: z.object({ assignment: assessmentAssignmentSchema }),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
      config: { access: { kind: "participant", permission: "clinical.write" } },
    },
    async (request, reply) =>
      reply.status(201).send({
        assignment: await assessments.assign(
          actorOf(request),
          participantAccessOf(request),
          request.body,
          auditContextOf(request),
        ),
      }),
  );

  app.post(
    "/participants/:id/assessment-assignments/:assignmentId/cancel",
    {
      schema: {
        tags: ["assessments"],
        summary: "Withdraw an assignment the participant has not completed",
        params: idParams.extend({ assignmentId: z.uuid("This is not a valid assignment id.") }),
        response: { 200: z.object({ cancelled: z.literal(true) }), ...errorResponses(401, 403, 404, 409) },
      },
      config: { access: { kind: "participant", permission: "clinical.write" } },
    },
    async (request) => {
      await assessments.cancelAssignment(
        participantAccessOf(request),
        request.params.assignmentId,
        auditContextOf(request),
      );
      return { cancelled: true as const };
    },
  );
};
