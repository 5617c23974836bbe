import type { AccessActor, GrantScope } from "../access/access.rules";
import type { AuditPurpose } from "../audit/audit.schema";
import {
  ALERT_SEVERITIES,
  type AlertAudience,
  type AlertEvidence,
  type AlertKind,
  type AlertSettings,
  type AlertSeverity,
  type AlertState,
} from "./alerts.schema";

/**
 * The alert rules. Pure: the caller passes the clock, the care team and the program settings.
 */

/** Kinds whose audience does not follow from their severity. */
const KIND_AUDIENCE: Partial<Record<AlertKind, readonly AlertAudience[]>> = {
  // Emergency access to a record is a compliance matter for the clinical director, not the care team.
  break_the_glass: ["clinical_director"],
  // Attendance is the whole care team's concern (a facilitator may see the participant first); the
  // primary counselor is named so the alert is theirs to act on.
  weekly_hours_short: ["primary_counselor", "care_team"],
  consecutive_unexcused_absences: ["primary_counselor", "care_team"],
  low_attendance_rate: ["primary_counselor", "care_team"],
  // The payer's days rule is a billing and scheduling matter (info): the counselor can add a day.
  payer_days_short: ["primary_counselor"],
  // An unsigned note is its author's to finish: the note's service names the author as the
  // recipient; nobody else's inbox fills with documentation reminders.
  clinical_note_unsigned: [],
  // Reported use and a hard day are the primary counselor's to follow up, but whoever runs the next
  // group should know too.
  check_in_use_reported: ["primary_counselor", "care_team"],
  // Consents (issue 10): a safety concern about a person is the whole care team's to know about.
  family_safety_concern: ["primary_counselor", "care_team"],
  blocked_person_invited: ["primary_counselor", "clinical_director"],
  // Approving a disclosure without consent is the clinical director's decision.
  disclosure_approval_needed: ["clinical_director"],
  restriction_requested: ["primary_counselor", "clinical_director"],
  // Discharge and alumni (issue 11): the former primary counselor knows the person; the director
  // sees that someone who has left care needs a way back.
  alumni_reengagement: ["primary_counselor", "clinical_director"],
  aftercare_appointment_unconfirmed: ["primary_counselor"],
};

const SEVERITY_AUDIENCE: Record<AlertSeverity, readonly AlertAudience[]> = {
  info: ["primary_counselor"],
  warning: ["primary_counselor"],
  urgent: ["care_team"],
  emergency: ["care_team", "clinical_director"],
};

/**
 * Who an alert is for. Routine alerts go to the primary counselor; urgent ones to the whole care
 * team; emergencies also to the clinical director at once (urgent ones reach the director only by
 * escalation).
 */
export function deriveAudience(kind: AlertKind, severity: AlertSeverity): readonly AlertAudience[] {
  return KIND_AUDIENCE[kind] ?? SEVERITY_AUDIENCE[severity];
}

export interface AudiencePeople {
  /** The participant's care team (role `primary_counselor` marks the primary counselor). */
  careTeam: readonly { userId: string; role: string }[];
  /** Clinical directors working at the participant's site. */
  clinicalDirectors: readonly string[];
}

/**
 * The people an alert is for, each once. An alert that would reach nobody (no primary counselor, an
 * empty care team) goes to the clinical directors instead; an escalated alert reaches them too.
 */
export function resolveRecipients(
  alert: {
    audience: readonly AlertAudience[];
    escalated: boolean;
    /** People the raising domain names besides the audience (a note's author). */
    named?: readonly string[];
  },
  people: AudiencePeople,
): string[] {
  const ids = new Set<string>(alert.named ?? []);
  for (const audience of alert.audience) {
    if (audience === "primary_counselor") {
      for (const m of people.careTeam) if (m.role === "primary_counselor") ids.add(m.userId);
    } else if (audience === "care_team") {
      for (const m of people.careTeam) ids.add(m.userId);
    } else {
      for (const id of people.clinicalDirectors) ids.add(id);
    }
  }
  if (alert.escalated || ids.size === 0) for (const id of people.clinicalDirectors) ids.add(id);
  return [...ids];
}

