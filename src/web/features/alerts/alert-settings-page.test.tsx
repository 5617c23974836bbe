// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { adminEn } from "../../i18n/admin.en";
import { apiCalls, renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith, sessionWith, setUpAdminDom } from "../admin/admin-testing";
import { AlertSettingsPage } from "./alert-settings-page";

beforeAll(setUpAdminDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const T = adminEn.alertSettings;

function renderSettings() {
  const fetchMock = vi.fn(
    fakeApiWith({
      "GET /api/v1/sessions/current": sessionWith(["settings.manage"]),
      "GET /api/v1/alerts/settings": {
        body: { emergencyEscalationMinutes: 15, urgentEscalationMinutes: 60 },
      },
      "PUT /api/v1/alerts/settings": (_url, body) => ({ body }),
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(
    <Routes>
      <Route path="/staff/admin/alert-settings" element={<AlertSettingsPage />} />
    </Routes>,
    "/staff/admin/alert-settings",
  );
  return fetchMock;
}

const puts = (fetchMock: ReturnType<typeof renderSettings>) =>
  apiCalls(fetchMock).filter((c) => c.route === "PUT /api/v1/alerts/settings");

describe("AlertSettingsPage", () => {
  it("shows the program's escalation times and saves new ones", async () => {
    const fetchMock = renderSettings();
    const emergency = await screen.findByLabelText(T.emergencyEscalationMinutes);
    expect((emergency as HTMLInputElement).value).toBe("15");
    fireEvent.change(emergency, { target: { value: "10" } });
    fireEvent.click(screen.getByRole("button", { name: adminEn.actions.save }));
    await waitFor(() => expect(puts(fetchMock)).toHaveLength(1));
    expect(puts(fetchMock)[0]!.body).toEqual({ emergencyEscalationMinutes: 10, urgentEscalationMinutes: 60 });
  });

  it("refuses an emergency time later than the urgent one, saying why", async () => {
    const fetchMock = renderSettings();
    fireEvent.change(await screen.findByLabelText(T.emergencyEscalationMinutes), { target: { value: "90" } });
    fireEvent.click(screen.getByRole("button", { name: adminEn.actions.save }));
    expect(await screen.findByText(T.order)).toBeTruthy();
    expect(puts(fetchMock)).toEqual([]);
  });
});
