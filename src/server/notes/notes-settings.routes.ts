import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { notesSettingsSchema } from "../../core/notes/notes-settings.schema";
import { errorResponses } from "../platform/openapi";
import { auditContextOf } from "../platform/route-access";
import type { NotesSettingsService } from "./notes-settings.service";

/** The program's clinical-note settings: default format, unsigned-note alerts, late entries, cloned entries. */
export const notesSettingsRoutes: FastifyPluginAsyncZod<{ notesSettings: NotesSettingsService }> = async (
  app,
  { notesSettings },
) => {
  app.get(
    "/settings/notes",
    {
      schema: {
        tags: ["clinical-notes"],
        summary:
          "The default note format, the hours before an unsigned note raises an alert, the hours after which a signature is a late entry, and the cloned-entry check's threshold and reach",
        response: { 200: notesSettingsSchema, ...errorResponses(401, 403) },
      },
      // Clinicians read the windows their notes are measured against; administrators change them.
      config: { access: { kind: "any-permission", permissions: ["clinical.view", "settings.manage"] } },
    },
    async () => notesSettings.settings(),
  );

  app.put(
    "/settings/notes",
    {
      schema: {
        tags: ["clinical-notes"],
        summary: "Replace the clinical-note settings; every problem is named by its field",
        body: notesSettingsSchema,
        response: { 200: notesSettingsSchema, ...errorResponses(400, 401, 403) },
      },
      config: { access: { kind: "permission", permission: "settings.manage" } },
    },
    async (request) => notesSettings.updateSettings(request.body, auditContextOf(request)),
  );
};
