import { z } from "zod";

/**
 * §2.22 Patient Notice: our own plain-words text (notice.text.ts) filled in with the program's
 * settings. Source: shared/reference/part2-and-family.md §3 (SECONDARY†).
 *
 * The header's exact wording is UNVERIFIED in our reference: §2.22(b)(1)(i) prescribes a header that
 * our copy of the rule omits. The default below mirrors the HIPAA notice header it is expected to
 * follow; counsel must confirm it against eCFR before go-live, and administrators can change it.
 */
export const NOTICE_LANGUAGES = ["en", "es"] as const;
export type NoticeLanguage = (typeof NOTICE_LANGUAGES)[number];

const line = (max: number, what: string) =>
  z
    .string({ message: `Enter ${what}.` })
    .trim()
    .max(max, { message: `Keep ${what} to ${max} characters.` });

export const noticeSettingsSchema = z.object({
  /** The header shown first and prominently (English). Counsel confirms it against eCFR §2.22(b)(1)(i). */
  header: line(400, "the header").min(1, { message: "Enter the header the notice starts with." }),
  /** The same header in Spanish. */
  headerEs: line(400, "the Spanish header").min(1, { message: "Enter the header in Spanish." }),
  /** The program's name as the notice uses it ("Bridgeway Recovery IOP"). */
  programName: line(200, "the program's name").min(1, { message: "Enter the program's name." }),
  /** §2.22(b)(1)(vii): whom to ask about the notice — a name or a title (or both). */
  contactName: line(200, "the contact's name"),
  contactTitle: line(200, "the contact's title"),
  contactPhone: line(40, "the contact's phone number"),
  contactEmail: z.union([z.literal(""), z.email({ message: "Enter a valid email address." })]),
  /** §2.22(b)(1)(viii): the date this notice takes effect; a new date makes a new notice version. */
  effectiveOn: z.iso.date({ message: "Enter the date the notice takes effect." }),
  /** §2.22(b)(1)(iii): the program raises funds and may contact participants (adds the opt-out statement). */
  fundraises: z.boolean(),
});
export type NoticeSettings = z.infer<typeof noticeSettingsSchema>;

export const DEFAULT_NOTICE_SETTINGS: NoticeSettings = {
  header:
    "THIS NOTICE DESCRIBES HOW HEALTH INFORMATION ABOUT YOU MAY BE USED AND DISCLOSED AND HOW YOU CAN GET ACCESS TO THIS INFORMATION. PLEASE REVIEW IT CAREFULLY.",
  headerEs:
    "ESTE AVISO DESCRIBE CÓMO SE PUEDE USAR Y DIVULGAR TU INFORMACIÓN DE SALUD Y CÓMO PUEDES OBTENER ACCESO A ELLA. LÉELO CON ATENCIÓN.",
  programName: "our program",
  contactName: "",
  contactTitle: "Privacy officer",
  contactPhone: "",
  contactEmail: "",
  effectiveOn: "2026-02-16",
  fundraises: false,
};

/** The settings and the notice version they make, as the API returns them. */
export const currentNoticeSchema = z.object({
  version: z.string(),
  settings: noticeSettingsSchema,
  /** Settings an administrator has still to fill in (the contact's phone and email, a name or title). */
  missingSettings: z.array(z.enum(["contact", "contactPhone", "contactEmail"])),
});
export type CurrentNotice = z.infer<typeof currentNoticeSchema>;

export const NOTICE_METHODS = ["paper", "electronic", "email"] as const;
export type NoticeMethod = (typeof NOTICE_METHODS)[number];
export const NOTICE_ACKNOWLEDGEMENTS = ["signed", "declined"] as const;
export type NoticeAcknowledgement = (typeof NOTICE_ACKNOWLEDGEMENTS)[number];

export const noticeDeliverySchema = z.object({
  id: z.uuid(),
  noticeVersion: z.string(),
  method: z.enum(NOTICE_METHODS),
  deliveredAt: z.iso.datetime(),
  deliveredBy: z.string().nullable(),
  acknowledgedAt: z.iso.datetime().nullable(),
  acknowledgement: z.enum(NOTICE_ACKNOWLEDGEMENTS).nullable(),
});
export type NoticeDelivery = z.infer<typeof noticeDeliverySchema>;

/**
 * Where a participant stands with the current notice: not given at all, given an older version only,
 * given (no acknowledgement yet), acknowledged (signed or in the app), or declined to sign.
 */
export const NOTICE_STANDINGS = ["not_given", "older_version", "given", "acknowledged", "declined"] as const;
export type NoticeStanding = (typeof NOTICE_STANDINGS)[number];

export const noticeStatusSchema = z.object({
  currentVersion: z.string(),
  standing: z.enum(NOTICE_STANDINGS),
  /** True until the current version has been given (the chart's banner). */
  due: z.boolean(),
  deliveries: z.array(noticeDeliverySchema),
});
export type NoticeStatus = z.infer<typeof noticeStatusSchema>;

/** Staff record that the notice was handed over on paper, signed for or with a refusal to sign. */
export const paperDeliveryInputSchema = z.object({
  acknowledgement: z.enum(NOTICE_ACKNOWLEDGEMENTS, {
    message: "Say whether the participant signed for the notice or declined to sign.",
  }),
});
export type PaperDeliveryInput = z.infer<typeof paperDeliveryInputSchema>;

/** The participant acknowledges the version they read (a newer version makes them read again). */
export const acknowledgementInputSchema = z.object({
  version: z.string().trim().min(1, { message: "Say which version of the notice you read." }).max(100),
});
export type AcknowledgementInput = z.infer<typeof acknowledgementInputSchema>;
