import { addDays } from "../platform/dates";
import type { Random } from "./random";

/** How a participant's days between sessions go, for demo check-ins. */
export const TRAJECTORIES = ["improving", "steady", "lapse_and_return", "struggling", "fading"] as const;
export type Trajectory = (typeof TRAJECTORIES)[number];

/** Typical share of days with a check-in: people who struggle check in less. */
const CHECK_IN_RATE: Record<Trajectory, number> = {
  improving: 0.8,
  steady: 0.78,
  lapse_and_return: 0.74,
  struggling: 0.66,
  fading: 0.72,
};

/** The per-episode choices behind a run of daily check-ins; the days follow from it. */
export interface EpisodeShape {
  trajectory: Trajectory;
  /** Days in the window, first and last included. */
  days: number;
  /** Share of days with a check-in at the start of the episode. */
  rate: number;
  startMood: number;
  startCraving: number;
  /** Day of the lapse (lapse_and_return), otherwise -1. */
  lapseDay: number;
  /** Silent days before dropping out (fading), otherwise 0. */
  silentDays: number;
}

export interface DailyTrend {
  /** Chance of a check-in that day. */
  rate: number;
  mood: number;
  craving: number;
  /** Chance that the check-in reports use. */
  useChance: number;
}

export interface DemoCheckIn {
  on: string;
  mood: number;
  craving: number;
  sleepHours: number;
  anyUse: boolean;
}

export function shapeEpisode(random: Random, trajectory: Trajectory, days: number): EpisodeShape {
  const lapseDay =
    trajectory === "lapse_and_return" ? random.int(Math.floor(days * 0.3), Math.floor(days * 0.7)) : -1;
  const silentDays = trajectory === "fading" ? Math.min(random.int(5, 14), Math.floor(days / 3)) : 0;
  return {
    trajectory,
    days,
    rate: random.around(CHECK_IN_RATE[trajectory], 0.03, 0.6, 0.85),
    startMood: random.around(4, 1, 2, 6),
    startCraving: random.around(7, 1, 4, 9),
    lapseDay,
    silentDays,
  };
}

/** Expected mood, craving and chances on `day` (0-based) of an episode, before day-to-day noise. */
export function deriveDailyTrend(shape: EpisodeShape, day: number): DailyTrend {
  const progress = shape.days <= 1 ? 0 : day / (shape.days - 1);
  const mood = shape.startMood;
  const craving = shape.startCraving;
  switch (shape.trajectory) {
    case "improving":
      return {
        rate: shape.rate,
        mood: mood + 3.5 * progress,
        craving: craving - 4.5 * progress,
        useChance: 0,
      };
    case "steady":
      return { rate: shape.rate, mood: mood + 1.5, craving: craving - 2, useChance: 0 };
    case "lapse_and_return": {
      const since = day - shape.lapseDay;
      return {
        rate: since === 0 ? 1 : shape.rate,
        mood: mood + 3 * progress - (since >= 0 && since < 5 ? 3 - since * 0.5 : 0),
        craving: craving - 4 * progress + (since >= -3 && since < 4 ? 3 : 0),
        useChance: since === 0 ? 1 : since === 1 ? 0.5 : 0,
      };
    }
    case "struggling":
      return { rate: shape.rate, mood: mood - 0.5, craving, useChance: 0.07 };
    case "fading":
      return {
        rate: day >= shape.days - shape.silentDays ? 0 : shape.rate * (1 - 0.7 * progress),
        mood: mood + 1 - 2 * progress,
        craving: craving - 1 + 2 * progress,
        useChance: 0.04 + 0.1 * progress,
      };
  }
}

const clampScore = (value: number) => Math.max(0, Math.min(10, Math.round(value)));

/** Hours of sleep, to the half hour, loosely following mood. */
export const deriveSleepHours = (mood: number, noise: number) =>
  Math.round(Math.max(3, Math.min(10, 5.2 + mood * 0.25 + noise)) * 2) / 2;

/** Daily check-ins of an episode starting on `from`; days are skipped as people really skip them. */
export function planCheckIns(random: Random, shape: EpisodeShape, from: string): DemoCheckIn[] {
  const result: DemoCheckIn[] = [];
  for (let day = 0; day < shape.days; day++) {
    const trend = deriveDailyTrend(shape, day);
    if (!random.chance(trend.rate)) continue;
    result.push({
      on: addDays(from, day),
      mood: clampScore(trend.mood + random.around(0, 0.8, -2, 2)),
      craving: clampScore(trend.craving + random.around(0, 0.8, -2, 2)),
      sleepHours: deriveSleepHours(trend.mood, random.around(0, 0.6, -1.5, 1.5)),
      anyUse: random.chance(trend.useChance),
    });
  }
  return result;
}
