import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  dueListQuerySchema,
  dueListSchema,
  measurementScheduleSettingsSchema,
  measurementScheduleViewSchema,
  participantDueSchema,
} from "../../core/assessments/measurement-schedule.schema";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf, participantAccessOf } from "../platform/route-access";
import type { MeasurementScheduleService } from "./measurement-schedule.service";

const idParams = z.object({ id: z.uuid("This is not a valid participant id.") });

/** The measurement schedule (a program setting) and the lists of what is due from it. */
export const measurementScheduleRoutes: FastifyPluginAsyncZod<{
  measurementSchedule: MeasurementScheduleService;
}> = async (app, { measurementSchedule }) => {
  app.get(
    "/assessments/schedule",
    {
      schema: {
        tags: ["assessments"],
        summary:
          "The program's measurement schedule (which questionnaires at intake, every N days, at discharge, at follow-up) and grace days",
        response: { 200: measurementScheduleViewSchema, ...errorResponses(401, 403) },
      },
      // Clinicians read it (what is due comes from it); administrators change it.
      config: { access: { kind: "any-permission", permissions: ["clinical.view", "settings.manage"] } },
    },
    async () => measurementSchedule.schedule(),
  );

  app.put(
    "/assessments/schedule",
    {
      schema: {
        tags: ["assessments"],
        summary: "Replace the measurement schedule and grace days; every problem is named by field",
        body: measurementScheduleSettingsSchema,
        response: { 200: measurementScheduleViewSchema, ...errorResponses(400, 401, 403) },
      },
      config: { access: { kind: "permission", permission: "settings.manage" } },
    },
    async (request) => measurementSchedule.updateSchedule(request.body, auditContextOf(request)),
  );

  app.get(
    "/assessments/due",
    {
      schema: {
        tags: ["assessments"],
        summary:
          "Questionnaires due or overdue for the participants I may see (mine: my care team), longest-waiting first",
        querystring: dueListQuerySchema,
        response: { 200: dueListSchema, ...errorResponses(400, 401, 403) },
      },
      // The service reads through the participant list's scope and audits each participant shown.
      config: { access: { kind: "permission", permission: "clinical.view" } },
    },
    async (request) => measurementSchedule.dueList(actorOf(request), request.query, auditContextOf(request)),
  );

  app.get(
    "/participants/:id/assessments/due",
    {
      schema: {
        tags: ["assessments"],
        summary: "What the schedule asks of one participant now and next (the participant sees their own)",
        params: idParams,
        response: { 200: participantDueSchema, ...errorResponses(401, 403, 404) },
      },
      config: {
        access: { kind: "participant", permission: "clinical.view" },
        audit: { action: "assessment.due_view", resourceType: "assessment_schedule" },
      },
    },
    async (request) => measurementSchedule.participantDue(participantAccessOf(request).participantId),
  );
};
