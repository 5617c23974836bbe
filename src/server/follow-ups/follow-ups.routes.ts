import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  chartFollowUpsSchema,
  followUpLinkViewSchema,
  followUpSubmissionSchema,
  followUpSubmittedSchema,
  followUpTokenBodySchema,
  responseRatesQuerySchema,
  responseRatesSchema,
} from "../../core/follow-ups/follow-up-api.schema";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf, participantAccessOf } from "../platform/route-access";
import type { FollowUpsService } from "./follow-ups.service";

/**
 * Follow-up surveys (issue 11). The three link routes are public by design: the emailed link is the
 * credential. Its token travels in the body (never in an address or a log), the routes are rate
 * limited like the other link routes, and POSTs carry the app's CSRF header like every POST.
 */
export const followUpsRoutes: FastifyPluginAsyncZod<{ followUps: FollowUpsService }> = async (
  app,
  { followUps },
) => {
  app.post(
    "/follow-ups/link",
    {
      schema: {
        tags: ["follow-ups"],
        summary:
          "What a follow-up survey link shows: open, completed, expired, opted out or invalid, the first name and the questions",
        body: followUpTokenBodySchema,
        response: { 200: followUpLinkViewSchema, ...errorResponses(400, 429) },
      },
      config: { access: { kind: "public" }, rateLimit: { max: 20, timeWindow: "1 minute" } },
    },
    async (request) => followUps.view(request.body.token, auditContextOf(request)),
  );

  app.post(
    "/follow-ups/answers",
    {
      schema: {
        tags: ["follow-ups"],
        summary:
          "Answer a follow-up survey once (use, PHQ-9, GAD-7, housing and work); a second answer is refused (409) and changes nothing",
        body: followUpSubmissionSchema,
        response: { 200: followUpSubmittedSchema, ...errorResponses(400, 409, 429) },
      },
      config: { access: { kind: "public" }, rateLimit: { max: 10, timeWindow: "1 minute" } },
    },
    async (request) => followUps.submit(request.body, auditContextOf(request)),
  );

  app.post(
    "/follow-ups/opt-out",
    {
      schema: {
        tags: ["follow-ups"],
        summary: "No more follow-up surveys: every survey not yet answered is withdrawn at once",
        body: followUpTokenBodySchema,
        response: { 200: z.object({ cancelled: z.number().int() }), ...errorResponses(400, 429) },
      },
      config: { access: { kind: "public" }, rateLimit: { max: 10, timeWindow: "1 minute" } },
    },
    async (request) => followUps.optOut(request.body.token, auditContextOf(request)),
  );

  app.get(
    "/participants/:id/follow-ups",
    {
      schema: {
        tags: ["follow-ups"],
        summary:
          "A participant's follow-up surveys for the chart: status, emails, answers, scores and findings",
        params: z.object({ id: z.uuid("This is not a valid participant id.") }),
        response: { 200: chartFollowUpsSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: {
        access: { kind: "participant", permission: "clinical.view" },
        audit: { action: "follow_up.list", resourceType: "follow_up_survey" },
      },
    },
    async (request) => followUps.chart(participantAccessOf(request).participantId),
  );

  app.get(
    "/follow-ups/response-rates",
    {
      schema: {
        tags: ["follow-ups"],
        summary: "Follow-up response rates per wave (completed / sent), for surveys due in a date range",
        querystring: responseRatesQuerySchema,
        response: { 200: responseRatesSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: { kind: "permission", permission: "alumni.manage" } },
    },
    async (request) => followUps.responseRates(actorOf(request), request.query),
  );
};
