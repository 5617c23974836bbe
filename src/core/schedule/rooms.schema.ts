import { z } from "zod";

/**
 * Rooms at a site that groups and appointments are booked into. A name is unique at its site
 * whatever its letter case; a room no longer used is deactivated (its bookings keep it), never
 * deleted.
 */

const nameSchema = z
  .string({ message: "Give the room a name." })
  .trim()
  .min(1, "Give the room a name.")
  .max(80, "Keep the name under 80 characters.");

export const roomCreateSchema = z.object({ name: nameSchema });
export type RoomCreate = z.output<typeof roomCreateSchema>;

export const roomUpdateSchema = z.object({
  name: nameSchema,
  active: z.boolean({ message: "Say whether the room is in use." }),
});
export type RoomUpdate = z.output<typeof roomUpdateSchema>;

export const roomSchema = z.object({
  id: z.uuid(),
  siteId: z.uuid(),
  name: z.string(),
  active: z.boolean(),
});
export type Room = z.infer<typeof roomSchema>;

export const roomListSchema = z.object({ rooms: z.array(roomSchema) });

export const siteIdParamsSchema = z.object({ id: z.uuid("No such site.") });
export const roomIdParamsSchema = z.object({ id: z.uuid("No such room.") });
