import type { AuditPurpose } from "../../core/audit/audit.schema";
import { nextReadMark } from "../../core/messages/messages.rules";
import {
  type Inbox,
  type InboxQuery,
  MESSAGES_PAGE_SIZE,
  type MessageAuthorKind,
  type MyThreadsQuery,
  type NewThreadInput,
  type ReadMarkInput,
  type ReadMarkResult,
  type SendMessageInput,
  type SentMessage,
  type ThreadDetail,
  type ThreadList,
  type ThreadPageQuery,
  type ThreadSummary,
} from "../../core/messages/messages.schema";
import { DomainError } from "../../core/platform/errors";
import { type AuditContext, appendAudit, recordAudit } from "../audit/audit.service";
import type { Database, Transaction } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import { enqueueMail } from "../platform/mail";
import { assertStaff, ownParticipantId, ownThread, staffScope, staffThread } from "./message-access";
import { checkLength, newMessageEmail, toMessage, toSummary } from "./message-views";
import * as store from "./messages.sql";

/**
 * Secure, asynchronous messages between a participant and their care team (issue 9). A participant
 * reaches only their own conversations (another's answers "not found"); staff reach a conversation
 * through its participant — clinical.view to read, clinical.write to write — by the one policy, and a
 * refusal is audited. Every read and write is audited; message text never goes to the logs. When staff
 * write, the participant gets an email without any content (a link only), once per unread stretch.
 */

/** A send that lost the race to another with the same key: the transaction is undone, the first wins. */
class SendRaced extends Error {}

