import { queryOptions, useQuery } from "@tanstack/react-query";
import type { Track } from "../../../../core/schedule/tracks.schema";
import { apiRequest } from "../../../app/api-client";

export const getTracks = () => apiRequest<{ tracks: Track[] }>("GET", "/api/v1/tracks");

/** The tracks at my sites: pattern, dates, places taken and facilitators. */
export const tracksQuery = queryOptions({ queryKey: ["schedule", "tracks"], queryFn: getTracks });

export const useTracks = () => useQuery(tracksQuery);
