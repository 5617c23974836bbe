import { randomInt } from "node:crypto";
import {
  type AdmissionInput,
  checkAdmission,
  checkReadmission,
  type PossibleDuplicate,
} from "../../core/admissions/admission.schema";
import type { InquiryInput } from "../../core/admissions/inquiries.schema";
import type { LeadDetail, LeadListQuery, ReferralInput } from "../../core/admissions/leads.schema";
import {
  ASAM_DIMENSIONS,
  type AsamEdition,
  type LevelSuggestionRule,
  suggestLevelOfCare,
} from "../../core/admissions/level-of-care";
import {
  checkStageChange,
  daysToAdmission,
  isFollowUpOverdue,
  type NotAdmittedReason,
  type PipelineStage,
} from "../../core/admissions/pipeline.rules";
import { defaultProgramPage, type ProgramPage } from "../../core/admissions/program-page";
import { deriveProgramWeek } from "../../core/admissions/program-week";
import { checkScreening, type Screening, type ScreeningInput } from "../../core/admissions/screening.schema";
import { findIcdCode } from "../../core/diagnoses/icd10cm";
import { DomainError } from "../../core/platform/errors";
import { localDateOf } from "../../core/schedule/reminders.rules";
import { type AuditContext, appendAudit } from "../audit/audit.service";
import type { Database } from "../db/connection";
import { afterReadmission } from "../discharges/after-discharge";
import type { Actor } from "../identity/auth.service";
import { placeAdmittedEpisode } from "../schedule/track-placement";
import { readAdmissionSettings } from "./admission-settings.repo";
import * as store from "./admissions.sql";
import { readLevelRule, readLevelRules, writeLevelRule } from "./level-rules";

function toScreening(
  row: typeof import("../db/schema").screenings.$inferSelect,
  by: string | null,
): Screening {
  const edition = row.edition as AsamEdition;
  return {
    id: row.id,
    edition,
    eligibility: JSON.parse(row.eligibility) as Record<string, boolean>,
    ratings: row.ratings,
    justifications: row.justifications,
    dimensions: [...ASAM_DIMENSIONS[edition]],
    suggestedLevel: row.suggestedLevel,
    suggestionDrivenBy: row.suggestionDrivenBy,
    recommendedLevel: row.recommendedLevel,
    providedLevel: row.providedLevel,
    differenceReason: row.differenceReason as Screening["differenceReason"],
    differenceNote: row.differenceNote,
    screenedBy: by,
    screenedAt: row.screenedAt.toISOString(),
  };
}

const REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

function newReference(): string {
  let code = "";
  for (let i = 0; i < 6; i++) code += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return `BW-${code}`;
}

const isoDay = (d: Date | string | null) =>
  d === null ? null : typeof d === "string" ? d : d.toISOString().slice(0, 10);

function summary(
  row: store.LeadListRow | { lead: store.LeadRow; siteName: string; ownerName: string | null },
  today: string,
) {
  const l = row.lead;
  return {
    id: l.id,
    reference: l.reference,
    kind: l.kind as "inquiry" | "referral",
    stage: l.stage as PipelineStage,
    site: { id: l.siteId, name: row.siteName },
    personName: l.personName,
    referralSource: l.referralSource as LeadDetail["referralSource"],
    owner: l.ownerUserId && row.ownerName ? { id: l.ownerUserId, displayName: row.ownerName } : null,
    nextAction: l.nextAction,
    nextActionDueOn: isoDay(l.nextActionDueOn),
    overdue: isFollowUpOverdue(l.stage as PipelineStage, isoDay(l.nextActionDueOn), today),
    createdAt: l.createdAt.toISOString(),
    stageChangedAt: l.stageChangedAt.toISOString(),
  };
}

