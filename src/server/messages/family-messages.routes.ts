import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  familyNewThreadSchema,
  familyThreadDetailSchema,
  familyThreadListSchema,
} from "../../core/messages/family-messages.schema";
import {
  readMarkResultSchema,
  readMarkSchema,
  sendMessageSchema,
  sentMessageSchema,
  threadPageQuerySchema,
  threadParamsSchema,
  unreadCountSchema,
} from "../../core/messages/messages.schema";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf } from "../platform/route-access";
import type { FamilyMessagesService } from "./family-messages.service";
import { SEND_RATE_LIMIT } from "./message-routes.shared";

/**
 * A family member's messages with the care team about the people they support. The family member
 * comes from the session; the service checks the consent on every request (403 FAMILY_ACCESS_ENDED
 * once it no longer allows messages), logs each read as a disclosure, and answers "not found" for a
 * conversation that is not theirs.
 */
export const familyMessagesRoutes: FastifyPluginAsyncZod<{ familyMessages: FamilyMessagesService }> = async (
  app,
  { familyMessages },
) => {
  // Audited by the service: each read is a disclosure (or a denied attempt).
  const family = { access: { kind: "signed-in" } } as const;

  app.get(
    "/family/messages",
    {
      schema: {
        tags: ["family-messages"],
        summary:
          "My conversations with the care team, grouped by the person they are about (only people whose consent allows messages now), newest activity first, each group with the 2.32 statement",
        response: { 200: familyThreadListSchema, ...errorResponses(401, 403) },
      },
      config: family,
    },
    async (request) => familyMessages.list(actorOf(request), auditContextOf(request)),
  );

  app.post(
    "/family/messages",
    {
      schema: {
        tags: ["family-messages"],
        summary:
          "Start a conversation with the care team about a person I support: a subject and the first message (a retry with the same idempotency key sends nothing again)",
        body: familyNewThreadSchema,
        response: {
          200: sentMessageSchema,
          201: sentMessageSchema,
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
      config: { ...family, rateLimit: SEND_RATE_LIMIT },
    },
    async (request, reply) => {
      const sent = await familyMessages.start(actorOf(request), request.body, auditContextOf(request));
      return reply.code(sent.replayed ? 200 : 201).send(sent);
    },
  );

  app.get(
    "/family/messages/unread",
    {
      schema: {
        tags: ["family-messages"],
        summary: "How many messages from the care team I have not read yet",
        response: { 200: unreadCountSchema, ...errorResponses(401, 403) },
      },
      config: family,
    },
    async (request) => familyMessages.unread(actorOf(request)),
  );

  app.get(
    "/family/messages/:threadId",
    {
      schema: {
        tags: ["family-messages"],
        summary:
          "One of my conversations: its newest messages oldest to newest (before=<message id> for the previous page), with the 2.32 statement",
        params: threadParamsSchema,
        querystring: threadPageQuerySchema,
        response: { 200: familyThreadDetailSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: family,
    },
    async (request) =>
      familyMessages.thread(
        actorOf(request),
        request.params.threadId,
        request.query,
        auditContextOf(request),
      ),
  );

  app.post(
    "/family/messages/:threadId/messages",
    {
      schema: {
        tags: ["family-messages"],
        summary:
          "Write in one of my conversations (a retry with the same idempotency key sends nothing again)",
        params: threadParamsSchema,
        body: sendMessageSchema,
        response: {
          200: sentMessageSchema,
          201: sentMessageSchema,
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
      config: { ...family, rateLimit: SEND_RATE_LIMIT },
    },
    async (request, reply) => {
      const sent = await familyMessages.send(
        actorOf(request),
        request.params.threadId,
        request.body,
        auditContextOf(request),
      );
      return reply.code(sent.replayed ? 200 : 201).send(sent);
    },
  );

  app.post(
    "/family/messages/:threadId/read",
    {
      schema: {
        tags: ["family-messages"],
        summary: "Mark one of my conversations read up to the newest message I was shown",
        params: threadParamsSchema,
        body: readMarkSchema,
        response: { 200: readMarkResultSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: family,
    },
    async (request) =>
      familyMessages.markRead(
        actorOf(request),
        request.params.threadId,
        request.body,
        auditContextOf(request),
      ),
  );
};
