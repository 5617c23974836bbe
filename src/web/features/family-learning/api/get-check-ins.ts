import { useQuery } from "@tanstack/react-query";
import type { FamilyCheckInList } from "../../../../core/family-learning/family-learning.schema";
import { apiRequest } from "../../../app/api-client";
import { familyCheckInsKey } from "./family-learning-keys";

export const getCheckIns = (days: number) =>
  apiRequest<FamilyCheckInList>("GET", `/api/v1/family/check-ins?days=${days}`);

/** The family member's own check-ins: today's and the last `days` days. */
export const useCheckIns = (days: number) =>
  useQuery({ queryKey: [...familyCheckInsKey, days], queryFn: () => getCheckIns(days) });
