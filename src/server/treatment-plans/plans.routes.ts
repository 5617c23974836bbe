import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { saveDraftSchema, staffSignSchema, startPlanSchema } from "../../core/treatment-plans/plan.schema";
import {
  currentObjectivesResponseSchema,
  participantPlanResponseSchema,
  participantPlanSchema,
  planDiffSchema,
  planProgressResponseSchema,
  versionDetailSchema,
} from "../../core/treatment-plans/plan-api.schema";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf, participantAccessOf } from "../platform/route-access";
import type { PlanSigning } from "./plan-signing";
import type { PlansService } from "./plans.service";

const participantParams = z.object({ id: z.uuid("This is not a valid participant id.") });
const planParams = z.object({ planId: z.uuid("This is not a valid plan id.") });
const versionParams = planParams.extend({ versionId: z.uuid("This is not a valid plan version id.") });
const revisionBody = z.object({ revision: z.number().int().min(1) });

/**
 * Treatment plans in the chart: the plan of a participant, starting it, autosaving its draft,
 * freezing it for signatures, signing, revising, a version and the difference between two, and the
 * golden thread of current objectives. Routes under /treatment-plans/:planId are decided by the
 * service on the plan's participant (clinical.view to read, clinical.write to change), and audited
 * there; routes under /participants/:id by the guard.
 */
