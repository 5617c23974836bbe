// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { en } from "../../i18n/en";
import { renderWithProviders, setUpDom } from "../../test-support/render-with-providers";
import { SignInPage, validateSignIn } from "./sign-in-page";

beforeAll(setUpDom);
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
    renderWithProviders(<SignInPage />, "/sign-in");
    const email = await screen.findByLabelText(/Email/);
    fireEvent.change(email, { target: { value: "not-an-email" } });
    fireEvent.change(screen.getByLabelText(/Password/), { target: { value: "secret" } });
    fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
    await waitFor(() => expect(screen.getByText(en.signIn.emailInvalid)).toBeTruthy());
    expect((email as HTMLInputElement).value).toBe("not-an-email");
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === "POST")).toBe(false);
  });
});
