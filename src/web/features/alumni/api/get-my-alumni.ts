import { queryOptions, useQuery } from "@tanstack/react-query";
import type { MyAlumni } from "../../../../core/alumni/alumni.schema";
import { apiRequest } from "../../../app/api-client";

export const getMyAlumni = () => apiRequest<MyAlumni>("GET", "/api/v1/me/alumni");

/** The alumni home: membership, this week's check-in, upcoming events, unread messages. */
export const myAlumniQuery = () => queryOptions({ queryKey: ["me", "alumni", "home"], queryFn: getMyAlumni });

export const useMyAlumni = (enabled = true) => useQuery({ ...myAlumniQuery(), enabled });
