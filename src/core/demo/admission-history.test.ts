import { describe, expect, it } from "vitest";
import { DEFAULT_SUGGESTION_RULES, suggestLevelOfCare } from "../admissions/level-of-care";
import { findIcdCode } from "../diagnoses/icd10cm";
import { planAdmission } from "./admission-history";

describe("demo admission history", () => {
  it("is deterministic per episode, dated before the admission in order, with known codes and an IOP-level suggestion", () => {
    for (let i = 0; i < 200; i++) {
      const plan = planAdmission(1, `episode-${i}`, "2026-10-15");
      expect(planAdmission(1, `episode-${i}`, "2026-10-15")).toEqual(plan);
      const [first, contacted, scheduled, screened] = plan.steps;
      expect(
        first <= contacted && contacted <= scheduled && scheduled <= screened && screened <= "2026-10-15",
      ).toBe(true);
      expect(findIcdCode(plan.primaryCode)?.group).toBe("substance_use");
      if (plan.coOccurringCode) expect(findIcdCode(plan.coOccurringCode)?.group).toBe("co_occurring");
      expect(suggestLevelOfCare(plan.ratings, DEFAULT_SUGGESTION_RULES[3]).level).toBe("2.1");
      expect(plan.kind === "referral").toBe(plan.source !== null);
    }
  });
});
