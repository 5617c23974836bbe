import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  roomCreateSchema,
  roomIdParamsSchema,
  roomListSchema,
  roomSchema,
  roomUpdateSchema,
  siteIdParamsSchema,
} from "../../core/schedule/rooms.schema";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf, type RouteAccess } from "../platform/route-access";
import type { RoomsService } from "./rooms.service";

/** Rooms are read by those who see the schedule and by administrators, who set them up. */
const READ: RouteAccess = { kind: "any-permission", permissions: ["schedule.view", "settings.manage"] };
const MANAGE: RouteAccess = { kind: "permission", permission: "settings.manage" };

/** A site's rooms: list, add, rename or take out of use (never deleted). */
export const roomsRoutes: FastifyPluginAsyncZod<{ rooms: RoomsService }> = async (app, { rooms }) => {
  app.get(
    "/sites/:id/rooms",
    {
      schema: {
        tags: ["schedule"],
        summary: "The rooms of a site, those in use first",
        params: siteIdParamsSchema,
        response: { 200: roomListSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: READ },
    },
    async (request) => rooms.listRooms(actorOf(request), request.params.id),
  );

  app.post(
    "/sites/:id/rooms",
    {
      schema: {
        tags: ["schedule"],
        summary: "Add a room to a site (its name unique at the site, whatever the letter case)",
        params: siteIdParamsSchema,
        body: roomCreateSchema,
        response: { 201: roomSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: MANAGE },
    },
    async (request, reply) => {
      const room = await rooms.createRoom(
        actorOf(request),
        request.params.id,
        request.body,
        auditContextOf(request),
      );
      return reply.status(201).send(room);
    },
  );

  app.put(
    "/rooms/:id",
    {
      schema: {
        tags: ["schedule"],
        summary: "Rename a room, or take it out of use (its bookings keep it)",
        params: roomIdParamsSchema,
        body: roomUpdateSchema,
        response: { 200: roomSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: MANAGE },
    },
    async (request) =>
      rooms.updateRoom(actorOf(request), request.params.id, request.body, auditContextOf(request)),
  );
};
