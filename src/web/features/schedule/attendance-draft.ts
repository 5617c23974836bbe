import {
  ATTENDANCE_STATUSES,
  type AttendanceStatus,
  attendanceMarkSchema,
  EDIT_REASON_MAX,
  editReasonSchema,
  isAttended,
  isPartial,
  NOTE_MAX,
} from "../../../core/attendance/attendance.schema";
import type { AttendanceSubmission, RecordedMark, Roster } from "../../../core/attendance/roster.schema";
import { ApiError } from "../../app/api-client";

/**
 * The roster being marked on screen, before it is saved: one row per participant, the minutes as
 * typed. The rules are the server's (`attendanceMarkSchema`, `editReasonSchema`); this file turns
 * their verdicts into messages on the right row and builds the request.
 */

export interface DraftRow {
  participantId: string;
  name: string;
  /** Null until someone chooses a status for this participant. */
  status: AttendanceStatus | null;
  /** Minutes attended as typed ("" while empty). */
  minutes: string;
  telehealth: boolean;
  note: string;
  /** The mark saved earlier (changing it is an edit after the fact and needs a reason). */
  saved: RecordedMark | null;
}

/** A message for a field: a dictionary key (namespace "schedule") with values, or the server's words. */
export type FieldMessage = { key: string; values?: Record<string, string | number> } | { text: string };

export type RowField = "status" | "minutesAttended" | "telehealth" | "note";
export type RowErrors = Partial<Record<RowField, FieldMessage>>;

export interface DraftErrors {
  rows: Record<string, RowErrors>;
  reason?: FieldMessage;
  /** Problems the page shows above the roster (not tied to one row). */
  general: FieldMessage[];
}

export const noErrors = (): DraftErrors => ({ rows: {}, general: [] });

export function hasErrors(errors: DraftErrors): boolean {
  return Object.keys(errors.rows).length > 0 || errors.reason !== undefined || errors.general.length > 0;
}

/** A row from the server: the saved mark, else excused when the care team approved a request in advance. */
function rowOf(participant: Roster["participants"][number]): DraftRow {
  const mark = participant.mark;
  const excused = !mark && participant.excusedInAdvance === true;
  return {
    participantId: participant.participant.id,
    name: participant.participant.name,
    status: mark?.status ?? (excused ? "absent_excused" : null),
    minutes: mark ? String(mark.minutesAttended) : excused ? "0" : "",
    telehealth: mark?.telehealth ?? false,
    note: mark?.note ?? "",
    saved: mark,
  };
}

/** The roster as the server has it: saved marks shown as they are, everyone else not marked yet. */
export function draftFromRoster(roster: Roster): DraftRow[] {
  return roster.participants.map(rowOf);
}

/**
 * The roster read again (someone else saved meanwhile): every row gets the mark saved now, and
 * keeps what was chosen on this screen, which then counts as a change to that mark.
 */
export function mergeReloadedRoster(rows: readonly DraftRow[], roster: Roster): DraftRow[] {
  const mine = new Map(rows.map((r) => [r.participantId, r]));
  return roster.participants.map((p) => {
    const fresh = rowOf(p);
    const draft = mine.get(fresh.participantId);
    if (!draft || draft.status === null) return fresh;
    return { ...draft, saved: fresh.saved };
  });
}

/**
 * Choose a status. Minutes follow it: the whole session when present, 0 for an absence or a session
 * the program cancelled, and for late or left early the minutes already typed for a partial status
 * (else empty, to be typed). Telehealth stays for an attended status and is off otherwise.
 */
export function withStatus(
  row: DraftRow,
  status: AttendanceStatus,
  sessionMinutes: number,
  telehealthByDefault: boolean,
): DraftRow {
  const wasAttended = row.status !== null && isAttended(row.status);
  const minutes =
    status === "present"
      ? String(sessionMinutes)
      : isPartial(status)
        ? row.status !== null && isPartial(row.status)
          ? row.minutes
          : ""
        : "0";
  const telehealth = isAttended(status) ? (wasAttended ? row.telehealth : telehealthByDefault) : false;
  return { ...row, status, minutes, telehealth };
}

/** "Mark all present": everyone not marked yet becomes present for the whole session. */
export function markRestPresent(
  rows: readonly DraftRow[],
  sessionMinutes: number,
  telehealthByDefault: boolean,
): DraftRow[] {
  return rows.map((row) =>
    row.status === null ? withStatus(row, "present", sessionMinutes, telehealthByDefault) : row,
  );
}

/** The minutes as a number, or undefined while the box is empty (NaN when it is not a number). */
function minutesOf(row: DraftRow): number | undefined {
  const text = row.minutes.trim();
  return text === "" ? undefined : Number(text);
}

const noteOf = (row: DraftRow) => row.note.trim();

/** A saved mark changed on screen (an edit after the fact). A row not marked yet changes nothing. */
export function isChanged(row: DraftRow): boolean {
  if (!row.saved || row.status === null) return false;
  return (
    row.status !== row.saved.status ||
    minutesOf(row) !== row.saved.minutesAttended ||
    row.telehealth !== row.saved.telehealth ||
    noteOf(row) !== (row.saved.note ?? "")
  );
}

/** Rows the next save sends: first marks, and saved marks that changed. */
export function pendingRows(rows: readonly DraftRow[]): DraftRow[] {
  return rows.filter((row) => row.status !== null && (row.saved === null || isChanged(row)));
}

export type StatusCounts = Record<AttendanceStatus | "unmarked", number>;

export function countStatuses(rows: readonly DraftRow[]): StatusCounts {
  const counts = Object.fromEntries([...ATTENDANCE_STATUSES, "unmarked"].map((s) => [s, 0])) as StatusCounts;
  for (const row of rows) counts[row.status ?? "unmarked"] += 1;
  return counts;
}

