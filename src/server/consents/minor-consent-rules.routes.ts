import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { minorConsentRuleSchema } from "../../core/consents/consent.schema";
import { minorConsentRuleViewSchema } from "../../core/consents/consent-api.schema";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf } from "../platform/route-access";
import type { MinorConsentRulesService } from "./minor-consent-rules.service";

const siteParams = z.object({ id: z.uuid("This is not a valid site id.") });

/** A site's minor-consent rule (§2.14, state law; counsel fills it in): read by its staff, set by administrators. */
export const minorConsentRulesRoutes: FastifyPluginAsyncZod<{
  minorConsentRules: MinorConsentRulesService;
}> = async (app, { minorConsentRules }) => {
  app.get(
    "/sites/:id/minor-consent-rule",
    {
      schema: {
        tags: ["consents"],
        summary: "The site's rule for minors' consents in force (null until counsel has set one)",
        params: siteParams,
        response: { 200: minorConsentRuleViewSchema, ...errorResponses(400, 401, 403, 404) },
      },
      // Any staff member of the site (the service checks the site).
      config: { access: { kind: "signed-in" } },
    },
    async (request) => minorConsentRules.getRule(actorOf(request), request.params.id),
  );

  app.put(
    "/sites/:id/minor-consent-rule",
    {
      schema: {
        tags: ["consents"],
        summary: "Set the site's rule for minors (a new version; consents drafted from now on follow it)",
        params: siteParams,
        body: minorConsentRuleSchema,
        response: { 200: minorConsentRuleViewSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: { kind: "permission", permission: "settings.manage" } },
    },
    async (request) =>
      minorConsentRules.putRule(actorOf(request), request.params.id, request.body, auditContextOf(request)),
  );
};
