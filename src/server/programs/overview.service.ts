import type { ProgramOverview } from "../../core/programs/overview.schema";
import type { Database } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import * as overview from "./overview.sql";

/** Counts for the staff home page, limited to the sites the staff member belongs to. */
export async function getProgramOverview(
  db: Database,
  actor: Actor,
  today: string,
): Promise<ProgramOverview> {
  const sites = await overview.listSiteCensusForStaff(db, actor.user.id);
  const totals = await overview.countTotalsForSites(
    db,
    sites.map((s) => s.id),
    today,
  );
  const organisationName = sites[0]?.organisation_name ?? (await overview.findAnyOrganisationName(db)) ?? "";
  return {
    organisation: { name: organisationName },
    sites: sites.map((s) => ({ id: s.id, name: s.name, currentParticipants: s.current_participants })),
    totals: {
      currentParticipants: sites.reduce((sum, s) => sum + s.current_participants, 0),
      pastParticipants: totals.past_participants,
      staff: totals.staff,
      tracks: totals.tracks,
    },
  };
}
