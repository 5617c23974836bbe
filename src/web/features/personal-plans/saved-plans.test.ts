// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from "vitest";
import { EMPTY_SAFETY_PLAN, type PersonalPlan } from "../../../core/personal-plans/personal-plan.schema";
import { forgetSavedPlans, keepSavedPlan, readSavedPlan } from "./saved-plans";

const safetyPlan: PersonalPlan = {
  kind: "safety",
  version: 3,
  content: { ...EMPTY_SAFETY_PLAN, reasonsForLiving: ["my daughter"] },
  updatedAt: "2026-11-20T20:00:00.000Z",
  updatedBy: { kind: "participant", displayName: "Ana Diaz" },
  changedSinceSeen: [],
};
const saved = {
  userId: "user-ana",
  savedAt: "2026-11-20T20:05:00.000Z",
  plan: safetyPlan,
  onCall: { site: "Riverside", phone: "(555) 010-4400" },
};

beforeEach(() => localStorage.clear());

describe("the plans kept on the device", () => {
  it("gives back the copy kept for the same person and plan", () => {
    keepSavedPlan(localStorage, saved);
    expect(readSavedPlan(localStorage, "user-ana", "safety")).toEqual(saved);
  });

  it("never gives one person's copy to another, nor the safety plan for the recovery plan", () => {
    keepSavedPlan(localStorage, saved);
    expect(readSavedPlan(localStorage, "user-ben", "safety")).toBeNull();
    expect(readSavedPlan(localStorage, "user-ana", "recovery")).toBeNull();
  });

  it("ignores a copy that is not a plan", () => {
    localStorage.setItem("bridgeway.personal-plans.user-ana.safety", "{not json");
    expect(readSavedPlan(localStorage, "user-ana", "safety")).toBeNull();
    localStorage.setItem("bridgeway.personal-plans.user-ana.safety", JSON.stringify({ userId: "user-ana" }));
    expect(readSavedPlan(localStorage, "user-ana", "safety")).toBeNull();
  });

  it("forgets every kept plan at sign-out and leaves the rest of the device's settings", () => {
    keepSavedPlan(localStorage, saved);
    keepSavedPlan(localStorage, { ...saved, userId: "user-ben" });
    localStorage.setItem("bridgeway.language", "es");
    forgetSavedPlans(localStorage);
    expect(readSavedPlan(localStorage, "user-ana", "safety")).toBeNull();
    expect(readSavedPlan(localStorage, "user-ben", "safety")).toBeNull();
    expect(localStorage.getItem("bridgeway.language")).toBe("es");
  });
});
