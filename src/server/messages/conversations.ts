import type { AuditPurpose } from "../../core/audit/audit.schema";
import { nextReadMark } from "../../core/messages/messages.rules";
import {
  MESSAGES_PAGE_SIZE,
  type MessageAuthorKind,
  type ReadMarkInput,
  type ReadMarkResult,
  type SendMessageInput,
  type SentMessage,
  type ThreadDetail,
  type ThreadPageQuery,
  type ThreadSummary,
} from "../../core/messages/messages.schema";
import { DomainError } from "../../core/platform/errors";
import { type AuditContext, type AuditEntry, appendAudit, recordAudit } from "../audit/audit.service";
import type { Database, Queryable, Transaction } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import { enqueueMail } from "../platform/mail";
import { checkLength, newMessageEmail, toMessage, toSummary } from "./message-views";
import * as store from "./messages.sql";

/**
 * What every conversation does once its reader is known to reach it — participant, staff or family
 * member alike: read a page of it, write in it (idempotently, with the new-message email when staff
 * write), mark it read. No access decision here: the services decide who reaches which thread first.
 */

/** A send that lost the race to another with the same key: the transaction is undone, the first wins. */
class SendRaced extends Error {}

const authorKindOf = (actor: Actor): MessageAuthorKind =>
  actor.user.kind === "participant" ? "participant" : actor.user.kind === "family" ? "family" : "staff";

export interface NewThreadTarget {
  participantId: string;
  subject: string;
  /** A family thread: the family member writing with the care team about the participant. */
  familyUserId?: string;
}

