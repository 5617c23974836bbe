import type { LeadDetail } from "../../../core/admissions/leads.schema";
import { ScreeningSection } from "./screening-section";

/** Screening and admission, as the stage allows. */
export function LeadSections({ lead }: { lead: LeadDetail }) {
  return <ScreeningSection key={lead.screening?.id ?? "none"} lead={lead} />;
}
