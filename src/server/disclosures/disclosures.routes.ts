import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { disclosureRefusalSchema } from "../../core/disclosures/disclosure.schema";
import {
  disclosureExceptionDecisionSchema,
  disclosureExceptionInputSchema,
  disclosureExceptionListSchema,
  disclosureExceptionSchema,
  disclosureLogPageSchema,
  disclosureLogQuerySchema,
} from "../../core/disclosures/disclosure-api.schema";
import { releaseInputSchema, releaseOptionListSchema } from "../../core/disclosures/release.schema";
import { errorBodySchema, errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf, participantAccessOf } from "../platform/route-access";
import type { DisclosureExceptionsService } from "./disclosure-exceptions.service";
import type { DisclosureLogService } from "./disclosure-log.service";
import type { ReleasesService } from "./releases.service";

const participantParams = z.object({ id: z.uuid("This is not a valid participant id.") });
const exceptionParams = z.object({ id: z.uuid("This is not a valid disclosure request id.") });

/** A refused release names the consent's problems (for staff; a recipient never sees this). */
const refusedBody = z.object({
  error: errorBodySchema.shape.error.extend({ problems: disclosureRefusalSchema.shape.problems.optional() }),
});

/**
 * Disclosures (42 CFR Part 2): the log (staff on the chart, the participant their own), record
 * releases under a signed consent (a PDF carrying the §2.32 notice and the consent), and disclosures
 * without consent with the clinical director's approval where the rule requires it.
 */
export const disclosuresRoutes: FastifyPluginAsyncZod<{
  disclosureLog: DisclosureLogService;
  releases: ReleasesService;
  disclosureExceptions: DisclosureExceptionsService;
}> = async (app, { disclosureLog, releases, disclosureExceptions }) => {
  app.get(
    "/participants/:id/disclosures",
    {
      schema: {
        tags: ["disclosures"],
        summary: "A participant's disclosure log, newest first, in pages (optionally one basis)",
        params: participantParams,
        querystring: disclosureLogQuerySchema,
        response: { 200: disclosureLogPageSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: {
        access: { kind: "participant", permission: "participants.view" },
        audit: { action: "disclosures.list", resourceType: "disclosure" },
      },
    },
    async (request) => disclosureLog.listForParticipant(participantAccessOf(request), request.query),
  );

  app.get(
    "/me/disclosures",
    {
      schema: {
        tags: ["participant-app"],
        summary: "Who has seen my information: the signed-in participant's disclosure log, newest first",
        querystring: disclosureLogQuerySchema,
        response: { 200: disclosureLogPageSchema, ...errorResponses(400, 401, 403) },
      },
      // Own record only; audited by the service (purpose self).
      config: { access: { kind: "signed-in" } },
    },
    async (request) => disclosureLog.listMine(actorOf(request), request.query, auditContextOf(request)),
  );

  app.get(
    "/participants/:id/releases/options",
    {
      schema: {
        tags: ["disclosures"],
        summary:
          "The signed consents a record release could go under now: recipients and the categories covered",
        params: participantParams,
        response: { 200: releaseOptionListSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: {
        access: { kind: "participant", permission: "consents.manage" },
        audit: { action: "consents.release_options", resourceType: "consent" },
      },
    },
    async (request) => releases.options(participantAccessOf(request)),
  );

  app.post(
    "/participants/:id/releases",
    {
      schema: {
        tags: ["disclosures"],
        summary:
          "Release the record to a consent's recipient as a PDF (the §2.32 notice, the scope, the record, the consent copy); logged as a disclosure",
        params: participantParams,
        body: releaseInputSchema,
        produces: ["application/pdf"],
        response: { ...errorResponses(400, 401, 404), 403: refusedBody },
      },
      config: { access: { kind: "participant", permission: "consents.manage" } },
    },
    async (request, reply) => {
      const released = await releases.release(
        actorOf(request),
        participantAccessOf(request),
        request.body,
        auditContextOf(request),
      );
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", `attachment; filename="${released.filename}"`)
        .header("cache-control", "no-store")
        .header("x-disclosure-id", released.disclosureId)
        .send(released.pdf as never);
    },
  );

  app.get(
    "/participants/:id/disclosure-exceptions",
    {
      schema: {
        tags: ["disclosures"],
        summary:
          "A participant's disclosures without consent (requests, decisions and releases), newest first",
        params: participantParams,
        response: { 200: disclosureExceptionListSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: {
        access: { kind: "participant", permission: "consents.manage" },
        audit: { action: "disclosure_exception.list", resourceType: "disclosure_exception" },
      },
    },
    async (request) => disclosureExceptions.list(participantAccessOf(request)),
  );

  app.post(
    "/participants/:id/disclosure-exceptions",
    {
      schema: {
        tags: ["disclosures"],
        summary:
          "File a disclosure without consent with its record; audits, QSO agreements and court orders wait for the clinical director, an emergency or a mandated report is logged at once",
        params: participantParams,
        body: disclosureExceptionInputSchema,
        response: { 201: disclosureExceptionSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: { kind: "participant", permission: "consents.manage" } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await disclosureExceptions.file(
            actorOf(request),
            participantAccessOf(request),
            request.body,
            auditContextOf(request),
          ),
        ),
  );

  app.post(
    "/disclosure-exceptions/:id/decision",
    {
      schema: {
        tags: ["disclosures"],
        summary:
          "The clinical director approves (the disclosure is released and logged) or refuses a disclosure without consent; never the requester",
        params: exceptionParams,
        body: disclosureExceptionDecisionSchema,
        response: { 200: disclosureExceptionSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      // The service authorizes disclosures.approve on the request's participant and audits a refusal.
      config: { access: { kind: "signed-in", staffPermission: "disclosures.approve" } },
    },
    async (request) =>
      disclosureExceptions.decide(actorOf(request), request.params.id, request.body, auditContextOf(request)),
  );
};
