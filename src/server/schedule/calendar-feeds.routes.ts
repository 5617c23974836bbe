import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  calendarFeedCreatedSchema,
  calendarFeedSettingsSchema,
  calendarFeedStatusSchema,
  calendarFeedTokenParamsSchema,
} from "../../core/schedule/calendar-feed.schema";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf, participantAccessOf, type RouteAccess } from "../platform/route-access";
import type { CalendarFeedsService } from "./calendar-feeds.service";

const idParams = z.object({ id: z.uuid("This is not a valid participant id.") });
const removed = { 204: z.null().describe("Revoked (or there was no feed)") };

/** Staff with a schedule (schedule.view) and participants have a feed of their own; family do not. */
const OWN: RouteAccess = { kind: "signed-in", staffPermission: "schedule.view" };

/** Personal iCalendar feeds: one's own, a participant's (by staff), the public read, the setting. */
export const calendarFeedsRoutes: FastifyPluginAsyncZod<{ calendarFeeds: CalendarFeedsService }> = async (
  app,
  { calendarFeeds },
) => {
  app.get(
    "/me/calendar-feed",
    {
      schema: {
        tags: ["schedule"],
        summary: "Whether you have a calendar feed, when it was made and last read (never its address)",
        response: { 200: calendarFeedStatusSchema, ...errorResponses(401, 403) },
      },
      config: { access: OWN },
    },
    async (request) => calendarFeeds.myFeed(actorOf(request)),
  );

  app.post(
    "/me/calendar-feed",
    {
      schema: {
        tags: ["schedule"],
        summary:
          "Make your calendar feed, replacing the old one (its address stops working): the address is shown this once",
        response: { 201: calendarFeedCreatedSchema, ...errorResponses(401, 403) },
      },
      config: { access: OWN },
    },
    async (request, reply) =>
      reply.status(201).send(await calendarFeeds.createMyFeed(actorOf(request), auditContextOf(request))),
  );

  app.delete(
    "/me/calendar-feed",
    {
      schema: {
        tags: ["schedule"],
        summary: "Revoke your calendar feed: its address answers 404 from now on",
        response: { ...removed, ...errorResponses(401, 403) },
      },
      config: { access: OWN },
    },
    async (request, reply) => {
      await calendarFeeds.revokeMyFeed(actorOf(request), auditContextOf(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/participants/:id/calendar-feed",
    {
      schema: {
        tags: ["schedule"],
        summary: "Whether a participant has a calendar feed, when it was made and last read",
        params: idParams,
        response: { 200: calendarFeedStatusSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: {
        access: { kind: "participant", permission: "schedule.view" },
        audit: { action: "calendar_feed.view", resourceType: "calendar_feed" },
      },
    },
    async (request) => calendarFeeds.participantFeed(participantAccessOf(request).participantId),
  );

  app.post(
    "/participants/:id/calendar-feed",
    {
      schema: {
        tags: ["schedule"],
        summary:
          "Make a participant's calendar feed, replacing the old one: the address is shown this once, to give to them",
        params: idParams,
        response: { 201: calendarFeedCreatedSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: {
        access: { kind: "participant", permission: "schedule.manage" },
        audit: { action: "calendar_feed.create", resourceType: "calendar_feed" },
      },
    },
    async (request, reply) => {
      const created = await calendarFeeds.createParticipantFeed(
        actorOf(request),
        participantAccessOf(request).participantId,
        auditContextOf(request),
      );
      return reply.status(201).send(created);
    },
  );

  app.delete(
    "/participants/:id/calendar-feed",
    {
      schema: {
        tags: ["schedule"],
        summary: "Revoke a participant's calendar feed",
        params: idParams,
        response: { ...removed, ...errorResponses(400, 401, 403, 404) },
      },
      config: {
        access: { kind: "participant", permission: "schedule.manage" },
        audit: { action: "calendar_feed.revoke", resourceType: "calendar_feed" },
      },
    },
    async (request, reply) => {
      await calendarFeeds.revokeParticipantFeed(
        participantAccessOf(request).participantId,
        auditContextOf(request),
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/calendar-feeds/:token.ics",
    {
      schema: {
        tags: ["schedule"],
        summary:
          "A personal calendar feed (iCalendar, RFC 5545) by its secret address, for calendar apps; no session. A wrong or revoked address is 404",
        params: calendarFeedTokenParamsSchema,
        produces: ["text/calendar"],
        response: {
          200: z.string().describe("An iCalendar file (text/calendar; charset=utf-8)"),
          ...errorResponses(404, 429),
        },
        security: [],
      },
      // The secret in the address is the credential; the service audits each read as a disclosure.
      config: { access: { kind: "public" }, rateLimit: { max: 30, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      const { actorUserId: _user, actorKind: _kind, ...from } = auditContextOf(request);
      const body = await calendarFeeds.readFeed(request.params.token, from);
      return reply
        .header("content-type", "text/calendar; charset=utf-8")
        .header("cache-control", "private, no-store")
        .send(body);
    },
  );

  app.get(
    "/settings/calendar-feeds",
    {
      schema: {
        tags: ["schedule"],
        summary:
          "How much calendar feeds say: private (the default: no track or participant names) or detailed",
        response: { 200: calendarFeedSettingsSchema, ...errorResponses(401, 403) },
      },
      config: { access: { kind: "permission", permission: "settings.manage" } },
    },
    async () => calendarFeeds.settings(),
  );

  app.put(
    "/settings/calendar-feeds",
    {
      schema: {
        tags: ["schedule"],
        summary: "Choose how much calendar feeds say, and whether video links go in them",
        body: calendarFeedSettingsSchema,
        response: { 200: calendarFeedSettingsSchema, ...errorResponses(400, 401, 403) },
      },
      config: { access: { kind: "permission", permission: "settings.manage" } },
    },
    async (request) => calendarFeeds.updateSettings(request.body, auditContextOf(request)),
  );
};
