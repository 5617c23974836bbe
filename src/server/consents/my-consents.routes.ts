import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  consentDetailSchema,
  eSignatureInputSchema,
  revocationInputSchema,
} from "../../core/consents/consent-api.schema";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf } from "../platform/route-access";
import type { ConsentRevocationsService } from "./consent-revocations.service";
import type { ConsentSigningService } from "./consent-signing.service";
import type { ConsentsService } from "./consents.service";

const consentParams = z.object({ id: z.uuid("This is not a valid consent id.") });

/** The participant's own consents: read, e-sign one waiting for them, revoke in writing. */
export const myConsentsRoutes: FastifyPluginAsyncZod<{
  consents: ConsentsService;
  consentSigning: ConsentSigningService;
  consentRevocations: ConsentRevocationsService;
}> = async (app, { consents, consentSigning, consentRevocations }) => {
  app.get(
    "/me/consents",
    {
      schema: {
        tags: ["participant-app"],
        summary:
          "The signed-in participant's signed consents and those waiting for their signature, with their text",
        response: { 200: z.object({ consents: z.array(consentDetailSchema) }), ...errorResponses(401, 403) },
      },
      // Audited by the service (purpose self).
      config: { access: { kind: "signed-in" } },
    },
    async (request) => consents.myConsents(actorOf(request), auditContextOf(request)),
  );

  app.post(
    "/me/consents/:id/sign",
    {
      schema: {
        tags: ["participant-app"],
        summary: "The participant signs a consent by typing their full name as printed on it",
        params: consentParams,
        body: eSignatureInputSchema,
        response: { 200: consentDetailSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: { kind: "signed-in" } },
    },
    async (request) =>
      consentSigning.eSign(actorOf(request), request.params.id, request.body, auditContextOf(request)),
  );

  app.post(
    "/me/consents/:id/revocations",
    {
      schema: {
        tags: ["participant-app"],
        summary:
          "The participant revokes a consent in writing (whole, or one recipient); effective on the next request",
        params: consentParams,
        body: revocationInputSchema,
        response: { 200: consentDetailSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: { kind: "signed-in" } },
    },
    async (request) =>
      consentRevocations.myRevocation(
        actorOf(request),
        request.params.id,
        request.body,
        auditContextOf(request),
      ),
  );
};
