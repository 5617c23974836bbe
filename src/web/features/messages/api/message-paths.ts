/**
 * Where a conversation lives in the API: a participant reaches their own under /me, a family member
 * theirs under /family, staff reach it directly (the server decides through its participant). Shared
 * by the conversation calls.
 */
export type MessageSide = "me" | "staff" | "family";

export const threadPath = (side: MessageSide, threadId: string) =>
  side === "me"
    ? `/api/v1/me/message-threads/${threadId}`
    : side === "family"
      ? `/api/v1/family/messages/${threadId}`
      : `/api/v1/message-threads/${threadId}`;

/** Every cached answer about messages of one side: lists, conversations, counts. */
export const messagesKey = (side: MessageSide) => ["messages", side] as const;
