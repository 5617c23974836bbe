/**
 * English strings of the notes worklist, the co-sign dialog and the program's note settings
 * (namespace "notesWorklist").
 */
export const notesWorklistEn = {
  states: {
    loadError: "This could not be loaded.",
  },
  worklist: {
    title: "Notes to finish",
    intro:
      "Your notes not yet signed, the notes waiting for your co-signature, and the group sessions you facilitated in the last two weeks that have no note yet.",
    tabsLabel: "Notes worklist",
    tabs: {
      unsigned: "Unsigned",
      cosign: "Awaiting my co-signature",
      missing: "Missing group notes",
    },
    scopeLabel: "Whose unsigned notes",
    scope: {
      mine: "Mine",
      site: "Everyone at my sites",
    },
    empty: {
      unsigned: "No unsigned notes. Every note is signed.",
      unsignedSite: "No unsigned notes at your sites.",
      cosign: "Nothing is waiting for your co-signature.",
      missing: "Every group session you facilitated in the last two weeks has a note.",
    },
    kinds: {
      group: "Group note",
      individual: "Individual session",
      family: "Family session",
    },
    status: {
      draft: "Draft",
      awaiting_cosign: "Awaiting co-signature",
      signed: "Signed",
    },
    overdue: "Overdue",
    lateEntry: "Will be a late entry",
    session: "Session {{date}}",
    hoursAgo_one: "ended 1 hour ago",
    hoursAgo_other: "ended {{count}} hours ago",
    author: "Written by {{name}}",
    cosigner: "Co-signer: {{name}}",
    open: "Open the note: {{title}}, {{date}}",
    openShort: "Open",
    cosign: "Co-sign",
    cosignLabel: "Co-sign the note: {{title}}, {{date}}",
    write: "Write the note",
    writeLabel: "Write the group note: {{title}}, {{date}}",
    missingEnded: "Ended {{date}}",
  },
  cosign: {
    title: "Co-sign this note",
    intro:
      "Read the note before you co-sign it. Your co-signature confirms you reviewed it as the supervisor it names; the note is then signed and can no longer change.",
    done: "Note co-signed.",
  },
  settings: {
    title: "Clinical-note settings",
    intro:
      "How notes start and when they need attention: the default format of individual and family notes, when an unsigned note raises an alert, when a signature is a late entry, and how the cloned-entry check compares group entries.",
    readOnly: "Only an administrator can change these settings.",
    formatTitle: "Format",
    timingTitle: "Unsigned notes and late entries",
    clonesTitle: "Cloned-entry check",
    fields: {
      defaultFormat: "Default format of individual and family notes",
      unsignedAlertHours: "Alert when a note is still unsigned after",
      lateEntryHours: "Label a signature a late entry after",
      cloneThreshold: "Similarity that flags an entry",
      clonePreviousEntries: "Earlier entries compared per participant",
    },
    descriptions: {
      defaultFormat: "Clinicians may pick another format for each note.",
      unsignedAlertHours:
        "Hours after the session ends. The note shows as overdue on the worklist and its author gets an alert.",
      lateEntryHours: "Hours after the session ends. Late entries are labelled wherever the note is shown.",
      cloneThreshold: "From 0.5 to 1; 1 flags identical entries only.",
      clonePreviousEntries: "0 compares entries within the same note only.",
    },
    formats: {
      DAP: "DAP — Data, Assessment, Plan",
      BIRP: "BIRP — Behavior, Intervention, Response, Plan",
      SOAP: "SOAP — Subjective, Objective, Assessment, Plan",
    },
    hours: "hours",
    save: "Save settings",
    discard: "Discard changes",
    useDefaults: "Use the defaults",
    saved: "Note settings saved.",
    errors: {
      range: "Enter a number from {{min}} to {{max}}.",
      whole: "Use a whole number.",
      fixBelow: "Some settings need fixing. See the messages below.",
      failed: "The settings could not be saved. Try again.",
    },
  },
};
