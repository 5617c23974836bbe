import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { INSTRUMENTS } from "../core/assessments/registry";
import { DomainError } from "../core/platform/errors";
import { API_PREFIX } from "../core/platform/http";
import { absenceRequestsRoutes } from "./absence-requests/absence-requests.routes";
import { createAbsenceRequestsService } from "./absence-requests/absence-requests.service";
import { createPolicyStore } from "./access/access.service";
import { admissionSettingsRoutes } from "./admissions/admission-settings.routes";
import { createAdmissionSettingsService } from "./admissions/admission-settings.service";
import { admissionsRoutes } from "./admissions/admissions.routes";
import { createAdmissionsService } from "./admissions/admissions.service";
import { aftercarePlansRoutes } from "./aftercare/aftercare-plans.routes";
import { createAftercarePlansService } from "./aftercare/aftercare-plans.service";
import { accessAlertsRoutes } from "./alerts/access-alerts.routes";
import { alertsRoutes } from "./alerts/alerts.routes";
import { type AlertsService, createAlertsService } from "./alerts/alerts.service";
import { alumniRoutes } from "./alumni/alumni.routes";
import { createAlumniService } from "./alumni/alumni.service";
import { alumniMessagesRoutes } from "./alumni/alumni-messages.routes";
import { createAlumniMessagesService } from "./alumni/alumni-messages.service";
import { assessmentsRoutes } from "./assessments/assessments.routes";
import { createAssessmentsService } from "./assessments/assessments.service";
import { loadInstrumentCatalog } from "./assessments/instrument-catalog";
import { createCaseloadClinicalReader } from "./assessments/key-measures";
import { measurementScheduleRoutes } from "./assessments/measurement-schedule.routes";
import {
  createMeasurementScheduleService,
  type MeasurementScheduleService,
} from "./assessments/measurement-schedule.service";
import { myMeasuresRoutes } from "./assessments/my-measures.routes";
import { createMyMeasuresService } from "./assessments/my-measures.service";
import { reliableChangeRoutes } from "./assessments/reliable-change.routes";
import { createReliableChangeService } from "./assessments/reliable-change.service";
import { attendanceRoutes } from "./attendance/attendance.routes";
import { createAttendanceService } from "./attendance/attendance.service";
import {
  type AttendanceAlertsService,
  createAttendanceAlertsService,
} from "./attendance/attendance-alerts.service";
import { attendanceSettingsRoutes } from "./attendance/attendance-settings.routes";
import { createAttendanceSettingsService } from "./attendance/attendance-settings.service";
import { signInSheetRoutes } from "./attendance/sign-in-sheet.routes";
import { createSignInSheetService } from "./attendance/sign-in-sheet.service";
import { auditRoutes } from "./audit/audit.routes";
import { type CheckInAlertsService, createCheckInAlertsService } from "./check-ins/check-in-alerts.service";
import { checkInSettingsRoutes } from "./check-ins/check-in-settings.routes";
import { createCheckInSettingsService } from "./check-ins/check-in-settings.service";
import { checkInsRoutes } from "./check-ins/check-ins.routes";
import { createCheckInsService } from "./check-ins/check-ins.service";
import type { Config } from "./config";
import { createConsentRevocationsService } from "./consents/consent-revocations.service";
import { createConsentSigningService } from "./consents/consent-signing.service";
import { consentsRoutes } from "./consents/consents.routes";
import { createConsentsService } from "./consents/consents.service";
import { minorConsentRulesRoutes } from "./consents/minor-consent-rules.routes";
import { createMinorConsentRulesService } from "./consents/minor-consent-rules.service";
import { myConsentsRoutes } from "./consents/my-consents.routes";
import { curriculumRoutes } from "./curriculum/curriculum.routes";
import { createCurriculumService } from "./curriculum/curriculum.service";
import { loadShippedCurriculum } from "./curriculum/curriculum-library";
import type { DatabaseHandle } from "./db/connection";
import { refreshPlannerStatistics } from "./db/maintenance";
import { dischargeSummariesRoutes } from "./discharge-summaries/discharge-summaries.routes";
import { createDischargeSummariesService } from "./discharge-summaries/discharge-summaries.service";
import { dischargesRoutes } from "./discharges/discharges.routes";
import { createDischargesService } from "./discharges/discharges.service";
import { createDisclosureExceptionsService } from "./disclosures/disclosure-exceptions.service";
import { createDisclosureLogService } from "./disclosures/disclosure-log.service";
import { disclosuresRoutes } from "./disclosures/disclosures.routes";
import { createReleasesService } from "./disclosures/releases.service";
import { familyLearningRoutes } from "./family-learning/family-learning.routes";
import { createFamilyLearningService } from "./family-learning/family-learning.service";
import { familyPortalRoutes } from "./family-portal/family-portal.routes";
import { createFamilyPortalService } from "./family-portal/family-portal.service";
import { followUpsRoutes } from "./follow-ups/follow-ups.routes";
import { createFollowUpsService, type FollowUpsService } from "./follow-ups/follow-ups.service";
import { type AftercareTasksService, createAftercareTasksService } from "./handoffs/aftercare-tasks.service";
import { handoffsRoutes } from "./handoffs/handoffs.routes";
import { createHandoffsService } from "./handoffs/handoffs.service";
import { helpResourcesRoutes } from "./help-resources/help-resources.routes";
import { createHelpResourcesService } from "./help-resources/help-resources.service";
import { accountsRoutes } from "./identity/accounts.routes";
import { createAccountsService } from "./identity/accounts.service";
import { adminRoutes } from "./identity/admin.routes";
import { createAdminService } from "./identity/admin.service";
import { authRoutes } from "./identity/auth.routes";
import { createAuthService } from "./identity/auth.service";
import { createKeyring } from "./identity/keyring";
import { createMfaService } from "./identity/mfa.service";
import { familyMessagesRoutes } from "./messages/family-messages.routes";
import { createFamilyMessagesService } from "./messages/family-messages.service";
import { messagesRoutes } from "./messages/messages.routes";
import { createMessagesService } from "./messages/messages.service";
import { myMessagesRoutes } from "./messages/my-messages.routes";
import { chartNotesRoutes } from "./notes/chart-notes.routes";
import { createChartNotesService } from "./notes/chart-notes.service";
import { counselingNotesRoutes } from "./notes/counseling-notes.routes";
import { createCounselingNotesService } from "./notes/counseling-notes.service";
import { groupNotesRoutes } from "./notes/group-notes.routes";
import { createGroupNotesService } from "./notes/group-notes.service";
import { createNoteAlertsService, type NoteAlertsService } from "./notes/note-alerts.service";
import { noteLifecycleRoutes } from "./notes/note-lifecycle.routes";
import { createNoteSigning } from "./notes/note-signing";
import { noteWorklistRoutes } from "./notes/note-worklist.routes";
import { createNoteWorklistService } from "./notes/note-worklist.service";
import { notesSettingsRoutes } from "./notes/notes-settings.routes";
import { createNotesSettingsService } from "./notes/notes-settings.service";
import { sessionNotesRoutes } from "./notes/session-notes.routes";
import { createSessionNotesService } from "./notes/session-notes.service";
import { todayRoutes } from "./participant-app/today.routes";
import { createTodayService } from "./participant-app/today.service";
import { participantsRoutes } from "./participants/participants.routes";
import { createParticipantsService } from "./participants/participants.service";
import { personalPlansRoutes } from "./personal-plans/personal-plans.routes";
import { createPersonalPlansService } from "./personal-plans/personal-plans.service";
import { registerErrorHandling, sendError } from "./platform/error-handler";
import { healthRoutes } from "./platform/health.routes";
import { createJobs, everyMinutes } from "./platform/jobs";
import { loggerOptions } from "./platform/logger";
import { createMailer, type Mailer } from "./platform/mail";
import { metaRoutes } from "./platform/meta.routes";
import { registerRequestContext } from "./platform/request-context";
import { registerRouteAccess } from "./platform/route-access";
import { createSmsChannel, type SmsChannel } from "./platform/sms";
import { practiceRoutes } from "./practice/practice.routes";
import { createPracticeService } from "./practice/practice.service";
import { createPatientNoticeService } from "./privacy/patient-notice.service";
import { privacyRoutes } from "./privacy/privacy.routes";
import { createRestrictionsService } from "./privacy/restrictions.service";
import { overviewRoutes } from "./programs/overview.routes";
import { appointmentsRoutes } from "./schedule/appointments.routes";
import { createAppointmentsService } from "./schedule/appointments.service";
import { calendarRoutes } from "./schedule/calendar.routes";
import { createCalendarService } from "./schedule/calendar.service";
import { calendarFeedsRoutes } from "./schedule/calendar-feeds.routes";
import { createCalendarFeedsService } from "./schedule/calendar-feeds.service";
import { enrollmentsRoutes } from "./schedule/enrollments.routes";
import { createEnrollmentsService } from "./schedule/enrollments.service";
import { linkedFamilyRoutes } from "./schedule/linked-family.routes";
import { createLinkedFamilyService } from "./schedule/linked-family.service";
import { remindersRoutes } from "./schedule/reminders.routes";
import { createRemindersService, type RemindersService } from "./schedule/reminders.service";
import { roomsRoutes } from "./schedule/rooms.routes";
import { createRoomsService } from "./schedule/rooms.service";
import { tracksRoutes } from "./schedule/tracks.routes";
import { createTracksService } from "./schedule/tracks.service";
import { unavailabilityRoutes } from "./schedule/unavailability.routes";
import { createUnavailabilityService } from "./schedule/unavailability.service";
import { createDisclosureBlocksService } from "./sharing/disclosure-blocks.service";
import { createSharedUpdatesService } from "./sharing/shared-updates.service";
import { sharingRoutes } from "./sharing/sharing.routes";
import { createSharingService } from "./sharing/sharing.service";
import { sobrietyRoutes } from "./sobriety/sobriety.routes";
import { createSobrietyService } from "./sobriety/sobriety.service";
import { myPlanRoutes } from "./treatment-plans/my-plan.routes";
import { createPlanAlertsService, type PlanAlertsService } from "./treatment-plans/plan-alerts.service";
import { planPdfRoutes } from "./treatment-plans/plan-pdf.routes";
import { createPlanPdfService } from "./treatment-plans/plan-pdf.service";
import { planSettingsRoutes } from "./treatment-plans/plan-settings.routes";
import { createPlanSettingsService } from "./treatment-plans/plan-settings.service";
import { createPlanSigning } from "./treatment-plans/plan-signing";
import { planWorklistRoutes } from "./treatment-plans/plan-worklist.routes";
import { createPlanWorklistService } from "./treatment-plans/plan-worklist.service";
import { plansRoutes } from "./treatment-plans/plans.routes";
import { createPlansService } from "./treatment-plans/plans.service";
import { createReviewSigning } from "./treatment-plans/review-signing";
import { reviewsRoutes } from "./treatment-plans/reviews.routes";
import { createReviewsService } from "./treatment-plans/reviews.service";
import { createTemplateLibrary } from "./treatment-plans/template-library";
import { treatmentPlanTemplatesRoutes } from "./treatment-plans/templates.routes";

