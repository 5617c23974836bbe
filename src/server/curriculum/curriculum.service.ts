import { can } from "../../core/access/access.rules";
import {
  deriveEffectiveLibrary,
  deriveLibraryView,
  deriveSkillsCatalog,
  type EffectiveModule,
  findSkillsTakenElsewhere,
} from "../../core/curriculum/curriculum.rules";
import type {
  ModuleDetail,
  ModuleEdit,
  ModuleList,
  ModuleListQuery,
  OccurrenceModule,
  PlannedModule,
  SkillsCatalog,
  TrackModules,
} from "../../core/curriculum/curriculum-api.schema";
import type { CurriculumModule, ModuleLanguage } from "../../core/curriculum/module.schema";
import { addDays } from "../../core/platform/dates";
import { DomainError } from "../../core/platform/errors";
import { type AuditContext, appendAudit } from "../audit/audit.service";
import type { Database, Queryable } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import type { TracksService } from "../schedule/tracks.service";
import * as store from "./curriculum.sql";
import type { ShippedCurriculum } from "./curriculum-library";

/**
 * The curriculum library: the shipped modules (files, version 0) under the program's versions
 * (database, 1…). Reading needs schedule.view or clinical.view (the route decides); writing needs
 * clinical.write — a module is clinical teaching content, so those who write clinical content
 * write the curriculum. Writes are audited as operations (a module holds no participant data).
 * Planning a track's session with a module is schedule.manage at the track's site.
 */
