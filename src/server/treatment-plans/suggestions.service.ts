import { ASAM_EDITIONS, type AsamEdition } from "../../core/admissions/level-of-care";
import { DomainError, type FieldError } from "../../core/platform/errors";
import type { PlanContent, PlanLanguage } from "../../core/treatment-plans/plan.schema";
import type { PlanSuggestion, PlanTemplate } from "../../core/treatment-plans/plan-api.schema";
import { type SuggestionAsam, suggestProblems } from "../../core/treatment-plans/suggestions.rules";
import { startContentFrom } from "../../core/treatment-plans/templates";
import type { Queryable } from "../db/connection";
import {
  findLatestScreening,
  findPlanEpisode,
  listEpisodeDiagnoses,
  listLatestScores,
} from "./suggestions.sql";
import type { TemplateLibrary } from "./template-library";

const isEdition = (n: number): n is AsamEdition => (ASAM_EDITIONS as readonly number[]).includes(n);

/**
 * The problems a participant's record suggests for their plan, from the episode a plan is for (the
 * open one, else the latest): the latest scored response per questionnaire, the episode's diagnoses
 * and the ratings of the latest screening of the inquiry the episode came from. Empty when the
 * participant has no episode. Labels and reasons are in `language`. Access and the audit of the read
 * are the caller's (the route guard).
 */
export async function suggestionsFor(
  q: Queryable,
  participantId: string,
  language: PlanLanguage = "en",
): Promise<PlanSuggestion[]> {
  const episode = await findPlanEpisode(q, participantId);
  if (!episode) return [];
  const [scores, diagnoses, screening] = await Promise.all([
    listLatestScores(q, participantId, episode.id),
    listEpisodeDiagnoses(q, episode.id),
    episode.referral_lead_id ? findLatestScreening(q, episode.referral_lead_id) : Promise.resolve(undefined),
  ]);
  const edition = screening ? Number(screening.edition) : null;
  const asam: SuggestionAsam | null =
    screening && edition !== null && isEdition(edition)
      ? { edition, ratings: screening.ratings.map(Number) }
      : null;
  return suggestProblems(
    {
      scores: scores.map((s) => ({
        instrumentKey: s.instrument_key,
        responseId: s.id,
        total: Number(s.total),
        band: s.band,
        completedOn: s.completed_on,
      })),
      diagnoses,
      asam,
    },
    language,
  );
}

export interface StartingChoice {
  startsOn: string;
  language: PlanLanguage;
  templateKeys: readonly string[];
  suggestionKeys: readonly string[];
}

/**
 * The content of a new plan's first draft from the templates and suggestions the clinician ticked.
 * A suggestion brings its template (once, even when the template was also ticked) and its sources.
 * An unknown template, or a suggestion the record no longer makes, is refused naming its field
 * (`templateKeys.2`, `suggestionKeys.0`).
 */
export async function startingContentFor(
  q: Queryable,
  library: TemplateLibrary,
  participantId: string,
  choice: StartingChoice,
  newId: () => string,
): Promise<PlanContent> {
  const problems: FieldError[] = [];
  const templates: PlanTemplate[] = [];
  choice.templateKeys.forEach((key, i) => {
    const template = library.get(key, choice.language);
    if (template) templates.push(template);
    else problems.push({ path: `templateKeys.${i}`, message: `There is no plan template “${key}”.` });
  });
  const chosenSuggestions: PlanSuggestion[] = [];
  if (choice.suggestionKeys.length > 0) {
    const suggestions = await suggestionsFor(q, participantId, choice.language);
    choice.suggestionKeys.forEach((key, i) => {
      const suggestion = suggestions.find((s) => s.key === key);
      const template = suggestion && library.get(suggestion.templateKey, choice.language);
      if (!suggestion || !template) {
        problems.push({
          path: `suggestionKeys.${i}`,
          message: `The record no longer suggests “${key}”. Reload the suggestions and choose again.`,
        });
        return;
      }
      chosenSuggestions.push(suggestion);
      templates.push(template);
    });
  }
  if (problems.length > 0) throw new DomainError("VALIDATION_FAILED", problems[0]!.message, problems);
  return startContentFrom(templates, chosenSuggestions, { startsOn: choice.startsOn, newId });
}
