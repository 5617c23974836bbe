import { Temporal } from "temporal-polyfill";
import { can, type Decision } from "../../core/access/access.rules";
import { type OccurrenceParams, occurrenceRefOf } from "../../core/attendance/roster.schema";
import { DomainError } from "../../core/platform/errors";
import { expandSeries, findSlotOfOccurrence, isoWeekdayOf } from "../../core/schedule/recurrence.rules";
import { formatDate, formatTime } from "../../core/schedule/reminder-message";
import { WEEKDAY_NAMES } from "../../core/schedule/track-pattern.schema";
import { type AuditContext, type AuditEntry, recordAudit } from "../audit/audit.service";
import type { Database } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import { namesOf } from "../schedule/tracks.sql";
import * as store from "./attendance.sql";
import { renderSignInSheet, type SignInSheet } from "./sign-in-sheet.pdf";
import { findSheetPlace, listSheetNames } from "./sign-in-sheet.sql";
import { exceptionOf, seriesOf } from "./week-sessions";

/**
 * The printable sign-in sheet of one group session, for whoever takes attendance or sees the
 * schedule at the track's site. The roster is the attendance roster (everyone enrolled on the day the
 * session takes place); printing it is a read of those participants' records, audited per person.
 */

/** "18:00" as the sheet prints it: "6:00 PM". */
function clock(time: string): string {
  return formatTime("en", { hour: Number(time.slice(0, 2)), minute: Number(time.slice(3, 5)) });
}

/** "2026-11-24" as "Tuesday, November 24, 2026". */
function longDate(date: string): string {
  const d = Temporal.PlainDate.from(date);
  return `${formatDate("en", { weekday: d.dayOfWeek, month: d.month, day: d.day })}, ${d.year}`;
}

/** The name a person goes by: their preferred name, if the record has one, and family name. */
function sheetName(row: { given_name: string; family_name: string; preferred_name: string }): string {
  const first = row.preferred_name.trim() || row.given_name;
  return `${first} ${row.family_name}`;
}

export function createSignInSheetService(deps: { db: Database; now: () => Date }) {
  const { db, now } = deps;

  /** The actor's decision to print at the track's site: attendance.record, else schedule.view. */
  function decide(actor: Actor, siteId: string, at: Date): Decision | undefined {
    return (["attendance.record", "schedule.view"] as const)
      .map((permission) => can(actor.access, permission, { type: "site", siteId }, at))
      .find((decision) => decision.allowed);
  }

  return {
    async signInSheet(
      actor: Actor,
      params: OccurrenceParams,
      context: AuditContext,
    ): Promise<{ pdf: Buffer; filename: string }> {
      const at = now();
      const track = await store.findTrackById(db, params.trackId);
      const decision = track ? decide(actor, track.site_id, at) : undefined;
      if (!track || !decision?.allowed) throw new DomainError("NOT_FOUND", "No such track.");

      const series = seriesOf(track);
      const on = occurrenceRefOf(params.key);
      if (findSlotOfOccurrence(series, on) === null) {
        throw new DomainError(
          "ATTENDANCE_OCCURRENCE_NOT_FOUND",
          `${track.name} has no session on ${WEEKDAY_NAMES[isoWeekdayOf(on.date)]} ${on.date} at ${on.start}.`,
        );
      }
      const stored = (await store.listExceptionsByTracks(db, [track.id])).find(
        (e) => e.occurrence_key === params.key,
      );
      const exception = stored ? exceptionOf(stored) : null;
      const movedOn = exception?.kind === "moved" ? exception.movedTo.date : on.date;
      const [from, to] = movedOn < on.date ? [movedOn, on.date] : [on.date, movedOn];
      const occurrence = expandSeries(series, exception ? [exception] : [], from, to).find(
        (o) => o.key === params.key,
      )!;
      if (occurrence.status === "cancelled") {
        throw new DomainError(
          "ATTENDANCE_OCCURRENCE_CANCELLED",
          "This session was cancelled; it has no sign-in sheet.",
        );
      }
      if (occurrence.problem !== null) throw new DomainError("ATTENDANCE_OCCURRENCE_TIME_MISSING");

      const [enrolled, place] = await Promise.all([
        store.listEnrolledOn(db, track.id, occurrence.date),
        findSheetPlace(db, track.id),
      ]);
      const names = new Map(
        (
          await listSheetNames(
            db,
            enrolled.map((e) => e.participant_id),
          )
        ).map((n) => [n.id, sheetName(n)]),
      );
      const facilitators =
        exception?.kind === "substitute"
          ? [...(await namesOf(db, exception.facilitatorIds)).values()].sort()
          : place!.facilitators.map((f) => f.name);
      const note =
        exception?.kind === "moved"
          ? `Moved from ${longDate(on.date)} at ${clock(on.start)}.`
          : exception?.kind === "substitute"
            ? "A substitute runs this session."
            : null;
      const printedAt = Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(
        track.time_zone,
      );
      const sheet: SignInSheet = {
        programName: place!.program_name,
        siteName: place!.site_name,
        trackName: track.name,
        date: longDate(occurrence.date),
        time: `${clock(occurrence.start)} – ${clock(occurrence.end)}`,
        timeZone: track.time_zone,
        place: track.telehealth ? "By video" : place!.room_name || place!.location.trim() || "—",
        facilitators,
        note,
        participants: enrolled.map((e) => names.get(e.participant_id) ?? e.name),
        printed: `Printed ${longDate(printedAt.toPlainDate().toString())} at ${clock(printedAt.toPlainTime().toString().slice(0, 5))}`,
      };

      // Audited before the sheet exists: one event per participant listed on it.
      const base = {
        action: "attendance.sign_in_sheet_print",
        resourceType: "track_occurrence",
        resourceId: track.id,
        purpose: decision.purpose,
        details: { occurrenceKey: params.key, participants: enrolled.length },
      } satisfies AuditEntry;
      const entries: AuditEntry[] =
        enrolled.length > 0 ? enrolled.map((e) => ({ ...base, participantId: e.participant_id })) : [base];
      await recordAudit(db, context, entries, at);

      return {
        pdf: await renderSignInSheet(sheet),
        filename: `sign-in-sheet-${occurrence.date}-${occurrence.start.replace(":", "")}.pdf`,
      };
    },
  };
}
export type SignInSheetService = ReturnType<typeof createSignInSheetService>;
