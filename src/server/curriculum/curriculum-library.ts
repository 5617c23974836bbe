import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findSkillClashes } from "../../core/curriculum/curriculum.rules";
import { type CurriculumModule, curriculumModuleSchema } from "../../core/curriculum/module.schema";

/** Where the shipped curriculum lives: `content/curriculum/<key>.json` in the package. */
export const CURRICULUM_CONTENT_DIR = fileURLToPath(new URL("../../../content/curriculum/", import.meta.url));

/** The modules shipped with Bridgeway (version 0 of each key), read and checked once at start. */
export interface ShippedCurriculum {
  /** Every shipped module, by key. */
  list(): CurriculumModule[];
  get(key: string): CurriculumModule | undefined;
}

function loadModuleFile(file: string): CurriculumModule {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`Curriculum module ${file} could not be read: ${(error as Error).message}`);
  }
  const parsed = curriculumModuleSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(
      `Curriculum module ${file} is not valid: ${first?.path.join(".") || "(root)"}: ${first?.message}`,
    );
  }
  const expected = path.basename(file, ".json");
  if (parsed.data.key !== expected) {
    throw new Error(
      `Curriculum module ${file} has key “${parsed.data.key}”; it must match its file name, “${expected}”.`,
    );
  }
  return parsed.data;
}

/**
 * Read and check every module file once, at start: an unreadable or invalid file, a key that differs
 * from its file name, or a skill key taught by two modules stops start-up with a message naming the
 * file and field. A folder that does not exist is an empty library (a program may write all its own
 * modules); a folder that exists but cannot be read stops start-up.
 */
export function loadShippedCurriculum(dir = CURRICULUM_CONTENT_DIR): ShippedCurriculum {
  let names: string[] = [];
  if (fs.existsSync(dir)) {
    try {
      names = fs
        .readdirSync(dir)
        .filter((n) => n.endsWith(".json"))
        .sort();
    } catch (error) {
      throw new Error(`Curriculum folder ${dir} could not be read: ${(error as Error).message}`);
    }
  }
  const modules = names.map((name) => loadModuleFile(path.join(dir, name)));
  const [clash] = findSkillClashes(modules);
  if (clash) {
    throw new Error(
      `Curriculum modules ${clash.moduleKeys[0]}.json and ${clash.moduleKeys[1]}.json both teach the skill “${clash.skillKey}” (skills: key); each skill key must belong to one module.`,
    );
  }
  const byKey = new Map(modules.map((m) => [m.key, m]));
  return {
    list: () => modules.map((m) => structuredClone(m)),
    get: (key) => {
      const module = byKey.get(key);
      return module ? structuredClone(module) : undefined;
    },
  };
}
