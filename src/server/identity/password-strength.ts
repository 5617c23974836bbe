import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";
import { DomainError } from "../../core/platform/errors";

/**
 * Password strength by estimated guessability (zxcvbn), not composition rules (NIST SP 800-63B).
 * Length (12 or more) is checked by the schema; here we refuse passwords that are easy to guess,
 * including ones built from the person's own name or email.
 */

let factory: ZxcvbnFactory | undefined;
function checker(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    translations: english.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...english.dictionary },
    useLevenshteinDistance: true,
  });
  return factory;
}

/** zxcvbn score 0–4; 3 means "safely unguessable: moderate protection from offline attacks". */
export const MIN_PASSWORD_SCORE = 3;

export function assertStrongPassword(
  password: string,
  userInputs: readonly string[],
  field = "password",
): void {
  const inputs = userInputs.flatMap((v) => [v, ...v.split(/[@.\s_-]+/)]).filter((v) => v.length >= 3);
  const result = checker().check(password.slice(0, 256), inputs);
  if (result.score >= MIN_PASSWORD_SCORE) return;
  const hint = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(" ");
  const message = `This password is too easy to guess.${hint ? ` ${hint}` : ""} A few unrelated words make a strong password.`;
  throw new DomainError("IDENTITY_PASSWORD_WEAK", message, field);
}
