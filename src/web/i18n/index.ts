import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { adminEn } from "./admin.en";
import { adminEs } from "./admin.es";
import { aftercareEn } from "./aftercare.en";
import { aftercareEs } from "./aftercare.es";
import { alumniEn } from "./alumni.en";
import { alumniEs } from "./alumni.es";
import { assessmentsEn } from "./assessments.en";
import { assessmentsEs } from "./assessments.es";
import { calendarEn } from "./calendar.en";
import { calendarEs } from "./calendar.es";
import { chartNotesEn } from "./chart-notes.en";
import { chartNotesEs } from "./chart-notes.es";
import { checkInsEn } from "./check-ins.en";
import { checkInsEs } from "./check-ins.es";
import { checkInsStaffEn } from "./check-ins-staff.en";
import { checkInsStaffEs } from "./check-ins-staff.es";
import { consentsEn } from "./consents.en";
import { consentsEs } from "./consents.es";
import { curriculumEn } from "./curriculum.en";
import { curriculumEs } from "./curriculum.es";
import { dischargeSummariesEn } from "./discharge-summaries.en";
import { dischargeSummariesEs } from "./discharge-summaries.es";
import { dischargesEn } from "./discharges.en";
import { dischargesEs } from "./discharges.es";
import { disclosuresEn } from "./disclosures.en";
import { disclosuresEs } from "./disclosures.es";
import { en } from "./en";
import { es } from "./es";
import { familyEn } from "./family.en";
import { familyEs } from "./family.es";
import { familyLearningEn } from "./family-learning.en";
import { familyLearningEs } from "./family-learning.es";
import { followUpsEn } from "./follow-ups.en";
import { followUpsEs } from "./follow-ups.es";
import { groupNoteEn } from "./group-note.en";
import { groupNoteEs } from "./group-note.es";
import { handoffsEn } from "./handoffs.en";
import { handoffsEs } from "./handoffs.es";
import { helpEn } from "./help.en";
import { helpEs } from "./help.es";
import { intakeEn } from "./intake.en";
import { intakeEs } from "./intake.es";
import { messagesEn } from "./messages.en";
import { messagesEs } from "./messages.es";
import { myPlanEn } from "./my-plan.en";
import { myPlanEs } from "./my-plan.es";
import { myProgressEn } from "./my-progress.en";
import { myProgressEs } from "./my-progress.es";
import { notesWorklistEn } from "./notes-worklist.en";
import { notesWorklistEs } from "./notes-worklist.es";
import { participantScheduleEn } from "./participant-schedule.en";
import { participantScheduleEs } from "./participant-schedule.es";
import { personalPlansEn } from "./personal-plans.en";
import { personalPlansEs } from "./personal-plans.es";
import { practiceEn } from "./practice.en";
import { practiceEs } from "./practice.es";
import { privacyEn } from "./privacy.en";
import { privacyEs } from "./privacy.es";
import { scheduleEn } from "./schedule.en";
import { scheduleEs } from "./schedule.es";
import { sessionNotesEn } from "./session-notes.en";
import { sessionNotesEs } from "./session-notes.es";
import { sharingEn } from "./sharing.en";
import { sharingEs } from "./sharing.es";
import { todayEn } from "./today.en";
import { todayEs } from "./today.es";
import { treatmentPlansEn } from "./treatment-plans.en";
import { treatmentPlansEs } from "./treatment-plans.es";
import { treatmentPlansAdminEn } from "./treatment-plans-admin.en";
import { treatmentPlansAdminEs } from "./treatment-plans-admin.es";

export const LANGUAGES = ["en", "es"] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = "bridgeway.language";

/** Saved choice, else the browser's language (es* → Spanish), else English. */
export function initialLanguage(saved: string | null, browser: readonly string[]): Language {
  if (saved === "en" || saved === "es") return saved;
  return browser.some((l) => l.toLowerCase().startsWith("es")) ? "es" : "en";
}

export function setupI18n(): typeof i18n {
  const language = initialLanguage(
    localStorage.getItem(STORAGE_KEY),
    navigator.languages ?? [navigator.language],
  );
  void i18n.use(initReactI18next).init({
    resources: {
      en: {
        translation: en,
        admin: adminEn,
        intake: intakeEn,
        assessments: assessmentsEn,
        schedule: scheduleEn,
        calendar: calendarEn,
        participantSchedule: participantScheduleEn,
        treatmentPlans: treatmentPlansEn,
        treatmentPlansAdmin: treatmentPlansAdminEn,
        myPlan: myPlanEn,
        sessionNotes: sessionNotesEn,
        curriculum: curriculumEn,
        groupNote: groupNoteEn,
        chartNotes: chartNotesEn,
        personalPlans: personalPlansEn,
        aftercare: aftercareEn,
        alumni: alumniEn,
        notesWorklist: notesWorklistEn,
        practice: practiceEn,
        myProgress: myProgressEn,
        checkIns: checkInsEn,
        checkInsStaff: checkInsStaffEn,
        messages: messagesEn,
        today: todayEn,
        help: helpEn,
        disclosures: disclosuresEn,
        handoffs: handoffsEn,
        discharges: dischargesEn,
        dischargeSummaries: dischargeSummariesEn,
        privacy: privacyEn,
        family: familyEn,
        familyLearning: familyLearningEn,
        followUps: followUpsEn,
        consents: consentsEn,
        sharing: sharingEn,
      },
      es: {
        translation: es,
        admin: adminEs,
        intake: intakeEs,
        assessments: assessmentsEs,
        schedule: scheduleEs,
        calendar: calendarEs,
        participantSchedule: participantScheduleEs,
        treatmentPlans: treatmentPlansEs,
        treatmentPlansAdmin: treatmentPlansAdminEs,
        myPlan: myPlanEs,
        sessionNotes: sessionNotesEs,
        curriculum: curriculumEs,
        groupNote: groupNoteEs,
        chartNotes: chartNotesEs,
        personalPlans: personalPlansEs,
        aftercare: aftercareEs,
        alumni: alumniEs,
        notesWorklist: notesWorklistEs,
        practice: practiceEs,
        myProgress: myProgressEs,
        checkIns: checkInsEs,
        checkInsStaff: checkInsStaffEs,
        messages: messagesEs,
        today: todayEs,
        help: helpEs,
        disclosures: disclosuresEs,
        handoffs: handoffsEs,
        discharges: dischargesEs,
        dischargeSummaries: dischargeSummariesEs,
        privacy: privacyEs,
        family: familyEs,
        familyLearning: familyLearningEs,
        followUps: followUpsEs,
        consents: consentsEs,
        sharing: sharingEs,
      },
    },
    lng: language,
    fallbackLng: "en",
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  document.documentElement.lang = language;
  i18n.on("languageChanged", (lng) => {
    document.documentElement.lang = lng;
    localStorage.setItem(STORAGE_KEY, lng);
  });
  return i18n;
}
