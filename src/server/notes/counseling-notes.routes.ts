import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  counselingNoteAddendumInputSchema,
  counselingNoteCreateSchema,
  counselingNoteListSchema,
  counselingNoteSaveSchema,
  counselingNoteSignSchema,
  counselingNoteViewSchema,
} from "../../core/notes/counseling-note-api.schema";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf, participantAccessOf } from "../platform/route-access";
import type { CounselingNotesService } from "./counseling-notes.service";

const participantParams = z.object({ id: z.uuid("This is not a valid participant id.") });
const noteParams = z.object({ noteId: z.uuid("This is not a valid counseling note id.") });

/**
 * SUD counseling notes (42 CFR Part 2): their own routes, apart from the chart's notes. Routes under
 * /counseling-notes/:noteId are decided by the service on the note's participant and author (a
 * reader the policy does not allow is answered 404), and audited there.
 */
export const counselingNotesRoutes: FastifyPluginAsyncZod<{
  counselingNotes: CounselingNotesService;
}> = async (app, { counselingNotes }) => {
  app.get(
    "/participants/:id/counseling-notes",
    {
      schema: {
        tags: ["counseling-notes"],
        summary:
          "The participant's SUD counseling notes the caller may read: their own, or every one when the program's policy allows (counseling_notes.view)",
        params: participantParams,
        response: { 200: counselingNoteListSchema, ...errorResponses(401, 403, 404) },
      },
      // Audited by the service, with the notes listed.
      config: { access: { kind: "participant", permission: "clinical.view" } },
    },
    async (request) =>
      counselingNotes.list(actorOf(request), participantAccessOf(request), auditContextOf(request)),
  );

  app.post(
    "/participants/:id/counseling-notes",
    {
      schema: {
        tags: ["counseling-notes"],
        summary: "Start a counseling note (a draft) on a session that has taken place",
        params: participantParams,
        body: counselingNoteCreateSchema,
        response: { 201: counselingNoteViewSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: { kind: "participant", permission: "clinical.write" } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await counselingNotes.create(
            actorOf(request),
            participantAccessOf(request),
            request.body,
            auditContextOf(request),
          ),
        ),
  );

  app.get(
    "/counseling-notes/:noteId",
    {
      schema: {
        tags: ["counseling-notes"],
        summary: "One counseling note with its addenda (its author, or a reader the program's policy allows)",
        params: noteParams,
        response: { 200: counselingNoteViewSchema, ...errorResponses(401, 403, 404) },
      },
      config: { access: { kind: "signed-in", staffPermission: "clinical.view" } },
    },
    async (request) => counselingNotes.get(actorOf(request), request.params.noteId, auditContextOf(request)),
  );

  app.put(
    "/counseling-notes/:noteId",
    {
      schema: {
        tags: ["counseling-notes"],
        summary: "Autosave a draft counseling note (its author; optimistic locking on the revision)",
        params: noteParams,
        body: counselingNoteSaveSchema,
        response: { 200: counselingNoteViewSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: { kind: "signed-in", staffPermission: "clinical.write" } },
    },
    async (request) =>
      counselingNotes.save(actorOf(request), request.params.noteId, request.body, auditContextOf(request)),
  );

  app.post(
    "/counseling-notes/:noteId/sign",
    {
      schema: {
        tags: ["counseling-notes"],
        summary:
          "Sign a draft counseling note, re-entering your password or an authenticator code (it no longer changes)",
        params: noteParams,
        body: counselingNoteSignSchema,
        response: { 200: counselingNoteViewSchema, ...errorResponses(400, 401, 403, 404, 409, 429) },
      },
      // Guessing is stopped by the same account and IP lockout as sign-in (see reauth.ts).
      config: { access: { kind: "signed-in", staffPermission: "clinical.write" } },
    },
    async (request) =>
      counselingNotes.sign(actorOf(request), request.params.noteId, request.body, auditContextOf(request)),
  );

  app.post(
    "/counseling-notes/:noteId/addenda",
    {
      schema: {
        tags: ["counseling-notes"],
        summary:
          "Add a signed addendum (reason and text) to a signed counseling note, re-entering your password or a code",
        params: noteParams,
        body: counselingNoteAddendumInputSchema,
        response: { 201: counselingNoteViewSchema, ...errorResponses(400, 401, 403, 404, 409, 429) },
      },
      config: { access: { kind: "signed-in", staffPermission: "clinical.write" } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await counselingNotes.addAddendum(
            actorOf(request),
            request.params.noteId,
            request.body,
            auditContextOf(request),
          ),
        ),
  );
};
