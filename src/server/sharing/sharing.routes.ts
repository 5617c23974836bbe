import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { localeSchema } from "../../core/identity/identity.schema";
import {
  blockedPersonSchema,
  blockInputSchema,
  guardianSignatureInputSchema,
  myShareInputSchema,
  mySharingSchema,
  participantFamilySchema,
  sharedPersonSchema,
  sharedUpdateInputSchema,
  sharedUpdateSchema,
  shareResultSchema,
  staffShareInputSchema,
  stopSharingInputSchema,
} from "../../core/sharing/sharing.schema";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf, participantAccessOf } from "../platform/route-access";
import type { DisclosureBlocksService } from "./disclosure-blocks.service";
import type { SharedUpdatesService } from "./shared-updates.service";
import type { SharingService } from "./sharing.service";

const participantParams = z.object({ id: z.uuid("This is not a valid participant id.") });
const recipientParams = z.object({ recipientId: z.uuid("This is not a valid person id.") });
const blockParams = z.object({ blockId: z.uuid("This is not a valid entry id.") });
const updateParams = z.object({ updateId: z.uuid("This is not a valid update id.") });
const noContent = { 204: z.null().describe("Done") };
const manage = { kind: "participant", permission: "consents.manage" } as const;

/**
 * Sharing with family and support people: the participant's own page (/me/sharing) and the chart's
 * Family tab. A family account is linked only after a signed named-recipient consent for that person.
 */
