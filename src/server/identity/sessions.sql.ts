import { and, eq, isNull } from "drizzle-orm";
import type { Queryable } from "../db/connection";
import { authSessions } from "../db/schema";

export interface SessionRow {
  id: string;
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export async function insert(
  q: Queryable,
  row: {
    tokenHash: string;
    userId: string;
    expiresAt: Date;
    now: Date;
    userAgent: string | null;
    ipAddress: string | null;
  },
): Promise<string> {
  const rows = await q
    .insert(authSessions)
    .values({
      tokenHash: row.tokenHash,
      userId: row.userId,
      createdAt: row.now,
      lastSeenAt: row.now,
      expiresAt: row.expiresAt,
      userAgent: row.userAgent,
      ipAddress: row.ipAddress,
    })
    .returning({ id: authSessions.id });
  return rows[0]!.id;
}

/** A session that has not been ended (expiry is a rule, checked by the service). */
export async function findOpenByTokenHash(q: Queryable, tokenHash: string): Promise<SessionRow | undefined> {
  const rows = await q
    .select({
      id: authSessions.id,
      userId: authSessions.userId,
      createdAt: authSessions.createdAt,
      lastSeenAt: authSessions.lastSeenAt,
      expiresAt: authSessions.expiresAt,
    })
    .from(authSessions)
    .where(and(eq(authSessions.tokenHash, tokenHash), isNull(authSessions.endedAt)));
  return rows[0];
}

export async function updateLastSeen(q: Queryable, id: string, at: Date): Promise<void> {
  await q.update(authSessions).set({ lastSeenAt: at }).where(eq(authSessions.id, id));
}

export async function end(q: Queryable, id: string, at: Date): Promise<void> {
  await q
    .update(authSessions)
    .set({ endedAt: at })
    .where(and(eq(authSessions.id, id), isNull(authSessions.endedAt)));
}
