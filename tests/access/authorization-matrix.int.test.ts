import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEFAULT_RELIABLE_CHANGE_SETTINGS } from "../../src/core/assessments/reliable-change-settings.schema";
import { DEFAULT_SCHEDULE } from "../../src/core/assessments/schedule.rules";
import { DEFAULT_ATTENDANCE_SETTINGS } from "../../src/core/attendance/attendance-settings.schema";
import { DEFAULT_CHECK_IN_SETTINGS } from "../../src/core/check-ins/check-in.schema";
import { aModule } from "../../src/core/curriculum/curriculum.test-data";
import { SUMMARY_SECTIONS } from "../../src/core/discharge-summaries/discharge-summary.schema";
import { EMPTY_GROUP_ENTRY, EMPTY_GROUP_SHARED, EMPTY_SESSION_NOTE } from "../../src/core/notes/note.schema";
import { DEFAULT_NOTES_SETTINGS } from "../../src/core/notes/notes-settings.schema";
import { EMPTY_SAFETY_PLAN } from "../../src/core/personal-plans/personal-plan.schema";
import { SESSION_COOKIE } from "../../src/core/platform/http";
import { DEFAULT_NOTICE_SETTINGS } from "../../src/core/privacy/notice.schema";
import { DEFAULT_REMINDER_SETTINGS } from "../../src/core/schedule/reminder-settings.schema";
import { DEFAULT_PLAN_SETTINGS } from "../../src/core/treatment-plans/plan-settings.schema";
import { localDateIn } from "../../src/core/treatment-plans/review-due.rules";
import type { DatabaseHandle } from "../../src/server/db/connection";
import {
  admissionLeads,
  alerts,
  breakGlassGrants,
  curriculumModuleVersions,
  trackExceptions,
  trackFacilitators,
} from "../../src/server/db/schema";
import type { DeclaredRoute } from "../../src/server/platform/route-access";
import {
  aScreening,
  givenFamilyConsent,
  givenFamilyLink,
  givenParticipant,
  givenProviderConsent,
  givenSite,
  givenTrack,
  givenUser,
} from "../support/given";
import { appHeaders, buildTestApp, sessionCookieOf, signIn } from "../support/test-app";
import { describeEachEngine, openTestDatabase } from "../support/test-database";

/**
 * The authorization matrix: every API route the app registers (enumerated from the app, so a new
 * route without an expectation here fails) × every role × own site / other site / own caseload /
 * another participant / participant-self / family → the expected allow or deny, asserted. Every
 * call to a route that touches participant data must also leave an audit event.
 */

const ACTORS = [
  "administrator",
  "clinical_director",
  "counselor",
  "intake_coordinator",
  "prescriber",
  "billing",
  "front_desk",
  "participant",
  "family",
  /** A family account whose link rests on a signed consent sharing the family-session schedule, an attendance summary and messages with the care team. */
  "family_consented",
  "anonymous",
] as const;
type ActorName = (typeof ACTORS)[number];
const STAFF: readonly ActorName[] = ACTORS.slice(0, 7);
const SIGNED_IN: readonly ActorName[] = ACTORS.slice(0, 10);
/** Family accounts: without a consent, and with one for the caseload participant. */
const FAMILY: readonly ActorName[] = ["family", "family_consented"];

/**
 * Targets for participant routes. "caseload": on the counselor's and prescriber's care team, and the
 * participant-self / family-linked record. "site": same site, nobody's caseload. "other": another site.
 */
const TARGETS = ["caseload", "site", "other"] as const;
type Target = (typeof TARGETS)[number];

type Rule = (actor: ActorName, target: Target | undefined) => boolean;
const anyone: Rule = () => true;
const signedIn: Rule = (a) => a !== "anonymous";
const staffOnly: Rule = (a) => STAFF.includes(a);
const only =
  (...actors: ActorName[]): Rule =>
  (a) =>
    actors.includes(a);

/** Site-wide readers reach caseload and site; caseload-scoped roles reach only their caseload. */
const viewRecord: Rule = (a, t) =>
  (["clinical_director", "intake_coordinator", "billing"].includes(a) && t !== "other") ||
  (["counselor", "prescriber"].includes(a) && t === "caseload") ||
  (a === "participant" && t === "caseload");

/** Clinical changes: the director at the site, counselors and prescribers on their caseload. */
const clinicalWrite: Rule = (a, t) =>
  (a === "clinical_director" && t !== "other") ||
  (["counselor", "prescriber"].includes(a) && t === "caseload");

/** Clinical content: the director at the site, counselors and prescribers on their caseload, the person themselves. */
const clinicalView: Rule = (a, t) =>
  (a === "clinical_director" && t !== "other") ||
  (["counselor", "prescriber", "participant"].includes(a) && t === "caseload");

/** Questionnaires: whoever writes clinical content, and the participant answering their own. */
const respond: Rule = (a, t) => clinicalWrite(a, t) || (a === "participant" && t === "caseload");

/** A participant's schedule and hours: site-wide schedule readers, caseload roles on theirs, the person themselves. */
const scheduleView: Rule = (a, t) =>
  (["clinical_director", "intake_coordinator", "front_desk"].includes(a) && t !== "other") ||
  (["counselor", "prescriber", "participant"].includes(a) && t === "caseload");

/** Placing a participant in a track (schedule.manage): site-wide roles, counselors on their caseload. */
const placeInTrack: Rule = (a, t) =>
  (["clinical_director", "intake_coordinator", "front_desk"].includes(a) && t !== "other") ||
  (a === "counselor" && t === "caseload");

/** Who has a calendar feed of their own: staff who see the schedule, and participants. */
const FEED_OWNERS: ActorName[] = [
  "clinical_director",
  "counselor",
  "intake_coordinator",
  "prescriber",
  "front_desk",
  "participant",
];

/** A participant's feed is made by staff who book (schedule.manage): site-wide roles, counselors on their caseload. */
const participantFeedManage: Rule = (a, t) =>
  (["clinical_director", "intake_coordinator", "front_desk"].includes(a) && t !== "other") ||
  (a === "counselor" && t === "caseload");

/** Declared unavailability is changed by staff who book, or by the participant themselves. */
const unavailabilityManage: Rule = (a, t) =>
  participantFeedManage(a, t) || (a === "participant" && t === "caseload");

/** Staff who book, move and cancel appointments (the fixture's participant is on the counselor's caseload). */
const BOOKERS: ActorName[] = ["clinical_director", "counselor", "intake_coordinator", "front_desk"];

/** The appointment fixture: the caseload participant with the counselor, a Wednesday morning. */
const MATRIX_APPOINTMENT = {
  startsAt: "2026-02-04T15:00:00Z",
  endsAt: "2026-02-04T16:00:00Z",
  localDate: "2026-02-04",
};

/** The attendance fixture: a Monday session of the matrix site's attendance track. */
const ATTENDANCE_OCCURRENCE = "2026-02-02T18:00";

/** schedule.view or settings.manage. */
const SCHEDULE_READERS: ActorName[] = [
  "administrator",
  "clinical_director",
  "counselor",
  "intake_coordinator",
  "prescriber",
  "front_desk",
];

/** schedule.view or clinical.view: the curriculum library's readers. */
const CURRICULUM_READERS: ActorName[] = [
  "clinical_director",
  "counselor",
  "intake_coordinator",
  "prescriber",
  "front_desk",
];

/** The program's module the curriculum routes act on (version 1 stored by the fixture). */
const MATRIX_MODULE = "matrix-module";

/** The matrix track: Mondays 18:00–21:00, its facilitator the counselor, one holiday cancelled. */
const MATRIX_TRACK = {
  pattern: { slots: [{ weekday: 1, start: "18:00", end: "21:00" }] },
  location: "Room 2",
  telehealth: false,
  capacity: 12,
  startsOn: "2026-01-05",
  endsOn: null,
};
const MATRIX_EXCEPTION = { occurrenceKey: "2026-01-19T18:00", kind: "cancelled", reason: "Holiday" };

/** A share with a person of its own for each cell (a second share with the same person is refused). */
const matrixShare = (n: number) => ({
  name: `Matrix Sharer ${n}`,
  relationship: "friend",
  email: `share-${n}-${randomUUID().slice(0, 8)}@test.bridgeway.example`,
  scopes: ["family_session_schedule"],
  untilKind: "end_of_treatment",
  safety: "no",
});

/** Consents and releases (consents.manage): the director and intake at the site, counselors on their caseload. */
const consentsManage: Rule = (a, t) =>
  (["clinical_director", "intake_coordinator"].includes(a) && t !== "other") ||
  (a === "counselor" && t === "caseload");

