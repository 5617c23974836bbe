import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../db/connection";

/** Storage of the family members linked to a participant (family_links), as the booking form lists them. */

export interface LinkedFamilyRow {
  user_id: string;
  display_name: string;
  relationship: string;
}

/** The participant's family members with an active family account, by name. */
export async function listByParticipant(q: Queryable, participantId: string): Promise<LinkedFamilyRow[]> {
  return queryRows<LinkedFamilyRow>(
    q,
    sql`select fl.user_id, u.display_name, fl.relationship
        from family_links fl join users u on u.id = fl.user_id
        where fl.participant_id = ${participantId} and u.kind = 'family' and u.disabled_at is null
        order by u.display_name, fl.user_id`,
  );
}
