import {
  type CheckInInput,
  checkInInputSchema,
  type SleepQuality,
  type Substance,
} from "../../../../core/check-ins/check-in.schema";
import type { Language } from "../../../i18n";

/** The check-in as the person fills it in: nothing chosen yet is `null`. */
export interface CheckInFormValues {
  mood: number | null;
  craving: number | null;
  sleepHours: number | null;
  sleepQuality: SleepQuality | null;
  anyUse: boolean | null;
  substances: Substance[];
  useDetail: string;
  triggers: string[];
  skills: string[];
  wentWell: string;
  wantsToTalk: boolean;
  selfHarmThoughts: boolean | null;
  overdose: boolean | null;
}

export const EMPTY_CHECK_IN: CheckInFormValues = {
  mood: null,
  craving: null,
  sleepHours: null,
  sleepQuality: null,
  anyUse: null,
  substances: [],
  useDetail: "",
  triggers: [],
  skills: [],
  wentWell: "",
  wantsToTalk: false,
  selfHarmThoughts: null,
  overdose: null,
};

/** Field → what is wrong with it (the first problem only). */
export type FieldErrors = Partial<Record<string, string>>;

/** The device's own calendar day (the person's "today"), as YYYY-MM-DD. */
export function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The form as the API takes it, checked with the server's own schema. Use answered "no" drops any
 * substances and detail picked before the answer changed; unanswered safety questions count as no.
 */
export function toCheckInInput(
  values: CheckInFormValues,
  context: { idempotencyKey: string; now: Date; language: Language },
): { ok: true; input: CheckInInput } | { ok: false; errors: FieldErrors } {
  const used = values.anyUse === true;
  const parsed = checkInInputSchema.safeParse({
    idempotencyKey: context.idempotencyKey,
    checkedInOn: localDay(context.now),
    recordedAt: context.now.toISOString(),
    queuedOffline: false,
    mood: values.mood ?? undefined,
    craving: values.craving ?? undefined,
    sleepHours: values.sleepHours,
    sleepQuality: values.sleepQuality,
    anyUse: values.anyUse ?? undefined,
    substances: used ? values.substances : [],
    useDetail: used ? values.useDetail : "",
    triggers: values.triggers,
    skills: values.skills,
    wentWell: values.wentWell,
    wantsToTalk: values.wantsToTalk,
    selfHarmThoughts: values.selfHarmThoughts === true,
    overdose: values.overdose === true,
    language: context.language,
  });
  if (parsed.success) return { ok: true, input: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}

/** A kept check-in back in the form, to correct it. */
export function toFormValues(input: CheckInInput): CheckInFormValues {
  return {
    mood: input.mood,
    craving: input.craving,
    sleepHours: input.sleepHours,
    sleepQuality: input.sleepQuality,
    anyUse: input.anyUse,
    substances: input.substances,
    useDetail: input.useDetail,
    triggers: input.triggers,
    skills: input.skills,
    wentWell: input.wentWell,
    wantsToTalk: input.wantsToTalk,
    selfHarmThoughts: input.selfHarmThoughts,
    overdose: input.overdose,
  };
}

/** The server's field errors ("triggers.2" → "triggers"), first message per field. */
export function serverFieldErrors(fields: { path: string; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const f of fields) errors[f.path.split(".")[0] || "form"] ??= f.message;
  return errors;
}

/** Case-insensitively new labels, in order: the plan's triggers, recent ones, then the person's own. */
export function mergeLabels(...lists: string[][]): string[] {
  const seen = new Set<string>();
  const merged: string[] = [];
  for (const label of lists.flat()) {
    const trimmed = label.trim();
    const key = trimmed.toLocaleLowerCase();
    if (trimmed === "" || seen.has(key)) continue;
    seen.add(key);
    merged.push(trimmed);
  }
  return merged;
}
