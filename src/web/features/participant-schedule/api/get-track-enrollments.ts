import { queryOptions, useQuery } from "@tanstack/react-query";
import type { TrackEnrollments } from "../../../../core/schedule/enrollment.schema";
import { apiRequest } from "../../../app/api-client";

export const getTrackEnrollments = (trackId: string) =>
  apiRequest<TrackEnrollments>("GET", `/api/v1/tracks/${encodeURIComponent(trackId)}/enrollments`);

/** Who has a place in a track (with join dates), its waitlist in order, and places taken today. */
export const trackEnrollmentsQuery = (trackId: string) =>
  queryOptions({
    queryKey: ["schedule", "track-enrollments", trackId],
    queryFn: () => getTrackEnrollments(trackId),
  });

export const useTrackEnrollments = (trackId: string) => useQuery(trackEnrollmentsQuery(trackId));
