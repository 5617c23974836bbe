import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getParticipants } from "../../participants/api/get-participants";

export interface ParticipantOption {
  id: string;
  name: string;
  siteId: string;
  siteName: string;
}

/**
 * Current participants whose name matches what was typed (the participant list's own search,
 * already limited by the server to whom the reader may see); nothing asked before two letters.
 */
export function useParticipantSearch(search: string) {
  const q = search.trim();
  return useQuery({
    queryKey: ["calendar", "participant-search", q],
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    queryFn: async (): Promise<ParticipantOption[]> => {
      const { participants } = await getParticipants({ q, status: "current", pageSize: 10 });
      return participants.map((p) => ({ id: p.id, name: p.name, siteId: p.siteId, siteName: p.siteName }));
    },
  });
}
