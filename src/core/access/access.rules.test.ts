import { describe, expect, it } from "vitest";
import { type AccessActor, can, deriveGrants, type ParticipantFacts } from "./access.rules";
import { DEFAULT_ROLE_PERMISSIONS } from "./permissions";

const NOW = new Date("2026-11-23T15:00:00Z");
const SITE_A = "a0000000-0000-4000-8000-000000000001";
const SITE_B = "b0000000-0000-4000-8000-000000000002";

const staff = (
  roles: (keyof typeof DEFAULT_ROLE_PERMISSIONS)[],
  scope: "care_team" | "site" = "care_team",
): AccessActor => ({
  userId: "staff-1",
  kind: "staff",
  grants: deriveGrants(
    roles.map((r) => ({
      permissions: DEFAULT_ROLE_PERMISSIONS[r],
      caseloadScoped: r === "counselor" || r === "prescriber",
    })),
    scope,
  ),
  siteIds: [SITE_A],
  participantId: null,
});

const participant = (overrides: Partial<ParticipantFacts> = {}): ParticipantFacts => ({
  type: "participant",
  participantId: "p-1",
  siteId: SITE_A,
  careTeam: [],
  breakGlassUntil: null,
  ...overrides,
});

describe("can(): staff", () => {
  it("lets a counselor open a participant on their care team, for treatment", () => {
    expect(
      can(staff(["counselor"]), "participants.view", participant({ careTeam: ["staff-1"] }), NOW),
    ).toEqual({
      allowed: true,
      purpose: "treatment",
    });
  });

  it("offers break-the-glass to a counselor outside the care team, and honours an open grant until it ends", () => {
    const counselor = staff(["counselor"]);
    expect(can(counselor, "participants.view", participant(), NOW)).toEqual({
      allowed: false,
      reason: "not_care_team",
      breakGlass: true,
    });
    const until = new Date(NOW.getTime() + 60_000);
    expect(can(counselor, "participants.view", participant({ breakGlassUntil: until }), NOW)).toEqual({
      allowed: true,
      purpose: "break_the_glass",
    });
    expect(
      can(
        counselor,
        "participants.view",
        participant({ breakGlassUntil: until }),
        new Date(until.getTime() + 1),
      ).allowed,
    ).toBe(false);
  });

  it("lets counselors see the whole site when the setting says so", () => {
    expect(can(staff(["counselor"], "site"), "participants.view", participant(), NOW).allowed).toBe(true);
  });

  it("never reaches another site, not even by breaking the glass", () => {
    const decision = can(
      staff(["clinical_director"]),
      "participants.view",
      participant({ siteId: SITE_B }),
      NOW,
    );
    expect(decision).toEqual({ allowed: false, reason: "other_site", breakGlass: false });
  });

  it("follows the permission table: front desk lists but cannot open; billing opens but reads no clinical content", () => {
    expect(can(staff(["front_desk"]), "participants.view", participant(), NOW)).toMatchObject({
      reason: "no_permission",
    });
    expect(can(staff(["billing"]), "participants.view", participant(), NOW).allowed).toBe(true);
    expect(can(staff(["billing"]), "clinical.view", participant(), NOW)).toMatchObject({
      allowed: false,
      breakGlass: false,
    });
    expect(can(staff(["administrator"]), "clinical.view", participant(), NOW).allowed).toBe(false);
    expect(can(staff(["administrator"]), "users.manage", { type: "program" }, NOW)).toEqual({
      allowed: true,
      purpose: "operations",
    });
  });

  it("takes the widest reach among several roles", () => {
    const both = staff(["counselor", "intake_coordinator"]);
    expect(both.grants["participants.view"]).toBe("site");
    expect(both.grants["clinical.view"]).toBe("caseload");
  });
});

describe("can(): participants and family", () => {
  const self: AccessActor = {
    userId: "u-p",
    kind: "participant",
    grants: {},
    siteIds: [],
    participantId: "p-1",
  };
  const family: AccessActor = { userId: "u-f", kind: "family", grants: {}, siteIds: [], participantId: null };

  it("lets a participant see their own record and who accessed it, nobody else's", () => {
    expect(can(self, "participants.view", participant(), NOW)).toEqual({ allowed: true, purpose: "self" });
    expect(can(self, "access_log.view", participant(), NOW).allowed).toBe(true);
    expect(can(self, "care_team.manage", participant(), NOW).allowed).toBe(false);
    expect(can(self, "participants.view", participant({ participantId: "p-2" }), NOW)).toMatchObject({
      reason: "not_self",
    });
    expect(can(self, "users.manage", { type: "program" }, NOW)).toMatchObject({ reason: "not_staff" });
  });

  it("never lets a family member through the record's routes: the family portal discloses through the consent engine", () => {
    for (const action of ["participants.view", "schedule.view", "clinical.view"] as const) {
      expect(can(family, action, participant(), NOW)).toMatchObject({ allowed: false, reason: "no_consent" });
    }
  });
});
