import { describe, expect, it } from "vitest";
import { DEFAULT_NOTES_SETTINGS } from "../../core/notes/notes-settings.schema";
import { deriveWantedNoteAlerts } from "./note-alerts.service";
import { deriveMissingGroupNotes, toWorklistRow } from "./note-worklist.service";
import type { FacilitatedTrackRow, UnsignedNoteRow } from "./note-worklist.sql";

/** The worklist's and the alert sweep's pure parts, on a Sunday-evening group in New York over the autumn DST change. */

const ME = "11111111-1111-4111-8111-111111111111";
const SUB = "22222222-2222-4222-8222-222222222222";
const track: FacilitatedTrackRow = {
  id: "33333333-3333-4333-8333-333333333333",
  name: "Sunday IOP",
  standing: true,
  time_zone: "America/New_York",
  starts_on: "2026-09-06",
  ends_on: null,
  // Sunday 18:00–21:00 local.
  pattern: { slots: [{ weekday: 7, start: "18:00", end: "21:00" }] },
  enrolled: [{ joined_on: "2026-09-06", exited_on: null }],
};

const missing = (at: string, extra: Partial<Parameters<typeof deriveMissingGroupNotes>[0]> = {}) =>
  deriveMissingGroupNotes({
    staffId: ME,
    tracks: [track],
    exceptions: [],
    noted: new Set(),
    at: new Date(at),
    ...extra,
  }).map((m) => [m.occurrenceKey, m.endsAt]);

describe("deriveMissingGroupNotes", () => {
  it("lists sessions that ended in the last 14 days, at their real instants across the DST change", () => {
    // 1 November 2026 is the DST change: 21:00 EST is 02:00 UTC; 25 October 21:00 EDT is 01:00 UTC.
    expect(missing("2026-11-02T12:00:00Z")).toEqual([
      ["2026-10-25T18:00", "2026-10-26T01:00:00.000Z"],
      ["2026-11-01T18:00", "2026-11-02T02:00:00.000Z"],
    ]);
  });

  it("leaves out a session still under way, and one that ended more than 14 days ago", () => {
    // 1 November 20:00 EST: that session has not ended; 18 October ended 19 Oct 01:00 UTC, 14 days + 1 h ago.
    expect(missing("2026-11-02T01:00:00Z")).toEqual([["2026-10-25T18:00", "2026-10-26T01:00:00.000Z"]]);
    expect(missing("2026-11-02T02:00:00Z")).toEqual([
      ["2026-10-25T18:00", "2026-10-26T01:00:00.000Z"],
      ["2026-11-01T18:00", "2026-11-02T02:00:00.000Z"],
    ]);
  });

  it("leaves out sessions when nobody was placed in the track", () => {
    const placed = (joined_on: string, exited_on: string | null) => ({
      tracks: [{ ...track, enrolled: [{ joined_on, exited_on }] }],
    });
    expect(missing("2026-11-02T12:00:00Z", placed("2026-10-26", null))).toEqual([
      ["2026-11-01T18:00", "2026-11-02T02:00:00.000Z"],
    ]);
    expect(missing("2026-11-02T12:00:00Z", placed("2026-09-06", "2026-10-25"))).toEqual([
      ["2026-10-25T18:00", "2026-10-26T01:00:00.000Z"],
    ]);
    expect(missing("2026-11-02T12:00:00Z", { tracks: [{ ...track, enrolled: [] }] })).toEqual([]);
  });

  it("leaves out sessions with a note, cancelled ones, and those a substitute ran; lists the substitute's", () => {
    const exceptions = [
      {
        track_id: track.id,
        occurrence_key: "2026-10-25T18:00",
        kind: "cancelled" as const,
        reason: "Holiday",
        moved_on: null,
        moved_start: null,
        moved_end: null,
        facilitator_ids: [],
      },
      {
        track_id: track.id,
        occurrence_key: "2026-11-01T18:00",
        kind: "substitute" as const,
        reason: "Cover",
        moved_on: null,
        moved_start: null,
        moved_end: null,
        facilitator_ids: [SUB],
      },
    ];
    expect(missing("2026-11-09T12:00:00Z", { exceptions })).toEqual([
      ["2026-11-08T18:00", "2026-11-09T02:00:00.000Z"],
    ]);
    expect(
      missing("2026-11-09T12:00:00Z", { exceptions, noted: new Set([`${track.id} 2026-11-08T18:00`]) }),
    ).toEqual([]);
    expect(
      missing("2026-11-09T12:00:00Z", { staffId: SUB, tracks: [{ ...track, standing: false }], exceptions }),
    ).toEqual([["2026-11-01T18:00", "2026-11-02T02:00:00.000Z"]]);
  });
});

