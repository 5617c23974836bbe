import { useMutation } from "@tanstack/react-query";
import { apiRequest } from "../../../app/api-client";

/** No more follow-up surveys for the person this link belongs to. */
export const optOutOfFollowUps = (token: string) =>
  apiRequest<{ cancelled: number }>("POST", "/api/v1/follow-ups/opt-out", { token });

export const useOptOutOfFollowUps = () => useMutation({ mutationFn: optOutOfFollowUps });
