import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { accessLogPageSchema } from "../../core/audit/audit.schema";
import { levelChangeInputSchema, sobrietyDateInputSchema } from "../../core/participants/chart.schema";
import {
  breakGlassGrantSchema,
  breakGlassInputSchema,
  careTeamSchema,
  careTeamUpdateSchema,
  participantListQuerySchema,
  participantListSchema,
  participantRecordSchema,
} from "../../core/participants/participants.schema";
import { participantAccessLog } from "../audit/audit.service";
import type { Database } from "../db/connection";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf, participantAccessOf } from "../platform/route-access";
import type { ParticipantsService } from "./participants.service";

const idParams = z.object({ id: z.uuid("This is not a valid participant id.") });

export const participantsRoutes: FastifyPluginAsyncZod<{
  db: Database;
  participants: ParticipantsService;
}> = async (app, { db, participants }) => {
  app.get(
    "/participants",
    {
      schema: {
        tags: ["participants"],
        summary:
          "Participants I may see: my sites (or my care team), myself, or (with consent) my family member",
        querystring: participantListQuerySchema,
        response: { 200: participantListSchema, ...errorResponses(400, 401, 403) },
      },
      config: {
        access: { kind: "signed-in", staffPermission: "participants.list" },
        audit: { action: "participant.list", resourceType: "participant_list" },
      },
    },
    async (request) => participants.list(actorOf(request), request.query),
  );

  app.get(
    "/participants/:id",
    {
      schema: {
        tags: ["participants"],
        summary:
          "A participant's record: demographics, episodes, care team, and clinical summary where permitted",
        params: idParams,
        response: { 200: participantRecordSchema, ...errorResponses(401, 403, 404) },
      },
      config: {
        access: { kind: "participant", permission: "participants.view" },
        audit: { action: "participant.view", resourceType: "participant" },
      },
    },
    async (request) => participants.record(actorOf(request), participantAccessOf(request)),
  );

  app.post(
    "/participants/:id/break-glass",
    {
      schema: {
        tags: ["participants"],
        summary:
          "Open a record outside my care team in an emergency: reason required, 60 minutes, audited, alerts the clinical director",
        params: idParams,
        body: breakGlassInputSchema,
        response: { 201: breakGlassGrantSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: {
        access: { kind: "break-glass" },
        audit: { action: "participant.break_glass", resourceType: "participant" },
        rateLimit: { max: 10, timeWindow: "1 minute" },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await participants.breakGlass(
            actorOf(request),
            participantAccessOf(request),
            request.body.reason,
            auditContextOf(request),
          ),
        ),
  );

  app.get(
    "/participants/:id/access-log",
    {
      schema: {
        tags: ["participants"],
        summary: "Who accessed this record, when and why (participants may see their own)",
        params: idParams,
        querystring: z.object({ before: z.coerce.number().int().positive().optional() }),
        response: { 200: accessLogPageSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: {
        access: { kind: "participant", permission: "access_log.view" },
        audit: { action: "participant.access_log_view", resourceType: "access_log" },
      },
    },
    async (request) =>
      participantAccessLog(db, participantAccessOf(request).participantId, request.query.before),
  );

  app.post(
    "/participants/:id/level-of-care",
    {
      schema: {
        tags: ["participants"],
        summary: "Step up or down in level of care within the open episode (dated, with a reason)",
        params: idParams,
        body: levelChangeInputSchema,
        response: { 200: participantRecordSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: {
        access: { kind: "participant", permission: "clinical.write" },
        audit: { action: "participant.level_change", resourceType: "episode" },
      },
    },
    async (request) =>
      participants.changeLevel(
        actorOf(request),
        participantAccessOf(request),
        request.body,
        auditContextOf(request),
      ),
  );

  app.put(
    "/participants/:id/sobriety-date",
    {
      schema: {
        tags: ["participants"],
        summary:
          "Set or clear the sobriety date, or restart the counter after a lapse with a kind message (every change is kept)",
        params: idParams,
        body: sobrietyDateInputSchema,
        response: { 200: participantRecordSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: {
        access: { kind: "participant", permission: "clinical.write" },
        audit: { action: "participant.sobriety_date_update", resourceType: "participant" },
      },
    },
    async (request) =>
      participants.setSobrietyDate(
        actorOf(request),
        participantAccessOf(request),
        request.body,
        auditContextOf(request),
      ),
  );

  app.put(
    "/participants/:id/care-team",
    {
      schema: {
        tags: ["participants"],
        summary: "Set a participant's care team",
        params: idParams,
        body: careTeamUpdateSchema,
        response: { 200: careTeamSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: {
        access: { kind: "participant", permission: "care_team.manage" },
        audit: { action: "participant.care_team_update", resourceType: "care_team" },
      },
    },
    async (request) =>
      participants.replaceCareTeam(
        participantAccessOf(request),
        request.body.members,
        auditContextOf(request),
      ),
  );
};
