import type { AlertKind, AlertSeverity } from "../alerts/alerts.schema";
import type { CriticalFinding } from "./instrument";

/**
 * Which alert a critical answer raises (clinical.md §10: PHQ-9 item 9 > 0 → urgent; PHQ-A item 9 or
 * its suicide supplementary items → urgent; ASQ positive → urgent, acute positive → emergency). The
 * reason names the instrument and the item, never the participant's words.
 */
const BY_RULE: Record<string, { kind: AlertKind; reason: string }> = {
  "phq9.item9": {
    kind: "phq9_item9",
    reason: "PHQ-9 item 9 (thoughts of death or self-harm) was answered above “not at all”.",
  },
  "phqa.item9": {
    kind: "phqa_suicide_item",
    reason: "PHQ-A item 9 (thoughts of death or self-harm) was answered above “not at all”.",
  },
  "phqa.serious_thoughts_past_month": {
    kind: "phqa_suicide_item",
    reason: "PHQ-A: serious thoughts about ending their life in the past month.",
  },
  "phqa.attempt_ever": {
    kind: "phqa_suicide_item",
    reason: "PHQ-A: a suicide attempt at some time in their life.",
  },
  "asq.positive": {
    kind: "asq_positive",
    reason: "ASQ suicide-risk screen is positive: a brief suicide safety assessment is needed.",
  },
  "asq.acute_positive": {
    kind: "asq_acute_positive",
    reason: "ASQ acute positive: imminent risk. An immediate safety response is needed.",
  },
};

/** The rules with their own alert kind and wording (a test checks every instrument's rules are here). */
export const KNOWN_CRITICAL_RULES: readonly string[] = Object.keys(BY_RULE);

export interface CriticalAlert {
  kind: AlertKind;
  severity: AlertSeverity;
  reason: string;
  /** The item linkId the alert points at (the first triggering item). */
  item: string | null;
}

/**
 * The alerts for a submission's critical findings, one per finding. A finding whose rule has no
 * mapping still raises an urgent alert (a critical answer is never dropped for want of a label).
 */
export function deriveCriticalAlerts(
  instrumentKey: string,
  findings: readonly CriticalFinding[],
): CriticalAlert[] {
  return findings.map((finding) => {
    const known = BY_RULE[finding.rule];
    return {
      kind: known?.kind ?? "critical_answer",
      severity: finding.severity,
      reason:
        known?.reason ??
        `A critical answer on ${instrumentKey.toUpperCase()} (${finding.rule}) needs a clinician's attention.`,
      item: finding.linkIds[0] ?? null,
    };
  });
}
