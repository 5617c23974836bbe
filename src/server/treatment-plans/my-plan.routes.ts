import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { participantSignSchema } from "../../core/treatment-plans/plan.schema";
import { myPlanResponseSchema } from "../../core/treatment-plans/plan-api.schema";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf } from "../platform/route-access";
import type { PlanSigning } from "./plan-signing";

/**
 * The participant's plan in their own area: the version awaiting their signature, else the one in
 * force (a draft is never shown), and their typed-name signature. Own record only: the service takes
 * the participant from the session, never from the request.
 */
export const myPlanRoutes: FastifyPluginAsyncZod<{ signing: PlanSigning }> = async (app, { signing }) => {
  app.get(
    "/me/treatment-plan",
    {
      schema: {
        tags: ["treatment-plans"],
        summary:
          "A signed-in participant's treatment plan: the version awaiting their signature, else the signed one in force (never a draft)",
        response: { 200: myPlanResponseSchema, ...errorResponses(401, 403) },
      },
      config: { access: { kind: "signed-in" } },
    },
    async (request) => ({ plan: await signing.myPlan(actorOf(request), auditContextOf(request)) }),
  );

  app.post(
    "/me/treatment-plan/signatures",
    {
      schema: {
        tags: ["treatment-plans"],
        summary:
          "The participant signs their plan by typing their name as it is on their record (time and device recorded)",
        body: participantSignSchema,
        response: { 200: myPlanResponseSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: { kind: "signed-in" } },
    },
    async (request) => ({
      plan: await signing.participantSign(actorOf(request), request.body, auditContextOf(request)),
    }),
  );
};
