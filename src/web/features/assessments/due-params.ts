import { type DueListQuery, dueListQuerySchema } from "../../../core/assessments/measurement-schedule.schema";

/** The worklist's defaults (everyone I may see, due and overdue, page 1 of 25), from the server's schema. */
export const DEFAULT_DUE_QUERY = dueListQuerySchema.parse({});
const FIELDS = ["scope", "status", "instrumentKey", "siteId", "page", "pageSize"] as const;

/** The worklist view lives in the address; a value the server would refuse falls back to its default. */
export function dueQueryFromParams(params: URLSearchParams): DueListQuery {
  const query: DueListQuery = { ...DEFAULT_DUE_QUERY };
  for (const field of FIELDS) {
    const value = params.get(field);
    if (value === null || value === "") continue;
    const parsed = dueListQuerySchema.shape[field].safeParse(value);
    if (parsed.success && parsed.data !== undefined) Object.assign(query, { [field]: parsed.data });
  }
  return query;
}

/** Only what differs from the defaults. */
export function paramsFromDueQuery(query: DueListQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const field of FIELDS) {
    const value = query[field];
    if (value === undefined || value === DEFAULT_DUE_QUERY[field]) continue;
    params.set(field, String(value));
  }
  return params;
}
