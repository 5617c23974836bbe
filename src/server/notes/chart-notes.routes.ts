import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { chartNoteParamsSchema, chartNotesQuerySchema } from "../../core/notes/group-notes-api.schema";
import { chartNoteSchema, chartNotesPageSchema } from "../../core/notes/notes-api.schema";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf, participantAccessOf } from "../platform/route-access";
import type { ChartNotesService } from "./chart-notes.service";

const idParams = z.object({ id: z.uuid("This is not a valid participant id.") });

/**
 * A participant's clinical notes in their chart: clinical.view on the participant (the guard decides
 * with site, care team and break-the-glass, and audits the read before the notes are produced).
 */
export const chartNotesRoutes: FastifyPluginAsyncZod<{ chartNotes: ChartNotesService }> = async (
  app,
  { chartNotes },
) => {
  app.get(
    "/participants/:id/notes",
    {
      schema: {
        tags: ["clinical-notes"],
        summary:
          "A participant's signed notes (and those awaiting co-signature), newest first: group notes show the shared part and this participant's own entry only",
        params: idParams,
        querystring: chartNotesQuerySchema,
        response: { 200: chartNotesPageSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: {
        access: { kind: "participant", permission: "clinical.view" },
        audit: { action: "clinical_note.chart_list", resourceType: "clinical_note" },
      },
    },
    async (request) =>
      chartNotes.listNotes(
        actorOf(request),
        participantAccessOf(request).participantId,
        request.query,
        auditContextOf(request),
      ),
  );

  app.get(
    "/participants/:id/notes/:noteId",
    {
      schema: {
        tags: ["clinical-notes"],
        summary:
          "One note of a participant's chart (a group note: the shared part and this participant's own entry only)",
        params: chartNoteParamsSchema,
        response: { 200: chartNoteSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: {
        access: { kind: "participant", permission: "clinical.view" },
        audit: { action: "clinical_note.chart_view", resourceType: "clinical_note" },
      },
    },
    async (request) =>
      chartNotes.getNote(
        actorOf(request),
        participantAccessOf(request).participantId,
        request.params.noteId,
        auditContextOf(request),
      ),
  );
};
