/**
 * English strings of the staff's plan worklist and of the program's treatment-plan settings
 * (namespace "treatmentPlansAdmin").
 */
export const treatmentPlansAdminEn = {
  nav: {
    worklist: "Treatment plans",
    settings: "Treatment-plan settings",
  },
  states: {
    loading: "Loading…",
    loadError: "This could not be loaded.",
    retry: "Try again",
  },
  worklist: {
    title: "Treatment plans",
    intro:
      "Plans that need something from you or your team: first plans not yet written, drafts, signatures, and reviews coming due. Open a name to go to the plan in the participant's chart.",
    summary_other: "{{count}} things to do",
    summary_one: "1 thing to do",
    empty:
      "Nothing needs doing on treatment plans. Every participant in your reach has a signed plan and no review is coming due.",
    count_other: "{{count}} participants",
    count_one: "1 participant",
    admitted: "Admitted {{date}}",
    openPlan: "Open the plan of {{name}}",
    groups: {
      review_overdue: "Review overdue",
      review_due: "Review due today",
      awaiting_my_signature: "Waiting for your signature",
      no_plan: "No plan yet",
      review_due_soon: "Review due soon",
      draft: "Drafts in progress",
      awaiting_others: "Waiting for other signatures",
    },
    hints: {
      review_overdue: "Hold the review and sign it: notes for these days may not tie to a current plan.",
      review_due: "Hold the review today.",
      awaiting_my_signature: "Read the plan and sign it.",
      no_plan: "Start a plan with the participant; the first signed plan is expected by the date shown.",
      review_due_soon: "Schedule the review with the participant.",
      draft: "Finish the draft and send it for signatures.",
      awaiting_others: "The participant or a co-signer still has to sign.",
    },
    due: {
      review_overdue: "Was due {{date}}",
      review_due: "Due today, {{date}}",
      review_due_soon: "Due {{date}}",
      no_plan: "Expected by {{date}}",
      other: "Since {{date}}",
    },
  },
  settings: {
    title: "Treatment-plan settings",
    intro:
      "When plans are reviewed, how early a review shows as due soon, how soon after admission the first plan is expected, and whether group sessions wait for a signed plan. These are program policy: the figures filled in at the start are common practice, not law.",
    readOnly: "You can see these settings. An administrator changes them.",
    save: "Save treatment-plan settings",
    saved: "Treatment-plan settings saved.",
    useDefaults: "Fill in the starting figures",
    discard: "Discard changes",
    reviewsTitle: "Reviews",
    firstPlanTitle: "The first plan",
    groupsTitle: "Group sessions before a signed plan",
    days: "days",
    fields: {
      reviewCycleDays: "Review every",
      dueSoonDays: "Show a review as due soon",
      earlyReviewDays: "Hold an early review within",
      firstPlanDays: "Expect the first signed plan within",
    },
    descriptions: {
      reviewCycleDays:
        "Days from the last signature (of the plan or of a review) to the next review. 30 days is common payer and accreditation practice.",
      dueSoonDays: "Days before the due date that the review appears as due soon in the worklist.",
      earlyReviewDays:
        "Days allowed for a review after a level-of-care change, a critical alert or the start of discharge planning.",
      firstPlanDays: "Days after admission; after that, an alert says the plan is missing.",
    },
    rules: {
      allow: "Allow: place participants in groups before their plan is signed",
      warn: "Warn: allow it, and say that the plan is not signed yet",
      block: "Block: no group placement until the plan is signed",
    },
    errors: {
      fixBelow: "Some figures need attention. They are marked below.",
      wholeDays: "Use whole days.",
      range: "Use a number from {{min}} to {{max}}.",
      dueSoonWithinCycle: "A review cannot show as due soon earlier than the cycle itself.",
      failed: "The settings could not be saved. Please try again.",
    },
  },
};
