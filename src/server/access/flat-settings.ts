import type { z } from "zod";
import type { Queryable } from "../db/connection";
import { readSettings, writeSetting } from "./access.sql";

/**
 * A group of program settings stored one app_settings row per field, named `<prefix>_<field in
 * snake_case>` (e.g. `treatment_plan_review_cycle_days`) and holding the field's JSON. A field never
 * saved — or saved by an older version and no longer valid under its own schema — reads as its
 * default alone, so one bad row never takes the others with it.
 */

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function parsed(raw: string | undefined): unknown {
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

export function flatSettings<S extends z.ZodObject>(prefix: string, schema: S, defaults: z.infer<S>) {
  type Settings = z.infer<S>;
  const fields = Object.keys(schema.shape) as (keyof Settings & string)[];
  const nameOf = (field: string) => `${prefix}_${snake(field)}`;
  const names = fields.map(nameOf);
  return {
    async read(q: Queryable): Promise<Settings> {
      const stored = await readSettings(q, names);
      const settings = {} as Record<string, unknown>;
      for (const field of fields) {
        const result = (schema.shape[field] as z.ZodType).safeParse(parsed(stored.get(nameOf(field))));
        settings[field] = result.success ? result.data : defaults[field];
      }
      return settings as Settings;
    },
    async write(q: Queryable, settings: Settings, at: Date): Promise<void> {
      for (const field of fields) await writeSetting(q, nameOf(field), JSON.stringify(settings[field]), at);
    },
  };
}
