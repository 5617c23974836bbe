/**
 * One error currency. Domain code throws `DomainError` with a code from this catalog;
 * the HTTP layer maps each code's kind to a status. Nothing here knows HTTP.
 */

export const ERROR_KINDS = [
  "invalid",
  "unauthenticated",
  "forbidden",
  "not_found",
  "conflict",
  "rate_limited",
  "unavailable",
  "internal",
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export const ERROR_CATALOG = {
  VALIDATION_FAILED: { kind: "invalid", message: "Some fields are not valid." },
  BAD_REQUEST: { kind: "invalid", message: "The request could not be understood." },
  CSRF_HEADER_MISSING: {
    kind: "forbidden",
    message: "This request must be sent by the Bridgeway app (missing request header).",
  },
  CSRF_ORIGIN_MISMATCH: {
    kind: "forbidden",
    message: "This request came from another site and was refused.",
  },
  AUTH_REQUIRED: { kind: "unauthenticated", message: "Please sign in." },
  AUTH_INVALID_CREDENTIALS: { kind: "unauthenticated", message: "Email or password is incorrect." },
  AUTH_FORBIDDEN: { kind: "forbidden", message: "You do not have access to this." },
  RATE_LIMITED: { kind: "rate_limited", message: "Too many requests. Please wait a minute and try again." },
  ROUTE_NOT_FOUND: { kind: "not_found", message: "There is no API route at this address." },
  NOT_FOUND: { kind: "not_found", message: "Not found." },
  IDENTITY_EMAIL_TAKEN: { kind: "conflict", message: "An account with this email already exists." },
  IDENTITY_PASSWORD_WEAK: { kind: "invalid", message: "The password is too weak." },
  IDENTITY_WRONG_PASSWORD: { kind: "invalid", message: "Your password is not right." },
  IDENTITY_SELF_CHANGE: { kind: "conflict", message: "You cannot do this to your own account." },
  IDENTITY_NOT_STAFF: { kind: "invalid", message: "Only staff accounts have roles and sites." },
  IDENTITY_ALREADY_ACTIVE: { kind: "conflict", message: "This person has already set a password." },
  AUTH_LOCKED: {
    kind: "rate_limited",
    message: "Too many failed attempts. Wait 15 minutes, or reset your password, and try again.",
  },
  AUTH_MFA_PENDING: {
    kind: "unauthenticated",
    message: "Finish signing in with your verification code first.",
  },
  MFA_CODE_INVALID: {
    kind: "invalid",
    message: "That code is not right. Enter the current code from your app.",
  },
  MFA_CODE_REUSED: {
    kind: "invalid",
    message: "That code was already used. Wait for the next code in your app.",
  },
  MFA_RECOVERY_CODE_INVALID: {
    kind: "invalid",
    message: "That recovery code is not right or was already used.",
  },
  MFA_REQUIRED: { kind: "forbidden", message: "Your program requires two-step verification for staff." },
  MFA_ALREADY_ENABLED: {
    kind: "conflict",
    message: "Two-step verification is already on. Turn it off first to set up another app.",
  },
  MFA_NOT_STARTED: { kind: "conflict", message: "Start setting up two-step verification first." },
  TOKEN_INVALID: {
    kind: "invalid",
    message: "This link has expired or was already used. Ask for a new one.",
  },
  ACCESS_BREAK_GLASS_AVAILABLE: {
    kind: "forbidden",
    message:
      "You are not on this participant's care team. In an emergency you may open the record by stating a reason; the access is audited and reported.",
  },
  ADMISSIONS_STAGE_CLOSED: { kind: "conflict", message: "This inquiry is closed; its stage cannot change." },
  ADMISSIONS_TRANSITION_NOT_ALLOWED: {
    kind: "conflict",
    message: "The inquiry cannot move to that stage from where it is.",
  },
  ADMISSIONS_REASON_REQUIRED: { kind: "invalid", message: "Choose why the person was not admitted." },
  ADMISSIONS_REFERRED_TO_REQUIRED: { kind: "invalid", message: "Say where the person was referred." },
  ADMISSIONS_ADMIT_THROUGH_ADMISSION: {
    kind: "conflict",
    message: "Admit the person by completing the admission; that creates their record and episode.",
  },
  ADMISSIONS_ALREADY_IN_PROGRAM: {
    kind: "conflict",
    message: "This person is in the program now. Open their record instead of admitting them again.",
  },
  ADMISSIONS_POSSIBLE_DUPLICATE: {
    kind: "conflict",
    message:
      "Someone with this name and date of birth may already be in the program. Check, or confirm this is a different person.",
  },
  ALERTS_ALREADY_ACKNOWLEDGED: {
    kind: "conflict",
    message: "Someone has already acknowledged this alert. Reload to see who.",
  },
  ALERTS_ALREADY_RESOLVED: {
    kind: "conflict",
    message: "This alert is resolved; it cannot change any more.",
  },
  ALERTS_NOT_ACKNOWLEDGED: { kind: "conflict", message: "Acknowledge the alert before resolving it." },
  ALERTS_NOTE_REQUIRED: { kind: "invalid", message: "Say what was done, in a few words." },
  ATTENDANCE_OCCURRENCE_NOT_FOUND: {
    kind: "not_found",
    message: "This track has no session at that date and time.",
  },
  ATTENDANCE_OCCURRENCE_CANCELLED: {
    kind: "conflict",
    message: "This session was cancelled; it takes no attendance.",
  },
  ATTENDANCE_OCCURRENCE_TIME_MISSING: {
    kind: "conflict",
    message:
      "This session's local time does not exist that day (the clocks change). Move or cancel it before taking attendance.",
  },
  ATTENDANCE_RECORDED_MEANWHILE: {
    kind: "conflict",
    message:
      "Someone else recorded attendance for this session at the same moment. Reload the roster and try again: nothing was saved.",
  },
  ATTENDANCE_NOT_ON_ROSTER: {
    kind: "invalid",
    message: "Someone marked is not enrolled in this track on the session's date.",
  },
  ASSESSMENTS_UNKNOWN_QUESTIONNAIRE: {
    kind: "invalid",
    message: "There is no such questionnaire in this program.",
  },
  ASSESSMENTS_ALREADY_ASSIGNED: {
    kind: "conflict",
    message: "This questionnaire is already assigned and not yet completed.",
  },
  ASSESSMENTS_ASSIGNMENT_CLOSED: {
    kind: "conflict",
    message: "There is no open assignment with this id: it was completed or withdrawn.",
  },
  ASSESSMENTS_VERSION_RETIRED: {
    kind: "conflict",
    message: "This form was made from an older version of the questionnaire. Reload it and answer again.",
  },
  // Check-ins (issue 9, H1): the day and time a check-in is for, and its idempotency key.
  CHECK_IN_DATE_IN_FUTURE: {
    kind: "invalid",
    message: "This check-in is for a day that has not started yet. Check your phone's date.",
  },
  CHECK_IN_TOO_OLD: {
    kind: "invalid",
    message: "This check-in is for a day too long ago to be added now.",
  },
  CHECK_IN_RECORDED_IN_FUTURE: {
    kind: "invalid",
    message: "The time this check-in was filled in is later than now. Check your phone's clock.",
  },
  CHECK_IN_KEY_REUSED: {
    kind: "conflict",
    message: "This check-in's key was already used for different answers. Start a new check-in.",
  },
  SCHEDULE_EXCEPTION_EXISTS: {
    kind: "conflict",
    message: "This session already has an exception. Remove it first to change it.",
  },
  SCHEDULE_CAPACITY_BELOW_ENROLLED: {
    kind: "invalid",
    message: "The capacity cannot be less than the number of participants enrolled.",
  },
  SCHEDULE_CONFLICT: {
    kind: "conflict",
    message:
      "This time clashes with other sessions: nothing was booked. Choose another time, staff member or room.",
  },
  SCHEDULE_ROOM_NAME_TAKEN: { kind: "conflict", message: "This site already has a room with this name." },
  SCHEDULE_APPOINTMENT_CANCELLED: {
    kind: "conflict",
    message: "This session was cancelled; it cannot be moved or take attendance.",
  },
  SCHEDULE_ATTENDANCE_RECORDED: {
    kind: "conflict",
    message: "Attendance is recorded for this session; it cannot be moved.",
  },
  TRACK_FULL: {
    kind: "conflict",
    message: "The track is full. Add the participant to its waitlist, or choose another track.",
  },
  ENROLLMENT_OPEN_EXISTS: {
    kind: "conflict",
    message:
      "The participant already has a place in a track (or on its waitlist) in this episode. Move them instead.",
  },
  ENROLLMENT_NO_OPEN_PLACE: {
    kind: "conflict",
    message:
      "The participant has no place in a track (or on a waitlist) to move. Place them in a track instead.",
  },
  ENROLLMENT_NO_CURRENT_EPISODE: {
    kind: "conflict",
    message: "The participant is not in the program now (no open episode). Admit them first.",
  },
  ENROLLMENT_CLOSED: { kind: "conflict", message: "This place in the track has already ended." },
  ENROLLMENT_NOT_WAITLISTED: { kind: "conflict", message: "This participant is not on the waitlist." },
  TREATMENT_PLAN_EXISTS: {
    kind: "conflict",
    message: "This episode already has a treatment plan. Open it, or start a revision of it.",
  },
  TREATMENT_PLAN_NO_OPEN_EPISODE: {
    kind: "conflict",
    message:
      "The participant is not in the program now (no open episode). Admit them before starting a plan.",
  },
  TREATMENT_PLAN_EDIT_CONFLICT: {
    kind: "conflict",
    message:
      "Someone else saved this plan after you opened it. Your text is kept on this page; reload the plan to see their changes, then apply yours.",
  },
  TREATMENT_PLAN_LOCKED: {
    kind: "conflict",
    message:
      "This version is no longer a draft: it cannot be edited in place. Start a revision to change it.",
  },
  TREATMENT_PLAN_NOT_AWAITING_SIGNATURES: {
    kind: "conflict",
    message: "This version is not awaiting signatures. Finalize the draft before anyone signs it.",
  },
  TREATMENT_PLAN_ALREADY_SIGNED: {
    kind: "conflict",
    message: "This version already has that signature.",
  },
  TREATMENT_PLAN_NOT_COSIGNER: {
    kind: "forbidden",
    message: "Only the supervisor named as co-signer, holding the co-sign permission, can co-sign this plan.",
  },
  TREATMENT_PLAN_COSIGN_NOT_REQUIRED: {
    kind: "conflict",
    message: "This version names no co-signer; it needs no supervisor's signature.",
  },
  TREATMENT_PLAN_COSIGNER_REQUIRED: {
    kind: "conflict",
    message:
      "Your account is marked as needing a supervisor's co-signature. Return this to draft, choose a supervisor to co-sign, and send it for signatures again.",
  },
  TREATMENT_PLAN_VERSION_OPEN: {
    kind: "conflict",
    message: "A version of this plan is already being written or signed. Finish or reopen it instead.",
  },
  TREATMENT_PLAN_NOT_SIGNED: {
    kind: "conflict",
    message: "This plan has no signed version to revise yet.",
  },
  TREATMENT_PLAN_REVIEW_OPEN: {
    kind: "conflict",
    message: "A review of this plan is already being written or signed. Finish or reopen it instead.",
  },
  TREATMENT_PLAN_REVIEW_EDIT_CONFLICT: {
    kind: "conflict",
    message:
      "Someone else saved this review after you opened it. Your text is kept on this page; reload the review to see their changes, then apply yours.",
  },
  TREATMENT_PLAN_REVIEW_LOCKED: {
    kind: "conflict",
    message: "This review is no longer a draft: it cannot be edited. Reopen it to change it.",
  },
  TREATMENT_PLAN_REVIEW_NOT_AWAITING_SIGNATURES: {
    kind: "conflict",
    message: "This review is not awaiting signatures. Finalize the draft before anyone signs it.",
  },
  TREATMENT_PLAN_REVIEW_ALREADY_SIGNED: {
    kind: "conflict",
    message: "This review already has that signature.",
  },
  CURRICULUM_EDIT_CONFLICT: {
    kind: "conflict",
    message:
      "Someone else saved a newer version of this module after you opened it. Your text is kept on this page; reload the module to see their changes, then apply yours.",
  },
  CURRICULUM_MODULE_EXISTS: {
    kind: "conflict",
    message: "The library already has a module with this key. Choose another key, or edit that module.",
  },
  CURRICULUM_MODULE_ARCHIVED: {
    kind: "conflict",
    message:
      "This module is archived. Bring it back to the library before editing it or planning a session with it.",
  },
  CURRICULUM_SKILL_TAKEN: {
    kind: "invalid",
    message: "Another module of the library already teaches a skill with this key. Choose another key.",
  },
  NOTE_EDIT_CONFLICT: {
    kind: "conflict",
    message:
      "Someone saved this note after you opened it. Your text is kept on this page; reload to see their changes, then apply yours.",
  },
  NOTE_LOCKED: {
    kind: "conflict",
    message:
      "This note is signed (or awaiting co-signature) and can no longer change. Add an addendum instead.",
  },
  NOTE_INCOMPLETE: {
    kind: "invalid",
    message: "This note cannot be signed yet: some parts are missing.",
  },
  NOTE_SESSION_NOT_STARTED: {
    kind: "invalid",
    message: "This session has not started yet: a note can be written once it begins.",
  },
  NOTE_SESSION_CANCELLED: {
    kind: "conflict",
    message: "This session was cancelled: it has no group note.",
  },
  NOTE_OBJECTIVE_NOT_IN_PLAN: {
    kind: "invalid",
    message:
      "This objective is not in the participant's current treatment plan. Pick one from the current plan.",
  },
  NOTE_NOT_ON_ROSTER: {
    kind: "invalid",
    message: "This participant is not on this session's roster.",
  },
  NOTE_EXISTS: {
    kind: "conflict",
    message: "This session already has a note. Open it instead of starting another.",
  },
  NOTE_COSIGNER_REQUIRED: {
    kind: "conflict",
    message:
      "Your account is marked as needing a supervisor's co-signature. Choose the supervisor who will co-sign.",
  },
  NOTE_COSIGNER_INVALID: {
    kind: "invalid",
    message: "Choose an active supervisor at this site who may co-sign notes (and not yourself).",
  },
  NOTE_NOT_COSIGNER: {
    kind: "forbidden",
    message: "Only the supervisor named on this note can co-sign it.",
  },
  NOTE_NOT_AWAITING_COSIGN: {
    kind: "conflict",
    message: "This note is not waiting for a co-signature.",
  },
  NOTE_NOT_SIGNED: {
    kind: "conflict",
    message: "An addendum is added to a signed note. This note is still a draft: edit it instead.",
  },
  // Participant app: practice between sessions (issue 9, H5).
  PRACTICE_NOT_ATTENDED: {
    kind: "conflict",
    message: "Practice comes from a group you attended. This session has no attendance marked for you yet.",
  },
  PRACTICE_NO_MODULE: {
    kind: "conflict",
    message: "This session had no curriculum module, so it has no practice to mark.",
  },
  PRACTICE_CLOSED: {
    kind: "conflict",
    message: "The next group has started, so this practice can no longer be changed.",
  },
  // Recovery and safety plans (issue 9).
  PERSONAL_PLAN_EDIT_CONFLICT: {
    kind: "conflict",
    message:
      "This plan was saved by someone else after you opened it. Your text is kept on this page: look at their changes, then save again.",
  },
  PERSONAL_PLAN_VERSION_NOT_FOUND: {
    kind: "not_found",
    message: "This plan has no such version.",
  },
  // Secure messages (issue 9, H4): the length limit and a send retried with a changed text.
  MESSAGE_TOO_LONG: {
    kind: "invalid",
    message: "This message is too long. Shorten it or send it in two parts.",
  },
  MESSAGE_KEY_REUSED: {
    kind: "conflict",
    message: "This message's key was already used for a different message. Send it again as a new message.",
  },
  // Participant app: sobriety counter restarts and absence requests (issue 9, H6).
  SOBRIETY_RESTART_INVALID: {
    kind: "invalid",
    message: "This restart date cannot be used. Pick a day from your last start date up to today.",
  },
  ABSENCE_REQUEST_SESSION_NOT_FOUND: {
    kind: "not_found",
    message: "This session is not on your schedule. Pick one of your upcoming sessions.",
  },
  ABSENCE_REQUEST_SESSION_PAST: {
    kind: "invalid",
    message: "This session has already started or ended. Tell your counselor about it instead.",
  },
  ABSENCE_REQUEST_DUPLICATE: {
    kind: "conflict",
    message: "You have already asked to be excused from this session.",
  },
  ABSENCE_REQUEST_NOT_PENDING: {
    kind: "conflict",
    message: "This request has already been decided or withdrawn.",
  },
  CONSENT_INCOMPLETE: {
    kind: "invalid",
    message: "This consent is missing required elements (42 CFR 2.31). Each is named below.",
  },
  CONSENT_NOT_DRAFT: {
    kind: "conflict",
    message: "This consent has been signed or discarded and cannot be changed. Draft a new one instead.",
  },
  CONSENT_SIGNATURE_MISSING: {
    kind: "invalid",
    message: "A required signature is missing.",
  },
  CONSENT_SIGNED_ALREADY: { kind: "conflict", message: "This person has already signed this consent." },
  CONSENT_VERSION_CONFLICT: {
    kind: "conflict",
    message: "Someone else changed this consent while you were editing it. Reload to see their version.",
  },
  CONSENT_ALREADY_REVOKED: {
    kind: "conflict",
    message: "This consent (or this recipient) is already revoked.",
  },
  CONSENT_NOT_REVOCABLE_YET: {
    kind: "conflict",
    message:
      "This criminal-justice referral consent can be revoked only after the date it states (42 CFR 2.35).",
  },
  CONSENT_NOT_SIGNED: {
    kind: "conflict",
    message: "Only a signed consent can be revoked, put on hold or marked false. Discard a draft instead.",
  },
  CONSENT_HOLD_STATE: {
    kind: "conflict",
    message: "This consent is already on hold, or was not on hold. Reload to see its state.",
  },
  CONSENT_MARKED_FALSE_ALREADY: {
    kind: "conflict",
    message: "This consent is already marked as materially false and will never be used.",
  },
  FAMILY_ALREADY_SHARING: {
    kind: "conflict",
    message: "You already share with this person. Stop sharing first to change what they may see.",
  },
  MESSAGE_FAMILY_CONSENT_ENDED: {
    kind: "forbidden",
    message:
      "The participant's consent no longer lets this family member exchange messages with the care team. Nothing was sent.",
  },
  DISCLOSURE_NOT_ALLOWED: {
    kind: "forbidden",
    message: "There is no consent in force that allows this. Nothing was disclosed.",
  },
  DISCLOSURE_EXCEPTION_NOT_PENDING: {
    kind: "conflict",
    message: "This request has already been decided.",
  },
  DISCLOSURE_SELF_APPROVAL: {
    kind: "conflict",
    message: "Another person must approve a disclosure you asked for.",
  },
  FAMILY_SAFETY_CONCERN: {
    kind: "conflict",
    message:
      "Access was not granted because of a safety concern. The care team has been told and will talk it through with you.",
  },
  FAMILY_RECIPIENT_BLOCKED: {
    kind: "conflict",
    message: "This person is on the participant's do-not-disclose list. Nothing was sent.",
  },
  FAMILY_ACCESS_ENDED: {
    kind: "forbidden",
    message: "You do not have access to this information now. The person you support decides what is shared.",
  },
  RESTRICTION_NOT_PENDING: { kind: "conflict", message: "This request has already been decided." },
  NOTICE_ALREADY_ACKNOWLEDGED: {
    kind: "conflict",
    message: "This notice has already been acknowledged.",
  },
  RESTRICTION_NOT_ACTIVE: {
    kind: "conflict",
    message: "Only a restriction that is in force can be ended. Reload to see where it stands.",
  },
  RESTRICTION_NOT_TERMINABLE: {
    kind: "conflict",
    message:
      "The program cannot end the restriction for services paid in full out of pocket (42 CFR 2.26). Only the participant can.",
  },
  NOTICE_VERSION_CHANGED: {
    kind: "conflict",
    message: "The notice has changed since you opened it. Read the new version before you acknowledge it.",
  },
  // Aftercare plans (issue 11, H3): co-written, versioned, signed by the participant and a clinician.
  AFTERCARE_PLAN_NO_EPISODE: {
    kind: "not_found",
    message:
      "There is no episode of care to write an aftercare plan for: the person is not in care and was not discharged in the last 30 days.",
  },
  AFTERCARE_PLAN_NOT_FOUND: { kind: "not_found", message: "No aftercare plan has been written yet." },
  AFTERCARE_PLAN_EDIT_CONFLICT: {
    kind: "conflict",
    message:
      "This aftercare plan was saved by someone else after you opened it. Reload it, then make your change again.",
  },
  AFTERCARE_PLAN_INCOMPLETE: {
    kind: "invalid",
    message: "This aftercare plan cannot be signed yet. What it still needs is listed below.",
  },
  AFTERCARE_SIGNATURE_MISMATCH: {
    kind: "invalid",
    message: "Type your full name as it is on your record to sign.",
  },
  AFTERCARE_PLAN_ALREADY_SIGNED: {
    kind: "conflict",
    message: "You have already signed this version of the plan.",
  },
  ALUMNI_NOT_MEMBER: {
    kind: "forbidden",
    message:
      "The alumni program is for people who have finished the program. You are not an active alumni member.",
  },
  ALUMNI_IN_CARE: {
    kind: "forbidden",
    message: "You are in the program again, so the alumni app is paused. Your care team is your contact now.",
  },
  ALUMNI_ALREADY_OPTED_OUT: {
    kind: "conflict",
    message: "You have already left the alumni program.",
  },
  ALUMNI_CANNOT_REJOIN: {
    kind: "conflict",
    message: "Only someone who left the alumni program can rejoin it.",
  },
  ALUMNI_EVENT_FULL: {
    kind: "conflict",
    message: "This event is full. You have not been added; ask the alumni coordinator about a place.",
  },
  ALUMNI_EVENT_CANCELLED: {
    kind: "conflict",
    message: "This event has been cancelled.",
  },
  ALUMNI_EVENT_PAST: {
    kind: "conflict",
    message: "This event has already started or ended.",
  },
  // Warm handoff (issue 11, H4): referral packets under consent and the first-appointment task.
  HANDOFF_NO_EPISODE: {
    kind: "not_found",
    message: "There is no episode of care to refer from: the participant has never been admitted.",
  },
  HANDOFF_RECIPIENT_NOT_ELIGIBLE: {
    kind: "forbidden",
    message:
      "This consent cannot carry a referral packet to this recipient (see why below). Nothing was sent.",
  },
  AFTERCARE_TASK_NOT_FOUND: { kind: "not_found", message: "No such aftercare task for this participant." },
  AFTERCARE_TASK_CLOSED: {
    kind: "conflict",
    message: "This task has already been closed. Reload to see its outcome.",
  },
  DISCHARGE_NO_OPEN_EPISODE: {
    kind: "conflict",
    message: "This person is not in the program now: there is no open episode to discharge.",
  },
  DISCHARGE_UNSIGNED_NOTES: {
    kind: "conflict",
    message:
      "This episode has unsigned notes. Sign them first, or confirm you are discharging with them unsigned.",
  },
  // Discharge summaries (issue 11, H2): generated from the record, edited, signed once discharged.
  DISCHARGE_SUMMARY_NO_EPISODE: {
    kind: "not_found",
    message: "This person has no episode of care to write a discharge summary for.",
  },
  DISCHARGE_SUMMARY_NOT_FOUND: {
    kind: "not_found",
    message: "No discharge summary has been generated yet. Generate a draft first.",
  },
  DISCHARGE_SUMMARY_EDIT_CONFLICT: {
    kind: "conflict",
    message:
      "This discharge summary was changed by someone else after you opened it. Reload it, then make your change again.",
  },
  DISCHARGE_SUMMARY_EDITS_WOULD_BE_LOST: {
    kind: "conflict",
    message:
      "This draft has been edited. Regenerating it from the record replaces the edited text: confirm that you want to replace the edits.",
  },
  DISCHARGE_SUMMARY_SIGNED: {
    kind: "conflict",
    message: "This discharge summary is signed and can no longer be changed.",
  },
  DISCHARGE_SUMMARY_NOT_DISCHARGED: {
    kind: "conflict",
    message: "The discharge summary can be signed only after the discharge is recorded.",
  },
  DISCHARGE_SUMMARY_INCOMPLETE: {
    kind: "invalid",
    message: "Every section needs text before the summary is signed. The empty ones are listed.",
  },
  FOLLOW_UP_ALREADY_ANSWERED: {
    kind: "conflict",
    message: "This survey has already been answered. Thank you: nothing more is needed.",
  },
  FOLLOW_UP_CLOSED: {
    kind: "conflict",
    message: "This survey is closed: the time to answer it has passed.",
  },
  FOLLOW_UP_OPTED_OUT: {
    kind: "conflict",
    message: "You asked us not to send more surveys, so this one is closed. Nothing was recorded.",
  },
  SITE_NAME_TAKEN: { kind: "conflict", message: "A site with this name already exists." },
  PAYLOAD_TOO_LARGE: { kind: "invalid", message: "The request body is too large." },
  SERVICE_UNAVAILABLE: { kind: "unavailable", message: "Bridgeway is not ready yet. Try again shortly." },
  INTERNAL: { kind: "internal", message: "Something went wrong on our side. It has been logged." },
} as const satisfies Record<string, { kind: ErrorKind; message: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

export interface FieldError {
  /** Dotted path of the offending field, e.g. `email` or `goals.0.title`. */
  path: string;
  message: string;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldError[] | undefined;
  /**
   * Structured facts for the client beyond the message (e.g. the possible duplicates of an
   * admission). They leave the server only where the route's error schema names them.
   */
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message?: string,
    fields?: FieldError[] | string,
    details?: Record<string, unknown>,
  ) {
    super(message ?? ERROR_CATALOG[code].message);
    this.name = "DomainError";
    this.code = code;
    this.fields =
      typeof fields === "string"
        ? [{ path: fields, message: message ?? ERROR_CATALOG[code].message }]
        : fields;
    this.details = details;
  }

  get kind(): ErrorKind {
    return ERROR_CATALOG[this.code].kind;
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
