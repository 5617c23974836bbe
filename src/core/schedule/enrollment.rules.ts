import type { FieldError } from "../platform/errors";
import type { AUDIENCES } from "./tracks.schema";

/**
 * Rolling admission into a track: places taken on a date, whether a new place fits or goes to the
 * waitlist, the order of the waitlist, and the checks on placing, moving, ending a place and
 * admitting from the waitlist — each problem naming its field. Pure: dates are ISO calendar dates
 * ("2026-11-23") compared as text; "today" and the rows are the caller's.
 *
 * A place is taken from its join date up to its exit date: the place frees on the day the
 * participant leaves, so a move on a date swaps places on that same date.
 */

export type Audience = (typeof AUDIENCES)[number];

/** An enrolled stay in a track (a waitlisted one takes no place). */
export interface TakenPlace {
  joinedOn: string;
  exitedOn: string | null;
}

export function isPlaceTakenOn(place: TakenPlace, on: string): boolean {
  return place.joinedOn <= on && (place.exitedOn === null || place.exitedOn > on);
}

export function countPlacesTakenOn(places: readonly TakenPlace[], on: string): number {
  let taken = 0;
  for (const place of places) if (isPlaceTakenOn(place, on)) taken += 1;
  return taken;
}

/**
 * The date from `from` on with the most places taken, and how many: a place that starts later (a
 * planned join) counts from its date. Counts only rise on join dates, so those and `from` are the
 * only candidates; the earliest wins a tie.
 */
export function findBusiestDateFrom(
  places: readonly TakenPlace[],
  from: string,
): { on: string; taken: number } {
  const candidates = [from, ...places.map((p) => p.joinedOn).filter((d) => d > from)].sort();
  let busiest = { on: from, taken: countPlacesTakenOn(places, from) };
  for (const on of candidates) {
    const taken = countPlacesTakenOn(places, on);
    if (taken > busiest.taken) busiest = { on, taken };
  }
  return busiest;
}

/** A track's capacity, its enrolled places and how many people wait for one. */
export interface TrackLoad {
  capacity: number;
  places: readonly TakenPlace[];
  waiting: number;
}

export type PlacementDecision =
  | { kind: "enrolled" }
  | {
      kind: "full";
      /** The busiest date from the join date, and the places taken then. */
      busiestOn: string;
      taken: number;
      /** People already waiting, who come first (0 when admitting from the waitlist). */
      waiting: number;
    };

/**
 * Whether an open-ended place from `on` fits: it must fit on every later date too. Someone new
 * queues behind the people already waiting, even when a place is free; admitting from the waitlist
 * (`fromWaitlist`) is the staff's choice of who comes next, so only the places count.
 */
export function decidePlacement(
  load: TrackLoad,
  on: string,
  options: { fromWaitlist: boolean } = { fromWaitlist: false },
): PlacementDecision {
  const busiest = findBusiestDateFrom(load.places, on);
  const waiting = options.fromWaitlist ? 0 : load.waiting;
  if (busiest.taken + waiting < load.capacity) return { kind: "enrolled" };
  return { kind: "full", busiestOn: busiest.on, taken: busiest.taken, waiting };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Why a place from `on` does not fit, in words. */
export function describeFullTrack(
  track: { name: string; capacity: number },
  on: string,
  decision: Extract<PlacementDecision, { kind: "full" }>,
): string {
  if (decision.taken >= track.capacity) {
    const when =
      decision.busiestOn === on ? `on ${on}` : `from ${decision.busiestOn} (joins already planned)`;
    return `${track.name} is full ${when}: ${decision.taken} of ${plural(track.capacity, "place is", "places are")} taken.`;
  }
  const free = track.capacity - decision.taken;
  return `${track.name} has ${plural(free, "free place", "free places")} from ${on}, but ${plural(decision.waiting, "person is", "people are")} already waiting for a place.`;
}

/** The waitlist in order: first waitlisted first (ISO instants compare as text; ties by id). */
export function orderWaitlist<T extends { id: string; waitlistedAt: string }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) =>
    a.waitlistedAt !== b.waitlistedAt
      ? a.waitlistedAt < b.waitlistedAt
        ? -1
        : 1
      : a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0,
  );
}

/** The participant's episode of care, as far as placing them matters. */
export interface EpisodeFacts {
  siteId: string;
  admittedOn: string;
  dischargedOn: string | null;
}

/** A track, as far as placing someone in it matters. */
export interface TrackFacts {
  id: string;
  name: string;
  siteId: string;
  audience: Audience;
  startsOn: string;
  endsOn: string | null;
}

const AUDIENCE_WORDS: Record<Audience, string> = { adult: "adults", adolescent: "adolescents" };

/** The first problem per field, in the order found. */
function firstPerField(problems: readonly FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    if (seen.has(p.path)) return false;
    seen.add(p.path);
    return true;
  });
}

function dateInEpisode(episode: EpisodeFacts, on: string, path: string): FieldError[] {
  if (on < episode.admittedOn) {
    return [
      { path, message: `The participant was admitted on ${episode.admittedOn}; choose a date from then.` },
    ];
  }
  if (episode.dischargedOn !== null && on > episode.dischargedOn) {
    return [
      {
        path,
        message: `The participant was discharged on ${episode.dischargedOn}; choose a date up to then.`,
      },
    ];
  }
  return [];
}

