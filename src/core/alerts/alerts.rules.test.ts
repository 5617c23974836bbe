import { describe, expect, it } from "vitest";
import { alertLink, composeAlertEmail } from "./alert-email";
import {
  checkTransition,
  deriveAudience,
  escalationCutoff,
  evidenceLink,
  isEscalationDue,
  resolveRecipients,
} from "./alerts.rules";
import {
  ALERT_KINDS,
  ALERT_SEVERITIES,
  type AlertSeverity,
  type AlertState,
  alertListQuerySchema,
  alertSettingsSchema,
  DEFAULT_ALERT_SETTINGS,
  resolveAlertSchema,
} from "./alerts.schema";

const NOW = new Date("2026-11-23T15:00:00Z");
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

describe("deriveAudience", () => {
  it.each([
    ["measure_overdue", "info", ["primary_counselor"]],
    ["reliable_deterioration", "warning", ["primary_counselor"]],
    ["phq9_item9", "urgent", ["care_team"]],
    ["asq_positive", "urgent", ["care_team"]],
    ["asq_acute_positive", "emergency", ["care_team", "clinical_director"]],
    ["phqa_suicide_item", "emergency", ["care_team", "clinical_director"]],
    ["break_the_glass", "warning", ["clinical_director"]],
    ["break_the_glass", "emergency", ["clinical_director"]],
    ["weekly_hours_short", "warning", ["primary_counselor", "care_team"]],
    ["consecutive_unexcused_absences", "warning", ["primary_counselor", "care_team"]],
    ["low_attendance_rate", "warning", ["primary_counselor", "care_team"]],
    ["payer_days_short", "info", ["primary_counselor"]],
  ] as const)("%s at %s is for %j", (kind, severity, audience) => {
    expect(deriveAudience(kind, severity)).toEqual(audience);
  });

  it("gives every kind at every severity someone to read it", () => {
    // An unsigned note's alert names its author as the recipient (the raising service passes them);
    // with nobody named it still reaches the clinical directors (see resolveRecipients below).
    for (const kind of ALERT_KINDS.filter((k) => k !== "clinical_note_unsigned"))
      for (const severity of ALERT_SEVERITIES)
        expect(deriveAudience(kind, severity).length).toBeGreaterThan(0);
  });
});

describe("resolveRecipients with people named by the raising domain", () => {
  const people = {
    careTeam: [{ userId: "pc", role: "primary_counselor" }],
    clinicalDirectors: ["cd1"],
  };

  it("sends an unsigned-note alert to its author alone, even outside the care team", () => {
    const audience = deriveAudience("clinical_note_unsigned", "warning");
    expect(resolveRecipients({ audience, escalated: false, named: ["author"] }, people)).toEqual(["author"]);
  });

  it("adds the named people to the kind's audience, each once", () => {
    expect(
      resolveRecipients(
        { audience: ["primary_counselor"], escalated: false, named: ["pc", "author"] },
        people,
      ),
    ).toEqual(["pc", "author"]);
  });

  it("falls back to the clinical directors when nobody is named and the audience is empty", () => {
    expect(resolveRecipients({ audience: [], escalated: false, named: [] }, people)).toEqual(["cd1"]);
  });
});

describe("resolveRecipients", () => {
  const people = {
    careTeam: [
      { userId: "pc", role: "primary_counselor" },
      { userId: "rx", role: "prescriber" },
    ],
    clinicalDirectors: ["cd1", "cd2"],
  };

  it.each([
    [["primary_counselor"], false, ["pc"]],
    [["care_team"], false, ["pc", "rx"]],
    [["care_team", "clinical_director"], false, ["pc", "rx", "cd1", "cd2"]],
    [["clinical_director"], false, ["cd1", "cd2"]],
    [["primary_counselor"], true, ["pc", "cd1", "cd2"]],
  ] as const)("%j (escalated: %s) reaches %j", (audience, escalated, expected) => {
    expect(resolveRecipients({ audience, escalated }, people)).toEqual(expected);
  });

  it("falls back to the clinical directors when the participant has no primary counselor", () => {
    expect(
      resolveRecipients(
        { audience: ["primary_counselor"], escalated: false },
        { careTeam: [{ userId: "rx", role: "prescriber" }], clinicalDirectors: ["cd1"] },
      ),
    ).toEqual(["cd1"]);
  });

  it("names each person once even with two roles in the audience", () => {
    expect(
      resolveRecipients(
        { audience: ["primary_counselor", "care_team"], escalated: false },
        { careTeam: [{ userId: "pc", role: "primary_counselor" }], clinicalDirectors: [] },
      ),
    ).toEqual(["pc"]);
  });
});

describe("isEscalationDue", () => {
  const alert = (
    severity: AlertSeverity,
    ageMinutes: number,
    state: AlertState = "open",
    escalated = false,
  ) => ({
    severity,
    state,
    createdAt: minutesAgo(ageMinutes),
    escalatedAt: escalated ? minutesAgo(1) : null,
  });

  it.each([
    ["emergency", 14, "open", false, false],
    ["emergency", 15, "open", false, true],
    ["emergency", 90, "open", false, true],
    ["urgent", 59, "open", false, false],
    ["urgent", 60, "open", false, true],
    ["warning", 10_000, "open", false, false],
    ["info", 10_000, "open", false, false],
    ["emergency", 90, "acknowledged", false, false],
    ["emergency", 90, "resolved", false, false],
    ["emergency", 90, "open", true, false],
  ] as const)("%s, %i minutes old, %s, escalated already %s → %s", (severity, age, state, escalated, due) => {
    expect(isEscalationDue(alert(severity, age, state, escalated), NOW, DEFAULT_ALERT_SETTINGS)).toBe(due);
  });

  it("follows the program's settings", () => {
    const settings = { emergencyEscalationMinutes: 5, urgentEscalationMinutes: 10 };
    expect(isEscalationDue(alert("emergency", 5), NOW, settings)).toBe(true);
    expect(isEscalationDue(alert("urgent", 9), NOW, settings)).toBe(false);
    expect(escalationCutoff("urgent", NOW, settings)).toEqual(minutesAgo(10));
    expect(escalationCutoff("warning", NOW, settings)).toBeNull();
  });
});

