import { deriveCriticalFindings } from "../../src/core/assessments/instrument";
import { findInstrumentByKey } from "../../src/core/assessments/registry";
import { type BenchCase, timeFunctions } from "../harness";

/**
 * Scoring throughput: how long the pure scorers take per submission (score + critical findings), on
 * a fixed batch of 1,000 answer sets each, so the per-call figure is the batch time / 1,000.
 */
const BATCH = 1000;

function answerSets(key: string): Record<string, number | boolean>[] {
  const definition = findInstrumentByKey(key);
  if (!definition) throw new Error(`no instrument ${key}`);
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  return Array.from({ length: BATCH }, () =>
    Object.fromEntries(
      definition.items.map((item) => [
        item.linkId,
        item.kind === "boolean"
          ? next() < 0.3
          : item.kind === "ordinal"
            ? item.values[Math.floor(next() * item.values.length)]!
            : item.min + Math.floor(next() * (item.max - item.min + 1)),
      ]),
    ),
  );
}

const assessmentScoring: BenchCase = {
  name: "assessment scoring",
  async run() {
    const keys = ["phq9", "gad7", "audit", "pcl5", "bam", "asq"];
    const sets = new Map(keys.map((k) => [k, answerSets(k)]));
    const figures = await timeFunctions(
      Object.fromEntries(
        keys.map((key) => [
          `score ${BATCH.toLocaleString("en")} ${key} submissions`,
          async () => {
            const definition = findInstrumentByKey(key)!;
            for (const answers of sets.get(key)!) {
              definition.score(answers);
              deriveCriticalFindings(definition, answers);
            }
          },
        ]),
      ),
      50,
    );
    return {
      figures,
      note: `Scoring: each figure scores ${BATCH.toLocaleString("en")} random complete answer sets (score + critical findings); divide by ${BATCH.toLocaleString("en")} for one submission.`,
    };
  },
};

export default assessmentScoring;
