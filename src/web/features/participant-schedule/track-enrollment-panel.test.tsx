// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { TrackEnrollments } from "../../../core/schedule/enrollment.schema";
import { participantScheduleEn } from "../../i18n/participant-schedule.en";
import { apiCalls, renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith, sessionWith } from "../admin/admin-testing";
import { ARI, RILEY, SAM, TRACK_ID } from "../schedule/schedule-testing";
import { anEnrollment, setUpParticipantScheduleDom, TODAY } from "./participant-schedule-testing";
import { TrackEnrollmentPanel } from "./track-enrollment-panel";

beforeAll(setUpParticipantScheduleDom);
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(`${TODAY}T15:00:00Z`));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const R = participantScheduleEn.roster;
const SAM_WAITING = "1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a";
const HIDDEN_WAITING = "2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b";

const full: TrackEnrollments = {
  track: { id: TRACK_ID, name: "Adult evening", audience: "adult", capacity: 2 },
  on: TODAY,
  placesTaken: 2,
  placesTakenAtMost: 2,
  enrolled: [
    {
      enrollmentId: "3f4a5b6c-7d8e-4f9a-8b1c-2d3e4f5a6b7c",
      participant: { id: RILEY, name: "Riley Stone" },
      joinedOn: "2026-02-02",
      exitsOn: "2026-03-20",
    },
    {
      enrollmentId: "4a5b6c7d-8e9f-4a0b-9c2d-3e4f5a6b7c8d",
      participant: { id: ARI, name: "Ari Kim" },
      joinedOn: "2026-03-16",
      exitsOn: null,
    },
  ],
  waitlist: [
    {
      enrollmentId: SAM_WAITING,
      position: 1,
      participant: { id: SAM, name: "Sam Ortega" },
      waitlistedAt: "2026-03-02T14:00:00.000Z",
    },
    {
      enrollmentId: HIDDEN_WAITING,
      position: 2,
      participant: { id: "5b6c7d8e-9f0a-4b1c-8d3e-4f5a6b7c8d9e", name: null },
      waitlistedAt: "2026-03-05T14:00:00.000Z",
    },
  ],
};

function renderPanel(
  routes: Parameters<typeof fakeApiWith>[0] = {},
  permissions = ["schedule.view", "schedule.manage"],
) {
  const fetchMock = vi.fn(
    fakeApiWith({
      "GET /api/v1/sessions/current": sessionWith(permissions),
      [`GET /api/v1/tracks/${TRACK_ID}/enrollments`]: { body: full },
      ...routes,
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(<TrackEnrollmentPanel trackId={TRACK_ID} />);
  return fetchMock;
}

describe("TrackEnrollmentPanel", () => {
  it("lists who has a place with join dates, places taken against the capacity, and the waitlist in order", async () => {
    renderPanel();
    expect((await screen.findByTestId("places-taken")).textContent).toBe("2 of 2 places taken");
    const rows = within(screen.getByRole("table")).getAllByRole("row").slice(1);
    expect(rows.map((r) => [...r.children].map((c) => c.textContent))).toEqual([
      ["Riley Stone", "Feb 2, 2026", "Mar 20, 2026"],
      ["Ari Kim", `Mar 16, 2026 · ${R.planned}`, "—"],
    ]);
    expect(within(rows[0]!).getByRole("link", { name: "Riley Stone" }).getAttribute("href")).toBe(
      `/staff/participants/${RILEY}?tab=schedule`,
    );
    const waitlist = within(screen.getByRole("list", { name: R.waitlistLabel }));
    const items = waitlist.getAllByRole("listitem");
    expect(within(items[0]!).getByText("Sam Ortega")).toBeTruthy();
    expect(within(items[0]!).getByLabelText("Number 1 in line")).toBeTruthy();
    expect(within(items[1]!).getByText(R.unnamed)).toBeTruthy();
  });

  it("admits the first in line from a date, and explains when the track is still full then", async () => {
    const fetchMock = renderPanel({
      [`POST /api/v1/enrollments/${SAM_WAITING}/admit-from-waitlist`]: (_, body) =>
        (body as { joinOn: string }).joinOn === TODAY
          ? {
              status: 409,
              body: {
                error: {
                  code: "TRACK_FULL",
                  message: "Full",
                  fields: [{ path: "trackId", message: "Full" }],
                },
              },
            }
          : { body: { ...anEnrollment({ id: SAM_WAITING, joinedOn: "2026-03-20" }), warnings: [] } },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Admit Sam Ortega from the waitlist" }));
    const dialog = within(
      await screen.findByRole("dialog", { name: "Give Sam Ortega a place in Adult evening" }),
    );
    fireEvent.click(dialog.getByRole("button", { name: participantScheduleEn.admit.confirm }));
    expect(
      await dialog.findByText(
        "Adult evening is still full on that date. Choose a later date, when a place frees.",
      ),
    ).toBeTruthy();
    fireEvent.change(dialog.getByLabelText(new RegExp(`^${participantScheduleEn.admit.joinOn}`)), {
      target: { value: "2026-03-20" },
    });
    fireEvent.click(dialog.getByRole("button", { name: participantScheduleEn.admit.confirm }));
    expect(await screen.findByText("Sam Ortega has a place in Adult evening.")).toBeTruthy();
    expect(
      apiCalls(fetchMock)
        .filter((c) => c.route.startsWith("POST"))
        .map((c) => c.body),
    ).toEqual([{ joinOn: TODAY }, { joinOn: "2026-03-20" }]);
  });

  it("takes someone off the waitlist only with a reason and a confirmation", async () => {
    const fetchMock = renderPanel({
      [`POST /api/v1/enrollments/${SAM_WAITING}/exit`]: { body: anEnrollment({ status: "exited" }) },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Remove Sam Ortega from the waitlist" }));
    const dialog = within(
      await screen.findByRole("dialog", { name: "Take Sam Ortega off the waitlist for Adult evening?" }),
    );
    fireEvent.change(dialog.getByLabelText(new RegExp(`^${participantScheduleEn.leave.reason}`)), {
      target: { value: "Found an evening job; joining the morning track" },
    });
    fireEvent.click(dialog.getByRole("button", { name: participantScheduleEn.leave.waitlist.confirm }));
    await waitFor(() =>
      expect(apiCalls(fetchMock).filter((c) => c.route.startsWith("POST"))).toEqual([
        {
          route: `POST /api/v1/enrollments/${SAM_WAITING}/exit`,
          body: { on: TODAY, reason: "Found an evening job; joining the morning track" },
        },
      ]),
    );
  });

  it("offers no changes to readers, and stays out of the way of those who cannot see the schedule", async () => {
    renderPanel({}, ["schedule.view"]);
    await screen.findByTestId("places-taken");
    expect(screen.queryByRole("button", { name: /waitlist/ })).toBeNull();
    cleanup();
    const fetchMock = renderPanel({}, ["settings.manage"]);
    await waitFor(() =>
      expect(apiCalls(fetchMock).map((c) => c.route)).toContain("GET /api/v1/sessions/current"),
    );
    expect(screen.queryByRole("region")).toBeNull();
    expect(apiCalls(fetchMock).map((c) => c.route)).not.toContain(
      `GET /api/v1/tracks/${TRACK_ID}/enrollments`,
    );
  });
});
