import { describeScopes, requiredConsentStatements } from "./consent.rules";
import {
  CONSENT_ELEMENTS,
  type ConsentFacts,
  type ConsentKind,
  type ConsentPurpose,
  type ExpiryEvent,
  type SignerRole,
} from "./consent.schema";

/**
 * The consent as a signed text document (English): every §2.31(a) element under its own heading and
 * the statements `requiredConsentStatements` asks for, in our own plain words. Pure; the service stores
 * the result with `markSigned` so the copy sent with a disclosure (§2.32(b)) is the text that was signed.
 */

const KIND_TITLES: Record<ConsentKind, string> = {
  tpo: "Consent to use and share my records for treatment, payment and health care operations",
  named_recipient: "Consent to share my records with the people named below",
  counseling_notes: "Consent to share my SUD counseling notes",
  research: "Consent to use my records for research",
  legal_proceedings: "Consent to use my records in a legal proceeding",
  criminal_justice: "Consent to share my records with the criminal justice system (referral)",
};

const PURPOSE_WORDS: Record<ConsentPurpose, string> = {
  tpo: "treatment, payment and health care operations",
  patient_request: "at my request",
  family_involvement: "to involve the people I name in my treatment",
  care_coordination: "to coordinate my care",
  payment: "to get payment for my care",
  research: "research",
  legal_proceeding: "use in a legal proceeding",
  criminal_justice_monitoring: "to let those named monitor my progress in treatment",
  fundraising: "the program's fundraising",
  other: "another purpose, described below",
};

const EXPIRY_WORDS: Record<ExpiryEvent, string> = {
  none: "This consent has no end date. It stays in force until I revoke it in writing.",
  end_of_treatment: "This consent ends when my treatment in this program ends.",
  end_of_study: "This consent ends when the research study ends.",
  final_disposition: "This consent ends at the final disposition of my case.",
};

const ROLE_WORDS: Record<SignerRole, string> = {
  patient: "Participant",
  parent_guardian: "Parent or guardian",
  representative: "Authorized representative",
};

/** How a participant revokes (the form must say how, §2.31(a)(6)). */
export const HOW_TO_REVOKE =
  "in the Bridgeway app under Privacy → People I share with, or by a signed letter to the program";

/** The statement texts, keyed as `requiredConsentStatements` names them. */
export const CONSENT_STATEMENT_TEXT: Record<string, string> = {
  revocation_in_writing: `I may revoke this consent at any time, in writing: ${HOW_TO_REVOKE}. A revocation stops future uses and disclosures. It does not undo anything the program or another lawful holder already did while relying on this consent.`,
  criminal_justice_revocation_limit:
    "This consent was given as a condition of a referral from the criminal justice system. I cannot revoke it before the date stated below (no later than the final disposition of my case). After that date I may revoke it in writing, " +
    `${HOW_TO_REVOKE}. Those who receive my records may use them only for their official duties about my referral.`,
  tpo_redisclosure:
    "Records shared under this consent may be shared again by those who receive them, and once they are, federal confidentiality rules for substance use disorder records (42 CFR part 2) may no longer protect them.",
  tpo_refusal_consequences: "What happens if I do not sign this consent:",
  hipaa_redisclosure:
    "A recipient that is a HIPAA covered entity or business associate may share my records again as HIPAA allows, except that my records may never be used in a civil, criminal, administrative or legislative proceeding against me without my consent or a court order.",
  fundraising_opt_out:
    "The program may use my records to raise funds for itself. I have the right to say no to fundraising messages, and I can do so at any time by telling the program.",
  counseling_notes_not_a_condition:
    "My treatment, payment for it, enrolment in a health plan and eligibility for benefits do not depend on whether I sign this consent for my counseling notes.",
  no_redisclosure:
    "A recipient who is not a HIPAA covered entity or business associate may not share my records with anyone else unless I consent in writing or federal law allows it.",
};

export interface ConsentDocumentInput {
  consent: Pick<
    ConsentFacts,
    | "kind"
    | "patientName"
    | "disclosers"
    | "informationScope"
    | "informationDetail"
    | "recipients"
    | "purposes"
    | "purposeDetail"
    | "expiresOn"
    | "expiryEvent"
    | "refusalConsequences"
    | "revocableAfter"
    | "signatures"
  >;
  /** The program's name as printed. */
  programName: string;
  /** Time zone in which signature dates are printed. */
  timeZone: string;
}

const heading = (element: keyof typeof CONSENT_ELEMENTS, words: string) =>
  `${words} (42 CFR 2.31${CONSENT_ELEMENTS[element]})`;

