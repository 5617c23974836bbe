import { queryOptions, useQuery } from "@tanstack/react-query";
import type { MyAlumniStatus } from "../../../../core/alumni/alumni.schema";
import { apiRequest } from "../../../app/api-client";

export const getMyAlumniStatus = () => apiRequest<MyAlumniStatus>("GET", "/api/v1/me/alumni/status");

/** Whether the participant's home is the alumni app (discharged, a membership). */
export const myAlumniStatusQuery = () =>
  queryOptions({ queryKey: ["me", "alumni", "status"], queryFn: getMyAlumniStatus });

export const useMyAlumniStatus = () => useQuery(myAlumniStatusQuery());