/** Severities that are emailed to their people when raised, and escalate when left unacknowledged. */
export const PRESSING_SEVERITIES: readonly AlertSeverity[] = ["urgent", "emergency"];

export function isPressing(severity: AlertSeverity): boolean {
  return PRESSING_SEVERITIES.includes(severity);
}

/** How long an alert of this severity may stay unacknowledged, or null when it never escalates. */
export function escalationMinutes(severity: AlertSeverity, settings: AlertSettings): number | null {
  if (severity === "emergency") return settings.emergencyEscalationMinutes;
  if (severity === "urgent") return settings.urgentEscalationMinutes;
  return null;
}

export interface EscalationFacts {
  severity: AlertSeverity;
  state: AlertState;
  createdAt: Date;
  escalatedAt: Date | null;
}

/**
 * An urgent or emergency alert still open (nobody acknowledged it) after the program's escalation
 * time, and not escalated yet. Exactly at the limit counts as due.
 */
export function isEscalationDue(alert: EscalationFacts, now: Date, settings: AlertSettings): boolean {
  if (alert.state !== "open" || alert.escalatedAt !== null) return false;
  const minutes = escalationMinutes(alert.severity, settings);
  if (minutes === null) return false;
  return now.getTime() - alert.createdAt.getTime() >= minutes * 60_000;
}

/** The oldest creation time still within the limit: alerts created at or before it are due. */
export function escalationCutoff(severity: AlertSeverity, now: Date, settings: AlertSettings): Date | null {
  const minutes = escalationMinutes(severity, settings);
  return minutes === null ? null : new Date(now.getTime() - minutes * 60_000);
}

export type AlertAction = "acknowledge" | "resolve";

export type AlertTransitionError =
  | "ALERTS_ALREADY_ACKNOWLEDGED"
  | "ALERTS_ALREADY_RESOLVED"
  | "ALERTS_NOT_ACKNOWLEDGED"
  | "ALERTS_NOTE_REQUIRED";

/**
 * open → acknowledged → resolved. Resolving needs a note saying what was done and an acknowledgement
 * first (acknowledging is what stops escalation); a resolved alert is final.
 */
export function checkTransition(
  from: AlertState,
  action: AlertAction,
  note?: string | null,
): { ok: true; to: AlertState } | { ok: false; code: AlertTransitionError } {
  if (from === "resolved") return { ok: false, code: "ALERTS_ALREADY_RESOLVED" };
  if (action === "acknowledge") {
    return from === "open"
      ? { ok: true, to: "acknowledged" }
      : { ok: false, code: "ALERTS_ALREADY_ACKNOWLEDGED" };
  }
  if (from === "open") return { ok: false, code: "ALERTS_NOT_ACKNOWLEDGED" };
  if (!note || note.trim().length === 0) return { ok: false, code: "ALERTS_NOTE_REQUIRED" };
  return { ok: true, to: "resolved" };
}

