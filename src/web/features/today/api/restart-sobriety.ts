import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { MySobriety } from "../../../../core/sobriety/sobriety.schema";
import { apiRequest } from "../../../app/api-client";
import { mySobrietyQuery } from "./get-my-sobriety";
import { todayQuery } from "./get-today";

export const restartSobriety = (input: { restartOn: string; message: string }) =>
  apiRequest<MySobriety>("POST", "/api/v1/me/sobriety/restart", input);

/** Restart the counter after a lapse; Today and the history show the new count at once. */
export function useRestartSobriety() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: restartSobriety,
    onSuccess: async (sobriety) => {
      queryClient.setQueryData(mySobrietyQuery().queryKey, sobriety);
      await queryClient.invalidateQueries({ queryKey: todayQuery().queryKey });
    },
  });
}
