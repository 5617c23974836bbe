// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Enrollment } from "../../../core/schedule/enrollment.schema";
import { participantScheduleEn } from "../../i18n/participant-schedule.en";
import { apiCalls, renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith, sessionWith } from "../admin/admin-testing";
import { aTrack, OTHER_TRACK_ID, SITE_ID, TRACK_ID } from "../schedule/schedule-testing";
import {
  anEnrollment,
  ENROLLMENT,
  enrollmentsOf,
  PARTICIPANT,
  pick,
  setUpParticipantScheduleDom,
  TODAY,
} from "./participant-schedule-testing";
import { TrackPlacementSection } from "./track-placement-section";

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

const P = participantScheduleEn.placement;
const ENROLLMENTS = `/api/v1/participants/${PARTICIPANT}/enrollments`;

const evening = aTrack({ enrolledCount: 9, capacity: 14 });
const morning = aTrack({
  id: OTHER_TRACK_ID,
  name: "Morning dual-diagnosis",
  pattern: { slots: [1, 2, 3, 4].map((weekday) => ({ weekday, start: "09:00", end: "12:00" })) },
  enrolledCount: 12,
  capacity: 12,
  waitlistCount: 2,
});
const elsewhere = aTrack({
  id: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
  name: "Other site",
  siteId: "1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b",
});

