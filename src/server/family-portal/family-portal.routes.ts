import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  type FamilyView,
  familyAttendanceSchema,
  familyGoalsSchema,
  familyPeopleSchema,
  familyPersonParamsSchema,
  familyProgressSchema,
  familyScheduleSchema,
  familyScoresSchema,
} from "../../core/family-portal/family-portal.schema";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf } from "../platform/route-access";
import type { FamilyPortalService } from "./family-portal.service";

/**
 * The family portal's API: a signed-in family member and the people they support. Each view is a
 * logged disclosure under the consent naming them (the service checks it on every request); anyone
 * else is refused, and a participant they are not linked to is "not found".
 */
export const familyPortalRoutes: FastifyPluginAsyncZod<{ familyPortal: FamilyPortalService }> = async (
  app,
  { familyPortal },
) => {
  // Audited by the service: each view is a disclosure (or a denied attempt).
  const family = { access: { kind: "signed-in" } } as const;

  app.get(
    "/family/people",
    {
      schema: {
        tags: ["family-portal"],
        summary:
          "The people a family member supports whose consent is in force (first name, relationship, what they share and until when), and how many no longer share",
        response: { 200: familyPeopleSchema, ...errorResponses(401, 403) },
      },
      config: family,
    },
    async (request) => familyPortal.listPeople(actorOf(request), auditContextOf(request)),
  );

  const views: {
    view: FamilyView;
    schema:
      | typeof familyScheduleSchema
      | typeof familyAttendanceSchema
      | typeof familyProgressSchema
      | typeof familyGoalsSchema
      | typeof familyScoresSchema;
    summary: string;
  }[] = [
    {
      view: "schedule",
      schema: familyScheduleSchema,
      summary: "Upcoming family sessions of a person they support (time, place or video, with whom)",
    },
    {
      view: "attendance",
      schema: familyAttendanceSchema,
      summary: "Attended and expected sessions and hours over the last four weeks (no reasons, no notes)",
    },
    {
      view: "progress",
      schema: familyProgressSchema,
      summary: "The updates the participant chose to share, and days in recovery when a sobriety date is set",
    },
    {
      view: "goals",
      schema: familyGoalsSchema,
      summary:
        "The goals of the signed treatment plan in the participant's own words, with the steps' titles",
    },
    {
      view: "scores",
      schema: familyScoresSchema,
      summary:
        "Questionnaire totals with their dates and ranges (only when the participant chose to share them)",
    },
  ];
  for (const { view, schema, summary } of views) {
    app.get(
      `/family/people/:participantId/${view}`,
      {
        schema: {
          tags: ["family-portal"],
          summary,
          params: familyPersonParamsSchema,
          response: { 200: schema, ...errorResponses(400, 401, 403, 404) },
        },
        config: family,
      },
      async (request) =>
        familyPortal.view(actorOf(request), request.params.participantId, view, auditContextOf(request)),
    );
  }
};
