import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { planWorklistResponseSchema } from "../../core/treatment-plans/plan-api.schema";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf } from "../platform/route-access";
import type { PlanWorklistService } from "./plan-worklist.service";

/** What needs doing on treatment plans, for the clinician's worklist. */
export const planWorklistRoutes: FastifyPluginAsyncZod<{ planWorklist: PlanWorklistService }> = async (
  app,
  { planWorklist },
) => {
  app.get(
    "/treatment-plans/worklist",
    {
      schema: {
        tags: ["treatment-plans"],
        summary:
          "Participants in the program whose plan needs something: no plan yet, a draft, signatures (mine or others'), a review due soon, due or overdue — most urgent first",
        response: { 200: planWorklistResponseSchema, ...errorResponses(401, 403) },
      },
      config: { access: { kind: "permission", permission: "clinical.view" } },
    },
    async (request) => planWorklist.worklist(actorOf(request), auditContextOf(request)),
  );
};
