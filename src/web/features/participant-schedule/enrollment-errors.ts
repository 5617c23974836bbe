import { ApiError } from "../../app/api-client";

/**
 * A failed placement, move, exit or admission, sorted for the form: field errors on their fields
 * (the server's words), the track being full (the form offers the waitlist), or one message for
 * the whole form as a dictionary key of the "participantSchedule" namespace.
 */
export type EnrollmentFailure =
  | { kind: "fields"; fields: Record<string, string> }
  | { kind: "full" }
  | { kind: "form"; key: string };

const CODE_KEYS: Record<string, string> = {
  ENROLLMENT_OPEN_EXISTS: "errors.openExists",
  ENROLLMENT_NO_OPEN_PLACE: "errors.noOpenPlace",
  ENROLLMENT_NO_CURRENT_EPISODE: "errors.noCurrentEpisode",
  ENROLLMENT_CLOSED: "errors.closed",
  ENROLLMENT_NOT_WAITLISTED: "errors.notWaitlisted",
  NOT_FOUND: "errors.notFound",
  TREATMENT_PLAN_NOT_SIGNED: "errors.planNotSigned",
};

export function enrollmentFailureOf(error: unknown, fields: readonly string[]): EnrollmentFailure {
  if (error instanceof ApiError) {
    if (error.code === "TRACK_FULL") return { kind: "full" };
    const placed: Record<string, string> = {};
    for (const f of error.fields) {
      const field = f.path.split(".")[0] ?? "";
      if (fields.includes(field) && !placed[field]) placed[field] = f.message;
    }
    if (Object.keys(placed).length > 0) return { kind: "fields", fields: placed };
    const key = CODE_KEYS[error.code];
    if (key) return { kind: "form", key };
    if (error.status === 403) return { kind: "form", key: "errors.forbidden" };
    if (error.status === 0) return { kind: "form", key: "errors.network" };
  }
  return { kind: "form", key: "errors.generic" };
}
