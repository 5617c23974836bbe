import { and, eq } from "drizzle-orm";
import type { Queryable } from "../db/connection";
import { messageThreads } from "../db/schema";

/** Alumni threads (`message_threads.audience = 'alumni'`): a participant and the alumni coordinator. */

export interface AlumniThreadRow {
  id: string;
  participantId: string;
  siteId: string;
}

export async function findAlumniThread(q: Queryable, threadId: string): Promise<AlumniThreadRow | undefined> {
  const [row] = await q
    .select({
      id: messageThreads.id,
      participantId: messageThreads.participantId,
      siteId: messageThreads.siteId,
    })
    .from(messageThreads)
    .where(and(eq(messageThreads.id, threadId), eq(messageThreads.audience, "alumni")));
  return row;
}

export async function insertAlumniThread(
  q: Queryable,
  values: { participantId: string; siteId: string; subject: string; createdBy: string; at: Date },
): Promise<string> {
  const [row] = await q
    .insert(messageThreads)
    .values({
      participantId: values.participantId,
      siteId: values.siteId,
      subject: values.subject,
      createdBy: values.createdBy,
      createdAt: values.at,
      lastMessageAt: values.at,
      audience: "alumni",
    })
    .returning({ id: messageThreads.id });
  return row!.id;
}
