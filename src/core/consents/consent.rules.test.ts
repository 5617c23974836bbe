import { describe, expect, it } from "vitest";
import {
  ageOn,
  type ConsentDraftFacts,
  checkConsentForDisclosure,
  type DisclosureMoment,
  findMissingElements,
  findMissingSignatures,
  isExpired,
  requiredConsentStatements,
  requiredSignersFor,
} from "./consent.rules";
import type { ConsentFacts, InformationScope, MinorConsentRule } from "./consent.schema";

const TODAY = "2026-03-02";

/** A complete named-recipient consent to a family member. */
const familyDraft = (over: Partial<ConsentDraftFacts> = {}): ConsentDraftFacts => ({
  kind: "named_recipient",
  patientName: "Pat Rivera",
  disclosers: [{ type: "program", name: "Bridgeway IOP" }],
  informationScope: ["family_session_schedule", "attendance_summary"],
  recipients: [
    {
      kind: "person",
      name: "Alex Rivera",
      intermediaryParticipants: "",
      generalDesignationTreatingOnly: false,
    },
  ],
  purposes: ["family_involvement"],
  expiresOn: "2026-09-01",
  expiryEvent: null,
  refusalConsequences: "",
  revocableAfter: null,
  ...over,
});

const tpoDraft = (over: Partial<ConsentDraftFacts> = {}): ConsentDraftFacts =>
  familyDraft({
    kind: "tpo",
    informationScope: ["entire_record"],
    recipients: [
      {
        kind: "class",
        name: "My treating providers, health plans and people helping to operate this program",
        intermediaryParticipants: "",
        generalDesignationTreatingOnly: false,
      },
    ],
    purposes: ["tpo"],
    expiresOn: null,
    expiryEvent: "none",
    refusalConsequences: "You will still be treated; we may not be able to bill your plan.",
    ...over,
  });

const fieldsOf = (draft: ConsentDraftFacts, today: string | null = TODAY) =>
  findMissingElements(draft, today).map((d) => `${d.element} ${d.paragraph} ${d.field}`);

describe("findMissingElements: a complete consent", () => {
  it.each([
    ["named recipient", familyDraft()],
    ["TPO with no expiry", tpoDraft()],
    [
      "counseling notes alone",
      familyDraft({ kind: "counseling_notes", informationScope: ["counseling_notes"] }),
    ],
    [
      "research to the end of the study",
      familyDraft({ kind: "research", purposes: ["research"], expiresOn: null, expiryEvent: "end_of_study" }),
    ],
    [
      "criminal justice with a revocable-after date",
      familyDraft({
        kind: "criminal_justice",
        purposes: ["criminal_justice_monitoring"],
        expiresOn: null,
        expiryEvent: "final_disposition",
        revocableAfter: "2026-06-01",
      }),
    ],
  ])("%s has nothing missing", (_name, draft) => {
    expect(findMissingElements(draft, TODAY)).toEqual([]);
  });
});

