// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { en } from "../../i18n/en";
import { aSession } from "../../test-support/builders";
import { apiCalls, fakeApi, renderWithProviders, setUpDom } from "../../test-support/render-with-providers";
import { SignInPage } from "./sign-in-page";

beforeAll(setUpDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const META = {
  product: "Bridgeway",
  version: "0.1.0",
  demoMode: false,
  demoAccounts: [],
  demoPassword: null,
};

function renderSignIn(routes: Parameters<typeof fakeApi>[0]) {
  const fetchMock = vi.fn(
    fakeApi({
      "GET /api/v1/sessions/current": { body: { session: null } },
      "GET /api/v1/meta": { body: META },
      "POST /api/v1/sessions": { body: aSession({ stage: "mfa_required" }) },
      ...routes,
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="/staff/*" element={<h1>Staff area</h1>} />
      <Route path="/mfa-setup" element={<h1>MFA set-up</h1>} />
    </Routes>,
    "/sign-in?next=%2Fstaff%2Fschedule",
  );
  return fetchMock;
}

async function signInWithPassword() {
  fireEvent.change(await screen.findByLabelText(/Email/), { target: { value: "sam@example.org" } });
  fireEvent.change(screen.getByLabelText(/Password/), { target: { value: "correct horse battery" } });
  fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
}

const codeField = () => screen.findByLabelText(/6-digit code/) as Promise<HTMLInputElement>;

describe("Two-step verification at sign-in", () => {
  it("asks for the app's code after the password, ready for the phone's one-time-code autofill", async () => {
    renderSignIn({});
    await signInWithPassword();
    const code = await codeField();
    expect(code.getAttribute("autocomplete")).toBe("one-time-code");
    expect(code.getAttribute("inputmode")).toBe("numeric");
    expect(document.activeElement).toBe(code);
    expect(screen.getByRole("checkbox", { name: /Remember this device for 12 hours/ })).toBeTruthy();
    expect(screen.queryByLabelText(/Password/)).toBeNull();
  });

  it("checks the code's form before sending it", async () => {
    const fetchMock = renderSignIn({});
    await signInWithPassword();
    fireEvent.change(await codeField(), { target: { value: "12345" } });
    fireEvent.click(screen.getByRole("button", { name: "Verify" }));
    expect(await screen.findByText(en.mfa.codeFormat)).toBeTruthy();
    expect(document.activeElement).toBe(await codeField());
    expect(apiCalls(fetchMock).some((c) => c.route === "POST /api/v1/sessions/current/mfa")).toBe(false);
  });

  it("shows a wrong code on the field and keeps what was typed", async () => {
    renderSignIn({
      "POST /api/v1/sessions/current/mfa": {
        status: 400,
        body: {
          error: {
            code: "MFA_CODE_INVALID",
            message: "That code is not right.",
            fields: [{ path: "code", message: "That code is not right." }],
          },
        },
      },
    });
    await signInWithPassword();
    fireEvent.change(await codeField(), { target: { value: "123456" } });
    fireEvent.click(screen.getByRole("button", { name: "Verify" }));
    const message = await screen.findByText(en.mfa.codeWrong);
    const code = await codeField();
    expect(code.getAttribute("aria-describedby")).toContain(message.id);
    expect(code.value).toBe("123456");
  });

  it("sends the code and the remember-device choice, then goes to the page asked for", async () => {
    const fetchMock = renderSignIn({ "POST /api/v1/sessions/current/mfa": { body: aSession() } });
    await signInWithPassword();
    fireEvent.change(await codeField(), { target: { value: "123 456" } });
    fireEvent.click(screen.getByRole("checkbox", { name: /Remember this device/ }));
    fireEvent.click(screen.getByRole("button", { name: "Verify" }));
    expect(await screen.findByRole("heading", { name: "Staff area" })).toBeTruthy();
    const call = apiCalls(fetchMock).find((c) => c.route === "POST /api/v1/sessions/current/mfa");
    expect(call?.body).toEqual({ code: "123456", rememberDevice: true });
  });

  it("accepts a recovery code instead", async () => {
    const fetchMock = renderSignIn({ "POST /api/v1/sessions/current/mfa": { body: aSession() } });
    await signInWithPassword();
    await codeField();
    fireEvent.click(screen.getByRole("button", { name: "Use a recovery code instead" }));
    const recovery = screen.getByLabelText(/Recovery code/);
    expect(document.activeElement).toBe(recovery);
    fireEvent.click(screen.getByRole("button", { name: "Verify" }));
    expect(await screen.findByText(en.mfa.recoveryRequired)).toBeTruthy();
    fireEvent.change(recovery, { target: { value: "ABCDE-12345" } });
    fireEvent.click(screen.getByRole("button", { name: "Verify" }));
    expect(await screen.findByRole("heading", { name: "Staff area" })).toBeTruthy();
    const call = apiCalls(fetchMock).find((c) => c.route === "POST /api/v1/sessions/current/mfa");
    expect(call?.body).toEqual({ recoveryCode: "ABCDE-12345", rememberDevice: false });
  });

  it("starts again from the password, saying why, after too many wrong codes", async () => {
    renderSignIn({
      "POST /api/v1/sessions/current/mfa": {
        status: 429,
        body: { error: { code: "AUTH_LOCKED", message: "Too many failed attempts." } },
      },
    });
    await signInWithPassword();
    fireEvent.change(await codeField(), { target: { value: "000000" } });
    fireEvent.click(screen.getByRole("button", { name: "Verify" }));
    expect((await screen.findByRole("status")).textContent).toBe(en.signIn.locked);
    expect(screen.getByLabelText(/Password/)).toBeTruthy();
    expect(screen.queryByLabelText(/6-digit code/)).toBeNull();
  });

  it("sends staff who have not enrolled yet to set up MFA", async () => {
    renderSignIn({ "POST /api/v1/sessions": { body: aSession({ stage: "mfa_enrolment_required" }) } });
    await signInWithPassword();
    expect(await screen.findByRole("heading", { name: "MFA set-up" })).toBeTruthy();
  });
});
