import { describe, expect, it } from "vitest";
import { checkScreening, type ScreeningInput, screeningInputSchema } from "./screening.schema";

const valid: ScreeningInput = screeningInputSchema.parse({
  edition: 3,
  eligibility: {
    substance_use_concern: true,
    medically_stable: true,
    no_withdrawal_needing_24h_care: true,
    not_at_imminent_risk: true,
    can_attend_schedule: true,
    agrees_to_participate: true,
  },
  ratings: [1, 0, 2, 2, 2, 1],
  justifications: ["", "", "Moderate anxiety", "", "Recent lapse", ""],
  recommendedLevel: "2.1",
  providedLevel: "2.1",
});

describe("screening", () => {
  it("accepts a complete, consistent screening", () => {
    expect(checkScreening(valid)).toEqual([]);
  });

  it("refuses ratings outside 0–4 and fewer than six, by field", () => {
    const parsed = screeningInputSchema.safeParse({ ...valid, ratings: [1, 0, 5, 2, 2] });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join("."))).toEqual(["ratings.2", "ratings"]);
  });

  it("needs a reason when the level provided differs, and levels from the chosen edition", () => {
    expect(checkScreening({ ...valid, providedLevel: "1" })).toEqual([
      { path: "differenceReason", message: "Say why the level provided differs from the one recommended." },
    ]);
    expect(
      checkScreening({ ...valid, providedLevel: "1", differenceReason: "participant_preference" }),
    ).toEqual([]);
    expect(
      checkScreening({ ...valid, edition: 4, recommendedLevel: "2.1", providedLevel: "1" }).map(
        (p) => p.path,
      ),
    ).toEqual(["providedLevel", "differenceReason"]);
    expect(
      checkScreening({ ...valid, providedLevel: "2.5", differenceReason: "other" }).map((p) => p.path),
    ).toEqual(["differenceNote"]);
  });

  it("asks for a justification for each dimension rated 3 or 4", () => {
    expect(checkScreening({ ...valid, ratings: [1, 0, 3, 4, 2, 1] })).toEqual([
      {
        path: "justifications.3",
        message: "Justify a rating of 4 for “Readiness to Change”.",
      },
    ]);
  });
});
