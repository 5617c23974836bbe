import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  dischargeSummaryViewSchema,
  generateDraftSchema,
  saveSummarySchema,
  signSummarySchema,
} from "../../core/discharge-summaries/discharge-summary.schema";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf, participantAccessOf } from "../platform/route-access";
import type { DischargeSummariesService } from "./discharge-summaries.service";

const params = z.object({ id: z.uuid("This is not a valid participant id.") });

/**
 * The discharge summary of a participant's latest episode, in the chart: read and print with
 * clinical.view, generate, edit and sign with clinical.write (the guard decides on the care
 * relationship and audits refusals; the service audits each read, write and print).
 */
export const dischargeSummariesRoutes: FastifyPluginAsyncZod<{
  dischargeSummaries: DischargeSummariesService;
}> = async (app, { dischargeSummaries: summaries }) => {
  const chart = (request: Parameters<typeof participantAccessOf>[0]) => {
    const access = participantAccessOf(request);
    return { participantId: access.participantId, purpose: access.purpose };
  };

  app.get(
    "/participants/:id/discharge-summary",
    {
      schema: {
        tags: ["discharge-summaries"],
        summary:
          "The discharge summary of the latest episode (null before a draft is generated) and whether the discharge is recorded",
        params,
        response: { 200: dischargeSummaryViewSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: { kind: "participant", permission: "clinical.view" } },
    },
    async (request) => summaries.getSummary(actorOf(request), chart(request), auditContextOf(request)),
  );

  app.post(
    "/participants/:id/discharge-summary/draft",
    {
      schema: {
        tags: ["discharge-summaries"],
        summary:
          "Generate the draft from the record, or regenerate it (edited text is replaced only with replaceEdits: true)",
        params,
        body: generateDraftSchema,
        response: { 200: dischargeSummaryViewSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: { kind: "participant", permission: "clinical.write" } },
    },
    async (request) =>
      summaries.generateDraft(actorOf(request), chart(request), request.body, auditContextOf(request)),
  );

  app.put(
    "/participants/:id/discharge-summary",
    {
      schema: {
        tags: ["discharge-summaries"],
        summary: "Save the edited sections of the draft, as edited from `version`",
        params,
        body: saveSummarySchema,
        response: { 200: dischargeSummaryViewSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: { kind: "participant", permission: "clinical.write" } },
    },
    async (request) =>
      summaries.saveSections(actorOf(request), chart(request), request.body, auditContextOf(request)),
  );

  app.post(
    "/participants/:id/discharge-summary/sign",
    {
      schema: {
        tags: ["discharge-summaries"],
        summary: "Sign the summary once the discharge is recorded; signed, it never changes",
        params,
        body: signSummarySchema,
        response: { 200: dischargeSummaryViewSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: { kind: "participant", permission: "clinical.write" } },
    },
    async (request) =>
      summaries.sign(actorOf(request), chart(request), request.body, auditContextOf(request)),
  );

  app.get(
    "/participants/:id/discharge-summary.pdf",
    {
      schema: {
        tags: ["discharge-summaries"],
        summary: "The discharge summary as a PDF for the chart; watermarked DRAFT until signed",
        params,
        produces: ["application/pdf"],
        response: { ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: { kind: "participant", permission: "clinical.view" } },
    },
    async (request, reply) => {
      const document = await summaries.print(actorOf(request), chart(request), auditContextOf(request));
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", `attachment; filename="${document.filename}"`)
        .header("cache-control", "no-store")
        .send(document.pdf as never);
    },
  );
};
