import type { CheckInInput, CheckInResult } from "../../../../../core/check-ins/check-in.schema";
import { apiRequest } from "../../../../app/api-client";

/** Send one check-in; the same idempotency key again answers the first result with `replayed: true`. */
export const submitCheckIn = (input: CheckInInput) =>
  apiRequest<CheckInResult>("POST", "/api/v1/me/check-ins", input);
