// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import i18n from "i18next";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { DEFAULT_NOTES_SETTINGS } from "../../../core/notes/notes-settings.schema";
import { notesWorklistEn } from "../../i18n/notes-worklist.en";
import { apiCalls, renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith, sessionWith, setUpAdminDom } from "../admin/admin-testing";
import { NotesSettingsPage } from "./notes-settings-page";

beforeAll(async () => {
  await setUpAdminDom();
  i18n.addResourceBundle("en", "notesWorklist", notesWorklistEn, true, true);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const text = notesWorklistEn.settings;

function renderPage(routes: Parameters<typeof fakeApiWith>[0] = {}, permissions = ["settings.manage"]) {
  const fetchMock = vi.fn(
    fakeApiWith({
      "GET /api/v1/sessions/current": sessionWith(permissions),
      "GET /api/v1/settings/notes": { body: DEFAULT_NOTES_SETTINGS },
      ...routes,
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(<NotesSettingsPage />, "/staff/admin/notes-settings");
  return fetchMock;
}

const puts = (fetchMock: ReturnType<typeof renderPage>) =>
  apiCalls(fetchMock).filter((c) => c.route.startsWith("PUT"));
const field = (label: string) => screen.getByRole("textbox", { name: label }) as HTMLInputElement;
const timing = () => within(screen.getByRole("region", { name: text.timingTitle }));

describe("Clinical-note settings page", () => {
  it("shows the program's format, hours and cloned-entry check", async () => {
    renderPage();
    expect(await screen.findByRole("heading", { level: 1, name: text.title })).toBeTruthy();
    await screen.findByRole("region", { name: text.timingTitle });
    expect((screen.getByRole("radio", { name: text.formats.DAP }) as HTMLInputElement).checked).toBe(true);
    expect(field(text.fields.unsignedAlertHours).value).toBe("48");
    expect(field(text.fields.lateEntryHours).value).toBe("24");
    expect(field(text.fields.cloneThreshold).value).toBe("0.8");
    expect(field(text.fields.clonePreviousEntries).value).toBe("5");
  });

  it("refuses figures out of range on their fields before sending, then saves the settings", async () => {
    const fetchMock = renderPage({ "PUT /api/v1/settings/notes": (_url, body) => ({ body }) });
    await screen.findByRole("region", { name: text.timingTitle });
    fireEvent.change(field(text.fields.unsignedAlertHours), { target: { value: "2" } });
    fireEvent.change(field(text.fields.cloneThreshold), { target: { value: "1.5" } });
    fireEvent.click(screen.getByRole("button", { name: text.save }));
    expect(await screen.findByText(text.errors.fixBelow)).toBeTruthy();
    expect(timing().getByText("Enter a number from 4 to 336.")).toBeTruthy();
    expect(screen.getByText("Enter a number from 0.5 to 1.")).toBeTruthy();
    expect(puts(fetchMock)).toEqual([]);

    fireEvent.change(field(text.fields.unsignedAlertHours), { target: { value: "72" } });
    fireEvent.change(field(text.fields.cloneThreshold), { target: { value: "0.9" } });
    fireEvent.click(screen.getByRole("radio", { name: text.formats.SOAP }));
    fireEvent.click(screen.getByRole("button", { name: text.save }));
    expect(await screen.findByText(text.saved)).toBeTruthy();
    expect(puts(fetchMock)).toEqual([
      {
        route: "PUT /api/v1/settings/notes",
        body: {
          ...DEFAULT_NOTES_SETTINGS,
          unsignedAlertHours: 72,
          cloneThreshold: 0.9,
          defaultFormat: "SOAP",
        },
      },
    ]);
  });

  it("shows the server's message on the field it names", async () => {
    renderPage({
      "PUT /api/v1/settings/notes": {
        status: 400,
        body: {
          error: {
            code: "VALIDATION_FAILED",
            message: "Some fields are not valid.",
            fields: [{ path: "lateEntryHours", message: "Use at most 336 hours (14 days)." }],
          },
        },
      },
    });
    await screen.findByRole("region", { name: text.timingTitle });
    fireEvent.click(screen.getByRole("button", { name: text.save }));
    expect(await timing().findByText("Use at most 336 hours (14 days).")).toBeTruthy();
  });

  it("is read-only for clinicians", async () => {
    renderPage({}, ["clinical.view"]);
    expect(await screen.findByText(text.readOnly)).toBeTruthy();
    expect(field(text.fields.unsignedAlertHours).disabled).toBe(true);
    expect((screen.getByRole("radio", { name: text.formats.BIRP }) as HTMLInputElement).disabled).toBe(true);
    expect(screen.queryByRole("button", { name: text.save })).toBeNull();
  });
});
