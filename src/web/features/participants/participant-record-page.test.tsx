// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import i18n from "i18next";
import { Route, Routes, useLocation, useNavigate } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { ParticipantRecord } from "../../../core/participants/participants.schema";
import { adminEn } from "../../i18n/admin.en";
import { assessmentsEn } from "../../i18n/assessments.en";
import { chartNotesEn } from "../../i18n/chart-notes.en";
import { checkInsStaffEn } from "../../i18n/check-ins-staff.en";
import { participantScheduleEn } from "../../i18n/participant-schedule.en";
import { sharingEn } from "../../i18n/sharing.en";
import { treatmentPlansEn } from "../../i18n/treatment-plans.en";
import { apiCalls, renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith, sessionWith, setUpAdminDom } from "../admin/admin-testing";
import { ParticipantRecordPage } from "./participant-record-page";

beforeAll(async () => {
  await setUpAdminDom();
  i18n.addResourceBundle("en", "participantSchedule", participantScheduleEn, true, true);
  i18n.addResourceBundle("en", "treatmentPlans", treatmentPlansEn, true, true);
  i18n.addResourceBundle("en", "chartNotes", chartNotesEn, true, true);
  i18n.addResourceBundle("en", "checkInsStaff", checkInsStaffEn, true, true);
  i18n.addResourceBundle("en", "sharing", sharingEn, true, true);
});

// The mood and craving drawing is hidden from assistive technology; the list carries the answers.
vi.mock("../check-ins/chart/check-ins-chart", () => ({ default: () => null }));
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
  contact: {
    phone: "(555) 010-7788",
    email: "",
    address: "",
    emergencyContactName: "Sam Stone",
    emergencyContactPhone: "(555) 010-7789",
    insurancePayer: "",
    insuranceMemberId: "",
  },
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

/** Where the memory router is, and a way back, as a browser would offer. */
function Browser() {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <>
      <output aria-label="Address">{location.search}</output>
      <button type="button" onClick={() => void navigate(-1)}>
        Browser back
      </button>
    </>
  );
}

