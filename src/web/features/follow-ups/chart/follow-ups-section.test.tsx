// @vitest-environment jsdom
import { cleanup, screen, within } from "@testing-library/react";
import i18n from "i18next";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { ChartFollowUp, ChartFollowUps } from "../../../../core/follow-ups/follow-up-api.schema";
import type { ParticipantRecord } from "../../../../core/participants/participants.schema";
import { followUpsEn } from "../../../i18n/follow-ups.en";
import { fakeApi, renderWithProviders, setUpDom } from "../../../test-support/render-with-providers";
import { FollowUpsSection } from "./follow-ups-section";

const T = followUpsEn.chart;
const PARTICIPANT_ID = "0b1c2d3e-4f50-4a61-8b72-93a4b5c6d7e8";
const ANSWERED = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";

beforeAll(async () => {
  await setUpDom();
  i18n.addResourceBundle("en", "followUps", followUpsEn, true, true);
  Element.prototype.scrollIntoView ??= () => {};
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const aSurvey = (overrides: Partial<ChartFollowUp>): ChartFollowUp => ({
  id: "9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f",
  episodeId: "2b3c4d5e-6f70-4a81-9b2c-3d4e5f607182",
  wave: 90,
  dueOn: "2026-05-01",
  closesOn: "2026-05-22",
  status: "scheduled",
  cancelledReason: null,
  language: "en",
  sentAt: null,
  remindersSent: 0,
  lastReminderAt: null,
  completedAt: null,
  answers: null,
  phq9: null,
  gad7: null,
  findings: [],
  ...overrides,
});

function renderSection(body: ChartFollowUps, path = "/") {
  vi.stubGlobal(
    "fetch",
    vi.fn(fakeApi({ [`GET /api/v1/participants/${PARTICIPANT_ID}/follow-ups`]: { body } })),
  );
  renderWithProviders(<FollowUpsSection record={{ id: PARTICIPANT_ID } as ParticipantRecord} />, path);
}

describe("FollowUpsSection", () => {
  it("shows each wave with its status, the answers, scores and findings, and marks the survey an alert links to", async () => {
    renderSection(
      {
        followUpsOptedOutAt: null,
        surveys: [
          aSurvey({
            id: ANSWERED,
            wave: 30,
            dueOn: "2026-03-02",
            closesOn: "2026-03-23",
            status: "completed",
            sentAt: "2026-03-02T14:00:00.000Z",
            remindersSent: 1,
            completedAt: "2026-03-06T18:00:00.000Z",
            answers: {
              alcoholDays: 4,
              heavyDrinkingDays: 1,
              drugDays: 0,
              meetings: 2,
              inTreatment: false,
              housing: "homeless",
              employment: "looking_for_work",
              wantsContact: true,
            },
            phq9: {
              id: "3c4d5e6f-7081-4a92-8b3c-4d5e6f708192",
              total: 16,
              band: "moderately_severe",
              critical: true,
            },
            gad7: { id: "4d5e6f70-8192-4aa3-9b4c-5d6e7f8091a2", total: 9, band: "mild", critical: false },
            findings: ["use_resumed", "self_harm_thoughts", "homeless"],
          }),
          aSurvey({}),
          aSurvey({
            id: "5e6f7081-92a3-4bb4-8c5d-6e7f8091a2b3",
            wave: 180,
            status: "cancelled",
            cancelledReason: "no_email",
          }),
        ],
      },
      `/?followUp=${ANSWERED}`,
    );
    const answered = (await screen.findByRole("heading", { name: "30-day survey" })).closest("article")!;
    expect(answered.getAttribute("aria-current")).toBe("true");
    expect(within(answered).getByText(T.status.completed)).toBeTruthy();
    expect(within(answered).getByText(/1 reminder/)).toBeTruthy();
    expect(within(answered).getByText(T.findings.use_resumed)).toBeTruthy();
    expect(within(answered).getByText(T.findings.self_harm_thoughts)).toBeTruthy();
    expect(within(answered).getByText(`${T.alcoholDays}: 4`)).toBeTruthy();
    expect(
      within(answered).getByText(`${T.housing}: ${followUpsEn.survey.housingOptions.homeless}`),
    ).toBeTruthy();
    expect(within(answered).getByText("16")).toBeTruthy();
    expect(within(answered).getByText(T.critical)).toBeTruthy();

    const later = screen.getByRole("heading", { name: "90-day survey" }).closest("article")!;
    expect(later.getAttribute("aria-current")).toBeNull();
    expect(within(later).getByText(T.status.scheduled)).toBeTruthy();
    const last = screen.getByRole("heading", { name: "180-day survey" }).closest("article")!;
    expect(within(last).getByText(T.cancelled.no_email)).toBeTruthy();
  });

  it("says when there are no surveys", async () => {
    renderSection({ followUpsOptedOutAt: null, surveys: [] });
    expect(await screen.findByText(T.empty)).toBeTruthy();
  });
});
