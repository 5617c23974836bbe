import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { participantSignSchema, staffSignSchema } from "../../core/treatment-plans/plan.schema";
import { reviewDetailSchema, reviewSummarySchema } from "../../core/treatment-plans/plan-api.schema";
import { saveReviewSchema, startReviewSchema } from "../../core/treatment-plans/review.schema";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf } from "../platform/route-access";
import type { ReviewSigning } from "./review-signing";
import type { ReviewsService } from "./reviews.service";

const planParams = z.object({ planId: z.uuid("This is not a valid plan id.") });
const reviewParams = planParams.extend({ reviewId: z.uuid("This is not a valid review id.") });
const myReviewParams = z.object({ reviewId: z.uuid("This is not a valid review id.") });
const revisionBody = z.object({ revision: z.number().int().min(1) });
const participantReviewSignSchema = participantSignSchema.omit({ versionId: true });

/**
 * Plan reviews. Staff routes need clinical.view (reads) or clinical.write (changes) in general; the
 * service then decides on the plan's participant (care team, site) and audits every read and write.
 */
export const reviewsRoutes: FastifyPluginAsyncZod<{
  reviews: ReviewsService;
  reviewSigning: ReviewSigning;
}> = async (app, { reviews, reviewSigning }) => {
  app.post(
    "/treatment-plans/:planId/reviews",
    {
      schema: {
        tags: ["treatment-plans"],
        summary:
          "Start a review of the signed plan: a draft with each objective's current status and latest score filled in",
        params: planParams,
        body: startReviewSchema,
        response: { 201: reviewDetailSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: { kind: "permission", permission: "clinical.write" } },
    },
    async (request, reply) => {
      const review = await reviews.startReview(
        actorOf(request),
        request.params.planId,
        request.body,
        auditContextOf(request),
      );
      return reply.status(201).send(review);
    },
  );

  app.get(
    "/treatment-plans/:planId/reviews/:reviewId",
    {
      schema: {
        tags: ["treatment-plans"],
        summary: "One review: progress per objective, summary, signatures",
        params: reviewParams,
        response: { 200: reviewDetailSchema, ...errorResponses(401, 403, 404) },
      },
      config: { access: { kind: "permission", permission: "clinical.view" } },
    },
    async (request) =>
      reviews.review(
        actorOf(request),
        request.params.planId,
        request.params.reviewId,
        auditContextOf(request),
      ),
  );

  app.put(
    "/treatment-plans/:planId/reviews/:reviewId",
    {
      schema: {
        tags: ["treatment-plans"],
        summary: "Save a draft review (the revision read; a stale one is refused naming who saved since)",
        params: reviewParams,
        body: saveReviewSchema,
        response: { 200: reviewDetailSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: { kind: "permission", permission: "clinical.write" } },
    },
    async (request) =>
      reviews.saveReview(
        actorOf(request),
        request.params.planId,
        request.params.reviewId,
        request.body,
        auditContextOf(request),
      ),
  );

  app.post(
    "/treatment-plans/:planId/reviews/:reviewId/finalize",
    {
      schema: {
        tags: ["treatment-plans"],
        summary: "Send a draft review for signatures: progress on every objective and a summary are required",
        params: reviewParams,
        body: revisionBody,
        response: { 200: reviewDetailSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: { kind: "permission", permission: "clinical.write" } },
    },
    async (request) =>
      reviews.finalizeReview(
        actorOf(request),
        request.params.planId,
        request.params.reviewId,
        request.body.revision,
        auditContextOf(request),
      ),
  );

  app.post(
    "/treatment-plans/:planId/reviews/:reviewId/reopen",
    {
      schema: {
        tags: ["treatment-plans"],
        summary: "Return a review awaiting signatures to draft (its signatures are cleared)",
        params: reviewParams,
        body: revisionBody,
        response: { 200: reviewDetailSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: { kind: "permission", permission: "clinical.write" } },
    },
    async (request) =>
      reviews.reopenReview(
        actorOf(request),
        request.params.planId,
        request.params.reviewId,
        request.body.revision,
        auditContextOf(request),
      ),
  );

  app.post(
    "/treatment-plans/:planId/reviews/:reviewId/signatures",
    {
      schema: {
        tags: ["treatment-plans"],
        summary:
          "Sign a review as the clinician or the named supervisor, re-entering a password or an authenticator code",
        params: reviewParams,
        body: staffSignSchema,
        response: { 200: reviewDetailSchema, ...errorResponses(400, 401, 403, 404, 409, 429) },
      },
      // Clinicians hold clinical.write; a supervisor co-signing may hold only plans.cosign.
      config: { access: { kind: "any-permission", permissions: ["clinical.write", "plans.cosign"] } },
    },
    async (request) =>
      reviewSigning.signReview(
        actorOf(request),
        request.params.planId,
        request.params.reviewId,
        request.body,
        auditContextOf(request),
      ),
  );

  app.get(
    "/me/treatment-plan/reviews",
    {
      schema: {
        tags: ["treatment-plans"],
        summary:
          "The participant's own plan reviews awaiting their signature or signed, newest first (never a draft)",
        response: {
          200: z.object({ reviews: z.array(reviewSummarySchema) }),
          ...errorResponses(401, 403),
        },
      },
      config: { access: { kind: "signed-in" } },
    },
    async (request) => ({
      reviews: await reviewSigning.myReviews(actorOf(request), auditContextOf(request)),
    }),
  );

  app.get(
    "/me/treatment-plan/reviews/:reviewId",
    {
      schema: {
        tags: ["treatment-plans"],
        summary: "The participant's own plan review, once it awaits their signature or is signed",
        params: myReviewParams,
        response: { 200: reviewDetailSchema, ...errorResponses(401, 403, 404) },
      },
      config: { access: { kind: "signed-in" } },
    },
    async (request) =>
      reviewSigning.myReview(actorOf(request), request.params.reviewId, auditContextOf(request)),
  );

  app.post(
    "/me/treatment-plan/reviews/:reviewId/signatures",
    {
      schema: {
        tags: ["treatment-plans"],
        summary: "The participant signs their plan review by typing their name",
        params: myReviewParams,
        body: participantReviewSignSchema,
        response: { 200: reviewDetailSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: { kind: "signed-in" } },
    },
    async (request) =>
      reviewSigning.signMyReview(
        actorOf(request),
        request.params.reviewId,
        request.body,
        auditContextOf(request),
      ),
  );
};
