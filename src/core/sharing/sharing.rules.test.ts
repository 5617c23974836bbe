import { describe, expect, it } from "vitest";
import { findMissingElements } from "../consents/consent.rules";
import {
  buildFamilyConsentDraft,
  DEFAULT_SHARE_SCOPES,
  defaultRevocationStatement,
  deriveSafetyOutcome,
  deriveSharingStatus,
  familyScopesOf,
  findBlockedMatch,
  isListedDraft,
} from "./sharing.rules";
import { myShareInputSchema, sharedUpdateInputSchema } from "./sharing.schema";

const share = {
  name: "Dana Lee",
  relationship: "sister",
  email: "dana@example.org",
  scopes: ["family_session_schedule", "attendance_summary"] as const,
  untilKind: "date" as const,
  untilOn: "2027-06-30",
};

describe("sharing: the safety question", () => {
  it.each([
    ["no", "proceed"],
    ["yes", "stop"],
    ["not_sure", "stop"],
  ] as const)("answering %s means %s", (answer, outcome) => {
    expect(deriveSafetyOutcome(answer)).toBe(outcome);
  });

  it("refuses a share with no safety answer, naming the field", () => {
    const parsed = myShareInputSchema.safeParse({ ...share, scopes: [...share.scopes], locale: "en" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual(["safety"]);
  });
});

describe("sharing: what the person may see", () => {
  it("starts without questionnaire scores, which the participant must choose", () => {
    expect(DEFAULT_SHARE_SCOPES).not.toContain("assessment_scores");
    expect(DEFAULT_SHARE_SCOPES).toContain("family_session_schedule");
  });

  it("keeps only family categories, in the page's order", () => {
    expect(
      familyScopesOf(["family_messages", "diagnosis", "attendance_summary", "counseling_notes"]),
    ).toEqual(["attendance_summary", "family_messages"]);
  });

  it("refuses no scope, an unknown scope or a date-less 'until a date'", () => {
    const base = { ...share, safety: "no", typedName: "Alex Rivera" };
    const paths = (value: unknown) =>
      myShareInputSchema.safeParse(value).error?.issues.map((i) => i.path.join(".")) ?? [];
    expect(paths({ ...base, scopes: [] })).toEqual(["scopes"]);
    expect(paths({ ...base, scopes: ["counseling_notes"] })).toEqual(["scopes.0"]);
    expect(paths({ ...base, scopes: [...share.scopes], untilOn: null })).toEqual(["untilOn"]);
    expect(
      paths({ ...base, scopes: [...share.scopes], untilKind: "end_of_treatment", untilOn: null }),
    ).toEqual([]);
  });

  it("writes a named-recipient consent with every element, for one person and family involvement", () => {
    const draft = buildFamilyConsentDraft(
      { ...share, scopes: [...share.scopes] },
      { patientName: "Alex Rivera", programName: "Bridgeway IOP" },
    );
    expect(findMissingElements(draft, "2026-11-24")).toEqual([]);
    expect(draft).toMatchObject({
      kind: "named_recipient",
      purposes: ["family_involvement"],
      disclosers: [{ type: "program", name: "Bridgeway IOP" }],
      recipients: [{ kind: "person", name: "Dana Lee", relationship: "sister", email: "dana@example.org" }],
      informationScope: ["family_session_schedule", "attendance_summary"],
      expiresOn: "2027-06-30",
      expiryEvent: null,
    });
    const untilEnd = buildFamilyConsentDraft(
      { ...share, scopes: [...share.scopes], untilKind: "end_of_treatment", untilOn: null },
      { patientName: "Alex Rivera", programName: "Bridgeway IOP" },
    );
    expect(untilEnd).toMatchObject({ expiresOn: null, expiryEvent: "end_of_treatment" });
    expect(findMissingElements(untilEnd, "2026-11-24")).toEqual([]);
  });
});

describe("sharing: the do-not-disclose list", () => {
  const blocks = [
    { id: "b1", name: "Jordan Pike", email: "J.Pike@Example.org" },
    { id: "b2", name: "  Renée   Marsh ", email: "" },
  ];

  it("matches an email ignoring case, whatever name is given", () => {
    expect(findBlockedMatch(blocks, { name: "Someone Else", email: "j.pike@example.ORG" })).toMatchObject({
      block: { id: "b1" },
      by: "email",
    });
  });

  it("matches a name ignoring case, accents and spacing, whatever email is given", () => {
    expect(findBlockedMatch(blocks, { name: "renee marsh", email: "new@example.org" })).toMatchObject({
      block: { id: "b2" },
      by: "name",
    });
  });

  it("lets through someone not on the list, and never matches an empty email to an empty email", () => {
    expect(findBlockedMatch(blocks, { name: "Dana Lee", email: "" })).toBeNull();
  });
});

describe("sharing: where it stands", () => {
  const moment = { now: new Date("2026-11-24T15:00:00Z"), today: "2026-11-24", treatmentEndedOn: null };
  const signed = {
    status: "signed" as const,
    expiresOn: "2027-06-30",
    expiryEvent: null,
    revokedAt: null,
    holdAt: null,
    materiallyFalseAt: null,
  };
  const safe = { revokedAt: null, safetyScreen: "safe" as const };

  it.each([
    ["no account yet", null, "not_invited"],
    ["an invitation not yet accepted", "pending", "invitation_sent"],
    ["an account in use", "active", "active"],
  ] as const)("a signed consent with %s is %s", (_, account, status) => {
    expect(
      deriveSharingStatus({ consent: signed, recipient: safe, missingSigners: [], account, moment }),
    ).toBe(status);
  });

  it("is revoked from the moment of the written revocation, and expired after its date", () => {
    const revokedAt = new Date("2026-11-24T14:00:00Z");
    expect(
      deriveSharingStatus({
        consent: signed,
        recipient: { ...safe, revokedAt },
        missingSigners: [],
        account: "active",
        moment,
      }),
    ).toBe("revoked");
    expect(
      deriveSharingStatus({
        consent: { ...signed, expiresOn: "2026-11-01" },
        recipient: safe,
        missingSigners: [],
        account: "active",
        moment,
      }),
    ).toBe("expired");
  });

  it("an unsigned draft is a safety concern, or waits for a guardian", () => {
    const draft = { ...signed, status: "draft" as const };
    expect(
      deriveSharingStatus({
        consent: draft,
        recipient: { revokedAt: null, safetyScreen: "concern" },
        missingSigners: ["patient"],
        account: null,
        moment,
      }),
    ).toBe("safety_concern");
    expect(
      deriveSharingStatus({
        consent: draft,
        recipient: safe,
        missingSigners: ["parent_guardian"],
        account: null,
        moment,
      }),
    ).toBe("waiting_for_guardian");
    expect(isListedDraft(safe, [], ["patient", "parent_guardian"])).toBe(false);
    expect(isListedDraft(safe, [{ role: "patient" }], ["parent_guardian"])).toBe(true);
  });
});

describe("sharing: words the participant can edit", () => {
  it("prefills the written revocation with the person's name", () => {
    expect(defaultRevocationStatement(" Dana Lee ")).toBe(
      "I revoke my consent for Dana Lee to receive my information.",
    );
  });

  it("names the 1,000-character limit of a shared update", () => {
    const parsed = sharedUpdateInputSchema.safeParse({ body: "x".repeat(1001) });
    expect(parsed.error?.issues[0]?.message).toBe("Use at most 1,000 characters.");
    expect(sharedUpdateInputSchema.safeParse({ body: "Doing well this week." }).success).toBe(true);
  });
});
