// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import i18n from "i18next";
import { Route, Routes } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { DUE_STATUS_FILTERS } from "../../../core/assessments/measurement-schedule.schema";
import { DUE_STATUSES } from "../../../core/assessments/schedule.rules";
import { assessmentsEn } from "../../i18n/assessments.en";
import { assessmentsEs } from "../../i18n/assessments.es";
import { renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith, sessionWith, setUpAdminDom } from "../admin/admin-testing";
import { DuePage } from "./due-page";
import { aDueItem, aDueList, aScheduleView, PARTICIPANT_ID } from "./due-testing";

const T = assessmentsEn.due;

beforeAll(async () => {
  await setUpAdminDom();
  i18n.addResourceBundle("en", "assessments", assessmentsEn, true, true);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

type Reply = Parameters<typeof fakeApiWith>[0][string];

function renderWorklist(list: Reply, path = "/staff/measures-due") {
  const fetchMock = vi.fn(
    fakeApiWith({
      "GET /api/v1/sessions/current": sessionWith(["clinical.view"]),
      "GET /api/v1/assessments/due": list,
      "GET /api/v1/assessments/schedule": { body: aScheduleView() },
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(
    <Routes>
      <Route path="/staff/measures-due" element={<DuePage />} />
    </Routes>,
    path,
  );
  return fetchMock;
}

const listCalls = (fetchMock: ReturnType<typeof renderWorklist>) =>
  fetchMock.mock.calls
    .map(([url]) => new URL(String(url), "http://localhost"))
    .filter((url) => url.pathname === "/api/v1/assessments/due");

describe("DuePage", () => {
  it("lists each measure owed with the participant's assessments link, status in words, why and whether it is assigned", async () => {
    renderWorklist({
      body: aDueList([
        aDueItem(),
        aDueItem({
          instrumentKey: "phq9",
          title: "Patient Health Questionnaire (PHQ-9)",
          dueOn: "2026-03-12",
          status: "due",
          reason: { at: "intake", admittedOn: "2026-03-12" },
          openAssignment: { id: "0f1e2d3c-4b5a-4968-8776-655443322110", dueOn: "2026-03-14" },
          participant: { id: "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", name: "Sol Brennan" },
        }),
      ]),
    });
    const table = await screen.findByRole("table", { name: T.tableLabel });
    const rows = within(table).getAllByRole("row").slice(1);
    const link = within(rows[0]!).getByRole("link", { name: "Open Mina Alvarez's assessments" });
    expect(link.getAttribute("href")).toBe(`/staff/participants/${PARTICIPANT_ID}?tab=assessments`);
    expect(within(rows[0]!).getByText("Brief Addiction Monitor (BAM)")).toBeTruthy();
    expect(within(rows[0]!).getByText("Mar 9, 2026")).toBeTruthy();
    expect(within(rows[0]!).getByText("Overdue")).toBeTruthy();
    expect(within(rows[0]!).getByText("Every 7 days (last Mar 2, 2026)")).toBeTruthy();
    expect(within(rows[0]!).getByText(T.notAssigned)).toBeTruthy();
    expect(within(rows[1]!).getByText("Due")).toBeTruthy();
    expect(within(rows[1]!).getByText(T.reasons.intake)).toBeTruthy();
    expect(within(rows[1]!).getByText("Assigned, due Mar 14, 2026")).toBeTruthy();
    expect(screen.getByText("Overdue: 1 · due: 1")).toBeTruthy();
  });

  it("sends the filters to the server and keeps them in the address", async () => {
    const fetchMock = renderWorklist({ body: aDueList([aDueItem()]) });
    await screen.findByRole("table");
    fireEvent.click(screen.getByRole("radio", { name: T.filters.scopeMine }));
    fireEvent.change(screen.getByLabelText(T.filters.status), { target: { value: "overdue" } });
    // The questionnaires offered are those on the schedule.
    await screen.findByRole("option", { name: "Patient Health Questionnaire (PHQ-9)" });
    fireEvent.change(screen.getByLabelText(T.filters.instrument), { target: { value: "phq9" } });
    await waitFor(() => expect(listCalls(fetchMock).at(-1)?.searchParams.get("instrumentKey")).toBe("phq9"));
    expect(Object.fromEntries(listCalls(fetchMock).at(-1)!.searchParams)).toEqual({
      scope: "mine",
      status: "overdue",
      instrumentKey: "phq9",
    });
  });

  it("opens with the filters of the address", async () => {
    const fetchMock = renderWorklist(
      { body: aDueList([]) },
      "/staff/measures-due?status=due&page=2&scope=bogus",
    );
    expect(await screen.findByText(T.emptyFiltered)).toBeTruthy();
    expect(Object.fromEntries(listCalls(fetchMock)[0]!.searchParams)).toEqual({ status: "due", page: "2" });
  });

  it("says so when nothing is due, and shows a placeholder while loading", async () => {
    renderWorklist({ body: aDueList([]) });
    expect(screen.getByRole("status")).toBeTruthy();
    expect(await screen.findByText(T.empty)).toBeTruthy();
  });

  it("offers to try again when the list could not be loaded", async () => {
    let calls = 0;
    renderWorklist(() => {
      calls += 1;
      return calls === 1
        ? { status: 500, body: { error: { code: "INTERNAL", message: "" } } }
        : { body: aDueList([aDueItem()]) };
    });
    fireEvent.click(await screen.findByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("table")).toBeTruthy();
  });

  it("has words for every status and filter in English and Spanish", () => {
    for (const dictionary of [assessmentsEn, assessmentsEs]) {
      for (const status of DUE_STATUSES) expect(dictionary.due.statuses[status]).toBeTruthy();
      for (const filter of DUE_STATUS_FILTERS) expect(dictionary.due.statusFilters[filter]).toBeTruthy();
    }
  });
});