function dateIn(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(at);
}

function recipientLine(r: ConsentDocumentInput["consent"]["recipients"][number]): string {
  const parts = [r.name];
  if (r.relationship) parts.push(`(${r.relationship})`);
  if (r.kind === "class") parts.push("— a class of recipients");
  if (r.kind === "organisation") parts.push("— an organisation");
  if (r.coveredEntity) parts.push("— a HIPAA covered entity or business associate");
  let line = `- ${parts.join(" ")}`;
  if (r.kind === "intermediary") {
    line += "\n  This is an intermediary that passes records on to its member participants.";
    if (r.intermediaryParticipants)
      line += `\n  Member participants who may receive my records: ${r.intermediaryParticipants}`;
    if (r.generalDesignationTreatingOnly)
      line += "\n  Only members that have a treating-provider relationship with me may receive my records.";
  }
  return line;
}

const REVOCATION_KEYS = ["revocation_in_writing", "criminal_justice_revocation_limit"];
const PRINTED_ABOVE = [...REVOCATION_KEYS, "tpo_redisclosure", "tpo_refusal_consequences"];

/** The consent rendered as text, with every element and the statements its kind requires. */
export function renderConsentDocument(input: ConsentDocumentInput): string {
  const { consent, programName, timeZone } = input;
  const statements = requiredConsentStatements(consent);
  const lines: string[] = [];
  lines.push(KIND_TITLES[consent.kind], "=".repeat(KIND_TITLES[consent.kind].length), "");
  lines.push(heading("patient_name", "Participant"), consent.patientName, "");

  lines.push(heading("disclosers", "Who may use or share my records"));
  for (const d of consent.disclosers)
    lines.push(
      `- ${d.name}${d.type === "class" ? " (a class of persons)" : d.type === "program" ? " (the program)" : ""}`,
    );
  lines.push("");

  lines.push(heading("information", "What information"));
  lines.push(`${describeScopes(consent.informationScope)}.`);
  if (consent.informationDetail) lines.push(consent.informationDetail);
  lines.push("");

  lines.push(heading("recipients", "Who may receive it"));
  for (const r of consent.recipients) lines.push(recipientLine(r));
  lines.push("");

  lines.push(heading("purposes", "Why"));
  lines.push(`${consent.purposes.map((p) => PURPOSE_WORDS[p]).join("; ")}.`);
  if (consent.purposeDetail) lines.push(consent.purposeDetail);
  lines.push("");

  lines.push(heading("expiry", "When this consent ends"));
  if (consent.expiresOn) lines.push(`This consent ends on ${consent.expiresOn}.`);
  if (consent.expiryEvent) lines.push(EXPIRY_WORDS[consent.expiryEvent]);
  lines.push("");

  lines.push(heading("revocation", "My right to revoke"));
  for (const key of REVOCATION_KEYS) if (statements.includes(key)) lines.push(CONSENT_STATEMENT_TEXT[key]!);
  if (consent.kind === "criminal_justice" && consent.revocableAfter)
    lines.push(`I may revoke this consent after ${consent.revocableAfter}.`);
  lines.push("");

  if (statements.includes("tpo_redisclosure")) {
    lines.push(heading("tpo_statements", "What this consent means for treatment, payment and operations"));
    lines.push(CONSENT_STATEMENT_TEXT.tpo_redisclosure!);
    lines.push(`${CONSENT_STATEMENT_TEXT.tpo_refusal_consequences!} ${consent.refusalConsequences}`);
    lines.push("");
  }
  const others = statements.filter((s) => !PRINTED_ABOVE.includes(s));
  if (others.length > 0) {
    lines.push("Please also know");
    for (const key of others) lines.push(`- ${CONSENT_STATEMENT_TEXT[key]!}`);
    lines.push("");
  }

  lines.push(heading("signature", "Signatures"));
  if (consent.signatures.length === 0) lines.push("Not signed yet.");
  for (const s of consent.signatures)
    lines.push(`${ROLE_WORDS[s.role]}: ${s.signerName} — signed ${dateIn(s.signedAt, timeZone)}`);
  const lastSigned = consent.signatures.reduce<Date | null>(
    (latest, s) => (latest === null || s.signedAt > latest ? s.signedAt : latest),
    null,
  );
  lines.push("", heading("date_signed", "Date signed"), lastSigned ? dateIn(lastSigned, timeZone) : "—", "");
  lines.push(`Kept by ${programName}. A copy of this consent is yours to keep.`);
  return lines.join("\n");
}
