import { findClonedEntries } from "../../src/core/notes/entry-similarity.rules";
import { type BenchCase, timeFunctions } from "../harness";

/**
 * The cloned-entry check as the group-note screen runs it before signing: a group of 20, each
 * participant with 20 earlier entries, every entry 15–70 words drawn from a clinical vocabulary
 * (so entries share words as honest entries on one module do); a few entries are planted copies.
 */
const GROUP = 20;
const EARLIER = 20;

const VOCABULARY = (
  "identified triggers cravings urge surfing practised skill group shared described evening weekend " +
  "work family sponsor peer walk plan relapse prevention coping strategy feedback engaged quiet anxious " +
  "calm reported sleep stress boundaries values wave rated before after session next week will try call " +
  "handout exercise role play refusal situation high risk lonely bored payday friends home the a and to " +
  "of in with she he her his their"
).split(" ");

function input() {
  let seed = 23;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const entry = () =>
    Array.from(
      { length: 15 + Math.floor(next() * 56) },
      () => VOCABULARY[Math.floor(next() * VOCABULARY.length)]!,
    ).join(" ");
  const entries = Array.from({ length: GROUP }, (_, i) => ({ participantId: `p${i}`, text: entry() }));
  const previous = entries.flatMap(({ participantId }) =>
    Array.from({ length: EARLIER }, (_, n) => ({ participantId, noteId: `n${n}`, text: entry() })),
  );
  // Two same-note copies and one copy of an earlier note.
  entries[3]!.text = entries[1]!.text;
  entries[7]!.text = `${entries[5]!.text} today`;
  previous[9 * EARLIER]!.text = entries[9]!.text;
  const namesByParticipant = Object.fromEntries(
    entries.map((e, i) => [e.participantId, [`First${i}`, `Last${i}`]]),
  );
  return { entries, previous, namesByParticipant };
}

const clonedEntryCheck: BenchCase = {
  name: "cloned-entry check",
  async run() {
    const data = input();
    const findings = findClonedEntries(data).length;
    const figures = await timeFunctions(
      {
        [`check a group of ${GROUP} with ${EARLIER} earlier entries each`]: async () =>
          findClonedEntries(data),
      },
      200,
    );
    return {
      figures,
      note: `Cloned-entry check: ${GROUP} entries of 15–70 words, ${GROUP * EARLIER} earlier entries, ${(GROUP * (GROUP - 1)) / 2 + GROUP * EARLIER} comparisons per check; ${findings} findings (3 planted copies).`,
    };
  },
};

export default clonedEntryCheck;
