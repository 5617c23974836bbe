import { deriveAudience, resolveRecipients } from "../../core/alerts/alerts.rules";
import type { AlertAudience } from "../../core/alerts/alerts.schema";
import { deriveCheckInAlerts } from "../../core/check-ins/check-in.rules";
import { DEFAULT_CHECK_IN_SETTINGS } from "../../core/check-ins/check-in.schema";
import { addDays } from "../../core/platform/dates";
import * as alertStore from "../alerts/alerts.sql";
import type { Queryable } from "../db/connection";
import { alertRecipients, alerts } from "../db/schema";
import * as demo from "./demo.sql";
import { demoUuid } from "./demo-ids";
import { listAlertingCheckIns } from "./demo-participant-app.sql";

/** Days back (today included) whose check-ins still have open alerts; older ones were dealt with. */
export const OPEN_CHECK_IN_ALERT_DAYS = 3;

const HOUR = 3_600_000;

/** An alert row as the demo builds it: its id and audience typed for the recipients. */
export type DemoAlert = Omit<typeof alerts.$inferInsert, "audience"> & {
  id: string;
  participantId: string;
  siteId: string;
  audience: AlertAudience[];
};

/**
 * The alerts the live rules (core/check-ins/check-in.rules.ts, default settings) raise on the
 * check-ins of current participants in the last days — open, for the people the live service
 * picks — and the urgent alert of every check-in with thoughts of self-harm; older ones were
 * acknowledged and resolved by the primary counselor within hours. `extra`: other participant-app
 * alerts (absence requests) to store with them. Returns the alerts written.
 */
export async function writeAppAlerts(
  q: Queryable,
  options: { seed: number; today: string; now: Date },
  extra: readonly DemoAlert[],
): Promise<number> {
  const from = addDays(options.today, -(OPEN_CHECK_IN_ALERT_DAYS - 1));
  const rows: DemoAlert[] = [...extra];
  const checkIns = await listAlertingCheckIns(q, from);
  const teams = await demo.listCareTeams(q, [
    ...new Set([...checkIns.map((c) => c.participant_id), ...extra.map((a) => a.participantId)]),
  ]);
  const counselorOf = (participantId: string) =>
    teams.get(participantId)?.find((m) => m.role === "primary_counselor")?.userId ?? null;
  for (const c of checkIns) {
    const recent = c.checked_in_on >= from;
    const derived = deriveCheckInAlerts(
      {
        checkedInOn: c.checked_in_on,
        mood: c.mood,
        craving: c.craving,
        anyUse: c.any_use,
        triggers: [],
        skills: [],
        wantsToTalk: c.wants_to_talk,
        selfHarmThoughts: c.self_harm_thoughts,
        overdose: c.overdose,
      },
      DEFAULT_CHECK_IN_SETTINGS,
    ).filter((a) => recent || a.kind === "check_in_self_harm");
    const createdAt = new Date(c.created_at);
    const counselor = counselorOf(c.participant_id);
    const dealtWith = !recent && counselor !== null;
    derived.forEach((a, i) => {
      rows.push({
        id: demoUuid(`${options.seed}/check-in-alert/${c.id}/${i}`),
        kind: a.kind,
        severity: a.severity,
        state: dealtWith ? "resolved" : "open",
        siteId: c.site_id,
        participantId: c.participant_id,
        reason: a.reason,
        evidenceKind: "check_in",
        evidenceId: String(c.id),
        evidenceItem: c.checked_in_on,
        audience: [...deriveAudience(a.kind, a.severity)],
        createdAt,
        acknowledgedAt: dealtWith ? new Date(createdAt.getTime() + HOUR) : null,
        acknowledgedBy: dealtWith ? counselor : null,
        resolvedAt: dealtWith ? new Date(createdAt.getTime() + 5 * HOUR) : null,
        resolvedBy: dealtWith ? counselor : null,
        resolutionNote: dealtWith
          ? "Called the same evening; safe, safety plan reviewed, seen the next day."
          : null,
      });
    });
  }
  await demo.insertRows(q, alerts, rows);
  const directors = new Map<string, string[]>();
  const recipients: (typeof alertRecipients.$inferInsert)[] = [];
  for (const alert of rows) {
    if (!directors.has(alert.siteId)) {
      const found = await alertStore.findClinicalDirectors(q, alert.siteId);
      directors.set(
        alert.siteId,
        found.map((d) => d.userId),
      );
    }
    const people = {
      careTeam: teams.get(alert.participantId) ?? [],
      clinicalDirectors: directors.get(alert.siteId)!,
    };
    for (const userId of resolveRecipients({ audience: alert.audience, escalated: false }, people))
      recipients.push({ alertId: alert.id, userId, addedFor: "raised", addedAt: alert.createdAt });
  }
  await demo.insertRows(q, alertRecipients, recipients);
  return rows.length;
}