describe("findMissingElements: each §2.31(a) element missing is named with its paragraph and field", () => {
  it.each<[string, ConsentDraftFacts, string]>([
    ["patient name blank", familyDraft({ patientName: "  " }), "patient_name §2.31(a)(1) patientName"],
    ["no disclosers", familyDraft({ disclosers: [] }), "disclosers §2.31(a)(2) disclosers"],
    [
      "a discloser without a name",
      familyDraft({ disclosers: [{ type: "named", name: " " }] }),
      "disclosers §2.31(a)(2) disclosers",
    ],
    ["no information", familyDraft({ informationScope: [] }), "information §2.31(a)(3) informationScope"],
    ["no recipients", familyDraft({ recipients: [] }), "recipients §2.31(a)(4) recipients"],
    [
      "a recipient without a name",
      familyDraft({
        recipients: [
          { kind: "person", name: "", intermediaryParticipants: "", generalDesignationTreatingOnly: false },
        ],
      }),
      "recipients §2.31(a)(4) recipients.0.name",
    ],
    [
      "an intermediary without participants or a general designation",
      tpoDraft({
        recipients: [
          {
            kind: "intermediary",
            name: "County HIE",
            intermediaryParticipants: "",
            generalDesignationTreatingOnly: false,
          },
        ],
      }),
      "recipients §2.31(a)(4) recipients.0.intermediaryParticipants",
    ],
    [
      "a class as recipient of a named-recipient consent",
      familyDraft({
        recipients: [
          {
            kind: "class",
            name: "My family",
            intermediaryParticipants: "",
            generalDesignationTreatingOnly: false,
          },
        ],
      }),
      "recipients §2.31(a)(4) recipients.0.kind",
    ],
    ["no purposes", familyDraft({ purposes: [] }), "purposes §2.31(a)(5) purposes"],
    [
      "a TPO consent without the TPO purpose",
      tpoDraft({ purposes: ["payment"] }),
      "purposes §2.31(a)(5) purposes",
    ],
    ["no expiry date or event", familyDraft({ expiresOn: null }), "expiry §2.31(a)(7) expiresOn"],
    ["an expiry date of today", familyDraft({ expiresOn: TODAY }), "expiry §2.31(a)(7) expiresOn"],
    ["an expiry date in the past", familyDraft({ expiresOn: "2026-01-01" }), "expiry §2.31(a)(7) expiresOn"],
    [
      "TPO without the consequences of refusing",
      tpoDraft({ refusalConsequences: " " }),
      "tpo_statements §2.31(a)(10) refusalConsequences",
    ],
    [
      "criminal justice without a revocable-after date",
      familyDraft({ kind: "criminal_justice", purposes: ["criminal_justice_monitoring"] }),
      "revocation §2.31(a)(6) revocableAfter",
    ],
    [
      "a revocable-after date on another kind",
      familyDraft({ revocableAfter: "2026-06-01" }),
      "revocation §2.31(a)(6) revocableAfter",
    ],
  ])("%s", (_name, draft, expected) => {
    expect(fieldsOf(draft)).toContain(expected);
  });

  it("every defect carries a message in plain words", () => {
    const defects = findMissingElements(
      familyDraft({ patientName: "", disclosers: [], informationScope: [], recipients: [], purposes: [] }),
      TODAY,
    );
    expect(defects.map((d) => d.element)).toEqual([
      "patient_name",
      "disclosers",
      "information",
      "recipients",
      "purposes",
    ]);
    for (const d of defects) expect(d.message.length).toBeGreaterThan(10);
  });

  it("a signed consent re-checked without today does not fail on its expiry date", () => {
    expect(findMissingElements(familyDraft({ expiresOn: "2020-01-01" }), null)).toEqual([]);
  });
});

