// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import i18n from "i18next";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { DEFAULT_PLAN_SETTINGS } from "../../../core/treatment-plans/plan-settings.schema";
import { treatmentPlansAdminEn } from "../../i18n/treatment-plans-admin.en";
import { apiCalls, renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith, sessionWith, setUpAdminDom } from "../admin/admin-testing";
import { PlanSettingsPage } from "./plan-settings-page";

beforeAll(async () => {
  await setUpAdminDom();
  i18n.addResourceBundle("en", "treatmentPlansAdmin", treatmentPlansAdminEn, true, true);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const text = treatmentPlansAdminEn.settings;

function renderPage(routes: Parameters<typeof fakeApiWith>[0] = {}, permissions = ["settings.manage"]) {
  const fetchMock = vi.fn(
    fakeApiWith({
      "GET /api/v1/sessions/current": sessionWith(permissions),
      "GET /api/v1/settings/treatment-plans": { body: DEFAULT_PLAN_SETTINGS },
      ...routes,
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(<PlanSettingsPage />, "/staff/admin/treatment-plan-settings");
  return fetchMock;
}

const puts = (fetchMock: ReturnType<typeof renderPage>) =>
  apiCalls(fetchMock).filter((c) => c.route.startsWith("PUT"));
const field = (label: string) => screen.getByRole("textbox", { name: label }) as HTMLInputElement;
const reviews = () => within(screen.getByRole("region", { name: text.reviewsTitle }));

describe("Treatment-plan settings page", () => {
  it("shows the program's figures in days and the group-scheduling rule", async () => {
    renderPage();
    expect(await screen.findByRole("heading", { level: 1, name: text.title })).toBeTruthy();
    await screen.findByRole("region", { name: text.reviewsTitle });
    expect(field(text.fields.reviewCycleDays).value).toBe("30");
    expect(field(text.fields.dueSoonDays).value).toBe("7");
    expect(field(text.fields.earlyReviewDays).value).toBe("7");
    expect(field(text.fields.firstPlanDays).value).toBe("7");
    expect(screen.getByText(text.descriptions.reviewCycleDays)).toBeTruthy();
    expect((screen.getByRole("radio", { name: text.rules.warn }) as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByText(text.readOnly)).toBeNull();
  });

  it("refuses figures out of range on their fields before sending, then saves the settings", async () => {
    const fetchMock = renderPage({ "PUT /api/v1/settings/treatment-plans": (_url, body) => ({ body }) });
    await screen.findByRole("region", { name: text.reviewsTitle });
    fireEvent.change(field(text.fields.reviewCycleDays), { target: { value: "5" } });
    fireEvent.change(field(text.fields.firstPlanDays), { target: { value: "90" } });
    fireEvent.click(screen.getByRole("button", { name: text.save }));
    expect(await screen.findByText(text.errors.fixBelow)).toBeTruthy();
    expect(reviews().getByText("Use a number from 7 to 180.")).toBeTruthy();
    expect(screen.getByText("Use a number from 1 to 60.")).toBeTruthy();
    expect(puts(fetchMock)).toEqual([]);

    fireEvent.change(field(text.fields.reviewCycleDays), { target: { value: "28" } });
    fireEvent.change(field(text.fields.firstPlanDays), { target: { value: "10" } });
    fireEvent.click(screen.getByRole("radio", { name: text.rules.block }));
    fireEvent.click(screen.getByRole("button", { name: text.save }));
    expect(await screen.findByText(text.saved)).toBeTruthy();
    expect(puts(fetchMock)).toEqual([
      {
        route: "PUT /api/v1/settings/treatment-plans",
        body: {
          ...DEFAULT_PLAN_SETTINGS,
          reviewCycleDays: 28,
          firstPlanDays: 10,
          groupSchedulingBeforeSignedPlan: "block",
        },
      },
    ]);
    expect(screen.queryByText("Use a number from 7 to 180.")).toBeNull();
  });

  it("refuses a due-soon window as long as the review cycle", async () => {
    const fetchMock = renderPage();
    await screen.findByRole("region", { name: text.reviewsTitle });
    fireEvent.change(field(text.fields.reviewCycleDays), { target: { value: "14" } });
    fireEvent.change(field(text.fields.dueSoonDays), { target: { value: "14" } });
    fireEvent.click(screen.getByRole("button", { name: text.save }));
    expect(await reviews().findByText(text.errors.dueSoonWithinCycle)).toBeTruthy();
    expect(puts(fetchMock)).toEqual([]);
  });

  it("shows the server's message on the field it names", async () => {
    renderPage({
      "PUT /api/v1/settings/treatment-plans": {
        status: 400,
        body: {
          error: {
            code: "VALIDATION_FAILED",
            message: "Some fields are not valid.",
            fields: [{ path: "earlyReviewDays", message: "Use 30 days or fewer." }],
          },
        },
      },
    });
    await screen.findByRole("region", { name: text.reviewsTitle });
    fireEvent.click(screen.getByRole("button", { name: text.save }));
    expect(await reviews().findByText("Use 30 days or fewer.")).toBeTruthy();
    expect(screen.getByText(text.errors.fixBelow)).toBeTruthy();
  });

  it("is read-only for clinicians, who may see the settings but not change them", async () => {
    renderPage({}, ["clinical.view"]);
    expect(await screen.findByText(text.readOnly)).toBeTruthy();
    expect(field(text.fields.reviewCycleDays).disabled).toBe(true);
    expect((screen.getByRole("radio", { name: text.rules.allow }) as HTMLInputElement).disabled).toBe(true);
    expect(screen.queryByRole("button", { name: text.save })).toBeNull();
  });
});
