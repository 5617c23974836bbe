// @vitest-environment jsdom
import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { adminEn } from "../../i18n/admin.en";
import { renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith, setUpAdminDom } from "./admin-testing";
import { RolesPage } from "./roles-page";

beforeAll(setUpAdminDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ROLES = {
  roles: [
    {
      role: "counselor",
      name: "Counselor / therapist",
      caseloadScoped: true,
      permissions: ["clinical.view"],
    },
    {
      role: "billing",
      name: "Billing / utilization review",
      caseloadScoped: false,
      permissions: ["billing.view"],
    },
  ],
  permissions: [
    { key: "clinical.view", description: "Read clinical content: check-ins, assessments, notes, plans" },
    { key: "billing.view", description: "See billing and utilization data" },
  ],
  counselorScope: "care_team",
};

describe("RolesPage", () => {
  it("shows roles as columns and permissions as rows, with each cell said in words", async () => {
    vi.stubGlobal("fetch", vi.fn(fakeApiWith({ "GET /api/v1/roles": { body: ROLES } })));
    renderWithProviders(<RolesPage />);
    const table = await screen.findByRole("table", { name: adminEn.roles.tableLabel });
    const headers = within(table)
      .getAllByRole("columnheader")
      .map((h) => h.textContent);
    expect(headers[0]).toBe(adminEn.roles.permission);
    expect(headers[1]).toContain("Counselor / therapist");
    expect(headers[1]).toContain(adminEn.roles.caseloadScoped);
    expect(headers[2]).toBe("Billing / utilization review");

    const clinical = within(table)
      .getByRole("rowheader", { name: /Read clinical content/ })
      .closest("tr")!;
    const cells = within(clinical as HTMLElement)
      .getAllByRole("cell")
      .map((c) => c.textContent);
    expect(cells).toEqual([adminEn.roles.granted, adminEn.roles.notGranted]);
    const billing = within(table)
      .getByRole("rowheader", { name: /See billing/ })
      .closest("tr")!;
    expect(
      within(billing as HTMLElement)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual([adminEn.roles.notGranted, adminEn.roles.granted]);
  });

  it("explains caseload-scoped roles and the current counselor scope", async () => {
    vi.stubGlobal("fetch", vi.fn(fakeApiWith({ "GET /api/v1/roles": { body: ROLES } })));
    renderWithProviders(<RolesPage />);
    expect(await screen.findByText(adminEn.roles.scopeCareTeam)).toBeTruthy();
    expect(
      screen.getByText(/Counselor \/ therapist can be limited to the participants on their own care team/),
    ).toBeTruthy();
  });
});