describe("findMissingElements: combination rules (§2.31(b), (d))", () => {
  it("counseling notes with another scope is refused as a combination", () => {
    expect(
      fieldsOf(
        familyDraft({ kind: "counseling_notes", informationScope: ["counseling_notes", "diagnosis"] }),
      ),
    ).toEqual(["combination §2.31(b), (d) informationScope"]);
  });

  it("a counseling-notes consent that does not name the notes is missing its information", () => {
    expect(fieldsOf(familyDraft({ kind: "counseling_notes", informationScope: ["diagnosis"] }))).toEqual([
      "combination §2.31(b), (d) informationScope",
      "information §2.31(a)(3) informationScope",
    ]);
  });

  it("counseling notes inside any other kind of consent are refused", () => {
    expect(fieldsOf(tpoDraft({ informationScope: ["entire_record", "counseling_notes"] }))).toEqual([
      "combination §2.31(b), (d) informationScope",
    ]);
  });

  it("a legal-proceedings consent combined with another purpose is refused", () => {
    expect(
      fieldsOf(
        familyDraft({ kind: "legal_proceedings", purposes: ["legal_proceeding", "care_coordination"] }),
      ),
    ).toEqual(["combination §2.31(b), (d) purposes"]);
  });

  it("a legal-proceedings consent without that purpose is missing its purpose", () => {
    expect(fieldsOf(familyDraft({ kind: "legal_proceedings", purposes: ["patient_request"] }))).toEqual([
      "combination §2.31(b), (d) purposes",
      "purposes §2.31(a)(5) purposes",
    ]);
  });

  it("a research consent is for research alone", () => {
    expect(fieldsOf(familyDraft({ kind: "research", purposes: ["research", "fundraising"] }))).toEqual([
      "combination §2.31(b), (d) purposes",
    ]);
  });

  it.each<[string, ConsentDraftFacts]>([
    ["no expiry on a named-recipient consent", familyDraft({ expiresOn: null, expiryEvent: "none" })],
    ["end of study on a TPO consent", tpoDraft({ expiryEvent: "end_of_study" })],
    [
      "final disposition on a research consent",
      familyDraft({
        kind: "research",
        purposes: ["research"],
        expiresOn: null,
        expiryEvent: "final_disposition",
      }),
    ],
  ])("%s is refused on the expiry event", (_name, draft) => {
    expect(fieldsOf(draft)).toContain("expiry §2.31(a)(7) expiryEvent");
  });

  it("end of treatment is an expiry any kind may use", () => {
    expect(
      findMissingElements(familyDraft({ expiresOn: null, expiryEvent: "end_of_treatment" }), TODAY),
    ).toEqual([]);
  });
});

describe("requiredSignersFor (§2.14)", () => {
  const rule = (over: Partial<MinorConsentRule> = {}): MinorConsentRule => ({
    stateCode: "CA",
    ageOfMajority: 18,
    minorMayConsentFrom: 12,
    parentalConsentRequired: false,
    notes: "",
    ...over,
  });

  it.each<[string, MinorConsentRule | null, string, string[]]>([
    ["no rule: an adult signs alone", null, "2000-05-01", ["patient"]],
    ["no rule: a minor needs a parent too", null, "2010-05-01", ["patient", "parent_guardian"]],
    ["no rule: 18 on the day signs alone", null, "2008-03-02", ["patient"]],
    ["no rule: 18 tomorrow still needs a parent", null, "2008-03-03", ["patient", "parent_guardian"]],
    ["an adult under the rule signs alone", rule(), "1990-01-01", ["patient"]],
    ["a minor old enough to consent alone signs alone", rule(), "2012-03-02", ["patient"]],
    [
      "a minor one day short of the consent age needs a parent",
      rule(),
      "2014-03-03",
      ["patient", "parent_guardian"],
    ],
    ["a minor who turns the consent age today signs alone", rule(), "2014-03-02", ["patient"]],
    [
      "parental consent required: a 17-year-old needs a parent",
      rule({ parentalConsentRequired: true }),
      "2008-06-01",
      ["patient", "parent_guardian"],
    ],
    [
      "parental consent required: at majority alone",
      rule({ parentalConsentRequired: true }),
      "2008-03-02",
      ["patient"],
    ],
    [
      "no consent age in state law: a minor needs a parent",
      rule({ minorMayConsentFrom: null }),
      "2010-01-01",
      ["patient", "parent_guardian"],
    ],
    [
      "age of majority 19: an 18-year-old needs a parent",
      rule({ ageOfMajority: 19, minorMayConsentFrom: null }),
      "2007-06-01",
      ["patient", "parent_guardian"],
    ],
    [
      "age of majority 19: 19 on the day signs alone",
      rule({ ageOfMajority: 19, minorMayConsentFrom: null }),
      "2007-03-02",
      ["patient"],
    ],
  ])("%s", (_name, r, bornOn, expected) => {
    expect(requiredSignersFor(r, bornOn, TODAY)).toEqual(expected);
  });

  it("ageOn counts a birthday on the day and not the day before", () => {
    expect(ageOn("2000-03-02", "2026-03-02")).toBe(26);
    expect(ageOn("2000-03-03", "2026-03-02")).toBe(25);
    expect(ageOn("2008-02-29", "2026-02-28")).toBe(17);
    expect(ageOn("2008-02-29", "2026-03-01")).toBe(18);
  });

  it("findMissingSignatures names the roles still to sign", () => {
    expect(findMissingSignatures(["patient", "parent_guardian"], [{ role: "patient" }])).toEqual([
      "parent_guardian",
    ]);
    expect(findMissingSignatures(["patient"], [{ role: "patient" }])).toEqual([]);
  });
});

