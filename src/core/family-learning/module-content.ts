import type { FamilyModuleKey } from "./family-learning.schema";

/** One part of a module: a heading, a few paragraphs, and optionally a short list. */
export interface ModuleSection {
  heading: string;
  paragraphs: readonly string[];
  points?: readonly string[];
}

/** A module as the family member reads it, in one language. Written by the program in its own words. */
export interface FamilyModuleContent {
  key: FamilyModuleKey;
  title: string;
  /** One line for the list of modules. */
  summary: string;
  sections: readonly ModuleSection[];
  /** The practice exercise: a question answered privately (saved as the exercise answer). */
  exercise: { prompt: string; hint: string };
}

export type FamilyModuleCatalog = Readonly<Record<FamilyModuleKey, FamilyModuleContent>>;

/** A phone number someone can call or text, with a plain description. */
export interface FamilyResource {
  key: string;
  name: string;
  description: string;
  /** Digits for a tel: link (and sms: when `text` is true), and how to show the number. */
  phone: { dial: string; display: string; text: boolean } | null;
}

/** Every word of a module, for counting and for checking nothing is empty. */
export function moduleText(content: FamilyModuleContent): string[] {
  return [
    content.title,
    content.summary,
    ...content.sections.flatMap((s) => [s.heading, ...s.paragraphs, ...(s.points ?? [])]),
    content.exercise.prompt,
    content.exercise.hint,
  ];
}

export function countWords(texts: readonly string[]): number {
  return texts.join(" ").split(/\s+/).filter(Boolean).length;
}