function trackOpenOn(track: TrackFacts, on: string, path: string): FieldError[] {
  if (on < track.startsOn) {
    return [{ path, message: `${track.name} starts on ${track.startsOn}; choose a date from then.` }];
  }
  if (track.endsOn !== null && on > track.endsOn) {
    return [
      {
        path,
        message: `${track.name} runs until ${track.endsOn}; choose a date up to then, or another track.`,
      },
    ];
  }
  return [];
}

function notBeforeLastExit(lastExitOn: string | null, on: string, path: string): FieldError[] {
  if (lastExitOn !== null && on < lastExitOn) {
    return [
      { path, message: `The participant left their last track on ${lastExitOn}; choose a date from then.` },
    ];
  }
  return [];
}

/**
 * Placing an episode that has no open place in a track from `on`: a track of the episode's site,
 * for the audience it was placed for before (if any), open on that date, within the episode and
 * not before the episode last left a track.
 */
export function checkPlacement(input: {
  track: TrackFacts;
  episode: EpisodeFacts;
  on: string;
  /** The audience of the episode's track so far, if it had one. */
  audience: Audience | null;
  lastExitOn: string | null;
}): FieldError[] {
  const { track, episode, on, audience } = input;
  const problems: FieldError[] = [];
  if (track.siteId !== episode.siteId) {
    problems.push({ path: "trackId", message: "Choose a track at the participant's site." });
  } else if (audience !== null && track.audience !== audience) {
    problems.push({
      path: "trackId",
      message: `${track.name} is for ${AUDIENCE_WORDS[track.audience]}; choose a track for ${AUDIENCE_WORDS[audience]}.`,
    });
  }
  problems.push(
    ...dateInEpisode(episode, on, "joinOn"),
    ...notBeforeLastExit(input.lastExitOn, on, "joinOn"),
    ...trackOpenOn(track, on, "joinOn"),
  );
  return firstPerField(problems);
}

/** The open place a move or an exit starts from. */
export interface OpenPlace {
  status: "enrolled" | "waitlisted";
  joinedOn: string | null;
  track: TrackFacts;
}

/**
 * Moving the open place to `target` on `on`: another track at the same site, for the same age
 * group, open on that date; the date within the episode and not before the current join.
 */
export function checkMove(input: {
  current: OpenPlace;
  target: TrackFacts;
  episode: EpisodeFacts;
  on: string;
}): FieldError[] {
  const { current, target, episode, on } = input;
  const problems: FieldError[] = [];
  if (target.id === current.track.id) {
    problems.push({
      path: "trackId",
      message:
        current.status === "waitlisted"
          ? `The participant is already on the waitlist of ${target.name}; choose another track.`
          : `The participant is already in ${target.name}; choose another track.`,
    });
  } else if (target.siteId !== current.track.siteId || target.siteId !== episode.siteId) {
    problems.push({ path: "trackId", message: `Choose a track at the same site as ${current.track.name}.` });
  } else if (target.audience !== current.track.audience) {
    problems.push({
      path: "trackId",
      message: `${target.name} is for ${AUDIENCE_WORDS[target.audience]} and ${current.track.name} for ${AUDIENCE_WORDS[current.track.audience]}; choose a track for the same age group.`,
    });
  }
  if (current.joinedOn !== null && on < current.joinedOn) {
    problems.push({
      path: "on",
      message: `The participant joined ${current.track.name} on ${current.joinedOn}; the move cannot be earlier.`,
    });
  }
  problems.push(...dateInEpisode(episode, on, "on"), ...trackOpenOn(target, on, "on"));
  return firstPerField(problems);
}

/** Ending a place (or a place on the waitlist) on `on`: not before the join, within the episode. */
export function checkExit(input: { current: OpenPlace; episode: EpisodeFacts; on: string }): FieldError[] {
  const { current, episode, on } = input;
  const problems: FieldError[] = [];
  if (current.joinedOn !== null && on < current.joinedOn) {
    problems.push({
      path: "on",
      message: `The participant joined ${current.track.name} on ${current.joinedOn}; they cannot leave before.`,
    });
  }
  problems.push(...dateInEpisode(episode, on, "on"));
  return firstPerField(problems);
}

/** Giving a waitlisted participant a place from `on`: within the episode, the track open then. */
export function checkAdmitFromWaitlist(input: {
  track: TrackFacts;
  episode: EpisodeFacts;
  on: string;
  lastExitOn: string | null;
}): FieldError[] {
  const { track, episode, on } = input;
  return firstPerField([
    ...dateInEpisode(episode, on, "joinOn"),
    ...notBeforeLastExit(input.lastExitOn, on, "joinOn"),
    ...trackOpenOn(track, on, "joinOn"),
  ]);
}

/**
 * The date an admission joins its track: the admission date, or the track's first day when it
 * starts later. A track that ended before the admission is refused (field `trackId`).
 */
export function planAdmissionJoin(
  track: TrackFacts,
  admittedOn: string,
): { joinOn: string; problem: null } | { joinOn: null; problem: FieldError } {
  const joinOn = track.startsOn > admittedOn ? track.startsOn : admittedOn;
  if (track.endsOn !== null && joinOn > track.endsOn) {
    return {
      joinOn: null,
      problem: { path: "trackId", message: `${track.name} ran until ${track.endsOn}; choose another track.` },
    };
  }
  return { joinOn, problem: null };
}
