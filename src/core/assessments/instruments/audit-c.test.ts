import { describe, expect, it } from "vitest";
import type { Answers } from "../instrument";
import { auditC, scoreAuditC } from "./audit-c";

const answers = (frequency: number, quantity: number, heavy: number): Answers => ({
  "1": frequency,
  "2": quantity,
  "3": heavy,
});

/** The published rules, restated without the module's tables. */
function expected(frequency: number, quantity: number, heavy: number) {
  const total = frequency + quantity + heavy;
  const flags: string[] = [];
  if (total >= 3) flags.push("audit_c.positive_women");
  if (total >= 4) flags.push("audit_c.positive_men");
  if (frequency > 0 && quantity + heavy === 0) flags.push("audit_c.points_from_item1_only");
  const band = total >= 4 ? "both_thresholds" : total === 3 ? "women_threshold" : "below_thresholds";
  return { total, band, flags };
}

describe("AUDIT-C scoring", () => {
  it("scores every one of the 125 answer combinations as the published rules say", () => {
    let checked = 0;
    for (let a = 0; a <= 4; a++)
      for (let b = 0; b <= 4; b++)
        for (let c = 0; c <= 4; c++) {
          const outcome = scoreAuditC(answers(a, b, c));
          expect(outcome).toEqual({ ok: true, subscales: {}, critical: [], ...expected(a, b, c) });
          checked++;
        }
    expect(checked).toBe(125);
  });

  it.each([
    { given: [0, 0, 0], total: 0, band: "below_thresholds", women: false, men: false },
    { given: [1, 1, 0], total: 2, band: "below_thresholds", women: false, men: false },
    { given: [1, 1, 1], total: 3, band: "women_threshold", women: true, men: false },
    { given: [2, 1, 1], total: 4, band: "both_thresholds", women: true, men: true },
    { given: [4, 4, 4], total: 12, band: "both_thresholds", women: true, men: true },
  ])("a total of $total is $band (women's threshold 3: $women, men's 4: $men)", ({ given, ...want }) => {
    const [a = 0, b = 0, c = 0] = given;
    const outcome = scoreAuditC(answers(a, b, c));
    if (!outcome.ok) throw new Error("expected a score");
    expect(outcome.total).toBe(want.total);
    expect(outcome.band).toBe(want.band);
    expect(outcome.flags.includes("audit_c.positive_women")).toBe(want.women);
    expect(outcome.flags.includes("audit_c.positive_men")).toBe(want.men);
  });

  it("notes when every point comes from item 1 alone, even at the men's threshold", () => {
    expect(scoreAuditC(answers(4, 0, 0))).toMatchObject({
      total: 4,
      flags: ["audit_c.positive_women", "audit_c.positive_men", "audit_c.points_from_item1_only"],
    });
    expect(scoreAuditC(answers(3, 1, 0))).toMatchObject({
      flags: ["audit_c.positive_women", "audit_c.positive_men"],
    });
    expect(scoreAuditC(answers(0, 0, 0))).toMatchObject({ flags: [] });
  });

  it("refuses to score with an item unanswered, naming each missing item", () => {
    expect(scoreAuditC({ "1": 2 })).toEqual({
      ok: false,
      missing: ["2", "3"],
      message: "Answer items 2, 3 before this can be scored.",
    });
    expect(scoreAuditC({ "1": 0, "3": 0 })).toMatchObject({ ok: false, missing: ["2"] });
  });

  it("reports its total under the AUDIT-C code 75626-2, not the full AUDIT's 75624-7", () => {
    expect(auditC.loinc).toEqual({ panel: "72109-2", total: "75626-2" });
  });
});