function renderSection(
  enrollments: Enrollment[],
  routes: Parameters<typeof fakeApiWith>[0] = {},
  permissions = ["schedule.view", "schedule.manage"],
) {
  const fetchMock = vi.fn(
    fakeApiWith({
      "GET /api/v1/sessions/current": sessionWith(permissions),
      [`GET ${ENROLLMENTS}`]: { body: enrollmentsOf(enrollments) },
      "GET /api/v1/tracks": { body: { tracks: [evening, morning, elsewhere] } },
      ...routes,
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(
    <TrackPlacementSection
      participantId={PARTICIPANT}
      name="Casey Rivers"
      siteId={SITE_ID}
      canManage={permissions.includes("schedule.manage")}
    />,
  );
  return fetchMock;
}

const posts = (fetchMock: ReturnType<typeof renderSection>) =>
  apiCalls(fetchMock).filter((c) => c.route.startsWith("POST"));

async function openPlace() {
  fireEvent.click(await screen.findByRole("button", { name: P.place }));
  return within(await screen.findByRole("dialog", { name: "Place Casey Rivers in a track" }));
}

describe("TrackPlacementSection", () => {
  it("shows the current track, its join date and the history with how each place ended", async () => {
    renderSection([
      anEnrollment({
        id: "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e",
        track: { id: OTHER_TRACK_ID, name: "Morning dual-diagnosis" },
        status: "exited",
        joinedOn: "2026-01-12",
        exitedOn: "2026-02-02",
        exitReason: "moved",
      }),
      anEnrollment(),
    ]);
    expect((await screen.findByTestId("current-placement")).textContent).toBe(
      "In Adult evening since Feb 2, 2026.",
    );
    const rows = within(screen.getByRole("table")).getAllByRole("row").slice(1);
    expect(rows.map((r) => [...r.children].map((c) => c.textContent))).toEqual([
      ["Adult evening", "Enrolled", "Feb 2, 2026", "—", "—"],
      ["Morning dual-diagnosis", "Left", "Jan 12, 2026", "Feb 2, 2026", P.reasons.moved],
    ]);
    expect(screen.getByRole("button", { name: P.move })).toBeTruthy();
    expect(screen.getByRole("button", { name: participantScheduleEn.leave.place.open })).toBeTruthy();
    expect(screen.queryByRole("button", { name: P.place })).toBeNull();
  });

  it("lists the tracks of the participant's site with places left, and places them from a date", async () => {
    const fetchMock = renderSection([], {
      [`POST ${ENROLLMENTS}`]: { status: 201, body: anEnrollment() },
    });
    const dialog = await openPlace();
    const select = dialog.getByRole("combobox", { name: P.track });
    fireEvent.click(dialog.getByRole("button", { name: P.placeSubmit }));
    expect(await dialog.findByText(participantScheduleEn.errors.trackRequired)).toBeTruthy();
    expect(posts(fetchMock)).toEqual([]);

    fireEvent.click(select);
    fireEvent.keyDown(select, { key: "ArrowDown" });
    const listbox = await waitFor(() => document.getElementById(select.getAttribute("aria-controls") ?? "")!);
    const labels = within(listbox)
      .getAllByRole("option", { hidden: true })
      .map((o) => o.textContent?.replace(/\s/g, " "));
    expect(labels).toEqual([
      "Adult evening · 5 places leftMon, Tue, Thu 6:00 – 9:00 PM",
      "Morning dual-diagnosis · full, 2 waitingMon, Tue, Wed, Thu 9:00 AM – 12:00 PM",
    ]);
    fireEvent.click(within(listbox).getAllByRole("option", { hidden: true })[0]!);
    fireEvent.change(dialog.getByLabelText(new RegExp(`^${P.joinOn}`)), { target: { value: "2026-03-16" } });
    fireEvent.click(dialog.getByRole("button", { name: P.placeSubmit }));
    await waitFor(() =>
      expect(posts(fetchMock)).toEqual([
        {
          route: `POST ${ENROLLMENTS}`,
          body: { trackId: TRACK_ID, joinOn: "2026-03-16", waitlistIfFull: false },
        },
      ]),
    );
    expect(await screen.findByText("Casey Rivers is in Adult evening.")).toBeTruthy();
  });

  it("places the participant and passes on the program's warning about an unsigned treatment plan", async () => {
    const warning =
      "The treatment plan is not signed yet; this program asks for a signed plan before groups.";
    renderSection([], {
      [`POST ${ENROLLMENTS}`]: { status: 201, body: { ...anEnrollment(), warnings: [warning] } },
    });
    const dialog = await openPlace();
    const select = dialog.getByRole("combobox", { name: P.track });
    fireEvent.click(select);
    fireEvent.keyDown(select, { key: "ArrowDown" });
    const listbox = await waitFor(() => document.getElementById(select.getAttribute("aria-controls") ?? "")!);
    fireEvent.click(within(listbox).getAllByRole("option", { hidden: true })[0]!);
    fireEvent.change(dialog.getByLabelText(new RegExp(`^${P.joinOn}`)), { target: { value: "2026-03-16" } });
    fireEvent.click(dialog.getByRole("button", { name: P.placeSubmit }));
    expect(await screen.findByText(warning)).toBeTruthy();
    expect(screen.getByText(P.warningTitle)).toBeTruthy();
    expect(await screen.findByText("Casey Rivers is in Adult evening.")).toBeTruthy();
  });

  it("says why a program that requires a signed plan first refuses the place", async () => {
    renderSection([], {
      [`POST ${ENROLLMENTS}`]: {
        status: 409,
        body: { error: { code: "TREATMENT_PLAN_NOT_SIGNED", message: "Sign the plan first." } },
      },
    });
    const dialog = await openPlace();
    const select = dialog.getByRole("combobox", { name: P.track });
    fireEvent.click(select);
    fireEvent.keyDown(select, { key: "ArrowDown" });
    const listbox = await waitFor(() => document.getElementById(select.getAttribute("aria-controls") ?? "")!);
    fireEvent.click(within(listbox).getAllByRole("option", { hidden: true })[0]!);
    fireEvent.change(dialog.getByLabelText(new RegExp(`^${P.joinOn}`)), { target: { value: "2026-03-16" } });
    fireEvent.click(dialog.getByRole("button", { name: P.placeSubmit }));
    expect(await dialog.findByText(participantScheduleEn.errors.planNotSigned)).toBeTruthy();
  });

  it("explains a full track and offers its waitlist instead", async () => {
    const fetchMock = renderSection([], {
      [`POST ${ENROLLMENTS}`]: {
        status: 201,
        body: anEnrollment({
          track: { id: OTHER_TRACK_ID, name: "Morning dual-diagnosis" },
          status: "waitlisted",
          joinedOn: null,
          waitlistedAt: "2026-03-12T15:00:00.000Z",
          waitlistPosition: 3,
        }),
      },
    });
    const dialog = await openPlace();
    await pick(dialog.getByRole("combobox", { name: P.track }), /^Morning dual-diagnosis/);
    const full = dialog.getByRole("status");
    expect(within(full).getByText("Morning dual-diagnosis is full")).toBeTruthy();
    expect(full.textContent).toContain(
      "12 of 12 places are taken and 2 waiting. Add Casey Rivers to the waitlist (number 3 in line), or choose another track.",
    );
    expect(dialog.queryByRole("button", { name: P.placeSubmit })).toBeNull();
    fireEvent.click(dialog.getByRole("button", { name: P.addToWaitlist }));
    await waitFor(() =>
      expect(posts(fetchMock)[0]?.body).toEqual({
        trackId: OTHER_TRACK_ID,
        joinOn: TODAY,
        waitlistIfFull: true,
      }),
    );
    expect(
      await screen.findByText(
        "Casey Rivers is on the waitlist for Morning dual-diagnosis, number 3 in line.",
      ),
    ).toBeTruthy();
  });

  it("offers the waitlist when the server finds the track full on that date, without saving anything first", async () => {
    const fetchMock = renderSection([], {
      [`POST ${ENROLLMENTS}`]: (_, body) =>
        (body as { waitlistIfFull: boolean }).waitlistIfFull
          ? { status: 201, body: anEnrollment({ status: "waitlisted", joinedOn: null, waitlistPosition: 1 }) }
          : {
              status: 409,
              body: {
                error: {
                  code: "TRACK_FULL",
                  message: "Adult evening is full from 2026-03-23 (joins already planned).",
                  fields: [{ path: "trackId", message: "Adult evening is full." }],
                },
              },
            },
    });
    const dialog = await openPlace();
    await pick(dialog.getByRole("combobox", { name: P.track }), /^Adult evening/);
    expect(dialog.queryByRole("status")).toBeNull();
    fireEvent.click(dialog.getByRole("button", { name: P.placeSubmit }));
    expect(await dialog.findByText(/has no free place from that date/)).toBeTruthy();
    fireEvent.click(dialog.getByRole("button", { name: P.addToWaitlist }));
    await waitFor(() =>
      expect(posts(fetchMock).map((p) => (p.body as { waitlistIfFull: boolean }).waitlistIfFull)).toEqual([
        false,
        true,
      ]),
    );
  });

  it("puts the server's field errors on their fields", async () => {
    renderSection([], {
      [`POST ${ENROLLMENTS}`]: {
        status: 400,
        body: {
          error: {
            code: "VALIDATION_FAILED",
            message: "Invalid",
            fields: [{ path: "joinOn", message: "Adult evening starts on 2026-09-07: join on or after it." }],
          },
        },
      },
    });
    const dialog = await openPlace();
    await pick(dialog.getByRole("combobox", { name: P.track }), /^Adult evening/);
    fireEvent.click(dialog.getByRole("button", { name: P.placeSubmit }));
    const error = await dialog.findByText("Adult evening starts on 2026-09-07: join on or after it.");
    expect(dialog.getByLabelText(new RegExp(`^${P.joinOn}`)).getAttribute("aria-describedby")).toContain(
      error.id,
    );
  });

  it("ends a place with a date and a reason after saying what happens", async () => {
    const fetchMock = renderSection([anEnrollment()], {
      [`POST /api/v1/enrollments/${ENROLLMENT}/exit`]: {
        body: anEnrollment({ status: "exited", exitedOn: TODAY, exitReason: "Changed work hours" }),
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: participantScheduleEn.leave.place.open }));
    const dialog = within(
      await screen.findByRole("dialog", { name: "End Casey Rivers's place in Adult evening?" }),
    );
    fireEvent.click(dialog.getByRole("button", { name: participantScheduleEn.leave.place.confirm }));
    expect(await dialog.findByText(participantScheduleEn.errors.reasonRequired)).toBeTruthy();
    fireEvent.change(dialog.getByLabelText(new RegExp(`^${participantScheduleEn.leave.reason}`)), {
      target: { value: "Changed work hours" },
    });
    fireEvent.click(dialog.getByRole("button", { name: participantScheduleEn.leave.place.confirm }));
    await waitFor(() =>
      expect(posts(fetchMock)).toEqual([
        {
          route: `POST /api/v1/enrollments/${ENROLLMENT}/exit`,
          body: { on: TODAY, reason: "Changed work hours" },
        },
      ]),
    );
  });

  it("shows no changes to those who may only read the schedule", async () => {
    renderSection(
      [
        anEnrollment({
          status: "waitlisted",
          joinedOn: null,
          waitlistedAt: "2026-03-01T12:00:00.000Z",
          waitlistPosition: 2,
        }),
      ],
      {},
      ["schedule.view"],
    );
    expect((await screen.findByTestId("current-placement")).textContent).toBe(
      "On the waitlist for Adult evening: number 2 in line (since Mar 1, 2026).",
    );
    for (const action of [
      P.place,
      P.move,
      participantScheduleEn.leave.waitlist.open,
      participantScheduleEn.admit.open,
    ])
      expect(screen.queryByRole("button", { name: action })).toBeNull();
  });
});
