import { ALL_LEVEL_CODES } from "../../core/admissions/admission-settings.schema";
import { isoWeekStart } from "../../core/attendance/weekly-hours.rules";
import {
  checkDischarge,
  currentObjectiveStatuses,
  deriveReadiness,
  type ReadinessFacts,
  tedsReasonCode,
  tedsServiceCode,
} from "../../core/discharges/discharges.rules";
import type {
  DischargeEpisode,
  DischargeInput,
  DischargeOverview,
  DischargeResult,
  UnsignedNote,
} from "../../core/discharges/discharges.schema";
import type { DischargeReason } from "../../core/participants/episodes.schema";
import { addDays } from "../../core/platform/dates";
import { DomainError, isDomainError } from "../../core/platform/errors";
import { EXIT_REASON_DISCHARGED } from "../../core/schedule/enrollment.schema";
import { planContentSchema } from "../../core/treatment-plans/plan.schema";
import { reviewContentSchema } from "../../core/treatment-plans/review.schema";
import { localDateIn } from "../../core/treatment-plans/review-due.rules";
import { readAdmissionSettings } from "../admissions/admission-settings.repo";
import * as assessmentStore from "../assessments/assessments.sql";
import type { ReadCaseloadClinical } from "../assessments/key-measures";
import type { AttendanceService } from "../attendance/attendance.service";
import { type AuditContext, appendAudit, recordAudit } from "../audit/audit.service";
import type { Database } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import type { ParticipantAccess } from "../platform/route-access";
import * as appointmentStore from "../schedule/appointments.sql";
import * as enrollmentStore from "../schedule/enrollments.sql";
import { afterDischarge } from "./after-discharge";
import * as store from "./discharges.sql";

/** Weeks of attendance the readiness view shows, and days back it looks for use and critical answers. */
const READINESS_WEEKS = 4;
const RISK_WINDOW_DAYS = 14;

function assertStaff(actor: Actor): void {
  if (actor.user.kind !== "staff") {
    throw new DomainError("AUTH_FORBIDDEN", "Discharges are recorded by the care team.");
  }
}

function unsignedNoteOf(row: store.UnsignedNoteRow): UnsignedNote {
  return {
    id: row.id,
    kind: row.kind,
    sessionDate: row.session_date,
    author: row.author_name,
    status: row.status,
  };
}

function episodeOf(row: store.EpisodeRow): DischargeEpisode {
  const reason = row.discharge_reason as DischargeReason | null;
  return {
    id: row.id,
    admittedOn: row.admitted_on,
    levelOfCare: row.level_of_care,
    trackName: row.track_name,
    dischargedOn: row.discharged_on,
    reason,
    tedsReasonCode: reason ? tedsReasonCode(reason) : null,
    dischargeLevelOfCare: row.discharge_level_of_care,
    tedsServiceCode: tedsServiceCode(row.discharge_level_of_care),
    referredLevelOfCare: row.referred_level_of_care,
    note: row.discharge_note,
    dischargedBy: row.discharged_by_name,
    previousEpisode:
      row.previous_episode_id && row.previous_admitted_on
        ? { id: row.previous_episode_id, admittedOn: row.previous_admitted_on }
        : null,
  };
}

/**
 * Discharge: the readiness view of the open episode and the discharge itself, which closes the
 * episode, ends the track place, cancels what was booked ahead and starts what follows a discharge
 * (follow-ups, alumni) in one transaction. The participant's account stays enabled (alumni).
 */