export const plansRoutes: FastifyPluginAsyncZod<{ plans: PlansService; signing: PlanSigning }> = async (
  app,
  { plans, signing },
) => {
  app.get(
    "/participants/:id/treatment-plan",
    {
      schema: {
        tags: ["treatment-plans"],
        summary:
          "A participant's treatment plan (open episode, else latest): current signed version, the version being written or signed, every version, reviews and when the next is due",
        params: participantParams,
        response: { 200: participantPlanResponseSchema, ...errorResponses(401, 403, 404) },
      },
      // Audited by the service: staff read it; a participant is refused (their plan is under /me).
      config: { access: { kind: "participant", permission: "clinical.view" } },
    },
    async (request) => ({
      plan: await plans.participantPlan(
        actorOf(request),
        participantAccessOf(request),
        auditContextOf(request),
      ),
    }),
  );

  app.post(
    "/participants/:id/treatment-plan",
    {
      schema: {
        tags: ["treatment-plans"],
        summary:
          "Start the treatment plan of the open episode: version 1 as a draft, from the chosen templates and suggested problems",
        params: participantParams,
        body: startPlanSchema,
        response: {
          201: z.object({ plan: participantPlanSchema }),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
      config: { access: { kind: "participant", permission: "clinical.write" } },
    },
    async (request, reply) =>
      reply.status(201).send({
        plan: await plans.startPlan(
          actorOf(request),
          participantAccessOf(request),
          request.body,
          auditContextOf(request),
        ),
      }),
  );

  app.get(
    "/participants/:id/treatment-plan/objectives",
    {
      schema: {
        tags: ["treatment-plans"],
        summary:
          "The participant's current objectives (signed plan in force, latest reviewed status): what notes and check-ins tie to",
        params: participantParams,
        response: { 200: currentObjectivesResponseSchema, ...errorResponses(401, 403, 404) },
      },
      config: {
        access: { kind: "participant", permission: "clinical.view" },
        audit: { action: "treatment_plan.objectives_view", resourceType: "treatment_plan" },
      },
    },
    async (request) => plans.currentObjectives(participantAccessOf(request).participantId),
  );

  app.get(
    "/participants/:id/treatment-plan/progress",
    {
      schema: {
        tags: ["treatment-plans"],
        summary:
          "Each objective's course: its status at each signing and signed review, and the measured values the record has",
        params: participantParams,
        response: { 200: planProgressResponseSchema, ...errorResponses(401, 403, 404) },
      },
      config: {
        access: { kind: "participant", permission: "clinical.view" },
        audit: { action: "treatment_plan.progress_view", resourceType: "treatment_plan" },
      },
    },
    async (request) => plans.progress(participantAccessOf(request).participantId),
  );

  app.put(
    "/treatment-plans/:planId/versions/:versionId",
    {
      schema: {
        tags: ["treatment-plans"],
        summary:
          "Autosave a draft (optimistic locking: refused with who saved meanwhile when the revision read is not the stored one)",
        params: versionParams,
        body: saveDraftSchema,
        response: { 200: versionDetailSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: { kind: "signed-in", staffPermission: "clinical.write" } },
    },
    async (request) =>
      plans.saveDraft(
        actorOf(request),
        request.params.planId,
        request.params.versionId,
        request.body,
        auditContextOf(request),
      ),
  );

  app.post(
    "/treatment-plans/:planId/versions/:versionId/finalize",
    {
      schema: {
        tags: ["treatment-plans"],
        summary: "Freeze a complete draft for signatures (every missing piece is named)",
        params: versionParams,
        body: revisionBody,
        response: { 200: versionDetailSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: { kind: "signed-in", staffPermission: "clinical.write" } },
    },
    async (request) =>
      plans.finalize(
        actorOf(request),
        request.params.planId,
        request.params.versionId,
        request.body.revision,
        auditContextOf(request),
      ),
  );

  app.post(
    "/treatment-plans/:planId/versions/:versionId/reopen",
    {
      schema: {
        tags: ["treatment-plans"],
        summary: "Return a version awaiting signatures to draft (its signatures are removed)",
        params: versionParams,
        body: revisionBody,
        response: { 200: versionDetailSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: { kind: "signed-in", staffPermission: "clinical.write" } },
    },
    async (request) =>
      plans.reopen(
        actorOf(request),
        request.params.planId,
        request.params.versionId,
        request.body.revision,
        auditContextOf(request),
      ),
  );

  app.post(
    "/treatment-plans/:planId/versions/:versionId/signatures",
    {
      schema: {
        tags: ["treatment-plans"],
        summary:
          "Sign a version as the clinician or as the named supervisor, re-entering your password or an authenticator code",
        params: versionParams,
        body: staffSignSchema,
        response: { 200: versionDetailSchema, ...errorResponses(400, 401, 403, 404, 409, 429) },
      },
      // Guessing is stopped by the same account and IP lockout as sign-in (see reauth.ts).
      config: { access: { kind: "signed-in", staffPermission: "clinical.view" } },
    },
    async (request) =>
      signing.staffSign(
        actorOf(request),
        request.params.planId,
        request.params.versionId,
        request.body,
        auditContextOf(request),
      ),
  );

  app.post(
    "/treatment-plans/:planId/revisions",
    {
      schema: {
        tags: ["treatment-plans"],
        summary: "Start a revision: a new draft version copied from the signed version in force",
        params: planParams,
        response: { 201: versionDetailSchema, ...errorResponses(401, 403, 404, 409) },
      },
      config: { access: { kind: "signed-in", staffPermission: "clinical.write" } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await plans.startRevision(actorOf(request), request.params.planId, auditContextOf(request))),
  );

  app.get(
    "/treatment-plans/:planId/versions/:versionId",
    {
      schema: {
        tags: ["treatment-plans"],
        summary: "One version of a plan with its content and signatures",
        params: versionParams,
        response: { 200: versionDetailSchema, ...errorResponses(401, 403, 404) },
      },
      config: { access: { kind: "signed-in", staffPermission: "clinical.view" } },
    },
    async (request) =>
      plans.version(
        actorOf(request),
        request.params.planId,
        request.params.versionId,
        auditContextOf(request),
      ),
  );

  app.get(
    "/treatment-plans/:planId/versions/:versionId/diff",
    {
      schema: {
        tags: ["treatment-plans"],
        summary:
          "What changed from another version (by default the one this version was based on) to this one, change by change",
        params: versionParams,
        querystring: z.object({ against: z.uuid("This is not a valid plan version id.").optional() }),
        response: { 200: planDiffSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: { kind: "signed-in", staffPermission: "clinical.view" } },
    },
    async (request) =>
      plans.diff(
        actorOf(request),
        request.params.planId,
        request.params.versionId,
        request.query.against,
        auditContextOf(request),
      ),
  );
};
