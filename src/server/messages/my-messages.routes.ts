import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  myThreadsQuerySchema,
  newThreadSchema,
  readMarkResultSchema,
  readMarkSchema,
  sendMessageSchema,
  sentMessageSchema,
  threadDetailSchema,
  threadListSchema,
  threadPageQuerySchema,
  threadParamsSchema,
  unreadCountSchema,
} from "../../core/messages/messages.schema";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf } from "../platform/route-access";
import { SEND_RATE_LIMIT } from "./message-routes.shared";
import type { MessagesService } from "./messages.service";

/**
 * A participant's own secure messages with their care team. The participant comes from the session,
 * never from the request; another person's conversation answers "not found".
 */
export const myMessagesRoutes: FastifyPluginAsyncZod<{ messages: MessagesService }> = async (
  app,
  { messages },
) => {
  const self = { access: { kind: "signed-in" } } as const;

  app.get(
    "/me/message-threads",
    {
      schema: {
        tags: ["messages"],
        summary: "My conversations with my care team, newest activity first, with my unread count in each",
        querystring: myThreadsQuerySchema,
        response: { 200: threadListSchema, ...errorResponses(400, 401, 403) },
      },
      config: self,
    },
    async (request) => messages.myThreads(actorOf(request), request.query, auditContextOf(request)),
  );

  app.post(
    "/me/message-threads",
    {
      schema: {
        tags: ["messages"],
        summary:
          "Start a conversation with my care team: a subject and the first message (a retry with the same idempotency key sends nothing again)",
        body: newThreadSchema,
        response: { 200: sentMessageSchema, 201: sentMessageSchema, ...errorResponses(400, 401, 403, 409) },
      },
      config: { ...self, rateLimit: SEND_RATE_LIMIT },
    },
    async (request, reply) => {
      const sent = await messages.startMyThread(actorOf(request), request.body, auditContextOf(request));
      return reply.code(sent.replayed ? 200 : 201).send(sent);
    },
  );

  app.get(
    "/me/message-threads/:threadId",
    {
      schema: {
        tags: ["messages"],
        summary:
          "One of my conversations: its newest messages oldest to newest (before=<message id> for the previous page)",
        params: threadParamsSchema,
        querystring: threadPageQuerySchema,
        response: { 200: threadDetailSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: self,
    },
    async (request) =>
      messages.myThread(actorOf(request), request.params.threadId, request.query, auditContextOf(request)),
  );

  app.post(
    "/me/message-threads/:threadId/messages",
    {
      schema: {
        tags: ["messages"],
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
      config: { ...self, rateLimit: SEND_RATE_LIMIT },
    },
    async (request, reply) => {
      const sent = await messages.sendMine(
        actorOf(request),
        request.params.threadId,
        request.body,
        auditContextOf(request),
      );
      return reply.code(sent.replayed ? 200 : 201).send(sent);
    },
  );

  app.post(
    "/me/message-threads/:threadId/read",
    {
      schema: {
        tags: ["messages"],
        summary: "Mark one of my conversations read up to the newest message I was shown",
        params: threadParamsSchema,
        body: readMarkSchema,
        response: { 200: readMarkResultSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: self,
    },
    async (request) =>
      messages.markMineRead(actorOf(request), request.params.threadId, request.body, auditContextOf(request)),
  );

  app.get(
    "/me/messages/unread",
    {
      schema: {
        tags: ["messages"],
        summary: "How many messages from my care team I have not read yet",
        response: { 200: unreadCountSchema, ...errorResponses(401, 403) },
      },
      config: self,
    },
    async (request) => messages.myUnread(actorOf(request)),
  );
};
