// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { DEFAULT_ATTENDANCE_SETTINGS } from "../../../core/attendance/attendance-settings.schema";
import { adminEn } from "../../i18n/admin.en";
import { apiCalls, renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith, sessionWith, setUpAdminDom } from "./admin-testing";
import { AttendanceSettingsPage } from "./attendance-settings-page";

beforeAll(setUpAdminDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const text = adminEn.attendanceSettings;

function renderPage(routes: Parameters<typeof fakeApiWith>[0] = {}, permissions = ["settings.manage"]) {
  const fetchMock = vi.fn(
    fakeApiWith({
      "GET /api/v1/sessions/current": sessionWith(permissions),
      "GET /api/v1/settings/attendance": { body: DEFAULT_ATTENDANCE_SETTINGS },
      ...routes,
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(<AttendanceSettingsPage />, "/staff/admin/attendance-settings");
  return fetchMock;
}

const puts = (fetchMock: ReturnType<typeof renderPage>) =>
  apiCalls(fetchMock).filter((c) => c.route.startsWith("PUT"));
const group = (name: string) => within(screen.getByRole("group", { name }));
const field = (scope: ReturnType<typeof within>, label: string) =>
  scope.getByRole("textbox", { name: label }) as HTMLInputElement;
const adults = () => group(text.hours.groups.adult);
const absences = () => within(screen.getByRole("region", { name: text.absences.title }));

describe("Attendance settings page", () => {
  it("shows each figure in hours with where its starting value comes from", async () => {
    renderPage();
    expect(await screen.findByRole("heading", { level: 1, name: text.title })).toBeTruthy();
    await screen.findByRole("group", { name: text.hours.groups.adult });
    expect(field(adults(), text.hours.weeklyMinimumMinutes).value).toBe("9");
    expect(field(adults(), text.hours.weeklyMaximumMinutes).value).toBe("20");
    expect(field(adults(), text.hours.dailyMinimumMinutes).value).toBe("3");
    expect(field(adults(), text.hours.daysRequired).value).toBe("3");
    const teens = group(text.hours.groups.adolescent);
    expect(field(teens, text.hours.weeklyMinimumMinutes).value).toBe("6");
    expect(screen.getByText(text.hours.sources.weeklyMinimumMinutes_adult)).toBeTruthy();
    expect(screen.getByText(text.hours.sources.weeklyMinimumMinutes_adolescent)).toBeTruthy();
    expect(screen.getAllByText(text.hours.sources.dailyMinimumMinutes)).toHaveLength(2);
    expect(field(absences(), text.absences.consecutiveUnexcused).value).toBe("2");
    expect(field(absences(), text.absences.rateWindowDays).value).toBe("14");
    expect(screen.getByText(text.absences.sources.minimumRatePercent)).toBeTruthy();
    expect(
      (screen.getByRole("checkbox", { name: text.absences.excusedCountsAsMissed }) as HTMLInputElement)
        .checked,
    ).toBe(true);
    expect(screen.queryByText(text.readOnly)).toBeNull();
  });

  it("refuses figures that do not fit, on their fields, before sending; then saves hours as minutes", async () => {
    const fetchMock = renderPage({ "PUT /api/v1/settings/attendance": (_url, body) => ({ body }) });
    await screen.findByRole("group", { name: text.hours.groups.adult });
    fireEvent.change(field(adults(), text.hours.weeklyMaximumMinutes), { target: { value: "8" } });
    fireEvent.change(field(absences(), text.absences.consecutiveUnexcused), { target: { value: "1" } });
    fireEvent.click(screen.getByRole("button", { name: text.save }));
    expect(await screen.findByText(text.errors.fixBelow)).toBeTruthy();
    expect(adults().getByText(text.errors.maximumOverMinimum)).toBeTruthy();
    expect(absences().getByText(text.errors.consecutiveUnexcused)).toBeTruthy();
    expect(puts(fetchMock)).toEqual([]);

    fireEvent.change(field(adults(), text.hours.weeklyMaximumMinutes), { target: { value: "19" } });
    fireEvent.change(field(adults(), text.hours.weeklyMinimumMinutes), { target: { value: "10.5" } });
    fireEvent.change(field(absences(), text.absences.consecutiveUnexcused), { target: { value: "3" } });
    fireEvent.click(screen.getByRole("checkbox", { name: text.absences.excusedCountsAsMissed }));
    fireEvent.click(screen.getByRole("button", { name: text.save }));
    expect(await screen.findByText(text.saved)).toBeTruthy();
    expect(puts(fetchMock)).toEqual([
      {
        route: "PUT /api/v1/settings/attendance",
        body: {
          programHours: {
            ...DEFAULT_ATTENDANCE_SETTINGS.programHours,
            adult: {
              ...DEFAULT_ATTENDANCE_SETTINGS.programHours.adult,
              weeklyMinimumMinutes: 630,
              weeklyMaximumMinutes: 1140,
            },
          },
          absences: {
            ...DEFAULT_ATTENDANCE_SETTINGS.absences,
            consecutiveUnexcused: 3,
            excusedCountsAsMissed: false,
          },
        },
      },
    ]);
    expect(screen.queryByText(text.errors.maximumOverMinimum)).toBeNull();
  });

  it("shows the server's message on the field it names", async () => {
    renderPage({
      "PUT /api/v1/settings/attendance": {
        status: 400,
        body: {
          error: {
            code: "VALIDATION_FAILED",
            message: "Some fields are not valid.",
            fields: [{ path: "absences.minimumSessions", message: "Use at most 50 sessions." }],
          },
        },
      },
    });
    await screen.findByRole("group", { name: text.hours.groups.adult });
    fireEvent.click(screen.getByRole("button", { name: text.save }));
    expect(await absences().findByText("Use at most 50 sessions.")).toBeTruthy();
    expect(screen.getByText(text.errors.fixBelow)).toBeTruthy();
  });

  it("shows the settings without changing them to someone who only sees the schedule", async () => {
    renderPage({}, ["schedule.view"]);
    expect(await screen.findByText(text.readOnly)).toBeTruthy();
    await screen.findByRole("group", { name: text.hours.groups.adult });
    expect(field(adults(), text.hours.weeklyMinimumMinutes).disabled).toBe(true);
    expect(screen.queryByRole("button", { name: text.save })).toBeNull();
  });
});
