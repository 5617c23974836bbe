// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { ParticipantRecord } from "../../../core/participants/participants.schema";
import { adminEn } from "../../i18n/admin.en";
import { renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith, sessionWith, setUpAdminDom } from "../admin/admin-testing";
import { ParticipantRecordPage } from "./participant-record-page";

beforeAll(setUpAdminDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ID = "3f0c2b1a-9d8e-4f7a-8b6c-5d4e3f2a1b0c";
const UNTIL = "2026-03-03T15:05:00.000Z";

const record = (change: Partial<ParticipantRecord> = {}): ParticipantRecord => ({
  id: ID,
  givenName: "Riley",
  familyName: "Stone",
  bornOn: "1990-06-15",
  preferredLanguage: "es",
  preferredName: "",
  pronouns: "",
  site: { id: "5d7f6c2a-1b3e-4c8d-9e0f-1a2b3c4d5e6f", name: "Eastside" },
  current: null,
  sobrietyOn: null,
  levelHistory: [],
  diagnoses: null,
  openAlerts: 0,
  episodes: [],
  careTeam: [],
  recentCheckIns: null,
  access: { purpose: "treatment", breakGlassUntil: null },
  ...change,
});

const BREAK_GLASS_AVAILABLE = {
  status: 403,
  body: { error: { code: "ACCESS_BREAK_GLASS_AVAILABLE", message: "Not on the care team." } },
};

function renderRecord(routes: Parameters<typeof fakeApiWith>[0]) {
  const fetchMock = vi.fn(
    fakeApiWith({ "GET /api/v1/sessions/current": sessionWith(["participants.view"]), ...routes }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(
    <Routes>
      <Route path="/staff/participants/:id" element={<ParticipantRecordPage />} />
    </Routes>,
    `/staff/participants/${ID}`,
  );
  return fetchMock;
}

const breakGlassPosts = (fetchMock: ReturnType<typeof renderRecord>) =>
  fetchMock.mock.calls.filter(
    ([url, init]) => init?.method === "POST" && String(url).endsWith("/break-glass"),
  );

describe("ParticipantRecordPage", () => {
  it("opens a record outside the care team with a stated reason, then warns while access lasts", async () => {
    let granted = false;
    const fetchMock = renderRecord({
      [`GET /api/v1/participants/${ID}`]: () =>
        granted
          ? { body: record({ access: { purpose: "break_the_glass", breakGlassUntil: UNTIL } }) }
          : BREAK_GLASS_AVAILABLE,
      [`POST /api/v1/participants/${ID}/break-glass`]: () => {
        granted = true;
        return { body: { expiresAt: UNTIL } };
      },
    });

    expect(await screen.findByRole("heading", { name: adminEn.breakGlass.title })).toBeTruthy();
    expect(screen.getByText(adminEn.breakGlass.audited)).toBeTruthy();
    expect(screen.getByText("Access lasts 60 minutes, then ends on its own.")).toBeTruthy();
    expect(screen.getByText(adminEn.breakGlass.reported)).toBeTruthy();

    const reason = screen.getByLabelText(/Why do you need this record now/);
    fireEvent.change(reason, { target: { value: "Crisis call" } });
    fireEvent.click(screen.getByRole("button", { name: adminEn.breakGlass.submit }));
    expect(await screen.findByText(adminEn.errors.reasonTooShort)).toBeTruthy();
    expect(breakGlassPosts(fetchMock)).toEqual([]);

    fireEvent.change(reason, { target: { value: "  Crisis call tonight, primary counselor unreachable  " } });
    fireEvent.click(screen.getByRole("button", { name: adminEn.breakGlass.submit }));

    expect(await screen.findByRole("heading", { name: "Riley Stone" })).toBeTruthy();
    const [post] = breakGlassPosts(fetchMock);
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({
      reason: "Crisis call tonight, primary counselor unreachable",
    });
    const banner = await screen.findByText(
      /Break-the-glass access: you opened this record outside your care team/,
    );
    expect(banner.textContent).toContain("Mar 3, 2026");
  });

  it("says clinical content is not available when the role may not read it", async () => {
    renderRecord({ [`GET /api/v1/participants/${ID}`]: { body: record() } });
    expect(await screen.findByText(adminEn.record.checkIns.notPermitted)).toBeTruthy();
    expect(screen.getByText(/Age 35|Age 36/)).toBeTruthy();
    expect(screen.queryByText(/Break-the-glass access/)).toBeNull();
  });

  it("shows a not-found state for an unknown participant", async () => {
    renderRecord({
      [`GET /api/v1/participants/${ID}`]: {
        status: 404,
        body: { error: { code: "NOT_FOUND", message: "Not found." } },
      },
    });
    expect(await screen.findByRole("heading", { name: adminEn.record.notFoundTitle })).toBeTruthy();
  });

  it("offers the portal invitation only to those who manage users", async () => {
    renderRecord({
      "GET /api/v1/sessions/current": sessionWith(["participants.view", "users.manage"]),
      [`GET /api/v1/participants/${ID}`]: { body: record() },
    });
    expect(await screen.findByRole("button", { name: adminEn.record.invite.open })).toBeTruthy();
    // Permissions have loaded (the invitation shows), and care_team.manage is not among them.
    expect(screen.queryByRole("button", { name: adminEn.record.careTeam.edit })).toBeNull();
  });
});
