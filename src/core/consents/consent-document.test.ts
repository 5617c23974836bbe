import { describe, expect, it } from "vitest";
import { CONSENT_ELEMENTS } from "./consent.schema";
import { CONSENT_STATEMENT_TEXT, type ConsentDocumentInput, renderConsentDocument } from "./consent-document";

const recipient = {
  id: "r1",
  kind: "person" as const,
  name: "Alex Rivera",
  relationship: "sister",
  email: "",
  coveredEntity: false,
  intermediaryParticipants: "",
  generalDesignationTreatingOnly: false,
  revokedAt: null,
};

const consent = (over: Partial<ConsentDocumentInput["consent"]> = {}): ConsentDocumentInput["consent"] => ({
  kind: "named_recipient",
  patientName: "Pat Rivera",
  disclosers: [{ type: "program", name: "Bridgeway IOP" }],
  informationScope: ["family_session_schedule", "attendance_summary"],
  informationDetail: "",
  recipients: [recipient],
  purposes: ["family_involvement"],
  purposeDetail: "",
  expiresOn: "2026-09-01",
  expiryEvent: null,
  refusalConsequences: "",
  revocableAfter: null,
  signatures: [{ role: "patient", signerName: "Pat Rivera", signedAt: new Date("2026-03-02T03:30:00Z") }],
  ...over,
});

const render = (over: Partial<ConsentDocumentInput["consent"]> = {}) =>
  renderConsentDocument({
    consent: consent(over),
    programName: "Bridgeway IOP",
    timeZone: "America/Los_Angeles",
  });

describe("renderConsentDocument", () => {
  it("prints every §2.31(a) element except the TPO statements under its paragraph", () => {
    const text = render();
    for (const [element, paragraph] of Object.entries(CONSENT_ELEMENTS)) {
      if (element === "tpo_statements") continue;
      expect(text, element).toContain(`42 CFR 2.31${paragraph}`);
    }
    expect(text).toContain("Pat Rivera");
    expect(text).toContain("Alex Rivera (sister)");
    expect(text).toContain("the schedule of family sessions; a summary of attendance.");
    expect(text).toContain("to involve the people I name in my treatment");
    expect(text).toContain("This consent ends on 2026-09-01.");
  });

  it("says how to revoke in writing: in the app or by a signed letter", () => {
    const text = render();
    expect(text).toContain(CONSENT_STATEMENT_TEXT.revocation_in_writing!);
    expect(text).toContain("Privacy → People I share with, or by a signed letter to the program");
  });

  it("tells a person recipient they may not share it again", () => {
    expect(render()).toContain(CONSENT_STATEMENT_TEXT.no_redisclosure!);
  });

  it("prints signature dates on the site's calendar (evening in California is still the 1st)", () => {
    const text = render();
    expect(text).toContain("Participant: Pat Rivera — signed 2026-03-01");
    expect(text).toMatch(/Date signed \(42 CFR 2\.31\(a\)\(9\)\)\n2026-03-01/);
  });

  it("a TPO consent states redisclosure and the consequences of refusing, and HIPAA redisclosure for a covered entity", () => {
    const text = render({
      kind: "tpo",
      purposes: ["tpo"],
      informationScope: ["entire_record"],
      recipients: [
        {
          ...recipient,
          kind: "organisation",
          name: "Valley Health Plan",
          relationship: "",
          coveredEntity: true,
        },
      ],
      expiresOn: null,
      expiryEvent: "none",
      refusalConsequences: "You will still be treated; we may bill you directly.",
    });
    expect(text).toContain("42 CFR 2.31(a)(10)");
    expect(text).toContain(CONSENT_STATEMENT_TEXT.tpo_redisclosure!);
    expect(text).toContain(
      "What happens if I do not sign this consent: You will still be treated; we may bill you directly.",
    );
    expect(text).toContain(CONSENT_STATEMENT_TEXT.hipaa_redisclosure!);
    expect(text).toContain("It stays in force until I revoke it in writing.");
    expect(text).not.toContain(CONSENT_STATEMENT_TEXT.no_redisclosure!);
  });

  it("a counseling-notes consent says it is never a condition of treatment", () => {
    expect(render({ kind: "counseling_notes", informationScope: ["counseling_notes"] })).toContain(
      CONSENT_STATEMENT_TEXT.counseling_notes_not_a_condition!,
    );
  });

  it("a fundraising purpose prints the opt-out", () => {
    expect(render({ purposes: ["fundraising"] })).toContain(CONSENT_STATEMENT_TEXT.fundraising_opt_out!);
  });

  it("a criminal-justice consent prints its revocation limit and date instead of the ordinary revocation", () => {
    const text = render({
      kind: "criminal_justice",
      purposes: ["criminal_justice_monitoring"],
      recipients: [{ ...recipient, kind: "organisation", name: "County Probation", relationship: "" }],
      expiresOn: null,
      expiryEvent: "final_disposition",
      revocableAfter: "2026-06-01",
    });
    expect(text).toContain(CONSENT_STATEMENT_TEXT.criminal_justice_revocation_limit!);
    expect(text).toContain("I may revoke this consent after 2026-06-01.");
    expect(text).not.toContain(CONSENT_STATEMENT_TEXT.revocation_in_writing!);
  });

  it("an intermediary lists its member participants or the treating-provider limit", () => {
    const text = render({
      kind: "tpo",
      purposes: ["tpo"],
      refusalConsequences: "x",
      recipients: [
        {
          ...recipient,
          kind: "intermediary",
          name: "County HIE",
          relationship: "",
          intermediaryParticipants: "Valley Clinic; County Hospital",
          generalDesignationTreatingOnly: true,
        },
      ],
    });
    expect(text).toContain("Member participants who may receive my records: Valley Clinic; County Hospital");
    expect(text).toContain("treating-provider relationship with me");
  });

  it("names a guardian's signature beside the participant's", () => {
    const text = render({
      signatures: [
        { role: "patient", signerName: "Pat Rivera", signedAt: new Date("2026-03-02T18:00:00Z") },
        { role: "parent_guardian", signerName: "Maria Rivera", signedAt: new Date("2026-03-03T18:00:00Z") },
      ],
    });
    expect(text).toContain("Parent or guardian: Maria Rivera — signed 2026-03-03");
    expect(text).toMatch(/Date signed \(42 CFR 2\.31\(a\)\(9\)\)\n2026-03-03/);
  });
});
