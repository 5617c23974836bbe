import type { FieldError } from "../platform/errors";
import type { ObjectiveStatus, PlanContent, SignatureRole } from "./plan.schema";
import type { CurrentObjective } from "./plan-api.schema";

/**
 * The pure rules of a treatment plan: what it needs before anyone signs it, who must sign it, the
 * exact text that is signed, and the participant's typed-name check.
 */

const blank = (value: string | null | undefined): boolean => (value ?? "").trim() === "";

/** How a problem is named in a message: its title when it has one, else its position. */
function problemName(title: string, index: number): string {
  return blank(title) ? `Problem ${index + 1}` : `Problem “${title.trim()}”`;
}

/**
 * Everything a draft still lacks before it can be signed, one error per missing piece, with paths
 * rooted at the save body (`content.problems.0.goal.clinical`). An empty list means it can be signed.
 * Target dates are ISO dates and compare as text.
 */
export function validatePlanForSigning(content: PlanContent, startsOn: string): FieldError[] {
  const errors: FieldError[] = [];
  const add = (path: string, message: string) => errors.push({ path, message });

  if (content.problems.length === 0) {
    add("content.problems", "Add at least one problem with a goal before signing.");
  }

  content.problems.forEach((problem, p) => {
    const at = `content.problems.${p}`;
    const name = problemName(problem.title, p);
    if (blank(problem.title)) add(`${at}.title`, `${name} needs a title.`);
    if (blank(problem.goal.participantWords)) {
      add(`${at}.goal.participantWords`, `${name}: write the goal in the participant's own words.`);
    }
    if (blank(problem.goal.clinical)) {
      add(`${at}.goal.clinical`, `${name}: write the clinical restatement of the goal.`);
    }

    if (problem.objectives.length === 0) {
      add(`${at}.objectives`, `${name}: add at least one measurable objective.`);
    }
    problem.objectives.forEach((objective, o) => {
      const oAt = `${at}.objectives.${o}`;
      const oName = `${name}, objective ${o + 1}`;
      if (blank(objective.statement)) add(`${oAt}.statement`, `${oName}: say what the participant will do.`);
      if (objective.measure === null) add(`${oAt}.measure`, `${oName}: choose how it will be measured.`);
      if (objective.targetOn === null) {
        add(`${oAt}.targetOn`, `${oName}: give a target date.`);
      } else if (objective.targetOn < startsOn) {
        add(`${oAt}.targetOn`, `The target date is before the plan starts (${startsOn}).`);
      }
    });

    if (problem.interventions.length === 0) {
      add(`${at}.interventions`, `${name}: add at least one intervention (what, how often, who).`);
    }
    problem.interventions.forEach((intervention, i) => {
      const iAt = `${at}.interventions.${i}`;
      const iName = `${name}, intervention ${i + 1}`;
      if (blank(intervention.what)) add(`${iAt}.what`, `${iName}: say what the intervention is.`);
      if (blank(intervention.frequency)) add(`${iAt}.frequency`, `${iName}: say how often it happens.`);
      if (blank(intervention.responsible)) add(`${iAt}.responsible`, `${iName}: say who is responsible.`);
    });
  });

  const lists = [
    ["strengths", "strength"],
    ["barriers", "barrier"],
    ["dischargeCriteria", "discharge criterion"],
  ] as const;
  for (const [key, noun] of lists) {
    content[key].forEach((item, i) => {
      if (blank(item)) add(`content.${key}.${i}`, `This ${noun} is empty: write it or remove it.`);
    });
  }
  if (content.dischargeCriteria.every(blank)) {
    add("content.dischargeCriteria", "Add at least one discharge criterion agreed with the participant.");
  }

  return errors;
}

/** The signatures a version (or review) needs: clinician and participant, and the supervisor when a co-signer is set. */
export function requiredSignatureRoles(cosignerUserId: string | null): SignatureRole[] {
  return cosignerUserId === null ? ["clinician", "participant"] : ["clinician", "participant", "supervisor"];
}

/**
 * JSON with object keys in code-point order at every level, so the same content always gives the
 * same text (and hash) however it was built or stored. Follows JSON.stringify otherwise: `toJSON` is
 * honoured, undefined and function members are left out, non-finite numbers become null.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? "null";
}

function sortKeys(value: unknown): unknown {
  if (
    value !== null &&
    typeof value === "object" &&
    typeof (value as { toJSON?: unknown }).toJSON === "function"
  ) {
    return sortKeys((value as { toJSON: () => unknown }).toJSON());
  }
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : sortKeys(item)));
  if (value !== null && typeof value === "object") {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
    }
    return sorted;
  }
  return value;
}

/** A name reduced to what matters for recognising it: letters and digits, without accents or case. */
function nameKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLocaleLowerCase("en")
    .replace(/[\s\p{P}]/gu, "");
}

/**
 * Whether the name a participant typed to sign matches one of the names on file: case, accents,
 * spacing and punctuation do not count ("jose  maria o'neil" matches "José María O’Neil"); every
 * letter does.
 */
export function isTypedNameAcceptable(typed: string, expectedNames: string[]): boolean {
  const key = nameKey(typed);
  if (key === "") return false;
  return expectedNames.some((name) => nameKey(name) === key);
}

/** The content with each objective's status taken from the progress recorded for it (others unchanged). */
export function mergeObjectiveStatuses(
  content: PlanContent,
  progress: { objectiveId: string; status: ObjectiveStatus }[],
): PlanContent {
  const statusById = new Map(progress.map((p) => [p.objectiveId, p.status]));
  return {
    ...content,
    problems: content.problems.map((problem) => ({
      ...problem,
      objectives: problem.objectives.map((objective) => ({
        ...objective,
        status: statusById.get(objective.id) ?? objective.status,
      })),
    })),
  };
}

/**
 * The objectives of the signed version in force, in plan order, for notes and check-ins to tie to;
 * each with its latest status (from the reviews since) where one is known, else the status it was
 * signed with. The goal shown is the clinical restatement, else the participant's words.
 */
export function currentObjectivesOf(
  version: { id: string; number: number; content: PlanContent },
  latestStatuses: Map<string, ObjectiveStatus>,
): CurrentObjective[] {
  return version.content.problems.flatMap((problem) =>
    problem.objectives.map((objective) => ({
      objectiveId: objective.id,
      statement: objective.statement,
      status: latestStatuses.get(objective.id) ?? objective.status,
      targetOn: objective.targetOn,
      measure: objective.measure,
      problem: { id: problem.id, title: problem.title },
      goal: blank(problem.goal.clinical)
        ? problem.goal.participantWords.trim()
        : problem.goal.clinical.trim(),
      interventions: problem.interventions,
      planVersionId: version.id,
      planVersionNumber: version.number,
    })),
  );
}
