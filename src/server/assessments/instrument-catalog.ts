import fs from "node:fs";
import { fileURLToPath } from "node:url";
import type { InstrumentDefinition } from "../../core/assessments/instrument";
import { type Questionnaire, questionnaireSchema } from "../../core/assessments/questionnaire";
import { INSTRUMENTS } from "../../core/assessments/registry";

/** Where the shipped instrument content lives: `content/instruments/<key>.json` in the package. */
export const INSTRUMENT_CONTENT_DIR = fileURLToPath(
  new URL("../../../content/instruments/", import.meta.url),
);

export interface CatalogEntry {
  definition: InstrumentDefinition;
  questionnaire: Questionnaire;
}

export type InstrumentCatalog = ReadonlyMap<string, CatalogEntry>;

/**
 * Read every registered instrument's Questionnaire once, at start. A missing or malformed file, or
 * one whose URL or version differs from its scorer, stops start-up with a message naming the file:
 * a questionnaire that cannot be scored exactly must never be offered.
 */
export function loadInstrumentCatalog(
  dir = INSTRUMENT_CONTENT_DIR,
  instruments: readonly InstrumentDefinition[] = INSTRUMENTS,
): InstrumentCatalog {
  const catalog = new Map<string, CatalogEntry>();
  for (const definition of instruments) {
    const file = `${dir.replace(/\/$/, "")}/${definition.key}.json`;
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (error) {
      throw new Error(`Instrument content ${file} could not be read: ${(error as Error).message}`);
    }
    const parsed = questionnaireSchema.safeParse(raw);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new Error(
        `Instrument content ${file} is not a usable Questionnaire: ${first?.path.join(".") || "(root)"} ${first?.message}`,
      );
    }
    if (parsed.data.url !== definition.url || parsed.data.version !== definition.version) {
      throw new Error(
        `Instrument content ${file} is ${parsed.data.url}|${parsed.data.version}, but its scorer is ${definition.url}|${definition.version}.`,
      );
    }
    catalog.set(definition.key, { definition, questionnaire: parsed.data });
  }
  return catalog;
}
