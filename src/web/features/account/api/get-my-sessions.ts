import { queryOptions, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { mySessionSchema, mySessionsSchema } from "../../../../core/identity/accounts.schema";
import { apiRequest } from "../../../app/api-client";

export type MySession = z.infer<typeof mySessionSchema>;

/** Where I am signed in: one row per device session. */
export const getMySessions = () => apiRequest<z.infer<typeof mySessionsSchema>>("GET", "/api/v1/me/sessions");

export const mySessionsQuery = queryOptions({ queryKey: ["me", "sessions"], queryFn: getMySessions });

export const useMySessions = () => useQuery(mySessionsQuery);
