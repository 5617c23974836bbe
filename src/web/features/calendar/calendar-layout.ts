import type { CalendarEntry } from "../../../core/schedule/calendar.schema";

/**
 * Where sessions go on the week and day grids. Everything is in local wall-clock minutes of the
 * session's own zone ("18:00" → 1080): a session is drawn at the time it is held, whatever the
 * device's zone. Pure, so the grid's geometry is tested without a browser.
 */

/** Drags and clicks on the grid land on quarter hours. */
export const SNAP_MINUTES = 15;
/** One minute is one pixel: an hour is 60px tall. */
export const PIXELS_PER_MINUTE = 1;
/** The last moment a session may end (sessions never cross midnight; "24:00" is not a time). */
const LAST_END = 23 * 60 + 45;
const DEFAULT_HOURS = { start: 8 * 60, end: 18 * 60 };
const MIN_SPAN = 4 * 60;

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** "18:30" → 1110. */
export function minutesOf(time: string): number {
  const match = TIME.exec(time);
  if (!match) return Number.NaN;
  return Number(match[1]) * 60 + Number(match[2]);
}

/** 1110 → "18:30". */
export function timeOf(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

export function snap(minutes: number, step = SNAP_MINUTES): number {
  return Math.round(minutes / step) * step;
}

export interface GridHours {
  /** Minutes after midnight of the grid's first and last line, on the hour. */
  start: number;
  end: number;
}

/**
 * The hours a grid shows: from the hour before the earliest session to the hour after the latest
 * (room to drag a session earlier or later), at least four hours; 08:00–18:00 when there is none.
 */
export function gridHoursOf(entries: readonly Pick<CalendarEntry, "start" | "end">[]): GridHours {
  const starts = entries.map((e) => minutesOf(e.start)).filter(Number.isFinite);
  const ends = entries.map((e) => minutesOf(e.end)).filter(Number.isFinite);
  if (starts.length === 0 || ends.length === 0) return DEFAULT_HOURS;
  let start = Math.max(0, Math.floor(Math.min(...starts) / 60) * 60 - 60);
  let end = Math.min(24 * 60, Math.ceil(Math.max(...ends) / 60) * 60 + 60);
  if (end - start < MIN_SPAN) {
    end = Math.min(24 * 60, start + MIN_SPAN);
    start = Math.max(0, end - MIN_SPAN);
  }
  return { start, end };
}

/** The hour lines of a grid: 8:00, 9:00… up to (not including) its end. */
export function hourLines(hours: GridHours): number[] {
  const lines: number[] = [];
  for (let m = hours.start; m < hours.end; m += 60) lines.push(m);
  return lines;
}

export interface PlacedEntry<E> {
  entry: E;
  /** Pixels from the grid's top, and the block's height (at least a quarter hour, to stay readable). */
  top: number;
  height: number;
  /** Side by side with the sessions it overlaps: its lane, of `lanes`. */
  lane: number;
  lanes: number;
}

/**
 * One day's sessions as blocks: overlapping sessions share the width in lanes (a cluster of
 * sessions that overlap one another takes as many lanes as it needs at once).
 */
export function layoutDay<E extends Pick<CalendarEntry, "start" | "end" | "id">>(
  entries: readonly E[],
  hours: GridHours,
): PlacedEntry<E>[] {
  const sorted = [...entries]
    .filter((e) => Number.isFinite(minutesOf(e.start)) && Number.isFinite(minutesOf(e.end)))
    .sort(
      (a, b) =>
        minutesOf(a.start) - minutesOf(b.start) ||
        minutesOf(b.end) - minutesOf(a.end) ||
        a.id.localeCompare(b.id),
    );
  const placed: PlacedEntry<E>[] = [];
  let cluster: PlacedEntry<E>[] = [];
  let laneEnds: number[] = [];
  let clusterEnd = -1;
  const closeCluster = () => {
    for (const p of cluster) p.lanes = laneEnds.length;
    cluster = [];
    laneEnds = [];
  };
  for (const entry of sorted) {
    const from = minutesOf(entry.start);
    const to = Math.max(minutesOf(entry.end), from + SNAP_MINUTES);
    if (from >= clusterEnd) closeCluster();
    let lane = laneEnds.findIndex((end) => end <= from);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(to);
    } else {
      laneEnds[lane] = to;
    }
    clusterEnd = Math.max(clusterEnd, to);
    const block: PlacedEntry<E> = {
      entry,
      top: (from - hours.start) * PIXELS_PER_MINUTE,
      height: (to - from) * PIXELS_PER_MINUTE,
      lane,
      lanes: 1,
    };
    cluster.push(block);
    placed.push(block);
  }
  closeCluster();
  return placed;
}

/** The local time at `offsetY` pixels from the grid's top, on a quarter hour, within the grid. */
export function timeAtOffset(offsetY: number, hours: GridHours): number {
  const minutes = hours.start + snap(offsetY / PIXELS_PER_MINUTE);
  return Math.min(Math.max(minutes, hours.start), hours.end - SNAP_MINUTES);
}

export interface Slot {
  date: string;
  start: string;
  end: string;
}

/**
 * A session dragged by `deltaMinutes` (snapped to quarter hours) onto `date`: same length, kept
 * within the day (never before midnight, never ending after 23:45). Null when nothing changes.
 */
export function movedSlot(
  entry: Pick<CalendarEntry, "date" | "start" | "end">,
  deltaMinutes: number,
  date: string,
): Slot | null {
  const from = minutesOf(entry.start);
  const length = minutesOf(entry.end) - from;
  const start = Math.min(Math.max(from + snap(deltaMinutes), 0), LAST_END - length);
  if (start === from && date === entry.date) return null;
  return { date, start: timeOf(start), end: timeOf(start + length) };
}

/** A new session from a click on an empty part of the grid: an hour long, ending by 23:45. */
export function slotAt(date: string, minutes: number, length = 60): Slot {
  const start = Math.min(snap(minutes), LAST_END - length);
  return { date, start: timeOf(start), end: timeOf(start + length) };
}

/** An appointment that can be dragged: a scheduled individual or family session with a real time. */
export function isMovable(entry: CalendarEntry): boolean {
  return entry.appointment !== null && entry.status === "scheduled" && entry.problem === null;
}
