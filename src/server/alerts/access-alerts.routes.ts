import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { accessAlertListSchema, alertListQuerySchema } from "../../core/alerts/alerts.schema";
import { DomainError } from "../../core/platform/errors";
import { appendAudit } from "../audit/audit.service";
import type { Database } from "../db/connection";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf } from "../platform/route-access";
import * as store from "./access-alerts.sql";

const iso = (v: Date | string) => new Date(v).toISOString();
const review = { access: { kind: "permission", permission: "alerts.review_access" } } as const;

/** Break-the-glass alerts for the clinical director and compliance, limited to their sites. */
export const accessAlertsRoutes: FastifyPluginAsyncZod<{ db: Database; now: () => Date }> = async (
  app,
  { db, now },
) => {
  app.get(
    "/alerts",
    {
      schema: {
        tags: ["alerts"],
        summary: "Break-the-glass alerts at my sites",
        querystring: alertListQuerySchema,
        response: { 200: accessAlertListSchema, ...errorResponses(400, 401, 403) },
      },
      config: review,
    },
    async (request) => {
      const rows = await store.listForSites(
        db,
        actorOf(request).access.siteIds,
        request.query.status === "open",
      );
      return {
        alerts: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          createdAt: iso(r.created_at),
          site: { id: r.site_id, name: r.site_name },
          participant: { id: r.participant_id, name: r.participant_name },
          staff: { id: r.staff_id, displayName: r.staff_name },
          reason: r.reason,
          expiresAt: iso(r.expires_at),
          acknowledgedAt: r.acknowledged_at ? iso(r.acknowledged_at) : null,
          acknowledgedBy: r.acknowledged_by,
        })),
      };
    },
  );

  app.post(
    "/alerts/:id/acknowledge",
    {
      schema: {
        tags: ["alerts"],
        summary: "Mark a break-the-glass alert as reviewed",
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null(), ...errorResponses(401, 403, 404) },
      },
      config: review,
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const at = now();
      await db.transaction(async (tx) => {
        const done = await store.acknowledge(tx, request.params.id, actor.access.siteIds, actor.user.id, at);
        if (!done) throw new DomainError("NOT_FOUND", "No such open alert.");
        await appendAudit(
          tx,
          auditContextOf(request),
          {
            action: "alert.acknowledge",
            resourceType: "alert",
            resourceId: request.params.id,
            participantId: done.participant_id,
            purpose: "operations",
          },
          at,
        );
      });
      return reply.status(204).send(null);
    },
  );
};
