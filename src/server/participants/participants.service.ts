import { can } from "../../core/access/access.rules";
import { breakGlassAlertReason } from "../../core/alerts/alerts.rules";
import {
  checkLevelChange,
  checkSobrietyDate,
  type LevelChangeInput,
  type SobrietyDateInput,
} from "../../core/participants/chart.schema";
import { nameMatches } from "../../core/participants/name-search.rules";
import type { ParticipantListQuery, ParticipantRecord } from "../../core/participants/participants.schema";
import { BREAK_GLASS_MINUTES } from "../../core/participants/participants.schema";
import { daysBetween } from "../../core/platform/dates";
import { DomainError } from "../../core/platform/errors";
import { checkRestart } from "../../core/sobriety/sobriety.rules";
import { localDateIn } from "../../core/treatment-plans/review-due.rules";
import { loadParticipantFacts } from "../access/access.service";
import * as accessStore from "../access/access.sql";
import { readAdmissionSettings } from "../admissions/admission-settings.repo";
import type { RaiseAlert } from "../alerts/alerts.service";
import type { ReadCaseloadClinical } from "../assessments/key-measures";
import { type AuditContext, appendAudit } from "../audit/audit.service";
import { readYesterdayCheckIns } from "../check-ins/yesterday-check-ins";
import type { Database } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import type { ParticipantAccess } from "../platform/route-access";
import { raiseReviewTrigger } from "../treatment-plans/review-triggers";
import * as store from "./participants.sql";

