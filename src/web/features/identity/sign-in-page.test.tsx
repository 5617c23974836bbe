// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ApiError } from "../../app/api-client";
import { en } from "../../i18n/en";
import { aSession } from "../../test-support/builders";
import { fakeApi, renderWithProviders, setUpDom } from "../../test-support/render-with-providers";
import { SignInPage, signInErrorKey, validateSignIn } from "./sign-in-page";

beforeAll(setUpDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const NO_SESSION = { "GET /api/v1/sessions/current": { body: { session: null } } };
const META = {
  product: "Bridgeway",
  version: "0.1.0",
  demoMode: false,
  demoAccounts: [],
  demoPassword: null,
};

function renderSignIn(routes: Parameters<typeof fakeApi>[0], path = "/sign-in") {
  const fetchMock = vi.fn(fakeApi({ ...NO_SESSION, "GET /api/v1/meta": { body: META }, ...routes }));
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="/staff/*" element={<h1>Staff area</h1>} />
    </Routes>,
    path,
  );
  return fetchMock;
}

async function submit(email: string, password: string) {
  fireEvent.change(await screen.findByLabelText(/Email/), { target: { value: email } });
  fireEvent.change(screen.getByLabelText(/Password/), { target: { value: password } });
  fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
}

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

describe("signInErrorKey", () => {
  it("explains wrong credentials, too many attempts, and anything else", () => {
    expect(signInErrorKey(new ApiError(401, "AUTH_INVALID_CREDENTIALS", ""))).toBe(
      "signIn.invalidCredentials",
    );
    expect(signInErrorKey(new ApiError(429, "RATE_LIMITED", ""))).toBe("signIn.rateLimited");
    expect(signInErrorKey(new ApiError(429, "AUTH_LOCKED", ""))).toBe("signIn.locked");
    expect(signInErrorKey(new ApiError(500, "INTERNAL", ""))).toBe("common.somethingWrong");
    expect(signInErrorKey(new TypeError("boom"))).toBe("common.somethingWrong");
  });

  it("leaves field errors to the fields", () => {
    const error = new ApiError(400, "VALIDATION_FAILED", "", [{ path: "email", message: "Bad" }]);
    expect(signInErrorKey(error)).toBeNull();
  });
});

describe("SignInPage", () => {
  it("shows a field error for a bad email without calling the server to sign in", async () => {
    const fetchMock = renderSignIn({});
    await submit("not-an-email", "secret");
    await waitFor(() => expect(screen.getByText(en.signIn.emailInvalid)).toBeTruthy());
    expect((screen.getByLabelText(/Email/) as HTMLInputElement).value).toBe("not-an-email");
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === "POST")).toBe(false);
  });

  it("says the email or password is wrong and keeps what was typed", async () => {
    renderSignIn({
      "POST /api/v1/sessions": {
        status: 401,
        body: { error: { code: "AUTH_INVALID_CREDENTIALS", message: "Email or password is incorrect." } },
      },
    });
    await submit("jo@example.org", "wrong");
    expect((await screen.findByRole("alert")).textContent).toContain(en.signIn.invalidCredentials);
    expect((screen.getByLabelText(/Email/) as HTMLInputElement).value).toBe("jo@example.org");
  });

  it("puts the server's field errors next to their fields", async () => {
    renderSignIn({
      "POST /api/v1/sessions": {
        status: 400,
        body: {
          error: {
            code: "VALIDATION_FAILED",
            message: "Some fields are not valid.",
            fields: [{ path: "email", message: "This address cannot be used here." }],
          },
        },
      },
    });
    await submit("jo@example.org", "secret");
    const message = await screen.findByText("This address cannot be used here.");
    expect(screen.getByLabelText(/Email/).getAttribute("aria-describedby")).toContain(message.id);
  });

  it("sends the CSRF header and goes to the safe next page after signing in", async () => {
    const fetchMock = renderSignIn(
      { "POST /api/v1/sessions": { body: aSession({ user: { email: "jo@example.org" } }) } },
      "/sign-in?next=%2Fstaff%2Fschedule",
    );
    await submit("jo@example.org", "secret");
    expect(await screen.findByRole("heading", { name: "Staff area" })).toBeTruthy();
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === "POST");
    expect(post?.[1]?.credentials).toBe("same-origin");
    expect(new Headers(post?.[1]?.headers).get("x-bridgeway-request")).toBe("1");
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ email: "jo@example.org", password: "secret" });
  });
});
