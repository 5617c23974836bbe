import { describe, expect, it } from "vitest";
import { addDays } from "../platform/dates";
import {
  deriveDailyTrend,
  planCheckIns,
  shapeEpisode,
  TRAJECTORIES,
  type Trajectory,
} from "./check-in-trajectories";
import { createRandom } from "./random";

const FROM = "2026-06-01";
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function episode(trajectory: Trajectory, days: number, seed = 5) {
  const random = createRandom(seed);
  const shape = shapeEpisode(random, trajectory, days);
  return { shape, checkIns: planCheckIns(random, shape, FROM) };
}

describe("planCheckIns", () => {
  it.each(TRAJECTORIES)("%s: scores 0–10, sleep 3–10 h, only on days of the episode", (trajectory) => {
    for (let seed = 0; seed < 20; seed++) {
      const { checkIns } = episode(trajectory, 70, seed);
      const last = addDays(FROM, 69);
      for (const c of checkIns) {
        expect(c.on >= FROM && c.on <= last).toBe(true);
        for (const score of [c.mood, c.craving]) {
          expect(Number.isInteger(score) && score >= 0 && score <= 10).toBe(true);
        }
        expect(c.sleepHours >= 3 && c.sleepHours <= 10 && (c.sleepHours * 2) % 1 === 0).toBe(true);
      }
      expect(new Set(checkIns.map((c) => c.on)).size).toBe(checkIns.length);
    }
  });

  it("checks in on about 60–85 % of days, fewer for people who drift away", () => {
    const share = (trajectory: Trajectory) =>
      mean(Array.from({ length: 30 }, (_, seed) => episode(trajectory, 84, seed).checkIns.length / 84));
    for (const trajectory of ["improving", "steady", "lapse_and_return", "struggling"] as const) {
      expect(share(trajectory)).toBeGreaterThan(0.6);
      expect(share(trajectory)).toBeLessThan(0.85);
    }
    expect(share("fading")).toBeLessThan(share("struggling"));
  });

  it("shows improvement as falling craving and rising mood", () => {
    const { checkIns } = episode("improving", 90);
    const third = Math.floor(checkIns.length / 3);
    const first = checkIns.slice(0, third);
    const last = checkIns.slice(-third);
    expect(mean(last.map((c) => c.craving))).toBeLessThan(mean(first.map((c) => c.craving)) - 2);
    expect(mean(last.map((c) => c.mood))).toBeGreaterThan(mean(first.map((c) => c.mood)) + 1);
  });

  it("reports a lapse on the lapse day, then re-engages", () => {
    const { shape, checkIns } = episode("lapse_and_return", 60);
    const lapseOn = addDays(FROM, shape.lapseDay);
    expect(checkIns.find((c) => c.on === lapseOn)?.anyUse).toBe(true);
    expect(checkIns.filter((c) => c.on > addDays(lapseOn, 7)).length).toBeGreaterThan(5);
  });

  it("goes silent before a drop-out", () => {
    const { shape, checkIns } = episode("fading", 40);
    expect(shape.silentDays).toBeGreaterThanOrEqual(5);
    expect(checkIns.at(-1)!.on < addDays(FROM, 40 - shape.silentDays)).toBe(true);
    expect(deriveDailyTrend(shape, 39).rate).toBe(0);
  });

  it("is the same for the same generator state", () => {
    expect(episode("struggling", 50, 11)).toEqual(episode("struggling", 50, 11));
    expect(episode("struggling", 50, 11)).not.toEqual(episode("struggling", 50, 12));
  });
});