export interface AppDeps {
  config: Pick<
    Config,
    | "baseUrl"
    | "logLevel"
    | "trustProxy"
    | "sessionIdleMinutes"
    | "staffSessionIdleMinutes"
    | "sessionMaxHours"
    | "demo"
    | "smtpUrl"
    | "mailFrom"
  > &
    Partial<Pick<Config, "disabledInstruments" | "smsChannel">>;
  database: DatabaseHandle;
  version: string;
  /** The built web app (dist/web); undefined serves the API only. */
  webDir: string | undefined;
  now?: () => Date;
  /** Override the logger (tests pass false). */
  logger?: FastifyServerOptions["logger"];
  /**
   * Run background jobs (the server passes this; tests leave it out and call the jobs' functions
   * directly with their own clock, e.g. `app.alerts.sweepEscalations()`).
   */
  jobs?: { alertSweepMinutes: number };
  /** Override the SMS channel chosen by config.smsChannel (tests record what would be sent). */
  sms?: SmsChannel;
}

const ONE_YEAR_SECONDS = 31_536_000;

declare module "fastify" {
  interface FastifyInstance {
    /** The outbox sender (tests flush it). */
    mailer: Mailer;
    /** The alerts service (other domains raise alerts through it; tests run the escalation sweep). */
    alerts: AlertsService;
    /** The measurement schedule (tests run the overdue sweep with their clock). */
    measurementSchedule: MeasurementScheduleService;
    /** Attendance alerts (tests run the sweep with their clock). */
    attendanceAlerts: AttendanceAlertsService;
    /** Session reminders (tests run the job with their clock). */
    reminders: RemindersService;
    /** Treatment-plan alerts (tests run the sweep with their clock). */
    planAlerts: PlanAlertsService;
    /** Unsigned clinical-note alerts (tests run the sweep with their clock). */
    noteAlerts: NoteAlertsService;
    /** Missing check-ins (tests run the sweep with their clock). */
    checkInAlerts: CheckInAlertsService;
    /** Follow-up surveys after discharge (tests run the sweep with their clock). */
    followUps: FollowUpsService;
    /** First-appointment tasks after discharge (tests run the sweep with their clock). */
    aftercareTasks: AftercareTasksService;
  }
}

