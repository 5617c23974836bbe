import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deriveCriticalAlerts, KNOWN_CRITICAL_RULES } from "./critical-alerts.rules";
import { type Answers, deriveCriticalFindings, type InstrumentItem } from "./instrument";
import { INSTRUMENTS } from "./registry";

const answerFor = (item: InstrumentItem): fc.Arbitrary<number | boolean | undefined> => {
  const value: fc.Arbitrary<number | boolean> =
    item.kind === "boolean"
      ? fc.boolean()
      : item.kind === "ordinal"
        ? fc.constantFrom(...item.values)
        : fc.integer({ min: item.min, max: item.max });
  return fc.option(value, { nil: undefined, freq: 5 });
};

describe("critical answers → alerts", () => {
  it("gives every critical rule any shipped instrument can emit its own alert kind and wording", () => {
    const seen = new Set<string>();
    for (const instrument of INSTRUMENTS) {
      const answers = fc.record(
        Object.fromEntries(instrument.items.map((item) => [item.linkId, answerFor(item)])),
      ) as fc.Arbitrary<Answers>;
      fc.assert(
        fc.property(answers, (given) => {
          for (const finding of deriveCriticalFindings(instrument, given)) seen.add(finding.rule);
        }),
        { numRuns: 2000, seed: 42 },
      );
    }
    expect([...seen].sort()).toEqual([...KNOWN_CRITICAL_RULES].sort());
  });

  it("maps PHQ-9 item 9 to an urgent alert pointing at the item, and ASQ acute positive to an emergency", () => {
    expect(
      deriveCriticalAlerts("phq9", [{ rule: "phq9.item9", severity: "urgent", linkIds: ["9"] }]),
    ).toEqual([
      { kind: "phq9_item9", severity: "urgent", reason: expect.stringContaining("item 9"), item: "9" },
    ]);
    expect(
      deriveCriticalAlerts("asq", [
        { rule: "asq.acute_positive", severity: "emergency", linkIds: ["2", "5"] },
      ])[0],
    ).toMatchObject({ kind: "asq_acute_positive", severity: "emergency", item: "2" });
  });

  it("never drops a critical finding it has no wording for", () => {
    expect(
      deriveCriticalAlerts("custom", [{ rule: "custom.item3", severity: "urgent", linkIds: ["3"] }]),
    ).toEqual([
      {
        kind: "critical_answer",
        severity: "urgent",
        reason: "A critical answer on CUSTOM (custom.item3) needs a clinician's attention.",
        item: "3",
      },
    ]);
  });
});
