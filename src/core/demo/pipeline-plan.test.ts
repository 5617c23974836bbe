import { describe, expect, it } from "vitest";
import { checkStageChange } from "../admissions/pipeline.rules";
import { planDemoPipeline } from "./pipeline-plan";

describe("demo admissions pipeline", () => {
  const leads = planDemoPipeline(1, "2026-11-23", 2, 24);

  it("is deterministic and spread over both sites, open and closed, inquiries and referrals", () => {
    expect(planDemoPipeline(1, "2026-11-23", 2, 24)).toEqual(leads);
    expect(new Set(leads.map((l) => l.site))).toEqual(new Set([0, 1]));
    const last = leads.map((l) => l.path.at(-1)!.stage);
    expect(last.some((s) => s === "new")).toBe(true);
    expect(last.some((s) => ["referred_elsewhere", "not_admitted", "lost_to_contact"].includes(s))).toBe(
      true,
    );
    expect(leads.some((l) => l.kind === "referral") && leads.some((l) => l.kind === "inquiry")).toBe(true);
  });

  it("only ever takes legal steps, on dates between creation and today, with reasons where required", () => {
    for (const lead of leads) {
      for (let i = 1; i < lead.path.length; i++) {
        const to = lead.path[i]!.stage;
        expect(
          checkStageChange(lead.path[i - 1]!.stage, {
            to,
            notAdmittedReason: lead.notAdmittedReason ?? undefined,
            referredTo: lead.referredTo ?? undefined,
          }),
        ).toBeNull();
        expect(lead.path[i]!.on >= lead.path[i - 1]!.on).toBe(true);
      }
      expect(lead.path[0]!.on).toBe(lead.createdOn);
      expect(lead.path.at(-1)!.on <= "2026-11-23").toBe(true);
    }
  });
});
