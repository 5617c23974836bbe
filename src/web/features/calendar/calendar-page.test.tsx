// @vitest-environment jsdom
import { notifications } from "@mantine/notifications";
import { act, cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { Route, Routes, useLocation } from "react-router";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { CalendarEntry } from "../../../core/schedule/calendar.schema";
import { RequireSession } from "../../app/require-session";
import { apiCalls, renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith, sessionWith } from "../admin/admin-testing";
import { CalendarPage } from "./calendar-page";
import {
  APPOINTMENT_ID,
  aGroupEntry,
  anAppointment,
  anEntry,
  COLLEAGUE,
  conflictBody,
  FAMILY_APPOINTMENT_ID,
  ME,
  ROOM_ID,
  SITE,
  SITE_ID,
  setUpCalendarDom,
} from "./calendar-testing";

/** jsdom has no PointerEvent: a mouse event that carries a pointer id and type is enough for React. */
class TestPointerEvent extends MouseEvent {
  pointerId: number;
  pointerType: string;
  constructor(type: string, init: PointerEventInit = {}) {
    super(type, init);
    this.pointerId = init.pointerId ?? 1;
    this.pointerType = init.pointerType ?? "mouse";
  }
}

beforeAll(async () => {
  await setUpCalendarDom();
  Object.defineProperty(window, "PointerEvent", { value: TestPointerEvent, configurable: true });
});
afterAll(() => {
  Reflect.deleteProperty(window, "PointerEvent");
});
beforeEach(() => {
  // Thursday 26 November 2026, 10:00 in New York.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-11-26T15:00:00Z"));
});
afterEach(() => {
  cleanup();
  notifications.clean();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const WEEK: CalendarEntry[] = [
  aGroupEntry(),
  anEntry(),
  anEntry({
    id: `appointment:${FAMILY_APPOINTMENT_ID}`,
    kind: "family",
    title: "Sam Ortega — family session",
    status: "cancelled",
    date: "2026-11-25",
    start: "14:00",
    end: "15:00",
    appointment: { id: FAMILY_APPOINTMENT_ID, seriesId: null },
    participant: { id: COLLEAGUE, name: "Sam Ortega" },
  }),
];

function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.search}</p>;
}

function renderCalendar(
  options: {
    path?: string;
    entries?: () => CalendarEntry[];
    move?: (body: unknown) => { status?: number; body?: unknown };
    permissions?: string[];
  } = {},
) {
  const fetchMock = vi.fn(
    fakeApiWith({
      "GET /api/v1/sessions/current": sessionWith(
        options.permissions ?? ["schedule.view", "schedule.manage", "attendance.record"],
      ),
      "GET /api/v1/sites": { body: { sites: [SITE] } },
      [`GET /api/v1/sites/${SITE_ID}/staff`]: {
        body: {
          staff: [
            { id: ME, displayName: "Dana Director", roles: ["clinical_director"] },
            { id: COLLEAGUE, displayName: "Casey Counselor", roles: ["counselor"] },
          ],
        },
      },
      [`GET /api/v1/sites/${SITE_ID}/rooms`]: {
        body: { rooms: [{ id: ROOM_ID, siteId: SITE_ID, name: "Room 2", active: true }] },
      },
      "GET /api/v1/calendar": (url) => ({
        body: {
          view: url.searchParams.get("view"),
          from: url.searchParams.get("from"),
          to: url.searchParams.get("to"),
          siteId: url.searchParams.get("siteId"),
          entries: options.entries?.() ?? WEEK,
        },
      }),
      [`GET /api/v1/appointments/${APPOINTMENT_ID}`]: { body: anAppointment() },
      [`PUT /api/v1/appointments/${APPOINTMENT_ID}/time`]: (_url, body) =>
        options.move?.(body) ?? { body: anAppointment(body as object) },
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(
    <Routes>
      <Route
        path="/staff/calendar"
        element={
          <RequireSession kind="staff">
            <CalendarPage />
            <Where />
          </RequireSession>
        }
      />
    </Routes>,
    options.path ?? "/staff/calendar",
  );
  return fetchMock;
}

const calendarRequests = (fetchMock: ReturnType<typeof vi.fn>) =>
  fetchMock.mock.calls
    .map(([url]) => new URL(String(url), "http://localhost"))
    .filter((url) => url.pathname === "/api/v1/calendar")
    .map((url) => Object.fromEntries(url.searchParams));

/** Dates and times are formatted with thin and narrow spaces: match any space where the test has one. */
const spaced = (text: string) =>
  new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s")}$`, "u");
const plain = (node: Element) => (node.textContent ?? "").replace(/\s/g, " ");

const day = (name: string) => within(screen.getByRole("region", { name }));
const slotOf = (button: HTMLElement) => button.closest("li") as HTMLElement;

describe("the calendar's week", () => {
  it("asks for my own week at my site, including cancelled sessions", async () => {
    const fetchMock = renderCalendar();
    await screen.findByRole("region", { name: "Monday, November 23" });
    expect(calendarRequests(fetchMock)).toEqual([
      {
        view: "staff",
        from: "2026-11-23",
        to: "2026-11-29",
        siteId: SITE_ID,
        staffId: ME,
        includeCancelled: "true",
      },
    ]);
  });

  it("has seven columns, each session placed by its local time and labelled by kind; a cancelled one says so", async () => {
    renderCalendar();
    await screen.findByRole("region", { name: "Monday, November 23" });
    const names = screen.getAllByRole("region").map((r) => r.getAttribute("aria-label"));
    expect(names).toEqual([
      "Monday, November 23",
      "Tuesday, November 24",
      "Wednesday, November 25",
      "Thursday, November 26",
      "Friday, November 27",
      "Saturday, November 28",
      "Sunday, November 29",
    ]);

    // The grid runs 9:00 to 22:00 (an hour either side of the week's sessions), one pixel a minute.
    const individual = day("Tuesday, November 24").getByRole("button", {
      name: spaced("Individual Riley Stone 10:00 – 11:00 AM"),
    });
    expect([slotOf(individual).style.top, slotOf(individual).style.height]).toEqual(["60px", "60px"]);
    expect(individual.dataset.kind).toBe("individual");

    const group = day("Monday, November 23").getByRole("button", {
      name: spaced("Group Adult evening 6:00 – 9:00 PM"),
    });
    expect([slotOf(group).style.top, slotOf(group).style.height]).toEqual(["540px", "180px"]);
    expect(group.dataset.kind).toBe("group");

    const family = day("Wednesday, November 25").getByRole("button", {
      name: spaced("Cancelled · Family Sam Ortega 2:00 – 3:00 PM"),
    });
    expect(family.hasAttribute("data-cancelled")).toBe(true);
    expect(slotOf(family).style.top).toBe("300px");
  });

  it("keeps the view in the address: a room's day, and the next day one click away", async () => {
    const fetchMock = renderCalendar({
      path: `/staff/calendar?view=room&site=${SITE_ID}&room=${ROOM_ID}&mode=day&date=2026-11-24`,
    });
    await screen.findByRole("region", { name: "Tuesday, November 24" });
    expect(screen.getAllByRole("region")).toHaveLength(1);
    expect(calendarRequests(fetchMock)[0]).toMatchObject({
      view: "room",
      roomId: ROOM_ID,
      from: "2026-11-24",
      to: "2026-11-24",
    });
    fireEvent.click(screen.getByRole("button", { name: "Next day" }));
    await waitFor(() => expect(calendarRequests(fetchMock).at(-1)).toMatchObject({ from: "2026-11-25" }));
    expect(screen.getByTestId("where").textContent).toBe(
      `?view=room&mode=day&date=2026-11-25&site=${SITE_ID}&room=${ROOM_ID}`,
    );
  });

  it("says so when a week has no sessions", async () => {
    renderCalendar({ entries: () => [] });
    expect(await screen.findByText("No sessions this week.")).toBeTruthy();
  });

  it("opens a session's details on a click", async () => {
    renderCalendar();
    fireEvent.click(await screen.findByRole("button", { name: /^Individual Riley Stone/ }));
    const drawer = await screen.findByRole("dialog");
    expect(within(drawer).getByRole("heading", { name: "Riley Stone" })).toBeTruthy();
    expect(within(drawer).getByText("Room 2")).toBeTruthy();
    expect(within(drawer).getByRole("button", { name: "Move" })).toBeTruthy();
    expect(within(drawer).getByRole("button", { name: "Cancel session" })).toBeTruthy();
  });
});

describe("dragging an appointment", () => {
  const drag = (block: HTMLElement, dy: number) => {
    fireEvent.pointerDown(block, { clientX: 40, clientY: 100, button: 0, pointerId: 7 });
    fireEvent.pointerMove(block, { clientX: 40, clientY: 100 + dy / 2, pointerId: 7 });
    fireEvent.pointerMove(block, { clientX: 40, clientY: 100 + dy, pointerId: 7 });
    fireEvent.pointerUp(block, { clientX: 40, clientY: 100 + dy, pointerId: 7 });
    fireEvent.click(block);
  };

  it("saves the new time on quarter hours and shows it there at once", async () => {
    let moved = false;
    const fetchMock = renderCalendar({
      entries: () => (moved ? [anEntry({ start: "10:30", end: "11:30" })] : [anEntry()]),
      move: (body) => {
        moved = true;
        return { body: anAppointment(body as object) };
      },
    });
    const block = await screen.findByRole("button", { name: /^Individual Riley Stone/ });
    drag(block, 37);
    // Drawn at the new time while the server answers; the drop did not open the details.
    expect(slotOf(screen.getByRole("button", { name: /^Individual Riley Stone/ })).style.top).toBe("90px");
    expect(screen.queryByRole("dialog")).toBeNull();
    const puts = () => apiCalls(fetchMock).filter((c) => c.route.startsWith("PUT"));
    await waitFor(() => expect(puts()).toHaveLength(1));
    expect(puts()).toEqual([
      {
        route: `PUT /api/v1/appointments/${APPOINTMENT_ID}/time`,
        body: { date: "2026-11-24", start: "10:30", end: "11:30", allowUnavailability: false },
      },
    ]);
    expect(await screen.findByText(spaced("Session moved to Tue, Nov 24, 10:30 – 11:30 AM."))).toBeTruthy();
    await waitFor(() =>
      expect(slotOf(screen.getByRole("button", { name: /^Individual Riley Stone/ })).style.top).toBe("90px"),
    );
  });

  it("puts it back where it was when the new time clashes, and says with what", async () => {
    const fetchMock = renderCalendar();
    const block = await screen.findByRole("button", { name: /^Individual Riley Stone/ });
    // The server's answer to the move waits until the test has looked at the preview.
    let answer: ((reply: Response) => void) | null = null;
    vi.stubGlobal(
      "fetch",
      vi.fn((input: string, init?: RequestInit) =>
        init?.method === "PUT"
          ? new Promise<Response>((resolve) => {
              answer = resolve;
            })
          : fetchMock(input, init),
      ),
    );
    drag(block, -61);
    expect(
      screen.getByRole("button", { name: spaced("Individual Riley Stone 9:00 – 10:00 AM") }),
    ).toBeTruthy();
    const clash = conflictBody([
      {
        field: "staffId",
        source: "staff",
        start: "09:00",
        message: "Dana Director has an individual session 08:30–09:30 on Tue 24 Nov",
      },
    ]);
    await waitFor(() => expect(answer).not.toBeNull());
    const reply = answer as unknown as (response: Response) => void;
    await act(async () => {
      reply(
        new Response(JSON.stringify(clash), { status: 409, headers: { "content-type": "application/json" } }),
      );
    });
    const alert = (await screen.findByText(/could not be moved/)).closest("[role=alert]") as HTMLElement;
    expect(plain(alert)).toContain("Riley Stone could not be moved to Tue, Nov 24, 9:00 – 10:00 AM");
    expect(plain(alert)).toContain("Dana Director has an individual session 08:30–09:30 on Tue 24 Nov");
    expect(within(alert).queryByRole("button", { name: "Move anyway" })).toBeNull();
    const back = screen.getByRole("button", { name: spaced("Individual Riley Stone 10:00 – 11:00 AM") });
    expect(slotOf(back).style.top).toBe("60px");
  });

  it("leaves groups and cancelled sessions where they are, and lets nobody drag without schedule.manage", async () => {
    const fetchMock = renderCalendar({ permissions: ["schedule.view"] });
    const block = await screen.findByRole("button", { name: /^Individual Riley Stone/ });
    expect(block.hasAttribute("data-movable")).toBe(false);
    fireEvent.pointerDown(block, { clientX: 40, clientY: 100, button: 0, pointerId: 3 });
    fireEvent.pointerMove(block, { clientX: 40, clientY: 160, pointerId: 3 });
    fireEvent.pointerUp(block, { clientX: 40, clientY: 160, pointerId: 3 });
    expect(apiCalls(fetchMock).filter((c) => c.route.startsWith("PUT"))).toEqual([]);
    expect(screen.getByRole("button", { name: /^Group Adult evening/ }).hasAttribute("data-movable")).toBe(
      false,
    );
  });
});
