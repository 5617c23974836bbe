import {
  CONSENT_ELEMENTS,
  type ConsentDefect,
  type ConsentDraftInput,
  type ConsentElement,
  type ConsentFacts,
  type ConsentProblem,
  type InformationScope,
  type MinorConsentRule,
  type SignerRole,
} from "./consent.schema";

/**
 * Pure 42 CFR Part 2 consent rules: which §2.31(a) elements a draft is missing, who must sign, and
 * whether a signed consent may carry a given disclosure at a given moment (§2.31(c)). No clock: `now`
 * and the calendar date `today` are parameters.
 */

const defect = (element: ConsentElement | "combination", field: string, message: string): ConsentDefect => ({
  element,
  paragraph: element === "combination" ? "§2.31(b), (d)" : `§2.31${CONSENT_ELEMENTS[element]}`,
  field,
  message,
});

/** The fields the element check reads (a draft from the form, or a stored consent). */
export interface ConsentDraftFacts {
  kind: ConsentDraftInput["kind"];
  patientName: string;
  disclosers: readonly { type: string; name: string }[];
  informationScope: readonly InformationScope[];
  recipients: readonly Pick<
    ConsentDraftInput["recipients"][number],
    "kind" | "name" | "intermediaryParticipants" | "generalDesignationTreatingOnly"
  >[];
  purposes: readonly ConsentDraftInput["purposes"][number][];
  expiresOn: string | null;
  expiryEvent: ConsentDraftInput["expiryEvent"];
  refusalConsequences: string;
  revocableAfter: string | null;
}

/**
 * Every element the draft lacks or gets wrong, in §2.31(a) order, each naming the field. An empty list
 * means the consent may be signed (signatures and the date are checked at signing: `findMissingSignatures`).
 * `today` is the site's calendar date: an expiry date must be after it (null when re-checking a signed
 * consent, whose date is then the expiry check's business).
 */
export function findMissingElements(draft: ConsentDraftFacts, today: string | null): ConsentDefect[] {
  const out: ConsentDefect[] = [];
  if (draft.patientName.trim() === "")
    out.push(
      defect("patient_name", "patientName", "Enter the participant's name as it is printed on the consent."),
    );
  if (draft.disclosers.length === 0 || draft.disclosers.some((d) => d.name.trim() === ""))
    out.push(
      defect(
        "disclosers",
        "disclosers",
        "Name who may make the disclosure (the program, a named person or a class).",
      ),
    );

  const scope = draft.informationScope;
  if (scope.length === 0)
    out.push(defect("information", "informationScope", "Choose what information may be disclosed."));
  if (draft.kind === "counseling_notes") {
    if (scope.some((s) => s !== "counseling_notes"))
      out.push(
        defect(
          "combination",
          "informationScope",
          "A consent for SUD counseling notes may cover only counseling notes; use a separate consent for anything else.",
        ),
      );
    if (!scope.includes("counseling_notes"))
      out.push(
        defect(
          "information",
          "informationScope",
          "A counseling-notes consent must name the SUD counseling notes.",
        ),
      );
  } else if (scope.includes("counseling_notes")) {
    out.push(
      defect(
        "combination",
        "informationScope",
        "SUD counseling notes need their own consent, combined only with another counseling-notes consent.",
      ),
    );
  }

  if (draft.recipients.length === 0)
    out.push(defect("recipients", "recipients", "Name at least one recipient."));
  draft.recipients.forEach((r, i) => {
    if (r.name.trim() === "")
      out.push(
        defect(
          "recipients",
          `recipients.${i}.name`,
          "Enter the recipient's name, or describe the class of recipients.",
        ),
      );
    if (
      r.kind === "intermediary" &&
      r.intermediaryParticipants.trim() === "" &&
      !r.generalDesignationTreatingOnly
    )
      out.push(
        defect(
          "recipients",
          `recipients.${i}.intermediaryParticipants`,
          "For an intermediary, name its member participants or designate those with a treating-provider relationship.",
        ),
      );
    if (draft.kind === "named_recipient" && r.kind === "class")
      out.push(
        defect(
          "recipients",
          `recipients.${i}.kind`,
          "A named-recipient consent names each recipient; use a TPO consent for a class.",
        ),
      );
  });

  if (draft.purposes.length === 0)
    out.push(defect("purposes", "purposes", "Choose the purpose of the disclosure."));
  const only = (purpose: ConsentDraftInput["purposes"][number], message: string) => {
    if (draft.purposes.some((p) => p !== purpose)) out.push(defect("combination", "purposes", message));
    if (!draft.purposes.includes(purpose)) out.push(defect("purposes", "purposes", message));
  };
  if (draft.kind === "legal_proceedings")
    only(
      "legal_proceeding",
      "A consent for use in legal proceedings is for that purpose alone and cannot be combined (§2.31(d)).",
    );
  if (draft.kind === "research") only("research", "A research consent is for research alone.");
  if (draft.kind === "criminal_justice")
    only(
      "criminal_justice_monitoring",
      "A criminal-justice referral consent is for monitoring the participant's progress alone (§2.35).",
    );
  if (draft.kind === "tpo" && !draft.purposes.includes("tpo"))
    out.push(
      defect(
        "purposes",
        "purposes",
        "A TPO consent states its purpose as treatment, payment and health care operations.",
      ),
    );

  const event = draft.expiryEvent;
  if (draft.expiresOn === null && event === null)
    out.push(defect("expiry", "expiresOn", "Give an expiry date or an expiry event."));
  if (draft.expiresOn !== null && today !== null && draft.expiresOn <= today)
    out.push(defect("expiry", "expiresOn", "The expiry date must be after today."));
  if (event === "none" && draft.kind !== "tpo")
    out.push(defect("expiry", "expiryEvent", "Only a TPO consent may have no expiry."));
  if (event === "end_of_study" && draft.kind !== "research")
    out.push(defect("expiry", "expiryEvent", "'End of the study' is an expiry for research consents only."));
  if (event === "final_disposition" && draft.kind !== "criminal_justice")
    out.push(
      defect(
        "expiry",
        "expiryEvent",
        "'Final disposition' is an expiry for criminal-justice referral consents only.",
      ),
    );

  if (draft.kind === "criminal_justice") {
    if (draft.revocableAfter === null)
      out.push(
        defect(
          "revocation",
          "revocableAfter",
          "Give the date after which the participant may revoke (no later than final disposition, §2.35).",
        ),
      );
  } else if (draft.revocableAfter !== null) {
    out.push(
      defect("revocation", "revocableAfter", "Only a criminal-justice referral consent limits revocation."),
    );
  }

  if (draft.kind === "tpo" && draft.refusalConsequences.trim() === "")
    out.push(
      defect(
        "tpo_statements",
        "refusalConsequences",
        "A TPO consent must say what happens if the participant refuses to sign.",
      ),
    );
  return out;
}

