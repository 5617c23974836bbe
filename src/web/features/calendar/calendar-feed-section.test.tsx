// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { RequireSession } from "../../app/require-session";
import { apiCalls, renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith, sessionWith } from "../admin/admin-testing";
import { CalendarFeedSection } from "./calendar-feed-section";
import { ME, setUpCalendarDom } from "./calendar-testing";

beforeAll(setUpCalendarDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, "clipboard");
});

const FEED = {
  id: "4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a",
  owner: "staff",
  createdAt: "2026-11-02T14:00:00.000Z",
  createdBy: { id: ME, name: "Dana Director" },
  lastUsedAt: "2026-11-20T09:30:00.000Z",
};
const NEW_FEED = { ...FEED, id: "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b", lastUsedAt: null };
const URL_ = "https://bridgeway.example/api/v1/calendar-feeds/s3cr3t-t0ken.ics";
const WEBCAL = "webcal://bridgeway.example/api/v1/calendar-feeds/s3cr3t-t0ken.ics";

function renderFeed(feed: unknown, permissions = ["schedule.view"]) {
  let current = feed;
  const fetchMock = vi.fn(
    fakeApiWith({
      "GET /api/v1/sessions/current": sessionWith(permissions),
      "GET /api/v1/me/calendar-feed": () => ({ body: { feed: current } }),
      "POST /api/v1/me/calendar-feed": () => {
        current = NEW_FEED;
        return { status: 201, body: { feed: NEW_FEED, url: URL_, webcalUrl: WEBCAL } };
      },
      "DELETE /api/v1/me/calendar-feed": () => {
        current = null;
        return { status: 204 };
      },
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(
    <Routes>
      <Route
        path="/staff/account"
        element={
          <RequireSession kind="staff">
            <CalendarFeedSection />
            <p>Account page</p>
          </RequireSession>
        }
      />
    </Routes>,
    "/staff/account",
  );
  return fetchMock;
}

const section = async () =>
  within(await screen.findByRole("region", { name: "Subscribe in your calendar app" }));
const changes = (fetchMock: ReturnType<typeof vi.fn>) =>
  apiCalls(fetchMock)
    .map((c) => c.route)
    .filter((route) => !route.startsWith("GET"));

describe("the calendar feed on the account page", () => {
  it("creates the address and shows it this once, with copy buttons and the link for calendar apps", async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const fetchMock = renderFeed(null);
    const feed = await section();
    expect(await feed.findByText("You have no calendar address yet.")).toBeTruthy();
    fireEvent.click(feed.getByRole("button", { name: "Create my calendar address" }));

    expect(await feed.findByText("Your calendar address")).toBeTruthy();
    expect((feed.getByLabelText("Address (https)") as HTMLInputElement).value).toBe(URL_);
    expect((feed.getByLabelText("Address for calendar apps (webcal)") as HTMLInputElement).value).toBe(
      WEBCAL,
    );
    expect(feed.getByRole("link", { name: "Open in my calendar app" }).getAttribute("href")).toBe(WEBCAL);
    fireEvent.click(feed.getByRole("button", { name: "Copy the https address" }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(URL_));
    expect(feed.getByText("No calendar app has read it yet.")).toBeTruthy();
    expect(changes(fetchMock)).toEqual(["POST /api/v1/me/calendar-feed"]);
  });

  it("says when a calendar app last read it, and stops it only after a confirmation", async () => {
    const fetchMock = renderFeed(FEED);
    const feed = await section();
    expect((await feed.findByText(/^Last read by a calendar app/)).textContent?.replace(/\s/g, " ")).toBe(
      "Last read by a calendar app Nov 20, 2026, 9:30 AM.",
    );
    expect(feed.queryByLabelText("Address (https)")).toBeNull();

    fireEvent.click(feed.getByRole("button", { name: "Stop the feed" }));
    let dialog = await screen.findByRole("dialog", { name: "Stop your calendar feed?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Keep it" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(changes(fetchMock)).toEqual([]);

    fireEvent.click(feed.getByRole("button", { name: "Stop the feed" }));
    dialog = await screen.findByRole("dialog", { name: "Stop your calendar feed?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Stop the feed" }));
    expect(await feed.findByText("You have no calendar address yet.")).toBeTruthy();
    expect(changes(fetchMock)).toEqual(["DELETE /api/v1/me/calendar-feed"]);
  });

  it("replaces the address after a confirmation that the old one stops working", async () => {
    const fetchMock = renderFeed(FEED);
    const feed = await section();
    fireEvent.click(await feed.findByRole("button", { name: "Replace the address" }));
    const dialog = await screen.findByRole("dialog", { name: "Replace your calendar address?" });
    expect(dialog.textContent).toContain("the old one stops working at once");
    fireEvent.click(within(dialog).getByRole("button", { name: "Replace the address" }));
    expect(await feed.findByText("Your calendar address")).toBeTruthy();
    expect((feed.getByLabelText("Address (https)") as HTMLInputElement).value).toBe(URL_);
    expect(changes(fetchMock)).toEqual(["POST /api/v1/me/calendar-feed"]);
  });

  it("is not offered to staff who do not see the schedule", async () => {
    const fetchMock = renderFeed(null, ["users.manage"]);
    await screen.findByText("Account page");
    expect(screen.queryByRole("region", { name: "Subscribe in your calendar app" })).toBeNull();
    expect(apiCalls(fetchMock).map((c) => c.route)).not.toContain("GET /api/v1/me/calendar-feed");
  });
});
