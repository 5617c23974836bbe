import { describe, expect, it } from "vitest";
import { FAMILY_MODULE_KEYS } from "./family-learning.schema";
import { countWords, moduleText } from "./module-content";
import { contentLanguageOf, FAMILY_MODULES, findFamilyModule, neighboursOf } from "./modules";
import { FAMILY_CONTENT_LANGUAGES, FAMILY_RESOURCE_KEYS, FAMILY_RESOURCES } from "./resources";

describe("family learning modules", () => {
  it("keep their stored keys and reading order (progress rows point at these keys)", () => {
    expect(FAMILY_MODULE_KEYS).toEqual([
      "health-condition-and-iop",
      "safety-first",
      "positive-communication",
      "reinforcing-sober-time",
      "natural-consequences",
      "lapses-and-relapse",
      "caring-for-yourself",
      "overdose-and-naloxone",
      "after-iop",
    ]);
  });

  for (const language of FAMILY_CONTENT_LANGUAGES) {
    describe(`in ${language}`, () => {
      it("has every module, each under its own key, and no other", () => {
        expect(Object.keys(FAMILY_MODULES[language]).sort()).toEqual([...FAMILY_MODULE_KEYS].sort());
        for (const key of FAMILY_MODULE_KEYS) expect(FAMILY_MODULES[language][key].key).toBe(key);
      });

      it.each(FAMILY_MODULE_KEYS)(
        "%s has a title, a summary, a body and a practice exercise with no empty text",
        (key) => {
          const module = FAMILY_MODULES[language][key];
          expect(module.title.trim()).not.toBe("");
          expect(module.sections.length).toBeGreaterThanOrEqual(2);
          expect(module.exercise.prompt.trim().length).toBeGreaterThan(20);
          for (const text of moduleText(module)) expect(text.trim()).not.toBe("");
          for (const section of module.sections)
            expect(section.paragraphs.length + (section.points?.length ?? 0)).toBeGreaterThan(0);
        },
      );

      it.each(FAMILY_MODULE_KEYS)("%s is a short read (about 250 to 550 words)", (key) => {
        const words = countWords(moduleText(FAMILY_MODULES[language][key]));
        expect(words).toBeGreaterThanOrEqual(250);
        expect(words).toBeLessThanOrEqual(550);
      });
    });
  }

  it("gives each module a different title in English and in Spanish (it is translated, not copied)", () => {
    for (const key of FAMILY_MODULE_KEYS)
      expect(FAMILY_MODULES.es[key].title).not.toBe(FAMILY_MODULES.en[key].title);
  });

  it("names the crisis lines in the safety and overdose modules, in both languages", () => {
    for (const language of FAMILY_CONTENT_LANGUAGES) {
      const safety = moduleText(FAMILY_MODULES[language]["safety-first"]).join(" ");
      expect(safety).toContain("911");
      expect(safety).toContain("988");
      expect(safety).toContain("1-800-799-7233");
      const overdose = moduleText(FAMILY_MODULES[language]["overdose-and-naloxone"]).join(" ");
      expect(overdose).toContain("911");
    }
  });

  it("finds a module by key in a language, and nothing for an unknown key", () => {
    expect(findFamilyModule("safety-first", "es")?.title).toBe("Primero, la seguridad");
    expect(findFamilyModule("toString", "en")).toBeUndefined();
    expect(findFamilyModule("module-10", "en")).toBeUndefined();
  });

  it("maps a browser language to the content language, English by default", () => {
    expect(contentLanguageOf("es-MX")).toBe("es");
    expect(contentLanguageOf("en-US")).toBe("en");
    expect(contentLanguageOf("fr")).toBe("en");
  });

  it("links each module to the one before and after it, with none before the first or after the last", () => {
    expect(neighboursOf("health-condition-and-iop")).toEqual({ previous: null, next: "safety-first" });
    expect(neighboursOf("lapses-and-relapse")).toEqual({
      previous: "natural-consequences",
      next: "caring-for-yourself",
    });
    expect(neighboursOf("after-iop")).toEqual({ previous: "overdose-and-naloxone", next: null });
  });
});

describe("family resources", () => {
  for (const language of FAMILY_CONTENT_LANGUAGES) {
    it(`lists every resource in ${language}, in order, each with a name and a description`, () => {
      const list = FAMILY_RESOURCES[language];
      expect(list.map((r) => r.key)).toEqual([...FAMILY_RESOURCE_KEYS]);
      for (const r of list) {
        expect(r.name.trim()).not.toBe("");
        expect(r.description.trim()).not.toBe("");
      }
    });
  }

  it("dials the crisis and help lines by their real numbers, and lets 988 be texted", () => {
    const byKey = new Map(FAMILY_RESOURCES.en.map((r) => [r.key, r.phone]));
    expect(byKey.get("crisis-988")).toEqual({ dial: "988", display: "988", text: true });
    expect(byKey.get("emergency-911")?.dial).toBe("911");
    expect(byKey.get("samhsa-helpline")?.dial).toBe("18006624357");
    expect(byKey.get("domestic-violence-hotline")?.dial).toBe("18007997233");
    for (const r of FAMILY_RESOURCES.es) expect(r.phone).toEqual(byKey.get(r.key));
  });
});
