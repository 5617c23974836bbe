import type { StaffRole, UserKind } from "../../src/core/identity/identity.schema";
import type { Database } from "../../src/server/db/connection";
import { organisations, sites } from "../../src/server/db/schema";
import { createUser } from "../../src/server/identity/users.service";

/** Small typed builders for test data. Every person is fictional. */

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export const TEST_PASSWORD = "correct horse battery staple";

export async function givenSite(
  db: Database,
  name = `Site ${unique()}`,
): Promise<{ id: string; name: string }> {
  const [org] = await db.insert(organisations).values({ name: "Test Recovery Center" }).returning();
  const [site] = await db
    .insert(sites)
    .values({ organisationId: org!.id, name, timeZone: "America/New_York" })
    .returning();
  return { id: site!.id, name: site!.name };
}

export interface GivenUser {
  id: string;
  email: string;
  password: string;
}

export async function givenUser(
  db: Database,
  options: { kind?: UserKind; roles?: StaffRole[]; siteNames?: string[]; displayName?: string } = {},
): Promise<GivenUser> {
  const kind = options.kind ?? "staff";
  const email = `user-${unique()}@test.bridgeway.example`;
  const id = await createUser(db, {
    email,
    displayName: options.displayName ?? "Avery Test",
    kind,
    roles: options.roles ?? (kind === "staff" ? ["counselor"] : []),
    locale: "en",
    password: TEST_PASSWORD,
    siteNames: options.siteNames ?? [],
  });
  return { id, email, password: TEST_PASSWORD };
}
