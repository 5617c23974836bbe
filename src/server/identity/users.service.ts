import { inArray } from "drizzle-orm";
import type { CreateUserInput } from "../../core/identity/user-create.schema";
import { DomainError } from "../../core/platform/errors";
import type { Database } from "../db/connection";
import { sites } from "../db/schema";
import { hashPassword } from "./passwords";
import * as users from "./users.sql";

/** Create an account with its roles and site memberships in one transaction. */
export async function createUser(db: Database, input: CreateUserInput): Promise<string> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    if (await users.findActiveByEmail(tx, input.email))
      throw new DomainError("IDENTITY_EMAIL_TAKEN", undefined, "email");
    const siteRows =
      input.siteNames.length > 0
        ? await tx
            .select({ id: sites.id, name: sites.name })
            .from(sites)
            .where(inArray(sites.name, input.siteNames))
        : [];
    const missing = input.siteNames.filter((name) => !siteRows.some((s) => s.name === name));
    if (missing.length > 0) {
      throw new DomainError(
        "VALIDATION_FAILED",
        `No site is named ${missing.map((m) => `"${m}"`).join(", ")}.`,
        "siteNames",
      );
    }
    const id = await users.insert(tx, {
      email: input.email,
      displayName: input.displayName,
      kind: input.kind,
      locale: input.locale,
      passwordHash,
    });
    await users.insertRoles(tx, id, input.roles);
    await users.insertSiteMemberships(
      tx,
      id,
      siteRows.map((s) => s.id),
    );
    return id;
  });
}
