import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf } from "../platform/route-access";
import type { PlanPdfService, PrintedDocument } from "./plan-pdf.service";

const planParams = z.object({ planId: z.uuid("This is not a valid plan id.") });
const versionParams = planParams.extend({ versionId: z.uuid("This is not a valid plan version id.") });
const reviewParams = planParams.extend({ reviewId: z.uuid("This is not a valid review id.") });

/**
 * A plan version and a plan review as PDFs to download. The service decides clinical.view on the
 * plan's participant and audits the print (treatment_plan.print).
 */
export const planPdfRoutes: FastifyPluginAsyncZod<{ planPdfs: PlanPdfService }> = async (
  app,
  { planPdfs },
) => {
  const send = (reply: FastifyReply, document: PrintedDocument) =>
    reply
      .header("content-type", "application/pdf")
      .header("content-disposition", `attachment; filename="${document.filename}"`)
      .header("cache-control", "no-store")
      .send(document.pdf as never);

  app.get(
    "/treatment-plans/:planId/versions/:versionId/pdf",
    {
      schema: {
        tags: ["treatment-plans"],
        summary:
          "One version of a plan as a PDF: problems, goals, objectives, interventions, strengths, barriers, discharge criteria and signatures; watermarked until signed",
        params: versionParams,
        produces: ["application/pdf"],
        response: { ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: { kind: "permission", permission: "clinical.view" } },
    },
    async (request, reply) =>
      send(
        reply,
        await planPdfs.printVersion(
          actorOf(request),
          request.params.planId,
          request.params.versionId,
          auditContextOf(request),
        ),
      ),
  );

  app.get(
    "/treatment-plans/:planId/reviews/:reviewId/pdf",
    {
      schema: {
        tags: ["treatment-plans"],
        summary:
          "One review of a plan as a PDF: progress per objective, summary and signatures; watermarked until signed",
        params: reviewParams,
        produces: ["application/pdf"],
        response: { ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: { kind: "permission", permission: "clinical.view" } },
    },
    async (request, reply) =>
      send(
        reply,
        await planPdfs.printReview(
          actorOf(request),
          request.params.planId,
          request.params.reviewId,
          auditContextOf(request),
        ),
      ),
  );
};
