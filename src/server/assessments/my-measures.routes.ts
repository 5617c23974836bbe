import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { myMeasuresSchema } from "../../core/assessments/my-measures.schema";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf } from "../platform/route-access";
import type { MyMeasuresService } from "./my-measures.service";

/** The participant's own scores over time, for their "My plan and progress" page. */
export const myMeasuresRoutes: FastifyPluginAsyncZod<{ myMeasures: MyMeasuresService }> = async (
  app,
  { myMeasures },
) => {
  app.get(
    "/me/measures",
    {
      schema: {
        tags: ["assessments"],
        summary:
          "A signed-in participant's own questionnaire totals over their latest episode, oldest first, with each range and which way is better (no bands or flags)",
        response: { 200: myMeasuresSchema, ...errorResponses(401, 403) },
      },
      config: { access: { kind: "signed-in" } },
    },
    async (request) => myMeasures.myMeasures(actorOf(request), auditContextOf(request)),
  );
};
