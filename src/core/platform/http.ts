/**
 * Facts about the HTTP API shared by the server and the web client.
 * Pure constants: no IO.
 */

/** Header every state-changing API request must carry (CSRF defence, together with SameSite cookies and an Origin check). */
export const CSRF_HEADER = "x-bridgeway-request";
export const CSRF_HEADER_VALUE = "1";

/** Name of the session cookie (opaque token, HttpOnly, SameSite=Lax). */
export const SESSION_COOKIE = "bw_session";

export const API_PREFIX = "/api/v1";
