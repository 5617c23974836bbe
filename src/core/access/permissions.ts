import { z } from "zod";
import { STAFF_ROLES, type StaffRole } from "../identity/identity.schema";

/**
 * What a staff role may do, as data. The migration seeds `role_permissions` from
 * DEFAULT_ROLE_PERMISSIONS; the administrator's "Roles" page reads the table.
 */
export const PERMISSIONS = [
  "participants.list",
  "participants.view",
  "participants.edit",
  "care_team.manage",
  "admissions.manage",
  "clinical.view",
  "clinical.write",
  "assessments.respond",
  "plans.cosign",
  "notes.cosign",
  "counseling_notes.view",
  "consents.manage",
  "disclosures.approve",
  "alumni.manage",
  "schedule.view",
  "schedule.manage",
  "attendance.record",
  "billing.view",
  "billing.export",
  "break_glass.use",
  "access_log.view",
  "alerts.review_access",
  "alerts.view",
  "alerts.manage",
  "users.manage",
  "sites.manage",
  "roles.view",
  "audit.view",
  "settings.manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];
export const permissionSchema = z.enum(PERMISSIONS);

/** One line per permission for the roles page (English; the web app translates by key). */
export const PERMISSION_DESCRIPTIONS: Record<Permission, string> = {
  "participants.list": "See the participant list (name, track, status)",
  "participants.view": "Open a participant's record: demographics, episodes, care team",
  "participants.edit": "Admit participants and edit their demographics",
  "care_team.manage": "Assign staff to a participant's care team",
  "admissions.manage": "Work the admissions pipeline: inquiries, referrals, screening and admission",
  "clinical.view": "Read clinical content: check-ins, assessments, notes, plans",
  "clinical.write": "Write clinical content: notes, assessments, plans",
  "assessments.respond":
    "Record a completed questionnaire (staff in the chart; participants answer their own)",
  "plans.cosign": "Co-sign treatment plans and reviews as the supervisor when a clinician asks for it",
  "notes.cosign": "Co-sign clinical notes as the supervisor of a clinician whose notes need co-signature",
  "counseling_notes.view":
    "Read SUD counseling notes written by others (42 CFR Part 2: kept apart from the record; authors always read their own)",
  "consents.manage":
    "Draft and sign 42 CFR Part 2 consents with the participant, record written revocations, and release records under a consent",
  "disclosures.approve": "Approve disclosures without consent (audit, QSO agreement, court order)",
  "alumni.manage":
    "Run the alumni program: alumni events and groups, the alumni coordinator's messages, follow-up survey response rates",
  "schedule.view": "See the group and appointment schedule",
  "schedule.manage": "Book, move and cancel appointments; place participants in tracks and move them",
  "attendance.record": "Record attendance",
  "billing.view": "See billing and utilization data",
  "billing.export": "Export claims and billing files",
  "break_glass.use": "Open a record outside the care team in an emergency (stated reason, audited)",
  "access_log.view": "See who accessed a participant's record",
  "alerts.review_access": "Review break-the-glass alerts",
  "alerts.view": "See the alert inbox: alerts about the participants they may open",
  "alerts.manage": "Acknowledge and resolve those alerts",
  "users.manage": "Invite users, change their roles and sites, deactivate them, reset MFA",
  "sites.manage": "Create and edit sites",
  "roles.view": "See the role and permission table",
  "audit.view": "Search and export the audit log",
  "settings.manage": "Change program-wide security settings",
};

/** Roles whose participant access can be narrowed to their care team by the `counselor_scope` setting. */
export const CASELOAD_SCOPED_ROLES: readonly StaffRole[] = ["counselor", "prescriber"];

export const DEFAULT_ROLE_PERMISSIONS: Record<StaffRole, readonly Permission[]> = {
  administrator: [
    "users.manage",
    "sites.manage",
    "roles.view",
    "audit.view",
    "settings.manage",
    "access_log.view",
    "alerts.review_access",
  ],
  clinical_director: [
    "participants.list",
    "participants.view",
    "participants.edit",
    "care_team.manage",
    "admissions.manage",
    "clinical.view",
    "clinical.write",
    "assessments.respond",
    "plans.cosign",
    "notes.cosign",
    "counseling_notes.view",
    "consents.manage",
    "disclosures.approve",
    "alumni.manage",
    "schedule.view",
    "schedule.manage",
    "attendance.record",
    "access_log.view",
    "alerts.review_access",
    "alerts.view",
    "alerts.manage",
    "roles.view",
    "audit.view",
  ],
  counselor: [
    "participants.list",
    "participants.view",
    "clinical.view",
    "clinical.write",
    "consents.manage",
    "alumni.manage",
    "assessments.respond",
    "schedule.view",
    "schedule.manage",
    "attendance.record",
    "break_glass.use",
    "alerts.view",
    "alerts.manage",
  ],
  intake_coordinator: [
    "participants.list",
    "participants.view",
    "participants.edit",
    "care_team.manage",
    "admissions.manage",
    "consents.manage",
    "schedule.view",
    "schedule.manage",
  ],
  prescriber: [
    "participants.list",
    "participants.view",
    "clinical.view",
    "clinical.write",
    "assessments.respond",
    "schedule.view",
    "break_glass.use",
    "alerts.view",
    "alerts.manage",
  ],
  billing: ["participants.list", "participants.view", "billing.view", "billing.export"],
  front_desk: ["participants.list", "schedule.view", "schedule.manage", "attendance.record"],
};

export const ROLE_NAMES: Record<StaffRole, string> = {
  administrator: "Administrator",
  clinical_director: "Clinical director",
  counselor: "Counselor / therapist",
  intake_coordinator: "Intake coordinator",
  prescriber: "Prescriber / nurse",
  billing: "Billing / utilization review",
  front_desk: "Front desk",
};

export { STAFF_ROLES };
