import {
  minimumReliableChange,
  RELIABLE_CHANGE_DEFAULTS,
  type ReliableChangeDefault,
  type ReliableChangeOverride,
} from "./reliable-change";
import {
  parametersFor,
  type ReliableChangeDefaultView,
  type ReliableChangeInstrumentSettings,
  type ReliableChangeSettings,
  type ResolvedReliableChangeView,
} from "./reliable-change-settings.schema";

/**
 * What the program's reliable-change settings page shows and checks: each questionnaire's default,
 * the program's override and what they resolve to (with the minimum change in points), the
 * questionnaires a saved setting may name, and a one-line account of the overrides for the audit.
 */

/** Why a questionnaire without an entry in the defaults has none. */
export const NO_DEFAULT_REASON =
  "The clinical reference §2.2 gives no reliability, SD or reliable-change threshold for this questionnaire. Enter the program's values, with which direction is better, the score compared and its smallest step.";

function defaultOf(
  instrumentKey: string,
  defaults: Readonly<Record<string, ReliableChangeDefault>>,
): ReliableChangeDefault {
  return defaults[instrumentKey] ?? { status: "not_applicable", reason: NO_DEFAULT_REASON, known: {} };
}

/** An instrument's shipped default, with the minimum change it yields when complete. */
export function describeDefault(
  instrumentKey: string,
  defaults: Readonly<Record<string, ReliableChangeDefault>> = RELIABLE_CHANGE_DEFAULTS,
): ReliableChangeDefaultView {
  const entry = defaultOf(instrumentKey, defaults);
  return entry.status === "available"
    ? { status: "available", parameters: entry.parameters, minimum: minimumReliableChange(entry.parameters) }
    : { status: "not_applicable", reason: entry.reason, known: entry.known };
}

/** The parameters the program's settings give an instrument (as submission uses them), or what is missing. */
export function describeResolved(
  settings: Pick<ReliableChangeSettings, "overrides">,
  instrumentKey: string,
): ResolvedReliableChangeView {
  const resolved = parametersFor(settings, instrumentKey);
  if (resolved.status === "available")
    return {
      status: "available",
      parameters: resolved.parameters,
      minimum: minimumReliableChange(resolved.parameters),
    };
  const reason = RELIABLE_CHANGE_DEFAULTS[instrumentKey] ? resolved.reason : NO_DEFAULT_REASON;
  return { status: "not_applicable", reason, missing: resolved.missing };
}

/** One questionnaire's row of the settings page, without its titles. */
export function describeInstrumentSettings(
  settings: Pick<ReliableChangeSettings, "overrides">,
  instrumentKey: string,
): Omit<ReliableChangeInstrumentSettings, "title" | "titleEs"> {
  const override = settings.overrides[instrumentKey];
  return {
    key: instrumentKey,
    default: describeDefault(instrumentKey),
    override: override && hasValues(override) ? override : null,
    resolved: describeResolved(settings, instrumentKey),
  };
}

/** Whether an override sets anything at all. */
export function hasValues(override: ReliableChangeOverride): boolean {
  return Object.values(override).some((v) => v !== undefined);
}

/** The settings with overrides that set nothing left out, so "no override" has one form. */
export function withoutEmptyOverrides(settings: ReliableChangeSettings): ReliableChangeSettings {
  return {
    ...settings,
    overrides: Object.fromEntries(Object.entries(settings.overrides).filter(([, o]) => hasValues(o))),
  };
}

/** The instrument keys of the overrides that are not questionnaires of the program, in the order given. */
export function findUnknownInstruments(
  settings: Pick<ReliableChangeSettings, "overrides">,
  knownInstrumentKeys: readonly string[],
): string[] {
  const known = new Set(knownInstrumentKeys);
  return Object.keys(settings.overrides).filter((key) => !known.has(key));
}

function describeOverride(o: ReliableChangeOverride): string {
  const parts: string[] = [];
  if (o.reliability !== undefined) parts.push(`reliability ${o.reliability} (${o.reliabilityKind})`);
  if (o.sd !== undefined) parts.push(`SD ${o.sd}`);
  if (o.cutoff === null) parts.push("no cut-off");
  else if (o.cutoff !== undefined) parts.push(`cut-off ${o.cutoff.value} (${o.cutoff.method})`);
  if (o.direction !== undefined) parts.push(o.direction);
  if (o.subscale !== undefined) parts.push(o.subscale === null ? "total" : `subscale ${o.subscale}`);
  if (o.scaleStep !== undefined) parts.push(`step ${o.scaleStep}`);
  return parts.join(", ");
}

/** The overrides in one line for the audit trail: `phq9: reliability 0.9 (alpha), SD 6; who5: …`. */
export function summarizeOverrides(overrides: Readonly<Record<string, ReliableChangeOverride>>): string {
  const lines = Object.entries(overrides)
    .filter(([, o]) => hasValues(o))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, o]) => `${key}: ${describeOverride(o) || "sources only"}`);
  return lines.length > 0 ? lines.join("; ") : "none";
}
