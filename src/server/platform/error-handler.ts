import type { FastifyError, FastifyInstance, FastifyReply } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import {
  DomainError,
  ERROR_CATALOG,
  type ErrorCode,
  type ErrorKind,
  type FieldError,
} from "../../core/platform/errors";

/** The one place that turns errors into HTTP: `{ error: { code, message, fields? } }`. */

export const STATUS_BY_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export function sendError(
  reply: FastifyReply,
  code: ErrorCode,
  message?: string,
  fields?: FieldError[],
  details?: Record<string, unknown>,
) {
  const status = STATUS_BY_KIND[ERROR_CATALOG[code].kind];
  return reply.status(status).send({
    error: {
      code,
      message: message ?? ERROR_CATALOG[code].message,
      ...(fields?.length ? { fields } : {}),
      // Details are set only where the route's error schema names the keys that may leave (an
      // admission's possible duplicates, a booking's schedule conflicts).
      ...details,
    },
  });
}

function pathOf(instancePath: string): string {
  return instancePath.replace(/^\//, "").replaceAll("/", ".");
}

/** Fastify's own client errors (bad JSON, wrong content type, body too large) keep their status. */
const FASTIFY_CLIENT_ERRORS: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: "BAD_REQUEST", message: "The request body is not valid JSON." },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: "BAD_REQUEST",
    message: "The request body is empty but JSON was declared.",
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: "BAD_REQUEST",
    message: "Send the request body as application/json.",
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: "PAYLOAD_TOO_LARGE", message: ERROR_CATALOG.PAYLOAD_TOO_LARGE.message },
};

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) {
      return sendError(reply, error.code, error.message, error.fields, error.details);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext === "body" ? "" : `${error.validationContext ?? "request"}.`;
      const fields = error.validation.map((v) => ({
        path: `${where}${pathOf(v.instancePath)}`.replace(/\.$/, "") || "body",
        message: v.message ?? "Invalid value.",
      }));
      return sendError(reply, "VALIDATION_FAILED", undefined, fields);
    }
    if (isResponseSerializationError(error)) {
      request.log.error({
        err: { message: "response did not match its schema", route: request.routeOptions.url },
      });
      return sendError(reply, "INTERNAL");
    }
    const known = error.code ? FASTIFY_CLIENT_ERRORS[error.code] : undefined;
    if (known) {
      const status = error.statusCode ?? 400;
      return reply.status(status).send({ error: { code: known.code, message: known.message } });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send({ error: { code: "BAD_REQUEST", message: error.message } });
    }
    request.log.error({ err: error }, "unhandled error");
    return sendError(reply, "INTERNAL");
  });
}
