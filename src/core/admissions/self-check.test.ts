import { describe, expect, it } from "vitest";
import { assessSelfCheck, type SelfCheckAnswers, selfCheckAnswersSchema } from "./self-check";

const fits: SelfCheckAnswers = {
  safety: "no",
  withdrawal: "no",
  medical: "no",
  living: "safe",
  commitments: "yes",
  attendance: "yes",
  coOccurring: "no",
};

describe("IOP self-check", () => {
  it("says IOP may fit when nothing points elsewhere, noting it works around a job or family", () => {
    expect(assessSelfCheck(fits)).toEqual({ outcome: "iop_may_fit", notes: ["fits_around_commitments"] });
  });

  it("puts crisis help first whenever thoughts of self-harm are answered yes, whatever else is said", () => {
    expect(assessSelfCheck({ ...fits, safety: "yes" }).outcome).toBe("crisis_first");
    expect(assessSelfCheck({ ...fits, safety: "yes", withdrawal: "yes", living: "unsafe" }).outcome).toBe(
      "crisis_first",
    );
  });

  it.each([
    [{ withdrawal: "yes" }, "higher_level_first", "withdrawal_needs_medical_care"],
    [{ medical: "yes" }, "higher_level_first", "medical_needs_daily_care"],
    [{ living: "unsafe" }, "higher_level_first", "living_situation"],
    [{ living: "somewhat" }, "talk_to_us", "living_situation"],
    [{ attendance: "no" }, "talk_to_us", "schedule"],
    [{ withdrawal: "unsure" }, "talk_to_us", undefined],
    [{ coOccurring: "unsure" }, "iop_may_fit", "co_occurring_support"],
  ] as const)("%o → %s", (change, outcome, note) => {
    const result = assessSelfCheck({ ...fits, ...change } as SelfCheckAnswers);
    expect(result.outcome).toBe(outcome);
    if (note) expect(result.notes).toContain(note);
  });

  it("accepts only the offered answers, naming the question", () => {
    const parsed = selfCheckAnswersSchema.safeParse({ ...fits, living: "maybe" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual(["living"]);
    expect(selfCheckAnswersSchema.parse(fits)).toEqual(fits);
  });
});
