import { QueryClient } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import i18n from "i18next";
import type { ReactNode } from "react";
import { initReactI18next } from "react-i18next";
import { MemoryRouter } from "react-router";
import { AppProviders } from "../app/providers";
import { en } from "../i18n/en";

/** jsdom lacks the browser APIs Mantine reads; English i18n without the network. */
export async function setUpDom(): Promise<void> {
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    addEventListener: () => {},
    removeEventListener: () => {},
    addListener: () => {},
    removeListener: () => {},
    onchange: null,
    dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  await i18n.use(initReactI18next).init({
    resources: { en: { translation: en } },
    lng: "en",
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
}

/** Render inside the app's providers (no retries unless a client is given), at `path` in a memory router. */
export function renderWithProviders(
  ui: ReactNode,
  path = "/",
  queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } }),
) {
  const result = render(
    <AppProviders i18n={i18n} queryClient={queryClient}>
      <MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>
    </AppProviders>,
  );
  return { ...result, queryClient };
}

/** The calls a `fetch` mock received, as "METHOD /path" with the parsed JSON body. */
export function apiCalls(fetchMock: { mock: { calls: unknown[][] } }) {
  return fetchMock.mock.calls.map(([url, init]) => {
    const options = init as RequestInit | undefined;
    return {
      route: `${options?.method ?? "GET"} ${new URL(String(url), "http://localhost").pathname}`,
      body: options?.body ? JSON.parse(String(options.body)) : undefined,
    };
  });
}

/** A `fetch` stand-in answering JSON by "METHOD /path"; anything unlisted is a 404. */
export function fakeApi(routes: Record<string, { status?: number; body?: unknown }>) {
  return async (url: string, init?: RequestInit) => {
    const route = routes[`${init?.method ?? "GET"} ${new URL(url, "http://localhost").pathname}`];
    if (!route)
      return new Response(JSON.stringify({ error: { code: "ROUTE_NOT_FOUND", message: "" } }), {
        status: 404,
      });
    return new Response(route.body === undefined ? null : JSON.stringify(route.body), {
      status: route.status ?? 200,
      headers: { "content-type": "application/json" },
    });
  };
}
