// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from "@testing-library/react";
import i18n from "i18next";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { DEFAULT_CHECK_IN_SETTINGS } from "../../../../core/check-ins/check-in.schema";
import { checkInsStaffEn } from "../../../i18n/check-ins-staff.en";
import { apiCalls, renderWithProviders } from "../../../test-support/render-with-providers";
import { fakeApiWith, sessionWith, setUpAdminDom } from "../../admin/admin-testing";
import { CheckInSettingsPage } from "./check-in-settings-page";

beforeAll(async () => {
  await setUpAdminDom();
  i18n.addResourceBundle("en", "checkInsStaff", checkInsStaffEn, true, true);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const text = checkInsStaffEn.settings;

function renderPage(routes: Parameters<typeof fakeApiWith>[0] = {}, permissions = ["settings.manage"]) {
  const fetchMock = vi.fn(
    fakeApiWith({
      "GET /api/v1/sessions/current": sessionWith(permissions),
      "GET /api/v1/check-in-settings": { body: DEFAULT_CHECK_IN_SETTINGS },
      ...routes,
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(<CheckInSettingsPage />, "/staff/admin/check-in-settings");
  return fetchMock;
}

const puts = (fetchMock: ReturnType<typeof renderPage>) =>
  apiCalls(fetchMock).filter((c) => c.route.startsWith("PUT"));
const field = (label: string) => screen.getByRole("textbox", { name: label }) as HTMLInputElement;

describe("Check-in settings page", () => {
  it("shows the program's thresholds and says the starting values are the program's to change", async () => {
    renderPage();
    expect(await screen.findByRole("heading", { level: 1, name: text.title })).toBeTruthy();
    await screen.findByRole("region", { name: text.alertsTitle });
    expect(screen.getByText(text.intro)).toBeTruthy();
    expect(field(text.fields.cravingWarningAt).value).toBe("8");
    expect(field(text.fields.moodWarningAt).value).toBe("2");
    expect(field(text.fields.missingDays).value).toBe("3");
    expect(field(text.fields.maxQueuedDays).value).toBe("7");
  });

  it("refuses values out of range on their fields before sending, then saves", async () => {
    const fetchMock = renderPage({ "PUT /api/v1/check-in-settings": (_url, body) => ({ body }) });
    await screen.findByRole("region", { name: text.alertsTitle });
    fireEvent.change(field(text.fields.cravingWarningAt), { target: { value: "11" } });
    fireEvent.click(screen.getByRole("button", { name: text.save }));
    expect(await screen.findByText(text.errors.fixBelow)).toBeTruthy();
    expect(screen.getByText("Enter a whole number from 1 to 10.")).toBeTruthy();
    expect(puts(fetchMock)).toEqual([]);

    fireEvent.change(field(text.fields.cravingWarningAt), { target: { value: "7" } });
    fireEvent.change(field(text.fields.missingDays), { target: { value: "2" } });
    fireEvent.click(screen.getByRole("button", { name: text.save }));
    expect(await screen.findByText(text.saved)).toBeTruthy();
    expect(puts(fetchMock)).toEqual([
      {
        route: "PUT /api/v1/check-in-settings",
        body: { ...DEFAULT_CHECK_IN_SETTINGS, cravingWarningAt: 7, missingDays: 2 },
      },
    ]);
  });

  it("places the server's refusal on its field", async () => {
    renderPage({
      "PUT /api/v1/check-in-settings": {
        status: 400,
        body: {
          error: {
            code: "VALIDATION_FAILED",
            message: "Some fields are not valid.",
            fields: [{ path: "moodWarningAt", message: "Too big: expected number to be <=9" }],
          },
        },
      },
    });
    await screen.findByRole("region", { name: text.alertsTitle });
    fireEvent.click(screen.getByRole("button", { name: text.save }));
    expect(await screen.findByText("Too big: expected number to be <=9")).toBeTruthy();
  });

  it("lets clinicians read the settings without changing them", async () => {
    renderPage({}, ["clinical.view"]);
    expect(await screen.findByText(text.readOnly)).toBeTruthy();
    expect(field(text.fields.missingDays).disabled).toBe(true);
    expect(screen.queryByRole("button", { name: text.save })).toBeNull();
  });
});
