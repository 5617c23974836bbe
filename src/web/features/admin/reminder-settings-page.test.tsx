// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { DEFAULT_REMINDER_SETTINGS } from "../../../core/schedule/reminder-settings.schema";
import { adminEn } from "../../i18n/admin.en";
import { apiCalls, renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith, sessionWith, setUpAdminDom } from "./admin-testing";
import { ReminderSettingsPage } from "./reminder-settings-page";

beforeAll(setUpAdminDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const T = adminEn.reminderSettings;

function renderSettings(
  smsChannel: "log" | "none" = "none",
  put?: (body: unknown) => { status?: number; body?: unknown },
) {
  const fetchMock = vi.fn(
    fakeApiWith({
      "GET /api/v1/sessions/current": sessionWith(["settings.manage"]),
      "GET /api/v1/settings/reminders": { body: { ...DEFAULT_REMINDER_SETTINGS, smsChannel } },
      "PUT /api/v1/settings/reminders": (_url, body) =>
        put ? put(body) : { body: { ...(body as object), smsChannel } },
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(
    <Routes>
      <Route path="/staff/admin/reminders" element={<ReminderSettingsPage />} />
    </Routes>,
    "/staff/admin/reminders",
  );
  return fetchMock;
}

const puts = (fetchMock: ReturnType<typeof renderSettings>) =>
  apiCalls(fetchMock).filter((c) => c.route === "PUT /api/v1/settings/reminders");

describe("ReminderSettingsPage", () => {
  it("shows the program's reminder settings and saves a change", async () => {
    const fetchMock = renderSettings();
    const at = (await screen.findByLabelText(T.when.dayBeforeAt)) as HTMLInputElement;
    expect(at.value).toBe("17:00");
    expect((screen.getByLabelText(T.when.hoursBefore) as HTMLInputElement).value).toBe("2");
    fireEvent.change(at, { target: { value: "18:30" } });
    fireEvent.change(screen.getByLabelText(T.how.contactPhone), { target: { value: "555-0100" } });
    fireEvent.click(screen.getByRole("button", { name: adminEn.actions.save }));
    await waitFor(() => expect(puts(fetchMock)).toHaveLength(1));
    expect(puts(fetchMock)[0]!.body).toEqual({
      ...DEFAULT_REMINDER_SETTINGS,
      dayBefore: { enabled: true, at: "18:30" },
      contactPhone: "555-0100",
    });
  });

  it("names each field's problem before sending anything", async () => {
    const fetchMock = renderSettings();
    fireEvent.change(await screen.findByLabelText(T.when.dayBeforeAt), { target: { value: "5pm" } });
    fireEvent.change(screen.getByLabelText(T.when.hoursBefore), { target: { value: "30" } });
    fireEvent.change(screen.getByLabelText(T.how.contactPhone), { target: { value: "call the desk" } });
    fireEvent.click(screen.getByRole("button", { name: adminEn.actions.save }));
    expect(await screen.findByText(T.errors.time)).toBeTruthy();
    expect(screen.getByText(T.errors.hours)).toBeTruthy();
    expect(screen.getByText(T.errors.phone)).toBeTruthy();
    expect(screen.getAllByRole("alert").some((a) => a.textContent === T.errors.fixBelow)).toBe(true);
    expect(puts(fetchMock)).toEqual([]);
  });

  it("cannot turn text messages on when the server has no SMS channel, and says why", async () => {
    renderSettings("none");
    const sms = (await screen.findByLabelText(T.how.sms)) as HTMLInputElement;
    expect(sms.disabled).toBe(true);
    expect(screen.getByText(T.how.smsUnavailable)).toBeTruthy();
  });

  it("puts the server's field errors on their fields", async () => {
    renderSettings("log", () => ({
      status: 400,
      body: {
        error: {
          code: "VALIDATION_FAILED",
          message: "Some fields are not valid.",
          fields: [{ path: "channels.sms", message: "No SMS channel." }],
        },
      },
    }));
    fireEvent.click(await screen.findByLabelText(T.how.sms));
    fireEvent.click(screen.getByRole("button", { name: adminEn.actions.save }));
    expect(await screen.findByText(T.errors.noSms)).toBeTruthy();
  });
});