/** Which message a mark's minutes deserve (only called when the schema refused them). */
function minutesMessage(row: DraftRow, sessionMinutes: number): FieldMessage {
  const minutes = minutesOf(row);
  const status = row.status!;
  const session = { minutes: sessionMinutes };
  if (minutes === undefined) return { key: "errors.minutesRequired", values: session };
  if (Number.isNaN(minutes)) return { key: "errors.minutesNumber" };
  if (!Number.isInteger(minutes)) return { key: "errors.minutesWhole" };
  if (minutes < 0) return { key: "errors.minutesNegative" };
  if (minutes > sessionMinutes) return { key: "errors.minutesOverSession", values: session };
  if (status === "present") return { key: "errors.presentWholeSession", values: session };
  if (isPartial(status))
    return minutes === 0
      ? { key: "errors.partialNoMinutes" }
      : { key: "errors.partialWholeSession", values: session };
  return status === "cancelled_by_program"
    ? { key: "errors.cancelledNoMinutes" }
    : { key: "errors.absenceNoMinutes" };
}

/** The mark of a row as the API takes it (a row with a status). */
function markOf(row: DraftRow) {
  const minutes = minutesOf(row);
  return {
    participantId: row.participantId,
    status: row.status!,
    minutesAttended: minutes === undefined || Number.isNaN(minutes) ? undefined : minutes,
    telehealth: row.telehealth,
    note: noteOf(row) === "" ? null : noteOf(row),
  };
}

/**
 * Check the roster before saving, with the server's own rules: everyone needs a status, each mark
 * the minutes its status allows, and changes to saved marks a reason. Messages land on their row.
 */
export function checkDraft(rows: readonly DraftRow[], sessionMinutes: number, reason: string): DraftErrors {
  const errors = noErrors();
  const schema = attendanceMarkSchema(sessionMinutes);
  for (const row of rows) {
    if (row.status === null) {
      errors.rows[row.participantId] = { status: { key: "errors.statusRequired" } };
      continue;
    }
    const { participantId: _, ...mark } = markOf(row);
    const typedButNotANumber = row.minutes.trim() !== "" && mark.minutesAttended === undefined;
    const parsed = schema.safeParse(mark);
    const rowErrors: RowErrors = {};
    if (typedButNotANumber) rowErrors.minutesAttended = { key: "errors.minutesNumber" };
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "status") as RowField;
        if (rowErrors[field]) continue;
        rowErrors[field] =
          field === "minutesAttended"
            ? minutesMessage(row, sessionMinutes)
            : field === "note"
              ? { key: "errors.noteTooLong", values: { max: NOTE_MAX } }
              : field === "telehealth"
                ? { key: "errors.telehealthAbsent" }
                : { key: "errors.statusRequired" };
      }
    }
    if (Object.keys(rowErrors).length > 0) errors.rows[row.participantId] = rowErrors;
  }
  if (rows.some(isChanged) && !editReasonSchema.safeParse(reason).success) {
    errors.reason =
      reason.trim().length > EDIT_REASON_MAX
        ? { key: "errors.reasonTooLong", values: { max: EDIT_REASON_MAX } }
        : { key: "errors.reasonRequired" };
  }
  return errors;
}

/** The request for the rows to send, with the reason when a saved mark changes. */
export function submissionOf(rows: readonly DraftRow[], reason: string): AttendanceSubmission {
  const marks = rows.map(markOf);
  return rows.some(isChanged) ? { marks, reason: reason.trim() } : { marks };
}

/** Server codes with words of their own in the dictionary. */
const GENERAL_CODES: Record<string, string> = {
  ATTENDANCE_RECORDED_MEANWHILE: "errors.recordedMeanwhile",
  ATTENDANCE_OCCURRENCE_CANCELLED: "errors.occurrenceCancelled",
  ATTENDANCE_OCCURRENCE_TIME_MISSING: "errors.occurrenceTimeMissing",
  ATTENDANCE_OCCURRENCE_NOT_FOUND: "errors.occurrenceNotFound",
  NOT_FOUND: "errors.occurrenceNotFound",
};

/**
 * A refused save, put where it belongs: `marks.<n>.<field>` on the row sent n-th, `reason` on the
 * reason, anything else above the roster. What was typed stays on screen.
 */
export function placeServerErrors(error: unknown, sent: readonly DraftRow[]): DraftErrors {
  const errors = noErrors();
  if (!(error instanceof ApiError)) return { ...errors, general: [{ key: "errors.generic" }] };
  if (error.status === 0) return { ...errors, general: [{ key: "errors.network" }] };
  const general = GENERAL_CODES[error.code];
  if (general) return { ...errors, general: [{ key: general }] };
  for (const field of error.fields) {
    const [head, index, name] = field.path.split(".");
    const row = head === "marks" ? sent[Number(index)] : undefined;
    if (field.path === "reason") {
      errors.reason ??= { text: field.message };
    } else if (row) {
      // A refused participant or status shows beside the status buttons.
      const rowField: RowField =
        name === "minutesAttended" || name === "telehealth" || name === "note" ? name : "status";
      const message: FieldMessage =
        name === "participantId" && error.code === "ATTENDANCE_NOT_ON_ROSTER"
          ? { key: "errors.notOnRoster" }
          : { text: field.message };
      errors.rows[row.participantId] = { ...errors.rows[row.participantId], [rowField]: message };
    } else {
      errors.general.push({ text: field.message });
    }
  }
  if (!hasErrors(errors))
    errors.general.push(error.status === 403 ? { key: "errors.forbidden" } : { text: error.message });
  return errors;
}
