// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react";
import i18n from "i18next";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { CheckInSummary } from "../../../../core/check-ins/check-in.schema";
import { checkInsEn } from "../../../i18n/check-ins.en";
import {
  participantApi,
  participantSession,
  renderParticipantArea,
  setUpParticipantDom,
} from "../../participant-area/participant-area-testing";
import { anInput } from "./check-in-testing";
import { CheckInTodayCard } from "./check-in-today-card";
import { enqueue } from "./offline-queue";

const T = checkInsEn.today;
const USER = participantSession.body.session.user.id;

beforeAll(async () => {
  await setUpParticipantDom();
  i18n.addResourceBundle("en", "checkIns", checkInsEn, true, true);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

const summary = (change: Partial<CheckInSummary> = {}): CheckInSummary => ({
  today: "2026-11-23",
  checkedInToday: false,
  streak: 0,
  lastCheckIn: null,
  ...change,
});

function renderCard(reply: { status?: number; body?: unknown }, post = { status: 503 }) {
  vi.stubGlobal(
    "fetch",
    vi.fn(
      participantApi({
        "GET /api/v1/me/check-ins/summary": reply,
        "POST /api/v1/me/check-ins": post,
      }),
    ),
  );
  renderParticipantArea("/me", [{ element: <CheckInTodayCard /> }]);
}

describe("today's check-in card", () => {
  it("not yet today: an invitation and the way to check in", async () => {
    renderCard({ body: summary() });
    expect(await screen.findByText(T.notYet)).toBeTruthy();
    expect(screen.getByRole("link", { name: T.open }).getAttribute("href")).toBe("/me/check-in");
  });

  it("done today: thanks, the streak, and checking in again", async () => {
    renderCard({ body: summary({ checkedInToday: true, streak: 5 }) });
    expect(await screen.findByText(T.done)).toBeTruthy();
    expect(screen.getByText("5 days in a row")).toBeTruthy();
    expect(screen.getByRole("link", { name: T.again }).getAttribute("href")).toBe("/me/check-in");
  });

  it("one waiting on this phone says so, even when the summary cannot load", async () => {
    enqueue(localStorage, USER, anInput(), new Date("2026-11-23T18:00:00Z"));
    renderCard({ status: 503, body: { error: { code: "UNAVAILABLE", message: "Down." } } });
    expect(await screen.findByText(T.waiting)).toBeTruthy();
    expect(screen.queryByText(T.unavailable)).toBeNull();
    expect(screen.queryByText(T.notYet)).toBeNull();
  });

  it("says plainly when the check-ins cannot load", async () => {
    renderCard({ status: 503, body: { error: { code: "UNAVAILABLE", message: "Down." } } });
    expect(await screen.findByText(T.unavailable)).toBeTruthy();
  });
});
