import { z } from "zod";
import { permissionSchema } from "../access/permissions";
import {
  emailSchema,
  localeSchema,
  newPasswordSchema,
  staffRoleSchema,
  userKindSchema,
} from "./identity.schema";

/** Secret tokens from emailed links (base64url, 32 bytes). */
export const linkTokenSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{43}$/, "This link is not valid. Check that you copied the whole link.");

export const totpCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app.");

export const recoveryCodeSchema = z
  .string()
  .trim()
  .transform((v) => v.toLowerCase().replace(/[^a-z0-9]/g, ""))
  .pipe(z.string().regex(/^[a-z0-9]{10}$/, "A recovery code has 10 letters and digits, like abcde-12345."));

/** The stage of a signed-in session: MFA may still be owed before the user reaches their data. */
export const SESSION_STAGES = ["active", "mfa_required", "mfa_enrolment_required"] as const;
export type SessionStage = (typeof SESSION_STAGES)[number];
export const sessionStageSchema = z.enum(SESSION_STAGES);

// --- password reset -------------------------------------------------------------------------
export const passwordResetRequestSchema = z.object({ email: emailSchema });
export const passwordResetCompleteSchema = z.object({ token: linkTokenSchema, password: newPasswordSchema });
export const passwordChangeSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(1024),
  newPassword: newPasswordSchema,
});

// --- invitations ------------------------------------------------------------------------------
export const INVITATION_DAYS = 7;

export const staffInvitationSchema = z.object({
  kind: z.literal("staff"),
  email: emailSchema,
  displayName: z.string().trim().min(1, "Enter the person's name.").max(120, "Use at most 120 characters."),
  roles: z.array(staffRoleSchema).min(1, "Choose at least one role."),
  siteIds: z.array(z.uuid()).min(1, "Choose at least one site."),
  requiresCosign: z.boolean().default(false),
  locale: localeSchema.default("en"),
});
export const participantInvitationSchema = z.object({
  kind: z.literal("participant"),
  email: emailSchema,
  participantId: z.uuid("Choose a participant."),
  locale: localeSchema.default("en"),
});
/** Staff and participants; a family member is invited only by sharing, after a signed consent names them. */
export const invitationInputSchema = z.discriminatedUnion("kind", [
  staffInvitationSchema,
  participantInvitationSchema,
]);
export type InvitationInput = z.infer<typeof invitationInputSchema>;

export const invitationCreatedSchema = z.object({
  userId: z.uuid(),
  expiresAt: z.iso.datetime(),
  /** Whether the email was handed to the mail server (false when SMTP is not configured). */
  emailQueued: z.boolean(),
});

export const invitationPreviewSchema = z.object({
  email: z.string(),
  displayName: z.string(),
  kind: userKindSchema,
  expiresAt: z.iso.datetime(),
});
export const invitationAcceptSchema = z.object({ token: linkTokenSchema, password: newPasswordSchema });

// --- MFA --------------------------------------------------------------------------------------
export const totpSetupSchema = z.object({
  /** Base32 secret, for typing into an app by hand. */
  secret: z.string(),
  otpauthUri: z.string(),
  /** The otpauth URI as an SVG QR code. */
  qrSvg: z.string(),
});
export const totpConfirmSchema = z.object({ code: totpCodeSchema });
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });
export const mfaChallengeSchema = z.union([
  z.object({ code: totpCodeSchema, rememberDevice: z.boolean().default(false) }),
  z.object({ recoveryCode: recoveryCodeSchema, rememberDevice: z.boolean().default(false) }),
]);
export const mfaStatusSchema = z.object({
  enabled: z.boolean(),
  required: z.boolean(),
  recoveryCodesLeft: z.number().int(),
});
export const mfaDisableSchema = z.object({ password: z.string().min(1, "Enter your password.").max(1024) });

// --- my sessions ------------------------------------------------------------------------------
export const mySessionSchema = z.object({
  id: z.uuid(),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  userAgent: z.string().nullable(),
  ipAddress: z.string().nullable(),
  current: z.boolean(),
});
export const mySessionsSchema = z.object({ sessions: z.array(mySessionSchema) });

// --- administration ---------------------------------------------------------------------------
export const USER_STATUSES = ["active", "invited", "deactivated"] as const;
export const userStatusSchema = z.enum(USER_STATUSES);

export const adminUserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  kind: userKindSchema,
  roles: z.array(staffRoleSchema),
  siteIds: z.array(z.uuid()),
  requiresCosign: z.boolean(),
  status: userStatusSchema,
  mfaEnabled: z.boolean(),
  lastSignInAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type AdminUser = z.infer<typeof adminUserSchema>;

export const userListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  kind: userKindSchema.optional(),
  status: userStatusSchema.optional(),
  siteId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export const userListSchema = z.object({
  users: z.array(adminUserSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const staffUpdateSchema = z
  .object({
    displayName: z.string().trim().min(1, "Enter the person's name.").max(120).optional(),
    roles: z.array(staffRoleSchema).min(1, "Choose at least one role.").optional(),
    siteIds: z.array(z.uuid()).min(1, "Choose at least one site.").optional(),
    requiresCosign: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: "Change at least one thing." });

export const siteSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  timeZone: z.string(),
  /** The program's on-call line here ("" when none is set). */
  onCallPhone: z.string(),
  staffCount: z.number().int(),
  currentParticipants: z.number().int(),
});
export const siteListSchema = z.object({ sites: z.array(siteSchema) });
/** Active staff of a site, for care-team pickers. */
export const siteStaffListSchema = z.object({
  staff: z.array(z.object({ id: z.uuid(), displayName: z.string(), roles: z.array(staffRoleSchema) })),
});
export const siteInputSchema = z.object({
  name: z.string().trim().min(1, "Enter the site's name.").max(120, "Use at most 120 characters."),
  timeZone: z
    .string()
    .trim()
    .min(1, "Choose a time zone.")
    .refine((tz) => /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(tz), "Choose a time zone like America/Chicago."),
  /** Shown with 988 and 911 to a participant after a critical answer; optional. */
  onCallPhone: z
    .string()
    .trim()
    .max(30, "Use at most 30 characters.")
    .refine(
      (v) => v === "" || /^\+?[0-9(][0-9 ().-]{5,}[0-9]$/.test(v),
      "Enter a phone number, like (555) 010-4400.",
    )
    .default(""),
});

export type SiteInput = z.infer<typeof siteInputSchema>;

export const rolePermissionsSchema = z.object({
  roles: z.array(
    z.object({
      role: staffRoleSchema,
      name: z.string(),
      caseloadScoped: z.boolean(),
      permissions: z.array(permissionSchema),
    }),
  ),
  permissions: z.array(z.object({ key: permissionSchema, description: z.string() })),
  counselorScope: z.enum(["care_team", "site"]),
});

export const securitySettingsSchema = z.object({
  counselorScope: z.enum(["care_team", "site"]),
  staffMfaRequired: z.boolean(),
});
export type SecuritySettings = z.infer<typeof securitySettingsSchema>;
