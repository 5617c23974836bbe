import { CSRF_HEADER, CSRF_HEADER_VALUE } from "../../core/platform/http";

export interface ApiFieldError {
  path: string;
  message: string;
}

/** A failed API call: HTTP status, the server's error code and message, and any field errors. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: ApiFieldError[] = [],
    /** The whole `error` object of the body, for routes whose errors carry more (e.g. duplicates). */
    readonly detail: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

type ErrorBody = { error?: { code?: unknown; message?: unknown; fields?: unknown } };

function isFieldError(value: unknown): value is ApiFieldError {
  const field = value as Partial<ApiFieldError> | null;
  return typeof field?.path === "string" && typeof field.message === "string";
}

/** Turn a non-2xx response body into an `ApiError`, whatever shape it arrived in. */
export function toApiError(status: number, statusText: string, body: unknown): ApiError {
  const error = (body as ErrorBody | undefined)?.error;
  return new ApiError(
    status,
    typeof error?.code === "string" ? error.code : "UNKNOWN",
    typeof error?.message === "string" ? error.message : statusText,
    Array.isArray(error?.fields) ? error.fields.filter(isFieldError) : [],
    error && typeof error === "object" ? { ...error } : {},
  );
}

/**
 * When this browser last called the API (any tab). The server counts idle time from the last request,
 * so the idle warning counts from here too.
 */
const ACTIVITY_KEY = "bridgeway.last-api-request";
let lastRequestAt = 0;
const activityListeners = new Set<() => void>();

export function lastApiRequestAt(): number {
  return lastRequestAt;
}

/** Record an API request at `at`; tell the listeners; share it with the other tabs. */
export function noteApiRequest(at: number): void {
  if (at <= lastRequestAt) return;
  lastRequestAt = at;
  try {
    if (typeof window !== "undefined") window.localStorage.setItem(ACTIVITY_KEY, String(at));
  } catch {
    // Storage can be unavailable (private mode, quota); this tab still knows.
  }
  for (const listener of activityListeners) listener();
}

/** Subscribe to API activity in this tab and in the other tabs of this browser. */
export function subscribeToApiActivity(listener: () => void): () => void {
  activityListeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key !== ACTIVITY_KEY || event.newValue === null) return;
    const at = Number(event.newValue);
    if (Number.isFinite(at)) noteApiRequest(at);
  };
  window.addEventListener("storage", onStorage);
  return () => {
    activityListeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

/** Call the Bridgeway API: same-origin cookies, JSON, and the app header on state-changing requests. */
export async function apiRequest<T>(
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
  path: string,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (method !== "GET") headers[CSRF_HEADER] = CSRF_HEADER_VALUE;
  if (body !== undefined) headers["content-type"] = "application/json";
  let response: Response;
  noteApiRequest(Date.now());
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, "NETWORK_ERROR", "Bridgeway could not be reached. Check your connection.");
  }
  if (response.status === 204) return undefined as T;
  const data: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw toApiError(response.status, response.statusText, data);
  return data as T;
}
