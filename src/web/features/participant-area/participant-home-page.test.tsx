// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react";
import i18n from "i18next";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { assessmentsEn } from "../../i18n/assessments.en";
import { en } from "../../i18n/en";
import { todayEn } from "../../i18n/today.en";
import {
  aDueMeasure,
  anAssignment,
  aParticipantDue,
  PARTICIPANT_ID,
  participantApi,
  renderParticipantArea,
  setUpParticipantDom,
} from "./participant-area-testing";
import { ParticipantHomePage } from "./participant-home-page";

const T = assessmentsEn.mine.homeCard;

beforeAll(async () => {
  await setUpParticipantDom();
  i18n.addResourceBundle("en", "today", todayEn, true, true);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderHome(assignments: unknown[], measures: ReturnType<typeof aDueMeasure>[]) {
  vi.stubGlobal(
    "fetch",
    vi.fn(
      participantApi({
        [`GET /api/v1/participants/${PARTICIPANT_ID}/assessment-assignments`]: { body: { assignments } },
        [`GET /api/v1/participants/${PARTICIPANT_ID}/assessments/due`]: { body: aParticipantDue(measures) },
      }),
    ),
  );
  renderParticipantArea("/me", [{ element: <ParticipantHomePage /> }]);
}

describe("ParticipantHomePage", () => {
  it("keeps crisis help first, then counts the questionnaires to complete with a link to them", async () => {
    renderHome([anAssignment()], [aDueMeasure()]);
    const card = await screen.findByRole("region", { name: T.title });
    expect(await screen.findByText("You have 2 questionnaires to fill in.")).toBeTruthy();
    const link = screen.getByRole("link", { name: T.open });
    expect(link.getAttribute("href")).toBe("/me/questionnaires");
    const help = screen.getByRole("region", { name: en.crisis.title });
    expect(help.compareDocumentPosition(card) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("says when there is nothing to fill in", async () => {
    renderHome([], [aDueMeasure({ status: "upcoming" })]);
    expect(await screen.findByText(T.none)).toBeTruthy();
  });
});
