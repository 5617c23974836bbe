import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  alertCountsSchema,
  alertListQuerySchema,
  alertListSchema,
  alertSchema,
  alertSettingsSchema,
  resolveAlertSchema,
} from "../../core/alerts/alerts.schema";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf } from "../platform/route-access";
import type { AlertsService } from "./alerts.service";

/**
 * The alert inbox. The guard lets in staff who see alerts (clinical ones with alerts.view,
 * break-the-glass ones with alerts.review_access); the service reads through a query scoped to their
 * sites and care teams, and audits every read and change.
 */
const inbox = {
  access: { kind: "any-permission", permissions: ["alerts.view", "alerts.review_access"] },
} as const;
const act = {
  access: { kind: "any-permission", permissions: ["alerts.manage", "alerts.review_access"] },
} as const;
const params = z.object({ id: z.uuid() });

export const alertsRoutes: FastifyPluginAsyncZod<{ alerts: AlertsService }> = async (app, { alerts }) => {
  app.get(
    "/alerts",
    {
      schema: {
        tags: ["alerts"],
        summary: "Alerts I may see: filter by state, severity, kind, mine or all, participant; open counts",
        querystring: alertListQuerySchema,
        response: { 200: alertListSchema, ...errorResponses(400, 401, 403) },
      },
      config: inbox,
    },
    async (request) => alerts.list(actorOf(request), request.query, auditContextOf(request)),
  );

  app.get(
    "/alerts/counts",
    {
      schema: {
        tags: ["alerts"],
        summary: "How many open alerts I may see, by severity, and how many are for me (no participant data)",
        response: { 200: alertCountsSchema, ...errorResponses(401, 403) },
      },
      config: inbox,
    },
    async (request) => alerts.counts(actorOf(request)),
  );

  app.get(
    "/alerts/settings",
    {
      schema: {
        tags: ["alerts"],
        summary:
          "How long urgent and emergency alerts may stay unacknowledged before the clinical director is brought in",
        response: { 200: alertSettingsSchema, ...errorResponses(401, 403) },
      },
      config: { access: { kind: "any-permission", permissions: ["settings.manage", "alerts.view"] } },
    },
    async () => alerts.settings(),
  );

  app.put(
    "/alerts/settings",
    {
      schema: {
        tags: ["alerts"],
        summary: "Change the escalation times (program settings)",
        body: alertSettingsSchema,
        response: { 200: alertSettingsSchema, ...errorResponses(400, 401, 403) },
      },
      config: { access: { kind: "permission", permission: "settings.manage" } },
    },
    async (request) => alerts.updateSettings(request.body, auditContextOf(request)),
  );

  app.get(
    "/alerts/:id",
    {
      schema: {
        tags: ["alerts"],
        summary: "One alert: why, its evidence, who it is for, and what was done",
        params,
        response: { 200: alertSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: inbox,
    },
    async (request) => alerts.get(actorOf(request), request.params.id, auditContextOf(request)),
  );

  app.post(
    "/alerts/:id/acknowledge",
    {
      schema: {
        tags: ["alerts"],
        summary: "Acknowledge an open alert: I have seen it and am acting (stops escalation)",
        params,
        response: { 200: alertSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: act,
    },
    async (request) => alerts.acknowledge(actorOf(request), request.params.id, auditContextOf(request)),
  );

  app.post(
    "/alerts/:id/resolve",
    {
      schema: {
        tags: ["alerts"],
        summary: "Resolve an acknowledged alert with a note saying what was done (final)",
        params,
        body: resolveAlertSchema,
        response: { 200: alertSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: act,
    },
    async (request) =>
      alerts.resolve(actorOf(request), request.params.id, request.body.note, auditContextOf(request)),
  );
};
