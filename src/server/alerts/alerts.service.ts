import { composeAlertEmail } from "../../core/alerts/alert-email";
import {
  type AlertScope,
  alertPurpose,
  checkTransition,
  deriveAlertScope,
  deriveAudience,
  escalationCutoff,
  evidenceLink,
  isEscalationDue,
  isPressing,
  isWithinAlertScope,
  resolveRecipients,
} from "../../core/alerts/alerts.rules";
import {
  ALERT_SEVERITIES,
  type Alert,
  type AlertCounts,
  type AlertKind,
  type AlertList,
  type AlertListQuery,
  type AlertSettings,
  type AlertSeverity,
  type EvidenceKind,
} from "../../core/alerts/alerts.schema";
import { DomainError } from "../../core/platform/errors";
import {
  type AuditContext,
  type AuditEntry,
  appendAudit,
  recordAudit,
  SYSTEM_CONTEXT,
} from "../audit/audit.service";
import type { Database, Transaction } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import { enqueueMail } from "../platform/mail";
import { raiseReviewTrigger } from "../treatment-plans/review-triggers";
import { readAlertSettings, writeAlertSettings } from "./alert-settings.repo";
import * as store from "./alerts.sql";

/** What another domain says when its rule finds something staff must act on. */
export interface RaiseAlertInput {
  kind: AlertKind;
  severity: AlertSeverity;
  participantId: string;
  /** Why, in plain words (no more detail than the reader needs to decide to open the evidence). */
  reason: string;
  /** What it points at: the answer (`assessment_response` + item linkId), the record, a grant. */
  evidence: { kind: EvidenceKind; id: string; item?: string | null };
  /** People it is for besides the kind's audience, even outside the care team (a note's author). */
  alsoFor?: readonly string[];
  /** Who caused it: the person whose action raised it, or SYSTEM_CONTEXT for a job. */
  context: AuditContext;
  breakGlassGrantId?: string | null;
}

export interface RaisedAlert {
  id: string;
  /** False when an unresolved alert about the same finding already existed (nothing was raised twice). */
  raised: boolean;
  /** The staff it is for. */
  recipients: string[];
  /** Emails queued (urgent and emergency alerts, to recipients with an address). */
  emailed: number;
}

/** Another domain's view of the alerts service: raise inside its own transaction. */
export type RaiseAlert = (tx: Transaction, input: RaiseAlertInput, at: Date) => Promise<RaisedAlert>;

/**
 * Resolve, inside the caller's transaction, the open alerts a new record has made moot: those of a
 * kind about one item of the record (an overdue questionnaire), or about one piece of evidence.
 */
export type ResolveFindings = (
  tx: Transaction,
  input: {
    kind: AlertKind;
    participantId: string;
    /** At least one of the two. */
    evidenceItem?: string;
    evidenceId?: string;
    note: string;
    /** Who made it moot; null for a job (a sweep). */
    userId: string | null;
    context: AuditContext;
  },
  at: Date,
) => Promise<number>;

const iso = (v: Date | string) => new Date(v).toISOString();
const isoOrNull = (v: Date | string | null) => (v ? iso(v) : null);

function toAlert(row: store.AlertRow): Alert {
  const evidence = { kind: row.evidence_kind, id: row.evidence_id, item: row.evidence_item };
  return {
    id: row.id,
    kind: row.kind,
    severity: row.severity,
    state: row.state,
    participant: { id: row.participant_id, name: row.participant_name },
    site: { id: row.site_id, name: row.site_name },
    reason: row.reason,
    evidence: { ...evidence, link: evidenceLink(row.participant_id, evidence) },
    audience: row.audience,
    mine: row.mine,
    createdAt: iso(row.created_at),
    acknowledgedAt: isoOrNull(row.acknowledged_at),
    acknowledgedBy: row.acknowledged_by
      ? { id: row.acknowledged_by, displayName: row.acknowledged_by_name ?? "" }
      : null,
    resolvedAt: isoOrNull(row.resolved_at),
    resolvedBy: row.resolved_by ? { id: row.resolved_by, displayName: row.resolved_by_name ?? "" } : null,
    resolutionNote: row.resolution_note,
    escalatedAt: isoOrNull(row.escalated_at),
  };
}

const ESCALATION_BATCH = 50;

