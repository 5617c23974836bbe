// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { en } from "../../i18n/en";
import { aSession } from "../../test-support/builders";
import { apiCalls, fakeApi, renderWithProviders, setUpDom } from "../../test-support/render-with-providers";
import { MfaSetupPage } from "./mfa-setup-page";

beforeAll(setUpDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 29 29"><path d="M0 0h7v7H0z"/></svg>';
const CODES = ["abcde-12345", "fghij-67890", "klmno-13579"];

function renderSetup(routes: Parameters<typeof fakeApi>[0] = {}) {
  const api: Parameters<typeof fakeApi>[0] = {
    "GET /api/v1/sessions/current": { body: { session: aSession({ stage: "mfa_enrolment_required" }) } },
    "POST /api/v1/me/mfa/totp": {
      body: { secret: "JBSWY3DPEHPK3PXP", otpauthUri: "otpauth://totp/Bridgeway:sam", qrSvg: SVG },
    },
    "POST /api/v1/me/mfa/totp/confirm": { body: { recoveryCodes: CODES } },
    ...routes,
  };
  const fetchMock = vi.fn(fakeApi(api));
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(
    <Routes>
      <Route path="/mfa-setup" element={<MfaSetupPage />} />
      <Route path="/staff/*" element={<h1>Staff area</h1>} />
    </Routes>,
    "/mfa-setup?next=%2Fstaff%2Fparticipants",
  );
  return { fetchMock, api };
}

describe("MFA enrolment", () => {
  it("shows the QR code as a data: image and the key for typing by hand", async () => {
    const { fetchMock } = renderSetup();
    const qr = (await screen.findByRole("img", { name: en.mfaSetup.qrAlt })) as HTMLImageElement;
    expect(qr.getAttribute("src")).toBe(`data:image/svg+xml;utf8,${encodeURIComponent(SVG)}`);
    expect(document.querySelector("svg path[d='M0 0h7v7H0z']")).toBeNull();
    expect(screen.getByText("JBSW Y3DP EHPK 3PXP")).toBeTruthy();
    expect(apiCalls(fetchMock).filter((c) => c.route === "POST /api/v1/me/mfa/totp")).toHaveLength(1);
  });

  it("shows a wrong confirmation code on the field", async () => {
    renderSetup({
      "POST /api/v1/me/mfa/totp/confirm": {
        status: 400,
        body: {
          error: { code: "MFA_CODE_INVALID", message: "No.", fields: [{ path: "code", message: "No." }] },
        },
      },
    });
    fireEvent.change(await screen.findByLabelText(/6-digit code/), { target: { value: "654321" } });
    fireEvent.click(screen.getByRole("button", { name: en.mfaSetup.confirm }));
    expect(await screen.findByText(en.mfa.codeWrong)).toBeTruthy();
    expect(screen.queryByText(CODES[0] as string)).toBeNull();
  });

  it("shows the recovery codes once, with copy and download, then goes on into the app", async () => {
    const { fetchMock, api } = renderSetup();
    fireEvent.change(await screen.findByLabelText(/6-digit code/), { target: { value: "654321" } });
    fireEvent.click(screen.getByRole("button", { name: en.mfaSetup.confirm }));

    const list = await screen.findByRole("list", { name: en.mfaSetup.codesLabel });
    expect([...list.querySelectorAll("li")].map((li) => li.textContent)).toEqual(CODES);
    expect(document.activeElement?.textContent).toBe(en.mfaSetup.codesTitle);
    expect(screen.getByRole("button", { name: en.mfaSetup.copy })).toBeTruthy();
    expect(screen.getByRole("button", { name: en.mfaSetup.download })).toBeTruthy();
    expect(screen.queryByLabelText(/6-digit code/)).toBeNull();
    const confirm = apiCalls(fetchMock).find((c) => c.route === "POST /api/v1/me/mfa/totp/confirm");
    expect(confirm?.body).toEqual({ code: "654321" });

    api["GET /api/v1/sessions/current"] = { body: { session: aSession() } };
    fireEvent.click(screen.getByRole("button", { name: en.mfaSetup.saved }));
    expect(await screen.findByRole("heading", { name: "Staff area" })).toBeTruthy();
    expect(screen.queryByText(CODES[0] as string)).toBeNull();
  });
});
