// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import i18n from "i18next";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type {
  DischargeSummary,
  DischargeSummaryView,
} from "../../../core/discharge-summaries/discharge-summary.schema";
import { dischargeSummariesEn as S } from "../../i18n/discharge-summaries.en";
import { dischargeSummariesEs } from "../../i18n/discharge-summaries.es";
import { apiCalls, renderWithProviders, setUpDom } from "../../test-support/render-with-providers";
import { fakeApiWith, sessionWith } from "../admin/admin-testing";
import { aRecord } from "../treatment-plans/plan-editor-testing";
import { DischargeSummarySection } from "./discharge-summary-section";

const record = aRecord();
const PATH = `/api/v1/participants/${record.id}/discharge-summary`;
const EPISODE = {
  id: "2f0c9d4e-1b2a-4c3d-8e4f-5a6b7c8d9e0f",
  admittedOn: "2026-10-01",
  dischargedOn: null,
  discharged: false,
};

const SECTIONS = {
  identification: "Casey Morgan, born April 12, 1990, was admitted on October 1, 2026.",
  reasonForAdmission: "Diagnoses (ICD-10-CM): F10.20 Alcohol dependence, uncomplicated (primary).",
  course: "Length of stay: 42 days.",
  attendance: "Sessions attended: 16 of 18 (89%).",
  measures: "PHQ-9: 18 at start, 8 at end — recovered.",
  planProgress: "Signed treatment plan version 1.",
  medications: "None recorded in Bridgeway.",
  risks: "No urgent alerts were raised in this episode.",
  dischargeAndAftercare: "The discharge is not yet recorded.",
};

function aSummary(change: Partial<DischargeSummary> = {}): DischargeSummary {
  return {
    id: "3a1d0e5f-2c3b-4d4e-9f50-6b7c8d9e0f1a",
    episodeId: EPISODE.id,
    status: "draft",
    sections: SECTIONS,
    edited: false,
    version: 1,
    generatedAt: "2026-11-12T18:00:00.000Z",
    updatedAt: "2026-11-12T18:00:00.000Z",
    updatedBy: "Alex Kim",
    signedAt: null,
    signedBy: null,
    ...change,
  };
}
const view = (summary: DischargeSummary | null, discharged = false): DischargeSummaryView => ({
  episode: { ...EPISODE, discharged, dischargedOn: discharged ? "2026-11-12" : null },
  summary,
});

