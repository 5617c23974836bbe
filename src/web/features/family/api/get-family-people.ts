import { useQuery } from "@tanstack/react-query";
import type { FamilyPeople } from "../../../../core/family-portal/family-portal.schema";
import { apiRequest } from "../../../app/api-client";
import { FAMILY_QUERY_OPTIONS, familyKey } from "./family-keys";

export const getFamilyPeople = () => apiRequest<FamilyPeople>("GET", "/api/v1/family/people");

/** The people this family member supports whose consent is in force, and how many no longer share. */
export const useFamilyPeople = () =>
  useQuery({ queryKey: [...familyKey, "people"], queryFn: getFamilyPeople, ...FAMILY_QUERY_OPTIONS });
