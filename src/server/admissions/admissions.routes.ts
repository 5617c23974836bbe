import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  admissionConflictSchema,
  admissionInputSchema,
  admissionResultSchema,
} from "../../core/admissions/admission.schema";
import {
  inquiryInputSchema,
  inquiryReceiptSchema,
  publicSitesSchema,
} from "../../core/admissions/inquiries.schema";
import {
  leadDetailSchema,
  leadListQuerySchema,
  leadListSchema,
  leadUpdateInputSchema,
  levelRuleSchema,
  levelRulesSchema,
  referralInputSchema,
  stageChangeInputSchema,
} from "../../core/admissions/leads.schema";
import { programPageInputSchema, programPageSchema } from "../../core/admissions/program-page";
import { screeningInputSchema } from "../../core/admissions/screening.schema";
import { searchIcdCodes } from "../../core/diagnoses/icd10cm";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf } from "../platform/route-access";
import type { AdmissionsService } from "./admissions.service";

const idParams = z.object({ id: z.uuid("This is not a valid id.") });
const manage = { kind: "permission", permission: "admissions.manage" } as const;

/** The public side (locations, inquiries) and the intake pipeline. */
export const admissionsRoutes: FastifyPluginAsyncZod<{ admissions: AdmissionsService }> = async (
  app,
  { admissions },
) => {
  app.get(
    "/public/sites",
    {
      schema: {
        tags: ["admissions"],
        summary: "The program's locations, for the public inquiry form",
        response: { 200: publicSitesSchema },
      },
      config: { access: { kind: "public" } },
    },
    async () => ({ sites: await admissions.listPublicSites() }),
  );

  app.get(
    "/public/program-pages/:id",
    {
      schema: {
        tags: ["admissions"],
        summary: "A location's public program page (markdown)",
        params: idParams,
        response: { 200: programPageSchema, ...errorResponses(404) },
      },
      config: { access: { kind: "public" } },
    },
    async (request) => admissions.programPage(request.params.id),
  );

  app.put(
    "/program-pages/:id",
    {
      schema: {
        tags: ["admissions"],
        summary: "Write a location's public program page (markdown)",
        params: idParams,
        body: programPageInputSchema,
        response: { 200: programPageSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: { kind: "permission", permission: "sites.manage" } },
    },
    async (request) =>
      admissions.saveProgramPage(
        actorOf(request),
        request.params.id,
        request.body.bodyMarkdown,
        auditContextOf(request),
      ),
  );

  app.post(
    "/inquiries",
    {
      schema: {
        tags: ["admissions"],
        summary: "A public inquiry (for oneself or a loved one); no account needed",
        body: inquiryInputSchema,
        response: { 201: inquiryReceiptSchema, ...errorResponses(400, 429) },
      },
      config: { access: { kind: "public" }, rateLimit: { max: 5, timeWindow: "1 minute" } },
    },
    async (request, reply) =>
      reply.status(201).send(await admissions.createInquiry(request.body, auditContextOf(request))),
  );

  app.post(
    "/admissions/referrals",
    {
      schema: {
        tags: ["admissions"],
        summary: "Record a referral from a partner (detox, inpatient, residential, PHP, court, …)",
        body: referralInputSchema,
        response: { 201: leadDetailSchema, ...errorResponses(400, 401, 403) },
      },
      config: { access: manage },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await admissions.createReferral(actorOf(request), request.body, auditContextOf(request))),
  );

  app.get(
    "/admissions/leads",
    {
      schema: {
        tags: ["admissions"],
        summary: "The pipeline at my sites: filter by stage, owner, overdue follow-up, name or reference",
        querystring: leadListQuerySchema,
        response: { 200: leadListSchema, ...errorResponses(400, 401, 403) },
      },
      config: {
        access: manage,
        audit: { action: "admissions.lead_list", resourceType: "admission_lead_list" },
      },
    },
    async (request) => admissions.list(actorOf(request), request.query),
  );

  app.get(
    "/admissions/leads/:id",
    {
      schema: {
        tags: ["admissions"],
        summary: "One inquiry or referral with its stage history",
        params: idParams,
        response: { 200: leadDetailSchema, ...errorResponses(401, 403, 404) },
      },
      config: { access: manage, audit: { action: "admissions.lead_view", resourceType: "admission_lead" } },
    },
    async (request) => admissions.detail(actorOf(request), request.params.id),
  );

  app.post(
    "/admissions/leads/:id/stage",
    {
      schema: {
        tags: ["admissions"],
        summary: "Move an inquiry or referral to another stage (illegal moves are refused with a code)",
        params: idParams,
        body: stageChangeInputSchema,
        response: { 200: leadDetailSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: manage },
    },
    async (request) =>
      admissions.changeStage(actorOf(request), request.params.id, request.body, auditContextOf(request)),
  );

  app.post(
    "/admissions/leads/:id/screening",
    {
      schema: {
        tags: ["admissions"],
        summary: "Record a screening: eligibility, six dimension ratings, recommended and provided level",
        params: idParams,
        body: screeningInputSchema,
        response: { 200: leadDetailSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: manage },
    },
    async (request) =>
      admissions.recordScreening(actorOf(request), request.params.id, request.body, auditContextOf(request)),
  );

  app.post(
    "/admissions/leads/:id/admission",
    {
      schema: {
        tags: ["admissions"],
        summary:
          "Admit: create the participant, the episode of care and the diagnoses, and close the lead as admitted",
        params: idParams,
        body: admissionInputSchema,
        response: {
          201: admissionResultSchema,
          ...errorResponses(400, 401, 403, 404),
          409: admissionConflictSchema,
        },
      },
      config: { access: manage },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await admissions.admit(actorOf(request), request.params.id, request.body, auditContextOf(request)),
        ),
  );

  app.get(
    "/diagnosis-codes",
    {
      schema: {
        tags: ["admissions"],
        summary: "Search the local ICD-10-CM list by code or words (typos tolerated)",
        querystring: z.object({ q: z.string().trim().max(100, "Search with at most 100 characters.") }),
        response: {
          200: z.object({
            codes: z.array(
              z.object({
                code: z.string(),
                title: z.string(),
                group: z.enum(["substance_use", "co_occurring"]),
              }),
            ),
          }),
          ...errorResponses(400, 401, 403),
        },
      },
      config: { access: manage },
    },
    async (request) => ({ codes: searchIcdCodes(request.query.q) }),
  );

  app.get(
    "/admissions/level-rules",
    {
      schema: {
        tags: ["admissions"],
        summary: "The program's rules for the suggested level of care (one per edition)",
        response: { 200: levelRulesSchema, ...errorResponses(401, 403) },
      },
      // Screeners read them; administrators change them on the admissions settings page.
      config: { access: { kind: "any-permission", permissions: ["admissions.manage", "settings.manage"] } },
    },
    async () => admissions.levelRules(),
  );

  app.put(
    "/admissions/level-rules",
    {
      schema: {
        tags: ["admissions"],
        summary: "Change the program's rule for one edition",
        body: levelRuleSchema,
        response: { 200: levelRulesSchema, ...errorResponses(400, 401, 403) },
      },
      config: { access: { kind: "permission", permission: "settings.manage" } },
    },
    async (request) => admissions.setLevelRule(request.body, auditContextOf(request)),
  );

  app.patch(
    "/admissions/leads/:id",
    {
      schema: {
        tags: ["admissions"],
        summary: "Set the owner, the next action and its due date",
        params: idParams,
        body: leadUpdateInputSchema,
        response: { 200: leadDetailSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: manage },
    },
    async (request) =>
      admissions.update(actorOf(request), request.params.id, request.body, auditContextOf(request)),
  );
};
