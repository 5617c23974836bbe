// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import i18n from "i18next";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { DischargeEpisode, DischargeOverview } from "../../../core/discharges/discharges.schema";
import { adminEn } from "../../i18n/admin.en";
import { dischargesEn } from "../../i18n/discharges.en";
import { apiCalls, renderWithProviders, setUpDom } from "../../test-support/render-with-providers";
import { fakeApiWith } from "../admin/admin-testing";
import { aRecord, PARTICIPANT } from "../treatment-plans/plan-editor-testing";
import { DischargeSection } from "./discharge-section";

const D = dischargesEn;
const EPISODE = "7e1a2b3c-4d5e-4f60-8a9b-0c1d2e3f4a5b";
const EARLIER = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
const NOTE = "9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f";
const READINESS = `/api/v1/participants/${PARTICIPANT}/discharge-readiness`;
const DISCHARGE = `/api/v1/participants/${PARTICIPANT}/discharge`;

beforeAll(async () => {
  await setUpDom();
  i18n.addResourceBundle("en", "admin", adminEn, true, true);
  i18n.addResourceBundle("en", "discharges", dischargesEn, true, true);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const earlier: DischargeEpisode = {
  id: EARLIER,
  admittedOn: "2025-06-02",
  levelOfCare: "2.1",
  trackName: "Adult evening",
  dischargedOn: "2025-08-29",
  reason: "left_against_advice",
  tedsReasonCode: 2,
  dischargeLevelOfCare: "2.1",
  tedsServiceCode: 6,
  referredLevelOfCare: null,
  note: null,
  dischargedBy: "Alex Kim",
  previousEpisode: null,
};

function anOverview(): DischargeOverview {
  return {
    today: "2026-03-09",
    levels: ["2.1", "1", "1.5"],
    readiness: {
      episodeId: EPISODE,
      admittedOn: "2026-01-05",
      levelOfCare: "2.1",
      plan: { signed: true, criteria: ["Attends 9 hours a week for 4 weeks"] },
      objectives: { met: 3, total: 4 },
      attendance: {
        weeks: [
          { weekStart: "2026-02-23", attendedMinutes: 540, minimumMinutes: 540, met: true },
          { weekStart: "2026-03-02", attendedMinutes: 360, minimumMinutes: 540, met: false },
        ],
        weeksMet: 1,
        trend: "falling",
      },
      scores: [
        { instrumentKey: "phq9", score: 6, band: "mild", on: "2026-03-02", change: -8, status: "improved" },
      ],
      risks: { openUrgentAlerts: 0, useDays: ["2026-03-01"], criticalAnswers: 0 },
      unsignedNotes: [
        { id: NOTE, kind: "group", sessionDate: "2026-03-05", author: "Alex Kim", status: "draft" },
      ],
      concerns: ["objectives_open", "attendance_below_minimum", "recent_use", "unsigned_notes"],
    },
    episodes: [
      {
        ...earlier,
        id: EPISODE,
        admittedOn: "2026-01-05",
        dischargedOn: null,
        reason: null,
        tedsReasonCode: null,
        dischargeLevelOfCare: null,
        tedsServiceCode: null,
        dischargedBy: null,
        previousEpisode: { id: EARLIER, admittedOn: "2025-06-02" },
      },
      earlier,
    ],
  };
}

describe("DischargeSection", () => {
  it("shows readiness, warns with the unsigned notes, and discharges only once acknowledged and confirmed", async () => {
    const fetchMock = vi.fn(
      fakeApiWith({
        [`GET ${READINESS}`]: { body: anOverview() },
        [`POST ${DISCHARGE}`]: (_url, body) =>
          (body as { acknowledgeUnsignedNotes: boolean }).acknowledgeUnsignedNotes
            ? {
                status: 201,
                body: {
                  episode: { ...earlier, id: EPISODE, dischargedOn: "2026-03-09", reason: "completed" },
                  exitedTrack: "Adult evening",
                  cancelledAppointments: 0,
                  cancelledAssignments: 0,
                },
              }
            : {
                status: 409,
                body: {
                  error: {
                    code: "DISCHARGE_UNSIGNED_NOTES",
                    message: "This episode has 1 unsigned note.",
                    unsignedNotes: [
                      {
                        id: NOTE,
                        kind: "group",
                        sessionDate: "2026-03-05",
                        author: "Alex Kim",
                        status: "draft",
                      },
                    ],
                  },
                },
              },
      }),
    );
    vi.stubGlobal("fetch", fetchMock);
    renderWithProviders(<DischargeSection record={aRecord()} />);

    expect(await screen.findByText("Attends 9 hours a week for 4 weeks")).toBeTruthy();
    const readiness = within(screen.getByRole("region", { name: D.readiness.title }));
    expect(readiness.getByText("3 of 4")).toBeTruthy();
    expect(readiness.getByText(D.readiness.concerns.recent_use)).toBeTruthy();
    expect(readiness.getByText(/Attendance is falling/)).toBeTruthy();
    expect(readiness.getByText(/PHQ9: 6 on Mar 2, 2026/)).toBeTruthy();
    const episodes = within(screen.getByRole("region", { name: D.episodes.title }));
    expect(episodes.getByText("Follows the episode of Jun 2, 2025")).toBeTruthy();
    expect(episodes.getByText(D.reasons.left_against_advice)).toBeTruthy();

    fireEvent.click(readiness.getByRole("button", { name: D.form.open }));
    const dialog = within(await screen.findByRole("dialog"));
    fireEvent.change(dialog.getByLabelText(new RegExp(`^${D.form.reason}`)), {
      target: { value: "completed" },
    });
    fireEvent.change(dialog.getByLabelText(new RegExp(`^${D.form.referredLevelOfCare}`)), {
      target: { value: "1" },
    });
    fireEvent.click(dialog.getByRole("button", { name: D.form.review }));
    fireEvent.click(await dialog.findByRole("button", { name: D.form.submit }));

    // Refused with the list: the clinician must tick the box before going on.
    expect(await screen.findByText(D.form.unsignedTitle)).toBeTruthy();
    const warning = within(screen.getByRole("dialog"));
    expect(warning.getByText("Mar 5, 2026 · Group note · Alex Kim")).toBeTruthy();
    const review = screen.getByRole("button", { name: D.form.review }) as HTMLButtonElement;
    expect(review.disabled).toBe(true);
    fireEvent.click(warning.getByLabelText(D.form.acknowledge));
    expect(review.disabled).toBe(false);
    fireEvent.click(review);
    fireEvent.click(await screen.findByRole("button", { name: D.form.submit }));

    await waitFor(() => {
      const posts = apiCalls(fetchMock).filter((c) => c.route === `POST ${DISCHARGE}`);
      expect(posts.map((p) => p.body)).toEqual([
        {
          dischargedOn: "2026-03-09",
          reason: "completed",
          levelOfCare: "2.1",
          referredLevelOfCare: "1",
          note: "",
          acknowledgeUnsignedNotes: false,
        },
        {
          dischargedOn: "2026-03-09",
          reason: "completed",
          levelOfCare: "2.1",
          referredLevelOfCare: "1",
          note: "",
          acknowledgeUnsignedNotes: true,
        },
      ]);
    });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  });

  it("asks for a note when the reason is other, and offers a re-admission to someone discharged", async () => {
    const overview = anOverview();
    vi.stubGlobal("fetch", vi.fn(fakeApiWith({ [`GET ${READINESS}`]: { body: overview } })));
    renderWithProviders(<DischargeSection record={aRecord()} />);
    fireEvent.click(await screen.findByRole("button", { name: D.form.open }));
    const dialog = within(await screen.findByRole("dialog"));
    fireEvent.change(dialog.getByLabelText(new RegExp(`^${D.form.reason}`)), { target: { value: "other" } });
    fireEvent.click(dialog.getByRole("button", { name: D.form.review }));
    expect(await dialog.findByText(D.form.errors.noteRequired)).toBeTruthy();
    cleanup();

    vi.stubGlobal(
      "fetch",
      vi.fn(
        fakeApiWith({
          [`GET ${READINESS}`]: { body: { ...overview, readiness: null, episodes: [earlier] } },
        }),
      ),
    );
    renderWithProviders(<DischargeSection record={aRecord()} />);
    const link = await screen.findByRole("link", { name: D.readmission.link });
    expect(link.getAttribute("href")).toBe("/staff/admissions/referrals/new");
    expect(screen.queryByRole("button", { name: D.form.open })).toBeNull();
  });
});
