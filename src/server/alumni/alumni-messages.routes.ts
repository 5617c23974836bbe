import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  newThreadSchema,
  sendMessageSchema,
  threadDetailSchema,
  threadListSchema,
  threadParamsSchema,
} from "../../core/messages/messages.schema";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf } from "../platform/route-access";
import type { AlumniMessagesService } from "./alumni-messages.service";

const me = { access: { kind: "signed-in" } } as const;
const manager = { access: { kind: "permission", permission: "alumni.manage" } } as const;

/** Messages with the alumni coordinator: the alumnus's own threads, and the coordinator's inbox. */
export const alumniMessagesRoutes: FastifyPluginAsyncZod<{ alumniMessages: AlumniMessagesService }> = async (
  app,
  { alumniMessages },
) => {
  app.get(
    "/me/alumni/messages",
    {
      schema: {
        tags: ["alumni"],
        summary: "The alumnus's conversations with the alumni coordinator",
        response: { 200: threadListSchema, ...errorResponses(401, 403) },
      },
      config: me,
    },
    async (request) => alumniMessages.myThreads(actorOf(request), auditContextOf(request)),
  );

  app.post(
    "/me/alumni/messages",
    {
      schema: {
        tags: ["alumni"],
        summary: "Start a conversation with the alumni coordinator",
        body: newThreadSchema,
        response: { 200: threadDetailSchema, ...errorResponses(400, 401, 403, 409) },
      },
      config: me,
    },
    async (request) => alumniMessages.startMine(actorOf(request), request.body, auditContextOf(request)),
  );

  app.get(
    "/me/alumni/messages/:threadId",
    {
      schema: {
        tags: ["alumni"],
        summary: "One conversation with the alumni coordinator (opening it marks it read)",
        params: threadParamsSchema,
        response: { 200: threadDetailSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: me,
    },
    async (request) =>
      alumniMessages.myThread(actorOf(request), request.params.threadId, auditContextOf(request)),
  );

  app.post(
    "/me/alumni/messages/:threadId",
    {
      schema: {
        tags: ["alumni"],
        summary: "Reply in a conversation with the alumni coordinator",
        params: threadParamsSchema,
        body: sendMessageSchema,
        response: { 200: threadDetailSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: me,
    },
    async (request) =>
      alumniMessages.replyMine(
        actorOf(request),
        request.params.threadId,
        request.body,
        auditContextOf(request),
      ),
  );

  app.get(
    "/alumni-messages",
    {
      schema: {
        tags: ["alumni"],
        summary: "The alumni coordinator's inbox for a site",
        querystring: z.object({ siteId: z.uuid("Choose a site.") }),
        response: { 200: threadListSchema, ...errorResponses(400, 401, 403) },
      },
      config: manager,
    },
    async (request) => alumniMessages.inbox(actorOf(request), request.query.siteId, auditContextOf(request)),
  );

  app.get(
    "/alumni-messages/:threadId",
    {
      schema: {
        tags: ["alumni"],
        summary: "One alumni conversation, for the coordinator (opening it marks it read)",
        params: threadParamsSchema,
        response: { 200: threadDetailSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: manager,
    },
    async (request) =>
      alumniMessages.staffThread(actorOf(request), request.params.threadId, auditContextOf(request)),
  );

  app.post(
    "/alumni-messages/:threadId",
    {
      schema: {
        tags: ["alumni"],
        summary: "The coordinator answers an alumni conversation",
        params: threadParamsSchema,
        body: sendMessageSchema,
        response: { 200: threadDetailSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: manager,
    },
    async (request) =>
      alumniMessages.staffReply(
        actorOf(request),
        request.params.threadId,
        request.body,
        auditContextOf(request),
      ),
  );
};
