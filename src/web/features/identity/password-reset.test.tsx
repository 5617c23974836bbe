// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { Route, Routes, useLocation } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { en } from "../../i18n/en";
import { apiCalls, fakeApi, renderWithProviders, setUpDom } from "../../test-support/render-with-providers";
import { ForgotPasswordPage } from "./forgot-password-page";
import { ResetPasswordPage } from "./reset-password-page";
import { SignInPage } from "./sign-in-page";

beforeAll(setUpDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const TOKEN = "q3Vb8_xT-0aZ9kLmN4pQrS7uVwXyZ1cD2eF5gH6iJ7k";
const META = {
  product: "Bridgeway",
  version: "0.1.0",
  demoMode: false,
  demoAccounts: [],
  demoPassword: null,
};

function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname + location.search + location.hash}</p>;
}

function renderAt(path: string, routes: Parameters<typeof fakeApi>[0]) {
  const fetchMock = vi.fn(
    fakeApi({
      "GET /api/v1/sessions/current": { body: { session: null } },
      "GET /api/v1/meta": { body: META },
      ...routes,
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(
    <>
      <Routes>
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="/reset-password" element={<ResetPasswordPage />} />
        <Route path="/sign-in" element={<SignInPage />} />
      </Routes>
      <Where />
    </>,
    path,
  );
  return fetchMock;
}

describe("ForgotPasswordPage", () => {
  async function askFor(email: string) {
    const fetchMock = renderAt("/forgot-password", {
      "POST /api/v1/password-resets": { status: 202, body: {} },
    });
    fireEvent.change(await screen.findByLabelText(/Email/), { target: { value: email } });
    fireEvent.click(screen.getByRole("button", { name: en.forgotPassword.submit }));
    const status = await screen.findByRole("status");
    return { text: status.textContent, fetchMock };
  }

  it("gives the same answer for any address, without repeating it or saying whether it has an account", async () => {
    const first = await askFor("known.staff@example.org");
    cleanup();
    const second = await askFor("nobody-here@example.org");
    expect(first.text).toBe(en.forgotPassword.sent);
    expect(second.text).toBe(first.text);
    expect(second.text).not.toContain("nobody-here");
    expect(apiCalls(second.fetchMock).find((c) => c.route === "POST /api/v1/password-resets")?.body).toEqual({
      email: "nobody-here@example.org",
    });
  });

  it("checks the address before sending anything", async () => {
    const fetchMock = renderAt("/forgot-password", {});
    fireEvent.change(await screen.findByLabelText(/Email/), { target: { value: "sam@" } });
    fireEvent.click(screen.getByRole("button", { name: en.forgotPassword.submit }));
    expect(await screen.findByText(en.signIn.emailInvalid)).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText(/Email/));
    expect(apiCalls(fetchMock).some((c) => c.route.startsWith("POST"))).toBe(false);
  });
});

describe("ResetPasswordPage", () => {
  async function choose(password: string, confirm = password) {
    fireEvent.change(await screen.findByLabelText(/^New password/), { target: { value: password } });
    fireEvent.change(screen.getByLabelText(/^Confirm the new password/), { target: { value: confirm } });
    fireEvent.click(screen.getByRole("button", { name: en.resetPassword.submit }));
  }

  it("reads the token from the fragment, takes it out of the address, and shows the server's weakness message on the field", async () => {
    const fetchMock = renderAt(`/reset-password#token=${TOKEN}`, {
      "POST /api/v1/password-resets/complete": {
        status: 400,
        body: {
          error: {
            code: "IDENTITY_PASSWORD_WEAK",
            message: "The password is too weak.",
            fields: [{ path: "password", message: "This is one of the most common passwords." }],
          },
        },
      },
    });
    await waitFor(() => expect(screen.getByTestId("where").textContent).toBe("/reset-password"));
    await choose("password1234");
    const message = await screen.findByText("This is one of the most common passwords.");
    const field = screen.getByLabelText(/^New password/) as HTMLInputElement;
    expect(field.getAttribute("aria-describedby")).toContain(message.id);
    expect(field.value).toBe("password1234");
    expect(document.activeElement).toBe(field);
    const call = apiCalls(fetchMock).find((c) => c.route === "POST /api/v1/password-resets/complete");
    expect(call?.body).toEqual({ token: TOKEN, password: "password1234" });
  });

  it("checks length and that both passwords match before sending", async () => {
    const fetchMock = renderAt(`/reset-password#token=${TOKEN}`, {});
    await choose("short");
    expect(await screen.findByText(en.passwordForm.tooShort)).toBeTruthy();
    await choose("a long enough passphrase", "a long enough passphrase!");
    expect(await screen.findByText(en.passwordForm.mismatch)).toBeTruthy();
    expect(apiCalls(fetchMock).some((c) => c.route.startsWith("POST"))).toBe(false);
  });

  it("goes to sign-in with a success notice", async () => {
    renderAt(`/reset-password#token=${TOKEN}`, { "POST /api/v1/password-resets/complete": { status: 204 } });
    await choose("a long enough passphrase");
    expect((await screen.findByRole("status")).textContent).toBe(en.notice.passwordReset);
    expect(screen.getByRole("heading", { name: "Sign in" })).toBeTruthy();
  });

  it("says when the link has expired or was used, and offers a new one", async () => {
    renderAt(`/reset-password#token=${TOKEN}`, {
      "POST /api/v1/password-resets/complete": {
        status: 400,
        body: { error: { code: "TOKEN_INVALID", message: "This link has expired." } },
      },
    });
    await choose("a long enough passphrase");
    expect((await screen.findByRole("alert")).textContent).toContain(en.resetPassword.expiredLink);
    expect(screen.getByRole("link", { name: en.resetPassword.requestNew }).getAttribute("href")).toBe(
      "/forgot-password",
    );
  });

  it("explains an incomplete link instead of showing a form that cannot work", async () => {
    renderAt("/reset-password#token=abc", {});
    expect((await screen.findByRole("alert")).textContent).toContain(en.resetPassword.incompleteLink);
    expect(screen.queryByLabelText(/^New password/)).toBeNull();
  });
});
