import { eq, inArray, lt, sql } from "drizzle-orm";
import type { ThrottleState } from "../../core/identity/throttle.rules";
import type { Queryable } from "../db/connection";
import { authThrottles } from "../db/schema";

export async function findMany(q: Queryable, keys: readonly string[]): Promise<Map<string, ThrottleState>> {
  const rows = await q
    .select()
    .from(authThrottles)
    .where(inArray(authThrottles.key, [...keys]));
  return new Map(
    rows.map((r) => [
      r.key,
      { failures: r.failures, windowStartedAt: r.windowStartedAt, lockedUntil: r.lockedUntil },
    ]),
  );
}

export async function upsert(q: Queryable, key: string, state: ThrottleState): Promise<void> {
  await q
    .insert(authThrottles)
    .values({ key, ...state })
    .onConflictDoUpdate({
      target: authThrottles.key,
      set: {
        failures: state.failures,
        windowStartedAt: state.windowStartedAt,
        lockedUntil: state.lockedUntil,
      },
    });
}

export async function remove(q: Queryable, key: string): Promise<void> {
  await q.delete(authThrottles).where(eq(authThrottles.key, key));
}

/** Forget counters whose window and lock are long over. */
export async function pruneBefore(q: Queryable, before: Date): Promise<void> {
  await q
    .delete(authThrottles)
    .where(
      sql`${lt(authThrottles.windowStartedAt, before)} and (${authThrottles.lockedUntil} is null or ${authThrottles.lockedUntil} < ${before})`,
    );
}
