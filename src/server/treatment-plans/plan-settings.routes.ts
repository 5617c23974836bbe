import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { planSettingsSchema } from "../../core/treatment-plans/plan-settings.schema";
import { errorResponses } from "../platform/openapi";
import { auditContextOf } from "../platform/route-access";
import type { PlanSettingsService } from "./plan-settings.service";

/** The program's treatment-plan settings: review cycle, warning window, early reviews, first plan, group rule. */
export const planSettingsRoutes: FastifyPluginAsyncZod<{ planSettings: PlanSettingsService }> = async (
  app,
  { planSettings },
) => {
  app.get(
    "/settings/treatment-plans",
    {
      schema: {
        tags: ["treatment-plans"],
        summary:
          "Days between plan reviews, the due-soon window, the early-review window, days allowed for the first plan, and whether groups may be scheduled before the plan is signed",
        response: { 200: planSettingsSchema, ...errorResponses(401, 403) },
      },
      // Clinicians read the cycle their plans are measured against; administrators change it.
      config: { access: { kind: "any-permission", permissions: ["clinical.view", "settings.manage"] } },
    },
    async () => planSettings.settings(),
  );

  app.put(
    "/settings/treatment-plans",
    {
      schema: {
        tags: ["treatment-plans"],
        summary: "Replace the treatment-plan settings; every problem is named by its field",
        body: planSettingsSchema,
        response: { 200: planSettingsSchema, ...errorResponses(400, 401, 403) },
      },
      config: { access: { kind: "permission", permission: "settings.manage" } },
    },
    async (request) => planSettings.updateSettings(request.body, auditContextOf(request)),
  );
};
