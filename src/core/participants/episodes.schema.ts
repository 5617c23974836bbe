import { z } from "zod";

/**
 * Why an episode of care ended. The discharge issue maps each to its TEDS reason code; this list
 * is the one literal source of the values stored in `episodes.discharge_reason`.
 */
export const DISCHARGE_REASONS = [
  "completed",
  "left_against_advice",
  "administrative",
  "transferred",
  "incarcerated",
  "died",
  "other",
] as const;
export type DischargeReason = (typeof DISCHARGE_REASONS)[number];
export const dischargeReasonSchema = z.enum(DISCHARGE_REASONS);
