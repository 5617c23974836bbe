import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import { CSRF_HEADER, CSRF_HEADER_VALUE } from "../../../src/core/platform/http";
import { DEMO_PASSWORD } from "../../../src/server/demo/demo-accounts";
import { collectConsoleErrors } from "./browser";
import type { BridgewayServer } from "./server";

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 860 };
/** The demo participant (participant@demo.bridgeway.example) and the demo counselor. */
export const DEMO_PARTICIPANT_NAME = "Casey Morgan";
export const DEMO_COUNSELOR_NAME = "Jordan Alvarez";

export interface PageOptions {
  locale?: string;
  colorScheme?: "light" | "dark";
}

/**
 * Opens pages on the journey's server in a fresh browser context (its own cookies), with a touch
 * screen below desktop width; the context is the caller's to close.
 */
export function pageOpener(
  current: () => { browser: Browser | undefined; server: BridgewayServer | undefined },
) {
  return async function openPage(
    viewport: { width: number; height: number },
    options: PageOptions | string = {},
  ): Promise<{ page: Page; consoleErrors: string[] }> {
    const { locale = "en-US", colorScheme = "light" } =
      typeof options === "string" ? { locale: options } : options;
    const { browser, server } = current();
    assert.ok(browser && server, "the journey's browser and server are started");
    const context = await browser.newContext({
      viewport,
      baseURL: server.url,
      locale,
      colorScheme,
      hasTouch: viewport.width < 1000,
      bypassCSP: true,
    });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    return { page, consoleErrors: collectConsoleErrors(page) };
  };
}

export type OpenPage = ReturnType<typeof pageOpener>;

/** Signs in with a demo account (English or Spanish labels) and waits for the page it lands on. */
export async function signIn(page: Page, email: string, lands: string, submit = "Sign in"): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel(/^(Email|Correo)/).fill(email);
  await page.getByLabel(/^(Password|Contraseña)/).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: submit, exact: true }).click();
  await page.waitForURL(`**${lands}`);
}

/** A JSON call to the API from the signed-in page, as the web app makes it; it must succeed. */
export async function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  const reply = await page.evaluate(
    async ({ method, path, body, header }) => {
      const response = await fetch(path, {
        method,
        headers: { "content-type": "application/json", [header.name]: header.value },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, json: await response.json().catch(() => null) };
    },
    { method, path, body, header: { name: CSRF_HEADER, value: CSRF_HEADER_VALUE } },
  );
  assert.ok(reply.status < 300, `${method} ${path} answered ${reply.status}: ${JSON.stringify(reply.json)}`);
  return reply.json as T;
}

/**
 * The demo counselor on the demo participant's care team (the clinical director adds them when
 * missing); returns the participant's id.
 */
export async function putTheCounselorOnTheCareTeam(openPage: OpenPage): Promise<string> {
  const { page } = await openPage(DESKTOP);
  await signIn(page, "director@demo.bridgeway.example", "/staff");
  const { participants } = await api<{ participants: { id: string; name: string; siteId: string }[] }>(
    page,
    "GET",
    "/api/v1/participants?status=current&pageSize=100",
  );
  const casey = participants.find((p) => p.name === DEMO_PARTICIPANT_NAME);
  assert.ok(casey, "the demo participant is a current participant");
  const { staff } = await api<{ staff: { id: string; displayName: string }[] }>(
    page,
    "GET",
    `/api/v1/sites/${casey.siteId}/staff`,
  );
  const counselor = staff.find((s) => s.displayName === DEMO_COUNSELOR_NAME);
  assert.ok(counselor, "the demo counselor works at the participant's site");
  const record = await api<{ careTeam: { userId: string; role: string }[] }>(
    page,
    "GET",
    `/api/v1/participants/${casey.id}`,
  );
  if (!record.careTeam.some((m) => m.userId === counselor.id)) {
    await api(page, "PUT", `/api/v1/participants/${casey.id}/care-team`, {
      members: [
        ...record.careTeam.map((m) => ({ userId: m.userId, role: m.role })),
        { userId: counselor.id, role: "counselor" },
      ],
    });
  }
  await page.context().close();
  return casey.id;
}
