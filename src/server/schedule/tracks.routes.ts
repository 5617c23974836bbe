import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { seriesExceptionSchema } from "../../core/schedule/track-pattern.schema";
import {
  occurrenceRangeQuerySchema,
  trackExceptionParamsSchema,
  trackExceptionSchema,
  trackIdParamsSchema,
  trackListQuerySchema,
  trackListSchema,
  trackOccurrencesSchema,
  trackSchema,
  trackUpdateSchema,
} from "../../core/schedule/tracks.schema";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf, type RouteAccess } from "../platform/route-access";
import type { TracksService } from "./tracks.service";

/** The schedule is read by those who see it and by administrators, who set tracks up. */
const READ: RouteAccess = { kind: "any-permission", permissions: ["schedule.view", "settings.manage"] };
const MANAGE: RouteAccess = { kind: "permission", permission: "settings.manage" };

/** Tracks and their group series: list, edit, occurrences in a range, exceptions to one occurrence. */
export const tracksRoutes: FastifyPluginAsyncZod<{ tracks: TracksService }> = async (app, { tracks }) => {
  app.get(
    "/tracks",
    {
      schema: {
        tags: ["schedule"],
        summary: "Tracks at your sites: weekly pattern, dates, places taken and facilitators",
        querystring: trackListQuerySchema,
        response: { 200: trackListSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: READ },
    },
    async (request) => tracks.listTracks(actorOf(request), request.query.siteId),
  );

  app.put(
    "/tracks/:id",
    {
      schema: {
        tags: ["schedule"],
        summary: "Change a track's weekly pattern, place, capacity, dates and facilitators",
        params: trackIdParamsSchema,
        body: trackUpdateSchema,
        response: { 200: trackSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: MANAGE },
    },
    async (request) =>
      tracks.updateTrack(actorOf(request), request.params.id, request.body, auditContextOf(request)),
  );

  app.get(
    "/tracks/:id/occurrences",
    {
      schema: {
        tags: ["schedule"],
        summary: "A track's group sessions from one date to another (at most 93 days), exceptions applied",
        params: trackIdParamsSchema,
        querystring: occurrenceRangeQuerySchema,
        response: { 200: trackOccurrencesSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: READ },
    },
    async (request) =>
      tracks.listOccurrences(actorOf(request), request.params.id, request.query.from, request.query.to),
  );

  app.post(
    "/tracks/:id/exceptions",
    {
      schema: {
        tags: ["schedule"],
        summary: "Cancel, move or give a substitute to one session of a track",
        params: trackIdParamsSchema,
        body: seriesExceptionSchema,
        response: { 201: trackExceptionSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: MANAGE },
    },
    async (request, reply) => {
      const created = await tracks.addException(
        actorOf(request),
        request.params.id,
        request.body,
        auditContextOf(request),
      );
      return reply.status(201).send(created);
    },
  );

  app.delete(
    "/tracks/:id/exceptions/:exceptionId",
    {
      schema: {
        tags: ["schedule"],
        summary: "Remove an exception: the session takes place as the pattern says",
        params: trackExceptionParamsSchema,
        response: { 204: z.null().describe("Removed"), ...errorResponses(401, 403, 404) },
      },
      config: { access: MANAGE },
    },
    async (request, reply) => {
      await tracks.removeException(
        actorOf(request),
        request.params.id,
        request.params.exceptionId,
        auditContextOf(request),
      );
      return reply.status(204).send(null);
    },
  );
};
