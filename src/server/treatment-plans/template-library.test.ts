import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { planContentSchema } from "../../core/treatment-plans/plan.schema";
import { startContentFrom } from "../../core/treatment-plans/templates";
import { createTemplateLibrary, TEMPLATE_CONTENT_DIR } from "./template-library";

const SHIPPED = [
  "alcohol-use",
  "co-occurring-anxiety",
  "co-occurring-depression",
  "employment-school",
  "family-conflict",
  "housing-recovery-environment",
  "opioid-use-moud",
  "relapse-prevention",
  "stimulant-use",
  "trauma",
];

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});
function folderWith(files: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bridgeway-plan-templates-"));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, name), typeof content === "string" ? content : JSON.stringify(content));
  }
  return dir;
}
const shipped = (key: string) =>
  JSON.parse(fs.readFileSync(path.join(TEMPLATE_CONTENT_DIR, `${key}.json`), "utf8")) as Record<
    string,
    unknown
  >;

describe("plan template library", () => {
  const library = createTemplateLibrary();

  it("loads the ten shipped templates in both languages", () => {
    expect(
      library
        .list("en")
        .map((t) => t.key)
        .sort(),
    ).toEqual(SHIPPED);
    expect(
      library
        .list("es")
        .map((t) => t.key)
        .sort(),
    ).toEqual(SHIPPED);
    expect(library.get("opioid-use-moud", "es")?.name).toBe("Consumo de opioides con medicación (MOUD)");
    expect(library.get("no-such-template", "en")).toBeUndefined();
    expect(library.has("trauma")).toBe(true);
  });

  it("writes the Spanish differently from the English, text by text", () => {
    for (const key of SHIPPED) {
      const en = library.get(key, "en")!;
      const es = library.get(key, "es")!;
      expect(es.problem.goal.participantWords).not.toBe(en.problem.goal.participantWords);
      for (const [i, o] of es.problem.objectives.entries()) {
        expect(o.statement).not.toBe(en.problem.objectives[i]!.statement);
      }
    }
  });

  it("makes a plan that passes the plan schema from all ten templates at once, in each language", () => {
    for (const language of ["en", "es"] as const) {
      let n = 0;
      const content = startContentFrom(library.list(language), [], {
        startsOn: "2026-11-23",
        newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`,
      });
      expect(content.problems).toHaveLength(10);
      expect(planContentSchema.safeParse(content).success).toBe(true);
    }
  });

  it("hands out copies: changing one does not change the library", () => {
    const copy = library.get("trauma", "en")!;
    copy.problem.title = "changed";
    expect(library.get("trauma", "en")?.problem.title).toBe("Trauma-related symptoms");
  });

  it("refuses to start on an invalid file, naming the file and the field", () => {
    const broken = shipped("trauma");
    (broken.problem as { objectives: unknown[] }).objectives = [];
    expect(() => createTemplateLibrary(folderWith({ "trauma.json": broken }))).toThrow(
      /trauma\.json is not valid: problem\.objectives: Give at least 2 objectives\./,
    );
    expect(() => createTemplateLibrary(folderWith({ "bad.json": "{ not json" }))).toThrow(
      /bad\.json could not be read/,
    );
    expect(() => createTemplateLibrary(folderWith({ "other-name.json": shipped("trauma") }))).toThrow(
      /has key “trauma”; it must match its file name, “other-name”/,
    );
    expect(() => createTemplateLibrary(folderWith({}))).toThrow(/holds no templates/);
  });
});
