import { describe, expect, it } from "vitest";
import { DEFAULT_PLAN_SETTINGS } from "../../core/treatment-plans/plan-settings.schema";
import { deriveWantedPlanAlert } from "./plan-alerts.service";
import { deriveWorklistItems, sortWorklist } from "./plan-worklist.service";
import type { WorklistRow } from "./plan-worklist.sql";

const ME = "00000000-0000-4000-8000-000000000001";
const SUPERVISOR = "00000000-0000-4000-8000-000000000002";
const PARTICIPANT = "00000000-0000-4000-8000-000000000003";
const PLAN = "00000000-0000-4000-8000-000000000004";

function row(overrides: Partial<WorklistRow> = {}): WorklistRow {
  return {
    participant_id: PARTICIPANT,
    given_name: "Sam",
    family_name: "Lee",
    admitted_on: "2026-10-01",
    time_zone: "America/New_York",
    plan_id: PLAN,
    open_version_status: null,
    open_version_created_by: null,
    open_version_cosigner: null,
    open_version_signed_roles: null,
    current_signed_at: new Date("2026-10-05T15:00:00Z"),
    last_review_signed_at: null,
    open_review_status: null,
    open_review_created_by: null,
    open_review_cosigner: null,
    open_review_signed_roles: null,
    open_triggers: null,
    ...overrides,
  };
}

const at = (iso: string) => new Date(iso);

describe("plan worklist items", () => {
  it("lists both a revision awaiting my co-signature and an overdue review of the plan in force", () => {
    const items = deriveWorklistItems(
      row({
        open_version_status: "awaiting_signatures",
        open_version_created_by: ME,
        open_version_cosigner: SUPERVISOR,
        open_version_signed_roles: ["clinician", "participant"],
      }),
      SUPERVISOR,
      DEFAULT_PLAN_SETTINGS,
      at("2026-11-10T15:00:00Z"),
    );
    expect(sortWorklist(items).map((i) => [i.state, i.dueOn])).toEqual([
      ["review_overdue", "2026-11-04"],
      ["awaiting_my_signature", null],
    ]);
  });

  it("a version I drafted and already signed waits on others", () => {
    const [item] = deriveWorklistItems(
      row({
        current_signed_at: null,
        open_version_status: "awaiting_signatures",
        open_version_created_by: ME,
        open_version_signed_roles: ["clinician"],
      }),
      ME,
      DEFAULT_PLAN_SETTINGS,
      at("2026-10-03T15:00:00Z"),
    );
    expect(item).toMatchObject({ state: "awaiting_others", dueOn: "2026-10-08" });
  });

  it("an open early-review trigger brings the review forward and names the reason in the alert", () => {
    const alert = deriveWantedPlanAlert(
      row({ open_triggers: ["level_of_care_change|2026-10-20"] }),
      DEFAULT_PLAN_SETTINGS,
      at("2026-10-21T15:00:00Z"),
    );
    expect(alert).toMatchObject({
      kind: "treatment_plan_review_overdue",
      severity: "warning",
      item: "2026-10-20",
      reason: expect.stringContaining("change in level of care"),
    });
  });

  it("no alert while the first plan is still within the program's days, a warning the day after", () => {
    const noPlan = row({ plan_id: null, current_signed_at: null });
    expect(deriveWantedPlanAlert(noPlan, DEFAULT_PLAN_SETTINGS, at("2026-10-08T23:00:00Z"))).toBeNull();
    expect(deriveWantedPlanAlert(noPlan, DEFAULT_PLAN_SETTINGS, at("2026-10-09T15:00:00Z"))).toMatchObject({
      kind: "treatment_plan_missing",
      evidenceId: PARTICIPANT,
      item: "2026-10-08",
    });
  });
});
