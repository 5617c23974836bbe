import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { helpResourcesSchema, myHelpResourcesSchema } from "../../core/help-resources/help-resources.schema";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf } from "../platform/route-access";
import type { HelpResourcesService } from "./help-resources.service";

/** The program's local help resources (settings) and the participant's Help page. */
export const helpResourcesRoutes: FastifyPluginAsyncZod<{ helpResources: HelpResourcesService }> = async (
  app,
  { helpResources },
) => {
  app.get(
    "/help-resources",
    {
      schema: {
        tags: ["participant-app"],
        summary: "The local resources the program lists on its participants' Help page",
        response: { 200: helpResourcesSchema, ...errorResponses(401, 403) },
      },
      config: { access: { kind: "permission", permission: "settings.manage" } },
    },
    async () => helpResources.settings(),
  );

  app.put(
    "/help-resources",
    {
      schema: {
        tags: ["participant-app"],
        summary:
          "Replace the local resources on the participants' Help page (name, phone, web address, language)",
        body: helpResourcesSchema,
        response: { 200: helpResourcesSchema, ...errorResponses(400, 401, 403) },
      },
      config: { access: { kind: "permission", permission: "settings.manage" } },
    },
    async (request) => helpResources.updateSettings(request.body, auditContextOf(request)),
  );

  app.get(
    "/me/help-resources",
    {
      schema: {
        tags: ["participant-app"],
        summary:
          "A signed-in participant's Help page: the program's local resources and their site's on-call line",
        response: { 200: myHelpResourcesSchema, ...errorResponses(401, 403) },
      },
      config: { access: { kind: "signed-in" } },
    },
    async (request) => helpResources.mine(actorOf(request)),
  );
};
