import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { mySobrietySchema, sobrietyRestartInputSchema } from "../../core/sobriety/sobriety.schema";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf } from "../platform/route-access";
import type { SobrietyService } from "./sobriety.service";

/** The participant's days-in-recovery counter: read with its history, restart after a lapse. Own record only. */
export const sobrietyRoutes: FastifyPluginAsyncZod<{ sobriety: SobrietyService }> = async (
  app,
  { sobriety },
) => {
  app.get(
    "/me/sobriety",
    {
      schema: {
        tags: ["participant-app"],
        summary: "A signed-in participant's days in recovery (site time zone) and the counter's history",
        response: { 200: mySobrietySchema, ...errorResponses(401, 403, 404) },
      },
      // Audited by the service (the participant's own record, purpose self).
      config: { access: { kind: "signed-in" } },
    },
    async (request) => sobriety.mySobriety(actorOf(request), auditContextOf(request)),
  );

  app.post(
    "/me/sobriety/restart",
    {
      schema: {
        tags: ["participant-app"],
        summary:
          "The participant restarts their counter after a lapse (a day after the current date, up to today); the old count stays in the history",
        body: sobrietyRestartInputSchema,
        response: { 200: mySobrietySchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: { kind: "signed-in" } },
    },
    async (request) => sobriety.restart(actorOf(request), request.body, auditContextOf(request)),
  );
};
