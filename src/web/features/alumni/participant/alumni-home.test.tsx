// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import i18n from "i18next";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { AlumniCheckIn, MyAlumni } from "../../../../core/alumni/alumni.schema";
import { alumniEn } from "../../../i18n/alumni.en";
import { alumniEs } from "../../../i18n/alumni.es";
import { apiCalls } from "../../../test-support/render-with-providers";
import {
  participantApi,
  renderParticipantArea,
  setUpParticipantDom,
} from "../../participant-area/participant-area-testing";
import { AlumniSection } from "../chart/alumni-section";
import { AlumniHome } from "./alumni-home";

beforeAll(async () => {
  await setUpParticipantDom();
  i18n.addResourceBundle("en", "alumni", alumniEn, true, true);
  i18n.addResourceBundle("es", "alumni", alumniEs, true, true);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const CHECK_IN_ID = "9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d";
const EVENT_ID = "1f2e3d4c-5b6a-4978-8a6b-5c4d3e2f1a0b";

const home = (over: Partial<MyAlumni> = {}): MyAlumni => ({
  membership: {
    status: "active",
    joinedOn: "2026-11-20",
    optedOutAt: null,
    optOutSource: null,
    followUpsOptedOutAt: null,
  },
  weekOf: "2026-11-23",
  thisWeek: null,
  events: [
    {
      id: EVENT_ID,
      siteId: "7b0c4bde-2b5f-4b7e-9a43-3f5b8f7f1c11",
      title: "Alumni dinner",
      description: "",
      kind: "event",
      startsAt: "2026-12-05T23:00:00.000Z",
      endsAt: "2026-12-06T01:00:00.000Z",
      timeZone: "America/New_York",
      location: "Community room",
      onlineUrl: null,
      capacity: 10,
      going: 10,
      cancelledAt: null,
      myRsvp: null,
    },
  ],
  unreadMessages: 2,
  ...over,
});

const saved = (over: Partial<AlumniCheckIn> = {}): AlumniCheckIn => ({
  id: CHECK_IN_ID,
  weekOf: "2026-11-23",
  usedSinceLast: false,
  craving: 0,
  mood: 3,
  meetingsAttended: 0,
  wantsContact: true,
  note: "",
  recordedAt: "2026-11-25T15:00:00.000Z",
  flags: ["wants_contact"],
  ...over,
});

function render(routes: Parameters<typeof participantApi>[0], status: "active" | "opted_out" = "active") {
  const fetchMock = vi.fn(participantApi(routes));
  vi.stubGlobal("fetch", fetchMock);
  renderParticipantArea("/me", [{ element: <AlumniHome status={status} /> }]);
  return fetchMock;
}

describe("Alumni home", () => {
  it("shows crisis help, the week's check-in, plans, a full event and unread messages", async () => {
    render({ "GET /api/v1/me/alumni": { body: home() } });
    expect(await screen.findByRole("heading", { level: 2, name: "Weekly check-in" })).toBeTruthy();
    expect(screen.getByText("Week of 2026-11-23")).toBeTruthy();
    expect(screen.getByRole("link", { name: "My safety plan" }).getAttribute("href")).toBe("/me/safety-plan");
    expect(screen.getByRole("link", { name: "My recovery plan" }).getAttribute("href")).toBe(
      "/me/recovery-plan",
    );
    expect(screen.getByText("Full")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Going" }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText("2 new messages")).toBeTruthy();
    expect(screen.getAllByRole("link", { name: /988/ }).length).toBeGreaterThan(0);
  });

  it("sends the check-in and, when the person asks for contact, says someone will reach out", async () => {
    const fetchMock = render({
      "GET /api/v1/me/alumni": { body: home() },
      "PUT /api/v1/me/alumni/check-ins/current": { body: { checkIn: saved(), created: true } },
    });
    fireEvent.click(await screen.findByRole("checkbox", { name: /contact me/ }));
    fireEvent.click(screen.getByRole("button", { name: "Save check-in" }));
    expect(await screen.findByText(/Someone from the program will reach out/)).toBeTruthy();
    const put = apiCalls(fetchMock).find((c) => c.route === "PUT /api/v1/me/alumni/check-ins/current");
    expect(put?.body).toEqual({
      usedSinceLast: false,
      craving: 0,
      mood: 3,
      meetingsAttended: 0,
      wantsContact: true,
      note: "",
    });
  });

  it("leaves the program only after confirming, with follow-ups stopped when chosen", async () => {
    const fetchMock = render({
      "GET /api/v1/me/alumni": { body: home() },
      "POST /api/v1/me/alumni/opt-out": {
        body: {
          ...home().membership,
          status: "opted_out",
          optedOutAt: "2026-11-25T15:00:00.000Z",
          optOutSource: "app",
        },
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Leave the alumni program" }));
    const dialog = await screen.findByRole("dialog");
    expect(apiCalls(fetchMock).some((c) => c.route === "POST /api/v1/me/alumni/opt-out")).toBe(false);
    fireEvent.click(within(dialog).getByRole("checkbox", { name: /follow-up surveys/ }));
    fireEvent.click(within(dialog).getByRole("button", { name: "Leave now" }));
    await waitFor(() =>
      expect(apiCalls(fetchMock).find((c) => c.route === "POST /api/v1/me/alumni/opt-out")?.body).toEqual({
        alsoFollowUps: true,
      }),
    );
  });

  it("offers a way back to someone who left", async () => {
    render({}, "opted_out");
    expect(await screen.findByRole("button", { name: "Rejoin the alumni program" })).toBeTruthy();
  });
});

describe("Chart alumni section", () => {
  it("lists the check-ins with their flags and outlines the one an alert points at", async () => {
    const fetchMock = vi.fn(
      participantApi({
        "GET /api/v1/participants/2b0d7c52-8a0b-4d55-9f3e-6a1c2e9b7d40/alumni": {
          body: {
            membership: home().membership,
            checkIns: [saved({ usedSinceLast: true, flags: ["use_resumed"] })],
          },
        },
      }),
    );
    vi.stubGlobal("fetch", fetchMock);
    renderParticipantArea(`/me?alumniCheckIn=${CHECK_IN_ID}`, [
      { element: <AlumniSection record={{ id: "2b0d7c52-8a0b-4d55-9f3e-6a1c2e9b7d40" } as never} /> },
    ]);
    expect(await screen.findByText("Use since last check-in")).toBeTruthy();
    expect(document.getElementById(`alumni-check-in-${CHECK_IN_ID}`)?.getAttribute("data-highlighted")).toBe(
      "true",
    );
    expect(screen.getByText("Active")).toBeTruthy();
  });
});
