import { describe, expect, it } from "vitest";
import {
  deriveEffectiveLibrary,
  deriveLibraryView,
  deriveSkillsCatalog,
  findSkillClashes,
  findSkillsTakenElsewhere,
} from "./curriculum.rules";
import { aModule } from "./curriculum.test-data";
import { curriculumModuleSchema } from "./module.schema";

const shippedA = aModule("alpha");
const shippedB = aModule("bravo", { category: "cbt", suits: ["family"] });

describe("the effective library", () => {
  it("the test module is valid against the module schema", () => {
    expect(curriculumModuleSchema.safeParse(aModule()).success).toBe(true);
  });

  it("uses the program's latest version over the shipped file, and keeps program-only modules", () => {
    const edited = aModule("alpha", { durationMinutes: 90, summary: { en: "Edited", es: "Editado" } });
    const library = deriveEffectiveLibrary(
      [shippedA, shippedB],
      [
        { moduleKey: "alpha", version: 2, content: edited, archived: false },
        { moduleKey: "alpha", version: 1, content: shippedA, archived: false },
        { moduleKey: "charlie", version: 1, content: aModule("charlie"), archived: false },
      ],
    );
    expect(library.map((e) => [e.key, e.version, e.source])).toEqual([
      ["alpha", 2, "program"],
      ["bravo", 0, "shipped"],
      ["charlie", 1, "program"],
    ]);
    expect(library[0]!.module.summary.en).toBe("Edited");
  });

  it("leaves archived modules out unless asked, and filters by category and audience", () => {
    const library = deriveEffectiveLibrary(
      [shippedA, shippedB],
      [{ moduleKey: "alpha", version: 1, content: shippedA, archived: true }],
    );
    expect(deriveLibraryView(library, "en", {}).map((m) => m.key)).toEqual(["bravo"]);
    expect(deriveLibraryView(library, "en", { includeArchived: true }).map((m) => m.key)).toEqual([
      "alpha",
      "bravo",
    ]);
    expect(deriveLibraryView(library, "en", { category: "cbt" }).map((m) => m.key)).toEqual(["bravo"]);
    expect(deriveLibraryView(library, "en", { audience: "adult", includeArchived: true })).toHaveLength(1);
    expect(deriveLibraryView(library, "en", { audience: "family", category: "dbt" })).toEqual([]);
  });

  it("summarizes in the language asked for", () => {
    const [summary] = deriveLibraryView(deriveEffectiveLibrary([shippedA], []), "es", {});
    expect(summary).toMatchObject({
      key: "alpha",
      title: "Surfear la urgencia (alpha)",
      skills: [{ key: "alpha-skill", name: "Surfear (alpha)" }],
      version: 0,
      source: "shipped",
      archived: false,
    });
  });
});

describe("skills", () => {
  it("finds a skill key taught by two modules", () => {
    const clash = aModule("delta", { skills: [{ key: "alpha-skill", name: { en: "x", es: "x" } }] });
    expect(findSkillClashes([shippedA, shippedB])).toEqual([]);
    expect(findSkillClashes([shippedA, clash])).toEqual([
      { skillKey: "alpha-skill", moduleKeys: ["alpha", "delta"] },
    ]);
  });

  it("names the skill a saved module would take from another module, by index", () => {
    const library = deriveEffectiveLibrary([shippedA, shippedB], []);
    const saving = aModule("echo", {
      skills: [
        { key: "echo-skill", name: { en: "Echo", es: "Eco" } },
        { key: "bravo-skill", name: { en: "Bravo", es: "Bravo" } },
        { key: "echo-skill", name: { en: "Again", es: "Otra vez" } },
      ],
    });
    expect(findSkillsTakenElsewhere(saving, library)).toEqual([
      { index: 1, skillKey: "bravo-skill", ownerKey: "bravo" },
      { index: 2, skillKey: "echo-skill", ownerKey: "echo" },
    ]);
    expect(findSkillsTakenElsewhere(shippedA, library)).toEqual([]);
  });

  it("lists every skill with its module in one language", () => {
    const catalog = deriveSkillsCatalog(deriveEffectiveLibrary([shippedA, shippedB], []), "en");
    expect(catalog).toEqual([
      { key: "alpha-skill", name: "Surfing (alpha)", moduleKey: "alpha" },
      { key: "bravo-skill", name: "Surfing (bravo)", moduleKey: "bravo" },
    ]);
  });
});
