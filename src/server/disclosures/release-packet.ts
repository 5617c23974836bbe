import { shortNameOf } from "../../core/assessments/short-names";
import type { InformationScope } from "../../core/consents/consent.schema";
import { type ReleaseCategory, summarizeAttendance } from "../../core/disclosures/release.rules";
import type { PlanContent } from "../../core/treatment-plans/plan.schema";
import { listResponses } from "../assessments/assessments.sql";
import { listMarksOfParticipant } from "../attendance/attendance.sql";
import type { Queryable } from "../db/connection";
import { listDiagnoses, listEpisodes } from "../participants/participants.sql";
import { findPlanOfParticipant, findVersionByStatus } from "../treatment-plans/plans.sql";

/**
 * What a record release holds, read from the record through the domains' own queries: the latest
 * episode's attendance and diagnoses, the current signed treatment plan, scored questionnaires, and a
 * progress summary built from them. A category the record holds nothing for stays empty (the packet
 * prints "None recorded"); nothing is ever made up.
 */

export interface PacketAttendance {
  sessions: { on: string; track: string; status: string; minutes: number }[];
  attended: number;
  missed: number;
  hours: number;
  ratePercent: number | null;
}

export interface PacketScore {
  instrument: string;
  instrumentKey: string;
  completedOn: string;
  total: number;
  band: string | null;
}

export interface PacketPlan {
  version: number;
  startsOn: string;
  content: PlanContent;
}

export interface ReleasePacket {
  categories: ReleaseCategory[];
  attendance: PacketAttendance | null;
  diagnoses: { code: string; title: string; primary: boolean }[] | null;
  plan: PacketPlan | null;
  scores: PacketScore[] | null;
}

const wants = (categories: readonly InformationScope[], ...which: InformationScope[]) =>
  which.some((w) => categories.includes(w));

export async function readReleasePacket(
  q: Queryable,
  participantId: string,
  categories: readonly ReleaseCategory[],
  today: string,
): Promise<ReleasePacket> {
  const [episode] = await listEpisodes(q, participantId);
  let attendance: PacketAttendance | null = null;
  if (episode && wants(categories, "attendance", "progress_summary")) {
    const to = episode.discharged_on && episode.discharged_on < today ? episode.discharged_on : today;
    const marks = await listMarksOfParticipant(q, participantId, episode.admitted_on, to);
    const sorted = [...marks].sort((a, b) => a.occurred_on.localeCompare(b.occurred_on));
    const summary = summarizeAttendance(
      sorted.map((m) => ({
        occurredOn: m.occurred_on,
        status: m.status,
        minutesAttended: m.minutes_attended,
      })),
    );
    attendance = {
      sessions: sorted.map((m) => ({
        on: m.occurred_on,
        track: m.track_name,
        status: m.status,
        minutes: m.minutes_attended,
      })),
      ...summary,
    };
  }
  const diagnoses = wants(categories, "diagnosis")
    ? (await listDiagnoses(q, participantId)).map((d) => ({
        code: d.code,
        title: d.title,
        primary: d.is_primary,
      }))
    : null;
  let plan: PacketPlan | null = null;
  if (wants(categories, "treatment_plan", "progress_summary")) {
    const found = await findPlanOfParticipant(q, participantId);
    const version = found ? await findVersionByStatus(q, found.id, ["signed"]) : undefined;
    if (version) {
      plan = { version: version.number, startsOn: version.startsOn, content: version.content as PlanContent };
    }
  }
  const scores = wants(categories, "assessment_scores", "progress_summary")
    ? (await listResponses(q, participantId))
        .filter((r) => r.scored && r.total !== null)
        .map((r) => ({
          instrument: shortNameOf(r.instrumentKey),
          instrumentKey: r.instrumentKey,
          completedOn: r.completedOn,
          total: r.total!,
          band: r.band,
        }))
    : null;
  return { categories: [...categories], attendance, diagnoses, plan, scores };
}
