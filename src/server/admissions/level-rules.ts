import {
  type AsamEdition,
  checkSuggestionRule,
  DEFAULT_SUGGESTION_RULES,
  type LevelSuggestionRule,
} from "../../core/admissions/level-of-care";
import { DomainError } from "../../core/platform/errors";
import { readSettings, writeSetting } from "../access/access.sql";
import type { Queryable } from "../db/connection";

/** The program's level-of-care suggestion rules, one per edition, kept in app_settings as JSON. */
const settingName = (edition: AsamEdition) => `loc_suggestion_rule_${edition}`;

export interface StoredLevelRule {
  edition: AsamEdition;
  byHighestRating: [string, string, string, string, string];
  countedDimensions: number[];
}

export async function readLevelRules(
  q: Queryable,
): Promise<{ rules: StoredLevelRule[]; defaults: boolean[] }> {
  const stored = await readSettings(q, [settingName(3), settingName(4)]);
  const rules: StoredLevelRule[] = [];
  const defaults: boolean[] = [];
  for (const edition of [3, 4] as const) {
    const raw = stored.get(settingName(edition));
    const parsed = raw ? (JSON.parse(raw) as LevelSuggestionRule) : undefined;
    const usable =
      parsed !== undefined && parsed.edition === edition && checkSuggestionRule(parsed).length === 0;
    const rule = usable ? parsed : DEFAULT_SUGGESTION_RULES[edition];
    rules.push({
      edition,
      byHighestRating: [...rule.byHighestRating] as StoredLevelRule["byHighestRating"],
      countedDimensions: [...rule.countedDimensions],
    });
    defaults.push(!usable);
  }
  return { rules, defaults };
}

export async function readLevelRule(q: Queryable, edition: AsamEdition): Promise<StoredLevelRule> {
  const { rules } = await readLevelRules(q);
  return rules.find((r) => r.edition === edition)!;
}

export async function writeLevelRule(q: Queryable, rule: LevelSuggestionRule, at: Date): Promise<void> {
  const problems = checkSuggestionRule(rule);
  if (problems.length > 0) throw new DomainError("VALIDATION_FAILED", problems[0]!.message, problems);
  await writeSetting(q, settingName(rule.edition), JSON.stringify(rule), at);
}
