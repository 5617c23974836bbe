import { withinEdits } from "../platform/edit-distance";

/**
 * Typo-tolerant name matching for the caseload search: every word typed must match the start of a
 * word of the name, allowing one wrong, missing or extra letter for words of 4 letters or more
 * (two for 8 or more). Accents and case are ignored.
 */

const fold = (text: string) =>
  text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9\s'-]/g, " ");

function wordMatches(typed: string, word: string): boolean {
  if (word.startsWith(typed)) return true;
  if (typed.length < 4) return false;
  const limit = typed.length >= 8 ? 2 : 1;
  // Compare with the name word cut to the typed length, and a letter either side.
  for (const length of [typed.length - 1, typed.length, typed.length + 1]) {
    if (length > 0 && length <= word.length && withinEdits(typed, word.slice(0, length), limit)) return true;
  }
  return withinEdits(typed, word, limit);
}

export function nameMatches(query: string, name: string): boolean {
  const typed = fold(query).split(/\s+/).filter(Boolean);
  if (typed.length === 0) return false;
  const words = fold(name)
    .split(/[\s'-]+/)
    .filter(Boolean);
  return typed.every((t) => words.some((w) => wordMatches(t, w)));
}
