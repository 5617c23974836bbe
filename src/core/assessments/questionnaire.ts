import { z } from "zod";

/**
 * The part of a FHIR R4 Questionnaire that Bridgeway reads: enough to render the form in English or
 * Spanish and to know each answer's score. Content files may carry more (copyright, codes); it is
 * kept as is and served unchanged.
 */

export const ORDINAL_VALUE_URL = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
export const TRANSLATION_URL = "http://hl7.org/fhir/StructureDefinition/translation";

const extensionSchema: z.ZodType<FhirExtension> = z.lazy(() =>
  z.looseObject({
    url: z.string(),
    valueDecimal: z.number().optional(),
    valueInteger: z.number().optional(),
    valueCode: z.string().optional(),
    valueString: z.string().optional(),
    extension: z.array(extensionSchema).optional(),
  }),
);
export interface FhirExtension {
  url: string;
  valueDecimal?: number | undefined;
  valueInteger?: number | undefined;
  valueCode?: string | undefined;
  valueString?: string | undefined;
  extension?: FhirExtension[] | undefined;
}

/** `_text`, `_display`, `_title`: the element's extensions (translations). */
const primitiveExtensionSchema = z.looseObject({ extension: z.array(extensionSchema).optional() });

const codingSchema = z.looseObject({
  system: z.string().optional(),
  code: z.string(),
  display: z.string().optional(),
  _display: primitiveExtensionSchema.optional(),
});

const answerOptionSchema = z.looseObject({
  valueCoding: codingSchema,
  extension: z.array(extensionSchema).optional(),
});

const enableWhenSchema = z.looseObject({
  question: z.string(),
  operator: z.enum(["exists", "=", "!=", ">", "<", ">=", "<="]),
  answerBoolean: z.boolean().optional(),
  answerInteger: z.number().optional(),
  answerDecimal: z.number().optional(),
  answerCoding: codingSchema.optional(),
});

export interface QuestionnaireItem {
  linkId: string;
  text?: string | undefined;
  _text?: { extension?: FhirExtension[] | undefined } | undefined;
  type: string;
  required?: boolean | undefined;
  answerOption?: z.infer<typeof answerOptionSchema>[] | undefined;
  enableWhen?: z.infer<typeof enableWhenSchema>[] | undefined;
  enableBehavior?: "all" | "any" | undefined;
  extension?: FhirExtension[] | undefined;
  item?: QuestionnaireItem[] | undefined;
}

const itemSchema: z.ZodType<QuestionnaireItem> = z.lazy(() =>
  z.looseObject({
    linkId: z.string().min(1),
    text: z.string().optional(),
    _text: primitiveExtensionSchema.optional(),
    type: z.string(),
    required: z.boolean().optional(),
    answerOption: z.array(answerOptionSchema).optional(),
    enableWhen: z.array(enableWhenSchema).optional(),
    enableBehavior: z.enum(["all", "any"]).optional(),
    extension: z.array(extensionSchema).optional(),
    item: z.array(itemSchema).optional(),
  }),
);

export const questionnaireSchema = z.looseObject({
  resourceType: z.literal("Questionnaire"),
  url: z.string().min(1),
  version: z.string().min(1),
  name: z.string().optional(),
  title: z.string(),
  _title: primitiveExtensionSchema.optional(),
  status: z.enum(["draft", "active", "retired", "unknown"]),
  copyright: z.string().optional(),
  item: z.array(itemSchema).min(1),
});
export type Questionnaire = z.infer<typeof questionnaireSchema>;

/** The Spanish (or other) text of an element from its translation extension, else the base text. */
export function localized(
  text: string | undefined,
  element: { extension?: FhirExtension[] | undefined } | undefined,
  lang: string,
): string | undefined {
  const translation = element?.extension?.find(
    (e) =>
      e.url === TRANSLATION_URL &&
      e.extension?.some((part) => part.url === "lang" && part.valueCode === lang),
  );
  return translation?.extension?.find((part) => part.url === "content")?.valueString ?? text;
}

/** An answer option's score (its ordinalValue extension), or null when it carries none. */
export function ordinalOf(option: { extension?: FhirExtension[] | undefined }): number | null {
  const ordinal = option.extension?.find((e) => e.url === ORDINAL_VALUE_URL);
  return ordinal?.valueDecimal ?? ordinal?.valueInteger ?? null;
}

/** Every item, depth first (groups and their children). */
export function flattenItems(items: readonly QuestionnaireItem[]): QuestionnaireItem[] {
  return items.flatMap((item) => [item, ...flattenItems(item.item ?? [])]);
}

/**
 * Whether an item is shown given the answers so far (enableWhen on boolean and numeric answers;
 * coded answers compare by their ordinal value, as the scorers see them).
 */
export function isEnabled(
  item: QuestionnaireItem,
  answers: Readonly<Record<string, number | boolean | undefined>>,
  byLinkId: ReadonlyMap<string, QuestionnaireItem> = new Map(),
): boolean {
  const conditions = item.enableWhen ?? [];
  if (conditions.length === 0) return true;
  const results = conditions.map((c) => {
    const value = answers[c.question];
    if (c.operator === "exists") return (value !== undefined) === (c.answerBoolean ?? true);
    if (value === undefined) return false;
    const coded = c.answerCoding
      ? byLinkId.get(c.question)?.answerOption?.find((o) => o.valueCoding.code === c.answerCoding?.code)
      : undefined;
    const expected =
      c.answerBoolean ?? c.answerInteger ?? c.answerDecimal ?? (coded ? ordinalOf(coded) : null);
    if (expected === null) return false;
    switch (c.operator) {
      case "=":
        return value === expected;
      case "!=":
        return value !== expected;
      case ">":
        return Number(value) > Number(expected);
      case "<":
        return Number(value) < Number(expected);
      case ">=":
        return Number(value) >= Number(expected);
      default:
        return Number(value) <= Number(expected);
    }
  });
  return item.enableBehavior === "any" ? results.some(Boolean) : results.every(Boolean);
}

/**
 * Answers to questions that were not asked: an item whose enableWhen is not met must carry no
 * answer (e.g. the ASQ acuity question when items 1–4 are all "no"). By linkId.
 */
export function checkSkippedAnswers(
  questionnaire: Pick<Questionnaire, "item">,
  answers: Readonly<Record<string, number | boolean | undefined>>,
): { path: string; message: string }[] {
  const items = flattenItems(questionnaire.item);
  const byLinkId = new Map(items.map((i) => [i.linkId, i]));
  return items
    .filter((item) => answers[item.linkId] !== undefined && !isEnabled(item, answers, byLinkId))
    .map((item) => ({
      path: item.linkId,
      message: "This question is asked only after certain answers; leave it blank here.",
    }));
}