export function createCurriculumService(deps: {
  db: Database;
  now: () => Date;
  shipped: ShippedCurriculum;
  tracks: TracksService;
}) {
  const { db, now, shipped, tracks } = deps;

  async function effectiveLibrary(q: Queryable): Promise<EffectiveModule[]> {
    return deriveEffectiveLibrary(shipped.list(), await store.listLatestVersions(q));
  }

  async function effectiveOf(q: Queryable, key: string): Promise<EffectiveModule | undefined> {
    return (await effectiveLibrary(q)).find((e) => e.key === key);
  }

  async function detailOf(q: Queryable, key: string, version?: number): Promise<ModuleDetail> {
    const file = shipped.get(key);
    const rows = await store.listVersionsOf(q, key);
    if (!file && rows.length === 0)
      throw new DomainError("NOT_FOUND", "The library has no module with this key.");
    const names = await store.namesOf(
      q,
      rows.map((r) => r.createdBy),
    );
    const latest = rows.at(-1);
    const versions = [
      ...(file
        ? [{ version: 0, source: "shipped" as const, savedAt: null, savedBy: null, archived: false }]
        : []),
      ...rows.map((r) => ({
        version: r.version,
        source: "program" as const,
        savedAt: r.createdAt.toISOString(),
        savedBy: r.createdBy ? { id: r.createdBy, name: names.get(r.createdBy) ?? "" } : null,
        archived: r.archived,
      })),
    ];
    const wanted = version ?? latest?.version ?? 0;
    const content = wanted === 0 ? file : rows.find((r) => r.version === wanted)?.content;
    if (!content) throw new DomainError("NOT_FOUND", `This module has no version ${wanted}.`, "version");
    return {
      key,
      version: wanted,
      latestVersion: latest?.version ?? 0,
      source: wanted === 0 ? "shipped" : "program",
      archived: latest?.archived ?? false,
      module: content,
      versions: versions.reverse(),
    };
  }

  function assertSkillsFree(module: CurriculumModule, library: readonly EffectiveModule[]) {
    const taken = findSkillsTakenElsewhere(module, library);
    if (taken.length === 0) return;
    throw new DomainError(
      "CURRICULUM_SKILL_TAKEN",
      undefined,
      taken.map((t) => ({
        path: `module.skills.${t.index}.key`,
        message:
          t.ownerKey === module.key
            ? `This module already names the skill “${t.skillKey}”.`
            : `The module “${t.ownerKey}” already teaches the skill “${t.skillKey}”. Choose another key.`,
      })),
    );
  }

  async function conflictError(q: Queryable, actor: Actor, key: string): Promise<DomainError> {
    const latest = (await store.listVersionsOf(q, key)).at(-1);
    const savedBy = latest?.createdBy ?? null;
    const name = savedBy ? (await store.namesOf(q, [savedBy])).get(savedBy) : undefined;
    const who = savedBy === actor.user.id ? "You saved" : `${name ?? "Someone"} saved`;
    return new DomainError(
      "CURRICULUM_EDIT_CONFLICT",
      `${who} version ${latest?.version ?? 0} of this module after you opened it. Your text is kept on this page; reload the module to see their changes, then apply yours.`,
      "baseVersion",
      { latestVersion: latest?.version ?? 0, savedBy },
    );
  }

  async function saveVersion(
    actor: Actor,
    key: string,
    baseVersion: number | null,
    module: CurriculumModule,
    context: AuditContext,
  ): Promise<ModuleDetail> {
    const at = now();
    await db.transaction(async (tx) => {
      await store.lockKey(tx, key);
      const library = await effectiveLibrary(tx);
      const current = library.find((e) => e.key === key);
      if (baseVersion === null) {
        if (current) {
          throw new DomainError("CURRICULUM_MODULE_EXISTS", undefined, "module.key");
        }
      } else {
        if (!current) throw new DomainError("NOT_FOUND", "The library has no module with this key.");
        if (current.version !== baseVersion) throw await conflictError(tx, actor, key);
        if (current.archived) throw new DomainError("CURRICULUM_MODULE_ARCHIVED");
      }
      assertSkillsFree(module, library);
      const version = (current?.version ?? 0) + 1;
      await store.insertVersion(tx, {
        moduleKey: key,
        version,
        content: module,
        archived: false,
        createdBy: actor.user.id,
        createdAt: at,
      });
      await appendAudit(
        tx,
        context,
        {
          action: baseVersion === null ? "curriculum.module_create" : "curriculum.module_edit",
          resourceType: "curriculum_module",
          resourceId: null,
          purpose: "operations",
          details: { moduleKey: key, version },
        },
        at,
      );
    });
    return detailOf(db, key);
  }

  async function plannedView(q: Queryable, rows: readonly store.PlannedRow[]): Promise<PlannedModule[]> {
    if (rows.length === 0) return [];
    const library = await effectiveLibrary(q);
    const names = await store.namesOf(
      q,
      rows.map((r) => r.plannedBy),
    );
    return rows.map((r) => {
      const entry = library.find((e) => e.key === r.moduleKey);
      return {
        occurrenceKey: r.occurrenceKey,
        moduleKey: r.moduleKey,
        title: entry ? { ...entry.module.title } : { en: r.moduleKey, es: r.moduleKey },
        archived: entry?.archived ?? true,
        plannedAt: r.plannedAt.toISOString(),
        plannedBy: r.plannedBy ? { id: r.plannedBy, name: names.get(r.plannedBy) ?? "" } : null,
      };
    });
  }

  /** The track's occurrence with this key (the track must be at one of the actor's sites). */
  async function occurrenceOf(actor: Actor, trackId: string, occurrenceKey: string) {
    const date = occurrenceKey.slice(0, 10);
    // A moved session keeps its original key; look far enough either side to find it.
    const { occurrences } = await tracks.listOccurrences(
      actor,
      trackId,
      addDays(date, -46),
      addDays(date, 46),
    );
    const occurrence = occurrences.find((o) => o.key === occurrenceKey);
    if (!occurrence)
      throw new DomainError("NOT_FOUND", "This track has no session at that time.", "occurrenceKey");
    return occurrence;
  }

  return {
    /** The effective library in one language, filtered; archived modules only when asked. */
    async listModules(query: ModuleListQuery): Promise<ModuleList> {
      return {
        modules: deriveLibraryView(await effectiveLibrary(db), query.language, {
          category: query.category,
          audience: query.audience,
          includeArchived: query.includeArchived,
        }),
      };
    },

    /** One module in both languages (the latest version unless another is asked for) and its history. */
    async getModule(key: string, version?: number): Promise<ModuleDetail> {
      return detailOf(db, key, version);
    },

    /** Every skill of the library (archived modules included) in one language, for check-ins and notes. */
    async skillsCatalog(language: ModuleLanguage): Promise<SkillsCatalog> {
      return { skills: deriveSkillsCatalog(await effectiveLibrary(db), language) };
    },

    /** A program's own module: its key must be new to the library. */
    async createModule(actor: Actor, module: CurriculumModule, context: AuditContext): Promise<ModuleDetail> {
      return saveVersion(actor, module.key, null, module, context);
    },

    /** A new version of a module, from the latest version (else 409 naming who saved it). */
    async editModule(
      actor: Actor,
      key: string,
      edit: ModuleEdit,
      context: AuditContext,
    ): Promise<ModuleDetail> {
      if (edit.module.key !== key) {
        throw new DomainError(
          "VALIDATION_FAILED",
          "A module's key cannot change. Create a new module instead.",
          "module.key",
        );
      }
      return saveVersion(actor, key, edit.baseVersion, edit.module, context);
    },

    /**
     * Archive a module (left out of the library; sessions already planned keep it) or bring it back.
     * A module is archived when its latest version is; archiving a shipped module the program never
     * edited stores the shipped text as the program's first version, archived.
     */
    async setArchived(
      actor: Actor,
      key: string,
      archived: boolean,
      context: AuditContext,
    ): Promise<ModuleDetail> {
      const at = now();
      await db.transaction(async (tx) => {
        await store.lockKey(tx, key);
        const latest = (await store.listVersionsOf(tx, key)).at(-1);
        const file = shipped.get(key);
        if (!latest && !file) throw new DomainError("NOT_FOUND", "The library has no module with this key.");
        if ((latest?.archived ?? false) === archived) return;
        if (latest) await store.updateArchived(tx, latest.id, archived);
        else
          await store.insertVersion(tx, {
            moduleKey: key,
            version: 1,
            content: file!,
            archived: true,
            createdBy: actor.user.id,
            createdAt: at,
          });
        await appendAudit(
          tx,
          context,
          {
            action: archived ? "curriculum.module_archive" : "curriculum.module_unarchive",
            resourceType: "curriculum_module",
            resourceId: null,
            purpose: "operations",
            details: { moduleKey: key },
          },
          at,
        );
      });
      return detailOf(db, key);
    },

    async getOccurrenceModule(
      actor: Actor,
      trackId: string,
      occurrenceKey: string,
    ): Promise<OccurrenceModule> {
      await occurrenceOf(actor, trackId, occurrenceKey);
      const row = await store.findPlanned(db, trackId, occurrenceKey);
      const [planned] = await plannedView(db, row ? [row] : []);
      return { trackId, occurrenceKey, planned: planned ?? null };
    },

    /** Plan a session with a module, or clear its plan (moduleKey null). */
    async planOccurrence(
      actor: Actor,
      trackId: string,
      occurrenceKey: string,
      moduleKey: string | null,
      context: AuditContext,
    ): Promise<OccurrenceModule> {
      const at = now();
      const occurrence = await occurrenceOf(actor, trackId, occurrenceKey);
      const track = (await tracks.listTracks(actor, undefined)).tracks.find((t) => t.id === trackId);
      if (
        !track ||
        !can(actor.access, "schedule.manage", { type: "site", siteId: track.siteId }, at).allowed
      ) {
        throw new DomainError(
          "AUTH_FORBIDDEN",
          "Only staff who manage the schedule at this track's site can plan its sessions.",
        );
      }
      if (moduleKey !== null) {
        if (occurrence.status === "cancelled") {
          throw new DomainError(
            "VALIDATION_FAILED",
            "This session is cancelled; there is nothing to plan.",
            "occurrenceKey",
          );
        }
        const entry = await effectiveOf(db, moduleKey);
        if (!entry)
          throw new DomainError("VALIDATION_FAILED", "The library has no module with this key.", "moduleKey");
        if (entry.archived) {
          throw new DomainError(
            "CURRICULUM_MODULE_ARCHIVED",
            "This module is archived. Choose another, or bring it back to the library first.",
            "moduleKey",
          );
        }
      }
      await db.transaction(async (tx) => {
        let changed = true;
        if (moduleKey === null) changed = await store.deletePlanned(tx, trackId, occurrenceKey);
        else {
          await store.upsertPlanned(tx, {
            trackId,
            occurrenceKey,
            moduleKey,
            plannedBy: actor.user.id,
            plannedAt: at,
          });
        }
        if (!changed) return;
        await appendAudit(
          tx,
          context,
          {
            action: moduleKey === null ? "curriculum.session_unplan" : "curriculum.session_plan",
            resourceType: "track",
            resourceId: trackId,
            purpose: "operations",
            details: { occurrenceKey, moduleKey },
          },
          at,
        );
      });
      const row = await store.findPlanned(db, trackId, occurrenceKey);
      const [planned] = await plannedView(db, row ? [row] : []);
      return { trackId, occurrenceKey, planned: planned ?? null };
    },

    /** The modules planned for the track's sessions from `from` through `to`. */
    async listTrackModules(actor: Actor, trackId: string, from: string, to: string): Promise<TrackModules> {
      const { occurrences } = await tracks.listOccurrences(actor, trackId, from, to);
      const rows = await store.listPlanned(
        db,
        trackId,
        occurrences.map((o) => o.key),
      );
      return { trackId, from, to, planned: await plannedView(db, rows) };
    },
  };
}
export type CurriculumService = ReturnType<typeof createCurriculumService>;