/** The composition root: plugins, then each domain's routes. Never listens (see main.ts). */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const now = deps.now ?? (() => new Date());
  const db = deps.database.db;
  const secure = deps.config.baseUrl.startsWith("https://");
  const app = Fastify({
    logger: deps.logger ?? loggerOptions(deps.config.logLevel),
    genReqId: () => randomUUID(),
    trustProxy:
      typeof deps.config.trustProxy === "number"
        ? (
            (hops: number) => (_address: string, hop: number) =>
              hop < hops
          )(deps.config.trustProxy)
        : deps.config.trustProxy,
    bodyLimit: 1_048_576,
    return503OnClosing: true,
  });
  // The API speaks JSON only: any other body is refused with 415 instead of reaching validation.
  app.removeContentTypeParser("text/plain");
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        // Mantine writes its CSS variables in a <style> element.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        ...(secure ? { "upgrade-insecure-requests": [] } : {}),
      },
    },
    hsts: secure ? { maxAge: ONE_YEAR_SECONDS, includeSubDomains: true } : false,
    referrerPolicy: { policy: "no-referrer" },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => new DomainError("RATE_LIMITED"),
  });

  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Bridgeway API",
        version: deps.version,
        description:
          "The HTTP API of Bridgeway, software for addiction-treatment intensive outpatient programs. " +
          "Sign in with POST /api/v1/sessions; state-changing requests must send the header `x-bridgeway-request: 1`.",
      },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "bw_session" } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  const keyring = await createKeyring(db);
  const policy = createPolicyStore(db);
  const auth = await createAuthService({
    db,
    now,
    keyring,
    policy,
    sessionIdleMinutes: deps.config.sessionIdleMinutes,
    staffSessionIdleMinutes: deps.config.staffSessionIdleMinutes,
    sessionMaxHours: deps.config.sessionMaxHours,
    demo: deps.config.demo,
  });
  const mailer = createMailer({
    db,
    smtpUrl: deps.config.smtpUrl,
    from: deps.config.mailFrom,
    log: app.log,
    now,
  });
  const accounts = createAccountsService({ db, now, auth, mailer, baseUrl: deps.config.baseUrl });
  const mfa = createMfaService({ db, now, keyring, policy, demo: deps.config.demo, issuer: "Bridgeway" });
  const admin = createAdminService({ db, now, policy });
  const alerts = createAlertsService({ db, now, baseUrl: deps.config.baseUrl });
  const disabled = new Set(deps.config.disabledInstruments ?? []);
  const catalog = loadInstrumentCatalog(
    undefined,
    INSTRUMENTS.filter((i) => !disabled.has(i.key)),
  );
  const participants = createParticipantsService({
    db,
    now,
    raiseAlert: alerts.raiseAlert,
    readCaseloadClinical: createCaseloadClinicalReader(catalog),
  });
  const assessments = createAssessmentsService({
    db,
    catalog,
    raiseAlert: alerts.raiseAlert,
    resolveFindings: alerts.resolveFindings,
    now,
  });
  const measurementSchedule = createMeasurementScheduleService({
    db,
    now,
    catalog,
    raiseAlert: alerts.raiseAlert,
  });
  const reliableChange = createReliableChangeService({ db, now, catalog });
  const admissions = createAdmissionsService({ db, now });
  const admissionSettings = createAdmissionSettingsService({ db, now });
  const attendanceAlerts = createAttendanceAlertsService({
    db,
    now,
    raiseAlert: alerts.raiseAlert,
    resolveFindings: alerts.resolveFindings,
  });
  const attendance = createAttendanceService({ db, now, afterRecording: attendanceAlerts.afterRecording });
  const attendanceSettings = createAttendanceSettingsService({ db, now });
  const tracks = createTracksService({ db, now });
  const curriculum = createCurriculumService({ db, now, shipped: loadShippedCurriculum(), tracks });
  const checkIns = createCheckInsService({
    db,
    now,
    raiseAlert: alerts.raiseAlert,
    resolveFindings: alerts.resolveFindings,
    skillsCatalog: (language) => curriculum.skillsCatalog(language),
  });
  const checkInSettings = createCheckInSettingsService({ db, now });
  let alumniUnread: (me: import("./alumni/alumni.service").Alumnus) => Promise<number> = async () => 0;
  const alumni = createAlumniService({
    db,
    now,
    raiseAlert: alerts.raiseAlert,
    unreadMessages: (me) => alumniUnread(me),
  });
  const alumniMessages = createAlumniMessagesService({ db, now, alumnusOf: alumni.alumnusOf });
  alumniUnread = alumniMessages.unreadFor;
  const checkInAlerts = createCheckInAlertsService({
    db,
    now,
    raiseAlert: alerts.raiseAlert,
    resolveFindings: alerts.resolveFindings,
  });
  const signInSheets = createSignInSheetService({ db, now });
  const rooms = createRoomsService({ db, now });
  const unavailability = createUnavailabilityService({ db, now });
  const appointments = createAppointmentsService({
    db,
    now,
    afterRecording: attendanceAlerts.afterRecording,
  });
  const reminders = createRemindersService({
    db,
    now,
    sms: deps.sms ?? createSmsChannel(deps.config.smsChannel ?? "none", app.log),
    log: app.log,
    onMailQueued: () => mailer.kick(),
  });
  const enrollments = createEnrollmentsService({ db, now });
  const planSettings = createPlanSettingsService({ db, now });
  const planReviews = createReviewsService({ db, now });
  const reviewSigning = createReviewSigning({ db, now, keyring, resolveFindings: alerts.resolveFindings });
  const planWorklist = createPlanWorklistService({ db, now });
  const planAlerts = createPlanAlertsService({
    db,
    now,
    raiseAlert: alerts.raiseAlert,
    resolveFindings: alerts.resolveFindings,
  });
  const calendar = createCalendarService({ db, now });
  const linkedFamily = createLinkedFamilyService({ db });
  const calendarFeeds = createCalendarFeedsService({ db, now, keyring, baseUrl: deps.config.baseUrl });
  const planTemplates = createTemplateLibrary();
  const plans = createPlansService({ db, now, templates: planTemplates });
  const planSigning = createPlanSigning({ db, now, keyring });
  const planPdfs = createPlanPdfService({ db, now });
  const counselingNotes = createCounselingNotesService({ db, now, keyring });
  const notesSettings = createNotesSettingsService({ db, now });
  const noteWorklist = createNoteWorklistService({ db, now });
  const noteSigning = createNoteSigning({ db, keyring, now });
  const noteAlerts = createNoteAlertsService({
    db,
    now,
    raiseAlert: alerts.raiseAlert,
    resolveFindings: alerts.resolveFindings,
  });
  const sessionNotes = createSessionNotesService({
    db,
    now,
    signAsAuthor: noteSigning.signAsAuthor,
    resolveSignedNote: noteAlerts.resolveSignedNote,
  });
  const groupNotes = createGroupNotesService({
    db,
    now,
    shipped: loadShippedCurriculum(),
    signAsAuthor: noteSigning.signAsAuthor,
    resolveSignedNote: noteAlerts.resolveSignedNote,
  });
  const chartNotes = createChartNotesService({ db, now });
  // Participant app (issue 9): Today, the recovery counter, absence requests, Help resources.
  const today = createTodayService({ db, now });
  const sobriety = createSobrietyService({ db, now });
  const absenceRequests = createAbsenceRequestsService({
    db,
    now,
    raiseAlert: alerts.raiseAlert,
    resolveFindings: alerts.resolveFindings,
  });
  // Discharge (issue 11): readiness and recording a discharge.
  const discharges = createDischargesService({
    db,
    now,
    attendance,
    readCaseloadClinical: createCaseloadClinicalReader(catalog),
  });
  // Disclosures (issue 10): the log, record releases, disclosures without consent.
  const disclosureLog = createDisclosureLogService({ db, now });
  const releases = createReleasesService({ db, now });
  const disclosureExceptions = createDisclosureExceptionsService({
    db,
    now,
    raiseAlert: alerts.raiseAlert,
    resolveFindings: alerts.resolveFindings,
  });
  const helpResources = createHelpResourcesService({ db, now });
  const consents = createConsentsService({ db, now });
  const consentSigning = createConsentSigningService({ db, now });
  const consentRevocations = createConsentRevocationsService({ db, now });
  const minorConsentRules = createMinorConsentRulesService({ db, now });
  const familyPortal = createFamilyPortalService({ db, now });
  const sharing = createSharingService({
    db,
    now,
    raiseAlert: alerts.raiseAlert,
    issueInvitation: accounts.issueInvitation,
    mailer,
  });
  const disclosureBlocks = createDisclosureBlocksService({ db, now });
  const sharedUpdates = createSharedUpdatesService({ db, now });
  const familyLearning = createFamilyLearningService({ db, now });
  // Participant rights (issue 10): §2.26 restrictions and the §2.22 Patient Notice.
  const restrictions = createRestrictionsService({
    db,
    now,
    raiseAlert: alerts.raiseAlert,
    resolveFindings: alerts.resolveFindings,
  });
  const patientNotice = createPatientNoticeService({ db, now });
  // Warm handoff (issue 11): referral packets under consent and the first-appointment task.
  const handoffs = createHandoffsService({
    db,
    now,
    baseUrl: deps.config.baseUrl,
    catalog,
    resolveFindings: alerts.resolveFindings,
  });
  const aftercareTasks = createAftercareTasksService({ db, now, raiseAlert: alerts.raiseAlert });
  const messages = createMessagesService({
    db,
    now,
    baseUrl: deps.config.baseUrl,
    mailQueued: () => mailer.kick(),
  });
  const familyMessages = createFamilyMessagesService({
    db,
    now,
    baseUrl: deps.config.baseUrl,
    mailQueued: () => mailer.kick(),
  });
  const practice = createPracticeService({ db, now, shipped: loadShippedCurriculum() });
  const myMeasures = createMyMeasuresService({ db, now, catalog });
  const personalPlans = createPersonalPlansService({ db, now });
  // Follow-up outcome surveys after discharge (issue 11).
  const followUps = createFollowUpsService({
    db,
    now,
    keyring,
    catalog,
    raiseAlert: alerts.raiseAlert,
    baseUrl: deps.config.baseUrl,
    mailQueued: () => mailer.kick(),
  });
  const dischargeSummaries = createDischargeSummariesService({ db, now });
  const aftercarePlans = createAftercarePlansService({ db, now });
  app.decorate("mailer", mailer);
  app.decorate("alerts", alerts);
  app.decorate("measurementSchedule", measurementSchedule);
  app.decorate("attendanceAlerts", attendanceAlerts);
  app.decorate("reminders", reminders);
  app.decorate("planAlerts", planAlerts);
  app.decorate("noteAlerts", noteAlerts);
  app.decorate("checkInAlerts", checkInAlerts);
  app.decorate("followUps", followUps);
  app.decorate("aftercareTasks", aftercareTasks);
  app.addHook("onReady", async () => mailer.start());
  app.addHook("onClose", async () => mailer.stop());
  if (deps.jobs) {
    const jobs = createJobs({ database: deps.database, log: app.log });
    jobs.every("alerts-escalation", everyMinutes(deps.jobs.alertSweepMinutes), async () => {
      const { escalated } = await alerts.sweepEscalations();
      if (escalated.length > 0) mailer.kick();
    });
    // Overdue measures become info alerts once a day (10:00 UTC: before the clinic day in the Americas).
    jobs.every("assessments-overdue-sweep", "0 10 * * *", async () => {
      await measurementSchedule.sweepOverdueMeasures();
    });
    // Weeks that can no longer reach their hours, and absences, become alerts (hourly, at :20).
    jobs.every("attendance-alerts-sweep", "20 * * * *", async () => {
      await attendanceAlerts.sweep();
    });
    // Plan reviews due, overdue, and first plans missing become alerts (hourly, at :40).
    jobs.every("treatment-plan-alerts-sweep", "40 * * * *", async () => {
      await planAlerts.sweepPlanAlerts();
    });
    // Notes still unsigned past the program's window become alerts for their authors (hourly, at :50).
    jobs.every("clinical-note-alerts-sweep", "50 * * * *", async () => {
      await noteAlerts.sweepNoteAlerts();
    });
    // Active participants without a check-in for the program's days become info alerts (hourly, at :10).
    jobs.every("check-in-missing-sweep", "10 * * * *", async () => {
      await checkInAlerts.sweepMissingCheckIns();
    });
    // First-appointment tasks for signed aftercare plans, and overdue ones as alerts (hourly, at :25).
    jobs.every("aftercare-tasks-sweep", "25 * * * *", async () => {
      await aftercareTasks.sweepAftercareTasks();
    });
    // Session reminders: every 5 minutes; each reminder has a window of hours, and goes out once.
    jobs.every("schedule-reminders", everyMinutes(5), async () => {
      await reminders.sendDueReminders();
    });
    // Follow-up surveys: emailed from 09:00 site time on the due day, reminders, expiry (every 15 minutes).
    jobs.every("follow-up-surveys-sweep", everyMinutes(15), async () => {
      await followUps.sweep();
    });
    // Embedded PGlite has no autovacuum: refresh its planner statistics nightly (03:30 UTC).
    if (deps.database.engine === "pglite") {
      jobs.every("database-maintenance", "30 3 * * *", async () => {
        await refreshPlannerStatistics(deps.database, { vacuum: true });
      });
    }
    // Started in the background: the queue's first start creates its tables and takes a few seconds.
    app.addHook("onReady", async () => void jobs.start());
    app.addHook("onClose", async () => jobs.stop());
  }

  registerRequestContext(app, auth, deps.config.baseUrl);
  registerRouteAccess(app, { db, now });

  await app.register(healthRoutes, { db });
  await app.register(
    async (api) => {
      await api.register(metaRoutes, { db, version: deps.version });
      await api.register(authRoutes, { auth, secureCookies: secure });
      await api.register(accountsRoutes, { accounts, mfa });
      await api.register(adminRoutes, { db, now, admin, accounts, mfa });
      await api.register(auditRoutes, { db, now });
      await api.register(accessAlertsRoutes, { db });
      await api.register(alertsRoutes, { alerts });
      await api.register(participantsRoutes, { db, participants });
      await api.register(assessmentsRoutes, { assessments, catalog });
      await api.register(measurementScheduleRoutes, { measurementSchedule });
      await api.register(reliableChangeRoutes, { reliableChange });
      await api.register(admissionsRoutes, { admissions });
      await api.register(admissionSettingsRoutes, { admissionSettings });
      await api.register(attendanceRoutes, { attendance });
      await api.register(signInSheetRoutes, { signInSheets });
      await api.register(attendanceSettingsRoutes, { attendanceSettings });
      await api.register(overviewRoutes, { db, now });
      await api.register(tracksRoutes, { tracks });
      await api.register(curriculumRoutes, { curriculum });
      await api.register(checkInsRoutes, { checkIns });
      await api.register(alumniRoutes, { alumni });
      await api.register(alumniMessagesRoutes, { alumniMessages });
      await api.register(checkInSettingsRoutes, { checkInSettings });
      await api.register(roomsRoutes, { rooms });
      await api.register(unavailabilityRoutes, { unavailability });
      await api.register(appointmentsRoutes, { appointments });
      await api.register(remindersRoutes, { reminders });
      await api.register(enrollmentsRoutes, { enrollments });
      await api.register(calendarRoutes, { calendar });
      await api.register(calendarFeedsRoutes, { calendarFeeds });
      await api.register(linkedFamilyRoutes, { linkedFamily });
      await api.register(planSettingsRoutes, { planSettings });
      await api.register(reviewsRoutes, { reviews: planReviews, reviewSigning });
      await api.register(planWorklistRoutes, { planWorklist });
      await api.register(treatmentPlanTemplatesRoutes, { db, templates: planTemplates });
      await api.register(plansRoutes, { plans, signing: planSigning });
      await api.register(myPlanRoutes, { signing: planSigning });
      await api.register(planPdfRoutes, { planPdfs });
      await api.register(counselingNotesRoutes, { counselingNotes });
      await api.register(sessionNotesRoutes, { sessionNotes });
      await api.register(notesSettingsRoutes, { notesSettings });
      await api.register(noteWorklistRoutes, { noteWorklist });
      await api.register(groupNotesRoutes, { groupNotes });
      await api.register(chartNotesRoutes, { chartNotes });
      await api.register(myMessagesRoutes, { messages });
      await api.register(messagesRoutes, { messages });
      await api.register(familyMessagesRoutes, { familyMessages });
      await api.register(practiceRoutes, { practice });
      await api.register(myMeasuresRoutes, { myMeasures });
      await api.register(personalPlansRoutes, { personalPlans });
      await api.register(dischargeSummariesRoutes, { dischargeSummaries });
      await api.register(aftercarePlansRoutes, { aftercarePlans });
      await api.register(noteLifecycleRoutes, { db, signing: noteSigning, noteAlerts, now });
      await api.register(todayRoutes, { today });
      await api.register(sobrietyRoutes, { sobriety });
      await api.register(absenceRequestsRoutes, { absenceRequests });
      await api.register(dischargesRoutes, { discharges });
      await api.register(disclosuresRoutes, { disclosureLog, releases, disclosureExceptions });
      await api.register(helpResourcesRoutes, { helpResources });
      await api.register(consentsRoutes, { consents, consentSigning, consentRevocations });
      await api.register(myConsentsRoutes, { consents, consentSigning, consentRevocations });
      await api.register(minorConsentRulesRoutes, { minorConsentRules });
      await api.register(familyPortalRoutes, { familyPortal });
      await api.register(sharingRoutes, { sharing, disclosureBlocks, sharedUpdates });
      await api.register(familyLearningRoutes, { familyLearning });
      await api.register(privacyRoutes, { restrictions, patientNotice });
      await api.register(followUpsRoutes, { followUps });
      await api.register(handoffsRoutes, { handoffs });
    },
    { prefix: API_PREFIX },
  );

  registerWebApp(app, deps.webDir);
  return app;
}

