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

/** Check with the server's schema; each error becomes a dictionary key for the field it names. */
export function validateInquiry(
  values: InquiryValues,
  selfCheckOutcome: SelfCheckOutcome | null,
): Partial<Record<InquiryField, string>> {
  const parsed = inquiryInputSchema.safeParse(toInquiryDraft(values, selfCheckOutcome));
  if (parsed.success) return {};
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
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as InquiryField;
    if (INQUIRY_FIELDS.includes(field) && !errors[field]) errors[field] = keyFor[field](issue.message);
  }
  return errors;
}
