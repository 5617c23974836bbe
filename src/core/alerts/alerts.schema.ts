import { z } from "zod";

export const ALERT_KINDS = ["break_the_glass"] as const;
export const alertKindSchema = z.enum(ALERT_KINDS);

export const accessAlertSchema = z.object({
  id: z.uuid(),
  kind: alertKindSchema,
  createdAt: z.iso.datetime(),
  site: z.object({ id: z.uuid(), name: z.string() }),
  participant: z.object({ id: z.uuid(), name: z.string() }),
  staff: z.object({ id: z.uuid(), displayName: z.string() }),
  reason: z.string(),
  expiresAt: z.iso.datetime(),
  acknowledgedAt: z.iso.datetime().nullable(),
  acknowledgedBy: z.string().nullable(),
});
export const accessAlertListSchema = z.object({ alerts: z.array(accessAlertSchema) });
export const alertListQuerySchema = z.object({ status: z.enum(["open", "all"]).default("open") });
