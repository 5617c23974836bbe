import { describe, expect, it } from "vitest";
import {
  canDecide,
  checkTermination,
  findRequestProblems,
  initialStatusFor,
  isPayerDisclosureRestricted,
  type PayerDisclosure,
  type PayerRestrictionFact,
} from "./restriction.rules";

const request = (over: Partial<Parameters<typeof findRequestProblems>[0]>) => ({
  kind: "category" as const,
  informationScope: [],
  recipientText: "",
  description: "",
  ...over,
});

describe("a restriction request", () => {
  it.each([
    ["category without a category", request({}), ["informationScope"]],
    [
      "recipient without a name",
      request({ kind: "recipient", informationScope: ["attendance"] }),
      ["recipientText"],
    ],
    [
      "self-paid without the plan or the services",
      request({ kind: "health_plan_self_paid" }),
      ["recipientText", "description"],
    ],
    [
      "category naming the whole record",
      request({ informationScope: ["entire_record"] }),
      ["informationScope"],
    ],
  ] as const)("names what is missing: %s", (_name, input, fields) => {
    expect(findRequestProblems(input).map((p) => p.field)).toEqual(fields);
  });

  it("accepts a complete category request and a self-paid request naming no category", () => {
    expect(findRequestProblems(request({ informationScope: ["diagnosis"] }))).toEqual([]);
    expect(
      findRequestProblems(
        request({
          kind: "health_plan_self_paid",
          recipientText: "Acme Health",
          description: "March sessions",
        }),
      ),
    ).toEqual([]);
  });
});

describe("the program's answer", () => {
  it("agrees at once to the self-paid health-plan restriction and never decides it", () => {
    expect(initialStatusFor("health_plan_self_paid")).toBe("agreed");
    expect(canDecide({ kind: "health_plan_self_paid", status: "agreed" })).toBe(false);
  });

  it("decides other requests once, while they wait", () => {
    expect(initialStatusFor("category")).toBe("requested");
    expect(canDecide({ kind: "category", status: "requested" })).toBe(true);
    expect(canDecide({ kind: "category", status: "agreed" })).toBe(false);
    expect(canDecide({ kind: "recipient", status: "refused" })).toBe(false);
  });
});

describe("ending a restriction", () => {
  it("never lets the program's notice end the self-paid restriction", () => {
    expect(checkTermination({ kind: "health_plan_self_paid", status: "agreed" }, "program_notice")).toBe(
      "RESTRICTION_NOT_TERMINABLE",
    );
  });

  it("lets the participant end the self-paid restriction in writing", () => {
    expect(
      checkTermination({ kind: "health_plan_self_paid", status: "agreed" }, "participant_written"),
    ).toBeNull();
  });

  it("lets the program's notice end an agreed category restriction", () => {
    expect(checkTermination({ kind: "category", status: "agreed" }, "program_notice")).toBeNull();
  });

  it.each(["requested", "refused", "terminated"] as const)("refuses to end one that is %s", (status) => {
    expect(checkTermination({ kind: "category", status }, "participant_written")).toBe(
      "RESTRICTION_NOT_ACTIVE",
    );
  });
});

describe("payer disclosures under the self-paid restriction", () => {
  const selfPaid: PayerRestrictionFact = {
    kind: "health_plan_self_paid",
    status: "agreed",
    informationScope: [],
    terminatedAt: null,
  };
  const claim: PayerDisclosure = {
    recipient: "health_plan",
    purpose: "payment",
    requiredByLaw: false,
    information: ["attendance", "diagnosis"],
    at: new Date("2026-04-01T12:00:00Z"),
  };

  it("restricts a claim to the health plan", () => {
    expect(isPayerDisclosureRestricted([selfPaid], claim)).toBe(true);
    expect(isPayerDisclosureRestricted([selfPaid], { ...claim, purpose: "operations" })).toBe(true);
  });

  it("does not restrict treatment, other recipients, or what a law requires", () => {
    expect(isPayerDisclosureRestricted([selfPaid], { ...claim, purpose: "treatment" })).toBe(false);
    expect(isPayerDisclosureRestricted([selfPaid], { ...claim, recipient: "other" })).toBe(false);
    expect(isPayerDisclosureRestricted([selfPaid], { ...claim, requiredByLaw: true })).toBe(false);
  });

  it("covers only the categories it names when it names some", () => {
    const named = { ...selfPaid, informationScope: ["drug_screens"] as const };
    expect(isPayerDisclosureRestricted([named], claim)).toBe(false);
    expect(isPayerDisclosureRestricted([named], { ...claim, information: ["drug_screens"] })).toBe(true);
  });

  it("ignores category restrictions, and a self-paid restriction the participant has ended", () => {
    expect(isPayerDisclosureRestricted([{ ...selfPaid, kind: "category" }], claim)).toBe(false);
    const ended = {
      ...selfPaid,
      status: "terminated" as const,
      terminatedAt: new Date("2026-03-01T00:00:00Z"),
    };
    expect(isPayerDisclosureRestricted([ended], claim)).toBe(false);
    expect(isPayerDisclosureRestricted([ended], { ...claim, at: new Date("2026-02-01T00:00:00Z") })).toBe(
      true,
    );
  });
});
