import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  unavailabilityInputSchema,
  unavailabilityListSchema,
  unavailabilityParamsSchema,
  unavailabilitySchema,
} from "../../core/schedule/unavailability.schema";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf, participantAccessOf } from "../platform/route-access";
import type { UnavailabilityService } from "./unavailability.service";

const idParams = z.object({ id: z.uuid("This is not a valid participant id.") });

/**
 * A participant's declared unavailability. The guard lets through whoever may see the participant's
 * schedule (staff, the participant, consenting family); the service lets only staff who manage the
 * schedule, or the participant themselves, change it.
 */
export const unavailabilityRoutes: FastifyPluginAsyncZod<{ unavailability: UnavailabilityService }> = async (
  app,
  { unavailability },
) => {
  app.get(
    "/participants/:id/unavailability",
    {
      schema: {
        tags: ["schedule"],
        summary:
          "When the participant cannot come (work, school, childcare…): weekly times in the site's zone",
        params: idParams,
        response: { 200: unavailabilityListSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: {
        access: { kind: "participant", permission: "schedule.view" },
        audit: { action: "schedule.unavailability_view", resourceType: "participant_unavailability" },
      },
    },
    async (request) => unavailability.list(participantAccessOf(request).participantId),
  );

  app.post(
    "/participants/:id/unavailability",
    {
      schema: {
        tags: ["schedule"],
        summary:
          "Declare a weekly time the participant cannot come (by staff who manage the schedule, or themselves)",
        params: idParams,
        body: unavailabilityInputSchema,
        response: { 201: unavailabilitySchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: {
        access: { kind: "participant", permission: "schedule.view" },
        audit: { action: "schedule.unavailability_add", resourceType: "participant_unavailability" },
      },
    },
    async (request, reply) => {
      const created = await unavailability.add(
        actorOf(request),
        participantAccessOf(request),
        request.body,
        auditContextOf(request),
      );
      return reply.status(201).send(created);
    },
  );

  app.delete(
    "/participants/:id/unavailability/:unavailabilityId",
    {
      schema: {
        tags: ["schedule"],
        summary: "Remove a declared time",
        params: unavailabilityParamsSchema,
        response: { 204: z.null().describe("Removed"), ...errorResponses(400, 401, 403, 404) },
      },
      config: {
        access: { kind: "participant", permission: "schedule.view" },
        audit: { action: "schedule.unavailability_remove", resourceType: "participant_unavailability" },
      },
    },
    async (request, reply) => {
      await unavailability.remove(
        actorOf(request),
        participantAccessOf(request),
        request.params.unavailabilityId,
        auditContextOf(request),
      );
      return reply.status(204).send(null);
    },
  );
};
