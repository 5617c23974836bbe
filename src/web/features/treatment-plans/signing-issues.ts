import type { TFunction } from "i18next";
import type { FieldError } from "../../../core/platform/errors";
import type { PlanContent } from "../../../core/treatment-plans/plan.schema";

/**
 * The signing checklist in the reader's language. `validatePlanForSigning` (core) says what is missing
 * by field path with an English message; the path is enough to say it again in any language, naming
 * the problem by its title (or its position) and the objective or intervention by its number. A path
 * this does not know keeps the core's message.
 */
export function describeSigningIssue(
  issue: FieldError,
  content: PlanContent,
  startsOn: string,
  t: TFunction<"treatmentPlans">,
): string {
  const parts = issue.path.split(".");
  if (parts[0] !== "content") return issue.message;
  const [, section, first, field, second, leaf] = parts;

  if (section === "problems") {
    if (first === undefined) return t("editor.checks.noProblems");
    const index = Number(first);
    const problem = content.problems[index];
    if (!problem) return issue.message;
    const name = problem.title.trim()
      ? t("editor.checks.problemTitled", { title: problem.title.trim() })
      : t("editor.checks.problem", { n: index + 1 });
    if (field === "title") return t("editor.checks.title", { problem: name });
    if (field === "goal" && (second === "participantWords" || second === "clinical"))
      return t(`editor.checks.${second}`, { problem: name });
    if (field === "objectives") {
      if (second === undefined) return t("editor.checks.noObjectives", { problem: name });
      const n = Number(second) + 1;
      if (leaf === "statement" || leaf === "measure") return t(`editor.checks.${leaf}`, { problem: name, n });
      if (leaf === "targetOn") {
        const target = problem.objectives[Number(second)]?.targetOn ?? null;
        if (target === null) return t("editor.checks.targetMissing", { problem: name, n });
        if (target < startsOn)
          return t("editor.checks.targetBeforeStart", { problem: name, n, date: startsOn });
        return issue.message;
      }
    }
    if (field === "interventions") {
      if (second === undefined) return t("editor.checks.noInterventions", { problem: name });
      if (leaf === "what" || leaf === "frequency" || leaf === "responsible")
        return t(`editor.checks.${leaf}`, { problem: name, n: Number(second) + 1 });
    }
    return issue.message;
  }

  const lists = {
    strengths: "emptyStrength",
    barriers: "emptyBarrier",
    dischargeCriteria: "emptyDischargeCriterion",
  } as const;
  if (section === "dischargeCriteria" && first === undefined) return t("editor.checks.noDischargeCriteria");
  if (section && section in lists && first !== undefined)
    return t(`editor.checks.${lists[section as keyof typeof lists]}`, { n: Number(first) + 1 });
  return issue.message;
}
