import { describe, expect, it } from "vitest";
import {
  attended,
  canonicalJson,
  type GroupNoteForSigning,
  groupNoteSignedContent,
  groupNoteSigningIssues,
  hoursSinceSession,
  isLateEntry,
  isUnsignedOverdue,
  sessionNoteSignedContent,
  sessionNoteSigningIssues,
  statusAfterAuthorSignature,
} from "./note.rules";
import {
  EMPTY_GROUP_ENTRY,
  EMPTY_SESSION_NOTE,
  type GroupEntryContent,
  type GroupSharedContent,
  type NoteFormat,
  type SessionNoteContent,
} from "./note.schema";

const P1 = "11111111-1111-4111-8111-111111111111";
const P2 = "22222222-2222-4222-8222-222222222222";
const OBJ = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
const OTHER_OBJ = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";

const SHARED: GroupSharedContent = {
  moduleKey: null,
  moduleVersion: null,
  topic: "Cravings and urge surfing",
  narrative: "The group practised urge surfing and shared one high-risk situation each.",
};

const ENTRY: GroupEntryContent = {
  participation: "active",
  moodAffect: "Calm, bright affect",
  contribution: "Named payday evenings as a trigger and rated a craving from 6 down to 3.",
  objectives: [{ objectiveId: OBJ, progress: "progressing", comment: "" }],
  riskObservations: "",
  followUp: false,
  followUpNote: "",
};

function aGroupNote(
  overrides: {
    ended?: boolean;
    shared?: Partial<GroupSharedContent>;
    status?: string | null;
    entry?: GroupEntryContent | null;
  } = {},
): GroupNoteForSigning {
  return {
    ended: overrides.ended ?? true,
    shared: { ...SHARED, ...overrides.shared },
    roster: [
      {
        participantId: P1,
        displayName: "Ana Alvarez",
        attendanceStatus: overrides.status === undefined ? "present" : overrides.status,
        entry: overrides.entry === undefined ? ENTRY : overrides.entry,
        currentObjectiveIds: new Set([OBJ]),
      },
    ],
  };
}

const codesOf = (note: GroupNoteForSigning) =>
  groupNoteSigningIssues(note).map((issue) => [issue.code, issue.field]);

describe("attended", () => {
  it.each([
    ["present", true],
    ["late", true],
    ["left_early", true],
    ["absent_excused", false],
    ["absent_unexcused", false],
    ["cancelled_by_program", false],
    [null, false],
    [undefined, false],
  ] as const)("%s → %s", (status, expected) => {
    expect(attended(status)).toBe(expected);
  });
});

