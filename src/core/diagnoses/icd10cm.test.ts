import { describe, expect, it } from "vitest";
import { findIcdCode, ICD10CM_CODES, searchIcdCodes } from "./icd10cm";

describe("local ICD-10-CM list", () => {
  it("holds unique, well-formed codes with titles", () => {
    const codes = ICD10CM_CODES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of ICD10CM_CODES) expect(c.code).toMatch(/^F\d{2}\.[0-9A-Z]{1,3}$/);
    expect(findIcdCode("f11.20")).toMatchObject({
      title: "Opioid dependence, uncomplicated",
      group: "substance_use",
    });
    expect(findIcdCode("F43.10")?.title).toBe("Post-traumatic stress disorder, unspecified");
    expect(findIcdCode("Z99.99")).toBeUndefined();
  });

  it("finds by code prefix and by words, tolerating a typo", () => {
    expect(searchIcdCodes("F10.2").map((c) => c.code)).toEqual([
      "F10.20",
      "F10.21",
      "F10.230",
      "F10.231",
      "F10.239",
    ]);
    expect(searchIcdCodes("opioid dep").map((c) => c.code)).toEqual(["F11.20", "F11.21", "F11.23"]);
    expect(searchIcdCodes("alchohol dependence").map((c) => c.code)).toContain("F10.20");
    expect(searchIcdCodes("generalised anxiety").map((c) => c.code)).toEqual(["F41.1"]);
    expect(searchIcdCodes("PTSD").map((c) => c.code)).toEqual(["F43.10", "F43.11", "F43.12"]);
    expect(searchIcdCodes("oud remission").map((c) => c.code)).toEqual(["F11.11", "F11.21"]);
    expect(searchIcdCodes("zebra")).toEqual([]);
    expect(searchIcdCodes("post-traumatic chronic").map((c) => c.code)).toEqual(["F43.12"]);
    expect(searchIcdCodes("   ")).toEqual([]);
  });
});
