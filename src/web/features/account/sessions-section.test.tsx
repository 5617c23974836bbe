// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { Route, Routes, useLocation } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { en } from "../../i18n/en";
import { apiCalls, fakeApi, renderWithProviders, setUpDom } from "../../test-support/render-with-providers";
import { SessionsSection } from "./sessions-section";

beforeAll(setUpDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const HERE = {
  id: "0b9a6c1e-8d8f-4a55-9d61-3c2b1a0f9e01",
  createdAt: "2026-03-02T08:00:00.000Z",
  lastSeenAt: "2026-03-02T09:30:00.000Z",
  userAgent:
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Version/17.5 Safari/605.1.15",
  ipAddress: "203.0.113.7",
  current: true,
};
const PHONE = {
  id: "5c4e2f10-6a7b-4c8d-9e0f-1a2b3c4d5e6f",
  createdAt: "2026-02-27T18:00:00.000Z",
  lastSeenAt: "2026-03-01T21:15:00.000Z",
  userAgent:
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/126.0.0.0 Mobile Safari/537.36",
  ipAddress: "198.51.100.23",
  current: false,
};

function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname}</p>;
}

function renderSessions() {
  const api: Parameters<typeof fakeApi>[0] = {
    "GET /api/v1/me/sessions": { body: { sessions: [PHONE, HERE] } },
    [`DELETE /api/v1/me/sessions/${PHONE.id}`]: { status: 204 },
    [`DELETE /api/v1/me/sessions/${HERE.id}`]: { status: 204 },
  };
  const fetchMock = vi.fn(fakeApi(api));
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(
    <Routes>
      <Route path="/staff/account" element={<SessionsSection />} />
      <Route path="*" element={<Where />} />
    </Routes>,
    "/staff/account",
  );
  return { fetchMock, api };
}

const deletes = (fetchMock: Parameters<typeof apiCalls>[0]) =>
  apiCalls(fetchMock).filter((c) => c.route.startsWith("DELETE"));

describe("SessionsSection", () => {
  it("lists each session by device, this one first and marked, with IP and last activity", async () => {
    renderSessions();
    const items = await screen.findAllByRole("listitem");
    expect(items[0]?.textContent).toContain("Safari on macOS");
    expect(items[0]?.textContent).toContain(en.account.thisDevice);
    expect(items[0]?.textContent).toContain("IP address 203.0.113.7");
    expect(items[1]?.textContent).toContain("Chrome on Android");
    expect(items[1]?.textContent).not.toContain(en.account.thisDevice);
    expect(items[1]?.textContent).toContain("Last active");
  });

  it("signs another session out only after confirmation", async () => {
    const { fetchMock, api } = renderSessions();
    fireEvent.click(await screen.findByRole("button", { name: "Sign out Chrome on Android" }));
    const dialog = await screen.findByRole("dialog", { name: en.account.revokeTitle });
    expect(dialog.textContent).toContain("Chrome on Android will be signed out.");
    expect(deletes(fetchMock)).toEqual([]);

    fireEvent.click(within(dialog).getByRole("button", { name: en.account.cancel }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(deletes(fetchMock)).toEqual([]);

    fireEvent.click(screen.getByRole("button", { name: "Sign out Chrome on Android" }));
    api["GET /api/v1/me/sessions"] = { body: { sessions: [HERE] } };
    const again = await screen.findByRole("dialog", { name: en.account.revokeTitle });
    fireEvent.click(within(again).getByRole("button", { name: en.account.revokeConfirm }));
    await waitFor(() => expect(screen.queryByText("Chrome on Android")).toBeNull());
    expect(deletes(fetchMock).map((c) => c.route)).toEqual([`DELETE /api/v1/me/sessions/${PHONE.id}`]);
    expect(screen.getByText("Safari on macOS")).toBeTruthy();
  });

  it("warns that signing out this device ends the session here, then goes to sign-in", async () => {
    const { fetchMock } = renderSessions();
    fireEvent.click(await screen.findByRole("button", { name: "Sign out Safari on macOS" }));
    const dialog = await screen.findByRole("dialog", { name: en.account.revokeTitle });
    expect(dialog.textContent).toContain(en.account.revokeCurrentBody);
    fireEvent.click(within(dialog).getByRole("button", { name: en.account.revokeConfirm }));
    expect((await screen.findByTestId("where")).textContent).toBe("/sign-in");
    expect(deletes(fetchMock).map((c) => c.route)).toEqual([`DELETE /api/v1/me/sessions/${HERE.id}`]);
  });
});
