import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  calendarQuerySchema,
  calendarSchema,
  myScheduleQuerySchema,
  myScheduleSchema,
} from "../../core/schedule/calendar.schema";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf } from "../platform/route-access";
import type { CalendarService } from "./calendar.service";

/** The calendar views' data (by site, room, staff member, participant) and a participant's own week. */
export const calendarRoutes: FastifyPluginAsyncZod<{ calendar: CalendarService }> = async (
  app,
  { calendar },
) => {
  app.get(
    "/calendar",
    {
      schema: {
        tags: ["schedule"],
        summary:
          "Group sessions and appointments from one date to another (at most 42 days) by site, room, staff member or participant",
        querystring: calendarQuerySchema,
        response: { 200: calendarSchema, ...errorResponses(400, 401, 403, 404) },
      },
      // Staff need schedule.view (the service checks it at the site); a participant or a consenting
      // family member may read the participant view of their own record. Reads that name
      // participants are audited by the service, one event per participant named.
      config: { access: { kind: "signed-in", staffPermission: "schedule.view" } },
    },
    async (request) => calendar.calendar(actorOf(request), request.query, auditContextOf(request)),
  );

  app.get(
    "/me/schedule",
    {
      schema: {
        tags: ["schedule"],
        summary:
          "A signed-in participant's sessions — groups of their tracks and their appointments, with video links — this week or in a range",
        querystring: myScheduleQuerySchema,
        response: { 200: myScheduleSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: { kind: "signed-in" } },
    },
    async (request) => calendar.mySchedule(actorOf(request), request.query, auditContextOf(request)),
  );
};
