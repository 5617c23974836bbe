import type { CheckInInput, CheckInResult } from "../../../../core/check-ins/check-in.schema";

/** Test data for the participant's check-in. Everyone is fictional. Tests only. */

export const USER_ID = "0c6e2a8f-3b1d-4f7e-9a5c-7d2b4e6f8a01";
export const OTHER_USER_ID = "5e1a9c3b-7d2f-4b6e-8c0a-1f3d5b7e9c02";

let counter = 0;

/** A complete check-in as the phone sends it, with a fresh key unless one is given. */
export function anInput(change: Partial<CheckInInput> = {}): CheckInInput {
  counter += 1;
  return {
    idempotencyKey: `6f1c2d3e-4a5b-4c6d-8e7f-${String(counter).padStart(12, "0")}`,
    checkedInOn: "2026-11-23",
    recordedAt: "2026-11-23T18:00:00.000Z",
    queuedOffline: false,
    mood: 6,
    craving: 3,
    sleepHours: 7,
    sleepQuality: "ok",
    anyUse: false,
    substances: [],
    useDetail: "",
    triggers: [],
    skills: [],
    wentWell: "",
    wantsToTalk: false,
    selfHarmThoughts: false,
    overdose: false,
    language: "en",
    ...change,
  };
}

/** What the server answers for `input`. */
export function aResult(input: CheckInInput, change: Partial<CheckInResult> = {}): CheckInResult {
  return {
    checkIn: {
      id: 41,
      checkedInOn: input.checkedInOn,
      recordedAt: input.recordedAt,
      receivedAt: "2026-11-23T18:00:02.000Z",
      queuedOffline: input.queuedOffline,
      mood: input.mood,
      craving: input.craving,
      sleepHours: input.sleepHours,
      sleepQuality: input.sleepQuality,
      anyUse: input.anyUse,
      substances: input.substances,
      useDetail: input.useDetail,
      triggers: input.triggers,
      skills: input.skills,
      wentWell: input.wentWell,
      wantsToTalk: input.wantsToTalk,
      selfHarmThoughts: input.selfHarmThoughts,
      overdose: input.overdose,
    },
    response: { kind: "steady", crisis: false, planSection: null, skills: [], counselorTold: false },
    replayed: false,
    streak: 3,
    ...change,
  };
}

/** A `Storage` in memory, optionally refusing writes (a full or private-mode device). */
export class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  constructor(private readonly refuseWrites = false) {}
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    if (this.refuseWrites) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    this.items.set(key, value);
  }
}
