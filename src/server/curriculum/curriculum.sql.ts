import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { StoredModuleVersion } from "../../core/curriculum/curriculum.rules";
import type { CurriculumModule } from "../../core/curriculum/module.schema";
import { type Queryable, queryRows } from "../db/connection";
import { curriculumModuleVersions, trackOccurrenceModules, users } from "../db/schema";

/** The curriculum's storage: the program's versions of modules, and track sessions planned with them. */

export interface ModuleVersionRow extends StoredModuleVersion {
  id: string;
  createdBy: string | null;
  createdAt: Date;
}

const versionColumns = {
  id: curriculumModuleVersions.id,
  moduleKey: curriculumModuleVersions.moduleKey,
  version: curriculumModuleVersions.version,
  content: curriculumModuleVersions.content,
  archived: curriculumModuleVersions.archived,
  createdBy: curriculumModuleVersions.createdBy,
  createdAt: curriculumModuleVersions.createdAt,
};

function toRow(row: {
  id: string;
  moduleKey: string;
  version: number;
  content: unknown;
  archived: boolean;
  createdBy: string | null;
  createdAt: Date;
}): ModuleVersionRow {
  return { ...row, content: row.content as CurriculumModule };
}

/** The latest stored version of every key. */
export async function listLatestVersions(q: Queryable): Promise<ModuleVersionRow[]> {
  const rows = await queryRows<{
    id: string;
    module_key: string;
    version: number;
    content: unknown;
    archived: boolean;
    created_by: string | null;
    created_at: string | Date;
  }>(
    q,
    sql`select distinct on (module_key) id, module_key, version, content, archived, created_by, created_at
        from curriculum_module_versions
        order by module_key, version desc`,
  );
  return rows.map((r) =>
    toRow({
      id: r.id,
      moduleKey: r.module_key,
      version: r.version,
      content: r.content,
      archived: r.archived,
      createdBy: r.created_by,
      createdAt: new Date(r.created_at),
    }),
  );
}

/** Every stored version of one key, oldest first. */
export async function listVersionsOf(q: Queryable, moduleKey: string): Promise<ModuleVersionRow[]> {
  const rows = await q
    .select(versionColumns)
    .from(curriculumModuleVersions)
    .where(eq(curriculumModuleVersions.moduleKey, moduleKey))
    .orderBy(asc(curriculumModuleVersions.version));
  return rows.map(toRow);
}

/** Serialize writers of one module key until the transaction ends (same on PGlite and PostgreSQL). */
export async function lockKey(q: Queryable, moduleKey: string): Promise<void> {
  await queryRows(q, sql`select pg_advisory_xact_lock(hashtext(${`curriculum:${moduleKey}`}))`);
}

export async function insertVersion(
  q: Queryable,
  values: {
    moduleKey: string;
    version: number;
    content: CurriculumModule;
    archived: boolean;
    createdBy: string;
    createdAt: Date;
  },
): Promise<void> {
  await q.insert(curriculumModuleVersions).values(values);
}

export async function updateArchived(q: Queryable, id: string, archived: boolean): Promise<void> {
  await q.update(curriculumModuleVersions).set({ archived }).where(eq(curriculumModuleVersions.id, id));
}

export async function namesOf(
  q: Queryable,
  userIds: readonly (string | null)[],
): Promise<Map<string, string>> {
  const ids = [...new Set(userIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await q
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export interface PlannedRow {
  occurrenceKey: string;
  moduleKey: string;
  plannedBy: string | null;
  plannedAt: Date;
}

const plannedColumns = {
  occurrenceKey: trackOccurrenceModules.occurrenceKey,
  moduleKey: trackOccurrenceModules.moduleKey,
  plannedBy: trackOccurrenceModules.plannedBy,
  plannedAt: trackOccurrenceModules.plannedAt,
};

export async function findPlanned(
  q: Queryable,
  trackId: string,
  occurrenceKey: string,
): Promise<PlannedRow | undefined> {
  const [row] = await q
    .select(plannedColumns)
    .from(trackOccurrenceModules)
    .where(
      and(
        eq(trackOccurrenceModules.trackId, trackId),
        eq(trackOccurrenceModules.occurrenceKey, occurrenceKey),
      ),
    );
  return row;
}

export async function listPlanned(
  q: Queryable,
  trackId: string,
  occurrenceKeys: readonly string[],
): Promise<PlannedRow[]> {
  if (occurrenceKeys.length === 0) return [];
  return q
    .select(plannedColumns)
    .from(trackOccurrenceModules)
    .where(
      and(
        eq(trackOccurrenceModules.trackId, trackId),
        inArray(trackOccurrenceModules.occurrenceKey, [...occurrenceKeys]),
      ),
    )
    .orderBy(asc(trackOccurrenceModules.occurrenceKey));
}

export async function upsertPlanned(
  q: Queryable,
  values: { trackId: string; occurrenceKey: string; moduleKey: string; plannedBy: string; plannedAt: Date },
): Promise<void> {
  await q
    .insert(trackOccurrenceModules)
    .values(values)
    .onConflictDoUpdate({
      target: [trackOccurrenceModules.trackId, trackOccurrenceModules.occurrenceKey],
      set: { moduleKey: values.moduleKey, plannedBy: values.plannedBy, plannedAt: values.plannedAt },
    });
}

export async function deletePlanned(q: Queryable, trackId: string, occurrenceKey: string): Promise<boolean> {
  const removed = await q
    .delete(trackOccurrenceModules)
    .where(
      and(
        eq(trackOccurrenceModules.trackId, trackId),
        eq(trackOccurrenceModules.occurrenceKey, occurrenceKey),
      ),
    )
    .returning({ key: trackOccurrenceModules.occurrenceKey });
  return removed.length > 0;
}
