import { useQuery } from "@tanstack/react-query";
import type {
  FamilyAttendance,
  FamilyGoals,
  FamilyProgress,
  FamilySchedule,
  FamilyScores,
  FamilyView,
} from "../../../../core/family-portal/family-portal.schema";
import { apiRequest } from "../../../app/api-client";
import { FAMILY_QUERY_OPTIONS, familyPersonKey, shared } from "./family-keys";

export interface FamilyViews {
  schedule: FamilySchedule;
  attendance: FamilyAttendance;
  progress: FamilyProgress;
  goals: FamilyGoals;
  scores: FamilyScores;
}

export const getFamilyView = <V extends FamilyView>(participantId: string, view: V) =>
  shared(() => apiRequest<FamilyViews[V]>("GET", `/api/v1/family/people/${participantId}/${view}`));

/** One section of a person's page, asked only when the person shares it; "access ended" is a result. */
export const useFamilyView = <V extends FamilyView>(participantId: string, view: V, enabled: boolean) =>
  useQuery({
    queryKey: [...familyPersonKey(participantId), view],
    queryFn: () => getFamilyView(participantId, view),
    enabled,
    ...FAMILY_QUERY_OPTIONS,
  });
