import { z } from "zod";
import { informationScopeSchema } from "../consents/consent.schema";
import {
  disclosureBasisSchema,
  disclosureLogEntrySchema,
  EXCEPTION_STATUSES,
  exceptionDetailsSchema,
  exceptionKindSchema,
} from "./disclosure.schema";

/** GET /participants/:id/disclosures and /me/disclosures: one page of the log, newest first. */
export const disclosureLogQuerySchema = z.object({
  page: z.coerce
    .number({ message: "Enter a page number." })
    .int()
    .min(1, { message: "Pages start at 1." })
    .default(1),
  pageSize: z.coerce
    .number({ message: "Enter a page size." })
    .int()
    .min(1, { message: "Show at least 1 row." })
    .max(100, { message: "Show at most 100 rows." })
    .default(20),
  basis: disclosureBasisSchema.optional(),
});
export type DisclosureLogQuery = z.infer<typeof disclosureLogQuerySchema>;

export const disclosureLogPageSchema = z.object({
  entries: z.array(disclosureLogEntrySchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export type DisclosureLogPage = z.infer<typeof disclosureLogPageSchema>;

/** What a disclosure carries back to the person who made it: the log row and the §2.32 statement. */
export const disclosureReceiptSchema = z.object({
  disclosureId: z.uuid(),
  statement: z.object({ kind: z.enum(["statement_1", "statement_2", "none"]), text: z.string() }),
  scopeSummary: z.string(),
});
export type DisclosureReceipt = z.infer<typeof disclosureReceiptSchema>;

/** POST /participants/:id/disclosure-exceptions: the kind's record (every field named) and what is released. */
export const disclosureExceptionInputSchema = z.object({
  details: exceptionDetailsSchema,
  information: z
    .array(informationScopeSchema, { message: "Choose what information is released." })
    .min(1, { message: "Choose at least one kind of information that is released." })
    .max(20),
});
export type DisclosureExceptionInput = z.infer<typeof disclosureExceptionInputSchema>;

/** POST /disclosure-exceptions/:id/decision: the clinical director's answer, always with a note. */
export const disclosureExceptionDecisionSchema = z.object({
  decision: z.enum(["approve", "refuse"], { message: "Choose approve or refuse." }),
  note: z
    .string({ message: "Write a note about the decision." })
    .trim()
    .min(1, { message: "Write a note about the decision." })
    .max(1000, { message: "Keep the note to 1000 characters." }),
});
export type DisclosureExceptionDecision = z.infer<typeof disclosureExceptionDecisionSchema>;

export const disclosureExceptionSchema = z.object({
  id: z.uuid(),
  participantId: z.uuid(),
  kind: exceptionKindSchema,
  details: exceptionDetailsSchema,
  information: z.array(informationScopeSchema),
  status: z.enum(EXCEPTION_STATUSES),
  requestedBy: z.uuid(),
  requestedByName: z.string(),
  requestedAt: z.iso.datetime(),
  decidedByName: z.string().nullable(),
  decidedAt: z.iso.datetime().nullable(),
  decisionNote: z.string(),
  /** The log row once released (approved, or recorded at once). */
  disclosure: disclosureReceiptSchema.nullable(),
});
export type DisclosureException = z.infer<typeof disclosureExceptionSchema>;

export const disclosureExceptionListSchema = z.object({ exceptions: z.array(disclosureExceptionSchema) });
export type DisclosureExceptionList = z.infer<typeof disclosureExceptionListSchema>;
