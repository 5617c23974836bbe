import { describe, expect, it } from "vitest";
import {
  computeChangedSections,
  deriveChangedSinceSeen,
  type PlanVersionChange,
  sectionShape,
  tidyPlanContent,
} from "./personal-plan.rules";
import {
  EMPTY_RECOVERY_PLAN,
  EMPTY_SAFETY_PLAN,
  type RecoveryPlanContent,
  type SafetyPlanContent,
} from "./personal-plan.schema";

const recovery = (over: Partial<RecoveryPlanContent>): RecoveryPlanContent => ({
  ...EMPTY_RECOVERY_PLAN,
  ...over,
});
const safety = (over: Partial<SafetyPlanContent>): SafetyPlanContent => ({ ...EMPTY_SAFETY_PLAN, ...over });

describe("computeChangedSections", () => {
  it.each([
    ["nothing changed", recovery({ triggers: ["payday"] }), recovery({ triggers: ["payday"] }), []],
    ["a line added", recovery({}), recovery({ triggers: ["payday"] }), ["triggers"]],
    [
      "a line edited",
      recovery({ triggers: ["payday"] }),
      recovery({ triggers: ["Friday payday"] }),
      ["triggers"],
    ],
    ["a line removed", recovery({ warningSigns: ["skipping meals"] }), recovery({}), ["warningSigns"]],
    [
      "a list reordered",
      recovery({ reasonsForRecovery: ["my kids", "my health"] }),
      recovery({ reasonsForRecovery: ["my health", "my kids"] }),
      ["reasonsForRecovery"],
    ],
    [
      "a coping response under a situation",
      recovery({ highRiskSituations: [{ situation: "parties", responses: ["leave early"] }] }),
      recovery({
        highRiskSituations: [{ situation: "parties", responses: ["leave early", "bring a friend"] }],
      }),
      ["highRiskSituations"],
    ],
    [
      "a contact's number",
      recovery({ peopleToCall: [{ name: "Sam", phone: "555 0100", note: "" }] }),
      recovery({ peopleToCall: [{ name: "Sam", phone: "555 0199", note: "" }] }),
      ["peopleToCall"],
    ],
    [
      "several sections, reported in page order",
      recovery({}),
      recovery({ reasonsForRecovery: ["my kids"], triggers: ["payday"], copingResponses: ["walk"] }),
      ["triggers", "copingResponses", "reasonsForRecovery"],
    ],
  ])("recovery plan: %s", (_title, before, after, expected) => {
    expect(computeChangedSections("recovery", before, after)).toEqual(expected);
  });

  it.each([
    ["nothing changed", safety({}), safety({}), []],
    ["a reason for living added", safety({}), safety({ reasonsForLiving: ["my dog"] }), ["reasonsForLiving"]],
    [
      "contact key order does not matter",
      safety({ professionals: [{ name: "Dr Lee", phone: "555", note: "" }] }),
      safety({ professionals: [{ note: "", phone: "555", name: "Dr Lee" }] }),
      [],
    ],
  ])("safety plan: %s", (_title, before, after, expected) => {
    expect(computeChangedSections("safety", before, after)).toEqual(expected);
  });
});

describe("deriveChangedSinceSeen", () => {
  const history: PlanVersionChange[] = [
    { version: 1, editorKind: "participant", changedSections: ["warningSigns", "thingsICanDo"] },
    { version: 2, editorKind: "staff", changedSections: ["professionals"] },
    { version: 3, editorKind: "participant", changedSections: ["reasonsForLiving"] },
    { version: 4, editorKind: "staff", changedSections: ["warningSigns", "professionals"] },
  ];

  it.each([
    [
      "participant who saw nothing: the counselor's sections",
      "participant",
      0,
      ["warningSigns", "professionals"],
    ],
    ["participant who saw version 2: only version 4", "participant", 2, ["warningSigns", "professionals"]],
    ["participant who saw everything", "participant", 4, []],
    [
      "staff who saw nothing: the participant's sections",
      "staff",
      0,
      ["warningSigns", "thingsICanDo", "reasonsForLiving"],
    ],
    ["staff who saw version 2: only version 3", "staff", 2, ["reasonsForLiving"]],
    ["staff who saw version 3", "staff", 3, []],
  ] as const)("%s", (_title, reader, seen, expected) => {
    expect(deriveChangedSinceSeen("safety", history, seen, reader)).toEqual(expected);
  });

  it("is empty for a plan never saved", () => {
    expect(deriveChangedSinceSeen("recovery", [], 0, "participant")).toEqual([]);
  });
});

describe("tidyPlanContent", () => {
  it("trims, and leaves out blank lines, blank responses and wholly blank people and situations", () => {
    const typed = recovery({
      triggers: ["  payday ", "", "   "],
      highRiskSituations: [
        { situation: " parties ", responses: ["leave early", " "] },
        { situation: "", responses: [""] },
      ],
      peopleToCall: [
        { name: " Sam ", phone: " 555 0100 ", note: "" },
        { name: "", phone: "", note: "" },
        { name: "", phone: "555 0199", note: "" },
      ],
    });
    expect(tidyPlanContent("recovery", typed)).toEqual(
      recovery({
        triggers: ["payday"],
        highRiskSituations: [{ situation: "parties", responses: ["leave early"] }],
        // A number without a name is kept, so the person is told to give the name rather than lose the number.
        peopleToCall: [
          { name: "Sam", phone: "555 0100", note: "" },
          { name: "", phone: "555 0199", note: "" },
        ],
      }),
    );
  });

  it("leaves a tidy plan as it is", () => {
    const plan = safety({ reasonsForLiving: ["my dog"] });
    expect(tidyPlanContent("safety", plan)).toEqual(plan);
  });
});

describe("sectionShape", () => {
  it.each([
    ["triggers", "lines"],
    ["highRiskSituations", "situations"],
    ["peopleToCall", "contacts"],
    ["peopleToAsk", "contacts"],
    ["professionals", "contacts"],
    ["reasonsForLiving", "lines"],
  ] as const)("%s is written as %s", (section, shape) => {
    expect(sectionShape(section)).toBe(shape);
  });
});
