import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { programOverviewSchema } from "../../core/programs/overview.schema";
import type { Database } from "../db/connection";
import { errorResponses } from "../platform/openapi";
import { requireStaff } from "../platform/request-context";
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
    },
    async (request) => getProgramOverview(db, requireStaff(request), now().toISOString().slice(0, 10)),
  );
};
