/** The names clinicians use for each questionnaire in tight spaces (the same in English and Spanish). */
export const INSTRUMENT_SHORT_NAMES: Readonly<Record<string, string>> = {
  asq: "ASQ",
  audit: "AUDIT",
  audit_c: "AUDIT-C",
  bam: "BAM",
  crafft: "CRAFFT",
  dast10: "DAST-10",
  gad7: "GAD-7",
  pcl5: "PCL-5",
  phq9: "PHQ-9",
  phqa: "PHQ-A",
  readiness: "Readiness",
  who5: "WHO-5",
};

/** A questionnaire's short name; its key when it has none (a program-added questionnaire). */
export const shortNameOf = (key: string): string => INSTRUMENT_SHORT_NAMES[key] ?? key;