export function createMessagesService(deps: {
  db: Database;
  now: () => Date;
  baseUrl: string;
  /** Called after an email was queued, so the outbox sends it without waiting for its poll. */
  mailQueued?: () => void;
}) {
  const { db, now, baseUrl } = deps;

  async function summaryOf(readerId: string, thread: store.ThreadRow): Promise<ThreadSummary> {
    const { rows } = await store.listThreadSummaries(
      db,
      readerId,
      { kind: "participant", participantId: thread.participantId },
      { page: 1, pageSize: 1, threadIds: [thread.id] },
    );
    return toSummary(rows[0]!);
  }

  async function detail(
    actor: Actor,
    thread: store.ThreadRow,
    query: ThreadPageQuery,
    audit: { action: string; purpose: AuditPurpose; context: AuditContext },
  ): Promise<ThreadDetail> {
    const readerId = actor.user.id;
    let before: { createdAt: Date; id: string } | undefined;
    if (query.before) {
      const anchor = await store.findMessage(db, query.before);
      if (!anchor || anchor.threadId !== thread.id) {
        throw new DomainError("VALIDATION_FAILED", "This message is not in this conversation.", "before");
      }
      before = { createdAt: anchor.createdAt, id: anchor.id };
    }
    const rows = await store.listMessages(db, thread.id, MESSAGES_PAGE_SIZE, before);
    const page = rows.slice(0, MESSAGES_PAGE_SIZE);
    const olderBefore = rows.length > MESSAGES_PAGE_SIZE ? page.at(-1)!.id : null;
    await recordAudit(
      db,
      audit.context,
      {
        action: audit.action,
        resourceType: "message_thread",
        resourceId: thread.id,
        participantId: thread.participantId,
        purpose: audit.purpose,
        details: { messages: page.length, older: before !== undefined },
      },
      now(),
    );
    return {
      thread: await summaryOf(readerId, thread),
      messages: page.reverse().map((row) => toMessage(row, readerId)),
      olderBefore,
    };
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
      thread: await summaryOf(actor.user.id, thread),
      replayed: true,
    };
  }

  /** Email the participant that staff wrote (no content), unless an earlier staff message is still unread. */
  async function notifyParticipant(tx: Transaction, thread: store.ThreadRow, messageId: string, at: Date) {
    const account = await store.findParticipantAccount(tx, thread.participantId);
    if (!account || account.disabled || !account.email) return false;
    if (await store.hasEarlierUnreadStaffMessage(tx, thread.id, account.userId, messageId)) return false;
    const link = new URL(`/me/messages/${thread.id}`, baseUrl).toString();
    await enqueueMail(tx, { to: account.email, ...newMessageEmail(account.locale, link) }, at);
    return true;
  }

  /**
   * Write a message (in a new thread when `newThread` is given): the length checked, the key's earlier
   * use answered, then in one transaction the thread, the message, the writer's own read mark, the
   * audit event and — when staff write — the participant's email.
   */
  async function send(
    actor: Actor,
    target: { thread: store.ThreadRow } | { newThread: { participantId: string; subject: string } },
    input: SendMessageInput,
    audit: { purpose: AuditPurpose; context: AuditContext },
  ): Promise<SentMessage> {
    const authorKind: MessageAuthorKind = actor.user.kind === "participant" ? "participant" : "staff";
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
        if (authorKind === "staff") emailed = await notifyParticipant(tx, thread, messageId, at);
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
                  },
                ]
              : []),
            {
              action: "message.send",
              resourceType: "message",
              resourceId: messageId,
              participantId,
              purpose: audit.purpose,
              details: { threadId: thread.id, authorKind, emailed },
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
        thread: await summaryOf(actor.user.id, thread),
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
    const summary = await summaryOf(actor.user.id, thread);
    return {
      threadId: thread.id,
      lastReadAt: (await store.findReadMark(db, thread.id, actor.user.id))!.toISOString(),
      unread: summary.unread,
    };
  }

  return {
    // --- The participant's own conversations -------------------------------------------------
    async myThreads(actor: Actor, query: MyThreadsQuery, context: AuditContext): Promise<ThreadList> {
      const participantId = ownParticipantId(actor);
      const { rows, total } = await store.listThreadSummaries(
        db,
        actor.user.id,
        { kind: "participant", participantId },
        query,
      );
      await recordAudit(
        db,
        context,
        {
          action: "message_thread.list",
          resourceType: "message_thread",
          participantId,
          purpose: "self",
          details: { threads: rows.length },
        },
        now(),
      );
      return { threads: rows.map(toSummary), total, page: query.page, pageSize: query.pageSize };
    },

    async startMyThread(actor: Actor, input: NewThreadInput, context: AuditContext): Promise<SentMessage> {
      const participantId = ownParticipantId(actor);
      return send(actor, { newThread: { participantId, subject: input.subject } }, input, {
        purpose: "self",
        context,
      });
    },

    async myThread(
      actor: Actor,
      threadId: string,
      query: ThreadPageQuery,
      context: AuditContext,
    ): Promise<ThreadDetail> {
      const thread = await ownThread(db, actor, threadId);
      return detail(actor, thread, query, { action: "message_thread.view", purpose: "self", context });
    },

    async sendMine(
      actor: Actor,
      threadId: string,
      input: SendMessageInput,
      context: AuditContext,
    ): Promise<SentMessage> {
      const thread = await ownThread(db, actor, threadId);
      return send(actor, { thread }, input, { purpose: "self", context });
    },

    async markMineRead(
      actor: Actor,
      threadId: string,
      input: ReadMarkInput,
      context: AuditContext,
    ): Promise<ReadMarkResult> {
      const thread = await ownThread(db, actor, threadId);
      return markRead(actor, thread, input, { purpose: "self", context });
    },

    /** The count on the participant's Today page and menu (a number only: not audited). */
    async myUnread(actor: Actor): Promise<{ unread: number }> {
      const participantId = ownParticipantId(actor);
      return { unread: await store.countUnread(db, actor.user.id, { kind: "participant", participantId }) };
    },

    // --- Staff ------------------------------------------------------------------------------------
    async inbox(actor: Actor, query: InboxQuery, context: AuditContext): Promise<Inbox> {
      assertStaff(actor);
      const scope = staffScope(actor, query.scope);
      const { rows, total } = await store.listThreadSummaries(db, actor.user.id, scope, {
        unreadOnly: query.unread,
        page: query.page,
        pageSize: query.pageSize,
      });
      await recordAudit(
        db,
        context,
        {
          action: "message_thread.inbox_view",
          resourceType: "message_thread",
          purpose: "treatment",
          details: {
            scope: query.scope,
            threads: rows.length,
            participants: new Set(rows.map((r) => r.participantId)).size,
          },
        },
        now(),
      );
      return {
        threads: rows.map(toSummary),
        total,
        page: query.page,
        pageSize: query.pageSize,
        scope: query.scope,
        siteScopeAvailable: actor.access.grants["clinical.view"] === "site",
      };
    },

    /** The staff navigation badge: unread messages in the default (caseload) inbox; a number only. */
    async staffUnread(actor: Actor): Promise<{ unread: number }> {
      assertStaff(actor);
      return { unread: await store.countUnread(db, actor.user.id, staffScope(actor, "caseload")) };
    },

    /** A participant's conversations in their chart (the guard authorised clinical.view and audited). */
    async participantThreads(
      actor: Actor,
      participantId: string,
      query: MyThreadsQuery,
      context: AuditContext,
    ): Promise<ThreadList> {
      if (actor.user.kind !== "staff") {
        const error = new DomainError(
          "AUTH_FORBIDDEN",
          "Your messages are in your own area, under Messages.",
        );
        await recordAudit(
          db,
          context,
          {
            action: "message_thread.chart_list",
            resourceType: "message_thread",
            participantId,
            purpose: "self",
            outcome: "denied",
            details: { reason: error.code },
          },
          now(),
        );
        throw error;
      }
      const { rows, total } = await store.listThreadSummaries(
        db,
        actor.user.id,
        { kind: "participant", participantId },
        query,
      );
      return { threads: rows.map(toSummary), total, page: query.page, pageSize: query.pageSize };
    },

    /** Staff start a conversation with a participant (the guard authorised clinical.write). */
    async startThread(
      actor: Actor,
      access: { participantId: string; purpose: AuditPurpose },
      input: NewThreadInput,
      context: AuditContext,
    ): Promise<SentMessage> {
      assertStaff(actor);
      return send(
        actor,
        { newThread: { participantId: access.participantId, subject: input.subject } },
        input,
        { purpose: access.purpose, context },
      );
    },

    async staffThreadDetail(
      actor: Actor,
      threadId: string,
      query: ThreadPageQuery,
      context: AuditContext,
    ): Promise<ThreadDetail> {
      const action = "message_thread.view";
      const { thread, purpose } = await staffThread(
        db,
        now,
        actor,
        threadId,
        "clinical.view",
        action,
        context,
      );
      return detail(actor, thread, query, { action, purpose, context });
    },

    async staffSend(
      actor: Actor,
      threadId: string,
      input: SendMessageInput,
      context: AuditContext,
    ): Promise<SentMessage> {
      const { thread, purpose } = await staffThread(
        db,
        now,
        actor,
        threadId,
        "clinical.write",
        "message.send",
        context,
      );
      return send(actor, { thread }, input, { purpose, context });
    },

    async staffMarkRead(
      actor: Actor,
      threadId: string,
      input: ReadMarkInput,
      context: AuditContext,
    ): Promise<ReadMarkResult> {
      const { thread, purpose } = await staffThread(
        db,
        now,
        actor,
        threadId,
        "clinical.view",
        "message_thread.read",
        context,
      );
      return markRead(actor, thread, input, { purpose, context });
    },
  };
}
export type MessagesService = ReturnType<typeof createMessagesService>;
