import type { StaffSignInput } from "../../../../core/treatment-plans/plan.schema";
import type { VersionDetail } from "../../../../core/treatment-plans/plan-api.schema";
import { apiRequest } from "../../../app/api-client";
import { versionPath } from "./get-plan";
import { useVersionMutation, type VersionRef } from "./refresh-plan";

type Input = Omit<VersionRef, "revision"> & { signature: StaffSignInput };

export const signVersion = ({ planId, versionId, signature }: Input) =>
  apiRequest<VersionDetail>("POST", `${versionPath(planId, versionId)}/signatures`, signature);

/** Sign as the clinician or the supervisor, re-entering the password or an authenticator code. */
export const useSignVersion = () => useVersionMutation(signVersion);
