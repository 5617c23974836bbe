import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_CLONE_THRESHOLD,
  entrySimilarity,
  findClonedEntries,
  MIN_WORDS_FOR_NEAR_MATCH,
  normalizeEntryWords,
} from "./entry-similarity.rules";
import type { ClonedEntryFinding } from "./entry-similarity.schema";

/** Entries written for a relapse-prevention group on triggers and urge surfing. */
const MARIA =
  "Maria attended the full relapse prevention group and identified two high-risk situations from her past week: payday evenings and visits to her cousin's house. She practised urge surfing during the exercise, rated her craving at 6 before and 3 after, and agreed to call her sponsor before payday.";
const JOHN =
  "John was quiet at the start but later described how boredom on weekends leads him to old friends who still use. He struggled with the urge surfing exercise and said the craving felt too strong to watch; the group suggested a walk as an alternative. He will try a HALT check each evening and bring one example next session.";
const ANA =
  "Ana compared her triggers with the examples in the handout and noticed that loneliness after work is her main one. During urge surfing she described the craving rising and falling like a wave and said it surprised her. She plans to join the Tuesday walking group and text a peer when cravings start.";

/** The boilerplate payers deny: one paragraph, another name and pronoun. */
const template = (name: string, pronoun: "He" | "She") =>
  `${name} actively participated in today's relapse prevention group. ${pronoun} identified personal triggers and discussed coping strategies. ${pronoun} was receptive to feedback from peers and staff.`;

const NAMES = {
  maria: ["María", "López"],
  john: ["John", "Smith"],
  ana: ["Ana", "Ruiz"],
  pedro: ["Pedro", "Gómez"],
};

/** What a finding says, without the figure: who, where, and whether it is an exact copy. */
const summary = (findings: ClonedEntryFinding[]) =>
  findings.map((f) => [f.participantId, f.kind, f.otherParticipantId ?? f.noteId, f.identical]);

function sameNote(entries: Record<string, string>, threshold?: number) {
  return findClonedEntries({
    entries: Object.entries(entries).map(([participantId, text]) => ({ participantId, text })),
    previous: [],
    namesByParticipant: NAMES,
    ...(threshold === undefined ? {} : { threshold }),
  });
}

describe("entrySimilarity", () => {
  it.each([
    ["the same text", MARIA, MARIA, 1],
    [
      "case, punctuation and spacing",
      "Attended the full group; engaged well, shared a trigger.",
      "attended   the FULL group engaged well - shared a trigger",
      1,
    ],
    [
      "Spanish with and without accents",
      "Participó activamente en el grupo de prevención de recaídas y practicó la técnica.",
      "Participo activamente en el grupo de prevencion de recaidas y practico la tecnica.",
      1,
    ],
    [
      "numbers changed in a template",
      "Rated craving 6 before and 3 after the exercise.",
      "Rated craving 8 before and 5 after the exercise.",
      1,
    ],
  ])("%s: identical", (_, a, b, expected) => {
    expect(entrySimilarity(a, b)).toBe(expected);
  });

  it("a template with another participant's name and pronoun is identical once names are set aside", () => {
    expect(
      entrySimilarity(template("Maria López", "She"), template("John", "He"), NAMES.maria, NAMES.john),
    ).toBe(1);
  });

  it("the same template without the names given still reads as nearly the same", () => {
    expect(entrySimilarity(template("Maria", "She"), template("John", "He"))).toBeGreaterThan(0.9);
  });

  it("one word changed in a long entry stays above the threshold", () => {
    const edited = MARIA.replace("cousin's", "brother's");
    expect(entrySimilarity(MARIA, edited)).toBeGreaterThanOrEqual(0.85);
    expect(entrySimilarity(MARIA, edited)).toBeLessThan(1);
  });

  it("one word changed in an 11-word entry stays above the threshold (the characters carry it)", () => {
    const a = "Participant engaged in group and identified triggers. Will practise coping skills.";
    const b = "Participant engaged in group and identified cravings. Will practise coping skills.";
    expect(entrySimilarity(a, b)).toBeGreaterThanOrEqual(DEFAULT_CLONE_THRESHOLD);
  });

  it("individualized entries about the same module score far below the threshold", () => {
    for (const [a, b] of [
      [MARIA, JOHN],
      [MARIA, ANA],
      [JOHN, ANA],
      [template("Maria", "She"), MARIA],
    ] as const)
      expect(entrySimilarity(a, b)).toBeLessThan(0.3);
  });

  it("an empty text is like nothing but another empty text", () => {
    expect(entrySimilarity("", MARIA)).toBe(0);
    expect(entrySimilarity("  …  ", "")).toBe(1);
  });
});

