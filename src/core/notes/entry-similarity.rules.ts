import { type ClonedEntryFinding, clonedEntryThresholdSchema } from "./entry-similarity.schema";

/**
 * The cloned-entry check for group notes (issue 8): before a clinician signs, flag each
 * individualized entry that reads the same as another participant's entry in this note, or as the
 * same participant's entry in one of their earlier notes. Payers deny cloned group notes; the
 * clinician may still sign, but sees what an auditor would see. Pure: texts in, findings out.
 *
 * How two entries are compared
 * 1. Normalise. Lower case; accents dropped ("recaída" = "recaida", so a Spanish entry typed with
 *    or without accents is one text); punctuation and spacing ignored (only the words count);
 *    every run of digits becomes `#` ("attended 3 of 4" = "attended 4 of 4": a template with a
 *    figure changed is still a template); apostrophes vanish ("didn't" = "didnt").
 * 2. Set names aside. The participants' names (the caller passes them, first and last and any
 *    preferred name, for everyone in the check) become one placeholder in every entry, and so do
 *    titles (Mr, Ms, Sr, Sra…): "Maria shared her triggers" written for Maria and "John shared his
 *    triggers" written for John are one template, and so is Maria's entry pasted whole into John's. Third-person pronouns (he/she/they, him/her/them, his/their…, él/ella/ellos/ellas)
 *    become one placeholder too, for the same reason. Pronouns are matched before accents are
 *    dropped, so the Spanish article "el" is not taken for "él". A name that is also a word
 *    ("Hope", "Dolores") is set aside wherever it appears, as the word too; both texts lose it alike,
 *    so the cost is only that two different names count as the same word.
 * 3. Measure. Two measures, because each misses what the other sees:
 *    - words in order: Jaccard index of the sets of word 2-grams and 3-grams (shingles). Shared
 *      vocabulary alone — two honest entries about the same module both say "triggers", "urge" and
 *      "plan" — scores low; shared phrasing scores high. One word changed in a 40-word entry
 *      breaks only 5 of its 77 shingles, so the entry still scores about 0.88.
 *    - characters: Dice coefficient of the character 3-grams of the normalised text. On a short
 *      entry one changed word breaks a large share of the word shingles (an 11-word entry with one
 *      word changed keeps under 60 % of them) although a reader sees the same sentence; its
 *      characters still agree at almost 0.9.
 *    The similarity is a blend: all characters at 5 words, all word shingles from 40 words, linear
 *    in between (the shorter entry's word count decides). Both measures and the blend are
 *    symmetric and lie in [0, 1]; the similarity is 1 for equal texts and only for them.
 * 4. Decide. Entries equal after steps 1–2 are flagged as identical, however short. Entries of
 *    fewer than 5 words on either side are compared for identity only: "Attended, engaged." twice is
 *    a clone, but "Attended, engaged." next to "Attended, quiet." is not worth a flag — short
 *    entries look alike by nature. Longer entries are flagged from the threshold up (0.8 by
 *    default: honest entries about the same module stay under 0.2 in the tests, while a template with
 *    a word or two changed, or with another name and pronoun, scores 0.8–0.95).
 * Empty entries (no words once normalised) are left out: the signing rules deal with them.
 *
 * Speed: each text is normalised once in a check and its shingles kept as sorted numbers, so a
 * comparison is a merge of two short sorted lists; the character measure is made only for pairs
 * that could still reach the threshold with it. A group of 20 with 20 earlier entries each (590
 * comparisons) takes about 10 ms on the shared 2-core CI machine under load
 * (`npm run bench -- cloned-entry`).
 */

/** Flag entries at least this similar (0..1). */
export const DEFAULT_CLONE_THRESHOLD = 0.8;
/** Entries with fewer words than this are compared for identity only. */
export const MIN_WORDS_FOR_NEAR_MATCH = 5;
/** From this many words on, the similarity is the word-shingle measure alone. */
export const WORDS_FOR_SHINGLES_ONLY = 40;

const NAME = "\u0001n";
const PRONOUN = "\u0001p";