describe("groupNoteSigningIssues", () => {
  it("finds nothing to stop a complete note for a present participant", () => {
    expect(groupNoteSigningIssues(aGroupNote())).toEqual([]);
  });

  it.each<[string, Parameters<typeof aGroupNote>[0], [string, string][]]>([
    ["a session not yet over", { ended: false }, [["SESSION_NOT_ENDED", "session"]]],
    ["no topic and no module", { shared: { topic: "  " } }, [["TOPIC_REQUIRED", "shared.topic"]]],
    [
      "a module stands for the topic",
      { shared: { topic: "", moduleKey: "urge-surfing", moduleVersion: 0 } },
      [],
    ],
    ["no shared narrative", { shared: { narrative: "\n " } }, [["NARRATIVE_REQUIRED", "shared.narrative"]]],
    ["no entry for someone present", { entry: null }, [["ENTRY_REQUIRED", `entries.${P1}.contribution`]]],
    [
      "an entry left empty for someone late",
      { status: "late", entry: EMPTY_GROUP_ENTRY },
      [["ENTRY_REQUIRED", `entries.${P1}.contribution`]],
    ],
    ["no entry for someone absent", { status: "absent_excused", entry: null }, []],
    ["no entry while attendance is not recorded", { status: null, entry: null }, []],
    [
      "participation not chosen",
      { entry: { ...ENTRY, participation: null } },
      [["PARTICIPATION_REQUIRED", `entries.${P1}.participation`]],
    ],
    [
      "no contribution written",
      { entry: { ...ENTRY, contribution: " " } },
      [["CONTRIBUTION_REQUIRED", `entries.${P1}.contribution`]],
    ],
    [
      "an absent participant's partial entry needs no participation or contribution",
      {
        status: "absent_unexcused",
        entry: { ...EMPTY_GROUP_ENTRY, riskObservations: "Texted about a lapse." },
      },
      [],
    ],
    [
      "an objective with no progress",
      { entry: { ...ENTRY, objectives: [{ objectiveId: OBJ, progress: null, comment: "" }] } },
      [["OBJECTIVE_PROGRESS_REQUIRED", `entries.${P1}.objectives.0.progress`]],
    ],
    [
      "an objective not in the current plan",
      { entry: { ...ENTRY, objectives: [{ objectiveId: OTHER_OBJ, progress: "no_change", comment: "" }] } },
      [["OBJECTIVE_NOT_IN_PLAN", `entries.${P1}.objectives.0.objectiveId`]],
    ],
    [
      "a follow-up flagged without saying what",
      { entry: { ...ENTRY, followUp: true, followUpNote: "" } },
      [["FOLLOW_UP_NOTE_REQUIRED", `entries.${P1}.followUpNote`]],
    ],
    [
      "a follow-up flagged and described",
      { entry: { ...ENTRY, followUp: true, followUpNote: "Call about the weekend plan." } },
      [],
    ],
  ])("%s", (_title, overrides, expected) => {
    expect(codesOf(aGroupNote(overrides))).toEqual(expected);
  });

  it("names every missing part at once, each with the participant it concerns", () => {
    const note: GroupNoteForSigning = {
      ended: false,
      shared: { ...SHARED, topic: "", narrative: "" },
      roster: [
        {
          participantId: P1,
          displayName: "Ana Alvarez",
          attendanceStatus: "present",
          entry: null,
          currentObjectiveIds: new Set(),
        },
        {
          participantId: P2,
          displayName: "Ben Brooks",
          attendanceStatus: "left_early",
          entry: { ...ENTRY, participation: null, objectives: [] },
          currentObjectiveIds: new Set(),
        },
      ],
    };
    const issues = groupNoteSigningIssues(note);
    expect(issues.map((i) => [i.code, i.participantId])).toEqual([
      ["SESSION_NOT_ENDED", undefined],
      ["TOPIC_REQUIRED", undefined],
      ["NARRATIVE_REQUIRED", undefined],
      ["ENTRY_REQUIRED", P1],
      ["PARTICIPATION_REQUIRED", P2],
    ]);
    expect(issues[3]!.message).toContain("Ana Alvarez");
    expect(issues[4]!.message).toContain("Ben Brooks");
  });
});

const COMPLETE_DAP: SessionNoteContent = {
  ...EMPTY_SESSION_NOTE,
  sections: {
    data: "Reported two sober weeks.",
    assessment: "Engaged, motivated.",
    plan: "Continue weekly.",
  },
  objectives: [{ objectiveId: OBJ, progress: "no_change", comment: "" }],
  nextSession: "Review the relapse prevention plan.",
};

