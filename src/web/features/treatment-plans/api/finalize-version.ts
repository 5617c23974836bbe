import type { VersionDetail } from "../../../../core/treatment-plans/plan-api.schema";
import { apiRequest } from "../../../app/api-client";
import { versionPath } from "./get-plan";
import { useVersionMutation, type VersionRef } from "./refresh-plan";

export const finalizeVersion = ({ planId, versionId, revision }: VersionRef) =>
  apiRequest<VersionDetail>("POST", `${versionPath(planId, versionId)}/finalize`, { revision });

/** "Send for signatures": freeze the draft; 400 VALIDATION_FAILED names every field still missing. */
export const useFinalizeVersion = () => useVersionMutation(finalizeVersion);
