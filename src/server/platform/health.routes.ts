import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { type Database, ping } from "../db/connection";
import { migrationStatus } from "../db/migrate";

const readySchema = z.object({
  status: z.enum(["ready", "not_ready"]),
  database: z.enum(["ok", "unreachable"]),
  migrations: z.enum(["current", "pending", "unknown"]),
});

/** Liveness and readiness for load balancers and orchestrators. */
export const healthRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    "/healthz",
    {
      schema: {
        tags: ["platform"],
        summary: "Alive",
        response: { 200: z.object({ status: z.literal("ok") }) },
      },
    },
    async () => ({ status: "ok" as const }),
  );

  app.get(
    "/readyz",
    {
      schema: {
        tags: ["platform"],
        summary: "Ready: database reachable and migrations current",
        response: { 200: readySchema, 503: readySchema },
      },
    },
    async (_request, reply) => {
      try {
        await ping(db);
      } catch {
        return reply
          .status(503)
          .send({ status: "not_ready", database: "unreachable", migrations: "unknown" });
      }
      try {
        const status = await migrationStatus(db);
        const current = status.pending.length === 0;
        return reply.status(current ? 200 : 503).send({
          status: current ? "ready" : "not_ready",
          database: "ok",
          migrations: current ? "current" : "pending",
        });
      } catch {
        return reply.status(503).send({ status: "not_ready", database: "ok", migrations: "unknown" });
      }
    },
  );
};
