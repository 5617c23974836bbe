import { randomUUID } from "node:crypto";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  alumniCheckInHistorySchema,
  alumniCheckInInputSchema,
  alumniCheckInResultSchema,
  alumniEventInputSchema,
  alumniEventListSchema,
  alumniEventParamsSchema,
  alumniEventSchema,
  alumniEventsQuerySchema,
  alumniMemberParamsSchema,
  alumniMembershipSchema,
  alumniRosterQuerySchema,
  alumniRosterSchema,
  chartAlumniSchema,
  myAlumniEventSchema,
  myAlumniSchema,
  myAlumniStatusSchema,
  optOutInputSchema,
  rsvpInputSchema,
  staffOptOutInputSchema,
} from "../../core/alumni/alumni.schema";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf, participantAccessOf } from "../platform/route-access";
import type { AlumniService } from "./alumni.service";

const me = { access: { kind: "signed-in" } } as const;
const manager = { access: { kind: "permission", permission: "alumni.manage" } } as const;

/**
 * The alumni program: the participant's own lighter app (`/me/alumni`, the participant from the
 * session; refused with a clear code when they are in care again or not an active member), the staff
 * who run it (`alumni.manage`), and the chart's section.
 */
export const alumniRoutes: FastifyPluginAsyncZod<{ alumni: AlumniService }> = async (app, { alumni }) => {
  app.get(
    "/me/alumni/status",
    {
      schema: {
        tags: ["alumni"],
        summary:
          "Whether the signed-in participant is an alumnus (not in care, a membership) — the home page decides from it",
        response: { 200: myAlumniStatusSchema, ...errorResponses(401, 403) },
      },
      config: me,
    },
    async (request) => alumni.status(actorOf(request), auditContextOf(request)),
  );

  app.get(
    "/me/alumni",
    {
      schema: {
        tags: ["alumni"],
        summary:
          "The alumni home: membership, this week's check-in, upcoming events with my answer, unread messages",
        response: { 200: myAlumniSchema, ...errorResponses(401, 403) },
      },
      config: me,
    },
    async (request) => alumni.home(actorOf(request), auditContextOf(request)),
  );

  app.put(
    "/me/alumni/check-ins/current",
    {
      schema: {
        tags: ["alumni"],
        summary:
          "This week's check-in (Monday to Sunday on the site's calendar): a second save the same week updates it",
        body: alumniCheckInInputSchema,
        response: { 200: alumniCheckInResultSchema, ...errorResponses(400, 401, 403) },
      },
      config: me,
    },
    async (request) =>
      alumni.saveCheckIn(actorOf(request), request.body, randomUUID(), auditContextOf(request)),
  );

  app.get(
    "/me/alumni/check-ins",
    {
      schema: {
        tags: ["alumni"],
        summary: "The alumnus's weekly check-ins, newest week first (a year)",
        response: { 200: alumniCheckInHistorySchema, ...errorResponses(401, 403) },
      },
      config: me,
    },
    async (request) => alumni.history(actorOf(request), auditContextOf(request)),
  );

  app.post(
    "/me/alumni/events/:eventId/rsvp",
    {
      schema: {
        tags: ["alumni"],
        summary: "Going or not going to an alumni event of their site (a full event refuses 'going')",
        params: alumniEventParamsSchema,
        body: rsvpInputSchema,
        response: { 200: myAlumniEventSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: me,
    },
    async (request) =>
      alumni.rsvp(actorOf(request), request.params.eventId, request.body.status, auditContextOf(request)),
  );

  app.post(
    "/me/alumni/opt-out",
    {
      schema: {
        tags: ["alumni"],
        summary:
          "Leave the alumni program at once; with alsoFollowUps, pending follow-up surveys are cancelled too",
        body: optOutInputSchema,
        response: { 200: alumniMembershipSchema, ...errorResponses(400, 401, 403, 409) },
      },
      config: me,
    },
    async (request) =>
      alumni.optOutSelf(actorOf(request), request.body.alsoFollowUps, auditContextOf(request)),
  );

  app.post(
    "/me/alumni/rejoin",
    {
      schema: {
        tags: ["alumni"],
        summary: "Rejoin the alumni program after leaving it",
        response: { 200: alumniMembershipSchema, ...errorResponses(401, 403, 409) },
      },
      config: me,
    },
    async (request) => alumni.rejoin(actorOf(request), auditContextOf(request)),
  );

  app.get(
    "/alumni-events",
    {
      schema: {
        tags: ["alumni"],
        summary: "A site's alumni events and groups (cancelled ones included), soonest first",
        querystring: alumniEventsQuerySchema,
        response: { 200: alumniEventListSchema, ...errorResponses(400, 401, 403) },
      },
      config: manager,
    },
    async (request) =>
      alumni.listEvents(
        actorOf(request),
        request.query.siteId,
        request.query.includePast === "true",
        auditContextOf(request),
      ),
  );

  app.post(
    "/alumni-events",
    {
      schema: {
        tags: ["alumni"],
        summary: "Create an alumni event or group meeting",
        body: alumniEventInputSchema,
        response: { 200: alumniEventSchema, ...errorResponses(400, 401, 403) },
      },
      config: manager,
    },
    async (request) => alumni.createEvent(actorOf(request), request.body, auditContextOf(request)),
  );

  app.put(
    "/alumni-events/:eventId",
    {
      schema: {
        tags: ["alumni"],
        summary: "Change an alumni event (not a cancelled one)",
        params: alumniEventParamsSchema,
        body: alumniEventInputSchema,
        response: { 200: alumniEventSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: manager,
    },
    async (request) =>
      alumni.updateEvent(actorOf(request), request.params.eventId, request.body, auditContextOf(request)),
  );

  app.post(
    "/alumni-events/:eventId/cancel",
    {
      schema: {
        tags: ["alumni"],
        summary: "Cancel an alumni event (never deleted: the answers are kept)",
        params: alumniEventParamsSchema,
        response: { 200: alumniEventSchema, ...errorResponses(401, 403, 404) },
      },
      config: manager,
    },
    async (request) => alumni.cancelEvent(actorOf(request), request.params.eventId, auditContextOf(request)),
  );

  app.get(
    "/alumni",
    {
      schema: {
        tags: ["alumni"],
        summary: "A site's alumni roster: status, last weekly check-in and its flags, opt-outs",
        querystring: alumniRosterQuerySchema,
        response: { 200: alumniRosterSchema, ...errorResponses(400, 401, 403) },
      },
      config: manager,
    },
    async (request) => alumni.roster(actorOf(request), request.query.siteId, auditContextOf(request)),
  );

  app.post(
    "/alumni/:participantId/opt-out",
    {
      schema: {
        tags: ["alumni"],
        summary:
          "Record a member's own request to leave the alumni program (and, if asked, the follow-up surveys)",
        params: alumniMemberParamsSchema,
        body: staffOptOutInputSchema,
        response: { 200: alumniMembershipSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: manager,
    },
    async (request) =>
      alumni.optOutForMember(
        actorOf(request),
        request.params.participantId,
        request.body.alsoFollowUps,
        auditContextOf(request),
      ),
  );

  app.get(
    "/participants/:id/alumni",
    {
      schema: {
        tags: ["alumni"],
        summary: "The chart's alumni section: membership and the weekly check-ins (half a year)",
        params: z.object({ id: z.uuid("This is not a valid participant id.") }),
        response: { 200: chartAlumniSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: {
        access: { kind: "participant", permission: "clinical.view" },
        audit: { action: "alumni.chart_view", resourceType: "alumni_membership" },
      },
    },
    async (request) => alumni.chart(participantAccessOf(request)),
  );
};
