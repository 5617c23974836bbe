import { localized } from "../../core/assessments/questionnaire";
import { DEFAULT_OFF_TRACK_SETTINGS } from "../../core/assessments/reliable-change";
import {
  describeInstrumentSettings,
  findUnknownInstruments,
  summarizeOverrides,
  withoutEmptyOverrides,
} from "../../core/assessments/reliable-change-settings.rules";
import type {
  ReliableChangeSettings,
  ReliableChangeSettingsView,
} from "../../core/assessments/reliable-change-settings.schema";
import { DomainError } from "../../core/platform/errors";
import { type AuditContext, appendAudit } from "../audit/audit.service";
import type { Database, Queryable } from "../db/connection";
import type { InstrumentCatalog } from "./instrument-catalog";
import { readReliableChangeSettings, writeReliableChangeSettings } from "./reliable-change.repo";

/**
 * The program's reliable-change settings: per questionnaire, the reliability, SD and cut-off it uses
 * over the shipped defaults (each with its source), and when a participant counts as off track.
 */
export function createReliableChangeService(deps: {
  db: Database;
  now: () => Date;
  catalog: InstrumentCatalog;
}) {
  const { db, now, catalog } = deps;
  const instruments = [...catalog.values()].map(({ definition, questionnaire }) => ({
    key: definition.key,
    title: questionnaire.title ?? definition.key,
    titleEs: localized(questionnaire.title, questionnaire._title, "es") ?? definition.key,
  }));
  const knownKeys = instruments.map((i) => i.key);

  async function view(q: Queryable): Promise<ReliableChangeSettingsView> {
    const settings = await readReliableChangeSettings(q);
    return {
      instruments: instruments.map((i) => ({ ...i, ...describeInstrumentSettings(settings, i.key) })),
      offTrack: settings.offTrack,
      offTrackDefault: DEFAULT_OFF_TRACK_SETTINGS,
    };
  }

  return {
    settings: (): Promise<ReliableChangeSettingsView> => view(db),

    /**
     * Replace the settings (the body passed the schema: every value with its source). Overrides of a
     * questionnaire the program does not have are refused, each named; otherwise saved and audited
     * in one transaction.
     */
    async updateSettings(
      input: ReliableChangeSettings,
      context: AuditContext,
    ): Promise<ReliableChangeSettingsView> {
      const unknown = findUnknownInstruments(input, knownKeys);
      if (unknown.length > 0) {
        throw new DomainError(
          "VALIDATION_FAILED",
          `Not questionnaires of this program: ${unknown.join(", ")}.`,
          unknown.map((key) => ({
            path: `overrides.${key}`,
            message: `“${key}” is not a questionnaire of this program.`,
          })),
        );
      }
      const settings = withoutEmptyOverrides(input);
      const at = now();
      await db.transaction(async (tx) => {
        await writeReliableChangeSettings(tx, settings, at);
        await appendAudit(
          tx,
          context,
          {
            action: "settings.reliable_change_update",
            resourceType: "settings",
            purpose: "operations",
            details: {
              overrides: summarizeOverrides(settings.overrides),
              noImprovementAfter: settings.offTrack.noImprovementAfter,
            },
          },
          at,
        );
      });
      return view(db);
    },
  };
}
export type ReliableChangeService = ReturnType<typeof createReliableChangeService>;
