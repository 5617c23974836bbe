import { describe, expect, it } from "vitest";
import { admissionInputSchema, checkAdmission, checkReadmission } from "./admission.schema";

const input = admissionInputSchema.parse({
  legalGivenName: "Robin",
  legalFamilyName: "Ambervale",
  bornOn: "1990-04-12",
  admittedOn: "2026-11-20",
  primaryCounselorId: "3698896a-eb30-5263-976d-a14b0399db0c",
  diagnoses: [{ code: "F10.20", primary: true }, { code: "f41.1" }],
});
const context = { today: "2026-11-23", firstContactOn: "2026-11-10", levels: ["2.1", "1"] };

describe("admission checks", () => {
  it("accepts a complete admission", () => {
    expect(checkAdmission(input, context)).toEqual([]);
  });

  it("refuses a birth or admission date in the future, and an admission before the first contact", () => {
    expect(checkAdmission({ ...input, bornOn: "2027-01-01" }, context).map((p) => p.path)).toContain(
      "bornOn",
    );
    expect(checkAdmission({ ...input, admittedOn: "2026-11-24" }, context)).toEqual([
      { path: "admittedOn", message: "The admission date cannot be in the future." },
    ]);
    expect(checkAdmission({ ...input, admittedOn: "2026-11-09" }, context)).toEqual([
      { path: "admittedOn", message: "The admission cannot be before the first contact (2026-11-10)." },
    ]);
  });

  it("takes a care team besides the primary counselor, once each, with a role from the list", () => {
    const prescriber = "0b7e5c1a-2f4d-4e8b-9a6c-3d2e1f0a9b8c";
    expect(input.careTeam).toEqual([]);
    const team = { ...input, careTeam: [{ userId: prescriber, role: "prescriber" as const }] };
    expect(checkAdmission(team, context)).toEqual([]);
    expect(
      checkAdmission(
        {
          ...input,
          careTeam: [
            { userId: input.primaryCounselorId, role: "counselor" },
            { userId: prescriber, role: "prescriber" },
            { userId: prescriber, role: "case_manager" },
          ],
        },
        context,
      ).map((p) => p.path),
    ).toEqual(["careTeam.0.userId", "careTeam.2.userId"]);
    const badRole = admissionInputSchema.safeParse({
      ...input,
      careTeam: [{ userId: prescriber, role: "chef" }],
    });
    expect(badRole.success ? [] : badRole.error.issues.map((i) => i.path.join("."))).toEqual([
      "careTeam.0.role",
    ]);
  });

  it("refuses unknown or repeated codes and needs exactly one primary substance-use diagnosis", () => {
    expect(
      checkAdmission(
        {
          ...input,
          diagnoses: [
            { code: "F10.20", primary: true },
            { code: "F99.99", primary: false },
          ],
        },
        context,
      ),
    ).toEqual([
      {
        path: "diagnoses.1.code",
        message: "“F99.99” is not in the ICD-10-CM list. Search for the code by name.",
      },
    ]);
    expect(
      checkAdmission(
        {
          ...input,
          diagnoses: [
            { code: "F10.20", primary: true },
            { code: "F10.20", primary: false },
          ],
        },
        context,
      )[0]!.path,
    ).toBe("diagnoses.1.code");
    expect(checkAdmission({ ...input, diagnoses: [{ code: "F10.20", primary: false }] }, context)).toEqual([
      { path: "diagnoses", message: "Mark exactly one diagnosis as primary." },
    ]);
    expect(
      checkAdmission({ ...input, diagnoses: [{ code: "F41.1", primary: true }] }, context)[0]!.message,
    ).toMatch(/substance-use disorder/);
  });

  it("offers only the program's levels of care", () => {
    expect(checkAdmission({ ...input, levelOfCare: "3.7" }, context)).toEqual([
      { path: "levelOfCare", message: "Choose one of the levels this program offers: 2.1, 1." },
    ]);
  });
});

describe("checkReadmission", () => {
  const discharged = { openSince: null, lastDischargedOn: "2026-06-01", sameSite: true };
  it("allows a new episode after the last discharge", () => {
    expect(checkReadmission("2026-06-02", discharged)).toBeNull();
    expect(checkReadmission("2026-11-23", { ...discharged, lastDischargedOn: null })).toBeNull();
  });
  it("refuses someone in the program now, another site's record, and a date on or before the last discharge", () => {
    expect(checkReadmission("2026-11-23", { ...discharged, openSince: "2026-10-01" })).toMatchObject({
      code: "ADMISSIONS_ALREADY_IN_PROGRAM",
      path: "readmitParticipantId",
    });
    expect(checkReadmission("2026-11-23", { ...discharged, sameSite: false })).toMatchObject({
      code: "VALIDATION_FAILED",
      path: "readmitParticipantId",
    });
    expect(checkReadmission("2026-06-01", discharged)).toEqual({
      code: "VALIDATION_FAILED",
      path: "admittedOn",
      message: "The new admission must be after the last discharge (2026-06-01).",
    });
  });
});
