import { z } from "zod";
import { emailSchema } from "../identity/identity.schema";
import { selfCheckOutcomeSchema } from "./self-check";

/** The public inquiry form: no account needed; for oneself or for a loved one. */

export const FOR_WHOM = ["self", "loved_one"] as const;
export const CONTACT_METHODS = ["phone", "text", "email"] as const;
export const BEST_TIMES = ["morning", "afternoon", "evening", "any"] as const;

const phoneSchema = z
  .string()
  .trim()
  .max(40, "Use at most 40 characters.")
  .refine((v) => v === "" || (v.replace(/\D/g, "").length >= 7 && /^[+\d\s().-]+$/.test(v)), {
    message: "Enter a phone number, like (555) 123-4567.",
  });

export const inquiryInputSchema = z
  .object({
    siteId: z.uuid("Choose a location."),
    forWhom: z.enum(FOR_WHOM, { message: "Say who the help is for." }),
    /** The person who needs help (first name is enough). */
    name: z
      .string()
      .trim()
      .min(1, "Enter a name (a first name is enough).")
      .max(120, "Use at most 120 characters."),
    /** When asking for a loved one: who we should contact. */
    contactName: z.string().trim().max(120, "Use at most 120 characters.").default(""),
    contactMethod: z.enum(CONTACT_METHODS, { message: "Choose how we should reach you." }),
    phone: phoneSchema.default(""),
    email: z.union([z.literal(""), emailSchema]).default(""),
    bestTime: z.enum(BEST_TIMES, { message: "Choose a time of day." }).default("any"),
    lookingFor: z.string().trim().max(2000, "Use at most 2,000 characters.").default(""),
    selfCheckOutcome: selfCheckOutcomeSchema.nullable().default(null),
    /** Left empty by people; filled by bots (the field is hidden). */
    website: z.string().max(500).default(""),
  })
  .superRefine((v, ctx) => {
    if ((v.contactMethod === "phone" || v.contactMethod === "text") && !v.phone) {
      ctx.addIssue({ code: "custom", path: ["phone"], message: "Enter a phone number so we can reach you." });
    }
    if (v.contactMethod === "email" && !v.email) {
      ctx.addIssue({
        code: "custom",
        path: ["email"],
        message: "Enter an email address so we can reach you.",
      });
    }
    if (v.forWhom === "loved_one" && !v.contactName) {
      ctx.addIssue({
        code: "custom",
        path: ["contactName"],
        message: "Enter your name, so we know who to ask for.",
      });
    }
  });
export type InquiryInput = z.infer<typeof inquiryInputSchema>;

/** What the confirmation page says: a reference to quote and when to expect contact. */
export const inquiryReceiptSchema = z.object({
  reference: z.string(),
  /** We contact people within this many business hours. */
  contactWithinHours: z.number().int(),
});

export const publicSitesSchema = z.object({
  sites: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
