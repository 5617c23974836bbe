import type { InformationScope } from "../consents/consent.schema";
import {
  RESTRICTABLE_SCOPES,
  type RestrictionKind,
  type RestrictionRequestInput,
  type RestrictionStatus,
  type RestrictionTermination,
} from "./restriction.schema";

/** Pure §2.26 rules: what a request needs, the status it starts in, who may end it and how. */

export interface RequestProblem {
  field: "informationScope" | "recipientText" | "description";
  message: string;
}

/** What is missing or not allowed in a request, by field (empty when it can be stored). */
export function findRequestProblems(input: RestrictionRequestInput): RequestProblem[] {
  const problems: RequestProblem[] = [];
  const allowed = new Set<InformationScope>(RESTRICTABLE_SCOPES);
  if (input.informationScope.some((s) => !allowed.has(s))) {
    problems.push({
      field: "informationScope",
      message:
        "Choose kinds of information from the list (the whole record and counseling notes have their own rules).",
    });
  }
  if (input.kind !== "health_plan_self_paid" && input.informationScope.length === 0) {
    problems.push({ field: "informationScope", message: "Choose at least one kind of information." });
  }
  if (input.kind !== "category" && input.recipientText === "") {
    problems.push({
      field: "recipientText",
      message:
        input.kind === "health_plan_self_paid"
          ? "Name the health plan that should not be told."
          : "Name the person or organisation this is about.",
    });
  }
  if (input.kind === "health_plan_self_paid" && input.description === "") {
    problems.push({ field: "description", message: "Say which services you paid for in full yourself." });
  }
  return problems;
}

/**
 * The status a new request starts in: the self-paid health-plan restriction is agreed at once (the
 * program may not refuse it); every other request waits for the program's answer.
 */
export function initialStatusFor(kind: RestrictionKind): RestrictionStatus {
  return kind === "health_plan_self_paid" ? "agreed" : "requested";
}

/** Only a request still waiting can be agreed or refused, and the self-paid one is never refusable. */
export function canDecide(restriction: { kind: RestrictionKind; status: RestrictionStatus }): boolean {
  return restriction.kind !== "health_plan_self_paid" && restriction.status === "requested";
}

export type TerminationRefusal = "RESTRICTION_NOT_ACTIVE" | "RESTRICTION_NOT_TERMINABLE";

/**
 * Whether a restriction can end this way: only an agreed one ends; the program's notice never ends
 * the self-paid health-plan restriction (the participant's own agreement can).
 */
export function checkTermination(
  restriction: { kind: RestrictionKind; status: RestrictionStatus },
  by: RestrictionTermination,
): TerminationRefusal | null {
  if (restriction.status !== "agreed") return "RESTRICTION_NOT_ACTIVE";
  if (restriction.kind === "health_plan_self_paid" && by === "program_notice")
    return "RESTRICTION_NOT_TERMINABLE";
  return null;
}

export interface PayerRestrictionFact {
  kind: RestrictionKind;
  status: RestrictionStatus;
  /** Categories the restriction names; empty means everything about the self-paid services. */
  informationScope: readonly InformationScope[];
  terminatedAt: Date | null;
}

export interface PayerDisclosure {
  /** Only disclosures to a health plan are covered by the self-paid restriction. */
  recipient: "health_plan" | "other";
  purpose: "payment" | "operations" | "treatment" | "other";
  /** A law requires this disclosure (the restriction then does not apply). */
  requiredByLaw: boolean;
  information: readonly InformationScope[];
  at: Date;
}

/**
 * Billing (claims, payer exports) MUST ask this before anything goes to a health plan: true when an
 * agreed self-paid restriction covers the disclosure — to a health plan, for payment or operations,
 * not required by law, touching a category it names (or any category when it names none). A
 * restriction the participant ended stops applying from the moment it ended.
 */
export function isPayerDisclosureRestricted(
  restrictions: readonly PayerRestrictionFact[],
  disclosure: PayerDisclosure,
): boolean {
  if (disclosure.recipient !== "health_plan" || disclosure.requiredByLaw) return false;
  if (disclosure.purpose !== "payment" && disclosure.purpose !== "operations") return false;
  return restrictions.some((r) => {
    if (r.kind !== "health_plan_self_paid") return false;
    const inForce =
      r.status === "agreed" ||
      (r.status === "terminated" && r.terminatedAt !== null && r.terminatedAt > disclosure.at);
    if (!inForce) return false;
    return (
      r.informationScope.length === 0 || disclosure.information.some((i) => r.informationScope.includes(i))
    );
  });
}