export function createAlertsService(deps: { db: Database; now: () => Date; baseUrl: string }) {
  const { db, now, baseUrl } = deps;

  /**
   * Raise an alert inside the caller's transaction (the same one that writes the record that causes
   * it): the alert, who it is for, the emails for urgent and emergency alerts (a link only — no
   * participant details), and an audit event. If the caller rolls back, none of it happened.
   */
  const raiseAlert: RaiseAlert = async (tx, input, at) => {
    const siteId = await store.findParticipantSite(tx, input.participantId);
    if (!siteId) throw new DomainError("NOT_FOUND", "No such participant.");
    const audience = deriveAudience(input.kind, input.severity);
    const finding = {
      kind: input.kind,
      participantId: input.participantId,
      evidenceKind: input.evidence.kind,
      evidenceId: input.evidence.id,
      evidenceItem: input.evidence.item ?? null,
    };
    const id = await store.insertAlert(tx, {
      ...finding,
      severity: input.severity,
      siteId,
      reason: input.reason,
      audience,
      breakGlassGrantId: input.breakGlassGrantId ?? null,
      createdAt: at,
    });
    if (!id) {
      const existing = await store.findUnresolvedFinding(tx, finding);
      return { id: existing!, raised: false, recipients: [], emailed: 0 };
    }
    const people = await store.findAudiencePeople(tx, input.participantId, siteId);
    const named = input.alsoFor?.length ? await store.filterActiveStaff(tx, input.alsoFor) : [];
    const recipients = resolveRecipients({ audience, escalated: false, named }, people);
    await store.insertRecipients(tx, id, recipients, "raised", at);
    let emailed = 0;
    if (isPressing(input.severity)) {
      for (const userId of recipients) {
        const contact = people.contacts.get(userId);
        if (!contact?.email) continue;
        const mail = composeAlertEmail({
          alertId: id,
          severity: input.severity,
          baseUrl,
          escalated: false,
          locale: contact.locale,
        });
        await enqueueMail(tx, { to: contact.email, ...mail }, at);
        emailed += 1;
      }
    }
    await appendAudit(
      tx,
      input.context,
      {
        action: "alert.raise",
        resourceType: "alert",
        resourceId: id,
        participantId: input.participantId,
        purpose: alertPurpose(input.kind),
        details: { kind: input.kind, severity: input.severity, recipients: recipients.length },
      },
      at,
    );
    // A critical alert calls for an early review of the participant's signed treatment plan.
    if (isPressing(input.severity)) {
      await raiseReviewTrigger(tx, {
        participantId: input.participantId,
        reason: "critical_alert",
        sourceId: id,
        at,
      });
    }
    return { id, raised: true, recipients, emailed };
  };

  const resolveFindings: ResolveFindings = async (tx, input, at) => {
    const ids = await store.resolveFindings(
      tx,
      {
        kind: input.kind,
        participantId: input.participantId,
        evidenceItem: input.evidenceItem,
        evidenceId: input.evidenceId,
      },
      input.userId,
      input.note,
      at,
    );
    for (const id of ids) {
      await appendAudit(
        tx,
        input.context,
        {
          action: "alert.resolve",
          resourceType: "alert",
          resourceId: id,
          participantId: input.participantId,
          purpose: alertPurpose(input.kind),
          details: { kind: input.kind, automatic: true },
        },
        at,
      );
    }
    return ids.length;
  };

  async function counts(scope: AlertScope): Promise<AlertCounts> {
    const rows = await store.countOpen(db, scope);
    const bySeverity = Object.fromEntries(ALERT_SEVERITIES.map((s) => [s, 0])) as AlertCounts["bySeverity"];
    let open = 0;
    let openMine = 0;
    for (const row of rows) {
      bySeverity[row.severity] = row.n;
      open += row.n;
      openMine += row.mine;
    }
    return { open, openMine, bySeverity };
  }

  /** An access denial on one alert, audited like the route guard's (the alert stays "not found"). */
  async function refuse(context: AuditContext, action: string, id: string): Promise<never> {
    await recordAudit(
      db,
      context,
      { action, resourceType: "alert", resourceId: id, purpose: "treatment", outcome: "denied" },
      now(),
    );
    throw new DomainError("NOT_FOUND", "No such alert.");
  }

  async function change(
    actor: Actor,
    id: string,
    action: "acknowledge" | "resolve",
    note: string | null,
    context: AuditContext,
  ): Promise<Alert> {
    const at = now();
    const view = deriveAlertScope(actor.access, "view");
    const manage = deriveAlertScope(actor.access, "manage");
    const outcome = await db.transaction(async (tx) => {
      const row = await store.findForUpdate(tx, id);
      const facts = row && {
        kind: row.kind,
        siteId: row.site_id,
        careTeam: row.care_team,
        recipients: row.recipients,
      };
      if (!row || !facts || !isWithinAlertScope(view, facts)) return "not_found" as const;
      // Clinical alerts need alerts.manage; break-the-glass ones, alerts.review_access.
      if (!isWithinAlertScope(manage, facts)) return "forbidden" as const;
      const transition = checkTransition(row.state, action, note);
      if (!transition.ok) {
        throw new DomainError(
          transition.code,
          undefined,
          transition.code === "ALERTS_NOTE_REQUIRED" ? "note" : undefined,
        );
      }
      const done =
        action === "acknowledge"
          ? await store.markAcknowledged(tx, id, actor.user.id, at)
          : await store.markResolved(tx, id, actor.user.id, note ?? "", at);
      if (!done) throw new DomainError("ALERTS_ALREADY_RESOLVED");
      const entry: AuditEntry = {
        action: `alert.${action}`,
        resourceType: "alert",
        resourceId: id,
        participantId: row.participant_id,
        purpose: alertPurpose(row.kind),
        details: { kind: row.kind, severity: row.severity },
      };
      await appendAudit(tx, context, entry, at);
      return "done" as const;
    });
    if (outcome === "not_found") return refuse(context, `alert.${action}`, id);
    if (outcome === "forbidden") {
      await recordAudit(
        db,
        context,
        {
          action: `alert.${action}`,
          resourceType: "alert",
          resourceId: id,
          purpose: "treatment",
          outcome: "denied",
        },
        now(),
      );
      throw new DomainError("AUTH_FORBIDDEN");
    }
    const row = await store.findVisible(db, view, id);
    return toAlert(row!);
  }

  return {
    raiseAlert,
    resolveFindings,

    /** The inbox: alerts the actor may see, filtered and paged, with the open counts. Audited per participant shown. */
    async list(actor: Actor, query: AlertListQuery, context: AuditContext): Promise<AlertList> {
      const scope = deriveAlertScope(actor.access, "view");
      const [{ rows, total }, openCounts] = await Promise.all([
        store.listVisible(db, scope, query),
        counts(scope),
      ]);
      const participants = [...new Set(rows.map((r) => r.participant_id))];
      const base = { action: "alert.list", resourceType: "alert", purpose: "treatment" as const };
      await recordAudit(
        db,
        context,
        participants.length === 0
          ? base
          : participants.map((participantId) => ({ ...base, participantId, resourceId: participantId })),
        now(),
      );
      return {
        alerts: rows.map(toAlert),
        total,
        page: query.page,
        pageSize: query.pageSize,
        counts: openCounts,
      };
    },

    /** Open counts only (the navigation badge): no participant data, so nothing to audit. */
    counts: (actor: Actor) => counts(deriveAlertScope(actor.access, "view")),

    async get(actor: Actor, id: string, context: AuditContext): Promise<Alert> {
      const row = await store.findVisible(db, deriveAlertScope(actor.access, "view"), id);
      if (!row) return refuse(context, "alert.view", id);
      await recordAudit(
        db,
        context,
        {
          action: "alert.view",
          resourceType: "alert",
          resourceId: id,
          participantId: row.participant_id,
          purpose: alertPurpose(row.kind),
        },
        now(),
      );
      return toAlert(row);
    },

    acknowledge: (actor: Actor, id: string, context: AuditContext) =>
      change(actor, id, "acknowledge", null, context),

    resolve: (actor: Actor, id: string, note: string, context: AuditContext) =>
      change(actor, id, "resolve", note, context),

    /**
     * Bring the clinical directors in on urgent and emergency alerts nobody acknowledged in time:
     * each alert once (escalated_at), with an email (a link only) and an audit event. Safe to run
     * from several processes at once; the job queue runs it every minute, tests call it directly.
     */
    async sweepEscalations(): Promise<{ escalated: string[] }> {
      const at = now();
      const settings = await readAlertSettings(db);
      const cutoffs = {
        urgent: escalationCutoff("urgent", at, settings)!,
        emergency: escalationCutoff("emergency", at, settings)!,
      };
      const escalated: string[] = [];
      for (;;) {
        const batch = await db.transaction(async (tx) => {
          const candidates = await store.claimEscalationCandidates(tx, cutoffs, ESCALATION_BATCH);
          const done: string[] = [];
          for (const c of candidates) {
            const facts = {
              severity: c.severity,
              state: c.state,
              createdAt: new Date(c.created_at),
              escalatedAt: c.escalated_at ? new Date(c.escalated_at) : null,
            };
            if (!isEscalationDue(facts, at, settings)) continue;
            if (!(await store.markEscalated(tx, c.id, at))) continue;
            const directors = await store.findClinicalDirectors(tx, c.site_id);
            await store.insertRecipients(
              tx,
              c.id,
              directors.map((d) => d.userId),
              "escalated",
              at,
            );
            for (const director of directors) {
              const mail = composeAlertEmail({
                alertId: c.id,
                severity: c.severity,
                baseUrl,
                escalated: true,
                locale: director.locale,
              });
              await enqueueMail(tx, { to: director.email, ...mail }, at);
            }
            await appendAudit(
              tx,
              SYSTEM_CONTEXT,
              {
                action: "alert.escalate",
                resourceType: "alert",
                resourceId: c.id,
                participantId: c.participant_id,
                purpose: alertPurpose(c.kind),
                details: { severity: c.severity, directors: directors.length },
              },
              at,
            );
            done.push(c.id);
          }
          return { claimed: candidates.length, done };
        });
        escalated.push(...batch.done);
        if (batch.claimed < ESCALATION_BATCH || batch.done.length === 0) break;
      }
      return { escalated };
    },

    settings: () => readAlertSettings(db),

    async updateSettings(settings: AlertSettings, context: AuditContext): Promise<AlertSettings> {
      const at = now();
      await db.transaction(async (tx) => {
        await writeAlertSettings(tx, settings, at);
        await appendAudit(
          tx,
          context,
          {
            action: "settings.alerts_update",
            resourceType: "settings",
            purpose: "operations",
            details: { ...settings },
          },
          at,
        );
      });
      return readAlertSettings(db);
    },
  };
}
export type AlertsService = ReturnType<typeof createAlertsService>;
