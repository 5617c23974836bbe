import { can } from "../../core/access/access.rules";
import { DomainError } from "../../core/platform/errors";
import type { Room, RoomCreate, RoomUpdate } from "../../core/schedule/rooms.schema";
import { type AuditContext, appendAudit } from "../audit/audit.service";
import type { Database, Queryable } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import * as store from "./rooms.sql";

function toRoom(row: store.RoomRow): Room {
  return { id: row.id, siteId: row.site_id, name: row.name, active: row.active };
}

/** Rooms at a site: read by whoever sees the schedule there, set up by administrators. */
export function createRoomsService(deps: { db: Database; now: () => Date }) {
  const { db, now } = deps;

  function mayAt(actor: Actor, siteId: string, permissions: ("schedule.view" | "settings.manage")[]) {
    const at = now();
    return permissions.some((p) => can(actor.access, p, { type: "site", siteId }, at).allowed);
  }

  async function assertNameFree(q: Queryable, siteId: string, name: string, exceptId: string | null) {
    const same = await store.findByName(q, siteId, name);
    if (same && same.id !== exceptId) {
      throw new DomainError(
        "SCHEDULE_ROOM_NAME_TAKEN",
        same.active
          ? `This site already has a room called “${same.name}”. Choose another name.`
          : `This site already has a room called “${same.name}”, not in use: make it active again instead.`,
        "name",
      );
    }
  }

  return {
    async listRooms(actor: Actor, siteId: string): Promise<{ rooms: Room[] }> {
      if (!mayAt(actor, siteId, ["schedule.view", "settings.manage"])) {
        throw new DomainError("NOT_FOUND", "No such site.");
      }
      return { rooms: (await store.listBySite(db, siteId)).map(toRoom) };
    },

    async createRoom(actor: Actor, siteId: string, input: RoomCreate, context: AuditContext): Promise<Room> {
      if (!mayAt(actor, siteId, ["settings.manage"])) throw new DomainError("NOT_FOUND", "No such site.");
      const at = now();
      const id = await db.transaction(async (tx) => {
        await store.lockNames(tx, siteId);
        await assertNameFree(tx, siteId, input.name, null);
        const roomId = await store.insert(tx, { siteId, name: input.name });
        await appendAudit(
          tx,
          context,
          { action: "settings.room_create", resourceType: "room", resourceId: roomId, purpose: "operations" },
          at,
        );
        return roomId;
      });
      return toRoom((await store.findById(db, id))!);
    },

    /** Rename a room or take it out of use (its bookings keep it); rooms are never deleted. */
    async updateRoom(actor: Actor, id: string, input: RoomUpdate, context: AuditContext): Promise<Room> {
      const room = await store.findById(db, id);
      if (!room || !mayAt(actor, room.site_id, ["settings.manage"])) {
        throw new DomainError("NOT_FOUND", "No such room.");
      }
      const at = now();
      await db.transaction(async (tx) => {
        await store.lockNames(tx, room.site_id);
        await assertNameFree(tx, room.site_id, input.name, id);
        await store.update(tx, id, room.site_id, input);
        await appendAudit(
          tx,
          context,
          {
            action: "settings.room_update",
            resourceType: "room",
            resourceId: id,
            purpose: "operations",
            details: { renamed: input.name !== room.name, active: input.active },
          },
          at,
        );
      });
      return toRoom((await store.findById(db, id))!);
    },
  };
}
export type RoomsService = ReturnType<typeof createRoomsService>;
