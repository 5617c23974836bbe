import { queryOptions, useQuery } from "@tanstack/react-query";
import type { MySobriety } from "../../../../core/sobriety/sobriety.schema";
import { apiRequest } from "../../../app/api-client";

export const getMySobriety = () => apiRequest<MySobriety>("GET", "/api/v1/me/sobriety");

/** The participant's recovery counter and its history. */
export const mySobrietyQuery = () => queryOptions({ queryKey: ["me", "sobriety"], queryFn: getMySobriety });

export const useMySobriety = (enabled = true) => useQuery({ ...mySobrietyQuery(), enabled });
