import { findInstrumentByKey } from "../../core/assessments/registry";
import { shortNameOf } from "../../core/assessments/short-names";
import type { Part2StatementKind } from "../../core/consents/statements";
import {
  ATTENDANCE_WEEKS,
  goalsForFamily,
  summarizeAttendance,
  visibleFamilyScopes,
} from "../../core/family-portal/family-portal.rules";
import {
  FAMILY_VIEWS,
  type FamilyAttendance,
  type FamilyGoals,
  type FamilyPeople,
  type FamilyPerson,
  type FamilyProgress,
  type FamilySchedule,
  type FamilyScores,
  type FamilyView,
} from "../../core/family-portal/family-portal.schema";
import { addDays } from "../../core/platform/dates";
import { DomainError } from "../../core/platform/errors";
import { computeDaysInRecovery } from "../../core/sobriety/sobriety.rules";
import { localDateIn } from "../../core/treatment-plans/review-due.rules";
import * as attendanceStore from "../attendance/attendance.sql";
import { collectSessions } from "../attendance/week-sessions";
import { type AuditContext, recordAudit } from "../audit/audit.service";
import { findParticipantDisclosureFacts, listConsentFacts } from "../consents/consent-facts.sql";
import type { Database, Transaction } from "../db/connection";
import {
  type DiscloseRequest,
  type DiscloseRequestWithoutPayload,
  type Disclosure,
  DisclosureRefused,
  discloseWithin,
} from "../disclosures/disclose";
import type { Actor } from "../identity/auth.service";
import { weekAppointmentsOf } from "../schedule/appointment-weeks";
import { listOfParticipantBetween } from "../schedule/appointments.sql";
import { contentOf } from "../treatment-plans/plan-views";
import { findPlanOfParticipant, findVersionByStatus } from "../treatment-plans/plans.sql";
import * as store from "./family-portal.sql";

/** Why each view is disclosed, in words for the disclosure log. */
const PURPOSES: Record<FamilyView | "people", string> = {
  people: "Family portal: the people this family member supports",
  schedule: "Family portal: family session schedule",
  attendance: "Family portal: attendance summary",
  progress: "Family portal: progress the participant chose to share",
  goals: "Family portal: treatment goals in plain words",
  scores: "Family portal: questionnaire scores",
};

type ViewResult = {
  schedule: Omit<FamilySchedule, "statement" | "scopeSummary">;
  attendance: Omit<FamilyAttendance, "statement" | "scopeSummary">;
  progress: Omit<FamilyProgress, "statement" | "scopeSummary">;
  goals: Omit<FamilyGoals, "statement" | "scopeSummary">;
  scores: Omit<FamilyScores, "statement" | "scopeSummary">;
};
type ViewResponse<V extends FamilyView> = ViewResult[V] & {
  statement: { kind: Part2StatementKind; text: string };
  scopeSummary: string;
};

interface ReadContext {
  participantId: string;
  familyUserId: string;
  at: Date;
  /** Today in the participant's site's time zone. */
  today: string;
}

/** What each view reads: only the slice of the record its category allows. */
const READERS: { [V in FamilyView]: (tx: Transaction, c: ReadContext) => Promise<ViewResult[V]> } = {
  async schedule(tx, c) {
    const rows = await store.listUpcomingFamilySessions(tx, c.participantId, c.at);
    return {
      sessions: rows.map((r) => ({
        id: r.id,
        startsAt: r.starts_at,
        endsAt: r.ends_at,
        timeZone: r.time_zone,
        telehealth: r.telehealth,
        place: r.telehealth ? "" : (r.room_name ?? r.location),
        videoLink: r.telehealth ? r.location : "",
        withWhom: r.staff_name,
        includesYou: r.family_attendees.some((a) => a.userId === c.familyUserId),
      })),
    };
  },
  async attendance(tx, c) {
    const from = addDays(c.today, -(ATTENDANCE_WEEKS * 7 - 1));
    const enrollments = await attendanceStore.listEnrollmentsOfParticipant(
      tx,
      c.participantId,
      from,
      c.today,
    );
    const marks = await attendanceStore.listMarksOfParticipant(tx, c.participantId, from, c.today);
    const exceptions = await attendanceStore.listExceptionsByTracks(tx, [
      ...new Set(enrollments.map((e) => e.id)),
    ]);
    const groups = collectSessions({ enrollments, exceptions, marks }, from, c.today);
    const appointments = weekAppointmentsOf(
      await listOfParticipantBetween(tx, c.participantId, from, c.today),
    );
    return summarizeAttendance([...groups, ...appointments], c.today);
  },
  async progress(tx, c) {
    const updates = await store.listSharedUpdates(tx, c.participantId);
    const sobrietyOn = await store.findSobrietyOn(tx, c.participantId);
    return {
      updates: updates.map((u) => ({ id: u.id, body: u.body, createdAt: u.created_at })),
      daysInRecovery: computeDaysInRecovery(sobrietyOn, c.today),
    };
  },
  async goals(tx, c) {
    const plan = await findPlanOfParticipant(tx, c.participantId);
    const signed = plan ? await findVersionByStatus(tx, plan.id, ["signed"]) : undefined;
    return { goals: signed ? goalsForFamily(contentOf(signed)) : [] };
  },
  async scores(tx, c) {
    const rows = await store.listScoredTotals(tx, c.participantId);
    return {
      scores: rows.flatMap((r) => {
        const instrument = findInstrumentByKey(r.instrument_key);
        if (!instrument?.totalRange) return [];
        return [
          {
            instrumentKey: r.instrument_key,
            shortName: shortNameOf(r.instrument_key),
            completedOn: r.completed_on,
            total: r.total,
            min: instrument.totalRange.min,
            max: instrument.totalRange.max,
            direction: instrument.direction,
          },
        ];
      }),
    };
  },
};

