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
      "F10.232",
      "F10.239",
    ]);
    expect(searchIcdCodes("opioid dep").map((c) => c.code)).toEqual(["F11.20", "F11.21", "F11.23"]);
    expect(searchIcdCodes("alchohol dependence").map((c) => c.code)).toContain("F10.20");
    expect(searchIcdCodes("generalised anxiety").map((c) => c.code)).toEqual(["F41.1"]);
    expect(searchIcdCodes("PTSD").map((c) => c.code)).toEqual(["F43.10", "F43.11", "F43.12"]);
    expect(searchIcdCodes("oud remission").map((c) => c.code)).toEqual(["F11.11", "F11.21", "F11.91"]);
    expect(searchIcdCodes("zebra")).toEqual([]);
    expect(searchIcdCodes("post-traumatic chronic").map((c) => c.code)).toEqual(["F43.12"]);
    expect(searchIcdCodes("   ")).toEqual([]);
    expect(searchIcdCodes("depression").map((c) => c.code)).toContain("F32.A");
    expect(searchIcdCodes("bipolar depressed severe").map((c) => c.code)).toEqual(["F31.4", "F31.5"]);
    expect(searchIcdCodes("f32.a").map((c) => c.code)).toEqual(["F32.A"]);
  });

  it("has abuse, dependence and use, uncomplicated and in remission, for every substance of F10–F19", () => {
    const substances = {
      F10: "Alcohol",
      F11: "Opioid",
      F12: "Cannabis",
      F13: "Sedative, hypnotic or anxiolytic",
      F14: "Cocaine",
      F15: "Other stimulant",
      F16: "Hallucinogen",
      F18: "Inhalant",
      F19: "Other psychoactive substance",
    };
    for (const [chapter, name] of Object.entries(substances)) {
      expect(findIcdCode(`${chapter}.10`)?.title).toBe(`${name} abuse, uncomplicated`);
      expect(findIcdCode(`${chapter}.11`)?.title).toBe(`${name} abuse, in remission`);
      expect(findIcdCode(`${chapter}.20`)?.title).toBe(`${name} dependence, uncomplicated`);
      expect(findIcdCode(`${chapter}.21`)?.title).toBe(`${name} dependence, in remission`);
      expect(findIcdCode(`${chapter}.90`)?.title).toBe(`${name} use, unspecified, uncomplicated`);
      expect(findIcdCode(`${chapter}.91`)?.title).toBe(`${name} use, unspecified, in remission`);
    }
    expect(searchIcdCodes("F17").map((c) => c.code)).toEqual([
      "F17.200",
      "F17.201",
      "F17.210",
      "F17.211",
      "F17.220",
      "F17.221",
      "F17.290",
      "F17.291",
    ]);
    expect(findIcdCode("F13.232")?.title).toBe(
      "Sedative, hypnotic or anxiolytic dependence with withdrawal with perceptual disturbance",
    );
    expect(findIcdCode("F19.239")?.title).toBe(
      "Other psychoactive substance dependence with withdrawal, unspecified",
    );
    for (const c of ICD10CM_CODES) expect(c.group).toBe(c.code < "F20" ? "substance_use" : "co_occurring");
  });

  it("covers the common co-occurring conditions: depression, anxiety, PTSD and bipolar disorder", () => {
    const find = (q: string) => searchIcdCodes(q, 100).map((c) => c.code);
    expect(find("major depressive")).toEqual(expect.arrayContaining(["F32.0", "F32.9", "F33.1", "F33.42"]));
    expect(find("anxiety")).toEqual(expect.arrayContaining(["F41.0", "F41.1", "F41.8", "F41.9"]));
    expect(find("social phobia")).toEqual(["F40.10"]);
    expect(find("post traumatic stress")).toEqual(["F43.10", "F43.11", "F43.12"]);
    expect(find("bipolar")).toEqual(expect.arrayContaining(["F31.0", "F31.10", "F31.30", "F31.81", "F31.9"]));
    expect(findIcdCode("F31.81")?.title).toBe("Bipolar II disorder");
  });
});
