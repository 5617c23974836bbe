import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../db/connection";
import { treatmentPlanSignatures, treatmentPlans, treatmentPlanVersions, users } from "../db/schema";

/** Storage for treatment plans, their versions and the signatures on versions. No business rule here. */

export type PlanRow = typeof treatmentPlans.$inferSelect;
export type VersionRow = typeof treatmentPlanVersions.$inferSelect;
export type SignatureRow = typeof treatmentPlanSignatures.$inferSelect;
export type NewVersion = typeof treatmentPlanVersions.$inferInsert;
export type NewSignature = typeof treatmentPlanSignatures.$inferInsert;

/** The participant's open episode (most recent admission without a discharge), with its site. */
export async function findOpenEpisode(q: Queryable, participantId: string) {
  const rows = await queryRows<{ id: string; site_id: string; admitted_on: string }>(
    q,
    sql`select id, site_id, admitted_on::text as admitted_on from episodes
        where participant_id = ${participantId} and discharged_on is null
        order by admitted_on desc limit 1`,
  );
  return rows[0];
}

/**
 * The plan of the participant's open episode, else of their latest episode; undefined when that
 * episode has none (a readmitted participant starts a new plan: the last episode's is history).
 */
export async function findPlanOfParticipant(
  q: Queryable,
  participantId: string,
): Promise<PlanRow | undefined> {
  const rows = await queryRows<{ id: string | null }>(
    q,
    sql`select tp.id from episodes e
        left join treatment_plans tp on tp.episode_id = e.id
        where e.participant_id = ${participantId}
        order by (e.discharged_on is null) desc, e.admitted_on desc, e.created_at desc
        limit 1`,
  );
  return rows[0]?.id ? findPlanById(q, rows[0].id) : undefined;
}

export async function findPlanById(q: Queryable, planId: string): Promise<PlanRow | undefined> {
  const rows = await q.select().from(treatmentPlans).where(eq(treatmentPlans.id, planId));
  return rows[0];
}

export async function findPlanByEpisode(q: Queryable, episodeId: string): Promise<PlanRow | undefined> {
  const rows = await q.select().from(treatmentPlans).where(eq(treatmentPlans.episodeId, episodeId));
  return rows[0];
}

/** Insert a plan for an episode; undefined when the episode already has one (a concurrent start won). */
export async function insertPlan(
  q: Queryable,
  row: typeof treatmentPlans.$inferInsert,
): Promise<PlanRow | undefined> {
  const rows = await q
    .insert(treatmentPlans)
    .values(row)
    .onConflictDoNothing({ target: treatmentPlans.episodeId })
    .returning();
  return rows[0];
}

export async function insertVersion(q: Queryable, row: NewVersion): Promise<VersionRow> {
  const rows = await q.insert(treatmentPlanVersions).values(row).returning();
  return rows[0]!;
}

export async function findVersion(
  q: Queryable,
  planId: string,
  versionId: string,
): Promise<VersionRow | undefined> {
  const rows = await q
    .select()
    .from(treatmentPlanVersions)
    .where(and(eq(treatmentPlanVersions.planId, planId), eq(treatmentPlanVersions.id, versionId)));
  return rows[0];
}

/** The version, locked for the rest of the transaction (signatures and status changes serialise on it). */
export async function findVersionForUpdate(
  q: Queryable,
  planId: string,
  versionId: string,
): Promise<VersionRow | undefined> {
  const rows = await q
    .select()
    .from(treatmentPlanVersions)
    .where(and(eq(treatmentPlanVersions.planId, planId), eq(treatmentPlanVersions.id, versionId)))
    .for("update");
  return rows[0];
}

/** Every version of a plan, newest first. */
export async function listVersions(q: Queryable, planId: string): Promise<VersionRow[]> {
  return q
    .select()
    .from(treatmentPlanVersions)
    .where(eq(treatmentPlanVersions.planId, planId))
    .orderBy(desc(treatmentPlanVersions.number));
}

export async function findVersionByStatus(
  q: Queryable,
  planId: string,
  statuses: readonly VersionRow["status"][],
): Promise<VersionRow | undefined> {
  const rows = await q
    .select()
    .from(treatmentPlanVersions)
    .where(
      and(eq(treatmentPlanVersions.planId, planId), inArray(treatmentPlanVersions.status, [...statuses])),
    )
    .orderBy(desc(treatmentPlanVersions.number))
    .limit(1);
  return rows[0];
}

