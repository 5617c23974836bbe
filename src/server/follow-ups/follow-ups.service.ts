import { createHash } from "node:crypto";
import {
  computeResponseRates,
  deriveReengagement,
  deriveSweepAction,
  isFollowUpOpen,
  localDateOf,
  type ReengagementFinding,
} from "../../core/follow-ups/follow-up.rules";
import type {
  FollowUpAnswers,
  FollowUpCancelReason,
  FollowUpStatus,
  FollowUpWave,
} from "../../core/follow-ups/follow-up.schema";
import type {
  ChartFollowUps,
  FollowUpLinkView,
  FollowUpSubmission,
  FollowUpSubmitted,
  ResponseRates,
} from "../../core/follow-ups/follow-up-api.schema";
import { DomainError } from "../../core/platform/errors";
import type { RaiseAlert } from "../alerts/alerts.service";
import { findOnCallLine } from "../assessments/assessments.sql";
import type { InstrumentCatalog } from "../assessments/instrument-catalog";
import { recordSelfCompletedResponse } from "../assessments/self-completed-response";
import { type AuditContext, appendAudit, recordAudit, SYSTEM_CONTEXT } from "../audit/audit.service";
import type { Database, Transaction } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import type { Keyring } from "../identity/keyring";
import { enqueueMail } from "../platform/mail";
import { composeFollowUpEmail } from "./follow-up-mail";
import * as store from "./follow-ups.sql";

const LINK_PURPOSE = "follow_up_link";
const HASH_PURPOSE = "link";

export interface SweepReport {
  sent: number;
  reminded: number;
  expired: number;
  cancelled: number;
}