export function createDischargesService(deps: {
  db: Database;
  now: () => Date;
  attendance: Pick<AttendanceService, "weeklyHours">;
  readCaseloadClinical: ReadCaseloadClinical;
}) {
  const { db, now, attendance, readCaseloadClinical } = deps;

  async function offeredLevels(): Promise<string[]> {
    const offered = (await readAdmissionSettings(db)).offeredLevels;
    return [...offered, ...ALL_LEVEL_CODES.filter((c) => !offered.includes(c))];
  }

  /** The discharge itself, in one transaction (the caller audits a refusal). */
  async function recordDischarge(
    actor: Actor,
    access: ParticipantAccess,
    input: DischargeInput,
    context: AuditContext,
    at: Date,
  ): Promise<DischargeResult> {
    const participantId = access.participantId;
    return db.transaction(async (tx) => {
      const open = await store.findOpenEpisode(tx, participantId, true);
      if (!open) {
        throw new DomainError(
          "DISCHARGE_NO_OPEN_EPISODE",
          "This person is not in the program now: there is no open episode to discharge.",
        );
      }
      const today = localDateIn(at, open.time_zone);
      const problems = checkDischarge(input, { admittedOn: open.admitted_on, today });
      if (problems.length > 0) throw new DomainError("VALIDATION_FAILED", problems[0]!.message, problems);

      const unsigned = (await store.listUnsignedNotesOfEpisode(tx, open.id)).map(unsignedNoteOf);
      if (unsigned.length > 0 && !input.acknowledgeUnsignedNotes) {
        throw new DomainError(
          "DISCHARGE_UNSIGNED_NOTES",
          `This episode has ${unsigned.length === 1 ? "1 unsigned note" : `${unsigned.length} unsigned notes`}. Sign them first, or confirm you are discharging with them unsigned.`,
          undefined,
          { unsignedNotes: unsigned },
        );
      }

      await store.closeEpisode(tx, open.id, {
        dischargedOn: input.dischargedOn,
        dischargeReason: input.reason,
        dischargeLevelOfCare: input.levelOfCare,
        referredLevelOfCare: input.referredLevelOfCare,
        dischargeNote: input.note,
        dischargedBy: actor.user.id,
        dischargeRecordedAt: at,
      });

      // The track place ends on the discharge date (never before the day the person joined).
      const place = await enrollmentStore.findOpenOfEpisode(tx, open.id);
      if (place) {
        const exitOn =
          place.joined_on && place.joined_on > input.dischargedOn ? place.joined_on : input.dischargedOn;
        await enrollmentStore.markExited(tx, place.id, exitOn, EXIT_REASON_DISCHARGED);
      }

      // What was booked ahead is cancelled: appointments after now, open questionnaires.
      const appointmentIds = await store.listFutureAppointmentIds(tx, participantId, input.dischargedOn, at);
      await appointmentStore.cancelMany(tx, appointmentIds, "Discharged from the program", at);
      const assignments = await assessmentStore.listOpenAssignments(tx, participantId);
      let cancelledAssignments = 0;
      for (const { assignment } of assignments) {
        if (await assessmentStore.cancelAssignment(tx, assignment.id, participantId, at))
          cancelledAssignments++;
      }

      await afterDischarge(
        tx,
        {
          participantId,
          episodeId: open.id,
          siteId: open.site_id,
          dischargedOn: input.dischargedOn,
          reason: input.reason,
          timeZone: open.time_zone,
        },
        at,
      );

      await appendAudit(
        tx,
        context,
        {
          action: "discharge.record",
          resourceType: "episode",
          resourceId: open.id,
          participantId,
          purpose: access.purpose,
          details: {
            dischargedOn: input.dischargedOn,
            reason: input.reason,
            tedsReason: tedsReasonCode(input.reason),
            levelOfCare: input.levelOfCare,
            referredLevelOfCare: input.referredLevelOfCare,
            exitedEnrollment: place?.id ?? null,
            cancelledAppointments: appointmentIds.length,
            cancelledAssignments,
            // Discharged with unsigned notes: which ones, acknowledged by the clinician.
            unsignedNotes: unsigned.length,
            unsignedNoteList:
              unsigned.length === 0
                ? null
                : unsigned.map((n) => `${n.sessionDate} ${n.kind} by ${n.author} (${n.id})`).join("; "),
          },
        },
        at,
      );

      const episode = (await store.listEpisodes(tx, participantId)).find((e) => e.id === open.id)!;
      return {
        episode: episodeOf(episode),
        exitedTrack: place?.track_name ?? null,
        cancelledAppointments: appointmentIds.length,
        cancelledAssignments,
      };
    });
  }

  return {
    /** GET /participants/:id/discharge-readiness (the guard checked clinical.view; the read is audited here). */
    async overview(
      actor: Actor,
      access: ParticipantAccess,
      context: AuditContext,
    ): Promise<DischargeOverview> {
      const at = now();
      const participantId = access.participantId;
      // The read is audited before the data is produced; a participant has no discharge view.
      const staff = actor.user.kind === "staff";
      await recordAudit(
        db,
        context,
        {
          action: "discharge.readiness_view",
          resourceType: "episode",
          resourceId: participantId,
          participantId,
          purpose: access.purpose,
          ...(staff ? {} : { outcome: "denied" as const, details: { reason: "not_staff" } }),
        },
        at,
      );
      assertStaff(actor);
      const timeZone = await store.findSiteTimeZone(db, participantId);
      const today = localDateIn(at, timeZone);
      const [episodes, open, levels] = await Promise.all([
        store.listEpisodes(db, participantId),
        store.findOpenEpisode(db, participantId),
        offeredLevels(),
      ]);
      if (!open) return { readiness: null, episodes: episodes.map(episodeOf), levels, today };

      const from = addDays(today, -(RISK_WINDOW_DAYS - 1));
      const thisWeek = isoWeekStart(today);
      const weekStarts = Array.from({ length: READINESS_WEEKS }, (_, i) =>
        addDays(thisWeek, -7 * (READINESS_WEEKS - i)),
      ).filter((start) => addDays(start, 6) >= open.admitted_on);
      const [plan, notes, useDays, criticalAnswers, clinical, weeks] = await Promise.all([
        store.findSignedPlan(db, open.id),
        store.listUnsignedNotesOfEpisode(db, open.id),
        store.listUseDays(db, participantId, from),
        store.countCriticalAnswers(db, participantId, from),
        readCaseloadClinical(db, [{ id: participantId, episodeId: open.id }]),
        Promise.all(weekStarts.map((week) => attendance.weeklyHours(participantId, { week }))),
      ]);
      let planFacts: ReadinessFacts["plan"] = null;
      if (plan) {
        const content = planContentSchema.safeParse(plan.content);
        const review = reviewContentSchema.safeParse(plan.review_content);
        if (content.success) {
          const objectives = content.data.problems.flatMap((p) => p.objectives);
          planFacts = {
            criteria: content.data.dischargeCriteria,
            objectives: currentObjectiveStatuses(objectives, review.success ? review.data.progress : []),
          };
        }
      }
      const measures = clinical.get(participantId);
      const readiness = deriveReadiness({
        episodeId: open.id,
        admittedOn: open.admitted_on,
        levelOfCare: open.level_of_care,
        plan: planFacts,
        weeks: weeks.map((w) => ({
          weekStart: w.weekStart,
          attendedMinutes: w.attendedMinutes,
          minimumMinutes: w.minimumMinutes,
        })),
        scores: (measures?.measures ?? []).map((m) => ({
          instrumentKey: m.instrumentKey,
          score: m.score,
          band: m.band,
          on: m.on,
          change: m.change,
          status: m.status,
        })),
        openUrgentAlerts: measures?.openUrgentAlerts ?? 0,
        useDays,
        criticalAnswers,
        unsignedNotes: notes.map(unsignedNoteOf),
      });
      return { readiness, episodes: episodes.map(episodeOf), levels, today };
    },

    /** POST /participants/:id/discharge (the guard checked clinical.write on this participant). */
    async discharge(
      actor: Actor,
      access: ParticipantAccess,
      input: DischargeInput,
      context: AuditContext,
    ): Promise<DischargeResult> {
      assertStaff(actor);
      const at = now();
      const participantId = access.participantId;
      try {
        return await recordDischarge(actor, access, input, context, at);
      } catch (error) {
        // A refused attempt (bad input, unsigned notes, nothing to discharge) is kept in the audit
        // trail too: the clinician was shown the warning; nothing else was written.
        if (isDomainError(error) && error.kind !== "internal") {
          await recordAudit(
            db,
            context,
            {
              action: "discharge.refused",
              resourceType: "episode",
              participantId,
              purpose: access.purpose,
              details: { code: error.code, acknowledgedUnsignedNotes: input.acknowledgeUnsignedNotes },
            },
            at,
          );
        }
        throw error;
      }
    },
  };
}
export type DischargesService = ReturnType<typeof createDischargesService>;
