import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { checkInSettingsSchema } from "../../core/check-ins/check-in.schema";
import { errorResponses } from "../platform/openapi";
import { auditContextOf } from "../platform/route-access";
import type { CheckInSettingsService } from "./check-in-settings.service";

/** The program's check-in thresholds and windows (issue 9: the defaults are the issue's; the program decides). */
export const checkInSettingsRoutes: FastifyPluginAsyncZod<{
  checkInSettings: CheckInSettingsService;
}> = async (app, { checkInSettings }) => {
  app.get(
    "/check-in-settings",
    {
      schema: {
        tags: ["check-ins"],
        summary:
          "The craving and mood thresholds that raise an alert, the days without a check-in before one is missed, and how old a queued check-in may be",
        response: { 200: checkInSettingsSchema, ...errorResponses(401, 403) },
      },
      // Clinicians read the thresholds the chart marks; administrators change them.
      config: { access: { kind: "any-permission", permissions: ["clinical.view", "settings.manage"] } },
    },
    async () => checkInSettings.settings(),
  );

  app.put(
    "/check-in-settings",
    {
      schema: {
        tags: ["check-ins"],
        summary: "Replace the check-in settings; every problem is named by its field",
        body: checkInSettingsSchema,
        response: { 200: checkInSettingsSchema, ...errorResponses(400, 401, 403) },
      },
      config: { access: { kind: "permission", permission: "settings.manage" } },
    },
    async (request) => checkInSettings.updateSettings(request.body, auditContextOf(request)),
  );
};
