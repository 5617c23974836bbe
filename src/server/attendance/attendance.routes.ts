import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  attendanceSubmissionSchema,
  occurrenceParamsSchema,
  rosterSchema,
  weeklyHoursQuerySchema,
  weeklyHoursViewSchema,
} from "../../core/attendance/roster.schema";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf, participantAccessOf } from "../platform/route-access";
import type { AttendanceService } from "./attendance.service";

const idParams = z.object({ id: z.uuid("This is not a valid participant id.") });

/** Taking attendance at a track's session, and a participant's weekly hours. */
export const attendanceRoutes: FastifyPluginAsyncZod<{ attendance: AttendanceService }> = async (
  app,
  { attendance },
) => {
  app.get(
    "/tracks/:trackId/occurrences/:key/roster",
    {
      schema: {
        tags: ["attendance"],
        summary:
          "One session of a track (by its original key, e.g. 2026-11-26T18:00) and everyone enrolled that day, with their marks",
        params: occurrenceParamsSchema,
        response: { 200: rosterSchema, ...errorResponses(400, 401, 403, 404) },
      },
      // The service checks the track's site and audits the read once.
      config: { access: { kind: "permission", permission: "attendance.record" } },
    },
    async (request) => attendance.roster(actorOf(request), request.params, auditContextOf(request)),
  );

  app.put(
    "/tracks/:trackId/occurrences/:key/attendance",
    {
      schema: {
        tags: ["attendance"],
        summary:
          "Record the marks of one session, all or nothing; changing a saved mark needs a reason and is kept as an edit",
        params: occurrenceParamsSchema,
        body: attendanceSubmissionSchema,
        response: { 200: rosterSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: {
        access: { kind: "permission", permission: "attendance.record" },
        audit: { action: "attendance.record", resourceType: "attendance_mark" },
      },
    },
    async (request) =>
      attendance.recordAttendance(actorOf(request), request.params, request.body, auditContextOf(request)),
  );

  app.get(
    "/participants/:id/weekly-hours",
    {
      schema: {
        tags: ["attendance"],
        summary:
          "A participant's scheduled, attended and projected hours in an ISO week against the level-of-care minimum",
        params: idParams,
        querystring: weeklyHoursQuerySchema,
        response: { 200: weeklyHoursViewSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: {
        access: { kind: "participant", permission: "schedule.view" },
        audit: { action: "attendance.weekly_hours_view", resourceType: "attendance_week" },
      },
    },
    async (request) => attendance.weeklyHours(participantAccessOf(request).participantId, request.query),
  );
};
