import { queryOptions, useQuery } from "@tanstack/react-query";
import type { Room } from "../../../../core/schedule/rooms.schema";
import { apiRequest } from "../../../app/api-client";

export type { Room };

export const getRooms = (siteId: string) =>
  apiRequest<{ rooms: Room[] }>("GET", `/api/v1/sites/${encodeURIComponent(siteId)}/rooms`);

/** A site's rooms, those in use first. */
export const roomsQuery = (siteId: string) =>
  queryOptions({ queryKey: ["calendar", "rooms", siteId], queryFn: () => getRooms(siteId) });

export const useRooms = (siteId: string | undefined) =>
  useQuery({ ...roomsQuery(siteId ?? ""), enabled: Boolean(siteId) });