describe("normalizeEntryWords", () => {
  it("sets aside the participant's names with their title, pronouns, accents, numbers and apostrophes", () => {
    expect(normalizeEntryWords("Mr. John Smith said he didn't drink for 12 days.", NAMES.john)).toEqual([
      "\u0001n",
      "said",
      "\u0001p",
      "didnt",
      "drink",
      "for",
      "#",
      "days",
    ]);
  });

  it("tells the Spanish pronoun él from the article el", () => {
    expect(normalizeEntryWords("Él habló con el grupo.")).toEqual(["\u0001p", "hablo", "con", "el", "grupo"]);
  });

  it("matches accented names written without accents", () => {
    expect(normalizeEntryWords("Maria Lopez llegó tarde.", NAMES.maria)).toEqual([
      "\u0001n",
      "llego",
      "tarde",
    ]);
  });
});

describe("findClonedEntries", () => {
  it("flags an entry copied whole into another participant's, name included, once for each participant", () => {
    expect(summary(sameNote({ maria: MARIA, john: MARIA, ana: ANA }))).toEqual([
      ["maria", "same_note", "john", true],
      ["john", "same_note", "maria", true],
    ]);
  });

  it("flags entries identical after case and punctuation as identical", () => {
    const findings = sameNote({
      maria: "Engaged well; identified two triggers and practised urge surfing.",
      john: "engaged well, identified two triggers, and practised urge-surfing",
    });
    expect(findings.map((f) => [f.identical, f.similarity])).toEqual([
      [true, 1],
      [true, 1],
    ]);
  });

  it("flags a name-swapped template as identical", () => {
    expect(
      summary(sameNote({ maria: template("María", "She"), john: template("John Smith", "He"), ana: ANA })),
    ).toEqual([
      ["maria", "same_note", "john", true],
      ["john", "same_note", "maria", true],
    ]);
  });

  it("flags a long entry with one word changed as near-identical, with its similarity", () => {
    const [finding] = sameNote({ maria: MARIA, john: MARIA.replace("sponsor", "counselor") });
    expect(finding).toMatchObject({ participantId: "maria", otherParticipantId: "john", identical: false });
    expect(finding!.similarity).toBeGreaterThanOrEqual(DEFAULT_CLONE_THRESHOLD);
    expect(finding!.similarity).toBeLessThan(1);
  });

  it("does not flag individualized entries about the same module", () => {
    expect(sameNote({ maria: MARIA, john: JOHN, ana: ANA })).toEqual([]);
  });

  it("compares Spanish entries without regard to accents or the participant's name", () => {
    const findings = sameNote({
      maria:
        "María participó activamente en el grupo. Identificó sus situaciones de alto riesgo y practicó la técnica de surfear el impulso.",
      pedro:
        "Pedro participo activamente en el grupo. Identifico sus situaciones de alto riesgo y practico la tecnica de surfear el impulso.",
    });
    expect(summary(findings)).toEqual([
      ["maria", "same_note", "pedro", true],
      ["pedro", "same_note", "maria", true],
    ]);
  });

  it("does not flag different Spanish entries about the same module", () => {
    expect(
      sameNote({
        maria:
          "María identificó que los viernes de pago son su situación de mayor riesgo y practicó surfear el impulso con buena disposición.",
        pedro:
          "Pedro habló de su miedo a volver a trabajar en la obra, donde sus compañeros beben después del turno. Propuso llevar su propia comida.",
      }),
    ).toEqual([]);
  });

  it("flags identical short entries but not short entries that differ by a word", () => {
    expect(summary(sameNote({ maria: "Attended, engaged.", john: "attended — engaged" }))).toEqual([
      ["maria", "same_note", "john", true],
      ["john", "same_note", "maria", true],
    ]);
    expect(sameNote({ maria: "Attended, engaged.", john: "Attended, quiet." })).toEqual([]);
    // Four words each, one different: near-identical is not judged under MIN_WORDS_FOR_NEAR_MATCH.
    expect(MIN_WORDS_FOR_NEAR_MATCH).toBe(5);
    expect(sameNote({ maria: "Attended and engaged well.", john: "Attended and engaged fully." })).toEqual(
      [],
    );
  });

  it("ignores empty entries, even two of them", () => {
    expect(sameNote({ maria: "", john: "   ", ana: "—" })).toEqual([]);
  });

  it("flags an entry copied from the participant's own previous note, and names that note", () => {
    const findings = findClonedEntries({
      entries: [
        { participantId: "maria", text: MARIA.replace("6 before and 3 after", "7 before and 4 after") },
        { participantId: "john", text: JOHN },
      ],
      previous: [
        { participantId: "maria", noteId: "note-1", text: ANA },
        { participantId: "maria", noteId: "note-2", text: MARIA },
        { participantId: "maria", noteId: "note-3", text: MARIA.replace("cousin's", "brother's") },
        // Another participant's earlier entry is not this participant's own previous note.
        { participantId: "ana", noteId: "note-2", text: JOHN },
      ],
      namesByParticipant: NAMES,
    });
    expect(summary(findings)).toEqual([
      ["maria", "own_previous", "note-2", true],
      ["maria", "own_previous", "note-3", false],
    ]);
  });

  it("lists same-note findings before previous-note ones, most similar first", () => {
    const findings = findClonedEntries({
      entries: [
        { participantId: "maria", text: MARIA },
        { participantId: "john", text: MARIA.replace("sponsor", "counselor") },
        { participantId: "ana", text: MARIA },
      ],
      previous: [{ participantId: "maria", noteId: "note-9", text: MARIA }],
    });
    expect(summary(findings.filter((f) => f.participantId === "maria"))).toEqual([
      ["maria", "same_note", "ana", true],
      ["maria", "same_note", "john", false],
      ["maria", "own_previous", "note-9", true],
    ]);
  });

  it("a higher threshold flags fewer near-identical entries; 1 flags only identical ones", () => {
    const entries = {
      maria: MARIA,
      john: MARIA.replace("cousin's", "brother's").replace("sponsor", "counselor"),
    };
    expect(sameNote(entries, 0.8)).toHaveLength(2);
    expect(sameNote(entries, 1)).toEqual([]);
    expect(sameNote({ maria: MARIA, john: MARIA }, 1)).toHaveLength(2);
  });

  it.each([0.2, 1.5, Number.NaN])("rejects the threshold %s, naming the field", (threshold) => {
    expect(() => sameNote({ maria: MARIA }, threshold)).toThrow(/^threshold: /);
  });

  it("does not compare a participant's two entries in one note with each other", () => {
    expect(sameNote({ maria: MARIA }).length).toBe(0);
    expect(
      findClonedEntries({
        entries: [
          { participantId: "maria", text: MARIA },
          { participantId: "maria", text: MARIA },
        ],
        previous: [],
      }),
    ).toEqual([]);
  });
});

