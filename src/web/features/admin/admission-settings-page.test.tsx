// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { adminEn } from "../../i18n/admin.en";
import { apiCalls, renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith, sessionWith, setUpAdminDom } from "./admin-testing";
import { AdmissionSettingsPage } from "./admission-settings-page";

beforeAll(setUpAdminDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const SETTINGS = { offeredLevels: ["2.1", "1", "1.5"], inquiryResponseHours: 24 };
const RULES = {
  rules: [
    { edition: 3, byHighestRating: ["1", "1", "2.1", "2.5", "3.7"], countedDimensions: [1, 2, 3, 4, 5, 6] },
    {
      edition: 4,
      byHighestRating: ["1.5", "1.5", "2.1", "2.5", "3.7"],
      countedDimensions: [1, 2, 3, 4, 5, 6],
    },
  ],
  defaults: [true, false],
};
const text = adminEn.admissionSettings;

function renderPage(routes: Parameters<typeof fakeApiWith>[0] = {}, permissions = ["settings.manage"]) {
  const fetchMock = vi.fn(
    fakeApiWith({
      "GET /api/v1/sessions/current": sessionWith(permissions),
      "GET /api/v1/admissions/settings": { body: SETTINGS },
      "GET /api/v1/admissions/level-rules": { body: RULES },
      ...routes,
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(<AdmissionSettingsPage />, "/staff/admin/admission-settings");
  return fetchMock;
}

const puts = (fetchMock: ReturnType<typeof renderPage>) =>
  apiCalls(fetchMock).filter((c) => c.route.startsWith("PUT"));
const checkbox = (name: string) => screen.getByRole("checkbox", { name }) as HTMLInputElement;
const hoursField = () => screen.getByLabelText(new RegExp(`^${text.program.hours.replace(/[()]/g, "\\$&")}`));
const ruleForm = (edition: 3 | 4) =>
  within(screen.getByRole("form", { name: text.editions[`edition${edition}`] }));

describe("Admissions settings page", () => {
  it("shows the levels offered, the promised response time and each edition's suggestion rule", async () => {
    renderPage();
    expect(await screen.findByRole("heading", { level: 1, name: text.title })).toBeTruthy();
    await screen.findByRole("checkbox", { name: "2.1 · Intensive Outpatient" });
    expect(checkbox("2.1 · Intensive Outpatient").checked).toBe(true);
    expect(checkbox("2.1 · Intensive Outpatient").disabled).toBe(true);
    expect(screen.getByText(text.program.alwaysOffered)).toBeTruthy();
    expect(checkbox("1 · Outpatient Services").checked).toBe(true);
    expect(checkbox("1.5 · Outpatient Therapy").checked).toBe(true);
    expect(checkbox("2.5 · High-Intensity Outpatient").checked).toBe(false);
    expect((hoursField() as HTMLInputElement).value).toBe("24");
    expect(
      screen.getByText("People who send an inquiry read: “We will contact you within 24 business hours.”"),
    ).toBeTruthy();

    const third = await waitFor(() => ruleForm(3));
    expect((third.getByLabelText("Highest rating 2") as HTMLSelectElement).value).toBe("2.1");
    expect((third.getByLabelText("Highest rating 4") as HTMLSelectElement).value).toBe("3.7");
    expect(third.getAllByRole("checkbox").every((c) => (c as HTMLInputElement).checked)).toBe(true);
    expect(third.getByText(text.rules.startingRule)).toBeTruthy();
    const fourth = ruleForm(4);
    expect((fourth.getByLabelText("Highest rating 0") as HTMLSelectElement).value).toBe("1.5");
    expect(fourth.queryByText(text.rules.startingRule)).toBeNull();
    expect(screen.queryByText(text.readOnly)).toBeNull();
  });

  it("refuses a response time outside 1–168 hours before sending, then saves the levels in order", async () => {
    const fetchMock = renderPage({
      "PUT /api/v1/admissions/settings": (_url, body) => ({ body }),
    });
    await screen.findByRole("checkbox", { name: "2.5 · High-Intensity Outpatient" });
    fireEvent.change(hoursField(), { target: { value: "200" } });
    fireEvent.click(screen.getByRole("button", { name: text.program.save }));
    expect(await screen.findByText(text.errors.hours)).toBeTruthy();
    expect(puts(fetchMock)).toEqual([]);

    fireEvent.change(hoursField(), { target: { value: "48" } });
    fireEvent.click(checkbox("2.5 · High-Intensity Outpatient"));
    fireEvent.click(checkbox("1 · Outpatient Services"));
    fireEvent.click(screen.getByRole("button", { name: text.program.save }));
    expect(await screen.findByText(text.program.saved)).toBeTruthy();
    expect(puts(fetchMock)).toEqual([
      {
        route: "PUT /api/v1/admissions/settings",
        body: { offeredLevels: ["1.5", "2.1", "2.5"], inquiryResponseHours: 48 },
      },
    ]);
    expect(screen.queryByText(text.errors.hours)).toBeNull();
  });

  it("shows the server's message on the field it names", async () => {
    renderPage({
      "PUT /api/v1/admissions/settings": {
        status: 400,
        body: {
          error: {
            code: "VALIDATION_FAILED",
            message: "Some fields are not valid.",
            fields: [{ path: "offeredLevels.1", message: "“9.9” is not a level of care in either edition." }],
          },
        },
      },
    });
    await screen.findByRole("checkbox", { name: "2.5 · High-Intensity Outpatient" });
    fireEvent.click(checkbox("2.5 · High-Intensity Outpatient"));
    fireEvent.click(screen.getByRole("button", { name: text.program.save }));
    expect(await screen.findByText("“9.9” is not a level of care in either edition.")).toBeTruthy();
  });

  it("saves one edition's rule, refusing a rule that counts no dimension", async () => {
    const fetchMock = renderPage({
      "PUT /api/v1/admissions/level-rules": (_url, body) => ({
        body: { rules: [RULES.rules[0], body], defaults: [true, false] },
      }),
    });
    const fourth = await waitFor(() => ruleForm(4));
    const save = fourth.getByRole("button", { name: `Save the rule for the ${text.editions.edition4}` });
    for (const box of fourth.getAllByRole("checkbox")) fireEvent.click(box);
    fireEvent.click(save);
    expect(await fourth.findByText(text.errors.dimensionsRequired)).toBeTruthy();
    expect(puts(fetchMock)).toEqual([]);

    fireEvent.click(fourth.getByRole("checkbox", { name: /^Dimension 4:/ }));
    fireEvent.click(fourth.getByRole("checkbox", { name: /^Dimension 1:/ }));
    fireEvent.change(fourth.getByLabelText("Highest rating 3"), { target: { value: "2.7" } });
    fireEvent.click(save);
    expect(await screen.findByText(`Rule for the ${text.editions.edition4} saved.`)).toBeTruthy();
    expect(puts(fetchMock)).toEqual([
      {
        route: "PUT /api/v1/admissions/level-rules",
        body: { edition: 4, byHighestRating: ["1.5", "1.5", "2.1", "2.7", "3.7"], countedDimensions: [1, 4] },
      },
    ]);
  });

  it("shows the settings without changing them to someone who only admits", async () => {
    renderPage({}, ["admissions.manage"]);
    expect(await screen.findByText(text.readOnly)).toBeTruthy();
    await screen.findByRole("checkbox", { name: "1 · Outpatient Services" });
    expect(checkbox("1 · Outpatient Services").disabled).toBe(true);
    expect((hoursField() as HTMLInputElement).disabled).toBe(true);
    await waitFor(() => ruleForm(3));
    expect(screen.queryByRole("button", { name: text.program.save })).toBeNull();
    expect(screen.queryByRole("button", { name: /^Save the rule/ })).toBeNull();
  });

  it("says when the settings cannot be loaded, and offers to try again", async () => {
    renderPage({
      "GET /api/v1/admissions/settings": { status: 500, body: { error: { code: "INTERNAL", message: "" } } },
    });
    const region = within(await screen.findByRole("region", { name: text.program.title }));
    expect((await region.findByRole("alert")).textContent).toContain(adminEn.states.loadError);
    expect(region.getByRole("button", { name: adminEn.states.retry })).toBeTruthy();
  });
});
