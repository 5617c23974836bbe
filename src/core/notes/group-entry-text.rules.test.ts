import { describe, expect, it } from "vitest";
import { entryTextForCloneCheck } from "./group-entry-text.rules";
import { EMPTY_GROUP_ENTRY, type GroupEntryContent } from "./note.schema";

const OBJ = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";

describe("entryTextForCloneCheck", () => {
  it.each<[string, Partial<GroupEntryContent>, string]>([
    ["an empty entry has no text", {}, ""],
    ["choices from lists are not text", { participation: "active", followUp: true }, ""],
    [
      "the written parts in a fixed order, one per line",
      {
        moodAffect: " Anxious at first ",
        contribution: "Practised urge surfing.",
        objectives: [{ objectiveId: OBJ, progress: "progressing", comment: "Named two triggers." }],
        riskObservations: "Denied cravings at the end.",
        followUpNote: "Ask about the weekend plan.",
      },
      "Practised urge surfing.\nAnxious at first\nNamed two triggers.\nDenied cravings at the end.\nAsk about the weekend plan.",
    ],
    [
      "blank parts and comments are left out",
      {
        contribution: "Shared a trigger.",
        moodAffect: "  ",
        objectives: [{ objectiveId: OBJ, progress: null, comment: "" }],
      },
      "Shared a trigger.",
    ],
  ])("%s", (_title, parts, expected) => {
    expect(entryTextForCloneCheck({ ...EMPTY_GROUP_ENTRY, ...parts })).toBe(expected);
  });
});
