import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findSkillClashes } from "../../core/curriculum/curriculum.rules";
import { aModule } from "../../core/curriculum/curriculum.test-data";
import { curriculumModuleSchema } from "../../core/curriculum/module.schema";
import { CURRICULUM_CONTENT_DIR, loadShippedCurriculum } from "./curriculum-library";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});
function folderWith(files: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bridgeway-curriculum-"));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, name), typeof content === "string" ? content : JSON.stringify(content));
  }
  return dir;
}

const shippedFiles = fs.existsSync(CURRICULUM_CONTENT_DIR)
  ? fs.readdirSync(CURRICULUM_CONTENT_DIR).filter((n) => n.endsWith(".json"))
  : [];

describe("the shipped curriculum", () => {
  it("loads every file in content/curriculum, each under its own key", () => {
    const library = loadShippedCurriculum();
    expect(
      library
        .list()
        .map((m) => `${m.key}.json`)
        .sort(),
    ).toEqual([...shippedFiles].sort());
  });

  it("every file parses against the module schema, with its Spanish written apart from its English", () => {
    for (const name of shippedFiles) {
      const raw = JSON.parse(fs.readFileSync(path.join(CURRICULUM_CONTENT_DIR, name), "utf8"));
      const parsed = curriculumModuleSchema.safeParse(raw);
      expect(
        parsed.success,
        `${name}: ${parsed.error?.issues[0]?.path.join(".")} ${parsed.error?.issues[0]?.message}`,
      ).toBe(true);
      expect(raw.title.es, `${name}: title.es`).not.toBe(raw.title.en);
      expect(raw.handout.body.es, `${name}: handout.body.es`).not.toBe(raw.handout.body.en);
    }
  });

  it("every skill key is unique across the library", () => {
    expect(findSkillClashes(loadShippedCurriculum().list())).toEqual([]);
  });

  it("hands out copies: changing one does not change the library", () => {
    const library = loadShippedCurriculum(folderWith({ "alpha.json": aModule("alpha") }));
    const copy = library.get("alpha")!;
    copy.title.en = "changed";
    expect(library.get("alpha")?.title.en).toBe("Riding the urge (alpha)");
    expect(library.get("nothing-here")).toBeUndefined();
  });

  it("is empty when the folder does not exist", () => {
    expect(loadShippedCurriculum(path.join(os.tmpdir(), "bridgeway-no-such-curriculum")).list()).toEqual([]);
  });

  it("refuses to start on an invalid file, naming the file and the field", () => {
    const broken = { ...aModule("alpha"), goals: [] };
    expect(() => loadShippedCurriculum(folderWith({ "alpha.json": broken }))).toThrow(
      /alpha\.json is not valid: goals: /,
    );
    const badMinutes = { ...aModule("alpha"), durationMinutes: 60 };
    expect(() => loadShippedCurriculum(folderWith({ "alpha.json": badMinutes }))).toThrow(
      /alpha\.json is not valid: durationMinutes: The outline's minutes must add up/,
    );
    expect(() => loadShippedCurriculum(folderWith({ "bad.json": "{ not json" }))).toThrow(
      /bad\.json could not be read/,
    );
    expect(() => loadShippedCurriculum(folderWith({ "other.json": aModule("alpha") }))).toThrow(
      /has key “alpha”; it must match its file name, “other”/,
    );
  });

  it("refuses two modules teaching the same skill key, naming both files", () => {
    const second = aModule("bravo", { skills: [{ key: "alpha-skill", name: { en: "A", es: "A" } }] });
    expect(() =>
      loadShippedCurriculum(folderWith({ "alpha.json": aModule("alpha"), "bravo.json": second })),
    ).toThrow(/alpha\.json and bravo\.json both teach the skill “alpha-skill”/);
  });
});