/** A second, stable idempotency key for the GAD-7 of one submission (the PHQ-9 uses the client's). */
function derivedKey(key: string, salt: string): string {
  const hex = createHash("sha256").update(`${salt}\0${key}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const firstNameOf = (row: { givenName: string; preferredName: string }) =>
  row.preferredName.trim() || row.givenName.trim();

export function createFollowUpsService(deps: {
  db: Database;
  now: () => Date;
  keyring: Keyring;
  catalog: InstrumentCatalog;
  raiseAlert: RaiseAlert;
  baseUrl: string;
  /** Called after a transaction that queued mail commits. */
  mailQueued: () => void;
}) {
  const { db, now, keyring, catalog, raiseAlert } = deps;

  /**
   * The survey's link token. It is derived from the survey's random id with the server's secret key,
   * so a reminder carries the same link as the first email; only its keyed hash is stored, as for
   * every emailed link, and the database alone never yields a working link.
   */
  const tokenFor = (surveyId: string) => keyring.hash(LINK_PURPOSE, surveyId);
  const hashOf = (token: string) => keyring.hash(HASH_PURPOSE, `${LINK_PURPOSE}:${token}`);
  const linkFor = (token: string) => `${deps.baseUrl}/follow-up/#token=${token}`;

  function questionnaires() {
    const pick = (key: "phq9" | "gad7") => {
      const entry = catalog.get(key);
      if (!entry) return null;
      return { key, version: entry.definition.version, questionnaire: entry.questionnaire };
    };
    const phq9 = pick("phq9");
    const gad7 = pick("gad7");
    return phq9 && gad7 ? { phq9, gad7 } : null;
  }

  type Found = NonNullable<Awaited<ReturnType<typeof store.findByTokenHash>>>;

  function stateOf(found: Found, at: Date): FollowUpLinkView["state"] {
    const s = found.survey;
    if (s.status === "completed") return "completed";
    if (s.status === "cancelled" && s.cancelledReason === "opted_out") return "opted_out";
    if (found.followUpsOptedOutAt && s.status !== "expired") return "opted_out";
    if (s.status !== "sent") return "expired";
    return isFollowUpOpen(s.closesOn, at, found.timeZone) ? "open" : "expired";
  }

  async function sweepOne(candidate: store.SweepCandidate, at: Date): Promise<keyof SweepReport | null> {
    return db.transaction(async (tx) => {
      const survey = await store.lockById(tx, candidate.survey.id);
      if (!survey) return null;
      // Re-read the opt-out inside the transaction: one recorded a moment ago stops this email.
      const optedOutAt = await store.findFollowUpsOptOut(tx, survey.participantId);
      const action = deriveSweepAction(
        { ...survey, status: survey.status as FollowUpStatus },
        { optedOut: optedOutAt !== null, hasEmail: candidate.email !== "", timeZone: candidate.timeZone },
        at,
      );
      const language = survey.language === "es" ? "es" : "en";
      const audit = (action: string, details: Record<string, unknown>) =>
        appendAudit(
          tx,
          SYSTEM_CONTEXT,
          {
            action,
            resourceType: "follow_up_survey",
            resourceId: survey.id,
            participantId: survey.participantId,
            purpose: "treatment",
            details: { wave: survey.wave, ...details },
          },
          at,
        );
      switch (action.kind) {
        case "none":
          return null;
        case "expire":
          await store.update(tx, survey.id, { status: "expired" });
          await audit("follow_up.expire", {});
          return "expired";
        case "cancel":
          await store.update(tx, survey.id, { status: "cancelled", cancelledReason: action.reason });
          await audit("follow_up.cancel", { reason: action.reason });
          return "cancelled";
        case "send":
        case "remind": {
          const token = tokenFor(survey.id);
          const reminder = action.kind === "remind";
          await store.update(
            tx,
            survey.id,
            reminder
              ? { remindersSent: action.reminder, lastReminderAt: at }
              : { status: "sent", sentAt: at, tokenHash: hashOf(token) },
          );
          await enqueueMail(
            tx,
            {
              to: candidate.email,
              ...composeFollowUpEmail(language, {
                firstName: firstNameOf(candidate),
                link: linkFor(token),
                closesOn: survey.closesOn,
                reminder,
              }),
            },
            at,
          );
          await audit(
            reminder ? "follow_up.remind" : "follow_up.send",
            reminder ? { reminder: action.reminder } : {},
          );
          return reminder ? "reminded" : "sent";
        }
      }
    });
  }

  async function findByToken(q: Database | Transaction, token: string, lock = false) {
    return store.findByTokenHash(q, hashOf(token), lock);
  }

  return {
    /**
     * Email the surveys that are due, send reminders, expire closed ones and withdraw those that
     * cannot be sent. Each survey in its own short transaction; mail is queued with its change.
     */
    async sweep(at: Date = now()): Promise<SweepReport> {
      const through = localDateOf(new Date(at.getTime() + 86_400_000), "UTC");
      const candidates = await store.listSweepCandidates(db, through);
      const report: SweepReport = { sent: 0, reminded: 0, expired: 0, cancelled: 0 };
      for (const candidate of candidates) {
        const done = await sweepOne(candidate, at);
        if (done) report[done] += 1;
      }
      if (report.sent + report.reminded > 0) deps.mailQueued();
      return report;
    },

    /** What the survey page shows for a link: never more than the first name and the questions. */
    async view(token: string, context: AuditContext): Promise<FollowUpLinkView> {
      const at = now();
      const found = await findByToken(db, token);
      if (!found) {
        return {
          state: "invalid",
          firstName: null,
          wave: null,
          language: "en",
          closesOn: null,
          completedOn: null,
          questionnaires: null,
        };
      }
      const state = stateOf(found, at);
      const s = found.survey;
      await recordAudit(
        db,
        context,
        {
          action: "follow_up.open",
          resourceType: "follow_up_survey",
          resourceId: s.id,
          participantId: s.participantId,
          purpose: "self",
          details: { state },
        },
        at,
      );
      return {
        state,
        firstName: firstNameOf(found),
        wave: s.wave as FollowUpWave,
        language: s.language === "es" ? "es" : "en",
        closesOn: s.closesOn,
        completedOn: s.completedAt ? localDateOf(s.completedAt, found.timeZone) : null,
        questionnaires: state === "open" ? questionnaires() : null,
      };
    },

    /**
     * Record a follow-up's answers once: the use and life answers on the survey, the PHQ-9 and GAD-7
     * as the person's own assessment responses in the discharged episode (critical answers raise
     * their alerts), the re-engagement findings and their alert, all in one transaction. A second
     * submission is refused with the date of the first and changes nothing; the same submission
     * retried (same idempotency key) returns the first result.
     */
    async submit(input: FollowUpSubmission, context: AuditContext): Promise<FollowUpSubmitted> {
      const at = now();
      const result = await db.transaction(async (tx) => {
        const found = await findByToken(tx, input.token, true);
        if (!found) throw new DomainError("TOKEN_INVALID", undefined, "token");
        const s = found.survey;
        if (s.status === "completed") {
          const replay = await isReplay(tx, s, input.idempotencyKey);
          if (replay) return { crisis: replay.crisis, replayed: true, participantId: s.participantId };
          const on = s.completedAt ? localDateOf(s.completedAt, found.timeZone) : "";
          throw new DomainError(
            "FOLLOW_UP_ALREADY_ANSWERED",
            `This survey was already answered on ${on}. Thank you: nothing more is needed.`,
          );
        }
        const state = stateOf(found, at);
        if (state === "opted_out") throw new DomainError("FOLLOW_UP_OPTED_OUT");
        if (state !== "open") throw new DomainError("FOLLOW_UP_CLOSED");
        const completedOn = localDateOf(at, found.timeZone);
        const common = {
          participantId: s.participantId,
          siteId: s.siteId,
          episodeId: s.episodeId,
          language: input.language,
          completedOn,
        };
        const phq9 = await recordSelfCompletedResponse(
          tx,
          { catalog, raiseAlert },
          {
            ...common,
            instrumentKey: "phq9",
            answers: input.phq9,
            idempotencyKey: input.idempotencyKey,
            fieldPrefix: "phq9",
          },
          context,
          at,
        );
        const gad7 = await recordSelfCompletedResponse(
          tx,
          { catalog, raiseAlert },
          {
            ...common,
            instrumentKey: "gad7",
            answers: input.gad7,
            idempotencyKey: derivedKey(input.idempotencyKey, "gad7"),
            fieldPrefix: "gad7",
          },
          context,
          at,
        );
        const item9 = phq9.answers["9"];
        const wave = s.wave as FollowUpWave;
        const answers: FollowUpAnswers = input.answers;
        const reengagement = deriveReengagement(wave, answers, {
          phq9Total: phq9.total,
          phq9Item9: typeof item9 === "number" ? item9 : null,
          gad7Total: gad7.total,
        });
        await store.update(tx, s.id, {
          status: "completed",
          completedAt: at,
          answers,
          phq9ResponseId: phq9.id,
          gad7ResponseId: gad7.id,
          findings: reengagement.findings,
        });
        if (reengagement.severity) {
          await raiseAlert(
            tx,
            {
              kind: "alumni_reengagement",
              severity: reengagement.severity,
              participantId: s.participantId,
              reason: reengagement.reason,
              evidence: { kind: "follow_up_survey", id: s.id, item: String(wave) },
              context,
            },
            at,
          );
        }
        await appendAudit(
          tx,
          context,
          {
            action: "follow_up.complete",
            resourceType: "follow_up_survey",
            resourceId: s.id,
            participantId: s.participantId,
            purpose: "self",
            details: { wave, findings: reengagement.findings.length },
          },
          at,
        );
        return { crisis: phq9.critical || gad7.critical, replayed: false, participantId: s.participantId };
      });
      // Urgent alerts email their recipients: deliver now rather than at the sender's next poll.
      if (!result.replayed) deps.mailQueued();
      const onCall = result.crisis ? await findOnCallLine(db, result.participantId) : undefined;
      return { crisis: result.crisis, replayed: result.replayed, onCall: onCall ?? null };
    },

    /**
     * "No more surveys": recorded on the alumni membership when there is one, and every survey of
     * the person not yet answered is withdrawn at once, so a reminder about to go is never sent.
     */
    async optOut(token: string, context: AuditContext): Promise<{ cancelled: number }> {
      const at = now();
      return db.transaction(async (tx) => {
        const found = await findByToken(tx, token, true);
        if (!found) throw new DomainError("TOKEN_INVALID", undefined, "token");
        const participantId = found.survey.participantId;
        await store.markMembershipOptedOut(tx, participantId, at);
        const cancelled = await store.cancelOpen(tx, participantId, "opted_out");
        await appendAudit(
          tx,
          context,
          {
            action: "follow_up.opt_out",
            resourceType: "follow_up_survey",
            resourceId: found.survey.id,
            participantId,
            purpose: "self",
            details: { cancelled },
          },
          at,
        );
        return { cancelled };
      });
    },

    /** The chart: every survey of the person (all episodes), with answers, scores and findings. */
    async chart(participantId: string): Promise<ChartFollowUps> {
      const [surveys, optedOutAt] = await Promise.all([
        store.listByParticipant(db, participantId),
        store.findFollowUpsOptOut(db, participantId),
      ]);
      const ids = surveys
        .flatMap((s) => [s.phq9ResponseId, s.gad7ResponseId])
        .filter((id): id is string => !!id);
      const responses = new Map((await store.listResponseSummaries(db, ids)).map((r) => [r.id, r]));
      const summary = (id: string | null) => {
        const r = id ? responses.get(id) : undefined;
        return r ? { id: r.id, total: r.total, band: r.band, critical: r.critical.length > 0 } : null;
      };
      return {
        followUpsOptedOutAt: optedOutAt?.toISOString() ?? null,
        surveys: surveys.map((s) => ({
          id: s.id,
          episodeId: s.episodeId,
          wave: s.wave as FollowUpWave,
          dueOn: s.dueOn,
          closesOn: s.closesOn,
          status: s.status as FollowUpStatus,
          cancelledReason: s.cancelledReason as FollowUpCancelReason | null,
          language: s.language === "es" ? "es" : "en",
          sentAt: s.sentAt?.toISOString() ?? null,
          remindersSent: s.remindersSent,
          lastReminderAt: s.lastReminderAt?.toISOString() ?? null,
          completedAt: s.completedAt?.toISOString() ?? null,
          answers: (s.answers as FollowUpAnswers | null) ?? null,
          phq9: summary(s.phq9ResponseId),
          gad7: summary(s.gad7ResponseId),
          findings: s.findings as ReengagementFinding[],
        })),
      };
    },

    /** Response rates per wave for the sites the person works at (or one of them), by due date. */
    async responseRates(
      actor: Actor,
      query: { siteId?: string | undefined; from?: string | undefined; to?: string | undefined },
    ): Promise<ResponseRates> {
      const siteIds = query.siteId ? [query.siteId] : [...actor.access.siteIds];
      if (query.siteId && !actor.access.siteIds.includes(query.siteId)) {
        throw new DomainError("NOT_FOUND", "No such site.", "siteId");
      }
      const rows = await store.listForRates(db, siteIds, query.from, query.to);
      return {
        siteIds,
        from: query.from ?? null,
        to: query.to ?? null,
        waves: computeResponseRates(
          rows.map((r) => ({
            wave: r.wave as FollowUpWave,
            status: r.status as FollowUpStatus,
            sentAt: r.sentAt,
          })),
        ),
      };
    },
  };

  /** The same submission again (its PHQ-9 was recorded with this key for this survey). */
  async function isReplay(tx: Transaction, s: store.SurveyRow, key: string) {
    if (!s.phq9ResponseId) return null;
    const [phq9] = await store.listResponseSummaries(tx, [s.phq9ResponseId]);
    const matches = await store.responseHasKey(tx, s.phq9ResponseId, s.participantId, key);
    if (!matches || !phq9) return null;
    const gad7 = s.gad7ResponseId
      ? (await store.listResponseSummaries(tx, [s.gad7ResponseId]))[0]
      : undefined;
    return { crisis: phq9.critical.length > 0 || (gad7?.critical.length ?? 0) > 0 };
  }
}
export type FollowUpsService = ReturnType<typeof createFollowUpsService>;
