import { Readable } from "node:stream";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { auditFilterSchema, auditPageSchema } from "../../core/audit/audit.schema";
import type { Database } from "../db/connection";
import { errorResponses } from "../platform/openapi";
import { auditContextOf } from "../platform/route-access";
import { exportAuditCsv, recordAudit, searchAudit } from "./audit.service";

const auditView = { access: { kind: "permission", permission: "audit.view" } } as const;

/** The audit log: search (newest first, keyset pages) and CSV export. Searching is itself audited. */
export const auditRoutes: FastifyPluginAsyncZod<{ db: Database; now: () => Date }> = async (
  app,
  { db, now },
) => {
  app.get(
    "/audit-events",
    {
      schema: {
        tags: ["audit"],
        summary: "Search the audit log by user, participant, action, outcome and date",
        querystring: auditFilterSchema,
        response: { 200: auditPageSchema, ...errorResponses(400, 401, 403) },
      },
      config: auditView,
    },
    async (request) => {
      const filter = request.query;
      await recordAudit(
        db,
        auditContextOf(request),
        {
          action: "audit.search",
          resourceType: "audit_log",
          participantId: filter.participantId ?? null,
          purpose: "operations",
        },
        now(),
      );
      return searchAudit(db, filter);
    },
  );

  app.get(
    "/audit-events/export",
    {
      schema: {
        tags: ["audit"],
        summary: "The matching audit events as a CSV file",
        querystring: auditFilterSchema,
        produces: ["text/csv"],
        response: { ...errorResponses(400, 401, 403) },
      },
      config: auditView,
    },
    async (request, reply) => {
      const { before: _before, limit: _limit, ...filter } = request.query;
      await recordAudit(
        db,
        auditContextOf(request),
        {
          action: "audit.export",
          resourceType: "audit_log",
          participantId: filter.participantId ?? null,
          purpose: "operations",
        },
        now(),
      );
      const day = now().toISOString().slice(0, 10);
      reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="bridgeway-audit-${day}.csv"`)
        .header("cache-control", "no-store");
      return reply.send(Readable.from(exportAuditCsv(db, filter)) as never);
    },
  );
};
