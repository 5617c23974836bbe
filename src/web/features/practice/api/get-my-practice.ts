import { queryOptions, useQuery } from "@tanstack/react-query";
import type { MyPractice } from "../../../../core/practice/practice.schema";
import { apiRequest } from "../../../app/api-client";

export const getMyPractice = () => apiRequest<MyPractice>("GET", "/api/v1/me/practice");

/** The signed-in participant's practice from the groups they attended, newest first. */
export const myPracticeQuery = () => queryOptions({ queryKey: ["practice", "me"], queryFn: getMyPractice });

export const useMyPractice = () => useQuery(myPracticeQuery());