export const sharingRoutes: FastifyPluginAsyncZod<{
  sharing: SharingService;
  disclosureBlocks: DisclosureBlocksService;
  sharedUpdates: SharedUpdatesService;
}> = async (app, { sharing, disclosureBlocks, sharedUpdates }) => {
  app.get(
    "/me/sharing",
    {
      schema: {
        tags: ["participant-app"],
        summary:
          "The people the signed-in participant shares with, their do-not-disclose list and their shared updates",
        response: { 200: mySharingSchema, ...errorResponses(401, 403) },
      },
      // Audited by the service (purpose self).
      config: { access: { kind: "signed-in" } },
    },
    async (request) => sharing.mySharing(actorOf(request), auditContextOf(request)),
  );

  app.post(
    "/me/sharing/people",
    {
      schema: {
        tags: ["participant-app"],
        summary:
          "Share with someone: a named-recipient consent signed by typing one's name, then the invitation (a safety concern stops it and tells the care team)",
        body: myShareInputSchema,
        response: { 201: shareResultSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: { kind: "signed-in" }, rateLimit: { max: 20, timeWindow: "1 minute" } },
    },
    async (request, reply) =>
      reply.status(201).send(await sharing.myShare(actorOf(request), request.body, auditContextOf(request))),
  );

  app.post(
    "/me/sharing/people/:recipientId/revocation",
    {
      schema: {
        tags: ["participant-app"],
        summary: "Stop sharing with one person: a written revocation, effective on their next request",
        params: recipientParams,
        body: stopSharingInputSchema,
        response: { 200: sharedPersonSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: { kind: "signed-in" } },
    },
    async (request) =>
      sharing.stopSharing(
        actorOf(request),
        request.params.recipientId,
        request.body,
        auditContextOf(request),
      ),
  );

  app.post(
    "/me/sharing/blocks",
    {
      schema: {
        tags: ["participant-app"],
        summary: "Add someone to my do-not-disclose list (never share with or contact them)",
        body: blockInputSchema,
        response: { 201: blockedPersonSchema, ...errorResponses(400, 401, 403) },
      },
      config: { access: { kind: "signed-in" } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await disclosureBlocks.myAddBlock(actorOf(request), request.body, auditContextOf(request))),
  );

  app.delete(
    "/me/sharing/blocks/:blockId",
    {
      schema: {
        tags: ["participant-app"],
        summary: "Take someone off my do-not-disclose list",
        params: blockParams,
        response: { ...noContent, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: { kind: "signed-in" } },
    },
    async (request, reply) => {
      await disclosureBlocks.myRemoveBlock(actorOf(request), request.params.blockId, auditContextOf(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/me/sharing/updates",
    {
      schema: {
        tags: ["participant-app"],
        summary: "Write a short update for the people who may see the progress I choose to share",
        body: sharedUpdateInputSchema,
        response: { 201: sharedUpdateSchema, ...errorResponses(400, 401, 403) },
      },
      config: { access: { kind: "signed-in" } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await sharedUpdates.addUpdate(actorOf(request), request.body.body, auditContextOf(request))),
  );

  app.delete(
    "/me/sharing/updates/:updateId",
    {
      schema: {
        tags: ["participant-app"],
        summary: "Delete one of my shared updates (it can be restored)",
        params: updateParams,
        response: { ...noContent, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: { kind: "signed-in" } },
    },
    async (request, reply) => {
      await sharedUpdates.setUpdateRemoved(
        actorOf(request),
        request.params.updateId,
        true,
        auditContextOf(request),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/me/sharing/updates/:updateId/restore",
    {
      schema: {
        tags: ["participant-app"],
        summary: "Undo deleting one of my shared updates",
        params: updateParams,
        response: { ...noContent, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: { kind: "signed-in" } },
    },
    async (request, reply) => {
      await sharedUpdates.setUpdateRemoved(
        actorOf(request),
        request.params.updateId,
        false,
        auditContextOf(request),
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/participants/:id/family",
    {
      schema: {
        tags: ["consents"],
        summary:
          "The chart's Family tab: the people the participant shares with (consent, scopes, invitation, safety screen) and the do-not-disclose list",
        params: participantParams,
        response: { 200: participantFamilySchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: {
        access: { kind: "participant", permission: "participants.view" },
        audit: { action: "sharing.read", resourceType: "consent" },
      },
    },
    async (request) => sharing.participantFamily(participantAccessOf(request)),
  );

  app.post(
    "/participants/:id/family/people",
    {
      schema: {
        tags: ["consents"],
        summary:
          "Share at the participant's request: their paper signature on file, the safety question asked of them, then the invitation",
        params: participantParams,
        body: staffShareInputSchema,
        response: { 201: shareResultSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: manage },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await sharing.staffShare(
            actorOf(request),
            participantAccessOf(request),
            request.body,
            auditContextOf(request),
          ),
        ),
  );

  app.post(
    "/participants/:id/family/people/:recipientId/guardian-signature",
    {
      schema: {
        tags: ["consents"],
        summary:
          "Record a parent's or guardian's paper signature on a family consent (42 CFR 2.14); once complete the person is invited",
        params: participantParams.extend(recipientParams.shape),
        body: guardianSignatureInputSchema.extend({ locale: localeSchema.default("en") }),
        response: { 200: shareResultSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: manage },
    },
    async (request) =>
      sharing.recordGuardianSignature(
        actorOf(request),
        participantAccessOf(request),
        request.params.recipientId,
        request.body,
        auditContextOf(request),
      ),
  );

  app.post(
    "/participants/:id/family/people/:recipientId/invitation",
    {
      schema: {
        tags: ["consents"],
        summary:
          "Send (or send again) the invitation of a person named in a signed, safe family consent (the old link stops working)",
        params: participantParams.extend(recipientParams.shape),
        body: z.object({ locale: localeSchema.default("en") }),
        response: { 200: shareResultSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: manage },
    },
    async (request) =>
      sharing.sendInvitation(
        actorOf(request),
        participantAccessOf(request),
        request.params.recipientId,
        request.body,
        auditContextOf(request),
      ),
  );

  app.post(
    "/participants/:id/family/blocks",
    {
      schema: {
        tags: ["consents"],
        summary: "Add someone to the participant's do-not-disclose list",
        params: participantParams,
        body: blockInputSchema,
        response: { 201: blockedPersonSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: manage },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await disclosureBlocks.staffAddBlock(
            actorOf(request),
            participantAccessOf(request),
            request.body,
            auditContextOf(request),
          ),
        ),
  );

  app.delete(
    "/participants/:id/family/blocks/:blockId",
    {
      schema: {
        tags: ["consents"],
        summary: "Take someone off the participant's do-not-disclose list",
        params: participantParams.extend(blockParams.shape),
        response: { ...noContent, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: manage },
    },
    async (request, reply) => {
      await disclosureBlocks.staffRemoveBlock(
        actorOf(request),
        participantAccessOf(request),
        request.params.blockId,
        auditContextOf(request),
      );
      return reply.status(204).send(null);
    },
  );
};