const EXPECTED: Record<string, Rule> = {
  "GET /api/v1/instruments": signedIn,
  "GET /api/v1/instruments/:key": signedIn,
  "GET /api/v1/participants/:id/assessments": clinicalView,
  "GET /api/v1/participants/:id/assessments/progress": clinicalView,
  "POST /api/v1/participants/:id/assessments": respond,
  "GET /api/v1/participants/:id/assessment-assignments": clinicalView,
  "POST /api/v1/participants/:id/assessment-assignments": clinicalWrite,
  "POST /api/v1/participants/:id/assessment-assignments/:assignmentId/cancel": clinicalWrite,
  // Treatment plan templates (clinical.view) and the problems a participant's record suggests.
  "GET /api/v1/treatment-plan-templates": only("clinical_director", "counselor", "prescriber"),
  // The curriculum library: read with the schedule or clinical content; written with clinical.write;
  // a track's session planned with schedule.manage at the track's site.
  "GET /api/v1/curriculum/modules": only(...CURRICULUM_READERS),
  "GET /api/v1/curriculum/skills": only(...CURRICULUM_READERS),
  "GET /api/v1/curriculum/modules/:key": only(...CURRICULUM_READERS),
  "POST /api/v1/curriculum/modules": only("clinical_director", "counselor", "prescriber"),
  "PUT /api/v1/curriculum/modules/:key": only("clinical_director", "counselor", "prescriber"),
  "POST /api/v1/curriculum/modules/:key/archive": only("clinical_director", "counselor", "prescriber"),
  "POST /api/v1/curriculum/modules/:key/unarchive": only("clinical_director", "counselor", "prescriber"),
  "GET /api/v1/tracks/:trackId/occurrences/:key/module": only(...SCHEDULE_READERS),
  "PUT /api/v1/tracks/:trackId/occurrences/:key/module": only(
    "clinical_director",
    "counselor",
    "intake_coordinator",
    "front_desk",
  ),
  "GET /api/v1/tracks/:id/modules": only(...SCHEDULE_READERS),
  "GET /api/v1/participants/:id/treatment-plan/suggestions": clinicalView,
  // A plan version or review as a PDF (clinical.view; the service then decides on the plan's participant).
  "GET /api/v1/treatment-plans/:planId/versions/:versionId/pdf": only(
    "clinical_director",
    "counselor",
    "prescriber",
  ),
  "GET /api/v1/treatment-plans/:planId/reviews/:reviewId/pdf": only(
    "clinical_director",
    "counselor",
    "prescriber",
  ),
  // Treatment plans in the chart: staff only (a participant reads theirs under /me, never a draft);
  // routes under /treatment-plans/:planId are decided by the service on the plan's participant.
  "GET /api/v1/participants/:id/treatment-plan": (a, t) => clinicalView(a, t) && a !== "participant",
  "POST /api/v1/participants/:id/treatment-plan": clinicalWrite,
  "GET /api/v1/participants/:id/treatment-plan/objectives": clinicalView,
  "GET /api/v1/participants/:id/treatment-plan/progress": clinicalView,
  "PUT /api/v1/treatment-plans/:planId/versions/:versionId": only(
    "clinical_director",
    "counselor",
    "prescriber",
  ),
  "POST /api/v1/treatment-plans/:planId/versions/:versionId/finalize": only(
    "clinical_director",
    "counselor",
    "prescriber",
  ),
  "POST /api/v1/treatment-plans/:planId/versions/:versionId/reopen": only(
    "clinical_director",
    "counselor",
    "prescriber",
  ),
  "POST /api/v1/treatment-plans/:planId/versions/:versionId/signatures": only(
    "clinical_director",
    "counselor",
    "prescriber",
  ),
  "POST /api/v1/treatment-plans/:planId/revisions": only("clinical_director", "counselor", "prescriber"),
  "GET /api/v1/treatment-plans/:planId/versions/:versionId": only(
    "clinical_director",
    "counselor",
    "prescriber",
  ),
  "GET /api/v1/treatment-plans/:planId/versions/:versionId/diff": only(
    "clinical_director",
    "counselor",
    "prescriber",
  ),
  "GET /api/v1/me/treatment-plan": only("participant"),
  // Plan reviews (clinical.view to read, clinical.write to change; the supervisor signs with
  // plans.cosign), decided by the service on the plan's participant; the participant reads and signs
  // their own under /me. The fixture's review is signed, so changes to it answer 409.
  "POST /api/v1/treatment-plans/:planId/reviews": only("clinical_director", "counselor", "prescriber"),
  "GET /api/v1/treatment-plans/:planId/reviews/:reviewId": only(
    "clinical_director",
    "counselor",
    "prescriber",
  ),
  "PUT /api/v1/treatment-plans/:planId/reviews/:reviewId": only(
    "clinical_director",
    "counselor",
    "prescriber",
  ),
  "POST /api/v1/treatment-plans/:planId/reviews/:reviewId/finalize": only(
    "clinical_director",
    "counselor",
    "prescriber",
  ),
  "POST /api/v1/treatment-plans/:planId/reviews/:reviewId/reopen": only(
    "clinical_director",
    "counselor",
    "prescriber",
  ),
  "POST /api/v1/treatment-plans/:planId/reviews/:reviewId/signatures": only(
    "clinical_director",
    "counselor",
    "prescriber",
  ),
  "GET /api/v1/me/treatment-plan/reviews": only("participant"),
  "GET /api/v1/me/treatment-plan/reviews/:reviewId": only("participant"),
  "POST /api/v1/me/treatment-plan/reviews/:reviewId/signatures": only("participant"),
  // The plan worklist (clinical.view: the service narrows it to the caseload or the sites) and the
  // program's plan settings (read with clinical.view or settings.manage; administrators change them).
  "GET /api/v1/treatment-plans/worklist": only("clinical_director", "counselor", "prescriber"),
  "GET /api/v1/settings/treatment-plans": only(
    "administrator",
    "clinical_director",
    "counselor",
    "prescriber",
  ),
  "PUT /api/v1/settings/treatment-plans": only("administrator"),
  "POST /api/v1/me/treatment-plan/signatures": only("participant"),
  // Secure messages (issue 9): a participant's own conversations under /me; staff reach a conversation
  // through its participant (clinical.view to read, clinical.write to write). The fixture's conversation
  // is the caseload participant's.
  "GET /api/v1/me/message-threads": only("participant"),
  "POST /api/v1/me/message-threads": only("participant"),
  "GET /api/v1/me/message-threads/:threadId": only("participant"),
  "POST /api/v1/me/message-threads/:threadId/messages": only("participant"),
  "POST /api/v1/me/message-threads/:threadId/read": only("participant"),
  "GET /api/v1/me/messages/unread": only("participant"),
  "GET /api/v1/message-threads": only("clinical_director", "counselor", "prescriber"),
  "GET /api/v1/messages/unread": only("clinical_director", "counselor", "prescriber"),
  "GET /api/v1/participants/:id/message-threads": (a, t) => clinicalView(a, t) && a !== "participant",
  "POST /api/v1/participants/:id/message-threads": clinicalWrite,
  "GET /api/v1/message-threads/:threadId": only("clinical_director", "counselor", "prescriber"),
  "POST /api/v1/message-threads/:threadId/messages": only("clinical_director", "counselor", "prescriber"),
  "POST /api/v1/message-threads/:threadId/read": only("clinical_director", "counselor", "prescriber"),
  // The notes worklist (clinical.write; scope=site needs notes.cosign) and the program's note settings
  // (read with clinical.view or settings.manage; administrators change them).
  "GET /api/v1/notes/worklist": only("clinical_director", "counselor", "prescriber"),
  "GET /api/v1/settings/notes": only("administrator", "clinical_director", "counselor", "prescriber"),
  "PUT /api/v1/settings/notes": only("administrator"),
  // Co-signing (notes.cosign) and addenda (clinical.write) on a note are decided by the service on the
  // note's participants; no one reaches a note that is not there (the allowed paths, on real notes,
  // are in src/server/notes/note-lifecycle.int.test.ts).
  "POST /api/v1/clinical-notes/:noteId/cosign": () => false,
  "POST /api/v1/clinical-notes/:noteId/addenda": () => false,
  // A participant's notes in the chart (clinical.view, staff only: a participant's own record holds no
  // clinician's notes for them to read here). A note id that is not there is refused to everyone.
  "GET /api/v1/participants/:id/notes": (a, t) => clinicalView(a, t) && a !== "participant",
  "GET /api/v1/participants/:id/notes/:noteId": () => false,
  // Group notes: the session's screen at the track's site (clinical.view to read, clinical.write to
  // write; the service then checks the facilitator or every participant on the roster); routes on a
  // note id decide on the note, and no one reaches a note that is not there.
  // The matrix counselor and prescriber neither run this session nor care for everyone on its roster.
  "GET /api/v1/tracks/:trackId/occurrences/:key/group-note": only("clinical_director"),
  "PUT /api/v1/tracks/:trackId/occurrences/:key/group-note": only("clinical_director"),
  // Practice (issue 9): participants reach only their own, under /me (a session they did not
  // attend is refused by the service, not the guard); a session's reflections open as its group
  // note does. Measures: their own totals only.
  "GET /api/v1/me/practice": only("participant"),
  "PUT /api/v1/me/practice/:trackId/:occurrenceKey": only("participant"),
  "DELETE /api/v1/me/practice/:trackId/:occurrenceKey": only("participant"),
  "GET /api/v1/tracks/:trackId/occurrences/:key/practice": only("clinical_director"),
  "POST /api/v1/tracks/:trackId/occurrences/:key/practice/read": only("clinical_director"),
  "GET /api/v1/me/measures": only("participant"),
  "PUT /api/v1/group-notes/:noteId/entries/:participantId": () => false,
  "GET /api/v1/group-notes/:noteId/cloned-entries": () => false,
  "POST /api/v1/group-notes/:noteId/sign": () => false,
  // Individual and family notes start from the appointment (clinical.write on its participant, the
  // caseload one here; the note the first allowed call starts stays, so later calls answer NOTE_EXISTS
  // and the GET finds it); routes on a note id decide on the note's participant.
  "POST /api/v1/appointments/:appointmentId/note": only("clinical_director", "counselor", "prescriber"),
  "GET /api/v1/appointments/:appointmentId/note": only("clinical_director", "counselor", "prescriber"),
  "GET /api/v1/session-notes/:noteId": () => false,
  "PUT /api/v1/session-notes/:noteId": () => false,
  "POST /api/v1/session-notes/:noteId/sign": () => false,
  // SUD counseling notes (kept apart): listed and written with clinical access to the participant; a
  // note is read by its author or counseling_notes.view holders only (a made-up id: nobody).
  // Recovery and safety plans (issue 9): the participant's own under /me; in the chart, read with
  // clinical.view and edited with clinical.write (staff only: a participant keeps theirs under /me).
  "GET /api/v1/me/personal-plans/:kind": only("participant"),
  "PUT /api/v1/me/personal-plans/:kind": only("participant"),
  "GET /api/v1/me/personal-plans/:kind/versions": only("participant"),
  "GET /api/v1/me/personal-plans/:kind/versions/:version": only("participant"),
  "POST /api/v1/me/personal-plans/:kind/seen": only("participant"),
  "GET /api/v1/participants/:id/personal-plans/:kind": (a, t) => clinicalView(a, t) && a !== "participant",
  "PUT /api/v1/participants/:id/personal-plans/:kind": clinicalWrite,
  "GET /api/v1/participants/:id/personal-plans/:kind/versions": (a, t) =>
    clinicalView(a, t) && a !== "participant",
  "GET /api/v1/participants/:id/personal-plans/:kind/versions/:version": (a, t) =>
    clinicalView(a, t) && a !== "participant",
  "POST /api/v1/participants/:id/personal-plans/:kind/seen": (a, t) =>
    clinicalView(a, t) && a !== "participant",
  // Discharge summaries (issue 11, H2): staff with clinical access to the record; the participant reads
  // their discharge through the aftercare plan, not the clinical summary.
  "GET /api/v1/participants/:id/discharge-summary": (a, t) => clinicalView(a, t) && a !== "participant",
  "POST /api/v1/participants/:id/discharge-summary/draft": clinicalWrite,
  "PUT /api/v1/participants/:id/discharge-summary": clinicalWrite,
  "POST /api/v1/participants/:id/discharge-summary/sign": clinicalWrite,
  "GET /api/v1/participants/:id/discharge-summary.pdf": (a, t) => clinicalView(a, t) && a !== "participant",
  "GET /api/v1/me/aftercare-plan": only("participant"),
  "PUT /api/v1/me/aftercare-plan": only("participant"),
  "POST /api/v1/me/aftercare-plan/sign": only("participant"),
  "GET /api/v1/participants/:id/aftercare-plan": (a, t) => clinicalView(a, t) && a !== "participant",
  "PUT /api/v1/participants/:id/aftercare-plan": clinicalWrite,
  "POST /api/v1/participants/:id/aftercare-plan/sign": clinicalWrite,
  "GET /api/v1/participants/:id/counseling-notes": (a, t) => clinicalView(a, t) && a !== "participant",
  "POST /api/v1/participants/:id/counseling-notes": clinicalWrite,
  "GET /api/v1/counseling-notes/:noteId": () => false,
  "PUT /api/v1/counseling-notes/:noteId": () => false,
  "POST /api/v1/counseling-notes/:noteId/sign": () => false,
  "POST /api/v1/counseling-notes/:noteId/addenda": () => false,
  // The measurement schedule: clinicians read it, administrators change it; the worklist needs clinical.view.
  "GET /api/v1/assessments/schedule": only("administrator", "clinical_director", "counselor", "prescriber"),
  "PUT /api/v1/assessments/schedule": only("administrator"),
  // Reliable-change values per questionnaire and the off-track rule: the same split as the schedule.
  "GET /api/v1/assessments/reliable-change": only(
    "administrator",
    "clinical_director",
    "counselor",
    "prescriber",
  ),
  "PUT /api/v1/assessments/reliable-change": only("administrator"),
  "GET /api/v1/assessments/due": only("clinical_director", "counselor", "prescriber"),
  "GET /api/v1/participants/:id/assessments/due": clinicalView,
  "GET /api/v1/meta": anyone,
  "POST /api/v1/sessions": anyone,
  "GET /api/v1/sessions/current": anyone,
  "DELETE /api/v1/sessions/current": anyone,
  "POST /api/v1/sessions/current/mfa": signedIn,
  "POST /api/v1/sessions/current/refresh": signedIn,
  "POST /api/v1/password-resets": anyone,
  "POST /api/v1/password-resets/complete": anyone,
  "POST /api/v1/invitations/preview": anyone,
  "POST /api/v1/invitations/accept": anyone,
  // Follow-up surveys (issue 11, H5): the emailed link is the credential, so its routes are
  // anonymous by design (like invitations); a made-up token answers "invalid" or TOKEN_INVALID.
  "POST /api/v1/follow-ups/link": anyone,
  "POST /api/v1/follow-ups/answers": anyone,
  "POST /api/v1/follow-ups/opt-out": anyone,
  "GET /api/v1/participants/:id/follow-ups": clinicalView,
  "GET /api/v1/follow-ups/response-rates": only("clinical_director", "counselor"),
  // Staff and participants only; family members are invited by sharing, after a signed consent.
  "POST /api/v1/invitations": only("administrator"),
  "POST /api/v1/me/password": signedIn,
  "GET /api/v1/me/sessions": signedIn,
  "DELETE /api/v1/me/sessions/:id": signedIn,
  "GET /api/v1/me/mfa": signedIn,
  "POST /api/v1/me/mfa/totp": signedIn,
  "POST /api/v1/me/mfa/totp/confirm": signedIn,
  "POST /api/v1/me/mfa/recovery-codes": signedIn,
  "DELETE /api/v1/me/mfa": signedIn,
  "GET /api/v1/users": only("administrator"),
  "PATCH /api/v1/users/:id": only("administrator"),
  "POST /api/v1/users/:id/deactivate": only("administrator"),
  "POST /api/v1/users/:id/reactivate": only("administrator"),
  "DELETE /api/v1/users/:id/mfa": only("administrator"),
  "POST /api/v1/users/:id/invitation": only("administrator"),
  "GET /api/v1/sites": staffOnly,
  "POST /api/v1/sites": only("administrator"),
  "PATCH /api/v1/sites/:id": only("administrator"),
  // Staff names of one's site: care-team pickers and the calendar (who sees the schedule).
  "GET /api/v1/sites/:id/staff": only(
    "clinical_director",
    "counselor",
    "intake_coordinator",
    "prescriber",
    "front_desk",
  ),
  "GET /api/v1/roles": only("administrator", "clinical_director"),
  "GET /api/v1/settings/security": only("administrator"),
  // Session reminders: a program setting, changed by administrators.
  "GET /api/v1/settings/reminders": only("administrator"),
  "PUT /api/v1/settings/reminders": only("administrator"),
  "PUT /api/v1/settings/security": only("administrator"),
  "GET /api/v1/audit-events": only("administrator", "clinical_director"),
  "GET /api/v1/audit-events/export": only("administrator", "clinical_director"),
  "GET /api/v1/access-alerts": only("administrator", "clinical_director"),
  // The inbox: clinical alerts (alerts.view) and break-the-glass alerts (alerts.review_access).
  "GET /api/v1/alerts": only("administrator", "clinical_director", "counselor", "prescriber"),
  "GET /api/v1/alerts/counts": only("administrator", "clinical_director", "counselor", "prescriber"),
  "GET /api/v1/alerts/settings": only("administrator", "clinical_director", "counselor", "prescriber"),
  "PUT /api/v1/alerts/settings": only("administrator"),
  // The fixture alert is a break-the-glass one: counselors and prescribers may not see it.
  "GET /api/v1/alerts/:id": only("administrator", "clinical_director"),
  "POST /api/v1/alerts/:id/acknowledge": only("administrator", "clinical_director"),
  "POST /api/v1/alerts/:id/resolve": only("administrator", "clinical_director"),
  "GET /api/v1/overview": staffOnly,
  "GET /api/v1/public/sites": anyone,
  "GET /api/v1/public/program-pages/:id": anyone,
  "PUT /api/v1/program-pages/:id": only("administrator"),
  "POST /api/v1/inquiries": anyone,
  "POST /api/v1/admissions/referrals": only("clinical_director", "intake_coordinator"),
  "GET /api/v1/admissions/leads": only("clinical_director", "intake_coordinator"),
  "GET /api/v1/admissions/leads/:id": only("clinical_director", "intake_coordinator"),
  "POST /api/v1/admissions/leads/:id/stage": only("clinical_director", "intake_coordinator"),
  "PATCH /api/v1/admissions/leads/:id": only("clinical_director", "intake_coordinator"),
  "POST /api/v1/admissions/leads/:id/screening": only("clinical_director", "intake_coordinator"),
  "GET /api/v1/admissions/level-rules": only("administrator", "clinical_director", "intake_coordinator"),
  "POST /api/v1/admissions/leads/:id/admission": only("clinical_director", "intake_coordinator"),
  "GET /api/v1/diagnosis-codes": only("clinical_director", "intake_coordinator"),
  "PUT /api/v1/admissions/level-rules": only("administrator"),
  // Read by the admission form, the level-change form (clinical writers) and the settings page.
  "GET /api/v1/admissions/settings": only(
    "administrator",
    "clinical_director",
    "intake_coordinator",
    "counselor",
    "prescriber",
  ),
  "PUT /api/v1/admissions/settings": only("administrator"),
  "GET /api/v1/participants": (a) => signedIn(a, undefined) && a !== "administrator",
  "GET /api/v1/participants/:id": viewRecord,
  "GET /api/v1/participants/:id/access-log": (a, t) =>
    (["administrator", "clinical_director"].includes(a) && t !== "other") ||
    (a === "participant" && t === "caseload"),
  "POST /api/v1/participants/:id/level-of-care": clinicalWrite,
  "PUT /api/v1/participants/:id/sobriety-date": clinicalWrite,
  "PUT /api/v1/participants/:id/care-team": (a, t) =>
    ["clinical_director", "intake_coordinator"].includes(a) && t !== "other",
  // Only for staff outside the care team; those who may open the record anyway are told it is not needed.
  "POST /api/v1/participants/:id/break-glass": (a, t) =>
    ["counselor", "prescriber"].includes(a) && t === "site",
  // Attendance: who records it (attendance.record) at the track's site; weekly hours with the schedule.
  "GET /api/v1/tracks/:trackId/occurrences/:key/roster": only("clinical_director", "counselor", "front_desk"),
  "PUT /api/v1/tracks/:trackId/occurrences/:key/attendance": only(
    "clinical_director",
    "counselor",
    "front_desk",
  ),
  "GET /api/v1/participants/:id/weekly-hours": scheduleView,
  // The weekly hours and absence thresholds: read with the schedule or the settings; administrators change them.
  "GET /api/v1/settings/attendance": only(...SCHEDULE_READERS),
  "PUT /api/v1/settings/attendance": only("administrator"),
  // The printable sign-in sheet: who takes attendance or sees the schedule (at the track's site).
  "GET /api/v1/tracks/:trackId/occurrences/:key/sign-in-sheet.pdf": only(
    "clinical_director",
    "counselor",
    "intake_coordinator",
    "prescriber",
    "front_desk",
  ),
  // Tracks: whoever sees the schedule, and administrators who set tracks up; only they change them.
  "GET /api/v1/tracks": only(...SCHEDULE_READERS),
  "PUT /api/v1/tracks/:id": only("administrator"),
  "GET /api/v1/tracks/:id/occurrences": only(...SCHEDULE_READERS),
  "POST /api/v1/tracks/:id/exceptions": only("administrator"),
  "DELETE /api/v1/tracks/:id/exceptions/:exceptionId": only("administrator"),
  // Enrollment: a track's list with schedule.view at its site, a participant's history with the
  // schedule; placing, moving, leaving and admitting from the waitlist with schedule.manage on the
  // participant. The exit fixture is the site participant's place (nobody's caseload); the
  // waitlisted one is the caseload participant's.
  "GET /api/v1/tracks/:id/enrollments": only(
    "clinical_director",
    "counselor",
    "intake_coordinator",
    "prescriber",
    "front_desk",
  ),
  "GET /api/v1/participants/:id/enrollments": scheduleView,
  "POST /api/v1/participants/:id/enrollments": placeInTrack,
  "POST /api/v1/participants/:id/enrollments/move": placeInTrack,
  "POST /api/v1/enrollments/:id/exit": only("clinical_director", "intake_coordinator", "front_desk"),
  "POST /api/v1/enrollments/:id/admit-from-waitlist": only(
    "clinical_director",
    "counselor",
    "intake_coordinator",
    "front_desk",
  ),
  // Rooms: read with the schedule or the settings at the site; administrators add and change them.
  "GET /api/v1/sites/:id/rooms": only(...SCHEDULE_READERS),
  "POST /api/v1/sites/:id/rooms": only("administrator"),
  "PUT /api/v1/rooms/:id": only("administrator"),
  // Declared unavailability: read with the schedule; changed by staff who book, or by the participant.
  "GET /api/v1/participants/:id/unavailability": scheduleView,
  "POST /api/v1/participants/:id/unavailability": unavailabilityManage,
  "DELETE /api/v1/participants/:id/unavailability/:unavailabilityId": unavailabilityManage,
  // Appointments: booked, moved and cancelled by staff who book; attendance by those who record it;
  // read with the schedule, and by the participant whose appointment it is.
  "POST /api/v1/appointments": only(...BOOKERS),
  "GET /api/v1/appointments/:id": only(...BOOKERS, "prescriber", "participant"),
  "PUT /api/v1/appointments/:id/time": only(...BOOKERS),
  "POST /api/v1/appointments/:id/cancel": only(...BOOKERS),
  "PUT /api/v1/appointments/:id/attendance": only("clinical_director", "counselor", "front_desk"),
  // The calendar views: schedule.view at the site (a participant may read the participant view of
  // themselves); "my week" is a participant's own.
  "GET /api/v1/calendar": only(
    "clinical_director",
    "counselor",
    "intake_coordinator",
    "prescriber",
    "front_desk",
  ),
  "GET /api/v1/me/schedule": only("participant"),
  // Check-ins: a participant's own under /me (the session decides whose); the chart's timeline with
  // clinical.view; the program's thresholds read by clinicians, changed by administrators.
  "POST /api/v1/me/check-ins": only("participant"),
  "GET /api/v1/me/check-ins": only("participant"),
  "GET /api/v1/me/check-ins/summary": only("participant"),
  "GET /api/v1/me/check-ins/options": only("participant"),
  "GET /api/v1/participants/:id/check-ins": clinicalView,
  "GET /api/v1/check-in-settings": only("administrator", "clinical_director", "counselor", "prescriber"),
  "PUT /api/v1/check-in-settings": only("administrator"),
  // Calendar feeds: one's own for staff with a schedule and for participants; a participant's by
  // staff who book sessions (schedule.manage); the setting is the administrator's.
  "GET /api/v1/me/calendar-feed": only(...FEED_OWNERS),
  "POST /api/v1/me/calendar-feed": only(...FEED_OWNERS),
  "DELETE /api/v1/me/calendar-feed": only(...FEED_OWNERS),
  "GET /api/v1/participants/:id/calendar-feed": scheduleView,
  // Linked family accounts, ticked as attending a family session: those who book for the participant.
  "GET /api/v1/participants/:id/family-members": participantFeedManage,
  "POST /api/v1/participants/:id/calendar-feed": participantFeedManage,
  "DELETE /api/v1/participants/:id/calendar-feed": participantFeedManage,
  // The feed's secret address is its only key: a calendar app reads it without a session.
  "GET /api/v1/calendar-feeds/:token.ics": anyone,
  "GET /api/v1/settings/calendar-feeds": only("administrator"),
  "PUT /api/v1/settings/calendar-feeds": only("administrator"),
  // Participant app (H6): Today, the recovery counter and absence requests are the participant's
  // own (from the session, never the URL); the chart lists a participant's requests to whoever reads
  // their schedule; a decision (clinical.write, on the request's participant) and a withdrawal name
  // a made-up request here: nobody reaches it. Local help resources are the administrator's setting.
  "GET /api/v1/me/today": only("participant"),
  "GET /api/v1/me/sobriety": only("participant"),
  "POST /api/v1/me/sobriety/restart": only("participant"),
  "GET /api/v1/me/absence-requests": only("participant"),
  "POST /api/v1/me/absence-requests": only("participant"),
  "POST /api/v1/me/absence-requests/:id/withdraw": () => false,
  "GET /api/v1/participants/:id/absence-requests": scheduleView,
  "POST /api/v1/absence-requests/:id/decision": () => false,
  // Discharge (issue 11): readiness is read by staff with clinical access (a participant has no
  // discharge view); a discharge is a clinical change on the participant.
  "GET /api/v1/participants/:id/discharge-readiness": (a, t) => clinicalView(a, t) && a !== "participant",
  "POST /api/v1/participants/:id/discharge": clinicalWrite,
  // Disclosures (H2): the log with the record (participants.view) and the participant's own; releases
  // and disclosures without consent with consents.manage; a decision names a made-up request here.
  "GET /api/v1/participants/:id/disclosures": viewRecord,
  "GET /api/v1/me/disclosures": only("participant"),
  "GET /api/v1/participants/:id/releases/options": consentsManage,
  "POST /api/v1/participants/:id/releases": consentsManage,
  // Warm handoff (issue 11, H4): referral packets with consents.manage, like record releases; the
  // first-appointment outcome is clinical work (a made-up task is not found for anyone allowed).
  "GET /api/v1/participants/:id/handoffs": consentsManage,
  "GET /api/v1/participants/:id/handoffs/recipients": consentsManage,
  "POST /api/v1/participants/:id/handoffs": consentsManage,
  "POST /api/v1/participants/:id/handoffs/tasks/:taskId/outcome": clinicalWrite,
  "GET /api/v1/participants/:id/disclosure-exceptions": consentsManage,
  "POST /api/v1/participants/:id/disclosure-exceptions": consentsManage,
  "POST /api/v1/disclosure-exceptions/:id/decision": () => false,
  "GET /api/v1/help-resources": only("administrator"),
  "PUT /api/v1/help-resources": only("administrator"),
  "GET /api/v1/me/help-resources": only("participant"),
  // The family portal: family accounts only; each view of a participant under the consent naming the
  // family member, on the caseload participant they are linked to, for the categories it shares.
  "GET /api/v1/family/people": only(...FAMILY),
  "GET /api/v1/family/people/:participantId/schedule": (a, t) => a === "family_consented" && t === "caseload",
  "GET /api/v1/family/people/:participantId/attendance": (a, t) =>
    a === "family_consented" && t === "caseload",
  "GET /api/v1/family/people/:participantId/progress": () => false,
  "GET /api/v1/family/people/:participantId/goals": () => false,
  "GET /api/v1/family/people/:participantId/scores": () => false,
  // Family learning and the family member's own check-in (H5): their own data, family accounts only.
  "GET /api/v1/family/learning": only(...FAMILY),
  "PUT /api/v1/family/learning/:moduleKey": only(...FAMILY),
  "GET /api/v1/family/check-ins": only(...FAMILY),
  // Family messages (H6): family accounts only; starting one about the caseload participant needs the
  // consent's family_messages category (the consented account's). The fixture's conversation is the
  // participant's own: no family member reaches it, and the family routes refuse everyone else.
  "GET /api/v1/family/messages": only(...FAMILY),
  "POST /api/v1/family/messages": only("family_consented"),
  "GET /api/v1/family/messages/unread": only(...FAMILY),
  "GET /api/v1/family/messages/:threadId": () => false,
  "POST /api/v1/family/messages/:threadId/messages": () => false,
  "POST /api/v1/family/messages/:threadId/read": () => false,
  "PUT /api/v1/family/check-ins": only(...FAMILY),
  // Consents (H1): read with the record; drafted and signed with consents.manage (the director and
  // intake at the site, counselors on their caseload). Routes under /consents/:id decide on the
  // consent's participant (the matrix's random id is not found for anyone).
  "GET /api/v1/participants/:id/consents": viewRecord,
  "POST /api/v1/participants/:id/consents": (a, t) =>
    (["clinical_director", "intake_coordinator"].includes(a) && t !== "other") ||
    (a === "counselor" && t === "caseload"),
  "GET /api/v1/consents/:id": () => false,
  "PUT /api/v1/consents/:id": () => false,
  "POST /api/v1/consents/:id/void": () => false,
  "POST /api/v1/consents/:id/signatures": () => false,
  "POST /api/v1/consents/:id/revocations": () => false,
  "POST /api/v1/consents/:id/hold": () => false,
  "POST /api/v1/consents/:id/hold/release": () => false,
  "POST /api/v1/consents/:id/materially-false": () => false,
  "GET /api/v1/me/consents": only("participant"),
  "POST /api/v1/me/consents/:id/sign": () => false,
  "POST /api/v1/me/consents/:id/revocations": () => false,
  // The site's minor-consent rule: any staff member of the site reads it; administrators set it.
  "GET /api/v1/sites/:id/minor-consent-rule": staffOnly,
  "PUT /api/v1/sites/:id/minor-consent-rule": only("administrator"),
  // Sharing with family (H3): the participant's own page; the chart's Family tab read with the record
  // and changed with consents.manage. Routes naming a person, entry or update get a made-up id here
  // (not found for anyone).
  "GET /api/v1/me/sharing": only("participant"),
  "POST /api/v1/me/sharing/people": only("participant"),
  "POST /api/v1/me/sharing/people/:recipientId/revocation": () => false,
  "POST /api/v1/me/sharing/blocks": only("participant"),
  "DELETE /api/v1/me/sharing/blocks/:blockId": () => false,
  "POST /api/v1/me/sharing/updates": only("participant"),
  "DELETE /api/v1/me/sharing/updates/:updateId": () => false,
  "POST /api/v1/me/sharing/updates/:updateId/restore": () => false,
  "GET /api/v1/participants/:id/family": viewRecord,
  "POST /api/v1/participants/:id/family/people": consentsManage,
  "POST /api/v1/participants/:id/family/people/:recipientId/guardian-signature": () => false,
  "POST /api/v1/participants/:id/family/people/:recipientId/invitation": () => false,
  "POST /api/v1/participants/:id/family/blocks": consentsManage,
  "DELETE /api/v1/participants/:id/family/blocks/:blockId": () => false,
  // Participant rights (H7): §2.26 restrictions — the participant's own, or read with the record and
  // answered with consents.manage (a made-up restriction id is not found for anyone); the §2.22 notice
  // is public to read (posted on the website), its settings an administrator's, its delivery recorded
  // with consents.manage, its acknowledgement the participant's own.
  "GET /api/v1/me/restrictions": only("participant"),
  "POST /api/v1/me/restrictions": only("participant"),
  "POST /api/v1/me/restrictions/:id/termination": () => false,
  "GET /api/v1/participants/:id/restrictions": viewRecord,
  "POST /api/v1/participants/:id/restrictions": consentsManage,
  "POST /api/v1/participants/:id/restrictions/:restrictionId/decision": () => false,
  "POST /api/v1/participants/:id/restrictions/:restrictionId/termination": () => false,
  "GET /api/v1/patient-notice": anyone,
  "PUT /api/v1/patient-notice": only("administrator"),
  "GET /api/v1/me/patient-notice": only("participant"),
  "POST /api/v1/me/patient-notice/acknowledgement": only("participant"),
  "GET /api/v1/participants/:id/patient-notice": viewRecord,
  "POST /api/v1/participants/:id/patient-notice/deliveries": consentsManage,
  // Alumni (H6): the participant's own alumni app (the matrix participant is in care, so the service
  // answers ALUMNI_IN_CARE — reached, not an access denial); the program run by alumni.manage at the
  // site (made-up event, member and thread ids are not found for anyone); the chart's section.
  "GET /api/v1/me/alumni/status": only("participant"),
  "GET /api/v1/me/alumni": only("participant"),
  "PUT /api/v1/me/alumni/check-ins/current": only("participant"),
  "GET /api/v1/me/alumni/check-ins": only("participant"),
  "POST /api/v1/me/alumni/events/:eventId/rsvp": only("participant"),
  "POST /api/v1/me/alumni/opt-out": only("participant"),
  "POST /api/v1/me/alumni/rejoin": only("participant"),
  "GET /api/v1/me/alumni/messages": only("participant"),
  "POST /api/v1/me/alumni/messages": only("participant"),
  "GET /api/v1/me/alumni/messages/:threadId": only("participant"),
  "POST /api/v1/me/alumni/messages/:threadId": only("participant"),
  "GET /api/v1/alumni-events": only("clinical_director", "counselor"),
  "POST /api/v1/alumni-events": only("clinical_director", "counselor"),
  "PUT /api/v1/alumni-events/:eventId": () => false,
  "POST /api/v1/alumni-events/:eventId/cancel": () => false,
  "GET /api/v1/alumni": only("clinical_director", "counselor"),
  "POST /api/v1/alumni/:participantId/opt-out": () => false,
  "GET /api/v1/participants/:id/alumni": clinicalView,
  "GET /api/v1/alumni-messages": only("clinical_director", "counselor"),
  "GET /api/v1/alumni-messages/:threadId": () => false,
  "POST /api/v1/alumni-messages/:threadId": () => false,
};

