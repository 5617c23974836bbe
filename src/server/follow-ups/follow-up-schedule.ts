import { eq } from "drizzle-orm";
import { planFollowUps } from "../../core/follow-ups/follow-up.rules";
import type { Queryable } from "../db/connection";
import { participants } from "../db/schema";
import type { DischargedEpisode } from "../discharges/after-discharge";
import * as store from "./follow-ups.sql";

/**
 * Schedule the 30-, 90- and 180-day follow-up surveys of a discharge (none after a death), in the
 * discharge's transaction. Rows are created whether or not the person has an email address: the
 * sweep emails a survey when it falls due, and cancels it as `no_email` only then if there is still
 * no address (an address added in the meantime is used, and the chart shows staff which surveys
 * they may want to ask by phone). A death also withdraws any surveys of earlier episodes.
 */
export async function scheduleFollowUpSurveys(
  q: Queryable,
  discharged: DischargedEpisode,
  _at: Date,
): Promise<void> {
  if (discharged.reason === "died") {
    await store.cancelOpen(q, discharged.participantId, "died");
    return;
  }
  const [person] = await q
    .select({ language: participants.preferredLanguage })
    .from(participants)
    .where(eq(participants.id, discharged.participantId));
  await store.insertSurveys(
    q,
    planFollowUps(discharged.dischargedOn, discharged.reason).map((p) => ({
      participantId: discharged.participantId,
      episodeId: discharged.episodeId,
      siteId: discharged.siteId,
      wave: p.wave,
      dueOn: p.dueOn,
      closesOn: p.closesOn,
      status: "scheduled",
      language: person?.language ?? "en",
    })),
  );
}

/**
 * Withdraw the unanswered follow-ups of earlier episodes when the person is re-admitted: they are in
 * care again, and a survey link already emailed stops working (its page says the survey is closed).
 */
export async function cancelFollowUpsOnReadmission(
  q: Queryable,
  readmitted: { participantId: string; episodeId: string; previousEpisodeId: string | null },
  _at: Date,
): Promise<void> {
  await store.cancelOpen(q, readmitted.participantId, "readmitted", readmitted.episodeId);
}
