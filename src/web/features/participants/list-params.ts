import {
  type ParticipantListQuery,
  type ParticipantSort,
  participantListQuerySchema,
} from "../../../core/participants/participants.schema";

/** The list's defaults (current participants, by name A–Z, page 1 of 25), from the server's schema. */
const DEFAULTS = participantListQuerySchema.parse({});
const FIELDS = ["q", "status", "siteId", "sort", "dir", "page", "pageSize"] as const;

/**
 * The caseload view lives in the address, so it survives a reload and can be bookmarked or shared.
 * A value the server would refuse (an edited address) falls back to its default.
 */
export function listQueryFromParams(params: URLSearchParams): ParticipantListQuery {
  const query: ParticipantListQuery = { ...DEFAULTS };
  for (const field of FIELDS) {
    const value = params.get(field);
    if (value === null || value === "") continue;
    const parsed = participantListQuerySchema.shape[field].safeParse(value);
    if (parsed.success && parsed.data !== undefined) Object.assign(query, { [field]: parsed.data });
  }
  return query;
}

/** The address for a view: only what differs from the defaults. */
export function paramsFromListQuery(query: ParticipantListQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const field of FIELDS) {
    const value = query[field];
    if (value === undefined || value === "" || value === DEFAULTS[field]) continue;
    params.set(field, String(value));
  }
  return params;
}

/** Clicking the sorted column turns it round; another column sorts by it, A–Z / oldest first. */
export function nextSort(
  query: ParticipantListQuery,
  column: ParticipantSort,
): Pick<ParticipantListQuery, "sort" | "dir"> {
  if (query.sort === column) return { sort: column, dir: query.dir === "asc" ? "desc" : "asc" };
  return { sort: column, dir: "asc" };
}
