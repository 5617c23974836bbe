import { describe, expect, it } from "vitest";
import {
  ALL_LEVEL_CODES,
  admissionSettingsSchema,
  DEFAULT_ADMISSION_SETTINGS,
} from "./admission-settings.schema";

const problems = (value: unknown) => {
  const parsed = admissionSettingsSchema.safeParse(value);
  return parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
};

describe("admissions settings", () => {
  it("starts from today's behaviour: 2.1, 1 and 1.5 offered, inquiries answered within 24 hours", () => {
    expect(DEFAULT_ADMISSION_SETTINGS).toEqual({
      offeredLevels: ["2.1", "1", "1.5"],
      inquiryResponseHours: 24,
    });
    expect(problems(DEFAULT_ADMISSION_SETTINGS)).toEqual([]);
  });

  it("lists each level code of either edition once, in order", () => {
    expect(ALL_LEVEL_CODES).toEqual([
      "0.5",
      "1",
      "1.0",
      "1.5",
      "1.7",
      "2.1",
      "2.5",
      "2.7",
      "3.1",
      "3.3",
      "3.5",
      "3.7",
      "4",
      "4.0",
    ]);
  });

  it.each([
    [{ offeredLevels: [], inquiryResponseHours: 24 }, "offeredLevels", "Offer at least one level of care."],
    [
      { offeredLevels: ["2.1", "9.9"], inquiryResponseHours: 24 },
      "offeredLevels.1",
      "“9.9” is not a level of care in either edition.",
    ],
    [
      { offeredLevels: ["2.1", "1", "2.1"], inquiryResponseHours: 24 },
      "offeredLevels.2",
      "2.1 is listed twice.",
    ],
    [
      { offeredLevels: ["1", "2.5"], inquiryResponseHours: 24 },
      "offeredLevels",
      "Keep intensive outpatient (2.1) offered: it is the level this program is built around.",
    ],
    [{ offeredLevels: ["2.1"], inquiryResponseHours: 0 }, "inquiryResponseHours", "Use at least 1 hour."],
    [
      { offeredLevels: ["2.1"], inquiryResponseHours: 169 },
      "inquiryResponseHours",
      "Use at most 168 hours (one week).",
    ],
    [
      { offeredLevels: ["2.1"], inquiryResponseHours: 2.5 },
      "inquiryResponseHours",
      "Use a whole number of hours.",
    ],
    [
      { offeredLevels: ["2.1"], inquiryResponseHours: "24" },
      "inquiryResponseHours",
      "Enter a number of hours from 1 to 168.",
    ],
  ])("refuses %j on its field", (value, path, message) => {
    expect(problems(value)).toEqual([{ path, message }]);
  });

  it("accepts a program offering partial hospitalization and both editions' outpatient levels", () => {
    expect(problems({ offeredLevels: ["2.5", "2.1", "1", "1.0", "1.5"], inquiryResponseHours: 168 })).toEqual(
      [],
    );
    expect(problems({ offeredLevels: ["2.1"], inquiryResponseHours: 1 })).toEqual([]);
  });
});
