import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  familyCheckInInputSchema,
  familyCheckInListSchema,
  familyCheckInQuerySchema,
  familyCheckInSavedSchema,
  familyLearningSchema,
  moduleKeyParamsSchema,
  moduleProgressInputSchema,
  moduleProgressSchema,
} from "../../core/family-learning/family-learning.schema";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf } from "../platform/route-access";
import type { FamilyLearningService } from "./family-learning.service";

/**
 * A family member's own area: learning modules with private exercise answers, and their own daily
 * check-in. Signed-in family members only (the service refuses anyone else); no participant data.
 */
export const familyLearningRoutes: FastifyPluginAsyncZod<{ familyLearning: FamilyLearningService }> = async (
  app,
  { familyLearning },
) => {
  // Each handler is audited by the service (purpose self), after it has checked who is asking.
  const access = { access: { kind: "signed-in" } } as const;

  app.get(
    "/family/learning",
    {
      schema: {
        tags: ["family"],
        summary: "The family learning modules in reading order, with the signed-in family member's progress",
        response: { 200: familyLearningSchema, ...errorResponses(401, 403) },
      },
      config: access,
    },
    async (request) => familyLearning.myLearning(actorOf(request), auditContextOf(request)),
  );

  app.put(
    "/family/learning/:moduleKey",
    {
      schema: {
        tags: ["family"],
        summary: "Save the family member's private exercise answer for a module, and whether it is done",
        params: moduleKeyParamsSchema,
        body: moduleProgressInputSchema,
        response: { 200: moduleProgressSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: access,
    },
    async (request) =>
      familyLearning.saveProgress(
        actorOf(request),
        request.params.moduleKey,
        request.body,
        auditContextOf(request),
      ),
  );

  app.get(
    "/family/check-ins",
    {
      schema: {
        tags: ["family"],
        summary: "The family member's own check-ins: today's, and the last days (30 unless ?days= says)",
        querystring: familyCheckInQuerySchema,
        response: { 200: familyCheckInListSchema, ...errorResponses(400, 401, 403) },
      },
      config: access,
    },
    async (request) =>
      familyLearning.myCheckIns(actorOf(request), request.query.days, auditContextOf(request)),
  );

  app.put(
    "/family/check-ins",
    {
      schema: {
        tags: ["family"],
        summary:
          "Record today's check-in for the family member, or change it the same day (private: no one is alerted)",
        body: familyCheckInInputSchema,
        response: { 200: familyCheckInSavedSchema, ...errorResponses(400, 401, 403) },
      },
      config: access,
    },
    async (request) => familyLearning.saveCheckIn(actorOf(request), request.body, auditContextOf(request)),
  );
};
