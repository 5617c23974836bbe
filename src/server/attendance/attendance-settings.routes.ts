import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { attendanceSettingsSchema } from "../../core/attendance/attendance-settings.schema";
import { errorResponses } from "../platform/openapi";
import { auditContextOf } from "../platform/route-access";
import type { AttendanceSettingsService } from "./attendance-settings.service";

/** The program's weekly hours per age group and when absences raise an alert (a program setting). */
export const attendanceSettingsRoutes: FastifyPluginAsyncZod<{
  attendanceSettings: AttendanceSettingsService;
}> = async (app, { attendanceSettings }) => {
  app.get(
    "/settings/attendance",
    {
      schema: {
        tags: ["attendance"],
        summary:
          "Weekly hours per age group (level-of-care minimum and maximum, the payer's daily rule, in minutes) and when absences raise an alert",
        response: { 200: attendanceSettingsSchema, ...errorResponses(401, 403) },
      },
      // Whoever sees the schedule reads the thresholds its hours are measured against; administrators change them.
      config: { access: { kind: "any-permission", permissions: ["schedule.view", "settings.manage"] } },
    },
    async () => attendanceSettings.settings(),
  );

  app.put(
    "/settings/attendance",
    {
      schema: {
        tags: ["attendance"],
        summary: "Replace the weekly hours and absence settings; every problem is named by its field",
        body: attendanceSettingsSchema,
        response: { 200: attendanceSettingsSchema, ...errorResponses(400, 401, 403) },
      },
      config: { access: { kind: "permission", permission: "settings.manage" } },
    },
    async (request) => attendanceSettings.updateSettings(request.body, auditContextOf(request)),
  );
};
