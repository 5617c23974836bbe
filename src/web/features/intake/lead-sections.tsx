import type { LeadDetail } from "../../../core/admissions/leads.schema";

/** Screening and admission, as the stage allows. */
export function LeadSections(_: { lead: LeadDetail }) {
  return null;
}
