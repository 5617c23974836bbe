import { and, count, eq, gt, isNull } from "drizzle-orm";
import type { Queryable } from "../db/connection";
import { mfaRecoveryCodes, trustedDevices, userMfa } from "../db/schema";

export async function findForUpdate(q: Queryable, userId: string) {
  const rows = await q.select().from(userMfa).where(eq(userMfa.userId, userId)).for("update");
  return rows[0];
}

export async function find(q: Queryable, userId: string) {
  const rows = await q.select().from(userMfa).where(eq(userMfa.userId, userId));
  return rows[0];
}

/** Start (or restart) an unconfirmed enrolment. */
export async function upsertPending(q: Queryable, userId: string, encryptedSecret: string): Promise<void> {
  await q
    .insert(userMfa)
    .values({ userId, totpSecret: encryptedSecret, confirmedAt: null, lastUsedStep: null })
    .onConflictDoUpdate({
      target: userMfa.userId,
      set: { totpSecret: encryptedSecret, confirmedAt: null, lastUsedStep: null },
    });
}

export async function confirm(q: Queryable, userId: string, at: Date, step: number): Promise<void> {
  await q.update(userMfa).set({ confirmedAt: at, lastUsedStep: step }).where(eq(userMfa.userId, userId));
}

export async function setLastUsedStep(q: Queryable, userId: string, step: number): Promise<void> {
  await q.update(userMfa).set({ lastUsedStep: step }).where(eq(userMfa.userId, userId));
}

export async function remove(q: Queryable, userId: string): Promise<void> {
  await q.delete(userMfa).where(eq(userMfa.userId, userId));
  await q.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
  await q.delete(trustedDevices).where(eq(trustedDevices.userId, userId));
}

export async function replaceRecoveryCodes(
  q: Queryable,
  userId: string,
  hashes: readonly string[],
): Promise<void> {
  await q.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
  await q.insert(mfaRecoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash })));
}

/** Use a recovery code once: true when an unused code with this hash existed. */
export async function markRecoveryCodeUsed(
  q: Queryable,
  userId: string,
  codeHash: string,
  at: Date,
): Promise<boolean> {
  const rows = await q
    .update(mfaRecoveryCodes)
    .set({ usedAt: at })
    .where(
      and(
        eq(mfaRecoveryCodes.userId, userId),
        eq(mfaRecoveryCodes.codeHash, codeHash),
        isNull(mfaRecoveryCodes.usedAt),
      ),
    )
    .returning({ id: mfaRecoveryCodes.id });
  return rows.length > 0;
}

export async function countUnusedRecoveryCodes(q: Queryable, userId: string): Promise<number> {
  const rows = await q
    .select({ n: count() })
    .from(mfaRecoveryCodes)
    .where(and(eq(mfaRecoveryCodes.userId, userId), isNull(mfaRecoveryCodes.usedAt)));
  return Number(rows[0]?.n ?? 0);
}

export async function insertTrustedDevice(q: Queryable, userId: string, tokenHash: string, expiresAt: Date) {
  await q.insert(trustedDevices).values({ userId, tokenHash, expiresAt });
}

export async function isTrustedDevice(
  q: Queryable,
  userId: string,
  tokenHash: string,
  now: Date,
): Promise<boolean> {
  const rows = await q
    .select({ id: trustedDevices.id })
    .from(trustedDevices)
    .where(
      and(
        eq(trustedDevices.userId, userId),
        eq(trustedDevices.tokenHash, tokenHash),
        gt(trustedDevices.expiresAt, now),
      ),
    );
  return rows.length > 0;
}

export async function removeTrustedDevices(q: Queryable, userId: string): Promise<void> {
  await q.delete(trustedDevices).where(eq(trustedDevices.userId, userId));
}
