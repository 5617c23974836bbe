import { can } from "../../core/access/access.rules";
import type {
  NewThreadInput,
  SendMessageInput,
  ThreadDetail,
  ThreadList,
} from "../../core/messages/messages.schema";
import { MESSAGES_PAGE_SIZE } from "../../core/messages/messages.schema";
import { DomainError } from "../../core/platform/errors";
import { type AuditContext, type AuditEntry, appendAudit, recordAudit } from "../audit/audit.service";
import type { Database } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import { checkLength, toMessage, toSummary } from "../messages/message-views";
import * as messages from "../messages/messages.sql";
import type { Alumnus } from "./alumni.service";
import { findMembership } from "./alumni.sql";
import * as store from "./alumni-messages.sql";

const NOT_FOUND = "No such conversation.";
const INBOX_PAGE_SIZE = 50;

/**
 * Messages between an alumnus and the alumni coordinator (issue 11): threads with
 * `audience = 'alumni'`, never shown in care-team lists. The alumnus reaches only their own; staff who
 * run the alumni program (`alumni.manage`) at the member's site read and answer them. Opening a
 * conversation marks it read for its reader (the unread count of the alumni home). Every read and
 * write is audited; message text never goes to the logs.
 */
export function createAlumniMessagesService(deps: {
  db: Database;
  now: () => Date;
  /** The signed-in active alumnus, or the alumni service's clear refusal. */
  alumnusOf: (actor: Actor, context: AuditContext, action: string) => Promise<Alumnus>;
}) {
  const { db, now, alumnusOf } = deps;

  async function detail(readerId: string, threadId: string): Promise<ThreadDetail> {
    const rows = await messages.listMessages(db, threadId, MESSAGES_PAGE_SIZE);
    const page = rows.slice(0, MESSAGES_PAGE_SIZE);
    const newest = page[0];
    if (newest) await messages.upsertReadMark(db, threadId, readerId, newest.createdAt);
    const summary = await messages.listThreadSummaries(
      db,
      readerId,
      {
        kind: "alumni",
        participantId: (await store.findAlumniThread(db, threadId))!.participantId,
        siteIds: [],
      },
      { page: 1, pageSize: 1, threadIds: [threadId] },
    );
    return {
      thread: toSummary(summary.rows[0]!),
      messages: page.reverse().map((m) => toMessage(m, readerId)),
      olderBefore: rows.length > MESSAGES_PAGE_SIZE ? page[0]!.id : null,
    };
  }

  async function write(
    actor: Actor,
    thread: { id: string } | { participantId: string; siteId: string; subject: string },
    input: SendMessageInput,
    entry: Omit<AuditEntry, "resourceId">,
    context: AuditContext,
  ): Promise<ThreadDetail> {
    checkLength(input.body);
    const earlier = await messages.findMessageByKey(db, actor.user.id, input.idempotencyKey);
    if (earlier) {
      if (earlier.body !== input.body)
        throw new DomainError("MESSAGE_KEY_REUSED", undefined, "idempotencyKey");
      return detail(actor.user.id, earlier.threadId);
    }
    const at = now();
    const threadId = await db.transaction(async (tx) => {
      const id =
        "id" in thread
          ? thread.id
          : await store.insertAlumniThread(tx, { ...thread, createdBy: actor.user.id, at });
      await messages.insertMessage(tx, {
        threadId: id,
        authorId: actor.user.id,
        authorKind: actor.user.kind === "participant" ? "participant" : "staff",
        body: input.body,
        idempotencyKey: input.idempotencyKey,
        at,
      });
      await appendAudit(tx, context, { ...entry, resourceId: id }, at);
      return id;
    });
    return detail(actor.user.id, threadId);
  }

  async function ownThread(actor: Actor, threadId: string, context: AuditContext, action: string) {
    const me = await alumnusOf(actor, context, action);
    const thread = await store.findAlumniThread(db, threadId);
    if (!thread || thread.participantId !== me.participantId) throw new DomainError("NOT_FOUND", NOT_FOUND);
    return { me, thread };
  }

  async function managedThread(actor: Actor, threadId: string, context: AuditContext, action: string) {
    const thread = await store.findAlumniThread(db, threadId);
    if (!thread) throw new DomainError("NOT_FOUND", NOT_FOUND);
    assertManager(actor, thread.siteId);
    return thread;
  }

  function assertManager(actor: Actor, siteId: string) {
    if (!can(actor.access, "alumni.manage", { type: "site", siteId }, now()).allowed) {
      throw new DomainError("AUTH_FORBIDDEN", "You do not run the alumni program at this site.");
    }
  }

  async function denied(context: AuditContext, action: string, resourceId: string) {
    await recordAudit(
      db,
      context,
      { action, resourceType: "message_thread", resourceId, purpose: "treatment", outcome: "denied" },
      now(),
    );
  }

  return {
    /** The unread count on the alumni home (a number only). */
    async unreadFor(me: Alumnus): Promise<number> {
      return messages.countUnread(db, me.userId, {
        kind: "alumni",
        participantId: me.participantId,
        siteIds: [],
      });
    },

    async myThreads(actor: Actor, context: AuditContext): Promise<ThreadList> {
      const me = await alumnusOf(actor, context, "alumni.message_thread_list");
      const { rows, total } = await messages.listThreadSummaries(
        db,
        actor.user.id,
        { kind: "alumni", participantId: me.participantId, siteIds: [] },
        { page: 1, pageSize: INBOX_PAGE_SIZE },
      );
      await recordAudit(
        db,
        context,
        {
          action: "alumni.message_thread_list",
          resourceType: "message_thread",
          participantId: me.participantId,
          purpose: "self",
          details: { threads: rows.length },
        },
        now(),
      );
      return { threads: rows.map(toSummary), total, page: 1, pageSize: INBOX_PAGE_SIZE };
    },

    async startMine(actor: Actor, input: NewThreadInput, context: AuditContext): Promise<ThreadDetail> {
      const me = await alumnusOf(actor, context, "alumni.message_send");
      return write(
        actor,
        { participantId: me.participantId, siteId: me.siteId, subject: input.subject },
        input,
        {
          action: "alumni.message_send",
          resourceType: "message_thread",
          participantId: me.participantId,
          purpose: "self",
        },
        context,
      );
    },

    async myThread(actor: Actor, threadId: string, context: AuditContext): Promise<ThreadDetail> {
      const { me, thread } = await ownThread(actor, threadId, context, "alumni.message_thread_view");
      await recordAudit(
        db,
        context,
        {
          action: "alumni.message_thread_view",
          resourceType: "message_thread",
          resourceId: thread.id,
          participantId: me.participantId,
          purpose: "self",
        },
        now(),
      );
      return detail(actor.user.id, thread.id);
    },

    async replyMine(actor: Actor, threadId: string, input: SendMessageInput, context: AuditContext) {
      const { me, thread } = await ownThread(actor, threadId, context, "alumni.message_send");
      return write(
        actor,
        thread,
        input,
        {
          action: "alumni.message_send",
          resourceType: "message_thread",
          participantId: me.participantId,
          purpose: "self",
        },
        context,
      );
    },

    // --- the alumni coordinator ---

    async inbox(actor: Actor, siteId: string, context: AuditContext): Promise<ThreadList> {
      try {
        assertManager(actor, siteId);
      } catch (error) {
        await denied(context, "alumni.message_inbox_view", siteId);
        throw error;
      }
      const { rows, total } = await messages.listThreadSummaries(
        db,
        actor.user.id,
        { kind: "alumni", participantId: null, siteIds: [siteId] },
        { page: 1, pageSize: INBOX_PAGE_SIZE },
      );
      await recordAudit(
        db,
        context,
        {
          action: "alumni.message_inbox_view",
          resourceType: "message_thread",
          resourceId: siteId,
          purpose: "treatment",
          details: { threads: rows.length },
        },
        now(),
      );
      return { threads: rows.map(toSummary), total, page: 1, pageSize: INBOX_PAGE_SIZE };
    },

    async staffThread(actor: Actor, threadId: string, context: AuditContext): Promise<ThreadDetail> {
      let thread: store.AlumniThreadRow;
      try {
        thread = await managedThread(actor, threadId, context, "alumni.message_thread_view");
      } catch (error) {
        await denied(context, "alumni.message_thread_view", threadId);
        throw error;
      }
      await recordAudit(
        db,
        context,
        {
          action: "alumni.message_thread_view",
          resourceType: "message_thread",
          resourceId: thread.id,
          participantId: thread.participantId,
          purpose: "treatment",
        },
        now(),
      );
      return detail(actor.user.id, thread.id);
    },

    /** The coordinator answers while the person is an active member (someone who left is not written to). */
    async staffReply(actor: Actor, threadId: string, input: SendMessageInput, context: AuditContext) {
      let thread: store.AlumniThreadRow;
      try {
        thread = await managedThread(actor, threadId, context, "alumni.message_send");
      } catch (error) {
        await denied(context, "alumni.message_send", threadId);
        throw error;
      }
      const membership = await findMembership(db, thread.participantId);
      if (membership?.status !== "active") {
        throw new DomainError(
          "ALUMNI_NOT_MEMBER",
          "This person is no longer in the alumni program. Nothing was sent.",
        );
      }
      return write(
        actor,
        thread,
        input,
        {
          action: "alumni.message_send",
          resourceType: "message_thread",
          participantId: thread.participantId,
          purpose: "treatment",
        },
        context,
      );
    },
  };
}
export type AlumniMessagesService = ReturnType<typeof createAlumniMessagesService>;
