// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { intakeEn } from "../../i18n/intake.en";
import { renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith } from "../admin/admin-testing";
import { leadDetail, setUpIntakeDom, wideScreen } from "./intake-testing";
import { PipelinePage } from "./pipeline-page";

beforeAll(async () => {
  await setUpIntakeDom();
  wideScreen();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const summary = (n: number, stage: string, extra: Record<string, unknown> = {}) => {
  const { history: _h, screening: _s, ...rest } = leadDetail();
  return {
    ...rest,
    id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    reference: `ADM-${n}`,
    personName: `Person ${n}`,
    stage,
    ...extra,
  };
};

function renderPipeline(leads: ReturnType<typeof summary>[]) {
  const fetchMock = vi.fn(
    fakeApiWith({
      "GET /api/v1/sites": { body: { sites: [] } },
      "GET /api/v1/admissions/leads": { body: { leads, total: leads.length, page: 1, pageSize: 100 } },
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(
    <Routes>
      <Route path="/staff/admissions" element={<PipelinePage />} />
    </Routes>,
    "/staff/admissions",
  );
  return fetchMock;
}

const leadCalls = (fetchMock: ReturnType<typeof renderPipeline>) =>
  fetchMock.mock.calls
    .map(([url]) => new URL(String(url), "http://localhost"))
    .filter((url) => url.pathname === "/api/v1/admissions/leads");

describe("PipelinePage", () => {
  it("puts each open lead in its stage's column and flags an overdue follow-up in words", async () => {
    renderPipeline([
      summary(1, "new"),
      summary(2, "contacted", {
        owner: { id: "0b7d3c1e-5a8f-4f57-9d8a-2f6b1c9e7a10", displayName: "Ines Intake" },
        nextAction: "Call back about insurance",
        nextActionDueOn: "2026-11-12",
        overdue: true,
      }),
      summary(3, "screened", { kind: "inquiry", referralSource: null }),
    ]);
    const contacted = await screen.findByRole("region", { name: "Contacted (1)" });
    const card = within(contacted).getByRole("article", { name: "Person 2" });
    expect(within(card).getByText("Owner: Ines Intake")).toBeTruthy();
    expect(within(card).getByText("Next: Call back about insurance")).toBeTruthy();
    expect(within(card).getByText(/^Overdue since/)).toBeTruthy();
    expect(within(card).getByText("Referral from Detox")).toBeTruthy();

    const fresh = within(screen.getByRole("region", { name: "New (1)" })).getByRole("article", {
      name: "Person 1",
    });
    expect(within(fresh).queryByText(/^Overdue/)).toBeNull();
    const screened = screen.getByRole("region", { name: "Screened (1)" });
    expect(within(screened).getByText(intakeEn.kinds.inquiry)).toBeTruthy();
    expect(
      within(screen.getByRole("region", { name: "Screening scheduled (0)" })).getByText(
        intakeEn.pipeline.emptyColumn,
      ),
    ).toBeTruthy();
    expect(within(card).getByRole("link", { name: "Person 2" }).getAttribute("href")).toBe(
      "/staff/admissions/00000000-0000-4000-8000-000000000002",
    );
  });

  it("sends the filters and lists a single stage with its badge", async () => {
    const fetchMock = renderPipeline([summary(4, "not_admitted")]);
    await screen.findByRole("region", { name: "New (0)" });
    fireEvent.change(screen.getByLabelText(intakeEn.pipeline.filters.stage), {
      target: { value: "all" },
    });
    fireEvent.click(screen.getByLabelText(intakeEn.pipeline.filters.mine));
    fireEvent.click(screen.getByLabelText(intakeEn.pipeline.filters.overdue));
    await waitFor(() => expect(leadCalls(fetchMock).at(-1)?.searchParams.get("overdue")).toBe("true"));
    await screen.findByText("Person 4");
    const query = leadCalls(fetchMock).at(-1)!.searchParams;
    expect(query.get("stage")).toBe("all");
    expect(query.get("mine")).toBe("true");
    const list = screen.getByRole("list", { name: intakeEn.pipeline.listLabel });
    expect(within(list).getByText(intakeEn.stages.not_admitted)).toBeTruthy();
  });

  it("says when nothing matches the filters", async () => {
    renderPipeline([]);
    await screen.findByRole("region", { name: "New (0)" });
    fireEvent.change(screen.getByLabelText(intakeEn.pipeline.filters.stage), { target: { value: "new" } });
    expect(await screen.findByText(intakeEn.pipeline.emptyFiltered)).toBeTruthy();
  });
});
