import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  acknowledgementInputSchema,
  currentNoticeSchema,
  noticeSettingsSchema,
  noticeStatusSchema,
  paperDeliveryInputSchema,
} from "../../core/privacy/notice.schema";
import {
  myRestrictionTerminationInputSchema,
  restrictionDecisionInputSchema,
  restrictionListSchema,
  restrictionRequestInputSchema,
  restrictionSchema,
  restrictionTerminationInputSchema,
} from "../../core/privacy/restriction.schema";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf, participantAccessOf } from "../platform/route-access";
import type { PatientNoticeService } from "./patient-notice.service";
import type { RestrictionsService } from "./restrictions.service";

const participantParams = z.object({ id: z.uuid("This is not a valid participant id.") });
const restrictionParams = z.object({
  id: z.uuid("This is not a valid participant id."),
  restrictionId: z.uuid("This is not a valid restriction id."),
});
const myRestrictionParams = z.object({ id: z.uuid("This is not a valid restriction id.") });

/**
 * Participant rights under 42 CFR Part 2: §2.26 restrictions (the participant asks, the care team
 * answers, the disclosure check applies them) and the §2.22 Patient Notice (settings, delivery,
 * acknowledgement).
 */
export const privacyRoutes: FastifyPluginAsyncZod<{
  restrictions: RestrictionsService;
  patientNotice: PatientNoticeService;
}> = async (app, { restrictions, patientNotice }) => {
  app.get(
    "/me/restrictions",
    {
      schema: {
        tags: ["privacy"],
        summary: "The signed-in participant's requests not to share, and where each stands",
        response: { 200: restrictionListSchema, ...errorResponses(401, 403) },
      },
      // Audited by the service (purpose self).
      config: { access: { kind: "signed-in" } },
    },
    async (request) => restrictions.mine(actorOf(request), auditContextOf(request)),
  );

  app.post(
    "/me/restrictions",
    {
      schema: {
        tags: ["privacy"],
        summary:
          "The participant asks the program not to share some information (42 CFR 2.26); a self-paid health-plan restriction is agreed at once",
        body: restrictionRequestInputSchema,
        response: { 201: restrictionSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: { kind: "signed-in" } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await restrictions.requestMine(actorOf(request), request.body, auditContextOf(request))),
  );

  app.post(
    "/me/restrictions/:id/termination",
    {
      schema: {
        tags: ["privacy"],
        summary: "The participant ends one of their agreed restrictions, in writing",
        params: myRestrictionParams,
        body: myRestrictionTerminationInputSchema,
        response: { 200: restrictionSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: { kind: "signed-in" } },
    },
    async (request) =>
      restrictions.endMine(actorOf(request), request.params.id, request.body, auditContextOf(request)),
  );

  app.get(
    "/participants/:id/restrictions",
    {
      schema: {
        tags: ["privacy"],
        summary: "A participant's §2.26 restrictions, for the chart's Consents tab",
        params: participantParams,
        response: { 200: restrictionListSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: {
        access: { kind: "participant", permission: "participants.view" },
        audit: { action: "restriction.list", resourceType: "consent_restriction" },
      },
    },
    async (request) => restrictions.listForParticipant(participantAccessOf(request)),
  );

  app.post(
    "/participants/:id/restrictions",
    {
      schema: {
        tags: ["privacy"],
        summary: "Staff record a restriction the participant asked for in person or on paper",
        params: participantParams,
        body: restrictionRequestInputSchema,
        response: { 201: restrictionSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: { kind: "participant", permission: "consents.manage" } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await restrictions.recordRequest(
            actorOf(request),
            participantAccessOf(request),
            request.body,
            auditContextOf(request),
          ),
        ),
  );

  app.post(
    "/participants/:id/restrictions/:restrictionId/decision",
    {
      schema: {
        tags: ["privacy"],
        summary: "Agree to or refuse a restriction request, once (its alert is resolved)",
        params: restrictionParams,
        body: restrictionDecisionInputSchema,
        response: { 200: restrictionSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: { kind: "participant", permission: "consents.manage" } },
    },
    async (request) =>
      restrictions.decide(
        actorOf(request),
        participantAccessOf(request),
        request.params.restrictionId,
        request.body,
        auditContextOf(request),
      ),
  );

  app.post(
    "/participants/:id/restrictions/:restrictionId/termination",
    {
      schema: {
        tags: ["privacy"],
        summary:
          "Record how an agreed restriction ends: the participant's written or documented oral agreement, or the program's notice (never for the self-paid one)",
        params: restrictionParams,
        body: restrictionTerminationInputSchema,
        response: { 200: restrictionSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: { kind: "participant", permission: "consents.manage" } },
    },
    async (request) =>
      restrictions.terminate(
        actorOf(request),
        participantAccessOf(request),
        request.params.restrictionId,
        request.body,
        auditContextOf(request),
      ),
  );

  app.get(
    "/patient-notice",
    {
      schema: {
        tags: ["privacy"],
        summary:
          "The Patient Notice in force: its version and the settings that fill in its text (public, 42 CFR 2.22(c))",
        response: { 200: currentNoticeSchema },
      },
      config: { access: { kind: "public" } },
    },
    async () => patientNotice.current(),
  );

  app.put(
    "/patient-notice",
    {
      schema: {
        tags: ["privacy"],
        summary:
          "Change the Patient Notice settings (header, contact, effective date); every problem is named by its field",
        body: noticeSettingsSchema,
        response: { 200: currentNoticeSchema, ...errorResponses(400, 401, 403) },
      },
      config: { access: { kind: "permission", permission: "settings.manage" } },
    },
    async (request) => patientNotice.updateSettings(request.body, auditContextOf(request)),
  );

  app.get(
    "/me/patient-notice",
    {
      schema: {
        tags: ["privacy"],
        summary:
          "The signed-in participant's Patient Notice deliveries and whether the current one is acknowledged",
        response: { 200: noticeStatusSchema, ...errorResponses(401, 403) },
      },
      // Audited by the service (purpose self).
      config: { access: { kind: "signed-in" } },
    },
    async (request) => patientNotice.mine(actorOf(request), auditContextOf(request)),
  );

  app.post(
    "/me/patient-notice/acknowledgement",
    {
      schema: {
        tags: ["privacy"],
        summary: "The participant acknowledges (electronically) that they have read the current notice",
        body: acknowledgementInputSchema,
        response: { 200: noticeStatusSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: { kind: "signed-in" } },
    },
    async (request) => patientNotice.acknowledgeMine(actorOf(request), request.body, auditContextOf(request)),
  );

  app.get(
    "/participants/:id/patient-notice",
    {
      schema: {
        tags: ["privacy"],
        summary:
          "Whether the participant was given the current Patient Notice, how, and whether they acknowledged it",
        params: participantParams,
        response: { 200: noticeStatusSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: {
        access: { kind: "participant", permission: "participants.view" },
        audit: { action: "patient_notice.read", resourceType: "patient_notice_delivery" },
      },
    },
    async (request) => patientNotice.statusFor(participantAccessOf(request)),
  );

  app.post(
    "/participants/:id/patient-notice/deliveries",
    {
      schema: {
        tags: ["privacy"],
        summary: "Record that the current notice was given on paper, signed for or with a refusal to sign",
        params: participantParams,
        body: paperDeliveryInputSchema,
        response: { 201: noticeStatusSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: { kind: "participant", permission: "consents.manage" } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await patientNotice.recordPaper(
            actorOf(request),
            participantAccessOf(request),
            request.body,
            auditContextOf(request),
          ),
        ),
  );
};
