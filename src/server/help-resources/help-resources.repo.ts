import { sql } from "drizzle-orm";
import { type HelpResources, helpResourcesSchema } from "../../core/help-resources/help-resources.schema";
import { readSettings, writeSetting } from "../access/access.sql";
import { type Queryable, queryRows } from "../db/connection";

/** The program's local resources, one app_settings row (JSON); none until an administrator adds some. */
const NAME = "help_resources";

export async function readHelpResources(q: Queryable): Promise<HelpResources> {
  const raw = (await readSettings(q, [NAME])).get(NAME);
  if (raw === undefined) return { resources: [] };
  try {
    const parsed = helpResourcesSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : { resources: [] };
  } catch {
    return { resources: [] };
  }
}

export async function writeHelpResources(q: Queryable, value: HelpResources, at: Date): Promise<void> {
  await writeSetting(q, NAME, JSON.stringify(value), at);
}

/** The participant's site and its on-call line ("" when the site has none). */
export async function findOnCall(
  q: Queryable,
  participantId: string,
): Promise<{ site: string; phone: string } | undefined> {
  const rows = await queryRows<{ site: string; phone: string }>(
    q,
    sql`select s.name as site, s.on_call_phone as phone
        from participants p join sites s on s.id = p.site_id where p.id = ${participantId}`,
  );
  return rows[0];
}