const note = (overrides: Partial<UnsignedNoteRow> = {}): UnsignedNoteRow => ({
  id: "44444444-4444-4444-8444-444444444444",
  kind: "group",
  status: "draft",
  site_id: "55555555-5555-4555-8555-555555555555",
  session_date: "2026-11-01",
  ends_at: new Date("2026-11-02T02:00:00Z"),
  participant_id: null,
  participant_name: null,
  track_id: track.id,
  track_name: "Sunday IOP",
  occurrence_key: "2026-11-01T18:00",
  author_id: ME,
  author_name: "Jordan Lee",
  cosigner_user_id: null,
  cosigner_name: null,
  late_entry: false,
  ...overrides,
});

describe("toWorklistRow", () => {
  it("marks a draft overdue at the alert window and a late entry past the late-entry window", () => {
    const at = (iso: string) => toWorklistRow(note(), DEFAULT_NOTES_SETTINGS, new Date(iso));
    expect(at("2026-11-03T01:59:00Z")).toMatchObject({
      overdue: false,
      lateEntry: false,
      hoursSinceSession: 23,
    });
    expect(at("2026-11-03T02:01:00Z")).toMatchObject({
      overdue: false,
      lateEntry: true,
      hoursSinceSession: 24,
    });
    expect(at("2026-11-02T12:00:00Z")).toMatchObject({
      overdue: false,
      lateEntry: false,
      hoursSinceSession: 10,
    });
    expect(at("2026-11-04T02:00:00Z")).toMatchObject({ overdue: true, hoursSinceSession: 48 });
  });

  it("keeps the late-entry label of a note awaiting co-signature as its author signed it", () => {
    const row = toWorklistRow(
      note({
        status: "awaiting_cosign",
        late_entry: false,
        cosigner_user_id: SUB,
        cosigner_name: "Dr. Avery",
      }),
      DEFAULT_NOTES_SETTINGS,
      new Date("2026-11-10T00:00:00Z"),
    );
    expect(row).toMatchObject({ lateEntry: false, overdue: true, cosigner: { id: SUB, name: "Dr. Avery" } });
  });
});

describe("deriveWantedNoteAlerts", () => {
  const participants = ["p1", "p2"];

  it("wants nothing before the window, then one alert per participant for the author", () => {
    expect(
      deriveWantedNoteAlerts(note(), participants, DEFAULT_NOTES_SETTINGS, new Date("2026-11-04T01:59:00Z")),
    ).toEqual([]);
    const wanted = deriveWantedNoteAlerts(
      note(),
      participants,
      DEFAULT_NOTES_SETTINGS,
      new Date("2026-11-04T02:00:00Z"),
    );
    expect(wanted.map((w) => [w.participantId, w.recipients])).toEqual([
      ["p1", [ME]],
      ["p2", [ME]],
    ]);
    expect(wanted[0]!.reason).toBe(
      "The group note for Sunday IOP of the session on 2026-11-01 is not signed by its author (Jordan Lee), more than 48 hours after the session ended.",
    );
  });

  it("also tells the co-signer a note waits for them, and names no participant in the reason", () => {
    const [wanted] = deriveWantedNoteAlerts(
      note({
        kind: "individual",
        status: "awaiting_cosign",
        participant_id: "p1",
        participant_name: "Casey Morgan",
        cosigner_user_id: SUB,
        cosigner_name: "Dr. Avery",
      }),
      ["p1"],
      DEFAULT_NOTES_SETTINGS,
      new Date("2026-11-05T00:00:00Z"),
    );
    expect(wanted!.recipients).toEqual([ME, SUB]);
    expect(wanted!.reason).not.toContain("Casey");
    expect(wanted!.reason).toContain("waiting for its co-signature (Dr. Avery)");
  });

  it("wants nothing for a signed note", () => {
    expect(
      deriveWantedNoteAlerts(
        note({ status: "signed" }),
        participants,
        DEFAULT_NOTES_SETTINGS,
        new Date("2026-12-01T00:00:00Z"),
      ),
    ).toEqual([]);
  });
});