/** An alumni event at the matrix site (H6). */
const matrixAlumniEvent = (siteId: string) => ({
  siteId,
  title: "Matrix alumni event",
  kind: "event",
  startsAt: "2026-12-05T23:00:00Z",
  endsAt: "2026-12-06T01:00:00Z",
  timeZone: "America/New_York",
});

/** Error codes that mean the request was stopped by access control (not by the handler's own rules). */
const ACCESS_DENIALS = new Set([
  "AUTH_REQUIRED",
  "AUTH_FORBIDDEN",
  "AUTH_MFA_PENDING",
  "NOT_FOUND",
  "ACCESS_BREAK_GLASS_AVAILABLE",
  "FAMILY_ACCESS_ENDED",
]);

describeEachEngine("authorization matrix", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  const cookies = new Map<ActorName, string>();
  const credentials = new Map<ActorName, { email: string; password: string }>();
  const ids: Record<string, string> = {};
  /** The fixture's enrollments as they were made, restored around each enrollment route's cells. */
  let enrollmentBaseline: { id: string; participant_id: string; status: string; joined_on: string | null }[] =
    [];
  const patients = {} as Record<Target, string>;

  const addressOf = (actor: ActorName) => `10.20.${ACTORS.indexOf(actor)}.1`;

  /** A session of the actor's, signed in from their own address (sign-ins are rate limited per address). */
  async function signInFrom(actor: ActorName): Promise<{ cookie: string }> {
    const c = credentials.get(actor)!;
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/sessions",
      headers: appHeaders,
      payload: { email: c.email, password: c.password },
      remoteAddress: addressOf(actor),
    });
    if (response.statusCode !== 200)
      throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
    return { cookie: `${SESSION_COOKIE}=${sessionCookieOf(response)}` };
  }

  async function signInAs(actor: ActorName) {
    if (actor === "anonymous") return;
    cookies.set(actor, (await signInFrom(actor)).cookie);
  }

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database);
    const db = database.db;
    const siteA = await givenSite(db, "Matrix Site A");
    const siteB = await givenSite(db, "Matrix Site B");
    ids.siteA = siteA.id;
    for (const role of STAFF) {
      const user = await givenUser(db, {
        roles: [role as never],
        siteNames: [siteA.name],
        displayName: `Matrix ${role}`,
      });
      credentials.set(role, user);
      ids[role] = user.id;
    }
    const victim = await givenUser(db, {
      roles: ["counselor"],
      siteNames: [siteA.name],
      displayName: "Matrix Victim",
    });
    ids.victim = victim.id;
    const participantUser = await givenUser(db, { kind: "participant", displayName: "Matrix Participant" });
    const familyUser = await givenUser(db, { kind: "family", displayName: "Matrix Family" });
    credentials.set("participant", participantUser);
    credentials.set("family", familyUser);
    patients.caseload = (
      await givenParticipant(db, {
        siteId: siteA.id,
        userId: participantUser.id,
        careTeam: [
          { userId: ids.counselor!, role: "primary_counselor" },
          { userId: ids.prescriber!, role: "prescriber" },
        ],
      })
    ).id;
    patients.site = (await givenParticipant(db, { siteId: siteA.id })).id;
    patients.other = (await givenParticipant(db, { siteId: siteB.id })).id;
    await givenFamilyLink(db, familyUser.id, patients.caseload);
    const consentedUser = await givenUser(db, { kind: "family", displayName: "Matrix Consented Family" });
    credentials.set("family_consented", consentedUser);
    const { recipientId } = await givenFamilyConsent(db, {
      participantId: patients.caseload,
      siteId: siteA.id,
      createdBy: ids.counselor!,
      familyUserId: consentedUser.id,
      scopes: ["family_session_schedule", "attendance_summary", "family_messages"],
    });
    await givenFamilyLink(db, consentedUser.id, patients.caseload, recipientId);
    // A signed record-release consent for each target (H2): the release route's body names it.
    for (const target of TARGETS) {
      const release = await givenFamilyConsent(db, {
        participantId: patients[target],
        siteId: target === "other" ? siteB.id : siteA.id,
        createdBy: ids.victim!,
        name: "Matrix Records Office",
        scopes: ["attendance"],
      });
      ids[`releaseConsent:${target}`] = release.consentId;
      ids[`releaseRecipient:${target}`] = release.recipientId;
    }
    // A signed consent to the step-down provider for each target (H4): the handoff route's body names it.
    for (const target of TARGETS) {
      const handoff = await givenProviderConsent(db, {
        participantId: patients[target],
        siteId: target === "other" ? siteB.id : siteA.id,
        createdBy: ids.victim!,
      });
      ids[`handoffConsent:${target}`] = handoff.consentId;
      ids[`handoffRecipient:${target}`] = handoff.recipientId;
    }
    const [grant] = await db
      .insert(breakGlassGrants)
      .values({
        userId: ids.victim!,
        participantId: patients.site,
        reason: "Fixture grant for the alert",
        grantedAt: new Date("2026-01-01T00:00:00Z"),
        expiresAt: new Date("2026-01-01T01:00:00Z"),
      })
      .returning();
    const [alert] = await db
      .insert(alerts)
      .values({
        kind: "break_the_glass",
        severity: "warning",
        siteId: siteA.id,
        participantId: patients.site,
        reason:
          "Matrix Victim opened this record outside the care team. Reason given: Fixture grant for the alert",
        evidenceKind: "break_glass_grant",
        evidenceId: grant!.id,
        audience: ["clinical_director"],
        breakGlassGrantId: grant!.id,
        createdAt: new Date(),
      })
      .returning();
    ids.alert = alert!.id;
    const [lead] = await db
      .insert(admissionLeads)
      .values({
        reference: "BW-MATRIX",
        siteId: siteA.id,
        kind: "inquiry",
        stageChangedAt: new Date(),
        personName: "Matrix Inquirer",
        contactMethod: "phone",
        phone: "555 010 2000",
        createdAt: new Date(),
      })
      .returning();
    ids.lead = lead!.id;
    const track = await givenTrack(db, { siteId: siteA.id, slots: MATRIX_TRACK.pattern.slots });
    ids.track = track.id;
    await db.insert(trackFacilitators).values({ trackId: track.id, userId: ids.counselor! });
    const [exception] = await db
      .insert(trackExceptions)
      .values({ trackId: track.id, ...MATRIX_EXCEPTION })
      .returning();
    ids.trackException = exception!.id;
    const attendanceTrack = await db.execute(
      sql`insert into tracks (site_id, name, capacity, time_zone, starts_on, pattern)
          values (${siteA.id}, 'Matrix attendance track', 12, 'America/New_York', '2026-01-05',
            ${JSON.stringify({ slots: [{ weekday: 1, start: "18:00", end: "21:00" }] })}::jsonb)
          returning id`,
    );
    ids.attendanceTrack = (attendanceTrack as unknown as { rows: { id: string }[] }).rows[0]!.id;
    await db.execute(
      sql`insert into track_enrollments (track_id, participant_id, episode_id, status, joined_on)
          select ${ids.attendanceTrack}, e.participant_id, e.id, 'enrolled', '2026-02-02'
          from episodes e where e.participant_id = ${patients.site}`,
    );
    // The caseload participant waits for a place in the attendance track.
    await db.execute(
      sql`insert into track_enrollments (track_id, participant_id, episode_id, status, waitlisted_at)
          select ${ids.attendanceTrack}, e.participant_id, e.id, 'waitlisted', '2026-10-01T12:00:00Z'
          from episodes e where e.participant_id = ${patients.caseload}`,
    );
    await db
      .insert(curriculumModuleVersions)
      .values({ moduleKey: MATRIX_MODULE, version: 1, content: aModule(MATRIX_MODULE) });
    const enrollmentRows = await db.execute(
      sql`select id, participant_id, status, joined_on::text as joined_on from track_enrollments`,
    );
    enrollmentBaseline = (
      enrollmentRows as unknown as {
        rows: { id: string; participant_id: string; status: string; joined_on: string | null }[];
      }
    ).rows;
    ids["/api/v1/enrollments/:id/exit"] = enrollmentBaseline.find(
      (r) => r.participant_id === patients.site,
    )!.id;
    ids["/api/v1/enrollments/:id/admit-from-waitlist"] = enrollmentBaseline.find(
      (r) => r.participant_id === patients.caseload,
    )!.id;
    // A room, a Saturday morning of declared unavailability per participant, an appointment.
    const room = await db.execute(
      sql`insert into rooms (site_id, name) values (${siteA.id}, 'Matrix Room') returning id`,
    );
    ids.room = (room as unknown as { rows: { id: string }[] }).rows[0]!.id;
    for (const target of TARGETS) {
      ids[`unavailability:${target}`] = randomUUID();
      await insertUnavailability(target);
    }
    const appointment = await db.execute(
      sql`insert into appointments (site_id, participant_id, kind, staff_id, room_id, time_zone, starts_at, ends_at, local_date)
          values (${siteA.id}, ${patients.caseload}, 'individual', ${ids.counselor}, ${ids.room}, 'America/New_York',
            ${MATRIX_APPOINTMENT.startsAt}, ${MATRIX_APPOINTMENT.endsAt}, ${MATRIX_APPOINTMENT.localDate})
          returning id`,
    );
    ids.appointment = (appointment as unknown as { rows: { id: string }[] }).rows[0]!.id;
    // The caseload participant's treatment plan: version 1, signed (writes to it answer 409, not changing it).
    const plan = await db.execute(
      sql`insert into treatment_plans (participant_id, episode_id, site_id)
          select e.participant_id, e.id, e.site_id from episodes e where e.participant_id = ${patients.caseload}
          returning id`,
    );
    ids.plan = (plan as unknown as { rows: { id: string }[] }).rows[0]!.id;
    const planVersion = await db.execute(
      sql`insert into treatment_plan_versions (plan_id, number, status, language, starts_on, content, content_sha256, signed_at)
          values (${ids.plan}, 1, 'signed', 'en', '2026-11-02',
            ${JSON.stringify({ problems: [], strengths: [], barriers: [], dischargeCriteria: [] })}::jsonb,
            ${"0".repeat(64)}, '2026-11-03T15:00:00Z')
          returning id`,
    );
    ids.planVersion = (planVersion as unknown as { rows: { id: string }[] }).rows[0]!.id;
    // Its first review, signed (changes to it answer 409; a new review is removed after each cell).
    const planReview = await db.execute(
      sql`insert into treatment_plan_reviews (plan_id, version_id, number, status, reason, due_on, held_on,
            content, content_sha256, finalized_at, signed_at)
          values (${ids.plan}, ${ids.planVersion}, 1, 'signed', 'scheduled', '2026-12-03', '2026-12-03',
            ${JSON.stringify({ progress: [], summary: "Matrix review", planChangesNeeded: false })}::jsonb,
            ${"0".repeat(64)}, '2026-12-03T15:00:00Z', '2026-12-03T15:00:00Z')
          returning id`,
    );
    ids.planReview = (planReview as unknown as { rows: { id: string }[] }).rows[0]!.id;
    // A conversation the caseload participant started, with its first message (kept across cells).
    const thread = await db.execute(
      sql`insert into message_threads (participant_id, site_id, subject, created_by, last_message_at)
          values (${patients.caseload}, ${siteA.id}, 'Matrix conversation', ${participantUser.id}, '2026-01-05T15:00:00Z')
          returning id`,
    );
    ids.thread = (thread as unknown as { rows: { id: string }[] }).rows[0]!.id;
    await db.execute(
      sql`insert into messages (thread_id, author_id, author_kind, body, idempotency_key, created_at)
          values (${ids.thread}, ${participantUser.id}, 'participant', 'Matrix message', ${randomUUID()}, '2026-01-05T15:00:00Z')`,
    );
    // A calendar feed of the victim's, read by its secret address in the public route's cells.
    const victimCookie = (await signIn(app, victim.email, victim.password)).cookie;
    const feed = await app.inject({
      method: "POST",
      url: "/api/v1/me/calendar-feed",
      headers: { ...appHeaders, cookie: victimCookie },
    });
    ids.feedToken = new URL(feed.json().url).pathname
      .split("/")
      .at(-1)!
      .replace(/\.ics$/, "");
    for (const actor of SIGNED_IN) await signInAs(actor);
  });

  afterAll(async () => {
    await app.close();
    await database.close();
  });

  async function insertUnavailability(target: Target) {
    await database.db.execute(
      sql`insert into participant_unavailability (id, participant_id, weekday, start_time, end_time, reason)
          values (${ids[`unavailability:${target}`]}, ${patients[target]}, 6, '09:00', '12:00', 'childcare')
          on conflict (id) do nothing`,
    );
  }

  /** A request that the handler would accept if access allows it (bodies are valid; side effects are undone). */
  async function requestFor(route: DeclaredRoute, actor: ActorName, target: Target | undefined, n: number) {
    if (route.method === "DELETE" && route.url === "/api/v1/me/sessions/:id" && actor !== "anonymous") {
      // A second session of the same person, to end.
      const other = await signInFrom(actor);
      const list = await app.inject({ url: "/api/v1/me/sessions", headers: { cookie: other.cookie } });
      const id = (list.json().sessions as { id: string; current: boolean }[]).find((x) => x.current)!.id;
      return { method: "DELETE" as const, url: `/api/v1/me/sessions/${id}`, payload: undefined };
    }
    if (route.url.includes("enrollments")) {
      await resetEnrollments(
        `${route.method} ${route.url}` === "POST /api/v1/participants/:id/enrollments" ? target : undefined,
      );
    }
    const participantId = target ? patients[target] : randomUUID();
    const url = route.url
      .replace(
        ":id",
        route.url.startsWith("/api/v1/participants/")
          ? participantId
          : route.url.startsWith("/api/v1/users/")
            ? ids.victim!
            : route.url.startsWith("/api/v1/sites/") || route.url.includes("program-pages/")
              ? ids.siteA!
              : route.url.startsWith("/api/v1/alerts/")
                ? ids.alert!
                : route.url.startsWith("/api/v1/admissions/leads/")
                  ? ids.lead!
                  : route.url.startsWith("/api/v1/tracks/")
                    ? ids.track!
                    : route.url.startsWith("/api/v1/appointments/")
                      ? ids.appointment!
                      : route.url.startsWith("/api/v1/rooms/")
                        ? ids.room!
                        : route.url.startsWith("/api/v1/enrollments/")
                          ? ids[route.url]!
                          : randomUUID(),
      )
      .replace(":exceptionId", ids.trackException!)
      .replace(":unavailabilityId", ids[`unavailability:${target}`] ?? randomUUID())
      .replace(":trackId", ids.attendanceTrack!)
      .replace("/occurrences/:key/", `/occurrences/${ATTENDANCE_OCCURRENCE}/`)
      .replace(":occurrenceKey", ATTENDANCE_OCCURRENCE)
      .replace(":token.ics", `${ids.feedToken}.ics`)
      .replace(":token", "A".repeat(43))
      .replace("/curriculum/modules/:key", `/curriculum/modules/${MATRIX_MODULE}`)
      .replace(":key", "phq9")
      .replace(":assignmentId", randomUUID())
      .replace(":taskId", randomUUID())
      .replace(":planId", ids.plan!)
      .replace(":versionId", ids.planVersion!)
      .replace(":reviewId", ids.planReview!)
      .replace(":threadId", ids.thread!)
      .replace(":eventId", randomUUID())
      .replace(":noteId", randomUUID())
      .replace(":recipientId", randomUUID())
      .replace(":blockId", randomUUID())
      .replace(":updateId", randomUUID())
      .replace(":restrictionId", randomUUID())
      .replace(":appointmentId", ids.appointment!)
      .replace(":participantId", participantId)
      .replace(":moduleKey", "safety-first")
      // A plan never saved: reads answer version 0 (an old version: not found), an empty save keeps nothing.
      .replace(":kind", "safety")
      .replace(":version", "1");
    const bodies: Record<string, unknown> = {
      "POST /api/v1/sessions": { email: `nobody-${n}@test.bridgeway.example`, password: "not a password" },
      "POST /api/v1/sessions/current/mfa": { code: "000000" },
      "POST /api/v1/password-resets": { email: `nobody-${n}@test.bridgeway.example` },
      "POST /api/v1/password-resets/complete": {
        token: "B".repeat(43),
        password: "violet anchor midnight parade",
      },
      "POST /api/v1/invitations/preview": { token: "B".repeat(43) },
      "POST /api/v1/invitations/accept": { token: "B".repeat(43), password: "violet anchor midnight parade" },
      "POST /api/v1/follow-ups/link": { token: "B".repeat(43) },
      "POST /api/v1/follow-ups/answers": {
        token: "B".repeat(43),
        answers: {
          alcoholDays: 0,
          heavyDrinkingDays: 0,
          drugDays: 0,
          meetings: 0,
          inTreatment: true,
          housing: "own_home",
          employment: "full_time",
          wantsContact: false,
        },
        phq9: {},
        gad7: {},
        idempotencyKey: randomUUID(),
      },
      "POST /api/v1/follow-ups/opt-out": { token: "B".repeat(43) },
      "POST /api/v1/invitations": {
        kind: "staff",
        email: `staff-${n}-${randomUUID().slice(0, 8)}@test.bridgeway.example`,
        displayName: "Casey Staff",
        roles: ["counselor"],
        siteIds: [ids.siteA],
      },
      "POST /api/v1/me/sharing/people": {
        ...matrixShare(n),
        typedName: "Matrix Participant",
      },
      "POST /api/v1/me/sharing/people/:recipientId/revocation": { writtenStatement: "I revoke my consent." },
      "POST /api/v1/me/sharing/blocks": { name: `Matrix Blocked ${n}` },
      "POST /api/v1/me/sharing/updates": { body: "A matrix update." },
      "POST /api/v1/participants/:id/family/people": { ...matrixShare(n), paperSignatureOnFile: true },
      "POST /api/v1/participants/:id/family/people/:recipientId/guardian-signature": {
        signerName: "Matrix Guardian",
      },
      "POST /api/v1/participants/:id/family/people/:recipientId/invitation": { locale: "en" },
      "POST /api/v1/participants/:id/family/blocks": { name: `Matrix Blocked ${n}` },
      "POST /api/v1/me/password": {
        currentPassword: "wrong password",
        newPassword: "violet anchor midnight parade",
      },
      "POST /api/v1/me/mfa/totp/confirm": { code: "000000" },
      "DELETE /api/v1/me/mfa": { password: "wrong password" },
      "PATCH /api/v1/users/:id": { requiresCosign: false },
      "POST /api/v1/sites": { name: `Matrix New Site ${n}`, timeZone: "America/Chicago" },
      "PATCH /api/v1/sites/:id": { name: "Matrix Site A", timeZone: "America/New_York" },
      "PUT /api/v1/settings/security": { counselorScope: "care_team", staffMfaRequired: false },
      "PUT /api/v1/settings/reminders": DEFAULT_REMINDER_SETTINGS,
      "PUT /api/v1/participants/:id/care-team": {
        members:
          target === "caseload"
            ? [
                { userId: ids.counselor, role: "primary_counselor" },
                { userId: ids.prescriber, role: "prescriber" },
              ]
            : [],
      },
      "POST /api/v1/participants/:id/break-glass": { reason: "Covering the on-call crisis line tonight" },
      "POST /api/v1/inquiries": {
        siteId: ids.siteA,
        forWhom: "self",
        name: "Alex",
        contactMethod: "phone",
        phone: "555 010 1000",
      },
      "POST /api/v1/admissions/referrals": {
        siteId: ids.siteA,
        source: "detox",
        personName: "Riley Matrix",
        contactMethod: "phone",
        phone: "555 010 3000",
      },
      "POST /api/v1/admissions/leads/:id/stage": { to: "contacted" },
      "PATCH /api/v1/admissions/leads/:id": { nextAction: "Call back", nextActionDueOn: "2026-12-01" },
      "POST /api/v1/admissions/leads/:id/screening": aScreening(),
      "POST /api/v1/admissions/leads/:id/admission": {
        legalGivenName: "Riley",
        legalFamilyName: "Matrix",
        bornOn: "1990-01-01",
        admittedOn: "2026-11-20",
        primaryCounselorId: ids.counselor,
        diagnoses: [{ code: "F10.20", primary: true }],
      },
      "POST /api/v1/participants/:id/level-of-care": {
        toLevel: "1",
        changedOn: "2026-11-20",
        reason: "Met the goals of intensive outpatient",
      },
      "PUT /api/v1/participants/:id/sobriety-date": { sobrietyOn: "2026-10-01" },
      "POST /api/v1/participants/:id/assessments": {
        instrumentKey: "gad7",
        version: "1.0.0",
        answers: { "1": 0, "2": 1, "3": 0, "4": 0, "5": 0, "6": 0, "7": 0 },
        idempotencyKey: randomUUID(),
      },
      "POST /api/v1/participants/:id/assessment-assignments": { instrumentKey: "who5", dueOn: "2099-01-01" },
      // Dated in the future, so an allowed call is refused by field and every episode stays open.
      "POST /api/v1/participants/:id/discharge": {
        dischargedOn: "2099-01-01",
        reason: "completed",
        levelOfCare: "2.1",
        referredLevelOfCare: "1.0",
      },
      "PUT /api/v1/program-pages/:id": {
        bodyMarkdown: "## Our program\n\nEvening groups three days a week.",
      },
      "PUT /api/v1/admissions/level-rules": {
        edition: 3,
        byHighestRating: ["1", "1", "2.1", "2.5", "3.7"],
        countedDimensions: [1, 2, 3, 4, 5, 6],
      },
      // The defaults, so an allowed call changes nothing the other cells rely on.
      "PUT /api/v1/admissions/settings": { offeredLevels: ["2.1", "1", "1.5"], inquiryResponseHours: 24 },
      "PUT /api/v1/alerts/settings": { emergencyEscalationMinutes: 15, urgentEscalationMinutes: 60 },
      "PUT /api/v1/assessments/schedule": { entries: DEFAULT_SCHEDULE, graceDays: 3 },
      "PUT /api/v1/assessments/reliable-change": DEFAULT_RELIABLE_CHANGE_SETTINGS,
      "PUT /api/v1/settings/attendance": DEFAULT_ATTENDANCE_SETTINGS,
      "POST /api/v1/alerts/:id/resolve": { note: "Reviewed with the counselor; access was justified." },
      "PUT /api/v1/tracks/:trackId/occurrences/:key/attendance": {
        marks: [{ participantId: patients.site, status: "present" }],
      },
      // The track as it is, so an allowed call changes nothing the other cells rely on.
      "PUT /api/v1/tracks/:id": { ...MATRIX_TRACK, facilitatorIds: [ids.counselor] },
      "POST /api/v1/curriculum/modules": { module: aModule(`matrix-new-${n}`) },
      "PUT /api/v1/curriculum/modules/:key": { baseVersion: 1, module: aModule(MATRIX_MODULE) },
      "PUT /api/v1/tracks/:trackId/occurrences/:key/module": { moduleKey: MATRIX_MODULE },
      "PUT /api/v1/me/practice/:trackId/:occurrenceKey": { reflection: "Matrix reflection" },
      "POST /api/v1/tracks/:trackId/occurrences/:key/practice/read": { completionIds: [randomUUID()] },
      "POST /api/v1/participants/:id/enrollments": { trackId: ids.track, joinOn: "2026-11-20" },
      "POST /api/v1/participants/:id/enrollments/move": { trackId: ids.track, on: "2026-11-20" },
      "POST /api/v1/enrollments/:id/exit": { on: "2026-11-20", reason: "Started an evening job" },
      "POST /api/v1/enrollments/:id/admit-from-waitlist": { joinOn: "2026-11-20" },
      "PUT /api/v1/settings/calendar-feeds": { detail: "private", includeVideoLinks: false },
      "POST /api/v1/me/check-ins": {
        idempotencyKey: randomUUID(),
        checkedInOn: localDateIn(new Date(), "America/New_York"),
        recordedAt: new Date().toISOString(),
        mood: 6,
        craving: 2,
        anyUse: false,
      },
      "PUT /api/v1/check-in-settings": DEFAULT_CHECK_IN_SETTINGS,
      "POST /api/v1/sites/:id/rooms": { name: `Matrix Room ${n}` },
      "PUT /api/v1/rooms/:id": { name: "Matrix Room", active: true },
      "POST /api/v1/participants/:id/unavailability": {
        weekday: 6,
        start: "13:00",
        end: "15:00",
        reason: "work",
      },
      "POST /api/v1/appointments": {
        participantId: patients.caseload,
        kind: "individual",
        staffId: ids.counselor,
        roomId: ids.room,
        date: "2026-02-11",
        start: "10:00",
        end: "11:00",
      },
      "POST /api/v1/participants/:id/treatment-plan": { startsOn: "2026-11-20", language: "en" },
      "PUT /api/v1/treatment-plans/:planId/versions/:versionId": {
        revision: 1,
        startsOn: "2026-11-02",
        language: "en",
        cosignerUserId: null,
        content: { problems: [], strengths: [], barriers: [], dischargeCriteria: [] },
      },
      "POST /api/v1/treatment-plans/:planId/versions/:versionId/finalize": { revision: 1 },
      "POST /api/v1/treatment-plans/:planId/versions/:versionId/reopen": { revision: 1 },
      "POST /api/v1/treatment-plans/:planId/versions/:versionId/signatures": {
        role: "clinician",
        revision: 1,
        password: "wrong password",
      },
      "POST /api/v1/treatment-plans/:planId/reviews": { reason: "scheduled" },
      "PUT /api/v1/treatment-plans/:planId/reviews/:reviewId": {
        revision: 1,
        heldOn: "2026-12-03",
        cosignerUserId: null,
        content: { progress: [], summary: "Matrix review", planChangesNeeded: false },
      },
      "POST /api/v1/treatment-plans/:planId/reviews/:reviewId/finalize": { revision: 1 },
      "POST /api/v1/treatment-plans/:planId/reviews/:reviewId/reopen": { revision: 1 },
      "POST /api/v1/treatment-plans/:planId/reviews/:reviewId/signatures": {
        role: "clinician",
        revision: 1,
        password: "wrong password",
      },
      "POST /api/v1/me/treatment-plan/reviews/:reviewId/signatures": {
        revision: 1,
        typedName: "Matrix Participant",
      },
      "PUT /api/v1/settings/treatment-plans": DEFAULT_PLAN_SETTINGS,
      "PUT /api/v1/settings/notes": DEFAULT_NOTES_SETTINGS,
      "POST /api/v1/clinical-notes/:noteId/cosign": { password: "not a password" },
      "POST /api/v1/clinical-notes/:noteId/addenda": {
        reason: "Correction",
        body: "Matrix addendum.",
        password: "not a password",
      },
      "PUT /api/v1/tracks/:trackId/occurrences/:key/group-note": {
        revision: null,
        shared: EMPTY_GROUP_SHARED,
      },
      "PUT /api/v1/group-notes/:noteId/entries/:participantId": {
        revision: null,
        content: EMPTY_GROUP_ENTRY,
      },
      "POST /api/v1/group-notes/:noteId/sign": { revision: 1, password: "not a password" },
      "POST /api/v1/appointments/:appointmentId/note": {},
      "PUT /api/v1/session-notes/:noteId": { revision: 1, format: "DAP", content: EMPTY_SESSION_NOTE },
      "POST /api/v1/session-notes/:noteId/sign": { revision: 1, password: "not a password" },
      // A session of the episode the fixture admits on 2026-10-01 (not the February appointment).
      "POST /api/v1/participants/:id/counseling-notes": {
        sessionDate: "2026-10-15",
        content: { body: "Matrix counseling note." },
      },
      "PUT /api/v1/counseling-notes/:noteId": {
        revision: 1,
        sessionDate: MATRIX_APPOINTMENT.localDate,
        content: { body: "Matrix counseling note." },
      },
      "POST /api/v1/counseling-notes/:noteId/sign": { revision: 1, password: "not a password" },
      "POST /api/v1/counseling-notes/:noteId/addenda": {
        reason: "Correction",
        body: "Matrix addendum.",
        password: "not a password",
      },
      "PUT /api/v1/me/personal-plans/:kind": { kind: "safety", baseVersion: 0, content: EMPTY_SAFETY_PLAN },
      "POST /api/v1/me/personal-plans/:kind/seen": { version: 0 },
      "PUT /api/v1/participants/:id/personal-plans/:kind": {
        kind: "safety",
        baseVersion: 0,
        content: EMPTY_SAFETY_PLAN,
      },
      "POST /api/v1/participants/:id/personal-plans/:kind/seen": { version: 0 },
      "POST /api/v1/participants/:id/discharge-summary/draft": {},
      "PUT /api/v1/participants/:id/discharge-summary": {
        version: 1,
        sections: Object.fromEntries(SUMMARY_SECTIONS.map((key) => [key, "Matrix"])),
      },
      "POST /api/v1/participants/:id/discharge-summary/sign": { version: 1 },
      "PUT /api/v1/me/aftercare-plan": { version: 0, content: {} },
      "POST /api/v1/me/aftercare-plan/sign": { typedName: "Matrix Participant", version: 1 },
      "PUT /api/v1/participants/:id/aftercare-plan": { version: 0, content: {} },
      "POST /api/v1/participants/:id/aftercare-plan/sign": { version: 1 },
      "POST /api/v1/me/message-threads": {
        subject: "Matrix",
        body: "Matrix hello",
        idempotencyKey: randomUUID(),
      },
      "POST /api/v1/me/message-threads/:threadId/messages": {
        body: "Matrix reply",
        idempotencyKey: randomUUID(),
      },
      "POST /api/v1/me/message-threads/:threadId/read": { through: "2026-01-05T15:00:00Z" },
      "POST /api/v1/family/messages": {
        participantId: patients.caseload,
        subject: "Matrix",
        body: "Matrix family hello",
        idempotencyKey: randomUUID(),
      },
      "POST /api/v1/family/messages/:threadId/messages": {
        body: "Matrix reply",
        idempotencyKey: randomUUID(),
      },
      "POST /api/v1/family/messages/:threadId/read": { through: "2026-01-05T15:00:00Z" },
      "POST /api/v1/participants/:id/message-threads": {
        subject: "Matrix",
        body: "Matrix hello",
        idempotencyKey: randomUUID(),
      },
      "POST /api/v1/message-threads/:threadId/messages": {
        body: "Matrix reply",
        idempotencyKey: randomUUID(),
      },
      "POST /api/v1/message-threads/:threadId/read": { through: "2026-01-05T15:00:00Z" },
      "POST /api/v1/me/treatment-plan/signatures": {
        versionId: ids.planVersion,
        revision: 1,
        typedName: "Matrix Participant",
      },
      "PUT /api/v1/appointments/:id/time": { date: "2026-02-04", start: "10:30", end: "11:30" },
      "POST /api/v1/appointments/:id/cancel": { reason: "Matrix check" },
      "PUT /api/v1/appointments/:id/attendance": { status: "present" },
      "POST /api/v1/tracks/:id/exceptions": {
        kind: "cancelled",
        on: { date: "2026-01-12", start: "18:00" },
        reason: "Snow day",
      },
      "POST /api/v1/me/sobriety/restart": { restartOn: "2026-01-02", message: "Matrix restart" },
      "POST /api/v1/me/absence-requests": { sessionId: `appointment:${ids.appointment}`, reason: "work" },
      "POST /api/v1/absence-requests/:id/decision": { decision: "approve", note: "" },
      "POST /api/v1/participants/:id/releases": {
        consentId: ids[`releaseConsent:${target}`],
        recipientId: ids[`releaseRecipient:${target}`],
        information: ["attendance"],
      },
      "POST /api/v1/participants/:id/handoffs": {
        consentId: ids[`handoffConsent:${target}`],
        recipientId: ids[`handoffRecipient:${target}`],
        channel: "fhir",
      },
      "POST /api/v1/participants/:id/handoffs/tasks/:taskId/outcome": { outcome: "attended" },
      "POST /api/v1/participants/:id/disclosure-exceptions": {
        details: {
          kind: "medical_emergency",
          recipientName: "Dr. Matrix",
          recipientFacility: "Matrix General",
          disclosedByName: "Matrix Counselor",
          disclosedAt: "2026-03-02T14:30:00Z",
          natureOfEmergency: "Matrix emergency",
        },
        information: ["diagnosis"],
      },
      "POST /api/v1/disclosure-exceptions/:id/decision": { decision: "approve", note: "Matrix" },
      "PUT /api/v1/help-resources": { resources: [{ name: "Matrix café", phone: "555 010 7788" }] },
      "POST /api/v1/participants/:id/consents": {
        kind: "named_recipient",
        patientName: "Matrix Participant",
        disclosers: [{ type: "program", name: "Matrix IOP" }],
        informationScope: ["family_session_schedule"],
        recipients: [{ kind: "person", name: "Matrix Sister" }],
        purposes: ["family_involvement"],
        expiresOn: "2099-01-01",
        expiryEvent: null,
      },
      "PUT /api/v1/consents/:id": {
        kind: "tpo",
        patientName: "Matrix Participant",
        disclosers: [],
        informationScope: [],
        recipients: [],
        purposes: [],
        expiresOn: null,
        expiryEvent: null,
        version: 1,
      },
      "POST /api/v1/consents/:id/signatures": { role: "patient", signerName: "Matrix Participant" },
      "POST /api/v1/consents/:id/revocations": {
        recipientId: null,
        writtenStatement: "I revoke this consent.",
      },
      "POST /api/v1/consents/:id/hold": {
        heardBy: "Matrix counselor",
        note: "Asked by phone to stop sharing.",
      },
      "POST /api/v1/consents/:id/materially-false": { note: "The recipient is not who the form says." },
      "POST /api/v1/me/consents/:id/sign": { typedName: "Matrix Participant" },
      "POST /api/v1/me/consents/:id/revocations": {
        recipientId: null,
        writtenStatement: "I revoke this consent.",
      },
      "PUT /api/v1/sites/:id/minor-consent-rule": {
        stateCode: "CA",
        ageOfMajority: 18,
        minorMayConsentFrom: 12,
        parentalConsentRequired: false,
        notes: "",
      },
      "PUT /api/v1/family/learning/:moduleKey": { exerciseAnswer: "Matrix answer", completed: true },
      "PUT /api/v1/family/check-ins": { stress: 3, wellbeing: 7 },
      "POST /api/v1/me/restrictions": { kind: "category", informationScope: ["diagnosis"] },
      "POST /api/v1/me/restrictions/:id/termination": { statement: "Please end this." },
      "POST /api/v1/participants/:id/restrictions": { kind: "category", informationScope: ["diagnosis"] },
      "POST /api/v1/participants/:id/restrictions/:restrictionId/decision": { decision: "agree", note: "" },
      "POST /api/v1/participants/:id/restrictions/:restrictionId/termination": {
        by: "participant_written",
        note: "Asked in writing.",
      },
      "PUT /api/v1/patient-notice": DEFAULT_NOTICE_SETTINGS,
      "POST /api/v1/me/patient-notice/acknowledgement": { version: "matrix" },
      "POST /api/v1/participants/:id/patient-notice/deliveries": { acknowledgement: "signed" },
      "PUT /api/v1/me/alumni/check-ins/current": {
        usedSinceLast: false,
        craving: 1,
        mood: 4,
        meetingsAttended: 0,
        wantsContact: false,
      },
      "POST /api/v1/me/alumni/events/:eventId/rsvp": { status: "going" },
      "POST /api/v1/me/alumni/opt-out": { alsoFollowUps: false },
      "POST /api/v1/me/alumni/messages": { subject: "Matrix", body: "Matrix", idempotencyKey: randomUUID() },
      "POST /api/v1/me/alumni/messages/:threadId": { body: "Matrix", idempotencyKey: randomUUID() },
      "POST /api/v1/alumni-events": matrixAlumniEvent(ids.siteA!),
      "PUT /api/v1/alumni-events/:eventId": matrixAlumniEvent(ids.siteA!),
      "POST /api/v1/alumni/:participantId/opt-out": { alsoFollowUps: false },
      "POST /api/v1/alumni-messages/:threadId": { body: "Matrix", idempotencyKey: randomUUID() },
    };
    const key = `${route.method} ${route.url}`;
    const queries: Record<string, string> = {
      "GET /api/v1/calendar": `?view=site&siteId=${ids.siteA}&from=2026-02-02&to=2026-02-08`,
      "GET /api/v1/alumni-events": `?siteId=${ids.siteA}`,
      "GET /api/v1/alumni": `?siteId=${ids.siteA}`,
      "GET /api/v1/alumni-messages": `?siteId=${ids.siteA}`,
      "GET /api/v1/treatment-plan-templates": "?language=es",
      "GET /api/v1/tracks/:id/modules": "?from=2026-02-01&to=2026-02-28",
    };
    return {
      method: route.method as "GET",
      url: url + (queries[key] ?? ""),
      payload: bodies[key] as object | undefined,
    };
  }

  /**
   * The fixture's enrollments again (rows made by requests removed, the episodes' tracks cleared);
   * to place someone, the target's open place is first ended so that the placement can succeed.
   */
  async function resetEnrollments(placing?: Target) {
    const db = database.db;
    await db.execute(sql`delete from track_enrollments where created_by is not null`);
    for (const row of enrollmentBaseline) {
      await db.execute(
        sql`update track_enrollments set status = ${row.status}, joined_on = ${row.joined_on},
              exited_on = null, exit_reason = null
            where id = ${row.id}`,
      );
    }
    await db.execute(
      sql`update episodes set track_id = null
          where participant_id in (${patients.caseload}, ${patients.site}, ${patients.other})`,
    );
    if (placing) {
      await db.execute(
        sql`update track_enrollments set status = 'exited', exited_on = '2026-10-01', exit_reason = 'matrix'
            where participant_id = ${patients[placing]} and status in ('enrolled', 'waitlisted')`,
      );
    }
  }

  /** Undo what an allowed call changed, so every cell starts from the same state. */
  async function undo(route: DeclaredRoute, actor: ActorName) {
    const db = database.db;
    const key = `${route.method} ${route.url}`;
    if (route.url.includes("enrollments")) await resetEnrollments();
    if (key === "POST /api/v1/participants/:id/break-glass") {
      await db.execute(sql`delete from break_glass_grants where user_id <> ${ids.victim}`);
    }
    if (key === "POST /api/v1/users/:id/deactivate")
      await db.execute(sql`update users set disabled_at = null where id = ${ids.victim}`);
    if (key === "POST /api/v1/alerts/:id/acknowledge") {
      await db.execute(
        sql`update alerts set state = 'open', acknowledged_at = null, acknowledged_by = null where id = ${ids.alert}`,
      );
    }
    if (key === "DELETE /api/v1/sessions/current") await signInAs(actor);
    if (key === "POST /api/v1/participants/:id/level-of-care") {
      await db.execute(sql`delete from episode_level_changes`);
      await db.execute(sql`update episodes set level_of_care = '2.1'`);
    }
    if (key === "POST /api/v1/participants/:id/assessments")
      await db.execute(sql`delete from assessment_responses`);
    if (key === "POST /api/v1/participants/:id/assessment-assignments") {
      await db.execute(sql`delete from assessment_assignments`);
    }
    if (key === "POST /api/v1/tracks/:id/exceptions") {
      await db.execute(sql`delete from track_exceptions where id <> ${ids.trackException}`);
    }
    if (key === "DELETE /api/v1/tracks/:id/exceptions/:exceptionId") {
      await db
        .insert(trackExceptions)
        .values({ id: ids.trackException!, trackId: ids.track!, ...MATRIX_EXCEPTION });
    }
    if (key === "PUT /api/v1/tracks/:trackId/occurrences/:key/attendance") {
      await db.execute(sql`delete from attendance_mark_edits`);
      await db.execute(sql`delete from attendance_marks`);
    }
    if (key === "POST /api/v1/sites/:id/rooms") {
      await db.execute(sql`delete from rooms where name like 'Matrix Room %'`);
    }
    if (key === "POST /api/v1/participants/:id/unavailability") {
      await db.execute(sql`delete from participant_unavailability where start_time = '13:00'`);
    }
    if (key === "DELETE /api/v1/participants/:id/unavailability/:unavailabilityId") {
      for (const target of TARGETS) await insertUnavailability(target);
    }
    if (key === "POST /api/v1/appointments") {
      await db.execute(sql`delete from appointments where id <> ${ids.appointment}`);
    }
    if (key.startsWith("PUT /api/v1/appointments/:id/") || key === "POST /api/v1/appointments/:id/cancel") {
      await db.execute(
        sql`update appointments set starts_at = ${MATRIX_APPOINTMENT.startsAt}, ends_at = ${MATRIX_APPOINTMENT.endsAt},
              local_date = ${MATRIX_APPOINTMENT.localDate}, status = 'scheduled', cancel_reason = null,
              attendance_status = null, minutes_attended = null
            where id = ${ids.appointment}`,
      );
    }
    if (key === "POST /api/v1/participants/:id/treatment-plan") {
      await db.execute(sql`delete from treatment_plans where id <> ${ids.plan}`);
    }
    if (key === "POST /api/v1/treatment-plans/:planId/reviews") {
      await db.execute(sql`delete from treatment_plan_reviews where plan_id = ${ids.plan} and number > 1`);
    }
    if (key === "POST /api/v1/treatment-plans/:planId/revisions") {
      await db.execute(sql`delete from treatment_plan_versions where plan_id = ${ids.plan} and number > 1`);
    }
    if (key.startsWith("POST /api/v1/curriculum/") || key.startsWith("PUT /api/v1/curriculum/")) {
      await db.execute(
        sql`delete from curriculum_module_versions where module_key <> ${MATRIX_MODULE} or version > 1`,
      );
      await db.execute(sql`update curriculum_module_versions set archived = false`);
    }
    if (key === "PUT /api/v1/tracks/:trackId/occurrences/:key/module") {
      await db.execute(sql`delete from track_occurrence_modules`);
    }
    if (key === "POST /api/v1/participants/:id/counseling-notes") {
      await db.execute(sql`delete from counseling_notes`);
    }
    if (key === "POST /api/v1/me/check-ins") await db.execute(sql`delete from check_ins`);
    if (key === "PUT /api/v1/tracks/:trackId/occurrences/:key/group-note") {
      await db.execute(sql`delete from clinical_notes where kind = 'group'`);
    }
    if (key === "POST /api/v1/family/messages") {
      await db.execute(sql`delete from message_threads where family_user_id is not null`);
    }
    if (key.includes("message-threads") && route.method === "POST") {
      await db.execute(sql`delete from message_threads where id <> ${ids.thread}`);
      await db.execute(
        sql`delete from messages where thread_id = ${ids.thread} and body <> 'Matrix message'`,
      );
      await db.execute(sql`delete from message_reads`);
    }
    if (key === "POST /api/v1/admissions/leads/:id/stage") {
      await db.execute(sql`update admission_leads set stage = 'new' where id = ${ids.lead}`);
    }
  }

  it("has an expectation for every API route the app registers, and no stale ones", () => {
    const registered = app.declaredRoutes.map((r) => `${r.method} ${r.url}`);
    expect(registered.filter((k) => !(k in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((k) => !registered.includes(k))).toEqual([]);
  });

  it("allows and denies exactly as expected for every route, role and relationship, and audits participant data", async () => {
    const mismatches: string[] = [];
    const unaudited: string[] = [];
    let n = 0;
    for (const route of app.declaredRoutes) {
      const key = `${route.method} ${route.url}`;
      // The family portal's views name their participant too: each relationship is tried.
      const participantRoute =
        route.access.kind === "participant" ||
        route.access.kind === "break-glass" ||
        route.url.startsWith("/api/v1/family/people/:participantId/");
      for (const actor of ACTORS) {
        for (const target of participantRoute ? TARGETS : [undefined]) {
          n += 1;
          const auditBefore = await countAudit();
          const cookie = cookies.get(actor);
          const response = await app.inject({
            ...(await requestFor(route, actor, target, n)),
            headers: { ...appHeaders, ...(cookie ? { cookie } : {}) },
            remoteAddress: addressOf(actor),
          });
          const code: string | undefined =
            response.statusCode >= 400 ? response.json().error?.code : undefined;
          const allowed = !(code && ACCESS_DENIALS.has(code)) && response.statusCode !== 429;
          const expected = EXPECTED[key]!(actor, target);
          if (allowed !== expected || response.statusCode >= 500 || response.statusCode === 429) {
            mismatches.push(
              `${key} as ${actor}${target ? ` on ${target}` : ""}: expected ${expected ? "allow" : "deny"}, got ${response.statusCode} ${code ?? ""}`,
            );
          }
          // Audit completeness: participant data touched (or refused to a signed-in person) leaves an event.
          const touchesParticipantData = participantRoute || route.audit !== undefined;
          if (touchesParticipantData && actor !== "anonymous" && response.statusCode < 500) {
            const events = await auditSince(auditBefore);
            const wanted = allowed ? "allowed" : "denied";
            const ok = events.some(
              (e) => e.outcome === wanted && (!route.audit || !allowed || e.action === route.audit.action),
            );
            if (!ok) unaudited.push(`${key} as ${actor}${target ? ` on ${target}` : ""} (${wanted})`);
          }
          if (allowed) await undo(route, actor);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(unaudited).toEqual([]);
    // Every route × role × relationship, over real HTTP and a real database: hundreds of requests
    // that grow with each route, so the time limit is generous (a slow machine is not a failure).
  }, 240_000);

  it("scopes the participant list to what each person may see", async () => {
    const listed = async (actor: ActorName) => {
      const response = await app.inject({
        url: "/api/v1/participants?status=all&pageSize=100",
        headers: { cookie: cookies.get(actor)! },
      });
      return {
        ids: (response.json().participants as { id: string }[]).map((p) => p.id).sort(),
        scope: response.json().scope,
      };
    };
    expect(await listed("clinical_director")).toEqual({
      ids: [patients.caseload, patients.site].sort(),
      scope: "site",
    });
    expect(await listed("counselor")).toEqual({ ids: [patients.caseload], scope: "care_team" });
    expect(await listed("front_desk")).toEqual({
      ids: [patients.caseload, patients.site].sort(),
      scope: "site",
    });
    expect(await listed("participant")).toEqual({ ids: [patients.caseload], scope: "self" });
    expect(await listed("family")).toEqual({ ids: [], scope: "family" });
    expect(await listed("family_consented")).toEqual({ ids: [], scope: "family" });
  });

  it("lets counselors see the whole site when an administrator changes the setting", async () => {
    const admin = cookies.get("administrator")!;
    const put = (counselorScope: string) =>
      app.inject({
        method: "PUT",
        url: "/api/v1/settings/security",
        headers: { ...appHeaders, cookie: admin },
        payload: { counselorScope, staffMfaRequired: false },
      });
    expect((await put("site")).statusCode).toBe(200);
    try {
      const response = await app.inject({
        url: `/api/v1/participants/${patients.site}`,
        headers: { cookie: cookies.get("counselor")! },
      });
      expect(response.statusCode).toBe(200);
      expect(response.json().access.purpose).toBe("treatment");
    } finally {
      await put("care_team");
    }
  });

  it("opens a record by breaking the glass: time-limited, audited and alerting the clinical director", async () => {
    const counselor = cookies.get("counselor")!;
    const record = () =>
      app.inject({ url: `/api/v1/participants/${patients.site}`, headers: { cookie: counselor } });
    const refused = await record();
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe("ACCESS_BREAK_GLASS_AVAILABLE");
    const tooShort = await app.inject({
      method: "POST",
      url: `/api/v1/participants/${patients.site}/break-glass`,
      headers: { ...appHeaders, cookie: counselor },
      payload: { reason: "because" },
    });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().error.fields[0].path).toBe("reason");
    const broken = await app.inject({
      method: "POST",
      url: `/api/v1/participants/${patients.site}/break-glass`,
      headers: { ...appHeaders, cookie: counselor },
      payload: { reason: "Participant called the crisis line; primary counselor is off today" },
    });
    expect(broken.statusCode).toBe(201);
    const opened = await record();
    expect(opened.statusCode).toBe(200);
    expect(opened.json().access).toMatchObject({ purpose: "break_the_glass" });
    expect(opened.json().access.breakGlassUntil).toBe(broken.json().expiresAt);

    const alertsForDirector = await app.inject({
      url: "/api/v1/access-alerts",
      headers: { cookie: cookies.get("clinical_director")! },
    });
    expect(alertsForDirector.json().alerts.map((a: { reason: string }) => a.reason)).toContain(
      "Participant called the crisis line; primary counselor is off today",
    );
    const log = await app.inject({
      url: `/api/v1/participants/${patients.site}/access-log`,
      headers: { cookie: cookies.get("clinical_director")! },
    });
    const purposes = (log.json().entries as { action: string; purpose: string; outcome: string }[]).map(
      (e) => `${e.action}:${e.purpose}:${e.outcome}`,
    );
    expect(purposes).toContain("participant.break_glass:break_the_glass:allowed");
    expect(purposes).toContain("participant.view:break_the_glass:allowed");
    expect(purposes).toContain("participant.view:treatment:denied");
    await database.db.execute(sql`delete from break_glass_grants where user_id = ${ids.counselor}`);
  });

  async function countAudit(): Promise<number> {
    const rows = await database.db.execute(sql`select coalesce(max(seq), 0)::int as n from audit_events`);
    return (rows as unknown as { rows: { n: number }[] }).rows[0]!.n;
  }
  async function auditSince(seq: number) {
    const rows = await database.db.execute(sql`select action, outcome from audit_events where seq > ${seq}`);
    return (rows as unknown as { rows: { action: string; outcome: string }[] }).rows;
  }
});