/** Third-person pronouns, lower case and with their accents (matched before accents are dropped). */
const PRONOUNS = new Set([
  "he",
  "she",
  "they",
  "him",
  "her",
  "them",
  "his",
  "hers",
  "their",
  "theirs",
  "himself",
  "herself",
  "themselves",
  "themself",
  "él",
  "ella",
  "ellos",
  "ellas",
]);
/** Titles that go with a name; they join the name placeholder. */
const TITLES = new Set(["mr", "mrs", "ms", "mx", "miss", "sr", "sra", "srta", "don", "doña"]);

const WORD = /[\p{L}\p{M}\p{N}'’]+/gu;
const PLAIN_LETTERS = /^[a-z]+$/;
const NOT_ASCII = /[^ -~]/;

function dropAccents(word: string): string {
  return word.normalize("NFD").replace(/\p{M}+/gu, "");
}

/** A name or a list of names, as the lower-case accentless words they are made of. */
function nameWords(names: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const name of names)
    for (const raw of name.toLowerCase().match(WORD) ?? []) words.add(dropAccents(raw.replace(/['’]/g, "")));
  return words;
}

/** The words of an entry once normalised (see the file comment, steps 1 and 2). */
export function normalizeEntryWords(text: string, names: readonly string[] = []): string[] {
  return normalizeWords(text, nameWords(names));
}

function normalizeWords(text: string, own: ReadonlySet<string>): string[] {
  const words: string[] = [];
  for (const raw of text.normalize("NFC").toLowerCase().match(WORD) ?? []) {
    // Most words are plain a–z: they skip the Unicode work below.
    const plainLetters = PLAIN_LETTERS.test(raw);
    const bare = plainLetters ? raw : raw.replace(/['’]/g, "");
    if (bare === "") continue;
    let word: string;
    if (PRONOUNS.has(bare)) word = PRONOUN;
    else {
      const plain = plainLetters || !NOT_ASCII.test(bare) ? bare : dropAccents(bare);
      if (TITLES.has(bare) || own.has(plain)) word = NAME;
      else word = plainLetters ? plain : plain.replace(/\p{N}+/gu, "#");
    }
    // "Mr John Smith" is one name: a run of name words is one placeholder.
    if (word === NAME && words.at(-1) === NAME) continue;
    words.push(word);
  }
  return words;
}

/**
 * Ids for the words and word pairs of one check, so shingles are numbers (a 2-gram is
 * `word × 2^26 + word`, a 3-gram `2-gram id × 2^26 + word`: exact below 2^53 for up to 2^26 distinct
 * words and pairs in one check, far above what a group note and its history hold).
 */
class Vocabulary {
  private readonly words = new Map<string, number>();
  private readonly pairs = new Map<number, number>();
  word(word: string): number {
    const known = this.words.get(word);
    if (known !== undefined) return known;
    this.words.set(word, this.words.size);
    return this.words.size - 1;
  }
  pair(code: number): number {
    const known = this.pairs.get(code);
    if (known !== undefined) return known;
    this.pairs.set(code, this.pairs.size);
    return this.pairs.size - 1;
  }
}
const SHIFT = 2 ** 26;

/** An entry prepared for comparison: normalised once, compared many times. */
interface Prepared {
  key: string;
  wordCount: number;
  /** Word 2-grams and 3-grams, as sorted distinct codes. */
  bigrams: Float64Array;
  trigrams: Float64Array;
  /** Character 3-grams of `key`, sorted distinct codes; made on first use (long entries never need them). */
  characters: Float64Array | null;
}

function sortedDistinct(codes: Float64Array): Float64Array {
  codes.sort();
  let n = 0;
  for (let i = 0; i < codes.length; i++) if (i === 0 || codes[i] !== codes[n - 1]) codes[n++] = codes[i]!;
  return codes.subarray(0, n);
}

function prepare(text: string, names: ReadonlySet<string>, vocabulary: Vocabulary): Prepared {
  const words = normalizeWords(text, names);
  const ids = words.map((word) => vocabulary.word(word));
  const bigrams = new Float64Array(Math.max(0, ids.length - 1));
  const trigrams = new Float64Array(Math.max(0, ids.length - 2));
  for (let i = 0; i + 1 < ids.length; i++) {
    const pair = ids[i]! * SHIFT + ids[i + 1]!;
    bigrams[i] = pair;
    if (i + 2 < ids.length) trigrams[i] = vocabulary.pair(pair) * SHIFT + ids[i + 2]!;
  }
  return {
    key: words.join(" "),
    wordCount: words.length,
    bigrams: sortedDistinct(bigrams),
    trigrams: sortedDistinct(trigrams),
    characters: null,
  };
}

/** UTF-16 units are under 2^16, so three of them make one exact code. */
function characterTrigrams(entry: Prepared): Float64Array {
  if (entry.characters) return entry.characters;
  const padded = ` ${entry.key} `;
  const codes = new Float64Array(Math.max(0, padded.length - 2));
  for (let i = 0; i < codes.length; i++)
    codes[i] = padded.charCodeAt(i) * 2 ** 32 + padded.charCodeAt(i + 1) * 2 ** 16 + padded.charCodeAt(i + 2);
  entry.characters = sortedDistinct(codes);
  return entry.characters;
}

/** How many codes two sorted distinct lists share. */
function shared(a: Float64Array, b: Float64Array): number {
  let count = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      count++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return count;
}

/** Jaccard index of the word 2-gram and 3-gram sets taken together. */
function shingleJaccard(a: Prepared, b: Prepared): number {
  const both = shared(a.bigrams, b.bigrams) + shared(a.trigrams, b.trigrams);
  const union = a.bigrams.length + a.trigrams.length + b.bigrams.length + b.trigrams.length - both;
  return union === 0 ? 1 : both / union;
}

/** Dice coefficient of the character 3-gram sets. */
function characterDice(a: Prepared, b: Prepared): number {
  const x = characterTrigrams(a);
  const y = characterTrigrams(b);
  return x.length + y.length === 0 ? 1 : (2 * shared(x, y)) / (x.length + y.length);
}

/**
 * The similarity of two prepared entries. With `atLeast`, a pair that cannot reach it even with
 * identical characters is answered early, by a figure under `atLeast` (the check needs no more).
 */
function compare(a: Prepared, b: Prepared, atLeast = 0): number {
  if (a.key === b.key) return 1;
  if (a.wordCount === 0 || b.wordCount === 0) return 0;
  const words = Math.min(a.wordCount, b.wordCount);
  const weight = Math.min(
    1,
    Math.max(0, (words - MIN_WORDS_FOR_NEAR_MATCH) / (WORDS_FOR_SHINGLES_ONLY - MIN_WORDS_FOR_NEAR_MATCH)),
  );
  const shingles = weight > 0 ? shingleJaccard(a, b) : 0;
  if (weight * shingles + (1 - weight) < atLeast) return weight * shingles;
  const characters = weight < 1 ? characterDice(a, b) : 0;
  // Rounded to 1e-9 so floating-point noise cannot make a(b) differ from b(a) or leave [0, 1];
  // under 1, kept for equal texts, even when repeats make the sets equal ("yes yes" and "yes").
  return Math.min(0.999, Math.round((weight * shingles + (1 - weight) * characters) * 1e9) / 1e9);
}

/**
 * How alike two entry texts read, from 0 (nothing in common) to 1 (the same words once case,
 * accents, punctuation, spacing and numbers are set aside). `namesA` and `namesB` are the names of
 * the participant each text is about; both are replaced by a placeholder in both texts before
 * comparing. Symmetric.
 */
export function entrySimilarity(
  a: string,
  b: string,
  namesA: readonly string[] = [],
  namesB: readonly string[] = [],
): number {
  const names = nameWords([...namesA, ...namesB]);
  const vocabulary = new Vocabulary();
  return compare(prepare(a, names, vocabulary), prepare(b, names, vocabulary));
}

export interface ClonedEntryCheckInput {
  /** This note's individualized entries, one per participant. */
  entries: readonly { participantId: string; text: string }[];
  /** The participants' entries in their earlier notes; each is compared with its own participant only. */
  previous: readonly { participantId: string; noteId: string; text: string }[];
  /** Flag from this similarity up; DEFAULT_CLONE_THRESHOLD when absent. */
  threshold?: number;
  /**
   * Each participant's names (first, last, preferred…). Every name given here is set aside in every
   * entry, so an entry copied whole from Maria's to John's, Maria's name included, is identical.
   */
  namesByParticipant?: Readonly<Record<string, readonly string[]>>;
}

/**
 * The entries of a group note that an auditor would call cloned: for each participant, every other
 * participant's entry in this note and every earlier entry of their own that reads the same (see the
 * file comment). A pair in the same note gives a finding to each of its two participants. Findings
 * come in the order of `entries`, then `same_note` before `own_previous`, most similar first.
 * Throws a RangeError naming `threshold` when it is not a number from 0.5 to 1.
 */
export function findClonedEntries(input: ClonedEntryCheckInput): ClonedEntryFinding[] {
  const threshold = input.threshold ?? DEFAULT_CLONE_THRESHOLD;
  const parsed = clonedEntryThresholdSchema.safeParse(threshold);
  if (!parsed.success)
    throw new RangeError(`threshold: ${parsed.error.issues[0]?.message ?? "not a valid threshold."}`);
  const names = nameWords(Object.values(input.namesByParticipant ?? {}).flat());
  const vocabulary = new Vocabulary();

  const current = input.entries
    .map((entry, order) => ({ ...entry, order, prepared: prepare(entry.text, names, vocabulary) }))
    .filter((entry) => entry.prepared.wordCount > 0);
  const previousByParticipant = new Map<string, { noteId: string; prepared: Prepared }[]>();
  const inThisNote = new Set(current.map((entry) => entry.participantId));
  for (const entry of input.previous) {
    if (!inThisNote.has(entry.participantId)) continue;
    const prepared = prepare(entry.text, names, vocabulary);
    if (prepared.wordCount === 0) continue;
    const list = previousByParticipant.get(entry.participantId) ?? [];
    list.push({ noteId: entry.noteId, prepared });
    previousByParticipant.set(entry.participantId, list);
  }

  /** Null when the pair is not a clone; otherwise its similarity and whether it is identical. */
  const judge = (a: Prepared, b: Prepared): { similarity: number; identical: boolean } | null => {
    if (a.key === b.key) return { similarity: 1, identical: true };
    if (Math.min(a.wordCount, b.wordCount) < MIN_WORDS_FOR_NEAR_MATCH) return null;
    const similarity = compare(a, b, threshold);
    if (similarity < threshold) return null;
    // Two decimals for display, never rounded up to a 1 that would read as "identical".
    return { similarity: Math.min(0.99, Math.round(similarity * 100) / 100), identical: false };
  };

  const found = new Map<number, ClonedEntryFinding[]>(current.map((entry) => [entry.order, []]));
  for (let i = 0; i < current.length; i++) {
    const a = current[i]!;
    for (let j = i + 1; j < current.length; j++) {
      const b = current[j]!;
      if (a.participantId === b.participantId) continue;
      const verdict = judge(a.prepared, b.prepared);
      if (!verdict) continue;
      found.get(a.order)!.push({
        participantId: a.participantId,
        kind: "same_note",
        otherParticipantId: b.participantId,
        ...verdict,
      });
      found.get(b.order)!.push({
        participantId: b.participantId,
        kind: "same_note",
        otherParticipantId: a.participantId,
        ...verdict,
      });
    }
    for (const earlier of previousByParticipant.get(a.participantId) ?? []) {
      const verdict = judge(a.prepared, earlier.prepared);
      if (verdict)
        found
          .get(a.order)!
          .push({ participantId: a.participantId, kind: "own_previous", noteId: earlier.noteId, ...verdict });
    }
  }

  const kindOrder = (finding: ClonedEntryFinding) => (finding.kind === "same_note" ? 0 : 1);
  return current.flatMap((entry) =>
    found.get(entry.order)!.sort((x, y) => kindOrder(x) - kindOrder(y) || y.similarity - x.similarity),
  );
}
