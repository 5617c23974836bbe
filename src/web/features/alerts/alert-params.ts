import { type AlertListQuery, alertListQuerySchema } from "../../../core/alerts/alerts.schema";

/** The inbox's defaults (active alerts, everyone's I may see, page 1 of 25), from the server's schema. */
export const DEFAULT_ALERT_QUERY = alertListQuerySchema.parse({});
const FIELDS = ["state", "severity", "kind", "scope", "participantId", "page", "pageSize"] as const;

/** The inbox view lives in the address; a value the server would refuse falls back to its default. */
export function alertQueryFromParams(params: URLSearchParams): AlertListQuery {
  const query: AlertListQuery = { ...DEFAULT_ALERT_QUERY };
  for (const field of FIELDS) {
    const value = params.get(field);
    if (value === null || value === "") continue;
    const parsed = alertListQuerySchema.shape[field].safeParse(value);
    if (parsed.success && parsed.data !== undefined) Object.assign(query, { [field]: parsed.data });
  }
  return query;
}

/** Only what differs from the defaults. */
export function paramsFromAlertQuery(query: AlertListQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const field of FIELDS) {
    const value = query[field];
    if (value === undefined || value === DEFAULT_ALERT_QUERY[field]) continue;
    params.set(field, String(value));
  }
  return params;
}
