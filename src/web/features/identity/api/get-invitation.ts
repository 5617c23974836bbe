import { queryOptions, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { invitationPreviewSchema } from "../../../../core/identity/accounts.schema";
import { apiRequest } from "../../../app/api-client";

export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

/** Who an invitation link is for; 400 TOKEN_INVALID when it expired or was used. */
export const getInvitation = (token: string) =>
  apiRequest<InvitationPreview>("POST", "/api/v1/invitations/preview", { token });

export const invitationQuery = (token: string) =>
  queryOptions({
    queryKey: ["invitations", token],
    queryFn: () => getInvitation(token),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });

export const useInvitation = (token: string, enabled: boolean) =>
  useQuery({ ...invitationQuery(token), enabled });
