import {
  type BEST_TIMES,
  type CONTACT_METHODS,
  type FOR_WHOM,
  type InquiryInput,
  inquiryInputSchema,
} from "../../../core/admissions/inquiries.schema";
import type { SelfCheckOutcome } from "../../../core/admissions/self-check";

/** What the form holds: a choice not yet made is "". Everything typed is kept, even in hidden fields. */
export interface InquiryValues {
  siteId: string;
  forWhom: (typeof FOR_WHOM)[number] | "";
  name: string;
  contactName: string;
  contactMethod: (typeof CONTACT_METHODS)[number] | "";
  phone: string;
  email: string;
  bestTime: (typeof BEST_TIMES)[number];
  lookingFor: string;
  website: string;
}
export type InquiryField = Exclude<keyof InquiryValues, "website">;

/** The fields in the order shown, for focusing the first error. */
export const INQUIRY_FIELDS: readonly InquiryField[] = [
  "siteId",
  "forWhom",
  "name",
  "contactName",
  "contactMethod",
  "phone",
  "email",
  "bestTime",
  "lookingFor",
];

export const EMPTY_INQUIRY: InquiryValues = {
  siteId: "",
  forWhom: "",
  name: "",
  contactName: "",
  contactMethod: "",
  phone: "",
  email: "",
  bestTime: "any",
  lookingFor: "",
  website: "",
};

export const usesPhone = (values: InquiryValues) =>
  values.contactMethod === "phone" || values.contactMethod === "text";

/** What would be sent: only the fields on screen (a phone typed before switching to email is not sent). */
export function toInquiryDraft(values: InquiryValues, selfCheckOutcome: SelfCheckOutcome | null) {
  return {
    siteId: values.siteId,
    forWhom: values.forWhom,
    name: values.name,
    contactName: values.forWhom === "loved_one" ? values.contactName : "",
    contactMethod: values.contactMethod,
    phone: usesPhone(values) ? values.phone : "",
    email: values.contactMethod === "email" ? values.email : "",
    bestTime: values.bestTime,
    lookingFor: values.lookingFor,
    selfCheckOutcome,
    website: values.website,
  };
}

/** The request body, as the server's schema reads it (trimmed, defaults filled); null while invalid. */
export function toInquiryInput(
  values: InquiryValues,
  selfCheckOutcome: SelfCheckOutcome | null,
): InquiryInput | null {
  const parsed = inquiryInputSchema.safeParse(toInquiryDraft(values, selfCheckOutcome));
  return parsed.success ? parsed.data : null;
}

/** Valid values that add no cross-field requirement ("self" needs no contact name). */
const STAND_INS = {
  siteId: "5d0c1a7e-3b1f-4c6a-9e2d-8f7b6a5c4d31",
  forWhom: "self",
  name: "x",
  contactName: "",
  contactMethod: "email",
  phone: "",
  email: "name@example.org",
  bestTime: "any",
  lookingFor: "",
  website: "",
} as const;

/** Check with the server's schema; each error becomes a dictionary key for the field it names. */
export function validateInquiry(
  values: InquiryValues,
  selfCheckOutcome: SelfCheckOutcome | null,
): Partial<Record<InquiryField, string>> {
  const draft = toInquiryDraft(values, selfCheckOutcome);
  const parsed = inquiryInputSchema.safeParse(draft);
  if (parsed.success) return {};
  const issues = [...parsed.error.issues];
  // A choice not yet made stops zod before the schema's cross-field rules (phone for phone, a name
  // for a loved one). Check those rules too, with stand-ins for the failed fields, so every problem shows at once.
  const failed = new Set(issues.map((issue) => issue.path[0]));
  const probe = inquiryInputSchema.safeParse({
    ...draft,
    ...Object.fromEntries(Object.entries(STAND_INS).filter(([field]) => failed.has(field))),
    ...(failed.has("contactMethod") ? { email: STAND_INS.email } : {}),
  });
  if (!probe.success) issues.push(...probe.error.issues.filter((issue) => !failed.has(issue.path[0])));
  const errors: Partial<Record<InquiryField, string>> = {};
  const empty = (value: string) => value.trim() === "";
  const keyFor: Record<InquiryField, (serverMessage: string) => string> = {
    siteId: () => "getHelp.inquiry.locationRequired",
    forWhom: () => "getHelp.inquiry.forWhomRequired",
    name: () => (empty(values.name) ? "getHelp.inquiry.nameRequired" : "getHelp.inquiry.tooLong"),
    contactName: () =>
      empty(values.contactName) ? "getHelp.inquiry.contactNameRequired" : "getHelp.inquiry.tooLong",
    contactMethod: () => "getHelp.inquiry.contactMethodRequired",
    phone: () => (empty(values.phone) ? "getHelp.inquiry.phoneRequired" : "getHelp.inquiry.phoneInvalid"),
    email: () => (empty(values.email) ? "getHelp.inquiry.emailRequired" : "getHelp.inquiry.emailInvalid"),
    bestTime: (serverMessage) => serverMessage,
    lookingFor: () => "getHelp.inquiry.lookingForTooLong",
  };
  for (const issue of issues) {
    const field = issue.path[0] as InquiryField;
    if (INQUIRY_FIELDS.includes(field) && !errors[field]) errors[field] = keyFor[field](issue.message);
  }
  return errors;
}
