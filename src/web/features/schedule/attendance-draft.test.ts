import { describe, expect, it } from "vitest";
import type { Roster } from "../../../core/attendance/roster.schema";
import { ApiError } from "../../app/api-client";
import {
  checkDraft,
  countStatuses,
  type DraftRow,
  draftFromRoster,
  isChanged,
  markRestPresent,
  mergeReloadedRoster,
  pendingRows,
  placeServerErrors,
  submissionOf,
  withStatus,
} from "./attendance-draft";
import { aRoster, RILEY, SAM, savedMark } from "./schedule-testing";

const SESSION = 180;

const rows = (roster: Roster = aRoster()) => draftFromRoster(roster);
const set = (list: DraftRow[], id: string, change: Partial<DraftRow>) =>
  list.map((row) => (row.participantId === id ? { ...row, ...change } : row));

describe("the attendance draft", () => {
  it("starts everyone not marked, then marks the rest present for the whole session", () => {
    const marked = markRestPresent(set(rows(), RILEY, { status: "late", minutes: "150" }), SESSION, false);
    expect(marked.map((r) => [r.name, r.status, r.minutes])).toEqual([
      ["Riley Stone", "late", "150"],
      ["Sam Ortega", "present", "180"],
      ["Ari Kim", "present", "180"],
    ]);
    expect(countStatuses(marked)).toMatchObject({ present: 2, late: 1, unmarked: 0 });
  });

  it("starts a participant excused in advance as excused (0 minutes), unless a mark was already saved", () => {
    const roster = aRoster();
    roster.participants = roster.participants.map((p) =>
      p.participant.id === RILEY || p.participant.id === SAM ? { ...p, excusedInAdvance: true } : p,
    );
    roster.participants = roster.participants.map((p) =>
      p.participant.id === SAM ? { ...p, mark: savedMark({ status: "present", minutesAttended: 180 }) } : p,
    );
    const draft = rows(roster);
    expect(draft.map((r) => [r.name, r.status, r.minutes])).toEqual([
      ["Riley Stone", "absent_excused", "0"],
      ["Sam Ortega", "present", "180"],
      ["Ari Kim", null, ""],
    ]);
    expect(isChanged(draft[0]!)).toBe(false);
    expect(checkDraft(draft.slice(0, 1), SESSION, "").rows).toEqual({});
  });

  it("fills the minutes from the status: whole session, typed for a partial one, 0 for an absence", () => {
    const [row] = rows();
    const present = withStatus(row!, "present", SESSION, true);
    expect([present.minutes, present.telehealth]).toEqual(["180", true]);
    const late = withStatus(present, "late", SESSION, true);
    expect([late.minutes, late.telehealth]).toEqual(["", true]);
    const leftEarly = withStatus({ ...late, minutes: "120" }, "left_early", SESSION, true);
    expect(leftEarly.minutes).toBe("120");
    const absent = withStatus(leftEarly, "absent_excused", SESSION, true);
    expect([absent.minutes, absent.telehealth]).toEqual(["0", false]);
  });

  it("names each row's problem: no status, minutes over the session, late without minutes", () => {
    const draft = set(
      set(markRestPresent(rows(), SESSION, false), RILEY, { status: "late", minutes: "" }),
      SAM,
      { status: "left_early", minutes: "200" },
    );
    const errors = checkDraft([...draft, { ...draft[0]!, participantId: "x", status: null }], SESSION, "");
    expect(errors.rows).toEqual({
      [RILEY]: { minutesAttended: { key: "errors.minutesRequired", values: { minutes: 180 } } },
      [SAM]: { minutesAttended: { key: "errors.minutesOverSession", values: { minutes: 180 } } },
      x: { status: { key: "errors.statusRequired" } },
    });
    expect(errors.reason).toBeUndefined();
  });

  it("asks for a reason once a saved mark changes, and sends it with only the changed marks", () => {
    const draft = rows(aRoster({ marks: { [RILEY]: savedMark(), [SAM]: savedMark() } }));
    expect(pendingRows(draft).map((r) => r.name)).toEqual([]);
    const edited = set(draft, SAM, withStatus(draft[1]!, "absent_excused", SESSION, false));
    expect(isChanged(edited[1]!)).toBe(true);
    expect(checkDraft(markRestPresent(edited, SESSION, false), SESSION, " ").reason).toEqual({
      key: "errors.reasonRequired",
    });
    const pending = pendingRows(markRestPresent(edited, SESSION, false));
    expect(pending.map((r) => r.name)).toEqual(["Sam Ortega", "Ari Kim"]);
    expect(submissionOf(pending, " Came to the wrong room ")).toEqual({
      marks: [
        { participantId: SAM, status: "absent_excused", minutesAttended: 0, telehealth: false, note: null },
        {
          participantId: expect.any(String),
          status: "present",
          minutesAttended: 180,
          telehealth: false,
          note: null,
        },
      ],
      reason: "Came to the wrong room",
    });
  });

  it("keeps what was chosen on screen when the roster is read again after someone else saved", () => {
    const mine = set(rows(), RILEY, { status: "late", minutes: "150" });
    const theirs = aRoster({ marks: { [RILEY]: savedMark(), [SAM]: savedMark() } });
    const merged = mergeReloadedRoster(mine, theirs);
    expect(merged.map((r) => [r.name, r.status, isChanged(r)])).toEqual([
      ["Riley Stone", "late", true],
      ["Sam Ortega", "present", false],
      ["Ari Kim", null, false],
    ]);
  });

  it("puts the server's field errors on the row sent at that position", () => {
    const sent = markRestPresent(rows(), SESSION, false).slice(1);
    const placed = placeServerErrors(
      new ApiError(400, "VALIDATION_FAILED", "Some fields are not valid.", [
        { path: "marks.1.minutesAttended", message: "Too many minutes." },
        { path: "reason", message: "Say why." },
      ]),
      sent,
    );
    expect(placed.rows).toEqual({
      [sent[1]!.participantId]: { minutesAttended: { text: "Too many minutes." } },
    });
    expect(placed.reason).toEqual({ text: "Say why." });
    expect(placeServerErrors(new ApiError(409, "ATTENDANCE_RECORDED_MEANWHILE", "…"), sent).general).toEqual([
      { key: "errors.recordedMeanwhile" },
    ]);
  });
});
