import { z } from "zod";

/**
 * Secure, asynchronous messages between a participant and their care team (issue 9). Not for
 * emergencies: every screen says so, with the crisis button. Attachments are deferred.
 */

export const MESSAGE_BODY_MAX = 4000;
export const MESSAGE_SUBJECT_MAX = 120;

/** `GET /api/v1/me/messages/unread`: the count on the participant's Today page and menu. */
export const unreadCountSchema = z.object({ unread: z.number().int().min(0) });
export type UnreadCount = z.infer<typeof unreadCountSchema>;

/** How many messages a conversation page holds (the newest page first; older pages on request). */
export const MESSAGES_PAGE_SIZE = 50;

const threadIdSchema = z.uuid("This is not a valid conversation id.");

/**
 * A message's text as typed. Only emptiness is checked here: a text over the limit is refused by the
 * service with `MESSAGE_TOO_LONG`, which says the limit and the length (in characters, as the
 * database counts them).
 */
export const messageBodySchema = z
  .string({ message: "Write a message before sending." })
  .refine((value) => value.trim().length > 0, "Write a message before sending.");

/** A message to send: a retried send with the same key never makes a second message. */
export const sendMessageSchema = z.object({
  body: messageBodySchema,
  idempotencyKey: z.uuid("The idempotency key must be a UUID."),
});
export type SendMessageInput = z.infer<typeof sendMessageSchema>;

/** A new conversation: a subject and its first message. */
export const newThreadSchema = sendMessageSchema.extend({
  subject: z
    .string({ message: "Add a subject." })
    .trim()
    .min(1, "Add a subject.")
    .max(MESSAGE_SUBJECT_MAX, `A subject is at most ${MESSAGE_SUBJECT_MAX} characters.`),
});
export type NewThreadInput = z.infer<typeof newThreadSchema>;

/** Marks a conversation read up to the newest message the reader was shown. */
export const readMarkSchema = z.object({
  through: z.iso.datetime({ offset: true, message: "Give the time of the newest message you read." }),
});
export type ReadMarkInput = z.infer<typeof readMarkSchema>;

export const threadParamsSchema = z.object({ threadId: threadIdSchema });

export const threadPageQuerySchema = z.object({
  /** Messages older than this one (the previous page of a long conversation). */
  before: z.uuid("This is not a valid message id.").optional(),
});
export type ThreadPageQuery = z.infer<typeof threadPageQuerySchema>;

const pageFields = {
  page: z.coerce.number().int().min(1, "Pages start at 1.").default(1),
  pageSize: z.coerce.number().int().min(1).max(100, "Ask for at most 100 conversations a page.").default(20),
};

export const myThreadsQuerySchema = z.object(pageFields);
export type MyThreadsQuery = z.infer<typeof myThreadsQuerySchema>;

export const INBOX_SCOPES = ["caseload", "site"] as const;
export type InboxScope = (typeof INBOX_SCOPES)[number];

export const inboxQuerySchema = z.object({
  ...pageFields,
  scope: z.enum(INBOX_SCOPES, { message: "Scope is caseload or site." }).default("caseload"),
  unread: z
    .enum(["true", "false"], { message: "unread is true or false." })
    .default("false")
    .transform((v) => v === "true"),
});
export type InboxQuery = z.infer<typeof inboxQuerySchema>;

/** Who wrote a message: the participant, staff, or — in a family thread — the family member. */
export const messageAuthorKindSchema = z.enum(["participant", "staff", "family"]);
export type MessageAuthorKind = z.infer<typeof messageAuthorKindSchema>;

export const messageSchema = z.object({
  id: z.uuid(),
  threadId: z.uuid(),
  author: z.object({ id: z.uuid(), name: z.string(), kind: messageAuthorKindSchema }),
  body: z.string(),
  sentAt: z.iso.datetime({ offset: true }),
  /** Written by the person reading. */
  mine: z.boolean(),
});
export type Message = z.infer<typeof messageSchema>;

export const threadSummarySchema = z.object({
  id: z.uuid(),
  subject: z.string(),
  participant: z.object({ id: z.uuid(), name: z.string() }),
  createdAt: z.iso.datetime({ offset: true }),
  lastMessageAt: z.iso.datetime({ offset: true }),
  lastMessage: z
    .object({ preview: z.string(), authorKind: messageAuthorKindSchema, authorName: z.string() })
    .nullable(),
  /** Messages from others since the reader last read the conversation. */
  unread: z.number().int().min(0),
  /**
   * A family thread's family member (a conversation between them and the care team about the
   * participant); null for the participant's own conversations.
   */
  family: z.object({ name: z.string(), relationship: z.string() }).nullable(),
});
export type ThreadSummary = z.infer<typeof threadSummarySchema>;

export const threadListSchema = z.object({
  threads: z.array(threadSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ThreadList = z.infer<typeof threadListSchema>;

export const inboxSchema = threadListSchema.extend({
  scope: z.enum(INBOX_SCOPES),
  /** Whether the reader may ask for the whole site (their clinical reading reaches every record there). */
  siteScopeAvailable: z.boolean(),
});
export type Inbox = z.infer<typeof inboxSchema>;

/** One conversation: a page of its messages, oldest to newest. */
export const threadDetailSchema = z.object({
  thread: threadSummarySchema,
  messages: z.array(messageSchema),
  /** The id to pass as `before` for the previous page; null when the first message is shown. */
  olderBefore: z.uuid().nullable(),
});
export type ThreadDetail = z.infer<typeof threadDetailSchema>;

/** The answer to a send: the message, its conversation, and whether it was a retry of an earlier send. */
export const sentMessageSchema = z.object({
  message: messageSchema,
  thread: threadSummarySchema,
  replayed: z.boolean(),
});
export type SentMessage = z.infer<typeof sentMessageSchema>;

export const readMarkResultSchema = z.object({
  threadId: z.uuid(),
  lastReadAt: z.iso.datetime({ offset: true }),
  unread: z.number().int().min(0),
});
export type ReadMarkResult = z.infer<typeof readMarkResultSchema>;
