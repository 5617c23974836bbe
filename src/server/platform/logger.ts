import type { FastifyServerOptions } from "fastify";

/**
 * Logging without participant data: requests are logged by method, route pattern and status;
 * query strings, bodies, cookies and auth headers are never logged; errors are logged by type,
 * code and stack (database error details, which can carry values, are dropped).
 */

interface RequestLike {
  id: string;
  method: string;
  url: string;
  routeOptions?: { url?: string };
}

interface ErrorLike {
  name?: string;
  code?: string;
  message?: string;
  stack?: string;
}

export const LOG_REDACT_PATHS = [
  "req.headers.cookie",
  "req.headers.authorization",
  'res.headers["set-cookie"]',
  "*.password",
  "*.passwordHash",
  "*.token",
  "*.email",
];

export function loggerOptions(level: string): FastifyServerOptions["logger"] {
  return {
    level,
    redact: { paths: LOG_REDACT_PATHS, censor: "[redacted]" },
    serializers: {
      req(request: RequestLike) {
        return {
          id: request.id,
          method: request.method,
          // Route pattern (":id"), never the query string, which may carry names or search terms.
          url: request.routeOptions?.url ?? request.url.split("?")[0],
        };
      },
      err(error: ErrorLike) {
        return {
          type: error.name ?? "Error",
          code: error.code,
          message: error.message ?? "",
          stack: error.stack ?? "",
        };
      },
    },
  };
}