export function createConversations(deps: {
  db: Database;
  now: () => Date;
  baseUrl: string;
  /** Called after an email was queued, so the outbox sends it without waiting for its poll. */
  mailQueued?: () => void;
}) {
  const { db, now, baseUrl } = deps;

  /** The thread as its reader sees it in a list (every thread of its participant is in the chart scope). */
  async function summaryOf(q: Queryable, readerId: string, thread: store.ThreadRow): Promise<ThreadSummary> {
    const { rows } = await store.listThreadSummaries(
      q,
      readerId,
      { kind: "chart", participantId: thread.participantId },
      { page: 1, pageSize: 1, threadIds: [thread.id] },
    );
    return toSummary(rows[0]!);
  }

  /** A page of a conversation and the audit entry of its reading (the caller writes it with its own transaction). */
  async function readPage(
    q: Queryable,
    actor: Actor,
    thread: store.ThreadRow,
    query: ThreadPageQuery,
    audit: { action: string; purpose: AuditPurpose },
  ): Promise<{ detail: ThreadDetail; entry: AuditEntry }> {
    const readerId = actor.user.id;
    let before: { createdAt: Date; id: string } | undefined;
    if (query.before) {
      const anchor = await store.findMessage(q, query.before);
      if (!anchor || anchor.threadId !== thread.id) {
        throw new DomainError("VALIDATION_FAILED", "This message is not in this conversation.", "before");
      }
      before = { createdAt: anchor.createdAt, id: anchor.id };
    }
    const rows = await store.listMessages(q, thread.id, MESSAGES_PAGE_SIZE, before);
    const page = rows.slice(0, MESSAGES_PAGE_SIZE);
    const olderBefore = rows.length > MESSAGES_PAGE_SIZE ? page.at(-1)!.id : null;
    return {
      detail: {
        thread: await summaryOf(q, readerId, thread),
        messages: page.reverse().map((row) => toMessage(row, readerId)),
        olderBefore,
      },
      entry: {
        action: audit.action,
        resourceType: "message_thread",
        resourceId: thread.id,
        participantId: thread.participantId,
        purpose: audit.purpose,
        details: { messages: page.length, older: before !== undefined },
      },
    };
  }

  async function detail(
    actor: Actor,
    thread: store.ThreadRow,
    query: ThreadPageQuery,
    audit: { action: string; purpose: AuditPurpose; context: AuditContext },
  ): Promise<ThreadDetail> {
    const { detail, entry } = await readPage(db, actor, thread, query, audit);
    await recordAudit(db, audit.context, entry, now());
    return detail;
  }

  /**
   * Answer a send whose key was used before: the same text (a retry) gets the first message back,
   * anything else is refused so a changed text is never silently dropped.
   */
  async function replay(
    actor: Actor,
    earlier: store.MessageRow,
    expected: { body: string; threadId?: string; subject?: string },
    audit: { purpose: AuditPurpose; context: AuditContext; participantId: string },
  ): Promise<SentMessage> {
    const thread = (await store.findThread(db, earlier.threadId))!;
    const same =
      earlier.body === expected.body &&
      (expected.threadId === undefined || expected.threadId === earlier.threadId) &&
      (expected.subject === undefined || expected.subject === thread.subject);
    if (!same) throw new DomainError("MESSAGE_KEY_REUSED", undefined, "idempotencyKey");
    await recordAudit(
      db,
      audit.context,
      {
        action: "message.send_replayed",
        resourceType: "message",
        resourceId: earlier.id,
        participantId: audit.participantId,
        purpose: audit.purpose,
      },
      now(),
    );
    return {
      message: toMessage(earlier, actor.user.id),
      thread: await summaryOf(db, actor.user.id, thread),
      replayed: true,
    };
  }

  /**
   * Email whoever the thread is with that staff wrote (no content): the participant, or in a family
   * thread the family member — unless an earlier staff message is still unread by them.
   */
  async function notifyReader(tx: Transaction, thread: store.ThreadRow, messageId: string, at: Date) {
    const account = thread.familyUserId
      ? await store.findUserAccount(tx, thread.familyUserId)
      : await store.findParticipantAccount(tx, thread.participantId);
    if (!account || account.disabled || !account.email) return false;
    if (await store.hasEarlierUnreadStaffMessage(tx, thread.id, account.userId, messageId)) return false;
    const path = thread.familyUserId ? `/family/messages/${thread.id}` : `/me/messages/${thread.id}`;
    const link = new URL(path, baseUrl).toString();
    const mail = newMessageEmail(account.locale, link, thread.familyUserId ? "family" : "participant");
    await enqueueMail(tx, { to: account.email, ...mail }, at);
    return true;
  }

  /**
   * Write a message (in a new thread when `newThread` is given): the length checked, the key's earlier
   * use answered, then in one transaction the thread, the message, the writer's own read mark, the
   * audit event and — when staff write — the email to the participant or family member. `check` runs
   * first inside that transaction (a consent that must be in force at the moment of writing).
   */
  async function send(
    actor: Actor,
    target: { thread: store.ThreadRow } | { newThread: NewThreadTarget },
    input: SendMessageInput,
    audit: { purpose: AuditPurpose; context: AuditContext },
    check?: (tx: Transaction) => Promise<unknown>,
  ): Promise<SentMessage> {
    const authorKind = authorKindOf(actor);
    const participantId = "thread" in target ? target.thread.participantId : target.newThread.participantId;
    const expected = {
      body: input.body,
      ...("thread" in target ? { threadId: target.thread.id } : { subject: target.newThread.subject }),
    };
    const earlier = await store.findMessageByKey(db, actor.user.id, input.idempotencyKey);
    if (earlier) return replay(actor, earlier, expected, { ...audit, participantId });
    checkLength(input.body);
    const at = now();
    let emailed = false;
    try {
      const { threadId, messageId } = await db.transaction(async (tx) => {
        await check?.(tx);
        let thread: store.ThreadRow;
        if ("thread" in target) {
          thread = target.thread;
        } else {
          const siteId = await store.findParticipantSite(tx, participantId);
          if (!siteId) throw new DomainError("NOT_FOUND", "No such participant.");
          const id = await store.insertThread(tx, {
            participantId,
            siteId,
            subject: target.newThread.subject,
            createdBy: actor.user.id,
            familyUserId: target.newThread.familyUserId ?? null,
            at,
          });
          thread = (await store.findThread(tx, id))!;
        }
        const messageId = await store.insertMessage(tx, {
          threadId: thread.id,
          authorId: actor.user.id,
          authorKind,
          body: input.body,
          idempotencyKey: input.idempotencyKey,
          at,
        });
        if (!messageId) throw new SendRaced();
        // What one writes is read: the writer's own message never counts as unread for them.
        await store.upsertReadMark(tx, thread.id, actor.user.id, at);
        if (authorKind === "staff") emailed = await notifyReader(tx, thread, messageId, at);
        const familyThread = thread.familyUserId !== null;
        await appendAudit(
          tx,
          audit.context,
          [
            ...("newThread" in target
              ? [
                  {
                    action: "message_thread.create",
                    resourceType: "message_thread",
                    resourceId: thread.id,
                    participantId,
                    purpose: audit.purpose,
                    details: { familyThread },
                  },
                ]
              : []),
            {
              action: "message.send",
              resourceType: "message",
              resourceId: messageId,
              participantId,
              purpose: audit.purpose,
              details: { threadId: thread.id, authorKind, emailed, familyThread },
            },
          ],
          at,
        );
        return { threadId: thread.id, messageId };
      });
      if (emailed) deps.mailQueued?.();
      const thread = (await store.findThread(db, threadId))!;
      return {
        message: toMessage((await store.findMessage(db, messageId))!, actor.user.id),
        thread: await summaryOf(db, actor.user.id, thread),
        replayed: false,
      };
    } catch (error) {
      if (!(error instanceof SendRaced)) throw error;
      const first = (await store.findMessageByKey(db, actor.user.id, input.idempotencyKey))!;
      return replay(actor, first, expected, { ...audit, participantId });
    }
  }

  async function markRead(
    actor: Actor,
    thread: store.ThreadRow,
    input: ReadMarkInput,
    audit: { purpose: AuditPurpose; context: AuditContext },
  ): Promise<ReadMarkResult> {
    const at = now();
    const previous = await store.findReadMark(db, thread.id, actor.user.id);
    const mark = nextReadMark(new Date(input.through), previous, at);
    await db.transaction(async (tx) => {
      await store.upsertReadMark(tx, thread.id, actor.user.id, mark);
      await appendAudit(
        tx,
        audit.context,
        {
          action: "message_thread.read",
          resourceType: "message_thread",
          resourceId: thread.id,
          participantId: thread.participantId,
          purpose: audit.purpose,
        },
        at,
      );
    });
    const summary = await summaryOf(db, actor.user.id, thread);
    return {
      threadId: thread.id,
      lastReadAt: (await store.findReadMark(db, thread.id, actor.user.id))!.toISOString(),
      unread: summary.unread,
    };
  }

  return { summaryOf, readPage, detail, send, markRead };
}

export type Conversations = ReturnType<typeof createConversations>;
