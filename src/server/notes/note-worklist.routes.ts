import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { noteWorklistSchema } from "../../core/notes/notes-api.schema";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf } from "../platform/route-access";
import { type NoteWorklistService, WORKLIST_SCOPES } from "./note-worklist.service";

const worklistQuerySchema = z.object({
  scope: z.enum(WORKLIST_SCOPES, { message: "Scope is mine or site." }).default("mine"),
});

/** What needs doing on clinical notes, for the clinician's worklist. */
export const noteWorklistRoutes: FastifyPluginAsyncZod<{ noteWorklist: NoteWorklistService }> = async (
  app,
  { noteWorklist },
) => {
  app.get(
    "/notes/worklist",
    {
      schema: {
        tags: ["clinical-notes"],
        summary:
          "My unsigned notes (overdue ones marked), notes awaiting my co-signature, and group sessions I facilitated in the last 14 days with no note; scope=site: every unsigned note of my sites (clinical supervisors)",
        querystring: worklistQuerySchema,
        response: { 200: noteWorklistSchema, ...errorResponses(400, 401, 403) },
      },
      config: { access: { kind: "permission", permission: "clinical.write" } },
    },
    async (request) => noteWorklist.worklist(actorOf(request), request.query.scope, auditContextOf(request)),
  );
};
