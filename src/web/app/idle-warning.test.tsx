// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from "@testing-library/react";
import { Route, Routes, useLocation } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { aSession } from "../test-support/builders";
import { apiCalls, fakeApi, renderWithProviders, setUpDom } from "../test-support/render-with-providers";
import { noteApiRequest } from "./api-client";
import { formatCountdown, IdleWarning, idleDeadlines } from "./idle-warning";

beforeAll(setUpDom);
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const MINUTE = 60_000;

function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname + location.search}</p>;
}

/** A staff page with the idle watch, 15 minutes of idle allowed, the last API request made just now. */
function renderStaffPage(startsAt: string) {
  vi.useFakeTimers({
    now: new Date(startsAt),
    toFake: [
      "setTimeout",
      "clearTimeout",
      "setInterval",
      "clearInterval",
      "requestAnimationFrame",
      "cancelAnimationFrame",
      "Date",
    ],
  });
  noteApiRequest(Date.now());
  const fetchMock = vi.fn(
    fakeApi({
      "POST /api/v1/sessions/current/refresh": { body: aSession() },
      "DELETE /api/v1/sessions/current": { status: 204 },
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  const { queryClient } = renderWithProviders(
    <Routes>
      <Route
        path="/staff"
        element={
          <>
            <h1>Caseload</h1>
            <IdleWarning idleTimeoutMinutes={15} />
          </>
        }
      />
      <Route path="*" element={<Where />} />
    </Routes>,
    "/staff",
  );
  queryClient.setQueryData(["me", "sessions"], { sessions: [] });
  return { fetchMock, queryClient };
}

/** Let `ms` pass, a second at a time, so React renders and re-arms its timers as it would in a browser. */
async function wait(ms: number) {
  for (let left = ms; left > 0; left -= 1000)
    await act(() => vi.advanceTimersByTimeAsync(Math.min(1000, left)));
}

describe("idleDeadlines", () => {
  it("signs out a minute before the server would, and warns two minutes before that", () => {
    expect(idleDeadlines(0, 15)).toEqual({ warnAt: 12 * MINUTE, signOutAt: 14 * MINUTE });
    expect(formatCountdown(119_001)).toBe("2:00");
    expect(formatCountdown(65_000)).toBe("1:05");
    expect(formatCountdown(-5)).toBe("0:00");
  });
});

describe("IdleWarning", () => {
  it("warns with a countdown two minutes before the deadline, then signs out with the reason", async () => {
    const { queryClient } = renderStaffPage("2026-03-02T09:00:00Z");
    await wait(12 * MINUTE - 1000);
    expect(screen.queryByRole("dialog")).toBeNull();
    await wait(2000);
    expect(screen.getByRole("dialog").textContent).toContain(
      "You will be signed out in 1:59 for your privacy.",
    );
    await wait(64_000);
    expect(screen.getByRole("dialog").textContent).toContain("You will be signed out in 0:55");
    await wait(55_000);
    expect(screen.getByTestId("where").textContent).toBe("/sign-in?reason=idle&minutes=15");
    expect(queryClient.getQueryData(["me", "sessions"])).toBeUndefined();
  });

  it("postpones the warning when the app calls the API in the meantime", async () => {
    renderStaffPage("2026-03-02T10:00:00Z");
    await wait(10 * MINUTE);
    act(() => noteApiRequest(Date.now()));
    await wait(5 * MINUTE);
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(screen.getByRole("heading", { name: "Caseload" })).toBeTruthy();
    await wait(7 * MINUTE + 1000);
    expect(screen.getByRole("dialog")).toBeTruthy();
  });

  it("keeps the session alive with “Stay signed in”", async () => {
    const { fetchMock } = renderStaffPage("2026-03-02T11:00:00Z");
    await wait(12 * MINUTE + 30_000);
    fireEvent.click(screen.getByRole("button", { name: "Stay signed in" }));
    await wait(2000);
    expect(apiCalls(fetchMock).map((c) => c.route)).toEqual(["POST /api/v1/sessions/current/refresh"]);
    expect(screen.queryByRole("dialog")).toBeNull();
    await wait(11 * MINUTE);
    expect(screen.getByRole("heading", { name: "Caseload" })).toBeTruthy();
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("signs out at once with “Sign out”", async () => {
    const { fetchMock } = renderStaffPage("2026-03-02T12:00:00Z");
    await wait(13 * MINUTE);
    fireEvent.click(screen.getByRole("button", { name: "Sign out" }));
    await wait(100);
    expect(apiCalls(fetchMock).map((c) => c.route)).toEqual(["DELETE /api/v1/sessions/current"]);
    expect(screen.getByTestId("where").textContent).toBe("/sign-in");
  });
});