/** Age in whole years on a calendar date (both `YYYY-MM-DD`). */
export function ageOn(bornOn: string, today: string): number {
  const [by, bm, bd] = bornOn.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = today.split("-").map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/**
 * Who must sign a disclosure consent (§2.14), from the site's state rule and the participant's age.
 * An adult signs alone. A minor who may consent to treatment alone under state law signs alone — even
 * for a disclosure to their parent (§2.14(a)). Otherwise the minor and a parent or guardian both sign
 * (§2.14(b)). With no rule configured, a minor's consent needs both: the safe reading until counsel sets one.
 */
export function requiredSignersFor(
  rule: MinorConsentRule | null,
  bornOn: string,
  today: string,
): SignerRole[] {
  const age = ageOn(bornOn, today);
  if (rule === null) return age >= 18 ? ["patient"] : ["patient", "parent_guardian"];
  if (age >= rule.ageOfMajority) return ["patient"];
  const mayConsentAlone =
    !rule.parentalConsentRequired && rule.minorMayConsentFrom !== null && age >= rule.minorMayConsentFrom;
  return mayConsentAlone ? ["patient"] : ["patient", "parent_guardian"];
}

/** The required signatures not yet given (§2.31(a)(8)). */
export function findMissingSignatures(
  required: readonly SignerRole[],
  signatures: readonly { role: SignerRole }[],
): SignerRole[] {
  return required.filter((role) => !signatures.some((s) => s.role === role));
}

/** Facts about the world a disclosure check needs besides the consent. */
export interface DisclosureMoment {
  now: Date;
  /** The site's calendar date at `now`. */
  today: string;
  /** When the episode's treatment ended (discharge date), for an `end_of_treatment` expiry. */
  treatmentEndedOn: string | null;
  /** Categories withheld by an agreed §2.26 restriction. */
  restrictedScopes: readonly InformationScope[];
}

/** Whether the consent has expired at this moment (date passed, or its event happened). */
export function isExpired(
  consent: Pick<ConsentFacts, "expiresOn" | "expiryEvent">,
  moment: DisclosureMoment,
): boolean {
  if (consent.expiresOn !== null && consent.expiresOn < moment.today) return true;
  if (consent.expiryEvent === "end_of_treatment" && moment.treatmentEndedOn !== null)
    return moment.treatmentEndedOn < moment.today;
  return false;
}

/** The scopes a request covers: `entire_record` covers every record category except counseling notes. */
function covers(scope: readonly InformationScope[], wanted: InformationScope): boolean {
  if (scope.includes(wanted)) return true;
  return scope.includes("entire_record") && wanted !== "counseling_notes" && !FAMILY_ONLY.has(wanted);
}
const FAMILY_ONLY = new Set<InformationScope>([
  "family_session_schedule",
  "attendance_summary",
  "shared_progress",
  "treatment_goals",
  "family_messages",
]);

/**
 * Whether this signed consent may carry this disclosure to this recipient now (§2.31(c): never an
 * expired, deficient, revoked or materially false consent; plus the engine's oral-revocation hold and
 * the participant's agreed restrictions). Run at the moment of every disclosure, never only at capture.
 * Returns every problem, so the disclosure log and the refusal can say why.
 */
export function checkConsentForDisclosure(
  consent: ConsentFacts,
  recipientId: string,
  information: readonly InformationScope[],
  moment: DisclosureMoment,
): ConsentProblem[] {
  const problems: ConsentProblem[] = [];
  if (consent.status !== "signed" || consent.signedAt === null) problems.push("not_signed");
  if (
    findMissingElements(consent, null).length > 0 ||
    findMissingSignatures(consent.requiredSigners, consent.signatures).length > 0
  )
    problems.push("deficient");
  if (isExpired(consent, moment)) problems.push("expired");
  if (consent.revokedAt !== null && consent.revokedAt.getTime() <= moment.now.getTime())
    problems.push("revoked");
  const recipient = consent.recipients.find((r) => r.id === recipientId);
  if (!recipient) problems.push("recipient_not_named");
  else if (recipient.revokedAt !== null && recipient.revokedAt.getTime() <= moment.now.getTime())
    problems.push("recipient_revoked");
  if (consent.holdAt !== null) problems.push("on_hold");
  if (consent.materiallyFalseAt !== null) problems.push("materially_false");
  // No categories: only the fact that the person is a participant (e.g. a family member's list of
  // the people they support), which any signed consent naming the recipient discloses.
  if (information.some((i) => !covers(consent.informationScope, i))) problems.push("out_of_scope");
  if (information.some((i) => moment.restrictedScopes.includes(i))) problems.push("restricted");
  return problems;
}

/**
 * The statements the consent document must print besides its elements, by kind (§2.31(a)(4)(iii),
 * (a)(5)(iii), (a)(6), (a)(10), (b)). Keys of the document template; the text lives with the template.
 */
export function requiredConsentStatements(
  consent: Pick<ConsentFacts, "kind" | "purposes" | "recipients">,
): string[] {
  const out: string[] = [];
  if (consent.kind !== "criminal_justice") out.push("revocation_in_writing");
  else out.push("criminal_justice_revocation_limit");
  if (consent.kind === "tpo") out.push("tpo_redisclosure", "tpo_refusal_consequences");
  if (consent.kind === "tpo" && consent.recipients.some((r) => r.coveredEntity))
    out.push("hipaa_redisclosure");
  if (consent.purposes.includes("fundraising")) out.push("fundraising_opt_out");
  if (consent.kind === "counseling_notes") out.push("counseling_notes_not_a_condition");
  if (consent.recipients.some((r) => r.kind === "person" || r.kind === "class") && consent.kind !== "tpo")
    out.push("no_redisclosure");
  return out;
}

const SCOPE_WORDS: Record<InformationScope, string> = {
  attendance: "attendance records",
  diagnosis: "diagnoses",
  treatment_plan: "the treatment plan",
  medications: "medications",
  assessment_scores: "questionnaire scores",
  drug_screens: "drug screen results",
  progress_summary: "a summary of progress",
  discharge_summary: "the discharge summary",
  entire_record: "the entire record except SUD counseling notes",
  counseling_notes: "SUD counseling notes",
  family_session_schedule: "the schedule of family sessions",
  attendance_summary: "a summary of attendance",
  shared_progress: "progress the participant chooses to share",
  treatment_goals: "treatment goals in plain words",
  family_messages: "messages with the care team",
};

/** The information categories in words (English; the log and the documents). */
export function describeScopes(scopes: readonly InformationScope[]): string {
  return scopes.map((s) => SCOPE_WORDS[s]).join("; ");
}

/**
 * The "clear explanation of the scope of the consent" that §2.32(b) allows in place of a copy:
 * recipient, purposes, information, expiry and revocation status at the moment of sending.
 */
export function describeConsentScope(
  consent: Pick<
    ConsentFacts,
    "kind" | "purposes" | "purposeDetail" | "informationScope" | "expiresOn" | "expiryEvent" | "signedAt"
  > & {
    recipients: readonly { id: string; name: string; relationship: string }[];
  },
  recipientId: string | null,
): string {
  const recipient = consent.recipients.find((r) => r.id === recipientId);
  const expiry =
    consent.expiresOn !== null
      ? `until ${consent.expiresOn}`
      : consent.expiryEvent === "none"
        ? "until revoked in writing"
        : `until ${(consent.expiryEvent ?? "").replaceAll("_", " ")}`;
  return [
    `Consent (${consent.kind.replaceAll("_", " ")}) signed ${consent.signedAt ? consent.signedAt.toISOString().slice(0, 10) : "—"}.`,
    recipient
      ? `Recipient: ${recipient.name}${recipient.relationship ? ` (${recipient.relationship})` : ""}.`
      : "",
    `Purpose: ${consent.purposes.map((p) => p.replaceAll("_", " ")).join(", ")}${consent.purposeDetail ? ` — ${consent.purposeDetail}` : ""}.`,
    `Information: ${describeScopes(consent.informationScope)}.`,
    `In force ${expiry}; not revoked when this was sent.`,
  ]
    .filter((line) => line !== "")
    .join(" ");
}
