import i18n from "i18next";
import { adminEn } from "../../i18n/admin.en";
import { assessmentsEn } from "../../i18n/assessments.en";
import { setUpDom } from "../../test-support/render-with-providers";

/** The shared jsdom set-up plus the "admin" namespace (and "assessments", which the chart shows) in English. Tests only. */
export async function setUpAdminDom(): Promise<void> {
  await setUpDom();
  i18n.addResourceBundle("en", "admin", adminEn, true, true);
  i18n.addResourceBundle("en", "assessments", assessmentsEn, true, true);
}

type Reply = { status?: number; body?: unknown };
type Handler = Reply | ((url: URL, body: unknown) => Reply);

/** A `fetch` stand-in answering by "METHOD /path"; a handler may read the query and body. Unlisted: 404. */
export function fakeApiWith(routes: Record<string, Handler>) {
  return async (input: string, init?: RequestInit) => {
    const url = new URL(input, "http://localhost");
    const handler = routes[`${init?.method ?? "GET"} ${url.pathname}`];
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    const reply: Reply =
      handler === undefined
        ? { status: 404, body: { error: { code: "ROUTE_NOT_FOUND", message: "" } } }
        : typeof handler === "function"
          ? handler(url, body)
          : handler;
    const status = reply.status ?? 200;
    return new Response(status === 204 || reply.body === undefined ? null : JSON.stringify(reply.body), {
      status,
      headers: { "content-type": "application/json" },
    });
  };
}

/** GET /sessions/current for a staff member holding `permissions`. */
export const sessionWith = (permissions: string[]) => ({
  body: {
    session: {
      user: {
        id: "0b7d3c1e-5a8f-4f57-9d8a-2f6b1c9e7a10",
        email: "director@example.org",
        displayName: "Dana Director",
        kind: "staff",
        roles: ["clinical_director"],
        locale: "en",
        participantId: null,
        requiresCosign: false,
      },
      stage: "active",
      idleTimeoutMinutes: 15,
      permissions,
      demo: false,
    },
  },
});