function renderRecord(routes: Parameters<typeof fakeApiWith>[0], search = "") {
  const fetchMock = vi.fn(
    fakeApiWith({
      "GET /api/v1/sessions/current": sessionWith(["participants.view"]),
      "GET /api/v1/admissions/settings": {
        body: { offeredLevels: ["2.1", "1", "1.5"], inquiryResponseHours: 24 },
      },
      ...routes,
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(
    <>
      <Routes>
        <Route path="/staff/participants/:id" element={<ParticipantRecordPage />} />
      </Routes>
      <Browser />
    </>,
    `/staff/participants/${ID}${search}`,
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
    renderRecord({ [`GET /api/v1/participants/${ID}`]: { body: record() } }, "?tab=checkins");
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

  const inProgram = (change: Partial<ParticipantRecord> = {}) =>
    record({
      preferredName: "Ri",
      pronouns: "they/them",
      current: {
        episodeId: "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
        levelOfCare: "2.1",
        admittedOn: "2026-02-02",
        daysInProgram: 29,
        primaryCounselor: "Sam Lee",
      },
      sobrietyOn: "2026-01-20",
      levelHistory: [
        { from: "2.5", to: "2.1", on: "2026-02-16", reason: "Stable after two weeks", by: "Sam Lee" },
      ],
      diagnoses: [
        { code: "F10.20", title: "Alcohol use disorder, moderate", primary: true },
        { code: "F41.1", title: "Generalized anxiety disorder", primary: false },
      ],
      openAlerts: 2,
      ...change,
    });

  it("shows the preferred and legal name, pronouns, level, days in program, counselor, sobriety date, alerts and diagnoses", async () => {
    renderRecord({ [`GET /api/v1/participants/${ID}`]: { body: inProgram() } });
    expect(await screen.findByRole("heading", { level: 1, name: "Ri Stone" })).toBeTruthy();
    expect(screen.getByText("Legal name: Riley Stone")).toBeTruthy();
    expect(screen.getByText("Pronouns: they/them")).toBeTruthy();
    expect(screen.getByText("(they/them)")).toBeTruthy();
    const facts = within(screen.getByRole("region", { name: adminEn.record.facts.label }));
    const fact = (label: string) => facts.getByText(label).nextElementSibling?.textContent;
    expect(fact(adminEn.record.facts.levelOfCare)).toBe("2.1 · Intensive Outpatient");
    expect(fact(adminEn.record.facts.daysInProgram)).toBe("29 days (since Feb 2, 2026)");
    expect(fact(adminEn.record.facts.primaryCounselor)).toBe("Sam Lee");
    expect(fact(adminEn.record.facts.sobrietyOn)).toBe("Jan 20, 2026");
    expect(fact(adminEn.record.facts.openAlerts)).toBe("2");
    const diagnoses = within(screen.getByRole("region", { name: adminEn.record.diagnoses.title }));
    const primary = diagnoses.getByText("Alcohol use disorder, moderate", { exact: false }).closest("li");
    expect(primary?.textContent).toContain(adminEn.record.diagnoses.primary);
    const other = diagnoses.getByText("Generalized anxiety disorder", { exact: false }).closest("li");
    expect(other?.textContent).not.toContain(adminEn.record.diagnoses.primary);
    const history = within(screen.getByRole("region", { name: adminEn.record.level.title }));
    const row = history
      .getByText("2.5 · High-Intensity Outpatient → 2.1 · Intensive Outpatient")
      .closest("tr");
    expect(row?.textContent).toContain("Feb 16, 2026");
    expect(row?.textContent).toContain("Stable after two weeks");
    expect(row?.textContent).toContain("Sam Lee");
  });

  it("says diagnoses are not available to the role when the server leaves them out", async () => {
    renderRecord({ [`GET /api/v1/participants/${ID}`]: { body: inProgram({ diagnoses: null }) } });
    expect(await screen.findByText(adminEn.record.diagnoses.notPermitted)).toBeTruthy();
    expect(screen.queryByText("F10.20")).toBeNull();
  });

  it("offers no level change or sobriety edit without clinical.write", async () => {
    renderRecord({
      "GET /api/v1/sessions/current": sessionWith(["participants.view", "users.manage"]),
      [`GET /api/v1/participants/${ID}`]: { body: inProgram() },
    });
    expect(await screen.findByRole("button", { name: adminEn.record.invite.open })).toBeTruthy();
    expect(screen.queryByRole("button", { name: adminEn.record.level.change })).toBeNull();
    expect(screen.queryByRole("button", { name: adminEn.record.sobriety.editLabel })).toBeNull();
  });

  it("changes the level of care with the right body and shows the server's field error on its field", async () => {
    let saved = false;
    const fetchMock = renderRecord({
      "GET /api/v1/sessions/current": sessionWith(["participants.view", "clinical.write"]),
      [`GET /api/v1/participants/${ID}`]: { body: inProgram() },
      [`POST /api/v1/participants/${ID}/level-of-care`]: (_url, body) => {
        const { changedOn } = body as { changedOn: string };
        if (changedOn < "2026-02-16")
          return {
            status: 400,
            body: {
              error: {
                code: "VALIDATION_FAILED",
                message: "Check the fields.",
                fields: [{ path: "changedOn", message: "The change cannot be dated before 2026-02-16." }],
              },
            },
          };
        saved = true;
        return { body: inProgram({ current: { ...inProgram().current!, levelOfCare: "1.5" } }) };
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: adminEn.record.level.change }));
    const dialog = within(await screen.findByRole("dialog"));
    const level = dialog.getByLabelText(/^New level of care/) as HTMLSelectElement;
    // The levels the program's settings offer, other than the current one.
    await waitFor(() => expect([...level.options].map((o) => o.value)).toEqual(["", "1", "1.5"]));

    fireEvent.click(dialog.getByRole("button", { name: adminEn.record.level.submit }));
    expect(await dialog.findByText(adminEn.errors.levelRequired)).toBeTruthy();
    expect(dialog.getByText(adminEn.errors.levelReasonTooShort)).toBeTruthy();

    fireEvent.change(level, { target: { value: "1.5" } });
    fireEvent.change(dialog.getByLabelText(/^Date of the change/), { target: { value: "2026-02-10" } });
    fireEvent.change(dialog.getByLabelText(/^Reason/), { target: { value: "  Ready to step down  " } });
    fireEvent.click(dialog.getByRole("button", { name: adminEn.record.level.submit }));

    const dateField = dialog.getByLabelText(/^Date of the change/);
    await waitFor(() => expect(dateField.getAttribute("aria-invalid")).toBe("true"));
    expect(dialog.getByText("The change cannot be dated before 2026-02-16.")).toBeTruthy();
    const posts = apiCalls(fetchMock).filter((c) => c.route.startsWith("POST"));
    expect(posts).toEqual([
      {
        route: `POST /api/v1/participants/${ID}/level-of-care`,
        body: { toLevel: "1.5", changedOn: "2026-02-10", reason: "Ready to step down" },
      },
    ]);

    fireEvent.change(dateField, { target: { value: "2026-02-20" } });
    fireEvent.click(dialog.getByRole("button", { name: adminEn.record.level.submit }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(saved).toBe(true);
    expect(await screen.findByText("Current level: 1.5 · Outpatient Therapy")).toBeTruthy();
  });

  it("offers only the levels the program's admissions settings offer", async () => {
    renderRecord({
      "GET /api/v1/sessions/current": sessionWith(["participants.view", "clinical.write"]),
      [`GET /api/v1/participants/${ID}`]: { body: inProgram() },
      "GET /api/v1/admissions/settings": {
        body: { offeredLevels: ["2.1", "2.5"], inquiryResponseHours: 24 },
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: adminEn.record.level.change }));
    const dialog = within(await screen.findByRole("dialog"));
    const level = dialog.getByLabelText(/^New level of care/) as HTMLSelectElement;
    await waitFor(() => expect([...level.options].map((o) => o.value)).toEqual(["", "2.5"]));
  });

  it("says plainly when the server refuses a level change", async () => {
    renderRecord({
      "GET /api/v1/sessions/current": sessionWith(["participants.view", "clinical.write"]),
      [`GET /api/v1/participants/${ID}`]: { body: inProgram() },
      [`POST /api/v1/participants/${ID}/level-of-care`]: {
        status: 403,
        body: { error: { code: "ACCESS_DENIED", message: "Not allowed." } },
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: adminEn.record.level.change }));
    const dialog = within(await screen.findByRole("dialog"));
    await dialog.findByRole("option", { name: /^1 · / });
    fireEvent.change(dialog.getByLabelText(/^New level of care/), { target: { value: "1" } });
    fireEvent.change(dialog.getByLabelText(/^Reason/), { target: { value: "Step down to outpatient" } });
    fireEvent.click(dialog.getByRole("button", { name: adminEn.record.level.submit }));
    expect((await dialog.findByRole("alert")).textContent).toBe(adminEn.errors.forbidden);
  });

  it("clears the sobriety date by sending null", async () => {
    let cleared = false;
    const fetchMock = renderRecord({
      "GET /api/v1/sessions/current": sessionWith(["participants.view", "clinical.write"]),
      [`GET /api/v1/participants/${ID}`]: () => ({ body: inProgram(cleared ? { sobrietyOn: null } : {}) }),
      [`PUT /api/v1/participants/${ID}/sobriety-date`]: () => {
        cleared = true;
        return { body: inProgram({ sobrietyOn: null }) };
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: adminEn.record.sobriety.editLabel }));
    const dialog = within(await screen.findByRole("dialog"));
    expect((dialog.getByLabelText(/^Sobriety date/) as HTMLInputElement).value).toBe("2026-01-20");
    fireEvent.click(dialog.getByRole("button", { name: adminEn.record.sobriety.clear }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(apiCalls(fetchMock).filter((c) => c.route.startsWith("PUT"))).toEqual([
      { route: `PUT /api/v1/participants/${ID}/sobriety-date`, body: { sobrietyOn: null } },
    ]);
    const facts = within(screen.getByRole("region", { name: adminEn.record.facts.label }));
    expect(facts.getByText(adminEn.record.facts.sobrietyOn).nextElementSibling?.textContent).toContain(
      adminEn.record.facts.notRecorded,
    );
  });

  it("lists the earlier sobriety-date changes in the dialog, newest first, with when and by whom", async () => {
    renderRecord({
      "GET /api/v1/sessions/current": sessionWith(["participants.view", "clinical.write"]),
      [`GET /api/v1/participants/${ID}`]: () => ({
        body: inProgram({
          sobrietyHistory: [
            {
              from: "2026-01-05",
              to: "2026-01-20",
              changedAt: "2026-02-10T12:00:00.000Z",
              changedBy: { id: "9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", name: "Sam Lee" },
            },
            { from: null, to: "2026-01-05", changedAt: "2026-02-03T12:00:00.000Z", changedBy: null },
          ],
        }),
      }),
    });
    fireEvent.click(await screen.findByRole("button", { name: adminEn.record.sobriety.editLabel }));
    const dialog = within(await screen.findByRole("dialog"));
    expect(dialog.getByRole("heading", { name: adminEn.record.sobriety.historyTitle })).toBeTruthy();
    const table = within(dialog.getByRole("table", { name: adminEn.record.sobriety.historyLabel }));
    const rows = table.getAllByRole("row").slice(1);
    expect(rows.map((row) => within(row).getAllByRole("cell")[0]!.textContent)).toEqual([
      "Changed from Jan 5, 2026 to Jan 20, 2026",
      "Set to Jan 5, 2026",
    ]);
    expect(within(rows[0]!).getAllByRole("cell")[1]!.textContent).toContain("Feb 10, 2026");
    expect(within(rows[0]!).getAllByRole("cell")[2]!.textContent).toBe("Sam Lee");
    expect(within(rows[1]!).getAllByRole("cell")[1]!.textContent).toContain("Feb 3, 2026");
    expect(within(rows[1]!).getAllByRole("cell")[2]!.textContent).toBe(adminEn.record.sobriety.byUnknown);
    expect(dialog.queryByText(adminEn.record.sobriety.noHistory)).toBeNull();
  });

  it("says there are no earlier sobriety-date changes, also when an older server sends no history", async () => {
    renderRecord({
      "GET /api/v1/sessions/current": sessionWith(["participants.view", "clinical.write"]),
      [`GET /api/v1/participants/${ID}`]: () => ({ body: inProgram() }),
    });
    fireEvent.click(await screen.findByRole("button", { name: adminEn.record.sobriety.editLabel }));
    const dialog = within(await screen.findByRole("dialog"));
    expect(dialog.getByText(adminEn.record.sobriety.noHistory)).toBeTruthy();
    expect(dialog.queryByRole("table")).toBeNull();
  });

  it("describes a cleared sobriety date by the date it had", async () => {
    renderRecord({
      "GET /api/v1/sessions/current": sessionWith(["participants.view", "clinical.write"]),
      [`GET /api/v1/participants/${ID}`]: () => ({
        body: inProgram({
          sobrietyOn: null,
          sobrietyHistory: [
            { from: "2026-01-20", to: null, changedAt: "2026-02-10T12:00:00.000Z", changedBy: null },
          ],
        }),
      }),
    });
    fireEvent.click(await screen.findByRole("button", { name: adminEn.record.sobriety.editLabel }));
    const dialog = within(await screen.findByRole("dialog"));
    expect(dialog.getByText("Cleared (was Jan 20, 2026)")).toBeTruthy();
  });

  const EPISODE_NOW = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
  const withHistory = (change: Partial<ParticipantRecord> = {}) =>
    inProgram({
      episodes: [
        {
          id: EPISODE_NOW,
          trackName: "Evening IOP",
          levelOfCare: "2.1",
          admittedOn: "2026-02-02",
          dischargedOn: null,
          dischargeReason: null,
        },
        {
          id: "0b9a8c7d-6e5f-4a3b-9c1d-2e3f4a5b6c7d",
          trackName: null,
          levelOfCare: "2.5",
          admittedOn: "2025-06-01",
          dischargedOn: "2025-07-15",
          dischargeReason: "left_against_advice",
        },
      ],
      recentCheckIns: [
        { on: "2026-03-02", mood: 7, craving: 2, anyUse: false },
        { on: "2026-03-01", mood: 3, craving: 8, anyUse: true },
      ],
      ...change,
    });

  const tabs = adminEn.record.tabs;
  const selectedTab = () => screen.getByRole("tab", { selected: true }).textContent;
  const address = () => screen.getByLabelText("Address").textContent;

  it("puts the chart in tabs below the header, Overview first, with the level, diagnoses and care team", async () => {
    renderRecord({ [`GET /api/v1/participants/${ID}`]: { body: withHistory() } });
    const list = await screen.findByRole("tablist", { name: tabs.label });
    expect(
      within(list)
        .getAllByRole("tab")
        .map((tab) => tab.textContent),
    ).toEqual([
      tabs.overview,
      tabs.assessments,
      tabs.plan,
      tabs.schedule,
      tabs.notes,
      tabs.checkins,
      tabs.family,
      tabs.consents,
      tabs.discharge,
    ]);
    expect(selectedTab()).toBe(tabs.overview);
    const panel = within(screen.getByRole("tabpanel"));
    expect(panel.getByText("Current level: 2.1 · Intensive Outpatient")).toBeTruthy();
    expect(panel.getByRole("region", { name: adminEn.record.diagnoses.title })).toBeTruthy();
    expect(panel.getByText(adminEn.record.careTeam.empty)).toBeTruthy();
    const contact = within(panel.getByRole("region", { name: adminEn.record.contact.title }));
    expect(contact.getByText("(555) 010-7788")).toBeTruthy();
    expect(contact.getByText("Sam Stone")).toBeTruthy();
    expect(contact.getAllByText(adminEn.record.contact.notRecorded)).toHaveLength(4);
    // The header stays above the tabs whatever is selected.
    expect(screen.getByRole("region", { name: adminEn.record.facts.label })).toBeTruthy();
    expect(screen.queryByRole("table", { name: adminEn.record.checkIns.title })).toBeNull();
  });

  it("keeps the chosen tab in the address, so reload and the back button return to it", async () => {
    renderRecord({ [`GET /api/v1/participants/${ID}`]: { body: withHistory() } });
    fireEvent.click(await screen.findByRole("tab", { name: tabs.checkins }));
    expect(address()).toBe("?tab=checkins");
    expect(await screen.findByRole("region", { name: checkInsStaffEn.chart.title })).toBeTruthy();

    fireEvent.click(screen.getByRole("tab", { name: tabs.discharge }));
    expect(address()).toBe("?tab=discharge");
    expect(selectedTab()).toBe(tabs.discharge);

    fireEvent.click(screen.getByRole("button", { name: "Browser back" }));
    await waitFor(() => expect(selectedTab()).toBe(tabs.checkins));
    expect(address()).toBe("?tab=checkins");

    fireEvent.click(screen.getByRole("tab", { name: tabs.overview }));
    expect(address()).toBe("");
    expect(await screen.findByText("Current level: 2.1 · Intensive Outpatient")).toBeTruthy();
  });

  it("opens on the tab the address names, and on Overview when it names no tab", async () => {
    renderRecord({ [`GET /api/v1/participants/${ID}`]: { body: withHistory() } }, "?tab=schedule");
    const schedule = within(await screen.findByRole("tabpanel", { name: tabs.schedule }));
    // Without schedule.view the tab says so (the tab itself is tested in participant-schedule/).
    expect(await schedule.findByText(participantScheduleEn.panel.notPermitted)).toBeTruthy();
    cleanup();

    renderRecord({ [`GET /api/v1/participants/${ID}`]: { body: withHistory() } }, "?tab=billing");
    expect(await screen.findByText("Current level: 2.1 · Intensive Outpatient")).toBeTruthy();
    expect(selectedTab()).toBe(tabs.overview);
  });

  const aCheckIn = (id: number, change: Record<string, unknown> = {}) => ({
    id,
    checkedInOn: "2026-03-02",
    recordedAt: "2026-03-02T22:00:00.000Z",
    receivedAt: "2026-03-02T22:00:01.000Z",
    queuedOffline: false,
    mood: 7,
    craving: 2,
    sleepHours: null,
    sleepQuality: null,
    anyUse: false,
    substances: [],
    useDetail: "",
    triggers: [],
    skills: [],
    wentWell: "",
    wantsToTalk: false,
    selfHarmThoughts: false,
    overdose: false,
    ...change,
  });
  const timeline = (checkIns: unknown[]) => ({
    [`GET /api/v1/participants/${ID}/check-ins`]: {
      body: { from: "2026-02-01", to: "2026-03-02", today: "2026-03-02", checkIns },
    },
  });

  it("lists every check-in's answers, outlines critical ones and marks the one an alert links to", async () => {
    // jsdom does not lay out: record the scroll the linked check-in asks for.
    const scrolled: Element[] = [];
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    renderRecord(
      {
        [`GET /api/v1/participants/${ID}`]: { body: withHistory() },
        ...timeline([
          aCheckIn(12, { selfHarmThoughts: true, mood: 1 }),
          aCheckIn(11, {
            checkedInOn: "2026-03-01",
            anyUse: true,
            substances: ["alcohol"],
            craving: 8,
            triggers: ["Payday"],
          }),
        ]),
      },
      "?tab=checkins&checkIn=11",
    );
    const list = await screen.findByRole("list");
    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(2);
    expect(within(items[0]!).getByText(checkInsStaffEn.chart.selfHarm)).toBeTruthy();
    expect(items[0]!.textContent).toContain("1 of 10");
    expect(items[1]!.getAttribute("aria-current")).toBe("true");
    expect(items[0]!.getAttribute("aria-current")).toBeNull();
    expect(items[1]!.textContent).toContain(checkInsStaffEn.substances.alcohol);
    expect(items[1]!.textContent).toContain("Payday");
    expect(scrolled).toEqual([items[1]]);
  });

  it("says so when there are no check-ins in the period", async () => {
    renderRecord(
      { [`GET /api/v1/participants/${ID}`]: { body: withHistory() }, ...timeline([]) },
      "?tab=checkins",
    );
    expect(await screen.findByText("No check-ins in the last 30 days.")).toBeTruthy();
    expect(screen.queryByRole("list")).toBeNull();
  });

  it("says plainly what is not recorded yet on the tabs without data", async () => {
    renderRecord(
      {
        [`GET /api/v1/participants/${ID}`]: { body: withHistory() },
        [`GET /api/v1/participants/${ID}/family`]: {
          body: {
            patientName: "Test Person",
            programName: "Riverside",
            timeZone: "America/New_York",
            guardianRequired: false,
            people: [],
            blocks: [],
          },
        },
      },
      "?tab=assessments",
    );
    // Without clinical.view the Assessments tab says so rather than asking the server.
    expect(await screen.findByText(assessmentsEn.chart.notPermitted)).toBeTruthy();
    // The Plan tab, too, says so without clinical.view.
    fireEvent.click(screen.getByRole("tab", { name: tabs.plan }));
    expect(await screen.findByText(treatmentPlansEn.states.notPermitted)).toBeTruthy();
    // So does the Notes tab.
    fireEvent.click(screen.getByRole("tab", { name: tabs.notes }));
    expect(await screen.findByText(chartNotesEn.list.notPermitted)).toBeTruthy();
    fireEvent.click(screen.getByRole("tab", { name: tabs.family }));
    expect(await screen.findByRole("heading", { name: sharingEn.staff.title })).toBeTruthy();
    expect(screen.queryByText(chartNotesEn.list.notPermitted)).toBeNull();
  });

  it("says there is no track to place them in when the participant is not in the program", async () => {
    renderRecord(
      {
        "GET /api/v1/sessions/current": sessionWith(["participants.view", "schedule.view"]),
        [`GET /api/v1/participants/${ID}`]: { body: record() },
        [`GET /api/v1/participants/${ID}/enrollments`]: {
          body: { participantId: ID, currentEpisodeId: null, enrollments: [] },
        },
      },
      "?tab=schedule",
    );
    expect(await screen.findByText(participantScheduleEn.placement.notInProgram)).toBeTruthy();
  });
});
