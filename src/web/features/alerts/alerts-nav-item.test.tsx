// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Permission } from "../../../core/access/permissions";
import { RequireSession } from "../../app/require-session";
import { StaffShell } from "../../app/staff-shell";
import { en } from "../../i18n/en";
import { aSession } from "../../test-support/builders";
import { apiCalls, fakeApi, renderWithProviders, setUpDom } from "../../test-support/render-with-providers";
import { counts } from "./alerts-testing";

beforeAll(setUpDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderShell(permissions: Permission[], open = 3) {
  const fetchMock = vi.fn(
    fakeApi({
      "GET /api/v1/sessions/current": { body: { session: aSession({ permissions }) } },
      "GET /api/v1/alerts/counts": { body: counts({ open }) },
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
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
        <Route path="alerts" element={<h1>Alerts page</h1>} />
      </Route>
    </Routes>,
    "/staff/alerts",
  );
  return fetchMock;
}

const navigation = async () => within(await screen.findByRole("navigation", { name: en.nav.label }));

describe("Alerts in the staff navigation", () => {
  it("says how many alerts are open in words, not only in a badge", async () => {
    renderShell(["alerts.view"]);
    const nav = await navigation();
    const link = await nav.findByRole("link", { name: "Alerts 3 open" });
    expect(link.getAttribute("href")).toBe("/staff/alerts");
    expect(link.getAttribute("aria-current")).toBe("page");
    expect(within(link).getByText("3 open")).toBeTruthy();
  });

  it("shows no badge when nothing is open (for access reviewers too)", async () => {
    renderShell(["alerts.review_access"], 0);
    const nav = await navigation();
    await nav.findByRole("link", { name: "Alerts" });
    expect(nav.queryByText(/open/)).toBeNull();
  });

  it("is not there, and asks for no counts, for staff who see no alerts", async () => {
    const fetchMock = renderShell(["participants.list"]);
    const nav = await navigation();
    expect(nav.getByRole("link", { name: "Participants" })).toBeTruthy();
    expect(nav.queryByRole("link", { name: /Alerts/ })).toBeNull();
    await waitFor(() =>
      expect(apiCalls(fetchMock).map((c) => c.route)).not.toContain("GET /api/v1/alerts/counts"),
    );
  });
});
