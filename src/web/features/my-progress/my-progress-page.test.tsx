// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import i18n from "i18next";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { MyMeasures } from "../../../core/assessments/my-measures.schema";
import { myProgressEn } from "../../i18n/my-progress.en";
import { myProgressEs } from "../../i18n/my-progress.es";
import { participantApi, renderParticipantArea } from "../participant-area/participant-area-testing";
import { aVersion, setUpMyPlanDom } from "../treatment-plans/my-plan-testing";
import { MyProgressPage } from "./my-progress-page";

const T = myProgressEn;

vi.mock("./my-measure-chart", () => ({ default: () => <div data-testid="my-measure-chart" /> }));

beforeAll(async () => {
  await setUpMyPlanDom();
  i18n.addResourceBundle("en", "myProgress", myProgressEn, true, true);
  i18n.addResourceBundle("es", "myProgress", myProgressEs, true, true);
});
afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  await i18n.changeLanguage("en");
});

const MEASURES: MyMeasures = {
  measures: [
    {
      instrumentKey: "phq9",
      direction: "lower_is_better",
      range: { min: 0, max: 27 },
      points: [
        { on: "2026-02-01", score: 14 },
        { on: "2026-03-01", score: 8 },
      ],
    },
    {
      instrumentKey: "who5",
      direction: "higher_is_better",
      range: { min: 0, max: 25 },
      points: [{ on: "2026-03-01", score: 15 }],
    },
  ],
};

function renderProgress(routes: Parameters<typeof participantApi>[0]) {
  vi.stubGlobal("fetch", vi.fn(participantApi(routes)));
  renderParticipantArea("/me/progress", [{ path: "progress", element: <MyProgressPage /> }]);
}

describe("MyProgressPage", () => {
  it("shows each goal in the participant's words with how many steps are reached, and links to the whole plan", async () => {
    renderProgress({
      "GET /api/v1/me/treatment-plan": {
        body: { plan: { version: aVersion(), awaitingMySignature: false, expectedNames: [] } },
      },
      "GET /api/v1/me/measures": { body: { measures: [] } },
    });
    const goals = await screen.findByRole("region", { name: T.plan.title });
    const problem = aVersion().content.problems[0]!;
    expect(
      await within(goals).findByText(problem.goal.participantWords || problem.goal.clinical),
    ).toBeTruthy();
    expect(within(goals).getByRole("progressbar")).toBeTruthy();
    expect(within(goals).getByRole("link", { name: T.plan.openPlan }).getAttribute("href")).toBe("/me/plan");
  });

  it("shows their own measures with plain words on which way is better, a chart and a table of the numbers", async () => {
    renderProgress({
      "GET /api/v1/me/treatment-plan": { body: { plan: null } },
      "GET /api/v1/me/measures": { body: MEASURES },
    });
    const mood = await screen.findByRole("region", { name: T.instruments.phq9.name });
    expect(within(mood).getByText(/Lower scores mean fewer troubles/)).toBeTruthy();
    expect(within(mood).getByText(/Your latest score: 8/)).toBeTruthy();
    expect(await within(mood).findByTestId("my-measure-chart")).toBeTruthy();
    const table = within(mood).getByRole("table", { name: "Your Mood (PHQ-9) scores by date" });
    expect(within(table).getAllByRole("row")).toHaveLength(3);
    const toggle = within(mood).getByRole("button", { name: T.measures.showTable });
    fireEvent.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    const wellBeing = screen.getByRole("region", { name: T.instruments.who5.name });
    expect(within(wellBeing).getByText(/Higher scores mean feeling better/)).toBeTruthy();
    expect(within(wellBeing).queryByTestId("my-measure-chart")).toBeNull();
    expect(screen.getByText(T.plan.none)).toBeTruthy();
    for (const band of ["mild", "moderate", "severe"])
      expect(screen.queryByText(new RegExp(band, "i"))).toBeNull();
  });

  it("reads in Spanish, with kind empty states", async () => {
    await i18n.changeLanguage("es");
    renderProgress({
      "GET /api/v1/me/treatment-plan": { body: { plan: null } },
      "GET /api/v1/me/measures": { body: { measures: [] } },
    });
    expect(await screen.findByRole("heading", { level: 1, name: myProgressEs.page.title })).toBeTruthy();
    expect(await screen.findByText(myProgressEs.measures.none)).toBeTruthy();
    expect(screen.getByText(myProgressEs.plan.none)).toBeTruthy();
  });
});
