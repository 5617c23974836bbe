import { nextMembershipStatus } from "../../core/alumni/alumni.rules";
import { appendAudit, SYSTEM_CONTEXT } from "../audit/audit.service";
import type { Queryable, Transaction } from "../db/connection";
import type { DischargedEpisode } from "../discharges/after-discharge";
import { findMembership, setStatus, upsertMembership } from "./alumni.sql";

/**
 * Make the discharged person an alumnus (their membership follows their latest discharge). A death
 * enrols nobody; someone who left the alumni program stays out (only they can rejoin).
 * Runs in the discharge's transaction.
 */
export async function enrolInAlumni(q: Queryable, discharged: DischargedEpisode, at: Date): Promise<void> {
  if (discharged.reason === "died") return;
  const current = await findMembership(q, discharged.participantId);
  const status = nextMembershipStatus(current?.status ?? null, "discharged");
  if (status === "opted_out") return;
  await upsertMembership(q, {
    participantId: discharged.participantId,
    siteId: discharged.siteId,
    episodeId: discharged.episodeId,
    joinedOn: discharged.dischargedOn,
    status: "active",
    at,
  });
  await appendAudit(
    q as Transaction,
    SYSTEM_CONTEXT,
    {
      action: "alumni.enrol",
      resourceType: "alumni_membership",
      resourceId: discharged.participantId,
      participantId: discharged.participantId,
      purpose: "treatment",
      details: { episodeId: discharged.episodeId },
    },
    at,
  );
}

/** A re-admitted alumnus is in care again: the membership ends as `readmitted`. */
export async function markAlumniReadmitted(
  q: Queryable,
  readmitted: { participantId: string; episodeId: string; previousEpisodeId: string | null },
  at: Date,
): Promise<void> {
  const current = await findMembership(q, readmitted.participantId);
  if (!current || current.status === "readmitted") return;
  await setStatus(q, readmitted.participantId, { status: "readmitted", at });
  await appendAudit(
    q as Transaction,
    SYSTEM_CONTEXT,
    {
      action: "alumni.readmitted",
      resourceType: "alumni_membership",
      resourceId: readmitted.participantId,
      participantId: readmitted.participantId,
      purpose: "treatment",
      details: { episodeId: readmitted.episodeId },
    },
    at,
  );
}
