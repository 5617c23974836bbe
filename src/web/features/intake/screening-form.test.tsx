// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { intakeEn } from "../../i18n/intake.en";
import { apiCalls } from "../../test-support/render-with-providers";
import { fakeApiWith } from "../admin/admin-testing";
import { LEAD_ID, leadApi, leadDetail, renderLeadPage, setUpIntakeDom } from "./intake-testing";

beforeAll(setUpIntakeDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const rate = (dimension: number, rating: number) => {
  const group = screen.getByRole("radiogroup", { name: new RegExp(`Rating for dimension ${dimension}`) });
  fireEvent.click(within(group).getByRole("radio", { name: String(rating) }));
};

describe("Screening form", () => {
  it("shows the program's suggestion live, as the program's rule and not a clinical decision", async () => {
    vi.stubGlobal("fetch", vi.fn(fakeApiWith(leadApi(leadDetail({ stage: "screening_scheduled" })))));
    renderLeadPage();
    await screen.findByRole("form", { name: intakeEn.screening.title });
    expect(screen.getByText(intakeEn.screening.suggestionNote)).toBeTruthy();
    expect(await screen.findByText(intakeEn.screening.suggestionPending)).toBeTruthy();
    for (const d of [1, 2, 3, 4, 5, 6]) rate(d, d === 3 ? 2 : 1);
    expect(await screen.findByText("Suggested level: 2.1 — Intensive Outpatient")).toBeTruthy();
    expect(screen.getByText("From the highest rating (2) in dimension 3.")).toBeTruthy();
    rate(5, 3);
    expect(await screen.findByText("Suggested level: 2.5 — High-Intensity Outpatient")).toBeTruthy();
  });

  it("requires a justification for a high rating and a reason when the levels differ", async () => {
    const fetchMock = vi.fn(
      fakeApiWith(
        leadApi(leadDetail({ stage: "screening_scheduled" }), {
          [`POST /api/v1/admissions/leads/${LEAD_ID}/screening`]: { body: leadDetail({ stage: "screened" }) },
        }),
      ),
    );
    vi.stubGlobal("fetch", fetchMock);
    renderLeadPage();
    const form = await screen.findByRole("form", { name: intakeEn.screening.title });
    for (const group of within(form)
      .getAllByRole("radiogroup")
      .filter((g) => within(g).queryByRole("radio", { name: intakeEn.common.yes })))
      fireEvent.click(within(group).getByRole("radio", { name: intakeEn.common.yes }));
    for (const d of [1, 2, 3, 4, 5, 6]) rate(d, d === 2 ? 3 : 1);
    expect(screen.queryByLabelText(new RegExp(intakeEn.screening.differenceReason))).toBeNull();
    fireEvent.change(screen.getByLabelText(new RegExp(intakeEn.screening.recommendedLevel)), {
      target: { value: "2.5" },
    });
    fireEvent.change(screen.getByLabelText(new RegExp(intakeEn.screening.providedLevel)), {
      target: { value: "2.1" },
    });
    const reason = screen.getByLabelText(new RegExp(intakeEn.screening.differenceReason));
    fireEvent.click(screen.getByRole("button", { name: intakeEn.screening.submit }));
    expect(await screen.findByText(intakeEn.errors.justificationRequired)).toBeTruthy();
    expect(screen.getByText(intakeEn.errors.differenceReasonRequired)).toBeTruthy();
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByLabelText(/Justification for dimension 2/)),
    );
    expect(apiCalls(fetchMock).some((c) => c.route.endsWith("/screening"))).toBe(false);

    fireEvent.change(screen.getByLabelText(/Justification for dimension 2/), {
      target: { value: "Chronic pain, follow-up with primary care." },
    });
    fireEvent.change(reason, { target: { value: "level_not_available" } });
    fireEvent.click(screen.getByRole("button", { name: intakeEn.screening.submit }));
    await waitFor(() => expect(apiCalls(fetchMock).some((c) => c.route.endsWith("/screening"))).toBe(true));
    const body = apiCalls(fetchMock).find((c) => c.route.endsWith("/screening"))!.body;
    expect(body).toMatchObject({
      edition: 4,
      ratings: [1, 3, 1, 1, 1, 1],
      recommendedLevel: "2.5",
      providedLevel: "2.1",
      differenceReason: "level_not_available",
    });
    expect(body.eligibility.medically_stable).toBe(true);
  });
});
