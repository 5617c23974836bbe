import { unavailabilityInputSchema } from "../../../core/schedule/unavailability.schema";
import type { UnavailabilityDraft } from "./api/add-unavailability";

export type UnavailabilityErrors = Partial<Record<keyof UnavailabilityDraft | "form", string>>;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * The form's values checked with the server's own schema; each field's first problem as a key of
 * the "participantSchedule" dictionary, so it shows in the reader's language.
 */
export function validateUnavailability(values: UnavailabilityDraft): UnavailabilityErrors {
  const parsed = unavailabilityInputSchema.safeParse(values);
  if (parsed.success) return {};
  const errors: UnavailabilityErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "") as keyof UnavailabilityDraft;
    if (errors[field]) continue;
    switch (field) {
      case "weekday":
        errors.weekday = "errors.weekdayRequired";
        break;
      case "start":
        errors.start = "errors.startRequired";
        break;
      case "end":
        errors.end = TIME.test(values.end) ? "errors.endAfterStart" : "errors.endRequired";
        break;
      case "reason":
        errors.reason = "errors.reasonChoose";
        break;
      case "note":
        errors.note = "errors.noteTooLong";
        break;
    }
  }
  return errors;
}
