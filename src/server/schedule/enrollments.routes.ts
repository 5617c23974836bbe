import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  admitFromWaitlistSchema,
  enrollmentExitSchema,
  enrollmentIdParamsSchema,
  enrollmentMoveResultSchema,
  enrollmentMoveSchema,
  enrollmentPlacementSchema,
  enrollmentSchema,
  participantEnrollmentsSchema,
  placedEnrollmentSchema,
  trackEnrollmentsQuerySchema,
  trackEnrollmentsSchema,
} from "../../core/schedule/enrollment.schema";
import { trackIdParamsSchema } from "../../core/schedule/tracks.schema";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf, participantAccessOf, type RouteAccess } from "../platform/route-access";
import type { EnrollmentsService } from "./enrollments.service";

const participantParams = z.object({ id: z.uuid("This is not a valid participant id.") });

/** Placing participants in tracks is schedule.manage on the participant (site or care team). */
const MANAGE_PARTICIPANT: RouteAccess = { kind: "participant", permission: "schedule.manage" };
/** Reached by the enrollment's id: the service asks the policy about its participant. */
const MANAGE: RouteAccess = { kind: "permission", permission: "schedule.manage" };

/** Enrollment in tracks: who is in a track and who waits, a participant's history, and the changes. */
export const enrollmentsRoutes: FastifyPluginAsyncZod<{ enrollments: EnrollmentsService }> = async (
  app,
  { enrollments },
) => {
  app.get(
    "/tracks/:id/enrollments",
    {
      schema: {
        tags: ["schedule"],
        summary:
          "Who has a place in a track (with join dates) and its waitlist in order, with places taken against the capacity",
        params: trackIdParamsSchema,
        querystring: trackEnrollmentsQuerySchema,
        response: { 200: trackEnrollmentsSchema, ...errorResponses(400, 401, 403, 404) },
      },
      // The service checks schedule.view at the track's site and audits the read once.
      config: { access: { kind: "permission", permission: "schedule.view" } },
    },
    async (request) =>
      enrollments.trackEnrollments(
        actorOf(request),
        request.params.id,
        request.query.on,
        auditContextOf(request),
      ),
  );

  app.get(
    "/participants/:id/enrollments",
    {
      schema: {
        tags: ["schedule"],
        summary: "A participant's places in tracks across episodes: joins, moves, exits and waitlists",
        params: participantParams,
        response: { 200: participantEnrollmentsSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: {
        access: { kind: "participant", permission: "schedule.view" },
        audit: { action: "schedule.enrollments_view", resourceType: "track_enrollment" },
      },
    },
    async (request) => enrollments.participantEnrollments(participantAccessOf(request).participantId),
  );

  app.post(
    "/participants/:id/enrollments",
    {
      schema: {
        tags: ["schedule"],
        summary:
          "Place the participant's current episode in a track from a date (TRACK_FULL when full, unless waitlistIfFull)",
        params: participantParams,
        body: enrollmentPlacementSchema,
        response: { 201: placedEnrollmentSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: {
        access: MANAGE_PARTICIPANT,
        audit: { action: "schedule.enrollment_place", resourceType: "track_enrollment" },
      },
    },
    async (request, reply) => {
      const placed = await enrollments.place(
        actorOf(request),
        participantAccessOf(request),
        request.body,
        auditContextOf(request),
      );
      return reply.status(201).send(placed);
    },
  );

  app.post(
    "/participants/:id/enrollments/move",
    {
      schema: {
        tags: ["schedule"],
        summary:
          "Move the participant to another track from a date: the old place ends that day, the history stays",
        params: participantParams,
        body: enrollmentMoveSchema,
        response: { 200: enrollmentMoveResultSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: {
        access: MANAGE_PARTICIPANT,
        audit: { action: "schedule.enrollment_move", resourceType: "track_enrollment" },
      },
    },
    async (request) =>
      enrollments.move(actorOf(request), participantAccessOf(request), request.body, auditContextOf(request)),
  );

  app.post(
    "/enrollments/:id/exit",
    {
      schema: {
        tags: ["schedule"],
        summary: "End a place in a track, or take someone off the waitlist, on a date and for a reason",
        params: enrollmentIdParamsSchema,
        body: enrollmentExitSchema,
        response: { 200: enrollmentSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: {
        access: MANAGE,
        audit: { action: "schedule.enrollment_exit", resourceType: "track_enrollment" },
      },
    },
    async (request) =>
      enrollments.exit(actorOf(request), request.params.id, request.body, auditContextOf(request)),
  );

  app.post(
    "/enrollments/:id/admit-from-waitlist",
    {
      schema: {
        tags: ["schedule"],
        summary:
          "Give a waitlisted participant a place from a date, when the track has room (else TRACK_FULL)",
        params: enrollmentIdParamsSchema,
        body: admitFromWaitlistSchema,
        response: { 200: placedEnrollmentSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: {
        access: MANAGE,
        audit: { action: "schedule.enrollment_admit_from_waitlist", resourceType: "track_enrollment" },
      },
    },
    async (request) =>
      enrollments.admitFromWaitlist(
        actorOf(request),
        request.params.id,
        request.body,
        auditContextOf(request),
      ),
  );
};
