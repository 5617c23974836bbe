import { z } from "zod";

/**
 * Curriculum modules: what a group session teaches and practises. The library ships as data in
 * `content/curriculum/<key>.json`, written for Bridgeway in English and Spanish; a program may add its
 * own modules and edit any module, each edit a new version stored in the database (the shipped file
 * stays as version 0). Skills named here are what participants pick from when they say which skills
 * they used (check-ins) and what group notes record as practised.
 */

export const CURRICULUM_CATEGORIES = [
  "relapse_prevention",
  "cbt",
  "dbt",
  "motivational",
  "life_skills",
  "wellness",
  "family_education",
  "co_occurring",
] as const;
export type CurriculumCategory = (typeof CURRICULUM_CATEGORIES)[number];
export const curriculumCategorySchema = z.enum(CURRICULUM_CATEGORIES, {
  message: "Choose the module's category.",
});

/** Who a module suits; a track's level of care and age group decide which modules it is offered. */
export const MODULE_AUDIENCES = ["adult", "adolescent", "co_occurring", "family"] as const;
export type ModuleAudience = (typeof MODULE_AUDIENCES)[number];

export const MODULE_LANGUAGES = ["en", "es"] as const;
export type ModuleLanguage = (typeof MODULE_LANGUAGES)[number];

/** A text in both languages. */
const bilingual = (label: string, max: number) =>
  z.object({
    en: z
      .string()
      .trim()
      .min(1, `${label} (English) is required.`)
      .max(max, `Keep ${label.toLowerCase()} under ${max} characters.`),
    es: z
      .string()
      .trim()
      .min(1, `${label} (Spanish) is required.`)
      .max(max, `Keep ${label.toLowerCase()} under ${max} characters.`),
  });

const moduleKeySchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lowercase letters, digits and dashes, like urge-surfing.")
  .max(60, "Keep the key under 60 characters.");

const minutes = z.number({ message: "Give the minutes." }).int().min(1).max(180);

export const curriculumModuleSchema = z
  .object({
    key: moduleKeySchema,
    category: curriculumCategorySchema,
    suits: z.array(z.enum(MODULE_AUDIENCES)).min(1, "Say who the module suits.").max(4),
    /** Minutes the session outline adds up to (typically 60–180 for an IOP group block). */
    durationMinutes: minutes,
    title: bilingual("The title", 120),
    /** One or two sentences for the library list. */
    summary: bilingual("The summary", 400),
    /** What participants will be able to do after the session (2–4). */
    goals: z.array(bilingual("A goal", 300)).min(1).max(6),
    outline: z.object({
      opening: z.object({ minutes, text: bilingual("The opening check-in", 1500) }),
      teaching: z.object({ minutes, points: z.array(bilingual("A teaching point", 600)).min(2).max(8) }),
      practice: z.object({ minutes, text: bilingual("The practice", 2000) }),
      closing: z.object({ minutes, text: bilingual("The closing", 1500) }),
    }),
    /** The participant handout: plain language, short paragraphs, written to "you". */
    handout: z.object({
      title: bilingual("The handout title", 120),
      /** Paragraphs and simple "- " lists, no other markup. */
      body: bilingual("The handout", 5000),
    }),
    /** What to practise before the next session. */
    practiceAssignment: bilingual("The practice assignment", 1000),
    /** The skills this module teaches, by stable key (e.g. "urge-surfing"), offered in check-ins and notes. */
    skills: z
      .array(z.object({ key: moduleKeySchema, name: bilingual("The skill's name", 80) }))
      .min(1, "Name at least one skill the module teaches.")
      .max(6),
  })
  .refine(
    (m) =>
      m.outline.opening.minutes +
        m.outline.teaching.minutes +
        m.outline.practice.minutes +
        m.outline.closing.minutes ===
      m.durationMinutes,
    { message: "The outline's minutes must add up to the session's length.", path: ["durationMinutes"] },
  );
export type CurriculumModule = z.infer<typeof curriculumModuleSchema>;
