import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { DomainError } from "../../core/platform/errors";
import { programOverviewSchema } from "../../core/programs/overview.schema";
import type { Database } from "../db/connection";
import { errorResponses } from "../platform/openapi";
import { actorOf } from "../platform/route-access";
import { getProgramOverview } from "./overview.service";

export const overviewRoutes: FastifyPluginAsyncZod<{ db: Database; now: () => Date }> = async (
  app,
  { db, now },
) => {
  app.get(
    "/overview",
    {
      schema: {
        tags: ["programs"],
        summary: "Program at a glance for staff: census by site and totals (counts only)",
        response: { 200: programOverviewSchema, ...errorResponses(401, 403) },
      },
      config: { access: { kind: "signed-in" } },
    },
    async (request) => {
      const actor = actorOf(request);
      if (actor.user.kind !== "staff") throw new DomainError("AUTH_FORBIDDEN");
      return getProgramOverview(db, actor, now().toISOString().slice(0, 10));
    },
  );
};
