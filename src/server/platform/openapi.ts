import { z } from "zod";

/** The error body every route may answer with, for the OpenAPI document. */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().describe("Stable error code, e.g. VALIDATION_FAILED"),
      message: z.string(),
      fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .describe("Error");

export function errorResponses<const S extends number>(...statuses: S[]): Record<S, typeof errorBodySchema> {
  return Object.fromEntries(statuses.map((s) => [s, errorBodySchema])) as Record<S, typeof errorBodySchema>;
}