/** Serve the built web app: hashed assets cached for a year, index.html never cached. */
function registerWebApp(app: FastifyInstance, webDir: string | undefined): void {
  const indexPath = webDir ? path.join(webDir, "index.html") : undefined;
  const hasWeb = indexPath !== undefined && fs.existsSync(indexPath);
  if (hasWeb) {
    app.register(fastifyStatic, {
      root: webDir!,
      wildcard: false,
      index: false,
      setHeaders(res, filePath) {
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        res.header(
          "cache-control",
          immutable ? `public, max-age=${ONE_YEAR_SECONDS}, immutable` : "no-cache",
        );
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const pathOnly = request.url.split("?")[0]!;
    if (pathOnly.startsWith("/api/") || pathOnly === "/api" || pathOnly.startsWith("/fhir/")) {
      return sendError(reply, "ROUTE_NOT_FOUND", `There is no API route ${request.method} ${pathOnly}.`);
    }
    if ((request.method === "GET" || request.method === "HEAD") && hasWeb) {
      return reply
        .header("cache-control", "no-cache")
        .type("text/html; charset=utf-8")
        .send(fs.createReadStream(indexPath!));
    }
    return reply
      .status(404)
      .type("text/plain; charset=utf-8")
      .send(
        hasWeb ? "Not found." : "The web app is not built. Run `npm run build` (npm start does it for you).",
      );
  });
}
