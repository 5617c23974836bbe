import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  absenceDecisionInputSchema,
  absenceRequestInputSchema,
  absenceRequestListSchema,
  absenceRequestSchema,
} from "../../core/absence-requests/absence-requests.schema";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf, participantAccessOf } from "../platform/route-access";
import type { AbsenceRequestsService } from "./absence-requests.service";

const requestParams = z.object({ id: z.uuid("This is not a valid absence request id.") });
const participantParams = z.object({ id: z.uuid("This is not a valid participant id.") });

/**
 * Absence requests: the participant asks in advance to be excused from one of their sessions (own
 * record only, from the session), the care team reads them on the chart and decides.
 */
export const absenceRequestsRoutes: FastifyPluginAsyncZod<{
  absenceRequests: AbsenceRequestsService;
}> = async (app, { absenceRequests }) => {
  app.get(
    "/me/absence-requests",
    {
      schema: {
        tags: ["participant-app"],
        summary: "A signed-in participant's requests to be excused, the latest sessions first",
        response: { 200: absenceRequestListSchema, ...errorResponses(401, 403) },
      },
      // Audited by the service (purpose self).
      config: { access: { kind: "signed-in" } },
    },
    async (request) => absenceRequests.myRequests(actorOf(request), auditContextOf(request)),
  );

  app.post(
    "/me/absence-requests",
    {
      schema: {
        tags: ["participant-app"],
        summary:
          "The participant asks to be excused from one of their upcoming sessions (an info alert goes to their primary counselor)",
        body: absenceRequestInputSchema,
        response: { 201: absenceRequestSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: { kind: "signed-in" } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await absenceRequests.request(actorOf(request), request.body, auditContextOf(request))),
  );

  app.post(
    "/me/absence-requests/:id/withdraw",
    {
      schema: {
        tags: ["participant-app"],
        summary: "The participant withdraws a pending or approved request (they can come after all)",
        params: requestParams,
        response: { 200: absenceRequestSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: { kind: "signed-in" } },
    },
    async (request) => absenceRequests.withdraw(actorOf(request), request.params.id, auditContextOf(request)),
  );

  app.get(
    "/participants/:id/absence-requests",
    {
      schema: {
        tags: ["participant-app"],
        summary: "A participant's requests to be excused, for the chart's Schedule tab",
        params: participantParams,
        response: { 200: absenceRequestListSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: {
        access: { kind: "participant", permission: "schedule.view" },
        audit: { action: "absence_request.list", resourceType: "absence_request" },
      },
    },
    async (request) => absenceRequests.listForParticipant(participantAccessOf(request)),
  );

  app.post(
    "/absence-requests/:id/decision",
    {
      schema: {
        tags: ["participant-app"],
        summary: "The care team approves or declines a pending request (its alert is resolved)",
        params: requestParams,
        body: absenceDecisionInputSchema,
        response: { 200: absenceRequestSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      // The service authorizes on the request's participant (clinical.write) and audits a refusal.
      config: { access: { kind: "signed-in", staffPermission: "clinical.write" } },
    },
    async (request) =>
      absenceRequests.decide(actorOf(request), request.params.id, request.body, auditContextOf(request)),
  );
};
