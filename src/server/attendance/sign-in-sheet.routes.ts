import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { occurrenceParamsSchema } from "../../core/attendance/roster.schema";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf } from "../platform/route-access";
import type { SignInSheetService } from "./sign-in-sheet.service";

/** The printable sign-in sheet of one group session (PDF). */
export const signInSheetRoutes: FastifyPluginAsyncZod<{ signInSheets: SignInSheetService }> = async (
  app,
  { signInSheets },
) => {
  app.get(
    "/tracks/:trackId/occurrences/:key/sign-in-sheet.pdf",
    {
      schema: {
        tags: ["attendance"],
        summary:
          "The sign-in sheet of one session as a PDF: program, track, date, time, room, facilitators, and a row per participant on the roster to sign with times in and out",
        params: occurrenceParamsSchema,
        produces: ["application/pdf"],
        response: { ...errorResponses(400, 401, 403, 404, 409) },
      },
      // The service checks attendance.record or schedule.view at the track's site and audits per participant.
      config: { access: { kind: "any-permission", permissions: ["attendance.record", "schedule.view"] } },
    },
    async (request, reply) => {
      const sheet = await signInSheets.signInSheet(actorOf(request), request.params, auditContextOf(request));
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", `inline; filename="${sheet.filename}"`)
        .header("cache-control", "no-store")
        .send(sheet.pdf as never);
    },
  );
};
