import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { admissionSettingsSchema } from "../../core/admissions/admission-settings.schema";
import { errorResponses } from "../platform/openapi";
import { auditContextOf } from "../platform/route-access";
import type { AdmissionSettingsService } from "./admission-settings.service";

/** The program's admissions settings: levels of care offered and the inquiry response time. */
export const admissionSettingsRoutes: FastifyPluginAsyncZod<{
  admissionSettings: AdmissionSettingsService;
}> = async (app, { admissionSettings }) => {
  app.get(
    "/admissions/settings",
    {
      schema: {
        tags: ["admissions"],
        summary: "Levels of care the program offers and how soon it answers an inquiry",
        response: { 200: admissionSettingsSchema, ...errorResponses(401, 403) },
      },
      // The admission form, the level-change form and the settings page read them.
      config: {
        access: {
          kind: "any-permission",
          permissions: ["admissions.manage", "clinical.write", "settings.manage"],
        },
      },
    },
    async () => admissionSettings.settings(),
  );

  app.put(
    "/admissions/settings",
    {
      schema: {
        tags: ["admissions"],
        summary: "Change the levels of care offered and the inquiry response time",
        body: admissionSettingsSchema,
        response: { 200: admissionSettingsSchema, ...errorResponses(400, 401, 403) },
      },
      config: { access: { kind: "permission", permission: "settings.manage" } },
    },
    async (request) => admissionSettings.updateSettings(request.body, auditContextOf(request)),
  );
};
