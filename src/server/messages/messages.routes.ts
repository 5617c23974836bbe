import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  inboxQuerySchema,
  inboxSchema,
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
import { actorOf, auditContextOf, participantAccessOf } from "../platform/route-access";
import { SEND_RATE_LIMIT } from "./message-routes.shared";
import type { MessagesService } from "./messages.service";

const idParams = z.object({ id: z.uuid("This is not a valid participant id.") });
const clinicalReaders = { access: { kind: "signed-in", staffPermission: "clinical.view" } } as const;

/**
 * The staff side of secure messages: the inbox (caseload by default, the site for site-wide readers),
 * the navigation badge, a participant's conversations in the chart, and a conversation itself —
 * clinical.view on its participant to read, clinical.write to write, decided by the one policy.
 */
export const messagesRoutes: FastifyPluginAsyncZod<{ messages: MessagesService }> = async (
  app,
  { messages },
) => {
  app.get(
    "/message-threads",
    {
      schema: {
        tags: ["messages"],
        summary:
          "The messages inbox: conversations of my caseload (scope=site: every participant of my sites, for site-wide readers), newest activity first, with my unread count; unread=true for unread only",
        querystring: inboxQuerySchema,
        response: { 200: inboxSchema, ...errorResponses(400, 401, 403) },
      },
      config: clinicalReaders,
    },
    async (request) => messages.inbox(actorOf(request), request.query, auditContextOf(request)),
  );

  app.get(
    "/messages/unread",
    {
      schema: {
        tags: ["messages"],
        summary: "How many messages in my caseload's conversations I have not read (the navigation badge)",
        response: { 200: unreadCountSchema, ...errorResponses(401, 403) },
      },
      config: clinicalReaders,
    },
    async (request) => messages.staffUnread(actorOf(request)),
  );

  app.get(
    "/participants/:id/message-threads",
    {
      schema: {
        tags: ["messages"],
        summary: "A participant's conversations with the care team, newest activity first",
        params: idParams,
        querystring: myThreadsQuerySchema,
        response: { 200: threadListSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: {
        access: { kind: "participant", permission: "clinical.view" },
        audit: { action: "message_thread.chart_list", resourceType: "message_thread" },
      },
    },
    async (request) =>
      messages.participantThreads(
        actorOf(request),
        participantAccessOf(request).participantId,
        request.query,
        auditContextOf(request),
      ),
  );

  app.post(
    "/participants/:id/message-threads",
    {
      schema: {
        tags: ["messages"],
        summary:
          "Start a conversation with a participant: a subject and the first message (they get an email without its content)",
        params: idParams,
        body: newThreadSchema,
        response: {
          200: sentMessageSchema,
          201: sentMessageSchema,
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
      config: { access: { kind: "participant", permission: "clinical.write" }, rateLimit: SEND_RATE_LIMIT },
    },
    async (request, reply) => {
      const sent = await messages.startThread(
        actorOf(request),
        participantAccessOf(request),
        request.body,
        auditContextOf(request),
      );
      return reply.code(sent.replayed ? 200 : 201).send(sent);
    },
  );

  app.get(
    "/message-threads/:threadId",
    {
      schema: {
        tags: ["messages"],
        summary:
          "A conversation: its newest messages oldest to newest (before=<message id> for the previous page)",
        params: threadParamsSchema,
        querystring: threadPageQuerySchema,
        response: { 200: threadDetailSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: clinicalReaders,
    },
    async (request) =>
      messages.staffThreadDetail(
        actorOf(request),
        request.params.threadId,
        request.query,
        auditContextOf(request),
      ),
  );

  app.post(
    "/message-threads/:threadId/messages",
    {
      schema: {
        tags: ["messages"],
        summary:
          "Reply in a conversation (a retry with the same idempotency key sends nothing again; the participant gets an email without its content)",
        params: threadParamsSchema,
        body: sendMessageSchema,
        response: {
          200: sentMessageSchema,
          201: sentMessageSchema,
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
      config: { ...clinicalReaders, rateLimit: SEND_RATE_LIMIT },
    },
    async (request, reply) => {
      const sent = await messages.staffSend(
        actorOf(request),
        request.params.threadId,
        request.body,
        auditContextOf(request),
      );
      return reply.code(sent.replayed ? 200 : 201).send(sent);
    },
  );

  app.post(
    "/message-threads/:threadId/read",
    {
      schema: {
        tags: ["messages"],
        summary: "Mark a conversation read (for me) up to the newest message I was shown",
        params: threadParamsSchema,
        body: readMarkSchema,
        response: { 200: readMarkResultSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: clinicalReaders,
    },
    async (request) =>
      messages.staffMarkRead(
        actorOf(request),
        request.params.threadId,
        request.body,
        auditContextOf(request),
      ),
  );
};
