import {
  FAMILY_THREADS_LIMIT,
  type FamilyNewThreadInput,
  type FamilyThreadDetail,
  type FamilyThreadGroup,
  type FamilyThreadList,
} from "../../core/messages/family-messages.schema";
import { messagePreview } from "../../core/messages/messages.rules";
import type {
  ReadMarkInput,
  ReadMarkResult,
  SendMessageInput,
  SentMessage,
  ThreadPageQuery,
  ThreadSummary,
} from "../../core/messages/messages.schema";
import { DomainError } from "../../core/platform/errors";
import { type AuditContext, appendAudit, recordAudit } from "../audit/audit.service";
import type { Database } from "../db/connection";
import {
  type DiscloseRequest,
  type DiscloseRequestWithoutPayload,
  type Disclosure,
  DisclosureRefused,
  discloseWithin,
} from "../disclosures/disclose";
import { type FamilyLinkRow, findLink, listLinksOfUser } from "../family-portal/family-portal.sql";
import type { Actor } from "../identity/auth.service";
import { createConversations } from "./conversations";
import {
  assertFamilyMessaging,
  consentOfLink,
  FAMILY_MESSAGES_SCOPE,
  familyMessagingProblems,
} from "./family-consent";
import { THREAD_RESOURCE } from "./message-access";
import { toSummary } from "./message-views";
import * as store from "./messages.sql";

/** Why a family-thread read is disclosed, in words for the disclosure log. */
const PURPOSE = "Family portal: messages with the care team";

/**
 * Family threads (issue 10): a family member writes with the care team about a person they support.
 * Allowed only while that person's consent naming the family member is in force with the
 * `family_messages` category, checked on every request. Reading a conversation (or the list, with the
 * previews of what staff wrote) is a disclosure through `discloseWithin` — logged, with the §2.32
 * statement returned; writing, marking read and the unread count check the consent without a
 * disclosure row (nothing about the participant leaves). A family member reaches only their own
 * threads: another's (even about the same person) answers "not found", and a refusal says only that
 * access has ended. Every read and write is audited.
 */