/** Where an alert's evidence opens in the staff app. */
export function evidenceLink(participantId: string, evidence: AlertEvidence): string {
  const record = `/staff/participants/${encodeURIComponent(participantId)}`;
  switch (evidence.kind) {
    case "participant_record":
      // An item names a questionnaire (an overdue measure): open the chart at its Assessments tab.
      return evidence.item ? `${record}?tab=assessments` : record;
    case "assessment_response": {
      const params = new URLSearchParams({ tab: "assessments", response: evidence.id });
      if (evidence.item) params.set("item", evidence.item);
      return `${record}?${params.toString()}`;
    }
    case "break_glass_grant":
      return `${record}/access-log`;
    case "attendance_week": {
      // The item is the week's Monday: open the chart's Schedule tab at that week.
      const params = new URLSearchParams({ tab: "schedule" });
      if (evidence.item) params.set("week", evidence.item);
      return `${record}?${params.toString()}`;
    }
    case "attendance_record": {
      // The item, when there is one, is the session's date: open the Schedule tab at its week.
      const params = new URLSearchParams({ tab: "schedule" });
      if (evidence.item) params.set("week", evidence.item);
      return `${record}?${params.toString()}`;
    }
    case "treatment_plan":
      return `${record}?tab=plan`;
    case "clinical_note":
      // The notes worklist lists the note (group or individual) with a link to its screen.
      return "/staff/notes";
    case "check_in": {
      // The chart's Check-ins tab, with the check-in picked out.
      const params = new URLSearchParams({ tab: "checkins", checkIn: evidence.id });
      return `${record}?${params.toString()}`;
    }
    case "absence_request": {
      // The chart's Schedule tab at the session's week, where pending requests are decided.
      const params = new URLSearchParams({ tab: "schedule", request: evidence.id });
      if (evidence.item) params.set("week", evidence.item);
      return `${record}?${params.toString()}`;
    }
    // Consents (issue 10): the chart's Consents tab, with the consent, request or restriction picked out.
    case "consent":
      return `${record}?${new URLSearchParams({ tab: "consents", consent: evidence.id }).toString()}`;
    case "disclosure_exception":
      return `${record}?${new URLSearchParams({ tab: "consents", exception: evidence.id }).toString()}`;
    case "restriction":
      return `${record}?${new URLSearchParams({ tab: "consents", restriction: evidence.id }).toString()}`;
    // Discharge and alumni (issue 11): the chart's Discharge tab, with the survey, check-in or task picked out.
    case "follow_up_survey":
      return `${record}?${new URLSearchParams({ tab: "discharge", followUp: evidence.id }).toString()}`;
    case "alumni_check_in":
      return `${record}?${new URLSearchParams({ tab: "discharge", alumniCheckIn: evidence.id }).toString()}`;
    case "aftercare_task":
      return `${record}?${new URLSearchParams({ tab: "discharge", task: evidence.id }).toString()}`;
  }
}

/** Sort key: most pressing first. */
export function severityRank(severity: AlertSeverity): number {
  return ALERT_SEVERITIES.indexOf(severity);
}

/** The plain-words reason of a break-the-glass alert. */
export function breakGlassAlertReason(staffName: string, reasonGiven: string): string {
  return `${staffName} opened this record outside the care team. Reason given: ${reasonGiven}`;
}

/**
 * Which alerts a staff member reaches, from their grants: clinical alerts about the participants
 * their `alerts.view` (or `alerts.manage`) reaches — the whole site or their care team — and
 * break-the-glass alerts at their sites with `alerts.review_access`.
 */
export interface AlertScope {
  userId: string;
  siteIds: readonly string[];
  clinical: GrantScope | null;
  breakGlass: boolean;
}

export function deriveAlertScope(actor: AccessActor, purpose: "view" | "manage"): AlertScope {
  const staff = actor.kind === "staff";
  return {
    userId: actor.userId,
    siteIds: staff ? actor.siteIds : [],
    clinical: staff ? (actor.grants[purpose === "view" ? "alerts.view" : "alerts.manage"] ?? null) : null,
    breakGlass: staff && actor.grants["alerts.review_access"] !== undefined,
  };
}

/** Whether the scope reaches one alert (site, kind, and the participant's care team). */
export function isWithinAlertScope(
  scope: AlertScope,
  alert: {
    kind: AlertKind;
    siteId: string;
    careTeam: readonly string[];
    /** Those the alert was sent to: a recipient reaches it even outside the care team (a note's author). */
    recipients?: readonly string[];
  },
): boolean {
  if (!scope.siteIds.includes(alert.siteId)) return false;
  if (alert.kind === "break_the_glass") return scope.breakGlass;
  if (scope.clinical === "site") return true;
  return (
    scope.clinical === "caseload" &&
    (alert.careTeam.includes(scope.userId) || (alert.recipients ?? []).includes(scope.userId))
  );
}

/** Why staff act on an alert, for the audit trail. */
export function alertPurpose(kind: AlertKind): AuditPurpose {
  return kind === "break_the_glass" ? "operations" : "treatment";
}
