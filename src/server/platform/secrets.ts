import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Queryable } from "../db/connection";
import { appSecrets } from "../db/schema";

/**
 * Secrets that must persist across restarts and be shared by every app process (e.g. the key that
 * hashes session tokens). Generated on first use, kept in the database (in embedded mode that is
 * inside the data directory). They never leave the server and are never logged.
 */
export async function getOrCreateSecret(q: Queryable, name: string): Promise<string> {
  await q
    .insert(appSecrets)
    .values({ name, value: randomBytes(32).toString("base64url") })
    .onConflictDoNothing();
  const rows = await q.select({ value: appSecrets.value }).from(appSecrets).where(eq(appSecrets.name, name));
  return rows[0]!.value;
}
