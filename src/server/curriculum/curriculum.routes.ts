import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  moduleCreateSchema,
  moduleDetailSchema,
  moduleEditSchema,
  moduleKeyParamsSchema,
  moduleLanguageSchema,
  moduleListQuerySchema,
  moduleListSchema,
  moduleVersionQuerySchema,
  occurrenceModuleParamsSchema,
  occurrenceModulePutSchema,
  occurrenceModuleSchema,
  skillsCatalogSchema,
  trackModulesQuerySchema,
  trackModulesSchema,
} from "../../core/curriculum/curriculum-api.schema";
import { trackIdParamsSchema } from "../../core/schedule/tracks.schema";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf, type RouteAccess } from "../platform/route-access";
import type { CurriculumService } from "./curriculum.service";

/** Those who run groups (schedule.view) and clinicians (clinical.view) read the library. */
const READ: RouteAccess = { kind: "any-permission", permissions: ["schedule.view", "clinical.view"] };
/** Writing the curriculum is writing clinical teaching content: clinical.write. */
const WRITE: RouteAccess = { kind: "permission", permission: "clinical.write" };
/** Planning a track's session is scheduling; the service also checks the track's site. */
const PLAN: RouteAccess = { kind: "permission", permission: "schedule.manage" };
const SCHEDULE_READ: RouteAccess = {
  kind: "any-permission",
  permissions: ["schedule.view", "settings.manage"],
};

/** The curriculum library and the modules a track's sessions are planned with. */
export const curriculumRoutes: FastifyPluginAsyncZod<{ curriculum: CurriculumService }> = async (
  app,
  { curriculum },
) => {
  app.get(
    "/curriculum/modules",
    {
      schema: {
        tags: ["curriculum"],
        summary:
          "The curriculum library in English or Spanish: the version in use of each module (the program's latest edit, else the shipped text), archived ones left out unless asked",
        querystring: moduleListQuerySchema,
        response: { 200: moduleListSchema, ...errorResponses(400, 401, 403) },
      },
      config: { access: READ },
    },
    async (request) => curriculum.listModules(request.query),
  );

  app.get(
    "/curriculum/skills",
    {
      schema: {
        tags: ["curriculum"],
        summary: "Every skill the library teaches, by key, named in English or Spanish",
        querystring: z.object({ language: moduleLanguageSchema.default("en") }),
        response: { 200: skillsCatalogSchema, ...errorResponses(400, 401, 403) },
      },
      config: { access: READ },
    },
    async (request) => curriculum.skillsCatalog(request.query.language),
  );

  app.get(
    "/curriculum/modules/:key",
    {
      schema: {
        tags: ["curriculum"],
        summary:
          "One module in both languages (the latest version unless ?version= asks for another) and its versions",
        params: moduleKeyParamsSchema,
        querystring: moduleVersionQuerySchema,
        response: { 200: moduleDetailSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: READ },
    },
    async (request) => curriculum.getModule(request.params.key, request.query.version),
  );

  app.post(
    "/curriculum/modules",
    {
      schema: {
        tags: ["curriculum"],
        summary: "Add the program's own module (its key must be new to the library)",
        body: moduleCreateSchema,
        response: { 201: moduleDetailSchema, ...errorResponses(400, 401, 403, 409) },
      },
      config: { access: WRITE },
    },
    async (request, reply) => {
      const created = await curriculum.createModule(
        actorOf(request),
        request.body.module,
        auditContextOf(request),
      );
      return reply.status(201).send(created);
    },
  );

  app.put(
    "/curriculum/modules/:key",
    {
      schema: {
        tags: ["curriculum"],
        summary:
          "Save a new version of a module, from the version the editor opened (409 when someone saved a newer one)",
        params: moduleKeyParamsSchema,
        body: moduleEditSchema,
        response: { 200: moduleDetailSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: WRITE },
    },
    async (request) =>
      curriculum.editModule(actorOf(request), request.params.key, request.body, auditContextOf(request)),
  );

  for (const [action, archived] of [
    ["archive", true],
    ["unarchive", false],
  ] as const) {
    app.post(
      `/curriculum/modules/:key/${action}`,
      {
        schema: {
          tags: ["curriculum"],
          summary: archived
            ? "Archive a module: left out of the library and of planning; sessions already planned keep it"
            : "Bring an archived module back to the library",
          params: moduleKeyParamsSchema,
          response: { 200: moduleDetailSchema, ...errorResponses(401, 403, 404) },
        },
        config: { access: WRITE },
      },
      async (request) =>
        curriculum.setArchived(actorOf(request), request.params.key, archived, auditContextOf(request)),
    );
  }

  app.get(
    "/tracks/:trackId/occurrences/:key/module",
    {
      schema: {
        tags: ["curriculum"],
        summary: "The module a track's session is planned with (null when none)",
        params: occurrenceModuleParamsSchema,
        response: { 200: occurrenceModuleSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: SCHEDULE_READ },
    },
    async (request) =>
      curriculum.getOccurrenceModule(actorOf(request), request.params.trackId, request.params.key),
  );

  app.put(
    "/tracks/:trackId/occurrences/:key/module",
    {
      schema: {
        tags: ["curriculum"],
        summary: "Plan a track's session with a module from the library, or clear its plan (moduleKey null)",
        params: occurrenceModuleParamsSchema,
        body: occurrenceModulePutSchema,
        response: { 200: occurrenceModuleSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: PLAN },
    },
    async (request) =>
      curriculum.planOccurrence(
        actorOf(request),
        request.params.trackId,
        request.params.key,
        request.body.moduleKey,
        auditContextOf(request),
      ),
  );

  app.get(
    "/tracks/:id/modules",
    {
      schema: {
        tags: ["curriculum"],
        summary:
          "The modules a track's sessions are planned with, from one date to another (at most 93 days)",
        params: trackIdParamsSchema,
        querystring: trackModulesQuerySchema,
        response: { 200: trackModulesSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: SCHEDULE_READ },
    },
    async (request) =>
      curriculum.listTrackModules(actorOf(request), request.params.id, request.query.from, request.query.to),
  );
};
