import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  reminderSettingsSchema,
  reminderSettingsViewSchema,
} from "../../core/schedule/reminder-settings.schema";
import { errorResponses } from "../platform/openapi";
import { auditContextOf, type RouteAccess } from "../platform/route-access";
import type { RemindersService } from "./reminders.service";

const MANAGE: RouteAccess = { kind: "permission", permission: "settings.manage" };

/** The program's session reminders: when they go out, by which channels, what they may carry. */
export const remindersRoutes: FastifyPluginAsyncZod<{ reminders: RemindersService }> = async (
  app,
  { reminders },
) => {
  app.get(
    "/settings/reminders",
    {
      schema: {
        tags: ["schedule"],
        summary:
          "Session reminders: the day before at a local time, on the day some hours before, channels, video links in email, the number to call; and this installation's SMS channel",
        response: { 200: reminderSettingsViewSchema, ...errorResponses(401, 403) },
      },
      config: { access: MANAGE },
    },
    async () => reminders.settings(),
  );

  app.put(
    "/settings/reminders",
    {
      schema: {
        tags: ["schedule"],
        summary: "Replace the reminder settings; each problem is named by its field",
        body: reminderSettingsSchema,
        response: { 200: reminderSettingsViewSchema, ...errorResponses(400, 401, 403) },
      },
      config: { access: MANAGE },
    },
    async (request) => reminders.updateSettings(request.body, auditContextOf(request)),
  );
};