/** A family-portal disclosure under the consent naming this family member, who is also the one viewing. */
function familyDisclosure(
  participantId: string,
  purpose: string,
  information: DiscloseRequest["information"],
  familyUserId: string,
  consent: { consentId: string; recipientId: string },
  at: Date,
): DiscloseRequestWithoutPayload {
  const request: Omit<Extract<DiscloseRequest, { basis: "consent" }>, "payload"> = {
    participantId,
    channel: "family_portal",
    purpose,
    information,
    disclosedBy: familyUserId,
    basis: "consent",
    consentId: consent.consentId,
    recipientId: consent.recipientId,
    recipientUserId: familyUserId,
    at,
  };
  return request;
}

const noticeOf = (disclosure: Disclosure) => ({
  statement: { kind: disclosure.statement.kind as Part2StatementKind, text: disclosure.statement.text },
  scopeSummary: disclosure.scopeSummary,
});

/**
 * The family portal: what a family member sees of the people they support. A family account reaches a
 * participant only through its link's consent recipient, and every view is a disclosure through
 * `discloseWithin` (channel family_portal, the family member as recipient and as the one who
 * viewed): the consent is checked on every request, so a revocation, an expiry or an agreed
 * restriction takes effect on the next page load. A refusal says only that access has ended.
 */
export function createFamilyPortalService(deps: { db: Database; now: () => Date }) {
  const { db, now } = deps;

  async function refuse(
    context: AuditContext,
    reason: string,
    participantId: string | null,
    error: DomainError,
  ): Promise<never> {
    await recordAudit(
      db,
      context,
      {
        action: "family_portal.view",
        resourceType: "family_portal",
        resourceId: participantId,
        participantId,
        purpose: "disclosure",
        outcome: "denied",
        details: { reason },
      },
      now(),
    );
    throw error;
  }

  async function familyUserOf(actor: Actor, context: AuditContext): Promise<string> {
    if (actor.user.kind === "family") return actor.user.id;
    return refuse(
      context,
      "not_family",
      null,
      new DomainError("AUTH_FORBIDDEN", "Only a family member's account has these pages."),
    );
  }

  /** A link whose consent names this account (or no account yet): the consent is then checked by `disclose`. */
  const consentOf = (link: store.FamilyLinkRow, userId: string) =>
    link.consent_recipient_id &&
    link.consent_id &&
    (!link.recipient_user_id || link.recipient_user_id === userId)
      ? { consentId: link.consent_id, recipientId: link.consent_recipient_id }
      : null;

  return {
    /**
     * The people this family member supports whose consent is in force now (the fact of being a
     * participant is itself disclosed: one logged disclosure with no categories per person), and a
     * count of those who no longer share, with nothing about them.
     */
    async listPeople(actor: Actor, context: AuditContext): Promise<FamilyPeople> {
      const userId = await familyUserOf(actor, context);
      const links = await store.listLinksOfUser(db, userId);
      const people: FamilyPerson[] = [];
      let noLongerShared = 0;
      for (const link of links) {
        const consent = consentOf(link, userId);
        if (!consent) continue;
        const at = now();
        try {
          const { result, disclosure } = await discloseWithin(
            db,
            context,
            familyDisclosure(link.participant_id, PURPOSES.people, [], userId, consent, at),
            async (tx) => {
              const [facts] = await listConsentFacts(tx, [consent.consentId]);
              const participant = await findParticipantDisclosureFacts(tx, link.participant_id);
              return {
                participantId: link.participant_id,
                name: link.first_name,
                relationship: link.recipient_relationship || link.link_relationship,
                scopes: visibleFamilyScopes(
                  facts?.informationScope ?? [],
                  participant?.restrictedScopes ?? [],
                ),
                expiresOn: facts?.expiresOn ?? null,
                expiryEvent: facts?.expiresOn ? null : (facts?.expiryEvent ?? null),
              };
            },
          );
          people.push({ ...result, ...noticeOf(disclosure) });
        } catch (error) {
          if (!(error instanceof DisclosureRefused)) throw error;
          noLongerShared += 1;
        }
      }
      return { people, noLongerShared };
    },

    /** One view of one person, disclosed under the consent naming this family member (403 when it no longer allows it). */
    async view<V extends FamilyView>(
      actor: Actor,
      participantId: string,
      view: V,
      context: AuditContext,
    ): Promise<ViewResponse<V>> {
      const userId = await familyUserOf(actor, context);
      const link = await store.findLink(db, userId, participantId);
      if (!link) return refuse(context, "not_linked", null, new DomainError("NOT_FOUND", "No such person."));
      const consent = consentOf(link, userId);
      if (!consent)
        return refuse(context, "no_consent", participantId, new DomainError("FAMILY_ACCESS_ENDED"));
      const at = now();
      const read = READERS[view] as (tx: Transaction, c: ReadContext) => Promise<ViewResult[V]>;
      try {
        const { result, disclosure } = await discloseWithin(
          db,
          context,
          familyDisclosure(participantId, PURPOSES[view], [FAMILY_VIEWS[view]], userId, consent, at),
          (tx) =>
            read(tx, { participantId, familyUserId: userId, at, today: localDateIn(at, link.time_zone) }),
        );
        return { ...result, ...noticeOf(disclosure) };
      } catch (error) {
        if (error instanceof DisclosureRefused) throw new DomainError("FAMILY_ACCESS_ENDED");
        throw error;
      }
    },
  };
}

export type FamilyPortalService = ReturnType<typeof createFamilyPortalService>;