describe("checkConsentForDisclosure (§2.31(c))", () => {
  const now = new Date("2026-03-02T15:00:00Z");
  const moment = (over: Partial<DisclosureMoment> = {}): DisclosureMoment => ({
    now,
    today: TODAY,
    treatmentEndedOn: null,
    restrictedScopes: [],
    ...over,
  });
  const signed = (over: Partial<ConsentFacts> = {}): ConsentFacts => ({
    id: "c1",
    kind: "named_recipient",
    patientName: "Pat Rivera",
    disclosers: [{ type: "program", name: "Bridgeway IOP" }],
    informationScope: ["family_session_schedule", "attendance_summary"],
    informationDetail: "",
    recipients: [
      {
        id: "r1",
        kind: "person",
        name: "Alex Rivera",
        relationship: "sister",
        email: "",
        coveredEntity: false,
        intermediaryParticipants: "",
        generalDesignationTreatingOnly: false,
        revokedAt: null,
      },
      {
        id: "r2",
        kind: "person",
        name: "Sam Rivera",
        relationship: "father",
        email: "",
        coveredEntity: false,
        intermediaryParticipants: "",
        generalDesignationTreatingOnly: false,
        revokedAt: null,
      },
    ],
    purposes: ["family_involvement"],
    purposeDetail: "",
    expiresOn: "2026-09-01",
    expiryEvent: null,
    refusalConsequences: "",
    revocableAfter: null,
    requiredSigners: ["patient"],
    signatures: [{ role: "patient", signerName: "Pat Rivera", signedAt: new Date("2026-03-01T10:00:00Z") }],
    status: "signed",
    signedAt: new Date("2026-03-01T10:00:00Z"),
    revokedAt: null,
    holdAt: null,
    materiallyFalseAt: null,
    ...over,
  });
  const check = (
    consent: ConsentFacts,
    info: InformationScope[] = ["attendance_summary"],
    m = moment(),
    recipientId = "r1",
  ) => checkConsentForDisclosure(consent, recipientId, info, m);

  it("a signed, complete, current consent carries a disclosure in its scope", () => {
    expect(check(signed())).toEqual([]);
  });

  it("a draft is not signed", () => {
    expect(check(signed({ status: "draft", signedAt: null }))).toContain("not_signed");
  });

  it("a consent missing a required signature is deficient", () => {
    expect(check(signed({ requiredSigners: ["patient", "parent_guardian"] }))).toEqual(["deficient"]);
  });

  it("a consent missing an element is deficient", () => {
    expect(check(signed({ disclosers: [] }))).toEqual(["deficient"]);
  });

  it("expires the day after its expiry date, not on it", () => {
    expect(check(signed({ expiresOn: TODAY }))).toEqual([]);
    expect(check(signed({ expiresOn: "2026-03-01" }))).toEqual(["expired"]);
  });

  it("an end-of-treatment consent expires after the discharge day", () => {
    const consent = signed({ expiresOn: null, expiryEvent: "end_of_treatment" });
    expect(check(consent, undefined, moment({ treatmentEndedOn: TODAY }))).toEqual([]);
    expect(check(consent, undefined, moment({ treatmentEndedOn: "2026-02-27" }))).toEqual(["expired"]);
    expect(isExpired(consent, moment())).toBe(false);
  });

  it("a revocation at this instant or before stops it; one stamped later does not yet", () => {
    expect(check(signed({ revokedAt: now }))).toEqual(["revoked"]);
    expect(check(signed({ revokedAt: new Date(now.getTime() - 1000) }))).toEqual(["revoked"]);
    expect(check(signed({ revokedAt: new Date(now.getTime() + 1000) }))).toEqual([]);
  });

  it("a partial revocation stops that recipient and leaves the others in force", () => {
    const base = signed();
    const consent = signed({
      recipients: base.recipients.map((r) => (r.id === "r1" ? { ...r, revokedAt: now } : r)),
    });
    expect(check(consent, undefined, undefined, "r1")).toEqual(["recipient_revoked"]);
    expect(check(consent, undefined, undefined, "r2")).toEqual([]);
  });

  it("a recipient the consent does not name is refused", () => {
    expect(check(signed(), undefined, undefined, "someone-else")).toEqual(["recipient_not_named"]);
  });

  it("an oral revocation hold stops disclosures", () => {
    expect(check(signed({ holdAt: now }))).toEqual(["on_hold"]);
  });

  it("a consent known to be materially false is never used", () => {
    expect(check(signed({ materiallyFalseAt: now }))).toEqual(["materially_false"]);
  });

  it("information outside the consent's scope is refused", () => {
    expect(check(signed(), ["diagnosis"])).toEqual(["out_of_scope"]);
  });

  it("the entire record never covers counseling notes or the family-only categories", () => {
    const consent = signed({ informationScope: ["entire_record"] });
    expect(check(consent, ["diagnosis", "medications", "discharge_summary"])).toEqual([]);
    expect(check(consent, ["counseling_notes"])).toEqual(["out_of_scope"]);
    expect(check(consent, ["shared_progress"])).toEqual(["out_of_scope"]);
    expect(check(consent, ["family_messages"])).toEqual(["out_of_scope"]);
  });

  it("a category withheld by an agreed restriction is refused", () => {
    expect(
      check(signed(), ["attendance_summary"], moment({ restrictedScopes: ["attendance_summary"] })),
    ).toEqual(["restricted"]);
  });

  it("no categories (the fact of participation) is carried by any consent naming the recipient", () => {
    expect(check(signed(), [])).toEqual([]);
  });

  it("reports every problem at once", () => {
    expect(
      check(signed({ holdAt: now, materiallyFalseAt: now, expiresOn: "2026-01-01" }), ["diagnosis"]),
    ).toEqual(["expired", "on_hold", "materially_false", "out_of_scope"]);
  });
});

