import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  draftSavedSchema,
  groupNoteEntryParamsSchema,
  groupNoteEntrySaveSchema,
  groupNoteIdParamsSchema,
  groupNoteSessionParamsSchema,
  groupNoteSharedSaveSchema,
} from "../../core/notes/group-notes-api.schema";
import { noteSignSchema } from "../../core/notes/note.schema";
import { clonedEntriesResponseSchema, groupNoteScreenSchema } from "../../core/notes/notes-api.schema";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf, type RouteAccess } from "../platform/route-access";
import type { GroupNotesService } from "./group-notes.service";

/**
 * The group-note screen of a session. The guard checks the permission; the service checks the
 * track's site and the actor's relation to the session (its facilitators, or access to everyone on
 * the roster) and audits once per participant.
 */
const READ: RouteAccess = { kind: "permission", permission: "clinical.view" };
const WRITE: RouteAccess = { kind: "permission", permission: "clinical.write" };

export const groupNotesRoutes: FastifyPluginAsyncZod<{ groupNotes: GroupNotesService }> = async (
  app,
  { groupNotes },
) => {
  app.get(
    "/tracks/:trackId/occurrences/:key/group-note",
    {
      schema: {
        tags: ["clinical-notes"],
        summary:
          "A session's group note (null before its first save) with the whole roster: attendance, each person's entry and their current plan objectives, and the planned module",
        params: groupNoteSessionParamsSchema,
        response: { 200: groupNoteScreenSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: READ },
    },
    async (request) =>
      groupNotes.screen(
        actorOf(request),
        request.params.trackId,
        request.params.key,
        auditContextOf(request),
      ),
  );

  app.put(
    "/tracks/:trackId/occurrences/:key/group-note",
    {
      schema: {
        tags: ["clinical-notes"],
        summary:
          "Autosave the shared part (module or topic, narrative); revision null starts the draft once the session has begun, otherwise 409 when someone saved since",
        params: groupNoteSessionParamsSchema,
        body: groupNoteSharedSaveSchema,
        response: { 200: draftSavedSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: WRITE },
    },
    async (request) =>
      groupNotes.saveShared(
        actorOf(request),
        request.params.trackId,
        request.params.key,
        request.body,
        auditContextOf(request),
      ),
  );

  app.put(
    "/group-notes/:noteId/entries/:participantId",
    {
      schema: {
        tags: ["clinical-notes"],
        summary:
          "Autosave one participant's individualized entry under its own revision (null writes the first); objectives must be from their current plan",
        params: groupNoteEntryParamsSchema,
        body: groupNoteEntrySaveSchema,
        response: { 200: draftSavedSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: WRITE },
    },
    async (request) =>
      groupNotes.saveEntry(
        actorOf(request),
        request.params.noteId,
        request.params.participantId,
        request.body,
        auditContextOf(request),
      ),
  );

  app.get(
    "/group-notes/:noteId/cloned-entries",
    {
      schema: {
        tags: ["clinical-notes"],
        summary:
          "The cloned-entry check: entries that read the same as another participant's in this note or as the same participant's earlier entries",
        params: groupNoteIdParamsSchema,
        response: { 200: clonedEntriesResponseSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: READ },
    },
    async (request) =>
      groupNotes.clonedEntries(actorOf(request), request.params.noteId, auditContextOf(request)),
  );

  app.post(
    "/group-notes/:noteId/sign",
    {
      schema: {
        tags: ["clinical-notes"],
        summary:
          "Sign the group note as its author with your password or an authenticator code: every missing part is named (NOTE_INCOMPLETE); signed, the note is locked",
        params: groupNoteIdParamsSchema,
        body: noteSignSchema,
        response: { 200: groupNoteScreenSchema, ...errorResponses(400, 401, 403, 404, 409, 429) },
      },
      config: { access: WRITE },
    },
    async (request) =>
      groupNotes.sign(actorOf(request), request.params.noteId, request.body, auditContextOf(request)),
  );
};