beforeAll(async () => {
  await setUpDom();
  i18n.addResourceBundle("en", "dischargeSummaries", S, true, true);
  i18n.addResourceBundle("es", "dischargeSummaries", dischargeSummariesEs, true, true);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderSection(routes: Parameters<typeof fakeApiWith>[0]) {
  const fetchMock = vi.fn(
    fakeApiWith({
      "GET /api/v1/sessions/current": sessionWith(["clinical.view", "clinical.write"]),
      ...routes,
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(<DischargeSummarySection record={record} />);
  return fetchMock;
}

describe("DischargeSummarySection", () => {
  it("offers to generate a draft when there is none, and shows the sections generated", async () => {
    const fetchMock = renderSection({
      [`GET ${PATH}`]: { body: view(null) },
      [`POST ${PATH}/draft`]: { body: view(aSummary()) },
    });
    fireEvent.click(await screen.findByRole("button", { name: S.generate }));
    expect(await screen.findByLabelText(S.sections.measures)).toHaveProperty(
      "value",
      "PHQ-9: 18 at start, 8 at end — recovered.",
    );
    expect(apiCalls(fetchMock).filter((c) => c.route.startsWith("POST"))).toEqual([
      { route: `POST ${PATH}/draft`, body: { replaceEdits: false } },
    ]);
    expect(screen.getByText(S.status.draft)).toBeTruthy();
  });

  it("saves edited sections with the version read; signing waits for the discharge and for the save", async () => {
    const fetchMock = renderSection({
      [`GET ${PATH}`]: { body: view(aSummary()) },
      [`PUT ${PATH}`]: (_url, body) => ({
        body: view(
          aSummary({ version: 2, edited: true, sections: (body as { sections: typeof SECTIONS }).sections }),
        ),
      }),
    });
    const course = await screen.findByLabelText(S.sections.course);
    const save = screen.getByRole("button", { name: S.save });
    expect(save).toHaveProperty("disabled", true);
    expect(screen.getByRole("button", { name: S.sign })).toHaveProperty("disabled", true);
    expect(screen.getByText(S.signNeedsDischarge)).toBeTruthy();

    fireEvent.change(course, { target: { value: "Engaged well; steady progress." } });
    expect(screen.getByText(S.unsaved)).toBeTruthy();
    fireEvent.click(save);
    await waitFor(() => expect(screen.getByText(S.saved)).toBeTruthy());
    expect(apiCalls(fetchMock).filter((c) => c.route.startsWith("PUT"))).toEqual([
      {
        route: `PUT ${PATH}`,
        body: { version: 1, sections: { ...SECTIONS, course: "Engaged well; steady progress." } },
      },
    ]);
    expect(screen.getByText(S.edited)).toBeTruthy();
  });

  it("shows a stale save as a conflict in plain words", async () => {
    renderSection({
      [`GET ${PATH}`]: { body: view(aSummary()) },
      [`PUT ${PATH}`]: {
        status: 409,
        body: { error: { code: "DISCHARGE_SUMMARY_EDIT_CONFLICT", message: "Changed by someone else." } },
      },
    });
    fireEvent.change(await screen.findByLabelText(S.sections.risks), { target: { value: "Edited" } });
    fireEvent.click(screen.getByRole("button", { name: S.save }));
    expect((await screen.findByRole("alert")).textContent).toContain(S.errors.conflict);
  });

  it("regenerates only after confirming that edits are replaced", async () => {
    const fetchMock = renderSection({
      [`GET ${PATH}`]: { body: view(aSummary({ edited: true, version: 3 })) },
      [`POST ${PATH}/draft`]: { body: view(aSummary({ version: 4 })) },
    });
    fireEvent.click(await screen.findByRole("button", { name: S.regenerate }));
    const dialog = await screen.findByRole("dialog", { name: S.regenerateTitle });
    fireEvent.click(within(dialog).getByRole("button", { name: S.regenerateConfirm }));
    await waitFor(() =>
      expect(apiCalls(fetchMock).filter((c) => c.route.startsWith("POST"))).toEqual([
        { route: `POST ${PATH}/draft`, body: { replaceEdits: true } },
      ]),
    );
  });

  it("signs after the discharge with confirmation, then shows who signed and nothing to edit", async () => {
    const fetchMock = renderSection({
      [`GET ${PATH}`]: { body: view(aSummary({ version: 5 }), true) },
      [`POST ${PATH}/sign`]: {
        body: view(
          aSummary({
            version: 6,
            status: "signed",
            signedBy: "Alex Kim",
            signedAt: "2026-11-12T19:00:00.000Z",
          }),
          true,
        ),
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: S.sign }));
    const dialog = await screen.findByRole("dialog", { name: S.signTitle });
    fireEvent.click(within(dialog).getByRole("button", { name: S.signConfirm }));
    expect(await screen.findByText(/Signed by Alex Kim/)).toBeTruthy();
    expect(apiCalls(fetchMock).filter((c) => c.route.startsWith("POST"))).toEqual([
      { route: `POST ${PATH}/sign`, body: { version: 5 } },
    ]);
    expect(screen.queryByRole("button", { name: S.save })).toBeNull();
    expect(screen.getByLabelText(S.sections.risks)).toHaveProperty("readOnly", true);
    expect(screen.getByRole("link", { name: S.pdf }).getAttribute("href")).toBe(`${PATH}.pdf`);
  });

  it("says so when the summary cannot be loaded", async () => {
    renderSection({ [`GET ${PATH}`]: { status: 500, body: { error: { code: "INTERNAL", message: "x" } } } });
    expect(await screen.findByText(S.loadError)).toBeTruthy();
  });
});
