import { describe, expect, it } from "vitest";
import { adminEn } from "./admin.en";
import { adminEs } from "./admin.es";
import { aftercareEn } from "./aftercare.en";
import { aftercareEs } from "./aftercare.es";
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
import { disclosuresEn } from "./disclosures.en";
import { disclosuresEs } from "./disclosures.es";
import { en } from "./en";
import { es } from "./es";
import { familyEn } from "./family.en";
import { familyEs } from "./family.es";
import { familyLearningEn } from "./family-learning.en";
import { familyLearningEs } from "./family-learning.es";
import { groupNoteEn } from "./group-note.en";
import { groupNoteEs } from "./group-note.es";
import { handoffsEn } from "./handoffs.en";
import { handoffsEs } from "./handoffs.es";
import { helpEn } from "./help.en";
import { helpEs } from "./help.es";
import { initialLanguage } from "./index";
import { intakeEn } from "./intake.en";
import { intakeEs } from "./intake.es";
import { messagesEn } from "./messages.en";
import { messagesEs } from "./messages.es";
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
import { treatmentPlansAdminEn } from "./treatment-plans-admin.en";
import { treatmentPlansAdminEs } from "./treatment-plans-admin.es";

function keys(value: object, prefix = ""): string[] {
  return Object.entries(value).flatMap(([k, v]) =>
    typeof v === "string" ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`),
  );
}

describe("dictionaries", () => {
  it("Spanish has exactly the English keys, none left empty", () => {
    expect(keys(es).sort()).toEqual(keys(en).sort());
    expect(
      keys(es).filter(
        (k) => k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], es) === "",
      ),
    ).toEqual([]);
  });

  it("the admin namespace has the same keys in Spanish", () => {
    expect(keys(adminEs).sort()).toEqual(keys(adminEn).sort());
  });

  it("the intake namespace has the same keys in Spanish", () => {
    expect(keys(intakeEs).sort()).toEqual(keys(intakeEn).sort());
  });

  it("the assessments namespace has the same keys in Spanish", () => {
    expect(keys(assessmentsEs).sort()).toEqual(keys(assessmentsEn).sort());
  });

  it("the schedule namespace has the same keys in Spanish", () => {
    expect(keys(scheduleEs).sort()).toEqual(keys(scheduleEn).sort());
  });

  it("the participant-schedule namespace has the same keys in Spanish", () => {
    expect(keys(participantScheduleEs).sort()).toEqual(keys(participantScheduleEn).sort());
  });

  it("the curriculum namespace has the same keys in Spanish", () => {
    expect(keys(curriculumEs).sort()).toEqual(keys(curriculumEn).sort());
  });

  it("the chart-notes namespace has the same keys in Spanish", () => {
    expect(keys(chartNotesEs).sort()).toEqual(keys(chartNotesEn).sort());
  });

  it("the personal-plans namespace has the same keys in Spanish", () => {
    expect(keys(personalPlansEs).sort()).toEqual(keys(personalPlansEn).sort());
  });

  it("the discharge-summaries namespace has the same keys in Spanish", () => {
    expect(keys(dischargeSummariesEs).sort()).toEqual(keys(dischargeSummariesEn).sort());
  });

  it("the aftercare namespace has the same keys in Spanish", () => {
    expect(keys(aftercareEs).sort()).toEqual(keys(aftercareEn).sort());
  });

  it("the messages namespace has the same keys in Spanish", () => {
    expect(keys(messagesEs).sort()).toEqual(keys(messagesEn).sort());
  });

  it("the check-ins namespace has the same keys in Spanish", () => {
    expect(keys(checkInsEs).sort()).toEqual(keys(checkInsEn).sort());
  });

  it("the staff check-ins namespace has the same keys in Spanish", () => {
    expect(keys(checkInsStaffEs).sort()).toEqual(keys(checkInsStaffEn).sort());
  });

  it("the practice namespace has the same keys in Spanish", () => {
    expect(keys(practiceEs).sort()).toEqual(keys(practiceEn).sort());
  });

  it("the my-progress namespace has the same keys in Spanish", () => {
    expect(keys(myProgressEs).sort()).toEqual(keys(myProgressEn).sort());
  });

  it("the today namespace (Today, navigation, recovery counter, absence requests) has the same keys in Spanish", () => {
    expect(keys(todayEs).sort()).toEqual(keys(todayEn).sort());
  });

  it("the help namespace has the same keys in Spanish", () => {
    expect(keys(helpEs).sort()).toEqual(keys(helpEn).sort());
  });

  it("the handoffs namespace (referral packets, first-appointment task) has the same keys in Spanish", () => {
    expect(keys(handoffsEs).sort()).toEqual(keys(handoffsEn).sort());
  });

  it("the disclosures namespace (the log, releases, disclosures without consent) has the same keys in Spanish", () => {
    expect(keys(disclosuresEs).sort()).toEqual(keys(disclosuresEn).sort());
  });

  it("the privacy namespace (privacy hub, restrictions, Patient Notice) has the same keys in Spanish", () => {
    expect(keys(privacyEs).sort()).toEqual(keys(privacyEn).sort());
  });

  it("the family learning namespace (modules, check-in, resources pages) has the same keys in Spanish", () => {
    expect(keys(familyLearningEs).sort()).toEqual(keys(familyLearningEn).sort());
  });

  it("the calendar namespace has the same keys in Spanish", () => {
    expect(keys(calendarEs).sort()).toEqual(keys(calendarEn).sort());
  });

  it("the treatment-plans admin namespace (worklist, settings) has the same keys in Spanish", () => {
    expect(keys(treatmentPlansAdminEs).sort()).toEqual(keys(treatmentPlansAdminEn).sort());
  });

  it("the group-note namespace has the same keys in Spanish", () => {
    expect(keys(groupNoteEs).sort()).toEqual(keys(groupNoteEn).sort());
  });

  it("the notes-worklist namespace (worklist, co-sign, settings) has the same keys in Spanish", () => {
    expect(keys(notesWorklistEs).sort()).toEqual(keys(notesWorklistEn).sort());
  });

  it("the session-notes namespace has the same keys in Spanish", () => {
    expect(keys(sessionNotesEs).sort()).toEqual(keys(sessionNotesEn).sort());
  });

  it("the consents namespace (chart section, my consents, minor rule) has the same keys in Spanish", () => {
    expect(keys(consentsEs).sort()).toEqual(keys(consentsEn).sort());
  });
  it("the sharing namespace has the same keys in Spanish", () => {
    expect(keys(sharingEs).sort()).toEqual(keys(sharingEn).sort());
  });

  it("the family portal namespace has the same keys in Spanish", () => {
    expect(keys(familyEs).sort()).toEqual(keys(familyEn).sort());
  });

  it("starts in the saved language, else the browser's, else English", () => {
    expect(initialLanguage("es", ["en-US"])).toBe("es");
    expect(initialLanguage(null, ["es-MX", "en"])).toBe("es");
    expect(initialLanguage(null, ["fr-FR"])).toBe("en");
    expect(initialLanguage("de", ["en-US"])).toBe("en");
  });
});
