// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { InstrumentSummary } from "../../../core/assessments/assessments.schema";
import type { MeasureProgress, ProgressView } from "../../../core/assessments/progress.schema";
import { assessmentsEn as en } from "../../i18n/assessments.en";
import { apiCalls, renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith, sessionWith, setUpAdminDom } from "../admin/admin-testing";
import { AssessmentsPanel } from "./assessments-panel";

beforeAll(setUpAdminDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ID = "4b2e1d0c-8f7a-4e6b-9c5d-1a2b3c4d5e6f";
const BASE = `/api/v1/participants/${ID}`;

const phq9Summary: InstrumentSummary = {
  key: "phq9",
  url: "https://bridgeway.example/fhir/Questionnaire/phq9",
  version: "1.0.0",
  title: "Patient Health Questionnaire (PHQ-9)",
  titleEs: "Cuestionario sobre la salud del paciente (PHQ-9)",
  audience: "adult",
  licence: "free",
  credit: null,
  totalRange: { min: 0, max: 27 },
  bands: [
    { code: "minimal", min: 0, max: 4 },
    { code: "mild", min: 5, max: 9 },
    { code: "moderate", min: 10, max: 14 },
    { code: "moderately_severe", min: 15, max: 19 },
    { code: "severe", min: 20, max: 27 },
  ],
  direction: "lower_is_better",
  loinc: { panel: "44249-1", total: "44261-6" },
};

const point = (n: number, on: string, score: number, band: string, critical = false) => ({
  responseId: `00000000-0000-4000-8000-00000000000${n}`,
  on,
  score,
  band,
  critical,
});

const phq9: MeasureProgress = {
  instrumentKey: "phq9",
  administrations: 3,
  points: [
    point(1, "2026-10-01", 19, "moderately_severe"),
    point(2, "2026-10-15", 21, "severe", true),
    point(3, "2026-10-29", 25, "severe"),
  ],
  latest: {
    responseId: "00000000-0000-4000-8000-000000000003",
    on: "2026-10-29",
    total: 25,
    band: "severe",
    subscales: {},
    flags: [],
    critical: false,
  },
  baseline: point(1, "2026-10-01", 19, "moderately_severe"),
  change: 6,
  reliableChange: {
    status: "available",
    classification: {
      status: "deteriorated",
      baseline: 19,
      latest: 25,
      change: 6,
      rci: 2.12,
      crossedCutoff: false,
    },
    offTrack: { flagged: true, reason: "reliable_deterioration" },
    minimumChange: 6,
    subscale: null,
    reliability: { value: 0.84, source: "clinical.md §2.2", verified: false },
    sd: { value: 5, source: "clinical.md §2.4", verified: false },
    cutoff: { value: 10, source: "clinical.md §2.4", verified: false },
  },
  notScored: 1,
};

const bam: MeasureProgress = {
  instrumentKey: "bam",
  administrations: 1,
  points: [],
  latest: {
    responseId: "00000000-0000-4000-8000-000000000009",
    on: "2026-10-02",
    total: null,
    band: null,
    subscales: { use: 2, risk: 9, protective: 14 },
    flags: [],
    critical: false,
  },
  baseline: null,
  change: null,
  reliableChange: { status: "not_applicable", reason: "BAM has no validated total." },
  notScored: 0,
};

const view = (measures: MeasureProgress[], episode: ProgressView["episode"] = null): ProgressView => ({
  episode: episode ?? {
    id: "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
    admittedOn: "2026-10-01",
    dischargedOn: null,
  },
  offTrack: { noImprovementAfter: 4 },
  measures,
});

function renderPanel(
  routes: Parameters<typeof fakeApiWith>[0],
  permissions = ["clinical.view", "clinical.write", "assessments.respond"],
  path = "/p",
) {
  const fetchMock = vi.fn(
    fakeApiWith({
      "GET /api/v1/sessions/current": sessionWith(permissions),
      "GET /api/v1/instruments": { body: { instruments: [phq9Summary] } },
      [`GET ${BASE}/assessment-assignments`]: { body: { assignments: [] } },
      ...routes,
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(
    <Routes>
      <Route path="/p" element={<AssessmentsPanel participantId={ID} />} />
      <Route path="/staff/participants/:id/assessments/new/:key" element={<p>Entry page</p>} />
    </Routes>,
    path,
  );
  return fetchMock;
}

/** Open a Mantine select and choose one option. */
async function pick(combobox: HTMLElement, option: string) {
  fireEvent.focus(combobox);
  fireEvent.click(combobox);
  fireEvent.keyDown(combobox, { key: "ArrowDown" });
  // Only this select's own list: another select on the page may offer the same option.
  const listbox = await waitFor(() => {
    const list = document.getElementById(combobox.getAttribute("aria-controls") ?? "");
    if (!list) throw new Error("The dropdown did not open");
    return list;
  });
  const options = await within(listbox).findAllByRole("option", { name: option, hidden: true });
  const choice = options.find((o) => o.hasAttribute("data-combobox-option"));
  if (!choice) throw new Error(`No "${option}" in the dropdown`);
  fireEvent.click(choice);
}

describe("AssessmentsPanel", () => {
  it("shows the latest score and band, change from baseline, reliable change and the off-track flag", async () => {
    renderPanel({ [`GET ${BASE}/assessments/progress`]: { body: view([phq9, bam]) } });
    const card = within(await screen.findByRole("region", { name: phq9Summary.title }));
    expect(card.getByText("Latest: 25 on Oct 29, 2026 · severe")).toBeTruthy();
    expect(card.getByText(/Baseline 19 on Oct 1, 2026 · Change from baseline: \+6/)).toBeTruthy();
    expect(card.getByText(en.chart.status.deteriorated)).toBeTruthy();
    expect(card.getByText(en.chart.offTrack)).toBeTruthy();
    expect(card.getByText(en.chart.offTrackReason.reliable_deterioration)).toBeTruthy();
    expect(card.getByText(/A change of 6 points or more is reliable/)).toBeTruthy();
    expect(card.getByText(/not yet verified/)).toBeTruthy();
    expect(card.getByText("1 response could not be scored (answers missing).")).toBeTruthy();
    expect(card.getByRole("img", { name: /scores over time/ })).toBeTruthy();

    // The same numbers as a table, on request.
    fireEvent.click(card.getByRole("button", { name: en.chart.showTable }));
    const rows = within(card.getByRole("table")).getAllByRole("row").slice(1);
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole("cell")
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ["Oct 1, 2026", "19", "moderately severe"],
      ["Oct 15, 2026", `21 · ${en.chart.critical}`, "severe"],
      ["Oct 29, 2026", "25", "severe"],
    ]);

    // BAM: subscales, and why reliable change does not apply; no chart without a total.
    const bamCard = within(screen.getByRole("region", { name: "bam" }));
    expect(bamCard.getByText("Subscales: use 2 · risk factors 9 · protective factors 14")).toBeTruthy();
    expect(bamCard.getByText(/Reliable change: not applicable\. BAM has no validated total\./)).toBeTruthy();
    expect(bamCard.queryByRole("img")).toBeNull();
  });

  it("outlines the measure an alert's link names", async () => {
    renderPanel(
      { [`GET ${BASE}/assessments/progress`]: { body: view([phq9, bam]) } },
      undefined,
      "/p?tab=assessments&response=00000000-0000-4000-8000-000000000002&item=9",
    );
    const card = await screen.findByRole("region", { name: phq9Summary.title });
    expect(card.getAttribute("aria-current")).toBe("true");
    expect(screen.getByRole("region", { name: "bam" }).getAttribute("aria-current")).toBeNull();
  });

  it("says so when nothing has been answered, or the person was never admitted", async () => {
    renderPanel({ [`GET ${BASE}/assessments/progress`]: { body: view([]) } });
    expect(await screen.findByText(en.chart.empty)).toBeTruthy();
    cleanup();
    renderPanel({
      [`GET ${BASE}/assessments/progress`]: {
        body: { episode: null, offTrack: { noImprovementAfter: 4 }, measures: [] },
      },
    });
    expect(await screen.findByText(en.chart.noEpisode)).toBeTruthy();
  });

  it("does not ask for results without clinical.view", async () => {
    const fetchMock = renderPanel({}, ["participants.view"]);
    expect(await screen.findByText(en.chart.notPermitted)).toBeTruthy();
    expect(apiCalls(fetchMock).map((c) => c.route)).toEqual(["GET /api/v1/sessions/current"]);
  });

  it("opens the chosen questionnaire for entry", async () => {
    renderPanel({ [`GET ${BASE}/assessments/progress`]: { body: view([]) } });
    const administer = await screen.findByRole("button", { name: en.chart.administer });
    expect(administer.hasAttribute("disabled")).toBe(true);
    await pick(screen.getByRole("combobox", { name: en.chart.administerLabel }), phq9Summary.title);
    fireEvent.click(administer);
    expect(await screen.findByText("Entry page")).toBeTruthy();
  });

  it("assigns a questionnaire, naming what is missing first, and withdraws one after confirmation", async () => {
    const assignment = {
      id: "7c6b5a49-3828-4716-8504-f3e2d1c0b9a8",
      instrumentKey: "phq9",
      dueOn: "2026-12-01",
      assignedAt: "2026-11-23T10:00:00.000Z",
      assignedBy: "Casey Counselor",
    };
    const fetchMock = renderPanel({
      [`GET ${BASE}/assessments/progress`]: { body: view([]) },
      [`POST ${BASE}/assessment-assignments`]: { status: 201, body: { assignment } },
      [`GET ${BASE}/assessment-assignments`]: { body: { assignments: [assignment] } },
      [`POST ${BASE}/assessment-assignments/${assignment.id}/cancel`]: { body: { cancelled: true } },
    });
    fireEvent.click(await screen.findByRole("button", { name: en.chart.assign }));
    const dialog = within(await screen.findByRole("dialog", { name: en.chart.assignForm.title }));
    fireEvent.click(dialog.getByRole("button", { name: en.chart.assignForm.submit }));
    expect(await dialog.findByText(en.chart.assignForm.chooseInstrument)).toBeTruthy();
    expect(apiCalls(fetchMock).some((c) => c.route.startsWith("POST"))).toBe(false);

    await pick(
      dialog.getByRole("combobox", { name: new RegExp(en.chart.assignForm.instrument) }),
      phq9Summary.title,
    );
    fireEvent.change(dialog.getByLabelText(new RegExp(en.chart.assignForm.dueOn)), {
      target: { value: "2026-12-01" },
    });
    fireEvent.click(dialog.getByRole("button", { name: en.chart.assignForm.submit }));
    await waitFor(() =>
      expect(
        apiCalls(fetchMock).find((c) => c.route === `POST ${BASE}/assessment-assignments`)?.body,
      ).toEqual({
        instrumentKey: "phq9",
        dueOn: "2026-12-01",
      }),
    );

    const assigned = within(await screen.findByRole("region", { name: en.chart.assignments.title }));
    expect(await assigned.findByText(/Due Dec 1, 2026 · Assigned by Casey Counselor/)).toBeTruthy();
    fireEvent.click(
      assigned.getByRole("button", { name: `${en.chart.assignments.cancel}: ${phq9Summary.title}` }),
    );
    const confirm = within(await screen.findByRole("dialog", { name: en.chart.assignments.cancelTitle }));
    expect(apiCalls(fetchMock).some((c) => c.route.endsWith("/cancel"))).toBe(false);
    fireEvent.click(confirm.getByRole("button", { name: en.chart.assignments.cancelConfirm }));
    await waitFor(() => expect(apiCalls(fetchMock).some((c) => c.route.endsWith("/cancel"))).toBe(true));
  });
});
