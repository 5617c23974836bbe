import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { consentDraftInputSchema } from "../../core/consents/consent.schema";
import {
  consentDetailSchema,
  consentListSchema,
  consentUpdateInputSchema,
  holdInputSchema,
  materiallyFalseInputSchema,
  revocationInputSchema,
  staffSignatureInputSchema,
} from "../../core/consents/consent-api.schema";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf, participantAccessOf, type RouteAccess } from "../platform/route-access";
import type { ConsentRevocationsService } from "./consent-revocations.service";
import type { ConsentSigningService } from "./consent-signing.service";
import type { ConsentsService } from "./consents.service";

const participantParams = z.object({ id: z.uuid("This is not a valid participant id.") });
const consentParams = z.object({ id: z.uuid("This is not a valid consent id.") });

/** Routes under /consents/:id carry no participant id: the service authorizes on the consent's participant. */
const READ: RouteAccess = { kind: "signed-in", staffPermission: "participants.view" };
const MANAGE: RouteAccess = { kind: "signed-in", staffPermission: "consents.manage" };
const writeErrors = errorResponses(400, 401, 403, 404, 409);

/** 42 CFR Part 2 consents on the chart: list, draft, sign, revoke in writing, hold, mark materially false. */
export const consentsRoutes: FastifyPluginAsyncZod<{
  consents: ConsentsService;
  consentSigning: ConsentSigningService;
  consentRevocations: ConsentRevocationsService;
}> = async (app, { consents, consentSigning, consentRevocations }) => {
  app.get(
    "/participants/:id/consents",
    {
      schema: {
        tags: ["consents"],
        summary:
          "A participant's consents, newest first, each with its state now and what a draft still lacks",
        params: participantParams,
        response: { 200: consentListSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: {
        access: { kind: "participant", permission: "participants.view" },
        audit: { action: "consent.list", resourceType: "consent" },
      },
    },
    async (request) => consents.listForParticipant(participantAccessOf(request)),
  );

  app.post(
    "/participants/:id/consents",
    {
      schema: {
        tags: ["consents"],
        summary: "Draft a consent (who must sign is fixed now from the site's minor-consent rule)",
        params: participantParams,
        body: consentDraftInputSchema,
        response: { 201: consentDetailSchema, ...writeErrors },
      },
      config: { access: { kind: "participant", permission: "consents.manage" } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await consents.createDraft(
            actorOf(request),
            participantAccessOf(request),
            request.body,
            auditContextOf(request),
          ),
        ),
  );

  app.get(
    "/consents/:id",
    {
      schema: {
        tags: ["consents"],
        summary:
          "One consent with its text (as signed, or as a draft would read) and its written revocations",
        params: consentParams,
        response: { 200: consentDetailSchema, ...errorResponses(400, 401, 403, 404) },
      },
      // The service authorizes on the consent's participant and audits the read.
      config: { access: READ },
    },
    async (request) => consents.getConsent(actorOf(request), request.params.id, auditContextOf(request)),
  );

  app.put(
    "/consents/:id",
    {
      schema: {
        tags: ["consents"],
        summary: "Replace a draft (optimistic version: a stale one is refused with CONSENT_VERSION_CONFLICT)",
        params: consentParams,
        body: consentUpdateInputSchema,
        response: { 200: consentDetailSchema, ...writeErrors },
      },
      config: { access: MANAGE },
    },
    async (request) =>
      consents.updateDraft(actorOf(request), request.params.id, request.body, auditContextOf(request)),
  );

  app.post(
    "/consents/:id/void",
    {
      schema: {
        tags: ["consents"],
        summary: "Discard a draft",
        params: consentParams,
        response: { 200: consentDetailSchema, ...writeErrors },
      },
      config: { access: MANAGE },
    },
    async (request) => consents.voidDraft(actorOf(request), request.params.id, auditContextOf(request)),
  );

  app.post(
    "/consents/:id/signatures",
    {
      schema: {
        tags: ["consents"],
        summary:
          "Record a signature given on paper (the participant's, or a parent's or guardian's where required); refused with each missing element named; the consent is signed once every required signer has",
        params: consentParams,
        body: staffSignatureInputSchema,
        response: { 200: consentDetailSchema, ...writeErrors },
      },
      config: { access: MANAGE },
    },
    async (request) =>
      consentSigning.recordPaperSignature(
        actorOf(request),
        request.params.id,
        request.body,
        auditContextOf(request),
      ),
  );

  app.post(
    "/consents/:id/revocations",
    {
      schema: {
        tags: ["consents"],
        summary: "Record the participant's written revocation of the whole consent or of one recipient",
        params: consentParams,
        body: revocationInputSchema,
        response: { 200: consentDetailSchema, ...writeErrors },
      },
      config: { access: MANAGE },
    },
    async (request) =>
      consentRevocations.recordRevocation(
        actorOf(request),
        request.params.id,
        request.body,
        auditContextOf(request),
      ),
  );

  app.post(
    "/consents/:id/hold",
    {
      schema: {
        tags: ["consents"],
        summary:
          "An oral revocation: disclosures under this consent stop until a written revocation or a release",
        params: consentParams,
        body: holdInputSchema,
        response: { 200: consentDetailSchema, ...writeErrors },
      },
      config: { access: MANAGE },
    },
    async (request) =>
      consentRevocations.setHold(actorOf(request), request.params.id, request.body, auditContextOf(request)),
  );

  app.post(
    "/consents/:id/hold/release",
    {
      schema: {
        tags: ["consents"],
        summary: "Release an oral-revocation hold (the participant confirmed they want the consent kept)",
        params: consentParams,
        response: { 200: consentDetailSchema, ...writeErrors },
      },
      config: { access: MANAGE },
    },
    async (request) =>
      consentRevocations.setHold(actorOf(request), request.params.id, null, auditContextOf(request)),
  );

  app.post(
    "/consents/:id/materially-false",
    {
      schema: {
        tags: ["consents"],
        summary: "Mark a consent known to be materially false (42 CFR 2.31(c)(4)); it is never used again",
        params: consentParams,
        body: materiallyFalseInputSchema,
        response: { 200: consentDetailSchema, ...writeErrors },
      },
      config: { access: MANAGE },
    },
    async (request) =>
      consentRevocations.markMateriallyFalse(
        actorOf(request),
        request.params.id,
        request.body,
        auditContextOf(request),
      ),
  );
};
