import type { OccurrenceStatus } from "../schedule/recurrence.rules";

/**
 * Which group sessions give a participant practice, which one is current, and how long each stays
 * open. Pure: the clock is a parameter.
 *
 * - A session gives practice when the participant attended it (present or late) and it was planned
 *   with a curriculum module.
 * - Practice is open — marked done, its reflection changed, or undone — until the next session of
 *   the same group starts (the facilitator reads the reflections before it). A cancelled session is
 *   no next session; with none scheduled, it stays open.
 * - The newest assignment is "current" while it is open; the others are earlier practice.
 */

export const ATTENDED_STATUSES = ["present", "late"] as const;

export function attendedForPractice(status: string): boolean {
  return (ATTENDED_STATUSES as readonly string[]).includes(status);
}

/** An occurrence of a group as the schedule expands it (a start instant unless its local time does not exist). */
export interface SessionTiming {
  key: string;
  date: string;
  startsAt: string | null;
  status: OccurrenceStatus;
}

const held = (o: SessionTiming): o is SessionTiming & { startsAt: string } =>
  o.status !== "cancelled" && o.startsAt !== null;

const byStart = (a: { startsAt: string }, b: { startsAt: string }) =>
  Date.parse(a.startsAt) - Date.parse(b.startsAt);

/** The group's first session held after the one named `key`, or null (unknown key, or none scheduled). */
export function nextSessionAfter(occurrences: readonly SessionTiming[], key: string): SessionTiming | null {
  const self = occurrences.find((o) => o.key === key);
  if (!self?.startsAt) return null;
  const starts = Date.parse(self.startsAt);
  return (
    occurrences
      .filter(held)
      .filter((o) => o.key !== key && Date.parse(o.startsAt) > starts)
      .sort(byStart)[0] ?? null
  );
}

/** The group's last session held before the one named `key`, or null (its first session). */
export function previousSessionBefore(
  occurrences: readonly SessionTiming[],
  key: string,
): SessionTiming | null {
  const self = occurrences.find((o) => o.key === key);
  if (!self?.startsAt) return null;
  const starts = Date.parse(self.startsAt);
  return (
    occurrences
      .filter(held)
      .filter((o) => o.key !== key && Date.parse(o.startsAt) < starts)
      .sort(byStart)
      .at(-1) ?? null
  );
}

/** Open until the next session starts; with none scheduled, open. */
export function practiceOpen(nextStartsAt: string | null, at: Date): boolean {
  return nextStartsAt === null || at.getTime() < Date.parse(nextStartsAt);
}

/** An attended session planned with a module, with when the group meets next. */
export interface PracticeSession {
  trackId: string;
  occurrenceKey: string;
  startsAt: string;
  moduleKey: string;
  nextStartsAt: string | null;
}

export type DerivedAssignment<S extends PracticeSession> = S & { current: boolean; open: boolean };

/** The assignments, newest first, at most `limit`; the newest is current while it is open. */
export function deriveAssignments<S extends PracticeSession>(
  sessions: readonly S[],
  at: Date,
  limit: number,
): DerivedAssignment<S>[] {
  return [...sessions]
    .sort((a, b) => byStart(b, a))
    .slice(0, limit)
    .map((s, index) => {
      const open = practiceOpen(s.nextStartsAt, at);
      return { ...s, open, current: index === 0 && open };
    });
}
