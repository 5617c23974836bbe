import { z } from "zod";

export const USER_KINDS = ["staff", "participant", "family"] as const;
export type UserKind = (typeof USER_KINDS)[number];
export const userKindSchema = z.enum(USER_KINDS);

/** Staff roles. Issue "Identity, access and audit" turns these into role × permission data. */
export const STAFF_ROLES = [
  "administrator",
  "clinical_director",
  "counselor",
  "intake_coordinator",
  "prescriber",
  "billing",
  "front_desk",
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const staffRoleSchema = z.enum(STAFF_ROLES);

export const LOCALES = ["en", "es"] as const;
export type Locale = (typeof LOCALES)[number];
export const localeSchema = z.enum(LOCALES);

export const emailSchema = z
  .string()
  .trim()
  .min(1, "Enter an email address.")
  .max(254, "An email address has at most 254 characters.")
  .pipe(z.email("Enter a valid email address, like name@example.org."))
  .transform((value) => value.toLowerCase());

export const signInInputSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password.").max(1024, "A password has at most 1024 characters."),
});
export type SignInInput = z.infer<typeof signInInputSchema>;

export const sessionUserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  kind: userKindSchema,
  roles: z.array(staffRoleSchema),
  locale: localeSchema,
  /** Participants: their own participant record. */
  participantId: z.uuid().nullable(),
  /** Staff: marked as a supervisee whose notes need a co-signature. */
  requiresCosign: z.boolean(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

/** Length rules for a new password; the server also estimates strength (zxcvbn) and names the weakness. */
export const newPasswordSchema = z
  .string()
  .min(12, "Use at least 12 characters.")
  .max(1024, "A password has at most 1024 characters.");