describe("checkTransition", () => {
  it.each([
    ["open", "acknowledge", undefined, { ok: true, to: "acknowledged" }],
    ["acknowledged", "acknowledge", undefined, { ok: false, code: "ALERTS_ALREADY_ACKNOWLEDGED" }],
    ["resolved", "acknowledge", undefined, { ok: false, code: "ALERTS_ALREADY_RESOLVED" }],
    ["open", "resolve", "Called; safe", { ok: false, code: "ALERTS_NOT_ACKNOWLEDGED" }],
    ["acknowledged", "resolve", "Called; safety plan reviewed", { ok: true, to: "resolved" }],
    ["acknowledged", "resolve", "   ", { ok: false, code: "ALERTS_NOTE_REQUIRED" }],
    ["acknowledged", "resolve", null, { ok: false, code: "ALERTS_NOTE_REQUIRED" }],
    ["resolved", "resolve", "again", { ok: false, code: "ALERTS_ALREADY_RESOLVED" }],
  ] as const)("%s + %s (note %j) → %j", (from, action, note, result) => {
    expect(checkTransition(from, action, note)).toEqual(result);
  });
});

describe("evidenceLink", () => {
  const pid = "9c0b6a0e-1f6e-4f57-9d7a-2b0a0c0d0e0f";
  it("opens the answer in the record's assessments tab", () => {
    expect(evidenceLink(pid, { kind: "assessment_response", id: "r-1", item: "q9" })).toBe(
      `/staff/participants/${pid}?tab=assessments&response=r-1&item=q9`,
    );
  });
  it("opens the record, or its access log for emergency access", () => {
    expect(evidenceLink(pid, { kind: "participant_record", id: pid, item: null })).toBe(
      `/staff/participants/${pid}`,
    );
    expect(evidenceLink(pid, { kind: "participant_record", id: pid, item: "phq9" })).toBe(
      `/staff/participants/${pid}?tab=assessments`,
    );
    expect(evidenceLink(pid, { kind: "break_glass_grant", id: "g-1", item: null })).toBe(
      `/staff/participants/${pid}/access-log`,
    );
  });
  it("opens attendance on the chart's Schedule tab, at the week when it names one", () => {
    expect(evidenceLink(pid, { kind: "attendance_week", id: pid, item: "2026-03-09" })).toBe(
      `/staff/participants/${pid}?tab=schedule&week=2026-03-09`,
    );
    expect(evidenceLink(pid, { kind: "attendance_record", id: "m-1", item: null })).toBe(
      `/staff/participants/${pid}?tab=schedule`,
    );
    expect(evidenceLink(pid, { kind: "attendance_record", id: "m-1", item: "2026-03-11" })).toBe(
      `/staff/participants/${pid}?tab=schedule&week=2026-03-11`,
    );
  });
});

describe("alert email", () => {
  it("carries a link and the severity only, in the recipient's language", () => {
    const en = composeAlertEmail({
      alertId: "a-1",
      severity: "urgent",
      baseUrl: "https://iop.example.org/",
      escalated: false,
      locale: "en",
    });
    expect(en.subject).toBe("Bridgeway: new urgent alert");
    expect(en.text).toContain("https://iop.example.org/staff/alerts/a-1");
    const es = composeAlertEmail({
      alertId: "a-1",
      severity: "emergency",
      baseUrl: "https://iop.example.org",
      escalated: true,
      locale: "es",
    });
    expect(es.subject).toBe("Bridgeway: una alerta de emergencia sigue sin confirmar");
    expect(es.text).toContain("debe iniciar sesión");
  });

  it("says 'an emergency' and 'an urgent' in English", () => {
    const escalated = (severity: AlertSeverity) =>
      composeAlertEmail({ alertId: "a", severity, baseUrl: "http://x", escalated: true, locale: "en" }).text;
    expect(escalated("emergency")).toMatch(/^An emergency alert/);
    expect(escalated("urgent")).toMatch(/^An urgent alert/);
    expect(escalated("warning")).toMatch(/^A warning alert/);
  });

  it("builds the staff link to the alert", () => {
    expect(alertLink("http://localhost:3000", "x y")).toBe("http://localhost:3000/staff/alerts/x%20y");
  });
});

describe("schemas", () => {
  it("lists active alerts of every scope by default", () => {
    expect(alertListQuerySchema.parse({})).toEqual({ state: "active", scope: "all", page: 1, pageSize: 25 });
  });

  it("needs a resolution note of a few words", () => {
    expect(resolveAlertSchema.safeParse({ note: "  " }).success).toBe(false);
    expect(resolveAlertSchema.parse({ note: " Called; safe at home " })).toEqual({
      note: "Called; safe at home",
    });
  });

  it("keeps emergency escalation no later than urgent", () => {
    expect(
      alertSettingsSchema.safeParse({ emergencyEscalationMinutes: 90, urgentEscalationMinutes: 60 }).success,
    ).toBe(false);
    expect(alertSettingsSchema.safeParse(DEFAULT_ALERT_SETTINGS).success).toBe(true);
  });
});
