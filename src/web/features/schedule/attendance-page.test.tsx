// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { AttendanceSubmission, Roster } from "../../../core/attendance/roster.schema";
import { RequireSession } from "../../app/require-session";
import { scheduleEn } from "../../i18n/schedule.en";
import { apiCalls, renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith, sessionWith } from "../admin/admin-testing";
import { AttendancePage } from "./attendance-page";
import { ARI, aRoster, KEY, RILEY, SAM, savedMark, setUpScheduleDom, TRACK_ID } from "./schedule-testing";

beforeAll(setUpScheduleDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const T = scheduleEn.attendance;
const BASE = `/api/v1/tracks/${TRACK_ID}/occurrences/${KEY}`;

/** A server holding one roster; a PUT answers with the marks saved (or what `onPut` says). */
function renderRoster(
  initial: Roster,
  onPut?: (body: AttendanceSubmission) => { status?: number; body?: unknown } | undefined,
) {
  let roster = initial;
  const fetchMock = vi.fn(
    fakeApiWith({
      "GET /api/v1/sessions/current": sessionWith(["schedule.view", "attendance.record"]),
      [`GET ${BASE}/roster`]: () => ({ body: roster }),
      [`PUT ${BASE}/attendance`]: (_url, body) => {
        const submission = body as AttendanceSubmission;
        const answer = onPut?.(submission);
        if (answer) return answer;
        const marks = Object.fromEntries(
          roster.participants.map((p) => [p.participant.id, p.mark] as const).filter(([, m]) => m !== null),
        );
        for (const mark of submission.marks)
          marks[mark.participantId] = savedMark({
            status: mark.status,
            minutesAttended: mark.minutesAttended ?? 0,
            telehealth: mark.telehealth ?? false,
            note: mark.note ?? null,
          });
        roster = aRoster({ marks: marks as Record<string, ReturnType<typeof savedMark>> });
        return { body: roster };
      },
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(
    <Routes>
      <Route
        path="/staff/groups/:trackId/:occurrenceKey/attendance"
        element={
          <RequireSession kind="staff">
            <AttendancePage />
          </RequireSession>
        }
      />
    </Routes>,
    `/staff/groups/${TRACK_ID}/${KEY}/attendance`,
  );
  return {
    fetchMock,
    replace: (next: Roster) => {
      roster = next;
    },
  };
}

const row = (name: string) => screen.getByRole("group", { name });
const choose = (name: string, status: keyof typeof scheduleEn.statuses) =>
  fireEvent.click(within(row(name)).getByRole("radio", { name: scheduleEn.statuses[status] }));
const typeMinutes = (name: string, minutes: string) =>
  fireEvent.change(within(row(name)).getByLabelText(/^Minutes attended/), {
    target: { value: minutes },
  });
const puts = (fetchMock: ReturnType<typeof renderRoster>["fetchMock"]) =>
  apiCalls(fetchMock).filter((call) => call.route === `PUT ${BASE}/attendance`);

describe("AttendancePage", () => {
  it("marks everyone present, then two exceptions, and sends exactly those marks", async () => {
    const { fetchMock } = renderRoster(aRoster());
    await screen.findByRole("heading", { name: "Adult evening", level: 1 });
    expect(screen.getByText(/Thursday, November 26, 6:00\s–\s9:00\sPM/)).toBeTruthy();
    expect(within(row("Riley Stone")).getByText(T.row.notMarked)).toBeTruthy();
    expect(screen.getByRole("link", { name: T.signInSheetLabel }).getAttribute("href")).toBe(
      `${BASE}/sign-in-sheet.pdf`,
    );

    fireEvent.click(screen.getByRole("button", { name: T.markAllPresent }));
    expect(screen.getByText("Present 3")).toBeTruthy();
    choose("Riley Stone", "late");
    typeMinutes("Riley Stone", "150");
    choose("Sam Ortega", "absent_unexcused");
    expect(within(row("Sam Ortega")).getByText("0 of 180 min")).toBeTruthy();
    expect(screen.getByText("Present 1 · Late 1 · Absent 1")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: T.save }));
    const confirmation = await screen.findByRole("status");
    expect(confirmation.textContent).toBe("Attendance saved: 1 present, 1 late or left early, 1 absent.");
    expect(puts(fetchMock).map((call) => call.body)).toEqual([
      {
        marks: [
          { participantId: RILEY, status: "late", minutesAttended: 150, telehealth: false, note: null },
          {
            participantId: SAM,
            status: "absent_unexcused",
            minutesAttended: 0,
            telehealth: false,
            note: null,
          },
          { participantId: ARI, status: "present", minutesAttended: 180, telehealth: false, note: null },
        ],
      },
    ]);
    expect(within(row("Riley Stone")).getByText(T.row.saved)).toBeTruthy();
  });

  it("chooses a status with the digit keys inside a participant's status buttons", async () => {
    renderRoster(aRoster());
    await screen.findByRole("group", { name: "Ari Kim" });
    const statuses = within(row("Ari Kim")).getByRole("radiogroup", { name: "Status: Ari Kim" });
    fireEvent.keyDown(statuses, { key: "5" });
    expect(
      (within(row("Ari Kim")).getByRole("radio", { name: "Absent, unexcused" }) as HTMLInputElement).checked,
    ).toBe(true);
  });

  it("names the problem on its row, keeps everything typed, and sends nothing", async () => {
    const { fetchMock } = renderRoster(aRoster());
    await screen.findByRole("group", { name: "Riley Stone" });
    choose("Riley Stone", "late");
    typeMinutes("Riley Stone", "200");
    choose("Sam Ortega", "left_early");
    fireEvent.click(screen.getByRole("button", { name: T.save }));

    expect(
      await within(row("Riley Stone")).findByText("More than the session's 180 minutes. Enter 180 or fewer."),
    ).toBeTruthy();
    expect(within(row("Sam Ortega")).getByText("Enter the minutes attended (fewer than 180).")).toBeTruthy();
    expect(within(row("Ari Kim")).getByText("Choose a status.")).toBeTruthy();
    expect(screen.getByText("3 rows need attention before saving. Nothing was saved.")).toBeTruthy();
    expect((within(row("Riley Stone")).getByLabelText(/^Minutes attended/) as HTMLInputElement).value).toBe(
      "200",
    );
    expect(puts(fetchMock)).toEqual([]);
  });

  it("shows the server's refusal on the row it names", async () => {
    renderRoster(aRoster(), () => ({
      status: 400,
      body: {
        error: {
          code: "VALIDATION_FAILED",
          message: "Some fields are not valid.",
          fields: [{ path: "marks.1.minutesAttended", message: "Minutes attended cannot be more than 90." }],
        },
      },
    }));
    await screen.findByRole("group", { name: "Riley Stone" });
    fireEvent.click(screen.getByRole("button", { name: T.markAllPresent }));
    fireEvent.click(screen.getByRole("button", { name: T.save }));
    expect(
      await within(row("Sam Ortega")).findByText("Minutes attended cannot be more than 90."),
    ).toBeTruthy();
    expect(within(row("Riley Stone")).queryByText("Minutes attended cannot be more than 90.")).toBeNull();
  });

  it("asks why when saved marks change, and sends the reason with only the changed mark", async () => {
    const saved = { [RILEY]: savedMark(), [SAM]: savedMark(), [ARI]: savedMark() };
    const { fetchMock } = renderRoster(aRoster({ marks: saved }));
    await screen.findByRole("group", { name: "Sam Ortega" });
    expect(screen.queryByRole("button", { name: T.markAllPresent })).toBeNull();
    choose("Sam Ortega", "left_early");
    typeMinutes("Sam Ortega", "120");
    expect(within(row("Sam Ortega")).getByText("Changed — was Present, 180 min")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: T.save }));
    expect(await screen.findByText(scheduleEn.errors.reasonRequired)).toBeTruthy();
    expect(puts(fetchMock)).toEqual([]);

    fireEvent.change(screen.getByLabelText(new RegExp(`^${T.reason.label}`)), {
      target: { value: "Left at the break for work" },
    });
    fireEvent.click(screen.getByRole("button", { name: T.save }));
    await screen.findByRole("status");
    expect(puts(fetchMock).map((call) => call.body)).toEqual([
      {
        marks: [
          { participantId: SAM, status: "left_early", minutesAttended: 120, telehealth: false, note: null },
        ],
        reason: "Left at the break for work",
      },
    ]);
  });

  it("explains a save that crossed someone else's, and reloads their marks beside mine", async () => {
    const conflict = { status: 409, body: { error: { code: "ATTENDANCE_RECORDED_MEANWHILE", message: "" } } };
    let answer: typeof conflict | undefined = conflict;
    const { fetchMock, replace } = renderRoster(aRoster(), () => answer);
    await screen.findByRole("group", { name: "Riley Stone" });
    fireEvent.click(screen.getByRole("button", { name: T.markAllPresent }));
    choose("Riley Stone", "absent_excused");
    fireEvent.click(screen.getByRole("button", { name: T.save }));
    expect(await screen.findByText(scheduleEn.errors.recordedMeanwhile)).toBeTruthy();

    replace(aRoster({ marks: { [RILEY]: savedMark(), [SAM]: savedMark() } }));
    fireEvent.click(screen.getByRole("button", { name: T.reload }));
    await within(row("Riley Stone")).findByText("Changed — was Present, 180 min");
    expect(
      (within(row("Riley Stone")).getByRole("radio", { name: "Absent, excused" }) as HTMLInputElement)
        .checked,
    ).toBe(true);
    expect(within(row("Sam Ortega")).getByText(T.row.saved)).toBeTruthy();
    expect(screen.queryByText(scheduleEn.errors.recordedMeanwhile)).toBeNull();

    answer = undefined;
    fireEvent.change(screen.getByLabelText(new RegExp(`^${T.reason.label}`)), {
      target: { value: "Called in sick before the session" },
    });
    fireEvent.click(screen.getByRole("button", { name: T.save }));
    await screen.findByText(/^Attendance saved/);
    expect(puts(fetchMock).at(-1)?.body).toEqual({
      marks: [
        { participantId: RILEY, status: "absent_excused", minutesAttended: 0, telehealth: false, note: null },
        { participantId: ARI, status: "present", minutesAttended: 180, telehealth: false, note: null },
      ],
      reason: "Called in sick before the session",
    });
  });

  it("takes no attendance at a cancelled session and says why", async () => {
    renderRoster(
      aRoster({
        occurrence: { status: "cancelled", exception: { kind: "cancelled", reason: "Thanksgiving" } },
      }),
    );
    expect(
      await screen.findByText("This session was cancelled: Thanksgiving. It takes no attendance."),
    ).toBeTruthy();
    expect(screen.queryByRole("button", { name: T.save })).toBeNull();
  });

  it("offers telehealth for those who attended a session held by video", async () => {
    const { fetchMock } = renderRoster(
      aRoster({
        occurrence: {
          track: { id: TRACK_ID, name: "Adult evening", timeZone: "America/New_York", telehealth: true },
        },
      }),
    );
    await screen.findByRole("group", { name: "Riley Stone" });
    fireEvent.click(screen.getByRole("button", { name: T.markAllPresent }));
    fireEvent.click(within(row("Riley Stone")).getByRole("switch", { name: T.row.telehealth }));
    choose("Sam Ortega", "absent_excused");
    expect(within(row("Sam Ortega")).queryByRole("switch")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: T.save }));
    await screen.findByText(/^Attendance saved/);
    expect(
      (puts(fetchMock)[0]!.body as AttendanceSubmission).marks.map((m) => [m.participantId, m.telehealth]),
    ).toEqual([
      [RILEY, false],
      [SAM, false],
      [ARI, true],
    ]);
  });

  it("keeps the roster while the page loads and says when it cannot be read", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(
        fakeApiWith({
          "GET /api/v1/sessions/current": sessionWith(["attendance.record"]),
          [`GET ${BASE}/roster`]: { status: 500, body: { error: { code: "INTERNAL", message: "" } } },
        }),
      ),
    );
    renderWithProviders(
      <Routes>
        <Route
          path="/staff/groups/:trackId/:occurrenceKey/attendance"
          element={
            <RequireSession kind="staff">
              <AttendancePage />
            </RequireSession>
          }
        />
      </Routes>,
      `/staff/groups/${TRACK_ID}/${KEY}/attendance`,
    );
    await waitFor(() =>
      expect(screen.getByRole("alert").textContent).toContain(scheduleEn.errors.loadRoster),
    );
  });
});
