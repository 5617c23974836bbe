import type { ExceptionDetails } from "./disclosure.schema";

/** Who received a disclosure without consent, in the log's words, from the kind's record. */
export function recipientOf(details: ExceptionDetails): string {
  switch (details.kind) {
    case "medical_emergency":
      return `${details.recipientName} (${details.recipientFacility})`;
    case "audit_evaluation":
      return `${details.auditorName}, ${details.organisation}`;
    case "qsoa":
      return details.organisation;
    case "child_abuse_report":
      return details.agency;
    case "court_order":
      return `${details.court} (case ${details.caseNumber})`;
  }
}
