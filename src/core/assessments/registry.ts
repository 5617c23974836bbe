import type { InstrumentDefinition } from "./instrument";
import { asq } from "./instruments/asq";
import { audit } from "./instruments/audit";
import { auditC } from "./instruments/audit-c";
import { bam } from "./instruments/bam";
import { crafft } from "./instruments/crafft";
import { dast10 } from "./instruments/dast10";
import { gad7 } from "./instruments/gad7";
import { pcl5 } from "./instruments/pcl5";
import { phq9 } from "./instruments/phq9";
import { phqa } from "./instruments/phqa";
import { readiness } from "./instruments/readiness";
import { who5 } from "./instruments/who5";

/**
 * Every instrument Bridgeway ships, one module each under `instruments/`. Add a new one here; the
 * registry test checks that each has a content file whose items and options match its definition.
 */
export const INSTRUMENTS: readonly InstrumentDefinition[] = [
  // instruments: keep in alphabetical order of key
  asq,
  audit,
  auditC,
  bam,
  crafft,
  dast10,
  gad7,
  pcl5,
  phq9,
  phqa,
  readiness,
  who5,
];

/** The scorer for a questionnaire's canonical URL and version, or undefined (unknown or retired). */
export function findInstrument(url: string, version: string): InstrumentDefinition | undefined {
  return INSTRUMENTS.find((i) => i.url === url && i.version === version);
}

export function findInstrumentByKey(key: string): InstrumentDefinition | undefined {
  return INSTRUMENTS.find((i) => i.key === key);
}
