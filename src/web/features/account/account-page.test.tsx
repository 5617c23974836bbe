// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import i18n from "i18next";
import { Route, Routes } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { RequireSession } from "../../app/require-session";
import { en } from "../../i18n/en";
import { sharingEn } from "../../i18n/sharing.en";
import { aSession } from "../../test-support/builders";
import { apiCalls, fakeApi, renderWithProviders, setUpDom } from "../../test-support/render-with-providers";
import { AccountPage } from "./account-page";

beforeAll(setUpDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderAccount(routes: Parameters<typeof fakeApi>[0]) {
  const api: Parameters<typeof fakeApi>[0] = {
    "GET /api/v1/sessions/current": { body: { session: aSession({ user: { kind: "participant" } }) } },
    "GET /api/v1/me/sessions": { body: { sessions: [] } },
    "GET /api/v1/me/mfa": { body: { enabled: false, required: false, recoveryCodesLeft: 0 } },
    ...routes,
  };
  const fetchMock = vi.fn(fakeApi(api));
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(
    <Routes>
      <Route
        path="/me/account"
        element={
          <RequireSession kind="participant">
            <AccountPage />
          </RequireSession>
        }
      />
    </Routes>,
    "/me/account",
  );
  return { fetchMock, api };
}

describe("AccountPage", () => {
  it("changes the password, noting that other sessions end, and puts a wrong current password on its field", async () => {
    const { fetchMock, api } = renderAccount({
      "POST /api/v1/me/password": {
        status: 400,
        body: {
          error: {
            code: "IDENTITY_WRONG_PASSWORD",
            message: "Your current password is not right.",
            fields: [{ path: "currentPassword", message: "Your current password is not right." }],
          },
        },
      },
    });
    expect(await screen.findByText(en.account.passwordNote)).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^Current password/), { target: { value: "old one" } });
    fireEvent.change(screen.getByLabelText(/^New password/), { target: { value: "quiet harbour lamp 9" } });
    fireEvent.change(screen.getByLabelText(/^Confirm the new password/), {
      target: { value: "quiet harbour lamp 9" },
    });
    fireEvent.click(screen.getByRole("button", { name: en.account.passwordSubmit }));
    const message = await screen.findByText(en.account.currentWrong);
    const current = screen.getByLabelText(/^Current password/) as HTMLInputElement;
    expect(current.getAttribute("aria-describedby")).toContain(message.id);
    expect(document.activeElement).toBe(current);
    expect((screen.getByLabelText(/^New password/) as HTMLInputElement).value).toBe("quiet harbour lamp 9");

    api["POST /api/v1/me/password"] = { status: 204 };
    fireEvent.change(current, { target: { value: "the right one" } });
    fireEvent.click(screen.getByRole("button", { name: en.account.passwordSubmit }));
    expect(await screen.findByText(en.account.passwordChanged)).toBeTruthy();
    expect(
      apiCalls(fetchMock)
        .filter((c) => c.route === "POST /api/v1/me/password")
        .at(-1)?.body,
    ).toEqual({
      currentPassword: "the right one",
      newPassword: "quiet harbour lamp 9",
    });
  });

  it("offers to set up two-step verification when it is off", async () => {
    renderAccount({});
    const link = await screen.findByRole("link", { name: en.account.mfaSetUp });
    expect(link.getAttribute("href")).toBe("/mfa-setup?next=%2Fme%2Faccount");
  });

  it("turns two-step verification off with the password, unless the program requires it", async () => {
    const { fetchMock, api } = renderAccount({
      "GET /api/v1/me/mfa": { body: { enabled: true, required: false, recoveryCodesLeft: 7 } },
      "DELETE /api/v1/me/mfa": { status: 204 },
    });
    expect(await screen.findByText(/7 recovery codes left/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: en.account.mfaTurnOff }));
    fireEvent.change(screen.getByLabelText(/^Password/), { target: { value: "my password" } });
    api["GET /api/v1/me/mfa"] = { body: { enabled: false, required: false, recoveryCodesLeft: 0 } };
    fireEvent.click(screen.getByRole("button", { name: en.account.mfaTurnOffConfirm }));
    expect(await screen.findByText(en.account.mfaTurnedOff)).toBeTruthy();
    expect(apiCalls(fetchMock).find((c) => c.route === "DELETE /api/v1/me/mfa")?.body).toEqual({
      password: "my password",
    });
  });

  it("replaces the recovery codes after a warning and shows the new ones once", async () => {
    const { fetchMock } = renderAccount({
      "GET /api/v1/me/mfa": { body: { enabled: true, required: true, recoveryCodesLeft: 2 } },
      "POST /api/v1/me/mfa/recovery-codes": { body: { recoveryCodes: ["pqrst-24680", "uvwxy-97531"] } },
    });
    fireEvent.click(await screen.findByRole("button", { name: en.account.newCodes }));
    expect(screen.getByText(en.account.newCodesWarning)).toBeTruthy();
    expect(apiCalls(fetchMock).some((c) => c.route === "POST /api/v1/me/mfa/recovery-codes")).toBe(false);
    fireEvent.click(screen.getByRole("button", { name: en.account.newCodesConfirm }));
    expect(await screen.findByText("pqrst-24680")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: en.mfaSetup.saved }));
    await waitFor(() => expect(screen.queryByText("pqrst-24680")).toBeNull());
  });

  it("has no way to turn it off when the program requires it", async () => {
    renderAccount({
      "GET /api/v1/me/mfa": { body: { enabled: true, required: true, recoveryCodesLeft: 10 } },
    });
    expect(await screen.findByText(en.account.mfaRequired)).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole("button", { name: en.account.mfaTurnOff })).toBeNull());
  });
});

describe("AccountPage: sharing with family (participants)", () => {
  beforeAll(() => {
    i18n.addResourceBundle("en", "sharing", sharingEn, true, true);
  });

  it("sends the participant to People I share with, where sharing starts with a consent", async () => {
    const { fetchMock } = renderAccount({});
    const link = await screen.findByRole("link", { name: sharingEn.accountLink.open });
    expect(link.getAttribute("href")).toBe("/me/sharing");
    // No invitation can be sent from the account page any more.
    expect(apiCalls(fetchMock).some((c) => c.route === "POST /api/v1/invitations")).toBe(false);
  });
});
