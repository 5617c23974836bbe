import { describe, expect, it } from "vitest";
import {
  allowedNextStages,
  checkStageChange,
  daysToAdmission,
  isFollowUpOverdue,
  PIPELINE_STAGES,
} from "./pipeline.rules";

describe("admissions pipeline", () => {
  it.each([
    ["new", "contacted"],
    ["contacted", "screening_scheduled"],
    ["screening_scheduled", "screened"],
    ["screening_scheduled", "contacted"],
    ["screened", "not_admitted"],
    ["lost_to_contact", "contacted"],
  ] as const)("allows %s → %s", (from, to) => {
    const extra = to === "not_admitted" ? { notAdmittedReason: "declined_treatment" as const } : {};
    expect(checkStageChange(from, { to, ...extra })).toBeNull();
  });

  it.each([
    ["new", "screened", "ADMISSIONS_TRANSITION_NOT_ALLOWED"],
    ["contacted", "new", "ADMISSIONS_TRANSITION_NOT_ALLOWED"],
    ["admitted", "contacted", "ADMISSIONS_STAGE_CLOSED"],
    ["not_admitted", "screened", "ADMISSIONS_STAGE_CLOSED"],
  ] as const)("refuses %s → %s with %s", (from, to, code) => {
    expect(checkStageChange(from, { to })?.code).toBe(code);
  });

  it("admits only through an admission, and only after screening", () => {
    expect(checkStageChange("screened", { to: "admitted" })?.code).toBe("ADMISSIONS_ADMIT_THROUGH_ADMISSION");
    expect(checkStageChange("screened", { to: "admitted" }, true)).toBeNull();
    expect(checkStageChange("contacted", { to: "admitted" }, true)?.code).toBe(
      "ADMISSIONS_TRANSITION_NOT_ALLOWED",
    );
  });

  it("needs a reason to close without admitting, and a destination to refer elsewhere", () => {
    expect(checkStageChange("screened", { to: "not_admitted" })).toEqual({
      code: "ADMISSIONS_REASON_REQUIRED",
      field: "notAdmittedReason",
    });
    expect(checkStageChange("screened", { to: "referred_elsewhere", referredTo: "  " })).toEqual({
      code: "ADMISSIONS_REFERRED_TO_REQUIRED",
      field: "referredTo",
    });
    expect(
      checkStageChange("screened", { to: "referred_elsewhere", referredTo: "Lakeside residential" }),
    ).toBeNull();
  });

  it("never lets a closed stage move except lost contact being picked up again", () => {
    for (const stage of ["admitted", "referred_elsewhere", "not_admitted"] as const) {
      expect(allowedNextStages(stage)).toEqual([]);
    }
    for (const stage of PIPELINE_STAGES) expect(allowedNextStages(stage)).not.toContain(stage);
  });

  it("counts calendar days to admission and flags overdue follow-ups on open cards only", () => {
    expect(daysToAdmission("2026-11-02", "2026-11-09")).toBe(7);
    expect(daysToAdmission("2026-03-07", "2026-03-09")).toBe(2);
    expect(isFollowUpOverdue("contacted", "2026-11-20", "2026-11-23")).toBe(true);
    expect(isFollowUpOverdue("contacted", "2026-11-23", "2026-11-23")).toBe(false);
    expect(isFollowUpOverdue("admitted", "2026-11-01", "2026-11-23")).toBe(false);
    expect(isFollowUpOverdue("new", null, "2026-11-23")).toBe(false);
  });
});
