import type { Track } from "../../../core/schedule/tracks.schema";

/**
 * A track's places for someone joining now, from the tracks list (places taken today). The server
 * decides on the join date itself; this is what the picker shows before asking.
 */
export function freePlaces(track: Pick<Track, "capacity" | "enrolledCount">): number {
  return Math.max(0, track.capacity - track.enrolledCount);
}

/** No free place, or people already waiting (a newcomer queues behind them). */
export function isFull(track: Pick<Track, "capacity" | "enrolledCount" | "waitlistCount">): boolean {
  return freePlaces(track) === 0 || track.waitlistCount > 0;
}

/** Tracks someone at `siteId` may join on `on`: at their site and not ended by then, by name. */
export function joinableTracks(tracks: readonly Track[], siteId: string, on: string): Track[] {
  return tracks
    .filter((t) => t.siteId === siteId && (t.endsOn === null || t.endsOn >= on))
    .sort((a, b) => a.name.localeCompare(b.name));
}
