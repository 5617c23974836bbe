import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { linkedFamilyListSchema } from "../../core/schedule/linked-family.schema";
import { errorResponses } from "../platform/openapi";
import { participantAccessOf } from "../platform/route-access";
import type { LinkedFamilyService } from "./linked-family.service";

const idParams = z.object({ id: z.uuid("This is not a valid participant id.") });

/** Who can be ticked as attending a family session: the participant's linked family accounts. */
export const linkedFamilyRoutes: FastifyPluginAsyncZod<{ linkedFamily: LinkedFamilyService }> = async (
  app,
  { linkedFamily },
) => {
  app.get(
    "/participants/:id/family-members",
    {
      schema: {
        tags: ["schedule"],
        summary:
          "The participant's family members with a Bridgeway account (name and relationship), for booking a family session",
        params: idParams,
        response: { 200: linkedFamilyListSchema, ...errorResponses(400, 401, 403, 404) },
      },
      // Those who book for the participant; the guard audits the read with the participant.
      config: {
        access: { kind: "participant", permission: "schedule.manage" },
        audit: { action: "schedule.family_members_view", resourceType: "family_link" },
      },
    },
    async (request) => linkedFamily.list(participantAccessOf(request).participantId),
  );
};
