import { describe, expect, it } from "vitest";
import { comparedValue, detectReliableDeterioration } from "./deterioration.rules";
import { resolveParameters } from "./reliable-change";

const params = (key: string) => {
  const resolved = resolveParameters(key);
  if (resolved.status !== "available") throw new Error(`no parameters for ${key}`);
  return resolved.parameters;
};

describe("reliable deterioration", () => {
  it("flags a PHQ-9 rise of 6 or more from baseline, and not 5, a fall or a missing baseline", () => {
    const phq9 = params("phq9");
    expect(detectReliableDeterioration("PHQ-9", { value: 8, on: "2026-11-01" }, 14, phq9)?.reason).toBe(
      "PHQ-9 has reliably worsened since the first score of this episode (8 on 2026-11-01 → 14; a change of 6 or more is reliable).",
    );
    expect(detectReliableDeterioration("PHQ-9", { value: 8, on: "2026-11-01" }, 13, phq9)).toBeNull();
    expect(detectReliableDeterioration("PHQ-9", { value: 20, on: "2026-11-01" }, 8, phq9)).toBeNull();
    expect(detectReliableDeterioration("PHQ-9", undefined, 20, phq9)).toBeNull();
    expect(detectReliableDeterioration("PHQ-9", { value: null, on: "2026-11-01" }, 20, phq9)).toBeNull();
  });

  it("reads the subscale a measure is compared on", () => {
    expect(comparedValue({ subscale: null }, { total: 12, subscales: {} })).toBe(12);
    expect(comparedValue({ subscale: "percentage" }, { total: 12, subscales: { percentage: 48 } })).toBe(48);
    expect(comparedValue({ subscale: "percentage" }, { total: 12, subscales: {} })).toBeNull();
  });
});
