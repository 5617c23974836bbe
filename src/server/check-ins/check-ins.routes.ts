import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  checkInInputSchema,
  checkInResultSchema,
  checkInSummarySchema,
} from "../../core/check-ins/check-in.schema";
import {
  checkInOptionsSchema,
  checkInTimelineQuerySchema,
  checkInTimelineSchema,
  myCheckInsQuerySchema,
  myCheckInsSchema,
} from "../../core/check-ins/check-in-api.schema";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf, participantAccessOf } from "../platform/route-access";
import type { CheckInsService } from "./check-ins.service";

/**
 * Daily check-ins: the participant's own (`/me/check-ins`: the participant comes from the session,
 * never from the request; the service audits every read and write) and the chart's timeline.
 */
export const checkInsRoutes: FastifyPluginAsyncZod<{ checkIns: CheckInsService }> = async (
  app,
  { checkIns },
) => {
  app.post(
    "/me/check-ins",
    {
      schema: {
        tags: ["check-ins"],
        summary:
          "A signed-in participant sends a check-in: recorded once per idempotency key (a replay answers the first result), alerts raised with it, a response pointing at their own plan",
        body: checkInInputSchema,
        response: { 200: checkInResultSchema, ...errorResponses(400, 401, 403, 409) },
      },
      config: { access: { kind: "signed-in" } },
    },
    async (request) => checkIns.submit(actorOf(request), request.body, auditContextOf(request)),
  );

  app.get(
    "/me/check-ins",
    {
      schema: {
        tags: ["check-ins"],
        summary: "A signed-in participant's own check-ins, newest first, a page at a time",
        querystring: myCheckInsQuerySchema,
        response: { 200: myCheckInsSchema, ...errorResponses(400, 401, 403) },
      },
      config: { access: { kind: "signed-in" } },
    },
    async (request) => checkIns.history(actorOf(request), request.query, auditContextOf(request)),
  );

  app.get(
    "/me/check-ins/summary",
    {
      schema: {
        tags: ["check-ins"],
        summary:
          "Today on the program's calendar, whether the participant checked in today, and their streak",
        response: { 200: checkInSummarySchema, ...errorResponses(401, 403) },
      },
      config: { access: { kind: "signed-in" } },
    },
    async (request) => checkIns.summary(actorOf(request), auditContextOf(request)),
  );

  app.get(
    "/me/check-ins/options",
    {
      schema: {
        tags: ["check-ins"],
        summary:
          "What the check-in form offers: the triggers of their recovery plan, their own recent ones, the curriculum's skills, the substances",
        response: { 200: checkInOptionsSchema, ...errorResponses(401, 403) },
      },
      config: { access: { kind: "signed-in" } },
    },
    async (request) => checkIns.options(actorOf(request), auditContextOf(request)),
  );

  app.get(
    "/participants/:id/check-ins",
    {
      schema: {
        tags: ["check-ins"],
        summary: "A participant's check-ins for the chart, newest day first (default: the last 30 days)",
        params: z.object({ id: z.uuid("This is not a valid participant id.") }),
        querystring: checkInTimelineQuerySchema,
        response: { 200: checkInTimelineSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: {
        access: { kind: "participant", permission: "clinical.view" },
        audit: { action: "check_in.list", resourceType: "check_in" },
      },
    },
    async (request) => checkIns.timeline(participantAccessOf(request), request.query),
  );
};
