import type { AuditOutcome } from "../../../core/audit/audit.schema";
import { toSearchParams } from "./search-params";

/** The audit filters a reader has applied (validated with auditFilterSchema before they are applied). */
export interface AuditFilterValues {
  userId?: string;
  participantId?: string;
  action?: string;
  outcome?: AuditOutcome;
  from?: string;
  to?: string;
}

export const AUDIT_PAGE_SIZE = 50;

/** The list's query string: the filters, the page size, and where the previous page ended. */
export function auditSearchParams(filters: AuditFilterValues, before?: number): string {
  return toSearchParams({ ...filters, before, limit: AUDIT_PAGE_SIZE });
}

/** The CSV export: a plain GET with the same filters, so an anchor with `download` works. */
export function auditExportHref(filters: AuditFilterValues): string {
  const query = toSearchParams({ ...filters });
  return query ? `/api/v1/audit-events/export?${query}` : "/api/v1/audit-events/export";
}
