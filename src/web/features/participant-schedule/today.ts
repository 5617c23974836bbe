import { deviceTimeZone, todayIn } from "../schedule/schedule-format";

/** Today's date on this device, "2026-03-12": the default for dates the user then confirms. */
export function todayHere(now = new Date()): string {
  return todayIn(deviceTimeZone(), now);
}
