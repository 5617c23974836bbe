/** The family portal: what a family member sees of the people they support (namespace "family"). */
export const familyEn = {
  nav: {
    label: "Family navigation",
    home: "Home",
    learn: "Learn",
    checkIn: "Check-in",
    messages: "Messages",
    resources: "Resources",
  },
  common: {
    loading: "Loading…",
    retry: "Try again",
    sectionError: "This part could not be loaded right now.",
  },
  home: {
    title: "Home",
    greeting: "Hello, {{name}}",
    intro: "Thank you for supporting someone in recovery.",
    peopleTitle: "People you support",
    peopleError: "We could not load the people you support right now.",
    open: "See what {{name}} shares",
    shares: "Shared with you:",
    emptyTitle: "Nobody is sharing information with you yet",
    emptyBody:
      "The person in treatment decides what to share, and with whom. If they choose to share with you, it will appear here. Until then, the learning pages and resources for families are open to you.",
    learnLink: "Learn about recovery and how to help",
    resourcesLink: "Resources for families",
    noLongerSharedTitle: "No longer shared",
    noLongerShared_one:
      "One person no longer shares information with you here. That is their choice, and it can change. Learning and resources for families are still here for you.",
    noLongerShared_other:
      "{{count}} people no longer share information with you here. That is their choice, and it can change. Learning and resources for families are still here for you.",
  },
  scopes: {
    family_session_schedule: "Family session schedule",
    attendance_summary: "Attendance summary",
    shared_progress: "Updates they share",
    treatment_goals: "Treatment goals",
    assessment_scores: "Questionnaire scores",
    family_messages: "Messages with the care team",
  },
  until: {
    date: "until {{date}}",
    end_of_treatment: "until the end of treatment",
    other: "until it ends or is revoked",
  },
  person: {
    back: "Back to home",
    loadError: "We could not load this page right now.",
    messagesLink: "Write to the care team",
  },
  ended: {
    title: "You do not have access to this information now",
    body: "The person you support decides what is shared with you, and that sharing has ended or changed. Nothing from their record is shown here. The learning pages and resources for families are still open to you.",
  },
  schedule: {
    title: "Family sessions",
    empty: "No family sessions are booked right now.",
    withWhom: "With {{name}}",
    video: "Video session",
    join: "Join the video session",
    includesYou: "You are invited",
  },
  attendance: {
    title: "Attendance in the last 4 weeks",
    sessions: "{{attended}} of {{expected}} sessions attended",
    hours: "{{attended}} of {{expected}} hours",
    week: "{{from}} – {{to}}",
    empty: "No sessions have been recorded in the last 4 weeks.",
    explain:
      "Only sessions the program has recorded are counted; sessions the program cancelled are left out.",
  },
  progress: {
    title: "Updates",
    days_one: "{{count}} day in recovery",
    days_other: "{{count}} days in recovery",
    empty: "{{name}} has not shared an update yet.",
    sharedOn: "Shared {{date}}",
  },
  goals: {
    title: "Treatment goals",
    empty: "There are no goals to show yet.",
    done: "Done",
    working: "Working on it",
    stepsLabel: "Steps toward this goal",
  },
  scores: {
    title: "Questionnaire scores",
    empty: "No questionnaire scores to show yet.",
    score: "{{total}} out of {{max}}",
    lowerIsBetter: "A lower score means fewer difficulties.",
    higherIsBetter: "A higher score means better wellbeing.",
    explain:
      "These are short questionnaires the person fills in during treatment. A score is one moment in time; the care team looks at the whole picture.",
    measures: {
      phq9: "Mood (signs of depression)",
      phqa: "Mood (signs of depression)",
      gad7: "Worry and anxiety",
      audit: "Alcohol use",
      audit_c: "Alcohol use",
      dast10: "Drug use",
      pcl5: "Stress after a traumatic event",
      who5: "Overall wellbeing",
      bam: "Recovery: use, risks and strengths",
      crafft: "Alcohol and drug use risk",
      readiness: "Readiness to change",
      other: "Questionnaire",
    },
  },
  notice: {
    title: "Confidentiality notice",
    intro:
      "Federal law protects the information on this page. You may not share it further except as the law allows.",
    shareTitle: "What {{name}} chose to share",
    sharePeopleTitle: "What each person chose to share",
  },
};
