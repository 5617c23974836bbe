/**
 * A calendar feed is the participant's own (`/me/calendar-feed`) or, for staff who book, a
 * participant's (`/participants/:id/calendar-feed`): the same three calls at either address.
 */
export type FeedOwner = { kind: "me" } | { kind: "participant"; participantId: string };

export const feedPath = (owner: FeedOwner) =>
  owner.kind === "me"
    ? "/api/v1/me/calendar-feed"
    : `/api/v1/participants/${encodeURIComponent(owner.participantId)}/calendar-feed`;

export const feedKey = (owner: FeedOwner) =>
  ["calendar-feed", owner.kind === "me" ? "me" : owner.participantId] as const;
