import { describe, expect, it } from "vitest";
import type { Decision } from "../access/access.rules";
import { canStartCounselingNote, counselingNoteAccess } from "./counseling-note.rules";

const allowed: Decision = { allowed: true, purpose: "treatment" };
const brokenGlass: Decision = { allowed: true, purpose: "break_the_glass" };
const denied: Decision = { allowed: false, reason: "no_permission", breakGlass: false };
const notOnTeam: Decision = { allowed: false, reason: "not_care_team", breakGlass: true };

describe("who may read and change a SUD counseling note", () => {
  it.each([
    ["the author who may read the record", "a", allowed, denied, { read: true, write: true, refusal: null }],
    [
      "the author no longer on the care team",
      "a",
      notOnTeam,
      denied,
      { read: false, write: false, refusal: "no_record_access" },
    ],
    [
      "a colleague on the care team without the policy's permission",
      "b",
      allowed,
      denied,
      { read: false, write: false, refusal: "not_allowed_by_policy" },
    ],
    [
      "a reader the policy allows (clinical director)",
      "b",
      allowed,
      allowed,
      { read: true, write: false, refusal: null },
    ],
    [
      "a policy reader who only broke the glass",
      "b",
      brokenGlass,
      brokenGlass,
      { read: false, write: false, refusal: "not_allowed_by_policy" },
    ],
    [
      "a policy reader without access to the record",
      "b",
      denied,
      allowed,
      { read: false, write: false, refusal: "no_record_access" },
    ],
  ] as const)("%s", (_label, viewerId, recordView, counselingView, expected) => {
    expect(counselingNoteAccess({ viewerId, authorId: "a", recordView, counselingView })).toEqual(expected);
  });

  it("starts notes only with write access to the record, never under emergency access", () => {
    expect(canStartCounselingNote(allowed)).toBe(true);
    expect(canStartCounselingNote(brokenGlass)).toBe(false);
    expect(canStartCounselingNote(denied)).toBe(false);
  });
});
