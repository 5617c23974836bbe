import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  reliableChangeSettingsSchema,
  reliableChangeSettingsViewSchema,
} from "../../core/assessments/reliable-change-settings.schema";
import { errorResponses } from "../platform/openapi";
import { auditContextOf } from "../platform/route-access";
import type { ReliableChangeService } from "./reliable-change.service";

/** The program's reliable-change values per questionnaire and its off-track rule (a program setting). */
export const reliableChangeRoutes: FastifyPluginAsyncZod<{ reliableChange: ReliableChangeService }> = async (
  app,
  { reliableChange },
) => {
  app.get(
    "/assessments/reliable-change",
    {
      schema: {
        tags: ["assessments"],
        summary:
          "Per questionnaire: the default reliability, SD and cut-off with their sources, the program's values, what they resolve to and the minimum reliable change in points; and the off-track rule",
        response: { 200: reliableChangeSettingsViewSchema, ...errorResponses(401, 403) },
      },
      // Clinicians read it (progress and the deterioration warning follow it); administrators change it.
      config: { access: { kind: "any-permission", permissions: ["clinical.view", "settings.manage"] } },
    },
    async () => reliableChange.settings(),
  );

  app.put(
    "/assessments/reliable-change",
    {
      schema: {
        tags: ["assessments"],
        summary:
          "Replace the program's reliable-change values and off-track rule; every problem is named by questionnaire and field",
        body: reliableChangeSettingsSchema,
        response: { 200: reliableChangeSettingsViewSchema, ...errorResponses(400, 401, 403) },
      },
      config: { access: { kind: "permission", permission: "settings.manage" } },
    },
    async (request) => reliableChange.updateSettings(request.body, auditContextOf(request)),
  );
};
