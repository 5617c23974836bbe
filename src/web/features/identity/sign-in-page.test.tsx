// @vitest-environment jsdom
import { MantineProvider } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import i18n from "i18next";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { MemoryRouter } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { en } from "../../i18n/en";
import { SignInPage, validateSignIn } from "./sign-in-page";

beforeAll(async () => {
  await i18n
    .use(initReactI18next)
    .init({ resources: { en: { translation: en } }, lng: "en", showSupportNotice: false });
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
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("validateSignIn", () => {
  it("uses the shared schema and names each field", () => {
    expect(validateSignIn({ email: "", password: "" })).toEqual({
      email: "signIn.emailRequired",
      password: "signIn.passwordRequired",
    });
    expect(validateSignIn({ email: "jo@", password: "x" })).toEqual({ email: "signIn.emailInvalid" });
    expect(validateSignIn({ email: "jo@example.org", password: "x" })).toEqual({});
  });
});

describe("SignInPage", () => {
  it("shows a field error for a bad email without calling the server to sign in", async () => {
    const fetchMock = vi.fn(async (url: string, _init?: RequestInit) => {
      if (url.endsWith("/sessions/current")) {
        return new Response(JSON.stringify({ user: null }));
      }
      return new Response(
        JSON.stringify({
          product: "Bridgeway",
          version: "0",
          demoMode: false,
          demoAccounts: [],
          demoPassword: null,
        }),
      );
    });
    vi.stubGlobal("fetch", fetchMock);
    render(
      <I18nextProvider i18n={i18n}>
        <MantineProvider>
          <QueryClientProvider client={new QueryClient()}>
            <MemoryRouter initialEntries={["/sign-in"]}>
              <SignInPage />
            </MemoryRouter>
          </QueryClientProvider>
        </MantineProvider>
      </I18nextProvider>,
    );
    const email = await screen.findByLabelText(/Email/);
    fireEvent.change(email, { target: { value: "not-an-email" } });
    fireEvent.change(screen.getByLabelText(/Password/), { target: { value: "secret" } });
    fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
    await waitFor(() => expect(screen.getByText(en.signIn.emailInvalid)).toBeTruthy());
    expect((email as HTMLInputElement).value).toBe("not-an-email");
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === "POST")).toBe(false);
  });
});