export async function maxVersionNumber(q: Queryable, planId: string): Promise<number> {
  const rows = await queryRows<{ n: number | null }>(
    q,
    sql`select max(number)::int as n from treatment_plan_versions where plan_id = ${planId}`,
  );
  return rows[0]?.n ?? 0;
}

/**
 * Update a version only if its revision is still the one read (optimistic locking) and its status
 * is the one expected; returns the updated row, or undefined when either has changed meanwhile.
 */
export async function updateVersionIf(
  q: Queryable,
  versionId: string,
  expected: { revision: number; status: string },
  values: Partial<NewVersion>,
): Promise<VersionRow | undefined> {
  const rows = await q
    .update(treatmentPlanVersions)
    .set({ ...values, revision: sql`${treatmentPlanVersions.revision} + 1` })
    .where(
      and(
        eq(treatmentPlanVersions.id, versionId),
        eq(treatmentPlanVersions.revision, expected.revision),
        eq(treatmentPlanVersions.status, expected.status),
      ),
    )
    .returning();
  return rows[0];
}

/** Set a version's status fields without touching its revision (signing, superseding). */
export async function updateVersionStatus(
  q: Queryable,
  versionId: string,
  values: Pick<Partial<NewVersion>, "status" | "signedAt" | "supersededAt">,
): Promise<void> {
  await q.update(treatmentPlanVersions).set(values).where(eq(treatmentPlanVersions.id, versionId));
}

export async function listSignatures(
  q: Queryable,
  versionIds: readonly string[],
): Promise<(SignatureRow & { signerName: string })[]> {
  if (versionIds.length === 0) return [];
  const rows = await q
    .select({ signature: treatmentPlanSignatures, signerName: users.displayName })
    .from(treatmentPlanSignatures)
    .innerJoin(users, eq(users.id, treatmentPlanSignatures.signerUserId))
    .where(inArray(treatmentPlanSignatures.versionId, [...versionIds]))
    .orderBy(asc(treatmentPlanSignatures.signedAt));
  return rows.map((r) => ({ ...r.signature, signerName: r.signerName }));
}

/** Insert a signature; undefined when the role has already signed this version. */
export async function insertSignature(q: Queryable, row: NewSignature): Promise<SignatureRow | undefined> {
  const rows = await q
    .insert(treatmentPlanSignatures)
    .values(row)
    .onConflictDoNothing({
      target: [treatmentPlanSignatures.versionId, treatmentPlanSignatures.role],
      where: sql`${treatmentPlanSignatures.versionId} is not null`,
    })
    .returning();
  return rows[0];
}

export async function deleteSignatures(q: Queryable, versionId: string): Promise<number> {
  const rows = await q
    .delete(treatmentPlanSignatures)
    .where(eq(treatmentPlanSignatures.versionId, versionId))
    .returning({ id: treatmentPlanSignatures.id });
  return rows.length;
}

/** Display names of users by id (authors, co-signers). */
export async function findNames(q: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await q
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

/**
 * A staff user who may be named as co-signer: active, staff, holding the co-sign permission through a
 * role (plans.cosign for plans and reviews, notes.cosign for clinical notes).
 */
export async function findCosigner(
  q: Queryable,
  userId: string,
  permission: "plans.cosign" | "notes.cosign" = "plans.cosign",
) {
  const rows = await queryRows<{ id: string; display_name: string; site_ids: string[] }>(
    q,
    sql`select u.id, u.display_name,
          coalesce((select array_agg(ss.site_id::text) from staff_sites ss where ss.user_id = u.id), '{}') as site_ids
        from users u
        where u.id = ${userId} and u.kind = 'staff' and u.disabled_at is null
          and exists (
            select 1 from user_roles ur join role_permissions rp on rp.role = ur.role
            where ur.user_id = u.id and rp.permission = ${permission}
          )`,
  );
  return rows[0];
}

/** The names on the participant's record, for the typed-name signature. */
export async function findParticipantNames(q: Queryable, participantId: string) {
  const rows = await queryRows<{
    given_name: string;
    family_name: string;
    preferred_name: string;
    user_id: string | null;
  }>(
    q,
    sql`select given_name, family_name, preferred_name, user_id from participants where id = ${participantId}`,
  );
  return rows[0];
}

/** Lock the plan row for the rest of the transaction (serialises starting revisions and signing). */
export async function lockPlan(q: Queryable, planId: string): Promise<void> {
  await q
    .select({ id: treatmentPlans.id })
    .from(treatmentPlans)
    .where(eq(treatmentPlans.id, planId))
    .for("update");
}
