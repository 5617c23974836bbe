import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { occurrenceParamsSchema } from "../../core/attendance/roster.schema";
import {
  myPracticeParamsSchema,
  myPracticeSchema,
  practiceDoneInputSchema,
  practiceLanguageQuerySchema,
  practiceReadInputSchema,
  practiceReflectionsSchema,
} from "../../core/practice/practice.schema";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf, type RouteAccess } from "../platform/route-access";
import type { PracticeService } from "./practice.service";

/**
 * Practice between sessions. The participant's routes take the participant from the session, never
 * from the request; the facilitator's routes check the permission here and the track's site and the
 * actor's relation to the session in the service, which audits every read and write.
 */
const SIGNED_IN: RouteAccess = { kind: "signed-in" };
const READ: RouteAccess = { kind: "permission", permission: "clinical.view" };

export const practiceRoutes: FastifyPluginAsyncZod<{ practice: PracticeService }> = async (
  app,
  { practice },
) => {
  app.get(
    "/me/practice",
    {
      schema: {
        tags: ["practice"],
        summary:
          "A signed-in participant's practice from the groups they attended: each module's handout and practice in their language, newest first, with done and the reflection",
        querystring: practiceLanguageQuerySchema,
        response: { 200: myPracticeSchema, ...errorResponses(400, 401, 403) },
      },
      config: { access: SIGNED_IN },
    },
    async (request) => practice.myPractice(actorOf(request), request.query.language, auditContextOf(request)),
  );

  app.put(
    "/me/practice/:trackId/:occurrenceKey",
    {
      schema: {
        tags: ["practice"],
        summary:
          "Mark a session's practice done with a short reflection, or change the reflection (until the group meets again)",
        params: myPracticeParamsSchema,
        querystring: practiceLanguageQuerySchema,
        body: practiceDoneInputSchema,
        response: { 200: myPracticeSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: SIGNED_IN },
    },
    async (request) =>
      practice.markDone(
        actorOf(request),
        request.params.trackId,
        request.params.occurrenceKey,
        request.body,
        request.query.language,
        auditContextOf(request),
      ),
  );

  app.delete(
    "/me/practice/:trackId/:occurrenceKey",
    {
      schema: {
        tags: ["practice"],
        summary: "Undo 'done' on a session's practice (until the group meets again)",
        params: myPracticeParamsSchema,
        querystring: practiceLanguageQuerySchema,
        response: { 200: myPracticeSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: SIGNED_IN },
    },
    async (request) =>
      practice.undo(
        actorOf(request),
        request.params.trackId,
        request.params.occurrenceKey,
        request.query.language,
        auditContextOf(request),
      ),
  );

  app.get(
    "/tracks/:trackId/occurrences/:key/practice",
    {
      schema: {
        tags: ["practice"],
        summary:
          "A session's roster with their reflections on the practice of the group's previous session (its facilitators, or staff whose access covers the whole roster)",
        params: occurrenceParamsSchema,
        response: { 200: practiceReflectionsSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: READ },
    },
    async (request) =>
      practice.reflections(
        actorOf(request),
        request.params.trackId,
        request.params.key,
        auditContextOf(request),
      ),
  );

  app.post(
    "/tracks/:trackId/occurrences/:key/practice/read",
    {
      schema: {
        tags: ["practice"],
        summary: "Mark reflections on the previous session's practice read",
        params: occurrenceParamsSchema,
        body: practiceReadInputSchema,
        response: { 200: practiceReflectionsSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: READ },
    },
    async (request) =>
      practice.markRead(
        actorOf(request),
        request.params.trackId,
        request.params.key,
        request.body.completionIds,
        auditContextOf(request),
      ),
  );
};