/** Inquiries and referrals through to admission; every read and change audited. */
export function createAdmissionsService(deps: { db: Database; now: () => Date }) {
  const { db, now } = deps;
  const today = () => now().toISOString().slice(0, 10);

  async function uniqueReference(tx: Database | Parameters<Parameters<Database["transaction"]>[0]>[0]) {
    for (;;) {
      const reference = newReference();
      if (!(await store.referenceExists(tx, reference))) return reference;
    }
  }

  async function loadVisible(
    actor: Actor,
    id: string,
    lock = false,
    q: Parameters<typeof store.findById>[0] = db,
  ) {
    const found = await store.findById(q, id, lock);
    if (!found || !actor.access.siteIds.includes(found.lead.siteId))
      throw new DomainError("NOT_FOUND", "No such inquiry or referral.");
    return found;
  }

  return {
    listPublicSites: () => store.listPublicSites(db),

    async programPage(siteId: string): Promise<ProgramPage> {
      const row = await store.findProgramPage(db, siteId);
      if (!row) throw new DomainError("NOT_FOUND", "No such location.");
      const tracks = await store.listTracksForProgramPage(db, siteId);
      return {
        siteId: row.siteId,
        siteName: row.siteName,
        bodyMarkdown: row.bodyMarkdown ?? defaultProgramPage(row.siteName),
        week: deriveProgramWeek(tracks, localDateOf(now(), row.timeZone)),
        updatedAt: row.updatedAt?.toISOString() ?? null,
      };
    },

    async saveProgramPage(
      actor: Actor,
      siteId: string,
      bodyMarkdown: string,
      context: AuditContext,
    ): Promise<ProgramPage> {
      if (!actor.access.siteIds.includes(siteId)) throw new DomainError("NOT_FOUND", "No such location.");
      const at = now();
      await db.transaction(async (tx) => {
        await store.upsertProgramPage(tx, siteId, bodyMarkdown, actor.user.id, at);
        await appendAudit(
          tx,
          context,
          {
            action: "admissions.program_page_update",
            resourceType: "program_page",
            resourceId: siteId,
            purpose: "operations",
          },
          at,
        );
      });
      return this.programPage(siteId);
    },

    /** A public inquiry. A filled honeypot gets the same answer and stores nothing. */
    async createInquiry(input: InquiryInput, context: AuditContext) {
      // The program's promise, shown on the confirmation: contact within this many business hours.
      const contactWithinHours = (await readAdmissionSettings(db)).inquiryResponseHours;
      if (input.website.trim() !== "") return { reference: newReference(), contactWithinHours };
      const at = now();
      const sitesList = await store.listPublicSites(db);
      if (!sitesList.some((s) => s.id === input.siteId))
        throw new DomainError("VALIDATION_FAILED", "Choose a location from the list.", "siteId");
      const reference = await db.transaction(async (tx) => {
        const code = await uniqueReference(tx);
        const id = await store.insert(tx, {
          reference: code,
          siteId: input.siteId,
          kind: "inquiry",
          stage: "new",
          stageChangedAt: at,
          forWhom: input.forWhom,
          personName: input.name,
          contactName: input.contactName,
          contactMethod: input.contactMethod,
          phone: input.phone,
          email: input.email,
          bestTime: input.bestTime,
          lookingFor: input.lookingFor,
          selfCheckOutcome: input.selfCheckOutcome,
          createdAt: at,
        });
        await store.insertEvent(tx, {
          leadId: id,
          fromStage: null,
          toStage: "new",
          note: null,
          actorUserId: null,
          at,
        });
        await appendAudit(
          tx,
          context,
          {
            action: "admissions.inquiry_create",
            resourceType: "admission_lead",
            resourceId: id,
            purpose: "treatment",
          },
          at,
        );
        return code;
      });
      return { reference, contactWithinHours };
    },

    async createReferral(actor: Actor, input: ReferralInput, context: AuditContext) {
      if (!actor.access.siteIds.includes(input.siteId))
        throw new DomainError("VALIDATION_FAILED", "Choose one of your sites.", "siteId");
      if (input.lastDischargedOn && input.lastDischargedOn > today()) {
        throw new DomainError(
          "VALIDATION_FAILED",
          "The discharge date cannot be in the future.",
          "lastDischargedOn",
        );
      }
      const at = now();
      const id = await db.transaction(async (tx) => {
        const leadId = await store.insert(tx, {
          reference: await uniqueReference(tx),
          siteId: input.siteId,
          kind: "referral",
          stage: "new",
          stageChangedAt: at,
          personName: input.personName,
          contactMethod: input.contactMethod,
          phone: input.phone,
          email: input.email,
          referralSource: input.source,
          referringOrganisation: input.referringOrganisation || null,
          referringContact: input.referringContact || null,
          lastLevelOfCare: input.lastLevelOfCare || null,
          lastDischargedOn: input.lastDischargedOn,
          handoffSummary: input.handoffSummary || null,
          createdBy: actor.user.id,
          createdAt: at,
        });
        await store.insertEvent(tx, {
          leadId,
          fromStage: null,
          toStage: "new",
          note: null,
          actorUserId: actor.user.id,
          at,
        });
        await appendAudit(
          tx,
          context,
          {
            action: "admissions.referral_create",
            resourceType: "admission_lead",
            resourceId: leadId,
            purpose: "treatment",
          },
          at,
        );
        return leadId;
      });
      return this.detail(actor, id);
    },

    async list(actor: Actor, query: LeadListQuery) {
      const rows = await store.listForSites(db, actor.access.siteIds, query, actor.user.id, today());
      return {
        leads: rows.map((r) => summary(r, today())),
        total: rows[0]?.total ?? 0,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    async detail(actor: Actor, id: string): Promise<LeadDetail> {
      const found = await loadVisible(actor, id);
      const [events, latest] = await Promise.all([
        store.listEvents(db, id),
        store.findLatestScreening(db, id),
      ]);
      const l = found.lead;
      const admittedEvent = events.find((e) => e.toStage === "admitted");
      return {
        ...summary(found, today()),
        forWhom: l.forWhom as LeadDetail["forWhom"],
        contactName: l.contactName,
        contactMethod: l.contactMethod as LeadDetail["contactMethod"],
        phone: l.phone,
        email: l.email,
        bestTime: l.bestTime as LeadDetail["bestTime"],
        lookingFor: l.lookingFor,
        selfCheckOutcome: l.selfCheckOutcome,
        referringOrganisation: l.referringOrganisation,
        referringContact: l.referringContact,
        lastLevelOfCare: l.lastLevelOfCare,
        lastDischargedOn: isoDay(l.lastDischargedOn),
        handoffSummary: l.handoffSummary,
        notAdmittedReason: l.notAdmittedReason as NotAdmittedReason | null,
        referredTo: l.referredTo,
        participantId: l.participantId,
        daysToAdmission: admittedEvent
          ? daysToAdmission(
              l.createdAt.toISOString().slice(0, 10),
              admittedEvent.at.toISOString().slice(0, 10),
            )
          : null,
        screening: latest ? toScreening(latest.screening, latest.by) : null,
        history: events.map((e) => ({
          from: e.fromStage as PipelineStage | null,
          to: e.toStage as PipelineStage,
          note: e.note,
          by: e.by,
          at: e.at.toISOString(),
        })),
      };
    },

    async changeStage(
      actor: Actor,
      id: string,
      change: {
        to: PipelineStage;
        notAdmittedReason?: NotAdmittedReason | undefined;
        referredTo?: string | undefined;
        note?: string | undefined;
      },
      context: AuditContext,
    ) {
      const at = now();
      await db.transaction(async (tx) => {
        const found = await loadVisible(actor, id, true, tx);
        const from = found.lead.stage as PipelineStage;
        const problem = checkStageChange(from, change);
        if (problem) throw new DomainError(problem.code, undefined, problem.field);
        await store.update(tx, id, {
          stage: change.to,
          stageChangedAt: at,
          notAdmittedReason: change.to === "not_admitted" ? (change.notAdmittedReason ?? null) : null,
          referredTo: change.to === "referred_elsewhere" ? (change.referredTo ?? null) : null,
        });
        await store.insertEvent(tx, {
          leadId: id,
          fromStage: from,
          toStage: change.to,
          note: change.note ?? null,
          actorUserId: actor.user.id,
          at,
        });
        await appendAudit(
          tx,
          context,
          {
            action: "admissions.stage_change",
            resourceType: "admission_lead",
            resourceId: id,
            purpose: "treatment",
            details: { from, to: change.to },
          },
          at,
        );
      });
      return this.detail(actor, id);
    },

    /**
     * Record a screening: the program's rule suggests a level from the ratings; the clinician's
     * recommendation and the level provided are theirs. A scheduled screening moves the lead to
     * "screened"; a screened lead may be screened again.
     */
    async recordScreening(actor: Actor, id: string, input: ScreeningInput, context: AuditContext) {
      const problems = checkScreening(input);
      if (problems.length > 0) throw new DomainError("VALIDATION_FAILED", problems[0]!.message, problems);
      const at = now();
      await db.transaction(async (tx) => {
        const found = await loadVisible(actor, id, true, tx);
        const from = found.lead.stage as PipelineStage;
        if (from !== "screening_scheduled" && from !== "screened") {
          throw new DomainError(
            "ADMISSIONS_TRANSITION_NOT_ALLOWED",
            "Schedule the screening first (stage “screening scheduled”).",
            "to",
          );
        }
        const rule = await readLevelRule(tx, input.edition as AsamEdition);
        const suggestion = suggestLevelOfCare(input.ratings, rule);
        await store.insertScreening(tx, {
          leadId: id,
          edition: input.edition,
          eligibility: JSON.stringify(input.eligibility),
          ratings: input.ratings,
          justifications: input.justifications,
          suggestedLevel: suggestion.level,
          suggestionDrivenBy: suggestion.drivenBy,
          recommendedLevel: input.recommendedLevel,
          providedLevel: input.providedLevel,
          differenceReason: input.recommendedLevel === input.providedLevel ? null : input.differenceReason,
          differenceNote: input.differenceNote,
          screenedBy: actor.user.id,
          screenedAt: at,
        });
        if (from === "screening_scheduled") {
          await store.update(tx, id, { stage: "screened", stageChangedAt: at });
          await store.insertEvent(tx, {
            leadId: id,
            fromStage: from,
            toStage: "screened",
            note: null,
            actorUserId: actor.user.id,
            at,
          });
        }
        await appendAudit(
          tx,
          context,
          {
            action: "admissions.screening_record",
            resourceType: "admission_lead",
            resourceId: id,
            purpose: "treatment",
            details: {
              edition: input.edition,
              suggested: suggestion.level,
              recommended: input.recommendedLevel,
              provided: input.providedLevel,
            },
          },
          at,
        );
      });
      return this.detail(actor, id);
    },

    /**
     * Admit in one sitting: the participant, the episode of care (level from the screening unless
     * changed), the diagnoses, the care team (the primary counselor and anyone chosen with them),
     * and the lead closed as admitted — all in one transaction. Possible duplicates (same name and date of birth) are
     * refused until the staff member confirms it is a different person.
     */
    async admit(actor: Actor, id: string, input: AdmissionInput, context: AuditContext) {
      const at = now();
      return db.transaction(async (tx) => {
        const found = await loadVisible(actor, id, true, tx);
        const lead = found.lead;
        const stageProblem = checkStageChange(lead.stage as PipelineStage, { to: "admitted" }, true);
        if (stageProblem) {
          throw new DomainError(
            stageProblem.code,
            stageProblem.code === "ADMISSIONS_TRANSITION_NOT_ALLOWED"
              ? "Screen the person before admitting them."
              : undefined,
            "to",
          );
        }
        const problems = checkAdmission(input, {
          today: today(),
          firstContactOn: lead.createdAt.toISOString().slice(0, 10),
          levels: (await readAdmissionSettings(tx)).offeredLevels,
        });
        if (problems.length > 0) throw new DomainError("VALIDATION_FAILED", problems[0]!.message, problems);
        if (!(await store.isActiveStaffAtSite(tx, input.primaryCounselorId, lead.siteId))) {
          throw new DomainError(
            "VALIDATION_FAILED",
            "Choose a counselor who works at this site.",
            "primaryCounselorId",
          );
        }
        for (const [i, member] of input.careTeam.entries()) {
          if (!(await store.isActiveStaffAtSite(tx, member.userId, lead.siteId))) {
            throw new DomainError(
              "VALIDATION_FAILED",
              "Choose a staff member who works at this site.",
              `careTeam.${i}.userId`,
            );
          }
        }
        if (input.trackId && !(await store.findTrackAtSite(tx, input.trackId, lead.siteId))) {
          throw new DomainError("VALIDATION_FAILED", "Choose a track at this site.", "trackId");
        }
        const details = {
          givenName: input.legalGivenName,
          familyName: input.legalFamilyName,
          preferredName: input.preferredName,
          pronouns: input.pronouns,
          bornOn: input.bornOn,
          preferredLanguage: input.preferredLanguage,
          phone: input.phone,
          email: input.email,
          address: input.address,
          emergencyContactName: input.emergencyContactName,
          emergencyContactPhone: input.emergencyContactPhone,
          insurancePayer: input.insurancePayer,
          insuranceMemberId: input.insuranceMemberId,
        };
        let participantId: string;
        // Re-admission (issue 11): the new episode follows the latest discharged one.
        let previousEpisodeId: string | null = null;
        if (input.readmitParticipantId) {
          // Readmission: a new episode on the existing record; the earlier episodes stay as they are.
          const existing = await store.findParticipantForReadmission(tx, input.readmitParticipantId);
          if (!existing || !actor.access.siteIds.includes(existing.site_id)) {
            throw new DomainError(
              "VALIDATION_FAILED",
              "Choose the person to readmit from the list of possible matches.",
              "readmitParticipantId",
            );
          }
          const problem = checkReadmission(input.admittedOn, {
            openSince: existing.open_since,
            lastDischargedOn: existing.last_discharged_on,
            sameSite: existing.site_id === lead.siteId,
          });
          if (problem) throw new DomainError(problem.code, problem.message, problem.path);
          participantId = existing.id;
          previousEpisodeId = await store.findLatestDischargedEpisodeId(tx, participantId);
          await store.updateParticipant(tx, participantId, details);
        } else {
          if (!input.confirmNotDuplicate) {
            const duplicates = await store.findPossibleDuplicates(
              tx,
              input.legalGivenName,
              input.legalFamilyName,
              input.bornOn,
            );
            if (duplicates.length > 0) {
              // Only people at the actor's own sites are named; others are only counted in the message.
              const visible: PossibleDuplicate[] = duplicates
                .filter((d) => actor.access.siteIds.includes(d.site_id))
                .map((d) => ({
                  participantId: d.id,
                  name: d.name,
                  bornOn: d.born_on,
                  siteName: d.site_name,
                  openSince: d.open_since,
                  lastDischargedOn: d.last_discharged_on,
                  episodes: d.episodes,
                  sameSite: d.site_id === lead.siteId,
                }));
              throw new DomainError(
                "ADMISSIONS_POSSIBLE_DUPLICATE",
                visible.length > 0
                  ? "Someone with this name and date of birth is already in Bridgeway. Readmit them, open their record, or confirm this is a different person."
                  : undefined,
                "legalFamilyName",
                { duplicates: visible },
              );
            }
          }
          participantId = await store.insertParticipant(tx, { siteId: lead.siteId, ...details });
        }
        const episodeId = await store.insertEpisode(tx, {
          participantId,
          siteId: lead.siteId,
          trackId: input.trackId,
          primaryCounselorId: input.primaryCounselorId,
          levelOfCare: input.levelOfCare,
          admittedOn: input.admittedOn,
          referralLeadId: lead.id,
          previousEpisodeId,
        });
        if (input.readmitParticipantId) {
          await afterReadmission(tx, { participantId, episodeId, previousEpisodeId }, at);
        }
        // The track's place: joined on the admission date, or waitlisted when the track is full.
        const trackPlacement = input.trackId
          ? await placeAdmittedEpisode(
              tx,
              {
                participantId,
                episodeId,
                trackId: input.trackId,
                admittedOn: input.admittedOn,
                actorUserId: actor.user.id,
              },
              context,
              at,
            )
          : null;
        await store.insertDiagnoses(
          tx,
          input.diagnoses.map((d) => {
            const code = findIcdCode(d.code)!;
            return {
              participantId,
              episodeId,
              code: code.code,
              title: code.title,
              isPrimary: d.primary,
              recordedBy: actor.user.id,
              recordedAt: at,
            };
          }),
        );
        await store.setPrimaryCounselor(tx, participantId, input.primaryCounselorId, at);
        await store.addCareTeamMembers(tx, participantId, input.careTeam, at);
        await store.update(tx, id, { stage: "admitted", stageChangedAt: at, participantId });
        await store.insertEvent(tx, {
          leadId: id,
          fromStage: lead.stage,
          toStage: "admitted",
          note: null,
          actorUserId: actor.user.id,
          at,
        });
        await appendAudit(
          tx,
          context,
          {
            action: "admissions.admit",
            resourceType: "participant",
            resourceId: participantId,
            participantId,
            purpose: "treatment",
            details: {
              episodeId,
              leadId: id,
              levelOfCare: input.levelOfCare,
              readmission: input.readmitParticipantId !== null,
              careTeam: input.careTeam.length + 1,
            },
          },
          at,
        );
        return { participantId, episodeId, trackPlacement };
      });
    },

    levelRules: () => readLevelRules(db),

    async setLevelRule(rule: LevelSuggestionRule, context: AuditContext) {
      const at = now();
      await db.transaction(async (tx) => {
        await writeLevelRule(tx, rule, at);
        await appendAudit(
          tx,
          context,
          {
            action: "settings.level_rule_update",
            resourceType: "settings",
            purpose: "operations",
            details: { edition: rule.edition, levels: rule.byHighestRating.join(" ") },
          },
          at,
        );
      });
      return readLevelRules(db);
    },

    async update(
      actor: Actor,
      id: string,
      change: {
        ownerUserId?: string | null | undefined;
        nextAction?: string | null | undefined;
        nextActionDueOn?: string | null | undefined;
      },
      context: AuditContext,
    ) {
      const at = now();
      await db.transaction(async (tx) => {
        const found = await loadVisible(actor, id, true, tx);
        if (
          change.ownerUserId &&
          !(await store.isActiveStaffAtSite(tx, change.ownerUserId, found.lead.siteId))
        ) {
          throw new DomainError("VALIDATION_FAILED", "Choose someone who works at this site.", "ownerUserId");
        }
        await store.update(tx, id, {
          ...(change.ownerUserId !== undefined ? { ownerUserId: change.ownerUserId } : {}),
          ...(change.nextAction !== undefined ? { nextAction: change.nextAction || null } : {}),
          ...(change.nextActionDueOn !== undefined ? { nextActionDueOn: change.nextActionDueOn } : {}),
        });
        await appendAudit(
          tx,
          context,
          {
            action: "admissions.lead_update",
            resourceType: "admission_lead",
            resourceId: id,
            purpose: "treatment",
          },
          at,
        );
      });
      return this.detail(actor, id);
    },
  };
}
export type AdmissionsService = ReturnType<typeof createAdmissionsService>;
