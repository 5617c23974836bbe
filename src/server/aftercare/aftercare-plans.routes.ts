import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  aftercarePlanSavedSchema,
  aftercarePlanSchema,
  participantSignAftercareInputSchema,
  saveAftercarePlanInputSchema,
  staffSignAftercareInputSchema,
} from "../../core/aftercare/aftercare-plan-api.schema";
import { errorBodySchema, errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf, participantAccessOf } from "../platform/route-access";
import type { AftercarePlansService } from "./aftercare-plans.service";

const chartParams = z.object({ id: z.uuid("This is not a valid participant id.") });

/** 409 AFTERCARE_PLAN_EDIT_CONFLICT carries the plan as it is now (`error.current`). */
const editConflictSchema = errorBodySchema
  .extend({ error: errorBodySchema.shape.error.extend({ current: aftercarePlanSchema.optional() }) })
  .describe("Error");

/**
 * The aftercare plan: the participant's own under /me (the participant comes from the session), and
 * the same plan in the chart for their care team (clinical.view to read, clinical.write to edit and
 * sign). The guard decides and audits refusals; the service audits each read and write.
 */
export const aftercarePlansRoutes: FastifyPluginAsyncZod<{ aftercarePlans: AftercarePlansService }> = async (
  app,
  { aftercarePlans: plans },
) => {
  const self = { via: "self" } as const;
  const chart = (request: Parameters<typeof participantAccessOf>[0]) => {
    const access = participantAccessOf(request);
    return { via: "chart", participantId: access.participantId, purpose: access.purpose } as const;
  };

  app.get(
    "/me/aftercare-plan",
    {
      schema: {
        tags: ["aftercare"],
        summary:
          "A participant's own aftercare plan (version 0 when never saved), with what it still lacks and their safety plan as the crisis plan",
        response: { 200: aftercarePlanSchema, ...errorResponses(401, 403, 404) },
      },
      config: { access: { kind: "signed-in" } },
    },
    async (request) => plans.getPlan(actorOf(request), self, auditContextOf(request)),
  );

  app.put(
    "/me/aftercare-plan",
    {
      schema: {
        tags: ["aftercare"],
        summary:
          "Save one's own aftercare plan as edited from `version`; a change after a signature clears the signatures",
        body: saveAftercarePlanInputSchema,
        response: {
          200: aftercarePlanSavedSchema,
          ...errorResponses(400, 401, 403, 404),
          409: editConflictSchema,
        },
      },
      config: { access: { kind: "signed-in" } },
    },
    async (request) => plans.savePlan(actorOf(request), self, request.body, auditContextOf(request)),
  );

  app.post(
    "/me/aftercare-plan/sign",
    {
      schema: {
        tags: ["aftercare"],
        summary: "Sign one's own aftercare plan by typing one's full name as on the record",
        body: participantSignAftercareInputSchema,
        response: {
          200: aftercarePlanSchema,
          ...errorResponses(400, 401, 403, 404),
          409: editConflictSchema,
        },
      },
      config: { access: { kind: "signed-in" } },
    },
    async (request) => plans.signAsParticipant(actorOf(request), request.body, auditContextOf(request)),
  );

  app.get(
    "/participants/:id/aftercare-plan",
    {
      schema: {
        tags: ["aftercare"],
        summary: "A participant's aftercare plan in the chart, with its gaps and signatures",
        params: chartParams,
        response: { 200: aftercarePlanSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: { kind: "participant", permission: "clinical.view" } },
    },
    async (request) => plans.getPlan(actorOf(request), chart(request), auditContextOf(request)),
  );

  app.put(
    "/participants/:id/aftercare-plan",
    {
      schema: {
        tags: ["aftercare"],
        summary:
          "Save a participant's aftercare plan as edited from `version`, with them; a change after a signature clears the signatures",
        params: chartParams,
        body: saveAftercarePlanInputSchema,
        response: {
          200: aftercarePlanSavedSchema,
          ...errorResponses(400, 401, 403, 404),
          409: editConflictSchema,
        },
      },
      config: { access: { kind: "participant", permission: "clinical.write" } },
    },
    async (request) =>
      plans.savePlan(actorOf(request), chart(request), request.body, auditContextOf(request)),
  );

  app.post(
    "/participants/:id/aftercare-plan/sign",
    {
      schema: {
        tags: ["aftercare"],
        summary: "Sign a participant's aftercare plan as their clinician",
        params: chartParams,
        body: staffSignAftercareInputSchema,
        response: {
          200: aftercarePlanSchema,
          ...errorResponses(400, 401, 403, 404),
          409: editConflictSchema,
        },
      },
      config: { access: { kind: "participant", permission: "clinical.write" } },
    },
    async (request) =>
      plans.signAsStaff(actorOf(request), chart(request), request.body, auditContextOf(request)),
  );
};
