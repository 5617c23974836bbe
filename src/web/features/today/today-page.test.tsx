// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import i18n from "i18next";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Today } from "../../../core/participant-app/today.schema";
import type { MySobriety } from "../../../core/sobriety/sobriety.schema";
import { checkInsEn } from "../../i18n/check-ins.en";
import { en } from "../../i18n/en";
import { todayEn } from "../../i18n/today.en";
import { todayEs } from "../../i18n/today.es";
import { apiCalls } from "../../test-support/render-with-providers";
import { MyWeekPage } from "../participant-area/my-week-page";
import {
  PARTICIPANT_ID,
  participantApi,
  renderParticipantArea,
  setUpParticipantDom,
} from "../participant-area/participant-area-testing";
import { ParticipantHomePage } from "../participant-area/participant-home-page";
import {
  aCalendarEntry,
  aMySchedule,
  setUpParticipantScheduleDom,
} from "../participant-schedule/participant-schedule-testing";

const T = todayEn;

beforeAll(async () => {
  await setUpParticipantDom();
  await setUpParticipantScheduleDom();
  for (const [lng, bundle] of [
    ["en", todayEn],
    ["es", todayEs],
  ] as const) {
    i18n.addResourceBundle(lng, "today", bundle, true, true);
  }
  i18n.addResourceBundle("en", "checkIns", checkInsEn, true, true);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

function aToday(change: Partial<Today> = {}): Today {
  return {
    today: "2026-11-24",
    timeZone: "America/New_York",
    nextSession: {
      id: "appointment:3e5a7c9b-1d2f-4a6b-8c0d-2e4f6a8b0c1d",
      kind: "individual",
      trackName: null,
      date: "2026-11-24",
      start: "10:20",
      end: "11:10",
      timeZone: "America/New_York",
      startsAt: "2026-11-24T15:20:00.000Z",
      place: null,
      telehealth: true,
      videoLink: "https://video.example.org/casey",
    },
    daysInRecovery: 54,
    sobrietyOn: "2026-10-01",
    onCall: { site: "Riverside", phone: "(555) 010-4400" },
    ...change,
  };
}

const SOBRIETY: MySobriety = {
  sobrietyOn: "2026-11-23",
  daysInRecovery: 1,
  today: "2026-11-24",
  history: [
    {
      kind: "restart",
      from: "2026-10-01",
      to: "2026-11-23",
      daysCounted: 53,
      message: "Starting again, with what I learned.",
      changedAt: "2026-11-24T15:00:00.000Z",
      by: "self",
    },
  ],
};

const common = {
  "GET /api/v1/me/check-ins/summary": { status: 500, body: { error: { code: "INTERNAL", message: "" } } },
  [`GET /api/v1/participants/${PARTICIPANT_ID}/assessment-assignments`]: { body: { assignments: [] } },
};

describe("Today", () => {
  it("shows the next session with its video link, the days in recovery, and help first; one card's failure stays in its card", async () => {
    vi.stubGlobal("fetch", vi.fn(participantApi({ ...common, "GET /api/v1/me/today": { body: aToday() } })));
    renderParticipantArea("/me", [{ element: <ParticipantHomePage /> }]);
    const next = within(await screen.findByRole("region", { name: T.next.title }));
    expect(await next.findByRole("link", { name: T.next.join })).toHaveProperty(
      "href",
      "https://video.example.org/casey",
    );
    expect(next.getByText(T.next.individual)).toBeTruthy();
    const recovery = within(screen.getByRole("region", { name: T.recovery.title }));
    expect(recovery.getByText("54 days")).toBeTruthy();
    const crisis = within(screen.getByRole("region", { name: en.crisis.title }));
    expect(crisis.getByRole("link", { name: en.crisis.call988 }).getAttribute("href")).toBe("tel:988");
    expect(crisis.getByRole("link", { name: /\(555\) 010-4400/ }).getAttribute("href")).toBe(
      "tel:5550104400",
    );
    const help = screen.getByRole("link", { name: T.page.moreHelp });
    expect(help.getAttribute("href")).toBe("/me/help");
    expect(
      help.compareDocumentPosition(screen.getByRole("region", { name: T.next.title })) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(await screen.findByRole("region", { name: checkInsEn.today.title })).toBeTruthy();
  });

  it("keeps the help button and the other cards when Today cannot load", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(
        participantApi({
          ...common,
          "GET /api/v1/me/today": { status: 500, body: { error: { code: "INTERNAL", message: "" } } },
        }),
      ),
    );
    renderParticipantArea("/me", [{ element: <ParticipantHomePage /> }]);
    expect(await screen.findByText(T.next.error)).toBeTruthy();
    expect(screen.getByText(T.recovery.error)).toBeTruthy();
    expect(screen.getByRole("region", { name: en.crisis.title })).toBeTruthy();
    expect(screen.getByRole("link", { name: T.page.moreHelp })).toBeTruthy();
  });

  it("restarts the counter only after a kind word and a confirmation, then shows the history with the old count", async () => {
    const fetchMock = vi.fn(
      participantApi({
        ...common,
        "GET /api/v1/me/today": { body: aToday() },
        "POST /api/v1/me/sobriety/restart": { body: SOBRIETY },
        "GET /api/v1/me/sobriety": { body: SOBRIETY },
      }),
    );
    vi.stubGlobal("fetch", fetchMock);
    renderParticipantArea("/me", [{ element: <ParticipantHomePage /> }]);
    fireEvent.click(await screen.findByRole("button", { name: T.recovery.restart }));
    const dialog = within(await screen.findByRole("dialog", { name: T.restart.title }));
    expect(dialog.getByText(T.restart.kind)).toBeTruthy();
    fireEvent.change(dialog.getByLabelText(new RegExp(T.restart.restartOn)), {
      target: { value: "2026-11-25" },
    });
    expect(dialog.getByRole("button", { name: T.restart.continue })).toHaveProperty("disabled", true);
    fireEvent.change(dialog.getByLabelText(new RegExp(T.restart.restartOn)), {
      target: { value: "2026-11-23" },
    });
    fireEvent.change(dialog.getByLabelText(T.restart.message), {
      target: { value: " Starting again, with what I learned. " },
    });
    fireEvent.click(dialog.getByRole("button", { name: T.restart.continue }));
    expect(dialog.getByText("Your 53 days so far stay in your history.")).toBeTruthy();
    expect(apiCalls(fetchMock).some((c) => c.route === "POST /api/v1/me/sobriety/restart")).toBe(false);
    fireEvent.click(dialog.getByRole("button", { name: T.restart.confirm }));
    await waitFor(() =>
      expect(apiCalls(fetchMock).find((c) => c.route === "POST /api/v1/me/sobriety/restart")?.body).toEqual({
        restartOn: "2026-11-23",
        message: "Starting again, with what I learned.",
      }),
    );
    expect(await screen.findByText(/Be kind to yourself today/)).toBeTruthy();
    const history = within(await screen.findByRole("list", { name: T.history.title }));
    expect(history.getByText(/Started again on .* after 53 days · by you/)).toBeTruthy();
    expect(history.getByText("“Starting again, with what I learned.”")).toBeTruthy();
  });
});

describe("My week: asking to be excused", () => {
  it("offers 'Can't make it?' on a session ahead, sends the reason, and shows the answer", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-03-12T14:00:00Z"));
    const entry = aCalendarEntry("2026-03-12");
    const request = {
      id: "5d6e7f80-1a2b-4c3d-8e9f-0a1b2c3d4e5f",
      participantId: PARTICIPANT_ID,
      sessionId: entry.id,
      kind: "group",
      title: "Adult evening",
      occursOn: "2026-03-12",
      reason: "work",
      note: "",
      status: "pending",
      requestedAt: "2026-03-12T14:00:00.000Z",
      decidedAt: null,
      decidedBy: null,
      decisionNote: "",
    };
    let requests: unknown[] = [];
    const fetchMock = vi.fn(
      participantApi({
        "GET /api/v1/me/schedule": { body: aMySchedule([entry]) },
        "GET /api/v1/me/calendar-feed": { body: { feed: null } },
        [`GET /api/v1/participants/${PARTICIPANT_ID}/unavailability`]: { body: { windows: [] } },
        "GET /api/v1/me/absence-requests": () => ({ body: { requests } }),
        "POST /api/v1/me/absence-requests": () => {
          requests = [request];
          return { status: 201, body: request };
        },
      }),
    );
    vi.stubGlobal("fetch", fetchMock);
    try {
      renderParticipantArea("/me/week", [{ path: "week", element: <MyWeekPage /> }]);
      fireEvent.click(await screen.findByRole("button", { name: /Can't make it to Adult evening/ }));
      const dialog = within(await screen.findByRole("dialog", { name: T.absence.title }));
      fireEvent.click(dialog.getByRole("button", { name: T.absence.send }));
      expect(await dialog.findByText(T.absence.reasonRequired)).toBeTruthy();
      fireEvent.click(dialog.getByRole("radio", { name: T.absence.reasons.work }));
      fireEvent.click(dialog.getByRole("button", { name: T.absence.send }));
      await waitFor(() =>
        expect(apiCalls(fetchMock).find((c) => c.route === "POST /api/v1/me/absence-requests")?.body).toEqual(
          {
            sessionId: entry.id,
            reason: "work",
            note: "",
          },
        ),
      );
      expect(await screen.findByText(T.absence.status.pending)).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });
});
