import { eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { staffRoleSchema, userKindSchema } from "../../core/identity/identity.schema";
import type { Database } from "../db/connection";
import { appSettings } from "../db/schema";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_SETTING } from "../demo/demo-accounts";

const metaSchema = z.object({
  product: z.literal("Bridgeway"),
  version: z.string(),
  demoMode: z
    .boolean()
    .describe("True when this database holds the generated demo program (all people fictional)"),
  demoAccounts: z.array(
    z.object({ email: z.string(), role: z.union([staffRoleSchema, userKindSchema]), kind: userKindSchema }),
  ),
  demoPassword: z.string().nullable(),
});

export const metaRoutes: FastifyPluginAsyncZod<{ db: Database; version: string }> = async (
  app,
  { db, version },
) => {
  app.get(
    "/meta",
    {
      schema: {
        tags: ["platform"],
        summary: "Product, version and whether this is a demo installation",
        response: { 200: metaSchema },
      },
      config: { access: { kind: "public" } },
    },
    async () => {
      const rows = await db.select().from(appSettings).where(eq(appSettings.name, DEMO_SETTING));
      const demoMode = rows.length > 0;
      return {
        product: "Bridgeway" as const,
        version,
        demoMode,
        demoAccounts: demoMode
          ? DEMO_ACCOUNTS.map((a) => ({ email: a.email, role: a.roles[0] ?? a.kind, kind: a.kind }))
          : [],
        demoPassword: demoMode ? DEMO_PASSWORD : null,
      };
    },
  );
};
