// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { en } from "../../i18n/en";
import { apiCalls, fakeApi, renderWithProviders, setUpDom } from "../../test-support/render-with-providers";
import { InvitationPage } from "./invitation-page";
import { SignInPage } from "./sign-in-page";

beforeAll(setUpDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const TOKEN = "Zx9_Yw8-Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBa98765";
const META = {
  product: "Bridgeway",
  version: "0.1.0",
  demoMode: false,
  demoAccounts: [],
  demoPassword: null,
};
const PREVIEW = {
  email: "dana.ortiz@example.org",
  displayName: "Dana Ortiz",
  kind: "staff",
  expiresAt: "2026-03-09T12:00:00.000Z",
};

function renderInvitation(routes: Parameters<typeof fakeApi>[0], path = `/invitation#token=${TOKEN}`) {
  const fetchMock = vi.fn(
    fakeApi({
      "GET /api/v1/sessions/current": { body: { session: null } },
      "GET /api/v1/meta": { body: META },
      ...routes,
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(
    <Routes>
      <Route path="/invitation" element={<InvitationPage />} />
      <Route path="/sign-in" element={<SignInPage />} />
    </Routes>,
    path,
  );
  return fetchMock;
}

describe("InvitationPage", () => {
  it("says who the invitation is for, sets the password, then offers sign-in with the email filled in", async () => {
    const fetchMock = renderInvitation({
      "POST /api/v1/invitations/preview": { body: PREVIEW },
      "POST /api/v1/invitations/accept": { status: 204 },
    });
    expect((await screen.findByText("Dana Ortiz")).parentElement?.textContent).toBe(
      "This invitation is for Dana Ortiz (dana.ortiz@example.org).",
    );
    fireEvent.change(screen.getByLabelText(/^New password/), { target: { value: "river stone lantern 42" } });
    fireEvent.change(screen.getByLabelText(/^Confirm the new password/), {
      target: { value: "river stone lantern 42" },
    });
    fireEvent.click(screen.getByRole("button", { name: en.invitation.submit }));
    expect((await screen.findByRole("status")).textContent).toBe(en.notice.accountReady);
    expect((screen.getByLabelText(/Email/) as HTMLInputElement).value).toBe("dana.ortiz@example.org");
    const accept = apiCalls(fetchMock).find((c) => c.route === "POST /api/v1/invitations/accept");
    expect(accept?.body).toEqual({ token: TOKEN, password: "river stone lantern 42" });
  });

  it("says clearly when the link has expired or was already used", async () => {
    const fetchMock = renderInvitation({
      "POST /api/v1/invitations/preview": {
        status: 400,
        body: { error: { code: "TOKEN_INVALID", message: "This link has expired." } },
      },
    });
    expect((await screen.findByRole("alert")).textContent).toBe(en.invitation.expired);
    expect(screen.queryByLabelText(/^New password/)).toBeNull();
    expect(apiCalls(fetchMock).map((c) => c.route)).toContain("POST /api/v1/invitations/preview");
  });
});
