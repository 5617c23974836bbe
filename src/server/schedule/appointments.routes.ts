import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  appointmentAttendanceSchema,
  appointmentBookingSchema,
  appointmentCancelSchema,
  appointmentIdParamsSchema,
  appointmentListSchema,
  appointmentMoveSchema,
  appointmentSchema,
  scheduleConflictErrorSchema,
} from "../../core/schedule/appointment.schema";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf, type RouteAccess } from "../platform/route-access";
import type { AppointmentsService } from "./appointments.service";

/** The service decides on the appointment's participant (site, care team, self) with the same policy. */
const MANAGE: RouteAccess = { kind: "permission", permission: "schedule.manage" };

/** Individual and family sessions: book, read, move (drag to reschedule), cancel, attendance. */
export const appointmentsRoutes: FastifyPluginAsyncZod<{ appointments: AppointmentsService }> = async (
  app,
  { appointments },
) => {
  app.post(
    "/appointments",
    {
      schema: {
        tags: ["schedule"],
        summary:
          "Book an individual or family session, one-off or every 1–4 weeks; any clash with the staff member's, the room's or the participant's time books nothing (409 with each clash)",
        body: appointmentBookingSchema,
        response: {
          201: appointmentListSchema,
          409: scheduleConflictErrorSchema,
          ...errorResponses(400, 401, 403, 404),
        },
      },
      config: { access: MANAGE, audit: { action: "appointment.book", resourceType: "appointment" } },
    },
    async (request, reply) => {
      const booked = await appointments.book(actorOf(request), request.body, auditContextOf(request));
      return reply.status(201).send(booked);
    },
  );

  app.get(
    "/appointments/:id",
    {
      schema: {
        tags: ["schedule"],
        summary: "One individual or family session (the participant sees their own)",
        params: appointmentIdParamsSchema,
        response: { 200: appointmentSchema, ...errorResponses(400, 401, 403, 404) },
      },
      // The service decides on the appointment's participant and audits the read with it.
      config: { access: { kind: "signed-in", staffPermission: "schedule.view" } },
    },
    async (request) => appointments.get(actorOf(request), request.params.id, auditContextOf(request)),
  );

  app.put(
    "/appointments/:id/time",
    {
      schema: {
        tags: ["schedule"],
        summary:
          "Move one session to another date or time (drag to reschedule), checked for clashes but with itself",
        params: appointmentIdParamsSchema,
        body: appointmentMoveSchema,
        response: {
          200: appointmentSchema,
          409: scheduleConflictErrorSchema,
          ...errorResponses(400, 401, 403, 404),
        },
      },
      config: { access: MANAGE, audit: { action: "appointment.move", resourceType: "appointment" } },
    },
    async (request) =>
      appointments.move(actorOf(request), request.params.id, request.body, auditContextOf(request)),
  );

  app.post(
    "/appointments/:id/cancel",
    {
      schema: {
        tags: ["schedule"],
        summary: "Cancel one session, or it and the following sessions of its series, with a reason",
        params: appointmentIdParamsSchema,
        body: appointmentCancelSchema,
        response: { 200: appointmentListSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: MANAGE, audit: { action: "appointment.cancel", resourceType: "appointment" } },
    },
    async (request) =>
      appointments.cancel(actorOf(request), request.params.id, request.body, auditContextOf(request)),
  );

  app.put(
    "/appointments/:id/attendance",
    {
      schema: {
        tags: ["schedule"],
        summary:
          "Record attendance at one session (minutes within its length); changing it needs a reason and is audited",
        params: appointmentIdParamsSchema,
        body: appointmentAttendanceSchema,
        response: { 200: appointmentSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: {
        access: { kind: "permission", permission: "attendance.record" },
        audit: { action: "appointment.attendance_record", resourceType: "appointment" },
      },
    },
    async (request) =>
      appointments.recordAttendance(
        actorOf(request),
        request.params.id,
        request.body,
        auditContextOf(request),
      ),
  );
};
