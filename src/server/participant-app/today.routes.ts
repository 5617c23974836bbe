import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { todaySchema } from "../../core/participant-app/today.schema";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf } from "../platform/route-access";
import type { TodayService } from "./today.service";

/** The participant's Today page data. Own record only: the participant comes from the session. */
export const todayRoutes: FastifyPluginAsyncZod<{ today: TodayService }> = async (app, { today }) => {
  app.get(
    "/me/today",
    {
      schema: {
        tags: ["participant-app"],
        summary:
          "A signed-in participant's Today: next session (video link once it is about to start), days in recovery, the on-call number",
        response: { 200: todaySchema, ...errorResponses(401, 403, 404) },
      },
      // Audited by the service (purpose self).
      config: { access: { kind: "signed-in" } },
    },
    async (request) => today.today(actorOf(request), auditContextOf(request)),
  );
};
