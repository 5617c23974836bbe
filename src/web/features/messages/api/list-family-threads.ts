import { useQuery } from "@tanstack/react-query";
import type { FamilyThreadList } from "../../../../core/messages/family-messages.schema";
import { apiRequest } from "../../../app/api-client";
import { messagesKey } from "./message-paths";

export const listFamilyThreads = () => apiRequest<FamilyThreadList>("GET", "/api/v1/family/messages");

/** A family member's conversations with the care team, grouped by the person they are about. */
export const useFamilyThreads = () =>
  useQuery({ queryKey: [...messagesKey("family"), "threads"], queryFn: listFamilyThreads, retry: false });
