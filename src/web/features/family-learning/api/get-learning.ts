import { useQuery } from "@tanstack/react-query";
import type { FamilyLearning } from "../../../../core/family-learning/family-learning.schema";
import { apiRequest } from "../../../app/api-client";
import { familyLearningKey } from "./family-learning-keys";

export const getLearning = () => apiRequest<FamilyLearning>("GET", "/api/v1/family/learning");

/** Every module with the signed-in family member's progress and private answers. */
export const useLearning = () => useQuery({ queryKey: familyLearningKey, queryFn: getLearning });
