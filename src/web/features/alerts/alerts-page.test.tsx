// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ALERT_KINDS, ALERT_SEVERITIES, ALERT_STATES } from "../../../core/alerts/alerts.schema";
import { adminEn } from "../../i18n/admin.en";
import { adminEs } from "../../i18n/admin.es";
import { renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith, sessionWith, setUpAdminDom } from "../admin/admin-testing";
import { AlertsPage } from "./alerts-page";
import { aList, anAlert, PARTICIPANT_ID } from "./alerts-testing";

beforeAll(setUpAdminDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderInbox(list: Parameters<typeof fakeApiWith>[0][string], path = "/staff/alerts") {
  const fetchMock = vi.fn(
    fakeApiWith({
      "GET /api/v1/sessions/current": sessionWith(["alerts.view", "alerts.manage"]),
      "GET /api/v1/alerts": list,
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(
    <Routes>
      <Route path="/staff/alerts" element={<AlertsPage />} />
    </Routes>,
    path,
  );
  return fetchMock;
}

const listCalls = (fetchMock: ReturnType<typeof renderInbox>) =>
  fetchMock.mock.calls
    .map(([url]) => new URL(String(url), "http://localhost"))
    .filter((url) => url.pathname === "/api/v1/alerts");

describe("AlertsPage", () => {
  it("lists alerts with severity in words, the reason, the participant and whether it is for me", async () => {
    renderInbox({
      body: aList([
        anAlert({
          severity: "emergency",
          kind: "asq_acute_positive",
          escalatedAt: "2026-03-03T14:20:00.000Z",
        }),
        anAlert({
          id: "9b1f0c3e-2b4d-4e5f-8a9b-0c1d2e3f4a5b",
          severity: "info",
          kind: "measure_overdue",
          mine: false,
        }),
      ]),
    });
    const table = await screen.findByRole("table", { name: adminEn.alertInbox.tableLabel });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(within(rows[0]!).getByText("Emergency")).toBeTruthy();
    expect(within(rows[0]!).getByRole("link", { name: "ASQ acute positive" }).getAttribute("href")).toBe(
      `/staff/alerts/${anAlert().id}`,
    );
    expect(within(rows[0]!).getByText("Escalated")).toBeTruthy();
    expect(within(rows[0]!).getByText("For you")).toBeTruthy();
    expect(within(rows[0]!).getByRole("link", { name: "Riley Stone" }).getAttribute("href")).toBe(
      `/staff/participants/${PARTICIPANT_ID}`,
    );
    expect(within(rows[1]!).getByText("Info")).toBeTruthy();
    expect(within(rows[1]!).queryByText("For you")).toBeNull();
    expect(screen.getByText("Open: 3 · for you: 2")).toBeTruthy();
  });

  it("sends the filters to the server and keeps them in the address", async () => {
    const fetchMock = renderInbox({ body: aList([anAlert()]) });
    await screen.findByRole("table");
    fireEvent.click(screen.getByRole("radio", { name: adminEn.alertInbox.filters.scopeMine }));
    fireEvent.change(screen.getByLabelText(adminEn.alertInbox.filters.severity), {
      target: { value: "urgent" },
    });
    fireEvent.change(screen.getByLabelText(adminEn.alertInbox.filters.kind), {
      target: { value: "phq9_item9" },
    });
    fireEvent.change(screen.getByLabelText(adminEn.alertInbox.filters.state), {
      target: { value: "resolved" },
    });
    await waitFor(() => expect(listCalls(fetchMock).at(-1)?.searchParams.get("state")).toBe("resolved"));
    const query = listCalls(fetchMock).at(-1)!.searchParams;
    expect(Object.fromEntries(query)).toEqual({
      scope: "mine",
      severity: "urgent",
      kind: "phq9_item9",
      state: "resolved",
    });
  });

  it("opens filtered to one participant from the record and can show everyone again", async () => {
    const fetchMock = renderInbox(
      { body: aList([anAlert()]) },
      `/staff/alerts?participantId=${PARTICIPANT_ID}`,
    );
    await screen.findByRole("table");
    expect(listCalls(fetchMock)[0]!.searchParams.get("participantId")).toBe(PARTICIPANT_ID);
    fireEvent.click(screen.getByRole("button", { name: adminEn.alertInbox.filters.clearParticipant }));
    await waitFor(() => expect(listCalls(fetchMock).at(-1)?.searchParams.has("participantId")).toBe(false));
  });

  it("says so when there is nothing to do, and shows a placeholder while loading", async () => {
    renderInbox({
      body: aList([], {
        counts: { open: 0, openMine: 0, bySeverity: { info: 0, warning: 0, urgent: 0, emergency: 0 } },
      }),
    });
    expect(screen.getByRole("status")).toBeTruthy();
    expect(await screen.findByText(adminEn.alertInbox.emptyActive)).toBeTruthy();
  });

  it("has words for every kind, severity and state in English and Spanish", () => {
    for (const dictionary of [adminEn, adminEs]) {
      for (const kind of ALERT_KINDS) expect(dictionary.alertInbox.kinds[kind]).toBeTruthy();
      for (const severity of ALERT_SEVERITIES)
        expect(dictionary.alertInbox.severities[severity]).toBeTruthy();
      for (const state of ALERT_STATES) expect(dictionary.alertInbox.states[state]).toBeTruthy();
    }
  });
});
