import { z } from "zod";
import { consentKindSchema, informationScopeSchema } from "../consents/consent.schema";

/** POST /participants/:id/releases: a signed consent, one of its recipients, and categories inside its scope. */
export const releaseInputSchema = z.object({
  consentId: z.uuid({ message: "Choose a signed consent." }),
  recipientId: z.uuid({ message: "Choose who receives the record." }),
  information: z
    .array(informationScopeSchema, { message: "Choose what to release." })
    .min(1, { message: "Choose at least one kind of information to release." })
    .max(20),
});
export type ReleaseInput = z.infer<typeof releaseInputSchema>;

/** One signed consent a release could go under, with the recipients still named and what it covers. */
export const releaseOptionSchema = z.object({
  consentId: z.uuid(),
  kind: consentKindSchema,
  signedAt: z.iso.datetime(),
  expiresOn: z.iso.date().nullable(),
  recipients: z.array(z.object({ id: z.uuid(), name: z.string(), relationship: z.string() })),
  /** The record categories this consent covers (counseling notes only on a counseling-notes consent). */
  categories: z.array(informationScopeSchema),
});
export type ReleaseOption = z.infer<typeof releaseOptionSchema>;

export const releaseOptionListSchema = z.object({ options: z.array(releaseOptionSchema) });
export type ReleaseOptionList = z.infer<typeof releaseOptionListSchema>;
