import type { PersonalPlan, PersonalPlanKind } from "../../../core/personal-plans/personal-plan.schema";
import type { OnCallLine } from "./api/get-on-call-line";

/**
 * The last plans a participant read, kept on this device so the safety plan opens without a network.
 * One copy per signed-in user and plan; every copy is forgotten when someone signs out.
 */
export interface SavedPlan {
  userId: string;
  savedAt: string;
  plan: PersonalPlan;
  onCall: OnCallLine | null;
}

const PREFIX = "bridgeway.personal-plans.";
const keyOf = (userId: string, kind: PersonalPlanKind) => `${PREFIX}${userId}.${kind}`;

function isSavedPlan(value: unknown, userId: string, kind: PersonalPlanKind): value is SavedPlan {
  const v = value as Partial<SavedPlan> | null;
  return (
    typeof v === "object" &&
    v !== null &&
    v.userId === userId &&
    typeof v.savedAt === "string" &&
    v.plan?.kind === kind &&
    typeof v.plan.content === "object"
  );
}

export function readSavedPlan(storage: Storage, userId: string, kind: PersonalPlanKind): SavedPlan | null {
  try {
    const raw = storage.getItem(keyOf(userId, kind));
    if (raw === null) return null;
    const parsed: unknown = JSON.parse(raw);
    return isSavedPlan(parsed, userId, kind) ? parsed : null;
  } catch {
    return null;
  }
}

/** Keep the plan as just read; a device that will not store it (quota, private mode) simply keeps none. */
export function keepSavedPlan(storage: Storage, saved: SavedPlan): void {
  try {
    storage.setItem(keyOf(saved.userId, saved.plan.kind), JSON.stringify(saved));
  } catch {
    // Nothing kept: the page still works online.
  }
}

/** Forget every kept plan (sign-out: the next person on this phone never sees them). */
export function forgetSavedPlans(storage: Storage): void {
  try {
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i += 1) {
      const key = storage.key(i);
      if (key?.startsWith(PREFIX)) keys.push(key);
    }
    for (const key of keys) storage.removeItem(key);
  } catch {
    // Storage unavailable: nothing was kept.
  }
}
