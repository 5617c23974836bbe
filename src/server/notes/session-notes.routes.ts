import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { noteFormatSchema, noteSignSchema, sessionNoteContentSchema } from "../../core/notes/note.schema";
import { sessionNoteViewSchema } from "../../core/notes/notes-api.schema";
import { errorBodySchema, errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf } from "../platform/route-access";
import type { SessionNotesService } from "./session-notes.service";

const appointmentParams = z.object({ appointmentId: z.uuid("This is not a valid appointment id.") });
const noteParams = z.object({ noteId: z.uuid("This is not a valid note id.") });

/** Start a note: the format, when not the program's default. */
const startBody = z.object({ format: noteFormatSchema.optional() });
/** Autosave: the revision read (optimistic locking), the format and the content. */
const saveBody = z.object({
  revision: z.number().int().min(1),
  format: noteFormatSchema,
  content: sessionNoteContentSchema,
});

/** 409 NOTE_EXISTS names the note the appointment already has (`error.details.noteId`), to open it. */
const startConflictSchema = errorBodySchema
  .extend({
    error: errorBodySchema.shape.error.extend({
      details: z.object({ noteId: z.uuid().nullable() }).optional(),
    }),
  })
  .describe("Error");

/**
 * Individual and family notes: started from their appointment, autosaved, signed. The decision is
 * the service's, on the note's participant (clinical.view to read, clinical.write to change), and
 * audited there. Co-signing and addenda are under /clinical-notes (note-lifecycle.routes.ts).
 */
export const sessionNotesRoutes: FastifyPluginAsyncZod<{ sessionNotes: SessionNotesService }> = async (
  app,
  { sessionNotes },
) => {
  app.post(
    "/appointments/:appointmentId/note",
    {
      schema: {
        tags: ["notes"],
        summary:
          "Start the note of an individual or family appointment that has begun (a draft in the chosen or the program's format, setting and attendees from the appointment)",
        params: appointmentParams,
        body: startBody,
        response: {
          201: sessionNoteViewSchema,
          ...errorResponses(400, 401, 403, 404),
          409: startConflictSchema,
        },
      },
      config: { access: { kind: "signed-in", staffPermission: "clinical.write" } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await sessionNotes.start(
            actorOf(request),
            request.params.appointmentId,
            request.body,
            auditContextOf(request),
          ),
        ),
  );

  app.get(
    "/appointments/:appointmentId/note",
    {
      schema: {
        tags: ["notes"],
        summary: "The note of an appointment (404 while it has none)",
        params: appointmentParams,
        response: { 200: sessionNoteViewSchema, ...errorResponses(401, 403, 404) },
      },
      config: { access: { kind: "signed-in", staffPermission: "clinical.view" } },
    },
    async (request) =>
      sessionNotes.ofAppointment(actorOf(request), request.params.appointmentId, auditContextOf(request)),
  );

  app.get(
    "/session-notes/:noteId",
    {
      schema: {
        tags: ["notes"],
        summary:
          "An individual or family note with its state, signatures, addenda, the appointment's attendance and the participant's current objectives",
        params: noteParams,
        response: { 200: sessionNoteViewSchema, ...errorResponses(401, 403, 404) },
      },
      config: { access: { kind: "signed-in", staffPermission: "clinical.view" } },
    },
    async (request) => sessionNotes.get(actorOf(request), request.params.noteId, auditContextOf(request)),
  );

  app.put(
    "/session-notes/:noteId",
    {
      schema: {
        tags: ["notes"],
        summary:
          "Autosave a draft note (optimistic locking on the revision; objectives must be in the current plan)",
        params: noteParams,
        body: saveBody,
        response: { 200: sessionNoteViewSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: { kind: "signed-in", staffPermission: "clinical.write" } },
    },
    async (request) =>
      sessionNotes.save(actorOf(request), request.params.noteId, request.body, auditContextOf(request)),
  );

  app.post(
    "/session-notes/:noteId/sign",
    {
      schema: {
        tags: ["notes"],
        summary:
          "Sign a note as its author, re-entering your password or an authenticator code (every missing part is named; a supervisee names the supervisor who will co-sign)",
        params: noteParams,
        body: noteSignSchema,
        response: { 200: sessionNoteViewSchema, ...errorResponses(400, 401, 403, 404, 409, 429) },
      },
      // Guessing is stopped by the same account and IP lockout as sign-in (see reauth.ts).
      config: { access: { kind: "signed-in", staffPermission: "clinical.write" } },
    },
    async (request) =>
      sessionNotes.sign(actorOf(request), request.params.noteId, request.body, auditContextOf(request)),
  );
};
