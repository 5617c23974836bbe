import { and, eq, isNull } from "drizzle-orm";
import type { Queryable } from "../db/connection";
import { oneTimeTokens } from "../db/schema";

export type TokenPurpose = "password_reset" | "invitation";

export async function insert(
  q: Queryable,
  row: {
    purpose: TokenPurpose;
    tokenHash: string;
    userId: string;
    createdBy: string | null;
    createdAt: Date;
    expiresAt: Date;
  },
): Promise<void> {
  await q.insert(oneTimeTokens).values(row);
}

/** An unused token row by its hash (expiry is checked by the caller); `lock` holds it to commit. */
export async function findUnused(q: Queryable, purpose: TokenPurpose, tokenHash: string, lock = false) {
  const query = q
    .select()
    .from(oneTimeTokens)
    .where(
      and(
        eq(oneTimeTokens.tokenHash, tokenHash),
        eq(oneTimeTokens.purpose, purpose),
        isNull(oneTimeTokens.usedAt),
      ),
    );
  const rows = lock ? await query.for("update") : await query;
  return rows[0];
}

export async function markUsed(q: Queryable, id: string, at: Date): Promise<void> {
  await q.update(oneTimeTokens).set({ usedAt: at }).where(eq(oneTimeTokens.id, id));
}

/** Retire a user's other open tokens of a purpose (a new reset link replaces the old one). */
export async function retireOpen(
  q: Queryable,
  userId: string,
  purpose: TokenPurpose,
  at: Date,
): Promise<void> {
  await q
    .update(oneTimeTokens)
    .set({ usedAt: at })
    .where(
      and(eq(oneTimeTokens.userId, userId), eq(oneTimeTokens.purpose, purpose), isNull(oneTimeTokens.usedAt)),
    );
}
