import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { accessAlertListQuerySchema, accessAlertListSchema } from "../../core/alerts/alerts.schema";
import type { Database } from "../db/connection";
import { errorResponses } from "../platform/openapi";
import { actorOf } from "../platform/route-access";
import * as store from "./access-alerts.sql";

const iso = (v: Date | string) => new Date(v).toISOString();

/**
 * Break-the-glass alerts for the clinical director and compliance, limited to their sites, with the
 * grant's details (who, why, until when). They are acknowledged and resolved in the alert inbox
 * (POST /alerts/:id/acknowledge), like every alert.
 */
export const accessAlertsRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    "/access-alerts",
    {
      schema: {
        tags: ["alerts"],
        summary: "Break-the-glass alerts at my sites",
        querystring: accessAlertListQuerySchema,
        response: { 200: accessAlertListSchema, ...errorResponses(400, 401, 403) },
      },
      config: {
        access: { kind: "permission", permission: "alerts.review_access" },
        audit: { action: "alert.access_list", resourceType: "alert", purpose: "operations" },
      },
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
          state: r.state,
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
};
