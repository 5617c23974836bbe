import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  dischargeConflictSchema,
  dischargeInputSchema,
  dischargeOverviewSchema,
  dischargeResultSchema,
} from "../../core/discharges/discharges.schema";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf, participantAccessOf } from "../platform/route-access";
import type { DischargesService } from "./discharges.service";

const participantParams = z.object({ id: z.uuid("This is not a valid participant id.") });

/** Discharge: the readiness view of the open episode with every episode, and recording a discharge. */
export const dischargesRoutes: FastifyPluginAsyncZod<{ discharges: DischargesService }> = async (
  app,
  { discharges },
) => {
  app.get(
    "/participants/:id/discharge-readiness",
    {
      schema: {
        tags: ["discharges"],
        summary:
          "Discharge readiness of the open episode (plan criteria, objectives, attendance, scores, risks, unsigned notes) and every episode with its discharge",
        params: participantParams,
        response: { 200: dischargeOverviewSchema, ...errorResponses(400, 401, 403, 404) },
      },
      // Audited by the service (a participant's attempt as denied: staff only).
      config: { access: { kind: "participant", permission: "clinical.view" } },
    },
    async (request) =>
      discharges.overview(actorOf(request), participantAccessOf(request), auditContextOf(request)),
  );

  app.post(
    "/participants/:id/discharge",
    {
      schema: {
        tags: ["discharges"],
        summary:
          "Discharge the participant: closes the open episode, ends the track place, cancels booked appointments and open questionnaires, schedules follow-ups (refused with the list of unsigned notes unless acknowledged)",
        params: participantParams,
        body: dischargeInputSchema,
        response: {
          201: dischargeResultSchema,
          409: dischargeConflictSchema,
          ...errorResponses(400, 401, 403, 404),
        },
      },
      config: { access: { kind: "participant", permission: "clinical.write" } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await discharges.discharge(
            actorOf(request),
            participantAccessOf(request),
            request.body,
            auditContextOf(request),
          ),
        ),
  );
};
