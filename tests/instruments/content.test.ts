import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { InstrumentDefinition } from "../../src/core/assessments/instrument";
import {
  type FhirExtension,
  flattenItems,
  ordinalOf,
  type QuestionnaireItem,
  questionnaireSchema,
  TRANSLATION_URL,
} from "../../src/core/assessments/questionnaire";
import { INSTRUMENTS } from "../../src/core/assessments/registry";

/**
 * Every registered instrument's content file says what its scorer expects: same canonical URL and
 * version, every scored item present with the same options (by ordinal score) or type, nothing asked
 * that the scorer would refuse, Spanish wherever there is English, and the LOINC panel code of the
 * definition. A new instrument is checked as soon as it is in INSTRUMENTS.
 */

const CONTENT_DIR = path.resolve(import.meta.dirname, "../../content/instruments");
const LOINC = "http://loinc.org";
const MIN_VALUE_URL = "http://hl7.org/fhir/StructureDefinition/minValue";
const MAX_VALUE_URL = "http://hl7.org/fhir/StructureDefinition/maxValue";
const QUESTION_TYPES = ["choice", "boolean", "integer"];

function load(definition: InstrumentDefinition) {
  const raw = JSON.parse(fs.readFileSync(path.join(CONTENT_DIR, `${definition.key}.json`), "utf8")) as {
    resourceType?: unknown;
    code?: { system?: string; code?: string }[];
  };
  const questionnaire = questionnaireSchema.parse(raw);
  const items = flattenItems(questionnaire.item);
  return { raw, questionnaire, items, byLinkId: new Map(items.map((item) => [item.linkId, item])) };
}

function spanishOf(element: { extension?: FhirExtension[] | undefined } | undefined): string | undefined {
  const translation = element?.extension?.find(
    (e) =>
      e.url === TRANSLATION_URL &&
      e.extension?.some((part) => part.url === "lang" && part.valueCode === "es"),
  );
  return translation?.extension?.find((part) => part.url === "content")?.valueString?.trim() || undefined;
}

const bound = (item: QuestionnaireItem, url: string) => {
  const extension = item.extension?.find((e) => e.url === url);
  return extension?.valueInteger ?? extension?.valueDecimal ?? null;
};

const sorted = (values: readonly (number | null)[]) => [...values].sort((a, b) => Number(a) - Number(b));

describe.each(INSTRUMENTS.map((definition) => [definition.key, definition] as const))(
  "content/instruments/%s.json",
  (_key, definition) => {
    const { raw, questionnaire, items, byLinkId } = load(definition);

    it("is the active FHIR Questionnaire its scorer is keyed by, with its copyright statement", () => {
      expect(raw.resourceType).toBe("Questionnaire");
      expect({ url: questionnaire.url, version: questionnaire.version }).toEqual({
        url: definition.url,
        version: definition.version,
      });
      expect(questionnaire.status).toBe("active");
      expect(questionnaire.copyright?.trim()).toBeTruthy();
    });

    it("has every item the scorer reads, with the same options, type, range and requiredness", () => {
      for (const scored of definition.items) {
        const item = byLinkId.get(scored.linkId);
        expect(item, `item ${scored.linkId}`).toBeDefined();
        if (!item) continue;
        const found = { linkId: item.linkId, type: item.type, required: item.required ?? false };
        if (scored.kind === "ordinal") {
          const options = item.answerOption ?? [];
          expect(found).toEqual({ linkId: scored.linkId, type: "choice", required: scored.required });
          expect(sorted(options.map(ordinalOf)), `scores of item ${scored.linkId}`).toEqual(
            sorted(scored.values),
          );
        } else if (scored.kind === "boolean") {
          expect(found).toEqual({ linkId: scored.linkId, type: "boolean", required: scored.required });
        } else {
          expect(found).toEqual({ linkId: scored.linkId, type: "integer", required: scored.required });
          expect(
            [bound(item, MIN_VALUE_URL), bound(item, MAX_VALUE_URL)],
            `range of ${scored.linkId}`,
          ).toEqual([scored.min, scored.max]);
        }
      }
    });

    it("asks nothing the scorer would refuse as an unknown item", () => {
      const known = new Set(definition.items.map((i) => i.linkId));
      const questions = items.filter((item) => QUESTION_TYPES.includes(item.type)).map((item) => item.linkId);
      expect(questions.filter((linkId) => !known.has(linkId))).toEqual([]);
      expect(new Set(items.map((i) => i.linkId)).size).toBe(items.length);
    });

    it("makes questions depend only on items that exist", () => {
      const dangling = items.flatMap((item) =>
        (item.enableWhen ?? [])
          .filter((c) => !byLinkId.has(c.question))
          .map((c) => `${item.linkId}→${c.question}`),
      );
      expect(dangling).toEqual([]);
    });

    it("has Spanish wherever it has English: title, item text and option labels", () => {
      const untranslated: string[] = [];
      if (!spanishOf(questionnaire._title)) untranslated.push("title");
      for (const item of items) {
        if (item.text !== undefined && !spanishOf(item._text)) untranslated.push(item.linkId);
        for (const option of item.answerOption ?? [])
          if (option.valueCoding.display !== undefined && !spanishOf(option.valueCoding._display))
            untranslated.push(`${item.linkId}:${option.valueCoding.code}`);
      }
      expect(untranslated).toEqual([]);
    });

    it.skipIf(definition.licence === "program_supplied")("ships the wording of every question", () => {
      const silent = items.filter((item) => QUESTION_TYPES.includes(item.type) && !item.text?.trim());
      expect(silent.map((item) => item.linkId)).toEqual([]);
    });

    it("carries the definition's LOINC panel code, or none", () => {
      const panel = raw.code?.find((c) => c.system === LOINC)?.code ?? null;
      expect(panel).toBe(definition.loinc.panel);
    });
  },
);
