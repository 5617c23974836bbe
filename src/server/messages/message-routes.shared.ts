import type { FastifyRequest } from "fastify";

/**
 * Sends are limited per person (not per address: a clinic's staff often share one), generously for
 * a conversation and tightly enough to stop a runaway client or script.
 */
export const SEND_RATE_LIMIT = {
  max: 30,
  timeWindow: "1 minute",
  keyGenerator: (request: FastifyRequest) => request.actor?.user.id ?? request.ip,
};
