import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { disclosureRefusalSchema } from "../../core/disclosures/disclosure.schema";
import {
  aftercareTaskSchema,
  HANDOFF_INELIGIBILITY,
  handoffOverviewSchema,
  handoffRecipientListSchema,
  recordOutcomeInputSchema,
  sendHandoffInputSchema,
} from "../../core/handoffs/handoff.schema";
import { errorBodySchema, errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf, participantAccessOf } from "../platform/route-access";
import type { HandoffsService } from "./handoffs.service";

const participantParams = z.object({ id: z.uuid("This is not a valid participant id.") });
const taskParams = participantParams.extend({ taskId: z.uuid("This is not a valid task id.") });

/** A refusal names the consent's problems or the handoff's reasons (staff only). */
const refusedBody = z.object({
  error: errorBodySchema.shape.error.extend({
    problems: disclosureRefusalSchema.shape.problems.optional(),
    reasons: z.array(z.enum(HANDOFF_INELIGIBILITY)).optional(),
  }),
});

/**
 * The warm handoff (issue 11): who may receive a referral packet, the packets sent and the
 * first-appointment tasks, sending a packet (a download of the PDF or the FHIR bundle, each a logged
 * disclosure under the consent), and recording whether the first appointment happened.
 */
export const handoffsRoutes: FastifyPluginAsyncZod<{ handoffs: HandoffsService }> = async (
  app,
  { handoffs },
) => {
  app.get(
    "/participants/:id/handoffs",
    {
      schema: {
        tags: ["handoffs"],
        summary: "Referral packets sent for a participant and their first-appointment tasks",
        params: participantParams,
        response: { 200: handoffOverviewSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: {
        access: { kind: "participant", permission: "consents.manage" },
        audit: { action: "handoffs.list", resourceType: "aftercare_handoff" },
      },
    },
    async (request) => handoffs.overview(participantAccessOf(request)),
  );

  app.get(
    "/participants/:id/handoffs/recipients",
    {
      schema: {
        tags: ["handoffs"],
        summary:
          "The recipients of the participant's signed consents: who may receive a referral packet now, with what, and why the others may not",
        params: participantParams,
        response: { 200: handoffRecipientListSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: {
        access: { kind: "participant", permission: "consents.manage" },
        audit: { action: "handoffs.recipients", resourceType: "consent" },
      },
    },
    async (request) => handoffs.recipients(participantAccessOf(request)),
  );

  app.post(
    "/participants/:id/handoffs",
    {
      schema: {
        tags: ["handoffs"],
        summary:
          "Send a referral packet to a consent's recipient: the PDF (referral_packet) or the FHIR R4 document bundle (fhir) as a download, with the §2.32 notice; logged as a disclosure",
        params: participantParams,
        body: sendHandoffInputSchema,
        produces: ["application/pdf", "application/fhir+json"],
        response: { ...errorResponses(400, 401, 404), 403: refusedBody },
      },
      config: { access: { kind: "participant", permission: "consents.manage" } },
    },
    async (request, reply) => {
      const sent = await handoffs.send(
        actorOf(request),
        participantAccessOf(request),
        request.body,
        auditContextOf(request),
      );
      return reply
        .header("content-type", sent.contentType)
        .header("content-disposition", `attachment; filename="${sent.filename}"`)
        .header("cache-control", "no-store")
        .header("x-disclosure-id", sent.disclosureId)
        .header("x-handoff-id", sent.handoffId)
        .send(sent.body as never);
    },
  );

  app.post(
    "/participants/:id/handoffs/tasks/:taskId/outcome",
    {
      schema: {
        tags: ["handoffs"],
        summary:
          "Record whether the first appointment after discharge happened (attended, missed, rescheduled, unknown): closes the task and resolves its alert",
        params: taskParams,
        body: recordOutcomeInputSchema,
        response: { 200: aftercareTaskSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: { kind: "participant", permission: "clinical.write" } },
    },
    async (request) =>
      handoffs.recordOutcome(
        actorOf(request),
        participantAccessOf(request),
        request.params.taskId,
        request.body,
        auditContextOf(request),
      ),
  );
};