export function createFamilyMessagesService(deps: {
  db: Database;
  now: () => Date;
  baseUrl: string;
  mailQueued?: () => void;
}) {
  const { db, now } = deps;
  const conversations = createConversations(deps);

  async function refuse(
    context: AuditContext,
    action: string,
    reason: string,
    target: { participantId: string | null; threadId?: string },
    error: DomainError,
  ): Promise<never> {
    await recordAudit(
      db,
      context,
      {
        action,
        resourceType: "message_thread",
        resourceId: target.threadId ?? null,
        participantId: target.participantId,
        purpose: "disclosure",
        outcome: "denied",
        details: { reason, familyThread: true },
      },
      now(),
    );
    throw error;
  }

  async function familyUserOf(actor: Actor, context: AuditContext, action: string): Promise<string> {
    if (actor.user.kind === "family") return actor.user.id;
    return refuse(
      context,
      action,
      "not_family",
      { participantId: null },
      new DomainError("AUTH_FORBIDDEN", "Only a family member's account has these messages."),
    );
  }

  /** This family member's own thread, else "not found" (a participant's or another family member's thread is never confirmed). */
  async function ownFamilyThread(
    userId: string,
    threadId: string,
    context: AuditContext,
    action: string,
  ): Promise<store.ThreadRow> {
    const thread = await store.findThread(db, threadId);
    if (thread && thread.familyUserId === userId) return thread;
    return refuse(
      context,
      action,
      "not_found",
      { participantId: null },
      new DomainError("NOT_FOUND", THREAD_RESOURCE.notFound),
    );
  }

  /** The consent must allow messages now; otherwise a denied audit event and "access ended". */
  async function allowed(
    userId: string,
    participantId: string,
    context: AuditContext,
    action: string,
    threadId?: string,
  ) {
    try {
      return await assertFamilyMessaging(db, userId, participantId, now(), "family");
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== "FAMILY_ACCESS_ENDED") throw error;
      return refuse(context, action, "consent", { participantId, threadId }, error);
    }
  }

  function disclosureRequest(
    link: FamilyLinkRow,
    userId: string,
    consent: { consentId: string; recipientId: string },
    at: Date,
  ): DiscloseRequestWithoutPayload {
    const request: Omit<Extract<DiscloseRequest, { basis: "consent" }>, "payload"> = {
      participantId: link.participant_id,
      channel: "family_portal",
      purpose: PURPOSE,
      information: [FAMILY_MESSAGES_SCOPE],
      disclosedBy: userId,
      basis: "consent",
      consentId: consent.consentId,
      recipientId: consent.recipientId,
      recipientUserId: userId,
      at,
    };
    return request;
  }

  const noticeOf = (disclosure: Disclosure) => ({
    statement: {
      kind: disclosure.statement.kind as "statement_1" | "statement_2",
      text: disclosure.statement.text,
    },
    scopeSummary: disclosure.scopeSummary,
  });

  /** A family member sees the person by first (or preferred) name only, as in the rest of the portal. */
  const forFamily = (summary: ThreadSummary, link: FamilyLinkRow): ThreadSummary => ({
    ...summary,
    participant: { id: summary.participant.id, name: link.first_name },
  });

  /**
   * A send's answer holds only what the family member wrote: the thread's last message is theirs (a
   * staff reply since is read on the conversation page, where it is disclosed and logged).
   */
  const sentForFamily = (sent: SentMessage, link: FamilyLinkRow): SentMessage => ({
    ...sent,
    thread: {
      ...forFamily(sent.thread, link),
      lastMessage: {
        preview: messagePreview(sent.message.body),
        authorKind: "family",
        authorName: sent.message.author.name,
      },
    },
  });

  return {
    /**
     * My conversations, one group per person whose consent lets me message the care team now (each
     * group one logged disclosure: it shows what staff wrote), newest activity first; the others
     * are only counted.
     */
    async list(actor: Actor, context: AuditContext): Promise<FamilyThreadList> {
      const action = "message_thread.list";
      const userId = await familyUserOf(actor, context, action);
      const links = await listLinksOfUser(db, userId);
      const people: FamilyThreadGroup[] = [];
      let notShared = 0;
      for (const link of links) {
        const consent = consentOfLink(link, userId);
        if (!consent) {
          notShared += 1;
          continue;
        }
        const at = now();
        try {
          const { result, disclosure } = await discloseWithin(
            db,
            context,
            disclosureRequest(link, userId, consent, at),
            async (tx) => {
              const { rows, total } = await store.listThreadSummaries(
                tx,
                userId,
                { kind: "family", familyUserId: userId, participantId: link.participant_id },
                { page: 1, pageSize: FAMILY_THREADS_LIMIT },
              );
              await appendAudit(
                tx,
                context,
                {
                  action,
                  resourceType: "message_thread",
                  participantId: link.participant_id,
                  purpose: "disclosure",
                  details: { threads: rows.length, familyThread: true },
                },
                at,
              );
              return { threads: rows.map((row) => forFamily(toSummary(row), link)), total };
            },
          );
          people.push({
            person: {
              participantId: link.participant_id,
              name: link.first_name,
              relationship: link.recipient_relationship || link.link_relationship,
            },
            ...result,
            ...noticeOf(disclosure),
          });
        } catch (error) {
          if (!(error instanceof DisclosureRefused)) throw error;
          notShared += 1;
        }
      }
      return { people, notShared };
    },

    /** Start a conversation with the care team about a person I support (not a disclosure; the consent must allow it). */
    async start(actor: Actor, input: FamilyNewThreadInput, context: AuditContext): Promise<SentMessage> {
      const action = "message_thread.create";
      const userId = await familyUserOf(actor, context, action);
      const { participantId } = input;
      if (!(await findLink(db, userId, participantId))) {
        return refuse(
          context,
          action,
          "not_linked",
          { participantId: null },
          new DomainError("NOT_FOUND", "No such person.", "participantId"),
        );
      }
      const { link } = await allowed(userId, participantId, context, action);
      const sent = await conversations.send(
        actor,
        { newThread: { participantId, subject: input.subject, familyUserId: userId } },
        input,
        { purpose: "disclosure", context },
        (tx) => assertFamilyMessaging(tx, userId, participantId, now(), "family"),
      );
      return sentForFamily(sent, link);
    },

    /** One of my conversations: what staff wrote is disclosed (logged, with the §2.32 statement). */
    async thread(
      actor: Actor,
      threadId: string,
      query: ThreadPageQuery,
      context: AuditContext,
    ): Promise<FamilyThreadDetail> {
      const action = "message_thread.view";
      const userId = await familyUserOf(actor, context, action);
      const thread = await ownFamilyThread(userId, threadId, context, action);
      const target = { participantId: thread.participantId, threadId };
      const link = await findLink(db, userId, thread.participantId);
      const consent = link ? consentOfLink(link, userId) : null;
      if (!link || !consent) {
        return refuse(context, action, "consent", target, new DomainError("FAMILY_ACCESS_ENDED"));
      }
      const at = now();
      try {
        const { result, disclosure } = await discloseWithin(
          db,
          context,
          disclosureRequest(link, userId, consent, at),
          async (tx) => {
            const { detail, entry } = await conversations.readPage(tx, actor, thread, query, {
              action,
              purpose: "disclosure",
            });
            await appendAudit(
              tx,
              context,
              { ...entry, details: { ...entry.details, familyThread: true } },
              at,
            );
            return detail;
          },
        );
        return { ...result, thread: forFamily(result.thread, link), ...noticeOf(disclosure) };
      } catch (error) {
        if (error instanceof DisclosureRefused) throw new DomainError("FAMILY_ACCESS_ENDED");
        throw error;
      }
    },

    /** Write in one of my conversations (not a disclosure; the consent must allow it at this moment). */
    async send(
      actor: Actor,
      threadId: string,
      input: SendMessageInput,
      context: AuditContext,
    ): Promise<SentMessage> {
      const action = "message.send";
      const userId = await familyUserOf(actor, context, action);
      const thread = await ownFamilyThread(userId, threadId, context, action);
      const { link } = await allowed(userId, thread.participantId, context, action, threadId);
      const sent = await conversations.send(
        actor,
        { thread },
        input,
        { purpose: "disclosure", context },
        (tx) => assertFamilyMessaging(tx, userId, thread.participantId, now(), "family"),
      );
      return sentForFamily(sent, link);
    },

    async markRead(
      actor: Actor,
      threadId: string,
      input: ReadMarkInput,
      context: AuditContext,
    ): Promise<ReadMarkResult> {
      const action = "message_thread.read";
      const userId = await familyUserOf(actor, context, action);
      const thread = await ownFamilyThread(userId, threadId, context, action);
      await allowed(userId, thread.participantId, context, action, threadId);
      return conversations.markRead(actor, thread, input, { purpose: "disclosure", context });
    },

    /**
     * Unread messages from the care team over my conversations about the people whose consent lets
     * me message now (a number only: not audited, as the participant's own count).
     */
    async unread(actor: Actor): Promise<{ unread: number }> {
      if (actor.user.kind !== "family") {
        throw new DomainError("AUTH_FORBIDDEN", "Only a family member's account has these messages.");
      }
      const userId = actor.user.id;
      let unread = 0;
      for (const link of await listLinksOfUser(db, userId)) {
        if ((await familyMessagingProblems(db, link, userId, now())).length > 0) continue;
        unread += await store.countUnread(db, userId, {
          kind: "family",
          familyUserId: userId,
          participantId: link.participant_id,
        });
      }
      return { unread };
    },
  };
}

export type FamilyMessagesService = ReturnType<typeof createFamilyMessagesService>;
