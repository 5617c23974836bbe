import type { Alert, AlertCounts, AlertList } from "../../../core/alerts/alerts.schema";

/** Test data for the alert pages. Everyone is fictional. */

export const ALERT_ID = "6a1f0c3e-2b4d-4e5f-8a9b-0c1d2e3f4a5b";
export const PARTICIPANT_ID = "3f0c2b1a-9d8e-4f7a-8b6c-5d4e3f2a1b0c";

export function anAlert(change: Partial<Alert> = {}): Alert {
  return {
    id: ALERT_ID,
    kind: "phq9_item9",
    severity: "urgent",
    state: "open",
    participant: { id: PARTICIPANT_ID, name: "Riley Stone" },
    site: { id: "5d7f6c2a-1b3e-4c8d-9e0f-1a2b3c4d5e6f", name: "Eastside" },
    reason: "PHQ-9 item 9 (thoughts of death or self-harm) was answered above “not at all”.",
    evidence: {
      kind: "assessment_response",
      id: "r-1",
      item: "q9",
      link: `/staff/participants/${PARTICIPANT_ID}?tab=assessments&response=r-1&item=q9`,
    },
    audience: ["care_team"],
    mine: true,
    createdAt: "2026-03-03T14:05:00.000Z",
    acknowledgedAt: null,
    acknowledgedBy: null,
    resolvedAt: null,
    resolvedBy: null,
    resolutionNote: null,
    escalatedAt: null,
    ...change,
  };
}

export function counts(change: Partial<AlertCounts> = {}): AlertCounts {
  return {
    open: 3,
    openMine: 2,
    bySeverity: { info: 1, warning: 0, urgent: 1, emergency: 1 },
    ...change,
  };
}

export function aList(alerts: Alert[], change: Partial<AlertList> = {}): AlertList {
  return { alerts, total: alerts.length, page: 1, pageSize: 25, counts: counts(), ...change };
}
