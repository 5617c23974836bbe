// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { SubmissionResult } from "../../../core/assessments/assessments.schema";
import { assessmentsEn as en } from "../../i18n/assessments.en";
import { apiCalls, renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith, sessionWith, setUpAdminDom } from "../admin/admin-testing";
import { AdministerPage } from "./administer-page";

beforeAll(setUpAdminDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ID = "4b2e1d0c-8f7a-4e6b-9c5d-1a2b3c4d5e6f";
const POST = `POST /api/v1/participants/${ID}/assessments`;

const instrument = {
  key: "screen",
  url: "https://bridgeway.example/fhir/Questionnaire/screen",
  version: "1.0.0",
  title: "Short screen",
  titleEs: "Cribado breve",
  audience: "any",
  licence: "free",
  credit: null,
  totalRange: { min: 0, max: 1 },
  bands: [],
  direction: "lower_is_better",
  loinc: { panel: null, total: null },
};
const questionnaire = {
  resourceType: "Questionnaire",
  url: instrument.url,
  version: "1.0.0",
  title: "Short screen",
  status: "active",
  item: [{ linkId: "1", type: "boolean", required: true, text: "Any thoughts of ending your life?" }],
};

const result = (crisis: boolean): SubmissionResult => ({
  response: {
    id: "1d2c3b4a-5968-4776-8594-a3b2c1d0e9f8",
    instrumentKey: "screen",
    version: "1.0.0",
    mode: "staff",
    completedOn: "2026-11-20",
    submittedAt: "2026-11-23T15:00:00.000Z",
    enteredBy: "Casey Counselor",
    scored: true,
    total: crisis ? 1 : 0,
    band: null,
    subscales: {},
    flags: [],
    missing: [],
    critical: crisis ? [{ rule: "screen.positive", severity: "urgent", linkIds: ["1"] }] : [],
  },
  // Staff entering answers are not the person in crisis: the care team is alerted instead.
  crisis: false,
  replayed: false,
  onCall: null,
});

function renderPage(reply: Parameters<typeof fakeApiWith>[0][string]) {
  const fetchMock = vi.fn(
    fakeApiWith({
      "GET /api/v1/sessions/current": sessionWith(["clinical.view", "assessments.respond"]),
      "GET /api/v1/instruments/screen": { body: { instrument, questionnaire } },
      [POST]: reply,
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(
    <Routes>
      <Route path="/staff/participants/:id/assessments/new/:instrumentKey" element={<AdministerPage />} />
    </Routes>,
    `/staff/participants/${ID}/assessments/new/screen`,
  );
  return fetchMock;
}

const answerYes = async () => {
  const group = await screen.findByRole("radiogroup", { name: /Any thoughts of ending your life/ });
  fireEvent.click(within(group).getByRole("radio", { name: "Yes" }));
};

describe("AdministerPage", () => {
  it("records a backdated paper form and says a critical answer has alerted the care team", async () => {
    const fetchMock = renderPage({ status: 201, body: result(true) });
    await answerYes();
    fireEvent.change(screen.getByLabelText(en.chart.entry.completedOn), { target: { value: "2026-11-20" } });
    fireEvent.click(screen.getByRole("button", { name: en.form.submit }));
    expect(await screen.findByText(en.chart.entry.criticalSaved)).toBeTruthy();
    expect(screen.getByText("Recorded: Short screen")).toBeTruthy();
    const post = apiCalls(fetchMock).find((c) => c.route === POST);
    expect(post?.body).toMatchObject({
      instrumentKey: "screen",
      version: "1.0.0",
      answers: { "1": true },
      completedOn: "2026-11-20",
      language: "en",
      assignmentId: null,
    });
    expect(post?.body.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(screen.getByRole("link", { name: en.chart.entry.another }).getAttribute("href")).toBe(
      `/staff/participants/${ID}?tab=assessments`,
    );
  });

  it("keeps the answers and the idempotency key when a submission fails, so a retry records once", async () => {
    let calls = 0;
    const fetchMock = renderPage(() => {
      calls += 1;
      return calls === 1
        ? { status: 503, body: { error: { code: "UNAVAILABLE", message: "Try again." } } }
        : { status: 201, body: result(false) };
    });
    await answerYes();
    fireEvent.click(screen.getByRole("button", { name: en.form.submit }));
    expect(await screen.findByText(en.chart.entry.failed)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: en.form.submit }));
    expect(await screen.findByText("Recorded: Short screen")).toBeTruthy();
    const keys = apiCalls(fetchMock)
      .filter((c) => c.route === POST)
      .map((c) => c.body.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });

  it("says when the form was updated since it was opened", async () => {
    renderPage({
      status: 409,
      body: { error: { code: "ASSESSMENTS_VERSION_RETIRED", message: "Retired." } },
    });
    await answerYes();
    fireEvent.click(screen.getByRole("button", { name: en.form.submit }));
    await waitFor(() => expect(screen.getByText(en.chart.entry.retired)).toBeTruthy());
  });
});
