import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  personalPlanSchema,
  savePersonalPlanInputSchema,
} from "../../core/personal-plans/personal-plan.schema";
import {
  markPlanSeenInputSchema,
  personalPlanKindParamsSchema,
  personalPlanVersionListSchema,
  personalPlanVersionParamsSchema,
  personalPlanVersionSchema,
} from "../../core/personal-plans/personal-plan-api.schema";
import { errorBodySchema, errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf, participantAccessOf } from "../platform/route-access";
import type { PersonalPlansService } from "./personal-plans.service";

const chartParams = personalPlanKindParamsSchema.extend({
  id: z.uuid("This is not a valid participant id."),
});
const chartVersionParams = personalPlanVersionParamsSchema.extend({
  id: z.uuid("This is not a valid participant id."),
});

/** 409 PERSONAL_PLAN_EDIT_CONFLICT carries the plan as it is now (`error.current`), to show the other's changes. */
const editConflictSchema = errorBodySchema
  .extend({ error: errorBodySchema.shape.error.extend({ current: personalPlanSchema.optional() }) })
  .describe("Error");

/**
 * Recovery and safety plans: the participant's own under /me (the participant comes from the
 * session), and the same in the chart for their care team (clinical.view to read, clinical.write to
 * edit; the guard decides and audits refusals, the service audits each read and write).
 */
export const personalPlansRoutes: FastifyPluginAsyncZod<{ personalPlans: PersonalPlansService }> = async (
  app,
  { personalPlans: plans },
) => {
  const self = { via: "self" } as const;

  app.get(
    "/me/personal-plans/:kind",
    {
      schema: {
        tags: ["personal-plans"],
        summary:
          "A participant's own recovery or safety plan (version 0 when never saved), with what their counselor changed since they last looked",
        params: personalPlanKindParamsSchema,
        response: { 200: personalPlanSchema, ...errorResponses(400, 401, 403) },
      },
      config: { access: { kind: "signed-in" } },
    },
    async (request) => plans.getPlan(actorOf(request), self, request.params.kind, auditContextOf(request)),
  );

  app.put(
    "/me/personal-plans/:kind",
    {
      schema: {
        tags: ["personal-plans"],
        summary: "Save one's own plan as edited from baseVersion (a new version when something changed)",
        params: personalPlanKindParamsSchema,
        body: savePersonalPlanInputSchema,
        response: { 200: personalPlanSchema, ...errorResponses(400, 401, 403), 409: editConflictSchema },
      },
      config: { access: { kind: "signed-in" } },
    },
    async (request) =>
      plans.savePlan(actorOf(request), self, request.params.kind, request.body, auditContextOf(request)),
  );

  app.get(
    "/me/personal-plans/:kind/versions",
    {
      schema: {
        tags: ["personal-plans"],
        summary: "The history of one's own plan, newest first",
        params: personalPlanKindParamsSchema,
        response: { 200: personalPlanVersionListSchema, ...errorResponses(400, 401, 403) },
      },
      config: { access: { kind: "signed-in" } },
    },
    async (request) =>
      plans.listVersions(actorOf(request), self, request.params.kind, auditContextOf(request)),
  );

  app.get(
    "/me/personal-plans/:kind/versions/:version",
    {
      schema: {
        tags: ["personal-plans"],
        summary: "One saved version of one's own plan, read-only",
        params: personalPlanVersionParamsSchema,
        response: { 200: personalPlanVersionSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: { kind: "signed-in" } },
    },
    async (request) =>
      plans.getVersion(
        actorOf(request),
        self,
        request.params.kind,
        request.params.version,
        auditContextOf(request),
      ),
  );

  app.post(
    "/me/personal-plans/:kind/seen",
    {
      schema: {
        tags: ["personal-plans"],
        summary:
          "Mark one's own plan seen up to a version (the counselor's changes up to it are no longer news)",
        params: personalPlanKindParamsSchema,
        body: markPlanSeenInputSchema,
        response: { 200: personalPlanSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: { kind: "signed-in" } },
    },
    async (request) =>
      plans.markSeen(actorOf(request), self, request.params.kind, request.body, auditContextOf(request)),
  );

  const chart = (request: Parameters<typeof participantAccessOf>[0]) => {
    const access = participantAccessOf(request);
    return { via: "chart", participantId: access.participantId, purpose: access.purpose } as const;
  };

  app.get(
    "/participants/:id/personal-plans/:kind",
    {
      schema: {
        tags: ["personal-plans"],
        summary:
          "A participant's recovery or safety plan in the chart, with what the participant changed since staff last looked",
        params: chartParams,
        response: { 200: personalPlanSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: { kind: "participant", permission: "clinical.view" } },
    },
    async (request) =>
      plans.getPlan(actorOf(request), chart(request), request.params.kind, auditContextOf(request)),
  );

  app.put(
    "/participants/:id/personal-plans/:kind",
    {
      schema: {
        tags: ["personal-plans"],
        summary:
          "Save a participant's plan as edited from baseVersion, with them (a new version when something changed)",
        params: chartParams,
        body: savePersonalPlanInputSchema,
        response: { 200: personalPlanSchema, ...errorResponses(400, 401, 403, 404), 409: editConflictSchema },
      },
      config: { access: { kind: "participant", permission: "clinical.write" } },
    },
    async (request) =>
      plans.savePlan(
        actorOf(request),
        chart(request),
        request.params.kind,
        request.body,
        auditContextOf(request),
      ),
  );

  app.get(
    "/participants/:id/personal-plans/:kind/versions",
    {
      schema: {
        tags: ["personal-plans"],
        summary: "The history of a participant's plan, newest first",
        params: chartParams,
        response: { 200: personalPlanVersionListSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: { kind: "participant", permission: "clinical.view" } },
    },
    async (request) =>
      plans.listVersions(actorOf(request), chart(request), request.params.kind, auditContextOf(request)),
  );

  app.get(
    "/participants/:id/personal-plans/:kind/versions/:version",
    {
      schema: {
        tags: ["personal-plans"],
        summary: "One saved version of a participant's plan, read-only",
        params: chartVersionParams,
        response: { 200: personalPlanVersionSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: { kind: "participant", permission: "clinical.view" } },
    },
    async (request) =>
      plans.getVersion(
        actorOf(request),
        chart(request),
        request.params.kind,
        request.params.version,
        auditContextOf(request),
      ),
  );

  app.post(
    "/participants/:id/personal-plans/:kind/seen",
    {
      schema: {
        tags: ["personal-plans"],
        summary: "Mark a participant's plan seen by the care team up to a version",
        params: chartParams,
        body: markPlanSeenInputSchema,
        response: { 200: personalPlanSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: { kind: "participant", permission: "clinical.view" } },
    },
    async (request) =>
      plans.markSeen(
        actorOf(request),
        chart(request),
        request.params.kind,
        request.body,
        auditContextOf(request),
      ),
  );
};