describe("entrySimilarity properties", () => {
  const text = fc.oneof(
    fc.string({ maxLength: 80 }),
    fc
      .array(
        fc.constantFrom(
          "she",
          "he",
          "group",
          "Triggers",
          "urge",
          "surfing",
          "práctica",
          "el",
          "él",
          "3",
          "plan",
          "—",
          "María",
        ),
        {
          maxLength: 40,
        },
      )
      .map((words) => words.join(" ")),
  );

  it("is symmetric and lies in [0, 1]", () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const ab = entrySimilarity(a, b);
        expect(ab).toBe(entrySimilarity(b, a));
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("findClonedEntries flags a pair exactly when entrySimilarity says so", () => {
    const words = (t: string) => normalizeEntryWords(t).length;
    fc.assert(
      fc.property(text, text, fc.double({ min: 0.5, max: 1, noNaN: true }), (a, b, threshold) => {
        const findings = findClonedEntries({
          entries: [
            { participantId: "a", text: a },
            { participantId: "b", text: b },
          ],
          previous: [],
          threshold,
        });
        const similarity = entrySimilarity(a, b);
        const identical =
          words(a) > 0 && normalizeEntryWords(a).join(" ") === normalizeEntryWords(b).join(" ");
        const near = Math.min(words(a), words(b)) >= MIN_WORDS_FOR_NEAR_MATCH && similarity >= threshold;
        expect(findings.length).toBe(identical || near ? 2 : 0);
      }),
    );
  });

  it("is 1 for a text and itself, and only for texts that normalise to the same words", () => {
    fc.assert(fc.property(text, (a) => entrySimilarity(a, a) === 1));
    fc.assert(
      fc.property(text, text, (a, b) =>
        entrySimilarity(a, b) === 1
          ? normalizeEntryWords(a).join(" ") === normalizeEntryWords(b).join(" ")
          : true,
      ),
    );
    expect(entrySimilarity("yes yes yes yes yes yes", "yes yes yes yes yes yes yes")).toBeLessThan(1);
  });
});