describe("requiredConsentStatements", () => {
  const recipient = (over: Partial<ConsentFacts["recipients"][number]> = {}) => ({
    id: "r",
    kind: "person" as const,
    name: "Alex",
    relationship: "",
    email: "",
    coveredEntity: false,
    intermediaryParticipants: "",
    generalDesignationTreatingOnly: false,
    revokedAt: null,
    ...over,
  });

  it("a TPO consent to a covered entity states redisclosure, refusal and HIPAA redisclosure", () => {
    expect(
      requiredConsentStatements({
        kind: "tpo",
        purposes: ["tpo"],
        recipients: [recipient({ kind: "organisation", coveredEntity: true })],
      }),
    ).toEqual([
      "revocation_in_writing",
      "tpo_redisclosure",
      "tpo_refusal_consequences",
      "hipaa_redisclosure",
    ]);
  });

  it("a criminal-justice consent states its revocation limit instead of the ordinary revocation", () => {
    expect(
      requiredConsentStatements({
        kind: "criminal_justice",
        purposes: ["criminal_justice_monitoring"],
        recipients: [],
      }),
    ).toEqual(["criminal_justice_revocation_limit"]);
  });

  it("counseling notes are never a condition of treatment; a person may not redisclose", () => {
    expect(
      requiredConsentStatements({
        kind: "counseling_notes",
        purposes: ["patient_request"],
        recipients: [recipient()],
      }),
    ).toEqual(["revocation_in_writing", "counseling_notes_not_a_condition", "no_redisclosure"]);
  });

  it("fundraising adds the opt-out", () => {
    expect(
      requiredConsentStatements({ kind: "named_recipient", purposes: ["fundraising"], recipients: [] }),
    ).toContain("fundraising_opt_out");
  });
});
