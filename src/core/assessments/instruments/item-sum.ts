import { type Answers, type NotScored, notScored } from "../instrument";

/**
 * The sum of items that must all be answered (PHQ-9, PHQ-A, GAD-7, WHO-5), or a refusal naming every
 * unanswered one in order. Bridgeway does not prorate a partly answered form: some services scale up
 * the mean of the answered items when one or two are blank; a total built that way is not the
 * published instrument's total, so the form has to be completed first.
 */
export function computeItemSum(
  answers: Answers,
  linkIds: readonly string[],
): { ok: true; total: number } | NotScored {
  let total = 0;
  const missing: string[] = [];
  for (const linkId of linkIds) {
    const value = answers[linkId];
    if (typeof value === "number") total += value;
    else missing.push(linkId);
  }
  return missing.length > 0 ? notScored(missing) : { ok: true, total };
}
