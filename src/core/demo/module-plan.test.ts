import { describe, expect, it } from "vitest";
import type { DemoSession } from "./demo-sessions";
import { type ModuleChoice, modulesForTrack, planSessionModules } from "./module-plan";

const LIBRARY: ModuleChoice[] = [
  { key: "sleep", category: "wellness", suits: ["adult", "adolescent", "co_occurring"] },
  { key: "halt", category: "relapse_prevention", suits: ["adult", "adolescent"] },
  { key: "budgeting", category: "life_skills", suits: ["adult"] },
  { key: "healthy-boundaries", category: "family_education", suits: ["family", "adult"] },
  {
    key: "cravings-urge-surfing",
    category: "relapse_prevention",
    suits: ["adult", "adolescent", "co_occurring"],
  },
  { key: "grounding-after-trauma", category: "co_occurring", suits: ["adult", "adolescent", "co_occurring"] },
];

const session = (key: string, cancelled = false): DemoSession => ({
  track: 0,
  key,
  date: key.slice(0, 10),
  start: "18:00",
  end: "21:00",
  startsAt: `${key.slice(0, 10)}T23:00:00.000Z`,
  endsAt: `${key.slice(0, 10)}T02:00:00.000Z`,
  endsAtMs: 0,
  minutes: 180,
  cancelled,
});

describe("modulesForTrack", () => {
  it("keeps what suits the age group, in teaching order then by key", () => {
    expect(modulesForTrack(LIBRARY, "adolescent", false).map((m) => m.key)).toEqual([
      "cravings-urge-surfing",
      "halt",
      "grounding-after-trauma",
      "sleep",
    ]);
    expect(modulesForTrack(LIBRARY, "adult", false).map((m) => m.key)).toEqual([
      "cravings-urge-surfing",
      "halt",
      "grounding-after-trauma",
      "sleep",
      "budgeting",
      "healthy-boundaries",
    ]);
  });

  it("gives a dual-diagnosis track only modules written for co-occurring conditions", () => {
    expect(modulesForTrack(LIBRARY, "adult", true).map((m) => m.key)).toEqual([
      "cravings-urge-surfing",
      "grounding-after-trauma",
      "sleep",
    ]);
  });
});

describe("planSessionModules", () => {
  it("takes the modules in turn from the track's offset, round again, leaving holidays unplanned", () => {
    const modules = modulesForTrack(LIBRARY, "adult", true);
    const planned = planSessionModules(
      [
        session("2026-11-23T18:00"),
        session("2026-11-24T18:00"),
        session("2026-11-26T18:00", true),
        session("2026-11-30T18:00"),
        session("2026-12-01T18:00"),
      ],
      modules,
      1,
    );
    expect(planned.map((p) => [p.session.key, p.moduleKey])).toEqual([
      ["2026-11-23T18:00", "grounding-after-trauma"],
      ["2026-11-24T18:00", "sleep"],
      ["2026-11-30T18:00", "cravings-urge-surfing"],
      ["2026-12-01T18:00", "grounding-after-trauma"],
    ]);
  });

  it("plans nothing when no module suits the track", () => {
    expect(planSessionModules([session("2026-11-23T18:00")], [], 0)).toEqual([]);
  });
});
