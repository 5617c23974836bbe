// @vitest-environment jsdom
import { cleanup, screen, within } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Permission } from "../../core/access/permissions";
import { en } from "../i18n/en";
import { aSession } from "../test-support/builders";
import { fakeApi, renderWithProviders, setUpDom } from "../test-support/render-with-providers";
import { RequireSession } from "./require-session";
import { StaffShell } from "./staff-shell";

beforeAll(setUpDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderShell(permissions: Permission[], demo = false) {
  const session = aSession({ permissions, demo });
  vi.stubGlobal("fetch", vi.fn(fakeApi({ "GET /api/v1/sessions/current": { body: { session } } })));
  renderWithProviders(
    <Routes>
      <Route
        path="/staff"
        element={
          <RequireSession kind="staff">
            <StaffShell />
          </RequireSession>
        }
      >
        <Route path="admin/audit" element={<h1>Audit</h1>} />
      </Route>
    </Routes>,
    "/staff/admin/audit",
  );
}

const navigation = async () => within(await screen.findByRole("navigation", { name: en.nav.label }));

describe("Staff navigation", () => {
  it("shows only the pages the staff member's permissions open", async () => {
    renderShell(["participants.list", "audit.view", "roles.view"]);
    const nav = await navigation();
    expect(nav.getByRole("link", { name: "Participants" }).getAttribute("href")).toBe("/staff/participants");
    expect(nav.getByRole("list", { name: "Administration" })).toBeTruthy();
    expect(nav.getByRole("link", { name: "Roles" }).getAttribute("href")).toBe("/staff/admin/roles");
    expect(nav.getByRole("link", { name: "Audit log" }).getAttribute("aria-current")).toBe("page");
    expect(nav.queryByRole("link", { name: "Users" })).toBeNull();
    expect(nav.queryByRole("link", { name: "Security settings" })).toBeNull();
    expect(nav.queryByRole("link", { name: "Messages" })).toBeNull();
    expect(nav.queryByRole("link", { name: "Notes" })).toBeNull();
    expect(nav.queryByRole("link", { name: "Calendar" })).toBeNull();
  });

  it("gives clinicians who write notes the notes worklist, and administrators the note settings", async () => {
    renderShell(["clinical.view", "clinical.write"]);
    const nav = await navigation();
    expect(nav.getByRole("link", { name: "Notes" }).getAttribute("href")).toBe("/staff/notes");
    expect(nav.getByRole("link", { name: "Messages" }).getAttribute("href")).toBe("/staff/messages");
    expect(nav.queryByRole("link", { name: "Clinical-note settings" })).toBeNull();
    cleanup();
    renderShell(["settings.manage"]);
    expect(
      (await navigation()).getByRole("link", { name: "Clinical-note settings" }).getAttribute("href"),
    ).toBe("/staff/admin/notes-settings");
  });

  it("shows Admissions settings to those who change them and to those who admit", async () => {
    for (const permission of ["settings.manage", "admissions.manage"] as const) {
      renderShell([permission]);
      const nav = await navigation();
      expect(nav.getByRole("link", { name: "Admissions settings" }).getAttribute("href")).toBe(
        "/staff/admin/admission-settings",
      );
      cleanup();
    }
    renderShell(["participants.list", "clinical.write"]);
    expect((await navigation()).queryByRole("link", { name: "Admissions settings" })).toBeNull();
  });

  it("hides Participants and Administration from someone without those permissions", async () => {
    renderShell(["schedule.view"]);
    const nav = await navigation();
    expect(nav.getByRole("link", { name: "Home" })).toBeTruthy();
    expect(nav.getByRole("link", { name: "Calendar" }).getAttribute("href")).toBe("/staff/calendar");
    expect(nav.queryByRole("link", { name: "Participants" })).toBeNull();
    expect(nav.queryByText("Administration")).toBeNull();
  });

  it("says so on every page in demo mode, and only then", async () => {
    renderShell([], true);
    expect((await screen.findByRole("note")).textContent).toBe(
      "Demo mode: MFA is off for demo accounts. All people are fictional.",
    );
    cleanup();
    renderShell([]);
    await navigation();
    expect(screen.queryByRole("note")).toBeNull();
  });
});
