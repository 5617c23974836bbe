import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  addendumSignSchema,
  addendumViewSchema,
  noteStatusSchema,
  reauthSchema,
} from "../../core/notes/note.schema";
import type { Database } from "../db/connection";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf } from "../platform/route-access";
import type { NoteAlertsService } from "./note-alerts.service";
import type { NoteSigning } from "./note-signing";
import { listNoteParticipantIds } from "./notes.sql";

const noteParams = z.object({ noteId: z.uuid("This is not a valid note id.") });

const cosignResponseSchema = z.object({
  status: noteStatusSchema,
  cosignedAt: z.iso.datetime().nullable(),
});

/**
 * A signed note's later life: the named supervisor's co-signature, and addenda (a reason and the text,
 * signed on writing). Who may act is decided by the signing service on the note's participants; the
 * routes only name the body and the answer.
 */
export const noteLifecycleRoutes: FastifyPluginAsyncZod<{
  db: Database;
  signing: NoteSigning;
  noteAlerts: NoteAlertsService;
  now: () => Date;
}> = async (app, { db, signing, noteAlerts, now }) => {
  app.post(
    "/clinical-notes/:noteId/cosign",
    {
      schema: {
        tags: ["clinical-notes"],
        summary:
          "Co-sign a note awaiting your co-signature as the supervisor it names, with your password or an authenticator code; the note is then signed",
        params: noteParams,
        body: reauthSchema,
        response: { 200: cosignResponseSchema, ...errorResponses(400, 401, 403, 404, 409, 429) },
      },
      config: { access: { kind: "permission", permission: "notes.cosign" } },
    },
    async (request) => {
      const context = auditContextOf(request);
      const actor = actorOf(request);
      const signed = await signing.cosign(actor, request.params.noteId, request.body, context);
      // The note is signed: its unsigned-note alerts no longer apply.
      const participantIds = await listNoteParticipantIds(db, signed);
      await db.transaction((tx) =>
        noteAlerts.resolveSignedNote(
          tx,
          { noteId: signed.id, participantIds, signedBy: actor.user.id },
          context,
          now(),
        ),
      );
      return {
        status: noteStatusSchema.parse(signed.status),
        cosignedAt: signed.cosignedAt?.toISOString() ?? null,
      };
    },
  );

  app.post(
    "/clinical-notes/:noteId/addenda",
    {
      schema: {
        tags: ["clinical-notes"],
        summary:
          "Add a signed addendum to a signed note (or one awaiting co-signature): the reason, the text and, on a group note, the participant whose entry it concerns; the note itself never changes",
        params: noteParams,
        body: addendumSignSchema,
        response: { 201: addendumViewSchema, ...errorResponses(400, 401, 403, 404, 409, 429) },
      },
      config: { access: { kind: "permission", permission: "clinical.write" } },
    },
    async (request, reply) => {
      const addendum = await signing.addAddendum(
        actorOf(request),
        request.params.noteId,
        request.body,
        auditContextOf(request),
      );
      return reply.status(201).send(addendum);
    },
  );
};
