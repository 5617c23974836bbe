import { addDays, daysBetween } from "./dates";
import type { Random } from "./random";

/** How a participant's days between sessions go, for demo check-ins. */
export const TRAJECTORIES = ["improving", "steady", "lapse_and_return", "struggling", "fading"] as const;
export type Trajectory = (typeof TRAJECTORIES)[number];

export interface DemoCheckIn {
  on: string;
  mood: number;
  craving: number;
  sleepHours: number;
  anyUse: boolean;
}

const clamp = (value: number) => Math.max(0, Math.min(10, Math.round(value)));

/**
 * Daily check-ins from `from` to `to` (inclusive) following a trajectory. Days are skipped as
 * people really skip them; a fading participant checks in less and less before leaving.
 */
export function planCheckIns(
  random: Random,
  trajectory: Trajectory,
  from: string,
  to: string,
  meanRate = 0.78,
): DemoCheckIn[] {
  const length = daysBetween(from, to) + 1;
  if (length <= 0) return [];
  const baseRate = random.around(meanRate, 0.08, 0.05, 0.95);
  const lapseDay =
    trajectory === "lapse_and_return" ? random.int(Math.floor(length * 0.3), Math.floor(length * 0.7)) : -1;
  const startMood = random.around(4, 1, 2, 6);
  const startCraving = random.around(7, 1, 4, 9);
  const result: DemoCheckIn[] = [];
  for (let day = 0; day < length; day++) {
    const progress = length === 1 ? 0 : day / (length - 1);
    const rate = trajectory === "fading" ? baseRate * (1 - 0.8 * progress) : baseRate;
    const sinceLapse = lapseDay >= 0 ? day - lapseDay : -1;
    if (!random.chance(rate) && sinceLapse !== 0) continue;
    let mood: number;
    let craving: number;
    let anyUse = false;
    switch (trajectory) {
      case "improving":
        mood = startMood + 3.5 * progress;
        craving = startCraving - 4.5 * progress;
        break;
      case "steady":
        mood = startMood + 1.5;
        craving = startCraving - 2;
        break;
      case "lapse_and_return":
        mood = startMood + 3 * progress - (sinceLapse >= 0 && sinceLapse < 5 ? 3 - sinceLapse * 0.5 : 0);
        craving = startCraving - 4 * progress + (sinceLapse >= -3 && sinceLapse < 4 ? 3 : 0);
        anyUse = sinceLapse === 0 || (sinceLapse === 1 && random.chance(0.5));
        break;
      case "struggling":
        mood = startMood - 0.5;
        craving = startCraving;
        anyUse = random.chance(0.07);
        break;
      case "fading":
        mood = startMood + 1 - 2 * progress;
        craving = startCraving - 1 + 2 * progress;
        anyUse = random.chance(0.04 + 0.1 * progress);
        break;
    }
    const jitter = () => random.around(0, 0.8, -2, 2);
    result.push({
      on: addDays(from, day),
      mood: clamp(mood + jitter()),
      craving: clamp(craving + jitter()),
      sleepHours: Math.round(random.around(5.2 + mood * 0.25, 0.6, 3, 10) * 2) / 2,
      anyUse,
    });
  }
  return result;
}