/** Participant list and record, read through the actor's scope; care team; break-the-glass. */
export function createParticipantsService(deps: {
  db: Database;
  now: () => Date;
  raiseAlert: RaiseAlert;
  readCaseloadClinical: ReadCaseloadClinical;
}) {
  const { db, now, raiseAlert, readCaseloadClinical } = deps;

  return {
    async list(actor: Actor, query: ParticipantListQuery) {
      let scope: store.ListScope;
      let label: "site" | "care_team" | "self" | "family";
      if (actor.user.kind === "staff") {
        const grant = actor.access.grants["participants.list"];
        if (!grant) throw new DomainError("AUTH_FORBIDDEN");
        scope = {
          actorUserId: actor.user.id,
          siteIds: actor.access.siteIds,
          careTeamOnly: grant === "caseload",
        };
        label = grant === "caseload" ? "care_team" : "site";
      } else if (actor.user.kind === "participant") {
        scope = {
          actorUserId: actor.user.id,
          siteIds: [],
          careTeamOnly: false,
          participantIds: actor.access.participantId ? [actor.access.participantId] : [],
        };
        label = "self";
      } else {
        // Family see a participant only where the participant's consent allows it.
        const at = now();
        const linked = await store.listFamilyLinked(db, actor.user.id);
        const allowed: string[] = [];
        for (const id of linked) {
          const facts = await loadParticipantFacts(db, actor.access, id, at);
          if (facts && can(actor.access, "participants.view", facts, at).allowed) allowed.push(id);
        }
        scope = { actorUserId: actor.user.id, siteIds: [], careTeamOnly: false, participantIds: allowed };
        label = "family";
      }
      let rows = await store.listScoped(db, scope, query);
      let approximate = false;
      if (rows.length === 0 && query.q && query.q.trim().length >= 4) {
        const candidates = await store.listNamesScoped(db, scope, query, 5000);
        const close = candidates.filter((c) => nameMatches(query.q!, c.name)).map((c) => c.id);
        if (close.length > 0) {
          rows = await store.listScoped(db, { ...scope, onlyIds: close }, { ...query, q: undefined });
          approximate = true;
        }
      }
      // Clinical content only where the actor's clinical.view reaches: the site, or their caseload.
      const clinicalGrant = actor.user.kind === "staff" ? actor.access.grants["clinical.view"] : undefined;
      const clinicalRows = rows.filter(
        (r) => clinicalGrant === "site" || (clinicalGrant !== undefined && r.on_my_care_team),
      );
      const [clinical, yesterday] = await Promise.all([
        readCaseloadClinical(
          db,
          clinicalRows.map((r) => ({ id: r.id, episodeId: r.episode_id })),
        ),
        readYesterdayCheckIns(
          db,
          clinicalRows.map((r) => r.id),
          now(),
        ),
      ]);
      return {
        participants: rows.map((r) => ({
          id: r.id,
          name: r.name,
          siteId: r.site_id,
          siteName: r.site_name,
          trackName: r.track_name,
          admittedOn: r.admitted_on,
          dischargedOn: r.discharged_on,
          primaryCounselor: r.primary_counselor,
          onMyCareTeam: r.on_my_care_team,
          clinical: clinical.get(r.id) ?? null,
          yesterdayCheckIn: yesterday.get(r.id) ?? null,
        })),
        total: rows[0]?.total ?? 0,
        page: query.page,
        pageSize: query.pageSize,
        scope: label,
        approximate,
      };
    },

    async record(actor: Actor, access: ParticipantAccess): Promise<ParticipantRecord> {
      const id = access.participantId;
      const at = now();
      const [row, episodes, careTeam, extras, open, sobrietyChanges] = await Promise.all([
        store.findById(db, id),
        store.listEpisodes(db, id),
        store.listCareTeam(db, id),
        store.findChartExtras(db, id),
        store.findOpenEpisode(db, id),
        store.listSobrietyDateChanges(db, id),
      ]);
      if (!row) throw new DomainError("NOT_FOUND", "No such participant.");
      const clinical = can(actor.access, "clinical.view", access.facts, at).allowed;
      const checkIns = clinical ? await store.listRecentCheckIns(db, id, 14) : null;
      const diagnoses = clinical ? await store.listDiagnoses(db, id) : null;
      const levelHistory = open ? await store.listLevelChanges(db, open.id) : [];
      const todayOn = at.toISOString().slice(0, 10);
      return {
        id: row.id,
        givenName: row.given_name,
        familyName: row.family_name,
        bornOn: row.born_on,
        preferredLanguage: row.preferred_language,
        preferredName: extras?.preferred_name ?? "",
        pronouns: extras?.pronouns ?? "",
        current: open
          ? {
              episodeId: open.id,
              levelOfCare: open.level_of_care,
              admittedOn: open.admitted_on,
              daysInProgram: daysBetween(open.admitted_on, todayOn),
              primaryCounselor: open.primary_counselor,
            }
          : null,
        sobrietyOn: extras?.sobriety_on ?? null,
        sobrietyHistory: sobrietyChanges.map((c) => ({
          from: c.fromOn,
          to: c.toOn,
          changedAt: c.changedAt.toISOString(),
          restart: c.restart,
          message: c.message,
          changedBy:
            c.changedById !== null && c.changedByName !== null
              ? { id: c.changedById, name: c.changedByName }
              : null,
        })),
        contact: {
          phone: extras?.phone ?? "",
          email: extras?.email ?? "",
          address: extras?.address ?? "",
          emergencyContactName: extras?.emergency_contact_name ?? "",
          emergencyContactPhone: extras?.emergency_contact_phone ?? "",
          insurancePayer: extras?.insurance_payer ?? "",
          insuranceMemberId: extras?.insurance_member_id ?? "",
        },
        levelHistory: levelHistory.map((l) => ({
          from: l.from_level,
          to: l.to_level,
          on: l.changed_on,
          reason: l.reason,
          by: l.by,
        })),
        diagnoses: diagnoses?.map((d) => ({ code: d.code, title: d.title, primary: d.is_primary })) ?? null,
        openAlerts: extras?.open_alerts ?? 0,
        site: { id: row.site_id, name: row.site_name },
        episodes: episodes.map((e) => ({
          id: e.id,
          trackName: e.track_name,
          levelOfCare: e.level_of_care,
          admittedOn: e.admitted_on,
          dischargedOn: e.discharged_on,
          dischargeReason: e.discharge_reason,
        })),
        careTeam: careTeam.map((c) => ({ userId: c.user_id, displayName: c.display_name, role: c.role })),
        recentCheckIns:
          checkIns?.map((c) => ({ on: c.checked_on, mood: c.mood, craving: c.craving, anyUse: c.any_use })) ??
          null,
        access: {
          purpose: access.purpose,
          breakGlassUntil:
            access.purpose === "break_the_glass"
              ? (access.facts.breakGlassUntil?.toISOString() ?? null)
              : null,
        },
      };
    },

    /**
     * Open a record outside the care team: a stated reason, 60 minutes, an alert to the site's
     * clinical directors, and an audit event, all in one transaction.
     */
    async breakGlass(actor: Actor, access: ParticipantAccess, reason: string, context: AuditContext) {
      const at = now();
      const existing = await accessStore.findOpenBreakGlass(db, actor.user.id, access.participantId, at);
      if (existing) return { expiresAt: existing.expiresAt.toISOString() };
      const expiresAt = new Date(at.getTime() + BREAK_GLASS_MINUTES * 60_000);
      await db.transaction(async (tx) => {
        const grantId = await accessStore.insertBreakGlassGrant(tx, {
          userId: actor.user.id,
          participantId: access.participantId,
          reason,
          grantedAt: at,
          expiresAt,
        });
        await raiseAlert(
          tx,
          {
            kind: "break_the_glass",
            severity: "warning",
            participantId: access.participantId,
            reason: breakGlassAlertReason(actor.user.displayName, reason),
            evidence: { kind: "break_glass_grant", id: grantId },
            context,
            breakGlassGrantId: grantId,
          },
          at,
        );
        await appendAudit(
          tx,
          context,
          {
            action: "participant.break_glass",
            resourceType: "participant",
            resourceId: access.participantId,
            participantId: access.participantId,
            purpose: "break_the_glass",
            details: { grantId, minutes: BREAK_GLASS_MINUTES },
          },
          at,
        );
      });
      return { expiresAt: expiresAt.toISOString() };
    },

    /** Step up or down within the open episode, dated, with a reason; the history is kept. */
    async changeLevel(
      actor: Actor,
      access: ParticipantAccess,
      input: LevelChangeInput,
      context: AuditContext,
    ) {
      const at = now();
      await db.transaction(async (tx) => {
        const open = await store.findOpenEpisode(tx, access.participantId);
        if (!open)
          throw new DomainError(
            "VALIDATION_FAILED",
            "This participant has no open episode of care.",
            "toLevel",
          );
        const { offeredLevels } = await readAdmissionSettings(tx);
        const problems = checkLevelChange(
          input,
          {
            levelOfCare: open.level_of_care,
            admittedOn: open.admitted_on,
            dischargedOn: open.discharged_on,
            lastChangeOn: open.last_change_on,
          },
          { today: at.toISOString().slice(0, 10), levels: offeredLevels },
        );
        if (problems.length > 0) throw new DomainError("VALIDATION_FAILED", problems[0]!.message, problems);
        const levelChangeId = await store.insertLevelChange(tx, {
          episodeId: open.id,
          fromLevel: open.level_of_care,
          toLevel: input.toLevel,
          changedOn: input.changedOn,
          reason: input.reason,
          changedBy: actor.user.id,
          changedAt: at,
        });
        await appendAudit(
          tx,
          context,
          {
            action: "participant.level_change",
            resourceType: "episode",
            resourceId: open.id,
            participantId: access.participantId,
            purpose: access.purpose,
            details: { from: open.level_of_care, to: input.toLevel },
          },
          at,
        );
        // A new level of care calls for an early review of the signed treatment plan.
        await raiseReviewTrigger(tx, {
          participantId: access.participantId,
          reason: "level_of_care_change",
          sourceId: String(levelChangeId),
          at,
        });
      });
      return this.record(actor, access);
    },

    /**
     * Set or clear the sobriety date; with `restart`, the counter restarts after a lapse (a new date
     * after the current one, kept in the history with the counselor's kind words) rather than a
     * correction of a wrong date.
     */
    async setSobrietyDate(
      actor: Actor,
      access: ParticipantAccess,
      input: SobrietyDateInput,
      context: AuditContext,
    ) {
      const at = now();
      const { sobrietyOn, restart = false, message = "" } = input;
      await db.transaction(async (tx) => {
        const row = await store.findById(tx, access.participantId);
        const extras = await store.findChartExtras(tx, access.participantId);
        const currentOn = extras?.sobriety_on ?? null;
        const today = localDateIn(at, row!.site_time_zone);
        const problems = checkSobrietyDate(sobrietyOn, row!.born_on, today);
        if (problems.length > 0) throw new DomainError("VALIDATION_FAILED", problems[0]!.message, problems);
        if (restart) {
          if (sobrietyOn === null) {
            throw new DomainError("VALIDATION_FAILED", "Choose the day the counter restarts.", "sobrietyOn");
          }
          const refused = checkRestart({ restartOn: sobrietyOn, currentOn, bornOn: row!.born_on, today });
          if (refused.length > 0) {
            throw new DomainError("SOBRIETY_RESTART_INVALID", refused[0]!.message, [
              { path: "sobrietyOn", message: refused[0]!.message },
            ]);
          }
        }
        await store.setSobrietyDate(
          tx,
          access.participantId,
          currentOn,
          sobrietyOn,
          actor.user.id,
          at,
          restart ? { message } : null,
        );
        await appendAudit(
          tx,
          context,
          {
            action: restart ? "participant.sobriety_restart" : "participant.sobriety_date_update",
            resourceType: "participant",
            resourceId: access.participantId,
            participantId: access.participantId,
            purpose: access.purpose,
          },
          at,
        );
      });
      return this.record(actor, access);
    },

    async replaceCareTeam(
      access: ParticipantAccess,
      members: readonly { userId: string; role: string }[],
      context: AuditContext,
    ) {
      const at = now();
      const ids = [...new Set(members.map((m) => m.userId))];
      if (ids.length !== members.length) {
        throw new DomainError("VALIDATION_FAILED", "Each person can be on the care team once.", "members");
      }
      if (members.filter((m) => m.role === "primary_counselor").length > 1) {
        throw new DomainError("VALIDATION_FAILED", "Choose one primary counselor.", "members");
      }
      await db.transaction(async (tx) => {
        const valid = await store.filterStaffAtSite(tx, access.facts.siteId, ids);
        const invalid = members.findIndex((m) => !valid.includes(m.userId));
        if (invalid >= 0) {
          throw new DomainError(
            "VALIDATION_FAILED",
            "Care-team members must be active staff at the participant's site.",
            `members.${invalid}.userId`,
          );
        }
        await store.replaceCareTeam(tx, access.participantId, members, at);
        await appendAudit(
          tx,
          context,
          {
            action: "participant.care_team_update",
            resourceType: "care_team",
            resourceId: access.participantId,
            participantId: access.participantId,
            purpose: access.purpose,
            details: { members: members.length },
          },
          at,
        );
      });
      const team = await store.listCareTeam(db, access.participantId);
      return { members: team.map((c) => ({ userId: c.user_id, displayName: c.display_name, role: c.role })) };
    },
  };
}
export type ParticipantsService = ReturnType<typeof createParticipantsService>;
