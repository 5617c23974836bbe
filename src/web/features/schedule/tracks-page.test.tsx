// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { RequireSession } from "../../app/require-session";
import { scheduleEn } from "../../i18n/schedule.en";
import { apiCalls, renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith, sessionWith } from "../admin/admin-testing";
import {
  anOccurrence,
  aTrack,
  COLLEAGUE,
  ME,
  occurrencesOf,
  SITE_ID,
  setUpScheduleDom,
  TRACK_ID,
} from "./schedule-testing";
import { TrackPage } from "./track-page";
import { TracksPage } from "./tracks-page";

beforeAll(setUpScheduleDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const T = scheduleEn.tracks;
const ADMIN = ["settings.manage", "users.manage", "sites.manage"];

function renderTracks(
  permissions: string[],
  routes: Parameters<typeof fakeApiWith>[0] = {},
  path = "/staff/admin/tracks",
) {
  const fetchMock = vi.fn(
    fakeApiWith({
      "GET /api/v1/sessions/current": sessionWith(permissions),
      "GET /api/v1/tracks": { body: { tracks: [aTrack({ waitlistCount: 1 })] } },
      "GET /api/v1/users": (url) => ({
        body: {
          users: [
            { id: ME, displayName: "Dana Director", status: "active" },
            { id: COLLEAGUE, displayName: "Casey Counselor", status: "invited" },
            { id: "6c3f5e4d-2a1b-4c0d-9e8f-7a6b5c4d3e2f", displayName: "Gone Away", status: "deactivated" },
          ].filter(() => url.searchParams.get("siteId") === SITE_ID),
          total: 3,
          page: 1,
          pageSize: 100,
        },
      }),
      [`GET /api/v1/tracks/${TRACK_ID}/occurrences`]: (url) => ({
        body: occurrencesOf(
          aTrack(),
          [anOccurrence("2026-11-23"), anOccurrence("2026-11-26", { marksRecorded: 2 })],
          url.searchParams.get("from")!,
          url.searchParams.get("to")!,
        ),
      }),
      ...routes,
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(
    <Routes>
      {[
        ["/staff/admin/tracks", <TracksPage key="list" />],
        ["/staff/admin/tracks/:trackId", <TrackPage key="one" />],
      ].map(([routePath, page]) => (
        <Route
          key={String(routePath)}
          path={String(routePath)}
          element={<RequireSession kind="staff">{page}</RequireSession>}
        />
      ))}
    </Routes>,
    path,
  );
  return fetchMock;
}

const slot = (n: number) => screen.getByRole("group", { name: `Session ${n}` });

describe("TracksPage", () => {
  it("lists each track's weekly sessions, dates, places, facilitators and room", async () => {
    renderTracks(ADMIN);
    const table = await screen.findByRole("table", { name: T.tableLabel });
    const [, row] = within(table).getAllByRole("row");
    expect(within(row!).getByRole("link", { name: "Adult evening" }).getAttribute("href")).toBe(
      `/staff/admin/tracks/${TRACK_ID}`,
    );
    expect(within(row!).getByText(/^Mon, Tue, Thu 6:00\s–\s9:00\sPM$/)).toBeTruthy();
    expect(within(row!).getByText("from Sep 7, 2026, no end date")).toBeTruthy();
    expect(within(row!).getByText("3 of 14")).toBeTruthy();
    expect(within(row!).getByText("1 waiting")).toBeTruthy();
    expect(within(row!).getByText("Dana Director")).toBeTruthy();
    expect(within(row!).getByText("Group room A")).toBeTruthy();
  });

  it("names an end before the start and an overlap on their session, and sends nothing", async () => {
    const fetchMock = renderTracks(ADMIN);
    fireEvent.click(await screen.findByRole("button", { name: "Edit Adult evening" }));
    await screen.findByRole("dialog");
    fireEvent.change(within(slot(2)).getByLabelText(T.form.end), { target: { value: "17:00" } });
    fireEvent.click(screen.getByRole("button", { name: T.form.addSlot }));
    fireEvent.change(within(slot(4)).getByLabelText(T.form.weekday), { target: { value: "1" } });
    fireEvent.change(within(slot(4)).getByLabelText(T.form.start), { target: { value: "20:00" } });
    fireEvent.change(within(slot(4)).getByLabelText(T.form.end), { target: { value: "22:00" } });
    fireEvent.click(screen.getByRole("button", { name: T.form.save }));

    expect(await within(slot(2)).findByText(scheduleEn.trackErrors.endBeforeStart)).toBeTruthy();
    expect(within(slot(4)).getByText(/^Overlaps the Monday 6:00\s–\s9:00\sPM session\.$/)).toBeTruthy();
    expect(apiCalls(fetchMock).filter((c) => c.route.startsWith("PUT"))).toEqual([]);
  });

  it("shows the server's refusal of fewer places than enrolled on the places field, then saves", async () => {
    let refuse = true;
    const fetchMock = renderTracks(ADMIN, {
      [`PUT /api/v1/tracks/${TRACK_ID}`]: (_url, body) =>
        refuse
          ? {
              status: 400,
              body: {
                error: {
                  code: "SCHEDULE_CAPACITY_BELOW_ENROLLED",
                  message: "3 participants are enrolled in this track; the capacity cannot be less.",
                  fields: [{ path: "capacity", message: "3 participants are enrolled." }],
                },
              },
            }
          : { body: { ...aTrack(), ...(body as object) } },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Edit Adult evening" }));
    const dialog = await screen.findByRole("dialog");
    const places = within(dialog).getByRole("textbox", { name: T.form.capacity });
    fireEvent.change(places, { target: { value: "2" } });
    fireEvent.click(within(dialog).getByRole("button", { name: T.form.save }));
    expect(
      await within(dialog).findByText(
        "3 participants are enrolled: places cannot be fewer. Move or discharge participants first.",
      ),
    ).toBeTruthy();
    expect(places.getAttribute("aria-invalid")).toBe("true");

    refuse = false;
    fireEvent.change(places, { target: { value: "16" } });
    fireEvent.click(within(dialog).getByRole("button", { name: T.form.save }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(
      apiCalls(fetchMock)
        .filter((c) => c.route.startsWith("PUT"))
        .at(-1)?.body,
    ).toEqual({
      pattern: { slots: [1, 2, 4].map((weekday) => ({ weekday, start: "18:00", end: "21:00" })) },
      location: "Group room A",
      telehealth: false,
      capacity: 16,
      startsOn: "2026-09-07",
      endsOn: null,
      facilitatorIds: [ME],
    });
  });

  it("cancels one session only after a confirmation that says what it means", async () => {
    const fetchMock = renderTracks(
      ADMIN,
      {
        [`POST /api/v1/tracks/${TRACK_ID}/exceptions`]: (_url, body) => ({
          status: 201,
          body: {
            id: "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
            key: "2026-11-26T18:00",
            ...(body as object),
            movedTo: null,
            facilitators: [],
          },
        }),
      },
      `/staff/admin/tracks/${TRACK_ID}?from=2026-11-23`,
    );
    const table = await screen.findByRole("table", { name: T.sessionList.tableLabel });
    const thursday = within(table).getByRole("row", { name: /Thu, Nov 26/ });
    expect(within(thursday).getByText("2 marked")).toBeTruthy();
    fireEvent.click(within(thursday).getByRole("button", { name: /^Change the session of Thu, Nov 26/ }));
    fireEvent.click(await screen.findByRole("menuitem", { name: T.sessionList.cancel }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.click(within(dialog).getByRole("button", { name: T.exception.cancelSubmit }));
    expect(await within(dialog).findByText(scheduleEn.trackErrors.reasonRequired)).toBeTruthy();
    fireEvent.change(within(dialog).getByRole("textbox", { name: T.exception.reason }), {
      target: { value: "Thanksgiving" },
    });
    fireEvent.click(within(dialog).getByRole("button", { name: T.exception.cancelSubmit }));
    expect(await within(dialog).findByText(T.exception.confirmTitle)).toBeTruthy();
    expect(
      within(dialog).getByText("Attendance is already recorded for 2 participants; it stays."),
    ).toBeTruthy();
    expect(apiCalls(fetchMock).filter((c) => c.route.startsWith("POST"))).toEqual([]);
    fireEvent.click(within(dialog).getByRole("button", { name: T.exception.confirm }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(apiCalls(fetchMock).filter((c) => c.route.startsWith("POST"))[0]?.body).toEqual({
      kind: "cancelled",
      on: { date: "2026-11-26", start: "18:00" },
      reason: "Thanksgiving",
    });
  });

  it("is read-only for those who place participants but do not set tracks up", async () => {
    renderTracks(["schedule.view", "schedule.manage"]);
    await screen.findByRole("table", { name: T.tableLabel });
    expect(screen.getByText(T.readOnly)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Edit Adult evening" })).toBeNull();
  });
});