describe("sessionNoteSigningIssues", () => {
  const issuesOf = (format: NoteFormat, content: SessionNoteContent, ended = true) =>
    sessionNoteSigningIssues({ ended, format, content, currentObjectiveIds: new Set([OBJ]) }).map((i) => [
      i.code,
      i.field,
    ]);

  it.each<[string, NoteFormat, SessionNoteContent, boolean, [string, string][]]>([
    ["a complete DAP note", "DAP", COMPLETE_DAP, true, []],
    ["a session not yet over", "DAP", COMPLETE_DAP, false, [["SESSION_NOT_ENDED", "session"]]],
    [
      "a DAP section left blank",
      "DAP",
      { ...COMPLETE_DAP, sections: { ...COMPLETE_DAP.sections, assessment: "  " } },
      true,
      [["SECTION_REQUIRED", "sections.assessment"]],
    ],
    [
      "the same content as BIRP misses the BIRP sections (plan is shared)",
      "BIRP",
      COMPLETE_DAP,
      true,
      [
        ["SECTION_REQUIRED", "sections.behavior"],
        ["SECTION_REQUIRED", "sections.intervention"],
        ["SECTION_REQUIRED", "sections.response"],
      ],
    ],
    [
      "SOAP needs subjective, objective, assessment and plan",
      "SOAP",
      { ...COMPLETE_DAP, sections: { subjective: "s", objective: "o", assessment: "a", plan: "p" } },
      true,
      [],
    ],
    [
      "an objective from another plan",
      "DAP",
      { ...COMPLETE_DAP, objectives: [{ objectiveId: OTHER_OBJ, progress: "progressing", comment: "" }] },
      true,
      [["OBJECTIVE_NOT_IN_PLAN", "objectives.0.objectiveId"]],
    ],
    [
      "an objective without progress",
      "DAP",
      { ...COMPLETE_DAP, objectives: [{ objectiveId: OBJ, progress: null, comment: "" }] },
      true,
      [["OBJECTIVE_PROGRESS_REQUIRED", "objectives.0.progress"]],
    ],
    [
      "no plan for the next session",
      "DAP",
      { ...COMPLETE_DAP, nextSession: "" },
      true,
      [["NEXT_SESSION_REQUIRED", "nextSession"]],
    ],
  ])("%s", (_title, format, content, ended, expected) => {
    expect(issuesOf(format, content, ended)).toEqual(expected);
  });

  it("names the section in words", () => {
    const [issue] = sessionNoteSigningIssues({
      ended: true,
      format: "BIRP",
      content: { ...COMPLETE_DAP, sections: { behavior: "b", intervention: "", response: "r", plan: "p" } },
      currentObjectiveIds: new Set([OBJ]),
    });
    expect(issue!.message).toBe("Write the Intervention section.");
  });
});

describe("statusAfterAuthorSignature", () => {
  it.each([
    [true, "awaiting_cosign"],
    [false, "signed"],
  ] as const)("co-signature required: %s → %s", (requires, status) => {
    expect(statusAfterAuthorSignature(requires)).toBe(status);
  });
});

describe("late entries and overdue notes", () => {
  const ENDS = new Date("2026-03-10T01:00:00Z");
  const at = (hours: number) => new Date(ENDS.getTime() + hours * 3_600_000);

  it.each([
    [0, false],
    [23.99, false],
    [24, false],
    [24.01, true],
    [72, true],
  ])("signed %s h after the session with a 24 h window: late %s", (hours, late) => {
    expect(isLateEntry(ENDS, at(hours), 24)).toBe(late);
  });

  it.each([
    [-5, 0],
    [0, 0],
    [0.99, 0],
    [1, 1],
    [49.5, 49],
  ])("%s h after the session counts %s whole hours", (hours, whole) => {
    expect(hoursSinceSession(ENDS, at(hours))).toBe(whole);
  });

  it.each([
    ["draft", 47.9, false],
    ["draft", 48, true],
    ["awaiting_cosign", 60, true],
    ["signed", 500, false],
  ] as const)("%s %s h after the session with a 48 h alert: overdue %s", (status, hours, overdue) => {
    expect(isUnsignedOverdue(status, ENDS, at(hours), 48)).toBe(overdue);
  });
});

describe("what an author's signature covers", () => {
  it("orders a group note's entries by participant, so the hash does not depend on writing order", () => {
    const one = { participantId: P2, content: ENTRY };
    const two = { participantId: P1, content: { ...ENTRY, moodAffect: "Flat" } };
    const a = groupNoteSignedContent(SHARED, [one, two]);
    const b = groupNoteSignedContent(SHARED, [two, one]);
    expect(a.entries.map((e) => e.participantId)).toEqual([P1, P2]);
    expect(canonicalJson(a)).toBe(canonicalJson(b));
  });

  it("changes with any entry's content", () => {
    const before = groupNoteSignedContent(SHARED, [{ participantId: P1, content: ENTRY }]);
    const after = groupNoteSignedContent(SHARED, [
      { participantId: P1, content: { ...ENTRY, followUp: true } },
    ]);
    expect(canonicalJson(before)).not.toBe(canonicalJson(after));
  });

  it("covers a session note's format as well as its content", () => {
    expect(canonicalJson(sessionNoteSignedContent("DAP", COMPLETE_DAP))).not.toBe(
      canonicalJson(sessionNoteSignedContent("SOAP", COMPLETE_DAP)),
    );
  });
});
