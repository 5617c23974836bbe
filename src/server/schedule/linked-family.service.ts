import type { LinkedFamilyList } from "../../core/schedule/linked-family.schema";
import type { Database } from "../db/connection";
import * as store from "./linked-family.sql";

/**
 * The family members with a Bridgeway account linked to a participant, for booking a family
 * session with them. The route's guard decides (schedule.manage on the participant) and audits the
 * read; this only reads.
 */
export function createLinkedFamilyService(deps: { db: Database }) {
  const { db } = deps;
  return {
    async list(participantId: string): Promise<LinkedFamilyList> {
      const rows = await store.listByParticipant(db, participantId);
      return {
        members: rows.map((r) => ({ userId: r.user_id, name: r.display_name, relationship: r.relationship })),
      };
    },
  };
}

export type LinkedFamilyService = ReturnType<typeof createLinkedFamilyService>;
