import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { planLanguageSchema } from "../../core/treatment-plans/plan.schema";
import {
  planSuggestionsResponseSchema,
  planTemplatesResponseSchema,
} from "../../core/treatment-plans/plan-api.schema";
import type { Database } from "../db/connection";
import { errorResponses } from "../platform/openapi";
import { participantAccessOf } from "../platform/route-access";
import { suggestionsFor } from "./suggestions.service";
import type { TemplateLibrary } from "./template-library";

const idParams = z.object({ id: z.uuid("This is not a valid participant id.") });

/** The plan templates library and the problems a participant's record suggests. */
export const treatmentPlanTemplatesRoutes: FastifyPluginAsyncZod<{
  db: Database;
  templates: TemplateLibrary;
}> = async (app, { db, templates }) => {
  app.get(
    "/treatment-plan-templates",
    {
      schema: {
        tags: ["treatment-plans"],
        summary:
          "The plan templates for common IOP problems, in English or Spanish, for a clinician to adapt",
        querystring: z.object({ language: planLanguageSchema.default("en") }),
        response: { 200: planTemplatesResponseSchema, ...errorResponses(400, 401, 403) },
      },
      config: { access: { kind: "permission", permission: "clinical.view" } },
    },
    async (request) => ({ templates: templates.list(request.query.language) }),
  );

  app.get(
    "/participants/:id/treatment-plan/suggestions",
    {
      schema: {
        tags: ["treatment-plans"],
        summary:
          "Problems the record suggests for the plan (latest scores at or above their cut-offs, the episode's diagnoses, the screening's ASAM ratings), each with its sources, worded in the plan's language",
        params: idParams,
        querystring: z.object({ language: planLanguageSchema.default("en") }),
        response: { 200: planSuggestionsResponseSchema, ...errorResponses(401, 403, 404) },
      },
      config: {
        access: { kind: "participant", permission: "clinical.view" },
        audit: { action: "treatment_plan.suggestions_view", resourceType: "treatment_plan" },
      },
    },
    async (request) => ({
      suggestions: await suggestionsFor(
        db,
        participantAccessOf(request).participantId,
        request.query.language,
      ),
    }),
  );
};
