/**
 * The notices 42 CFR §2.32(a) requires on each disclosure made with the patient's consent, word for
 * word (regulation text is a US-government work). Source: 89 FR 12472 (16 Feb 2024), as copied in
 * `shared/reference/part2-and-family.md` §2 (SECONDARY†: check once against eCFR before release).
 * Statement 1 is the default; Statement 2 only where space is short (a FHIR security label, an SMS).
 */
export const PART2_STATEMENT_1 = [
  "This record which has been disclosed to you is protected by Federal confidentiality rules (42 CFR part 2). These rules prohibit you from using or disclosing this record, or testimony that describes the information contained in this record, in any civil, criminal, administrative, or legislative proceedings by any Federal, State, or local authority, against the patient, unless authorized by the consent of the patient, except as provided at 42 CFR 2.12(c)(5) or as authorized by a court in accordance with 42 CFR 2.64 or 2.65. In addition, the Federal rules prohibit you from making any other use or disclosure of this record unless at least one of the following applies:",
  "(i) Further use or disclosure is expressly permitted by the written consent of the individual whose information is being disclosed in this record or as otherwise permitted by 42 CFR part 2.",
  "(ii) You are a covered entity or business associate and have received the record for treatment, payment, or health care operations, or",
  "(iii) You have received the record from a covered entity or business associate as permitted by 45 CFR part 164, subparts A and E.",
  "A general authorization for the release of medical or other information is NOT sufficient to meet the required elements of written consent to further use or redisclose the record (see 42 CFR 2.31).",
].join("\n");

export const PART2_STATEMENT_2 = "42 CFR part 2 prohibits unauthorized use or disclosure of these records.";

export const PART2_STATEMENTS = { statement_1: PART2_STATEMENT_1, statement_2: PART2_STATEMENT_2 } as const;
export type Part2StatementKind = keyof typeof PART2_STATEMENTS;
