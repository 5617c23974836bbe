import type { AuditPurpose } from "../../core/audit/audit.schema";
import type {
  Inbox,
  InboxQuery,
  MyThreadsQuery,
  NewThreadInput,
  ReadMarkInput,
  ReadMarkResult,
  SendMessageInput,
  SentMessage,
  ThreadDetail,
  ThreadList,
  ThreadPageQuery,
} from "../../core/messages/messages.schema";
import { DomainError } from "../../core/platform/errors";
import { type AuditContext, recordAudit } from "../audit/audit.service";
import type { Database, Transaction } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import { createConversations } from "./conversations";
import { assertFamilyMessaging } from "./family-consent";
import { assertStaff, ownParticipantId, ownThread, staffScope, staffThread } from "./message-access";
import { toSummary } from "./message-views";
import * as store from "./messages.sql";

/**
 * Secure, asynchronous messages between a participant and their care team (issue 9). A participant
 * reaches only their own conversations (another's answers "not found"); staff reach a conversation
 * through its participant — clinical.view to read, clinical.write to write — by the one policy, and a
 * refusal is audited. Every read and write is audited; message text never goes to the logs. When staff
 * write, the participant gets an email without any content (a link only), once per unread stretch.
 * Family threads (a family member and the care team, about the participant) are never the
 * participant's; staff see them in the inbox and the chart and answer them while the consent naming
 * the family member still allows messages.
 */

export function createMessagesService(deps: {
  db: Database;
  now: () => Date;
  baseUrl: string;
  /** Called after an email was queued, so the outbox sends it without waiting for its poll. */
  mailQueued?: () => void;
}) {
  const { db, now } = deps;
  const { detail, send, markRead } = createConversations(deps);

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
      // Every conversation about the participant: their own and those with their family members.
      const { rows, total } = await store.listThreadSummaries(
        db,
        actor.user.id,
        { kind: "chart", participantId },
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
      const familyUserId = thread.familyUserId;
      const check = familyUserId
        ? (tx: Transaction) => assertFamilyMessaging(tx, familyUserId, thread.participantId, now(), "staff")
        : undefined;
      return send(actor, { thread }, input, { purpose, context }, check);
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
