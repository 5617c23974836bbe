import type { AuditOutcome, AuditPurpose } from "../audit/audit.schema";
import { createRandom } from "./random";

/**
 * A realistic audit history for the demo: two weeks of staff signing in, care-team members
 * opening their participants' records, the director reviewing the list, one break-the-glass
 * access (with the denied attempt before it) and a few failed sign-ins. Pure and deterministic.
 */

export interface HistoryParticipant {
  id: string;
  siteId: string;
  primaryCounselorId: string | null;
  prescriberId: string | null;
}

export interface HistoryStaff {
  id: string;
  roles: readonly string[];
  siteIds: readonly string[];
}

export interface PlannedAuditEvent {
  occurredAt: Date;
  actorUserId: string | null;
  actorKind: "staff" | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  participantId: string | null;
  purpose: AuditPurpose;
  outcome: AuditOutcome;
  ipAddress: string;
  userAgent: string;
  details: Record<string, string | number | boolean | null> | null;
}

export interface PlannedBreakGlass {
  userId: string;
  participantId: string;
  siteId: string;
  reason: string;
  grantedAt: Date;
  expiresAt: Date;
}

const AGENTS = [
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
];

const DAY = 86_400_000;

export function planAuditHistory(input: {
  seed: number;
  now: Date;
  days: number;
  staff: readonly HistoryStaff[];
  participants: readonly HistoryParticipant[];
  /** The staff member who breaks the glass once (the demo counselor). */
  breakGlassBy: string | undefined;
}): { events: PlannedAuditEvent[]; breakGlass: PlannedBreakGlass | undefined } {
  const random = createRandom(input.seed).fork("audit-history");
  const events: PlannedAuditEvent[] = [];
  const startOfToday = Math.floor(input.now.getTime() / DAY) * DAY;
  const deviceOf = new Map(
    input.staff.map((s, i) => [
      s.id,
      { ip: `10.40.${i % 250}.${10 + (i % 200)}`, agent: AGENTS[i % AGENTS.length]! },
    ]),
  );
  const event = (
    at: number,
    actor: string | null,
    action: string,
    resourceType: string,
    participantId: string | null,
    purpose: AuditPurpose,
    outcome: AuditOutcome = "allowed",
    details: PlannedAuditEvent["details"] = null,
  ) => {
    const device = (actor && deviceOf.get(actor)) || { ip: "203.0.113.77", agent: AGENTS[0]! };
    events.push({
      occurredAt: new Date(at),
      actorUserId: actor,
      actorKind: actor ? "staff" : null,
      action,
      resourceType,
      resourceId: participantId,
      participantId,
      purpose,
      outcome,
      ipAddress: device.ip,
      userAgent: device.agent,
      details,
    });
  };

  for (let d = input.days; d >= 1; d--) {
    const day = startOfToday - d * DAY;
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    // Morning sign-in (about 8–9 am US Central, i.e. 14:00 UTC) for most staff.
    for (const s of input.staff) {
      if (!random.chance(0.85)) continue;
      event(
        day + 14 * 3_600_000 + random.int(0, 3_600_000),
        s.id,
        "auth.sign_in",
        "session",
        null,
        "security",
        "allowed",
        { stage: "active" },
      );
    }
    for (const p of input.participants) {
      if (p.primaryCounselorId && random.chance(0.45)) {
        event(
          day + random.int(15, 22) * 3_600_000 + random.int(0, 3_599_000),
          p.primaryCounselorId,
          "participant.view",
          "participant",
          p.id,
          "treatment",
        );
      }
      if (p.prescriberId && random.chance(0.06)) {
        event(
          day + random.int(15, 22) * 3_600_000 + random.int(0, 3_599_000),
          p.prescriberId,
          "participant.view",
          "participant",
          p.id,
          "treatment",
        );
      }
    }
    for (const s of input.staff.filter(
      (x) => x.roles.includes("clinical_director") || x.roles.includes("front_desk"),
    )) {
      event(
        day + 15 * 3_600_000 + random.int(0, 3_600_000),
        s.id,
        "participant.list",
        "participant_list",
        null,
        "treatment",
      );
    }
    if (random.chance(0.3)) {
      event(
        day + random.int(0, 23) * 3_600_000,
        null,
        "auth.sign_in",
        "session",
        null,
        "security",
        "denied",
        { reason: "bad_credentials" },
      );
    }
  }

  let breakGlass: PlannedBreakGlass | undefined;
  const by = input.staff.find((s) => s.id === input.breakGlassBy);
  const target =
    by && input.participants.find((p) => by.siteIds.includes(p.siteId) && p.primaryCounselorId !== by.id);
  if (by && target) {
    const at = startOfToday - 2 * DAY + 23 * 3_600_000 + 12 * 60_000;
    const reason =
      "Covering the evening group: participant disclosed a lapse and their counselor is on leave.";
    event(at, by.id, "participant.view", "participant", target.id, "treatment", "denied", {
      reason: "not_care_team",
    });
    event(
      at + 40_000,
      by.id,
      "participant.break_glass",
      "participant",
      target.id,
      "break_the_glass",
      "allowed",
      { minutes: 60 },
    );
    event(at + 42_000, by.id, "participant.view", "participant", target.id, "break_the_glass");
    breakGlass = {
      userId: by.id,
      participantId: target.id,
      siteId: target.siteId,
      reason,
      grantedAt: new Date(at + 40_000),
      expiresAt: new Date(at + 40_000 + 3_600_000),
    };
  }
  events.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  return { events, breakGlass };
}
