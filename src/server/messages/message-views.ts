import { messageLengthProblem, messagePreview } from "../../core/messages/messages.rules";
import type { Message, ThreadSummary } from "../../core/messages/messages.schema";
import { DomainError } from "../../core/platform/errors";
import type * as store from "./messages.sql";

/** How messages leave the server: API views of stored rows, the length check, the new-message email. */

export function checkLength(body: string): void {
  const problem = messageLengthProblem(body);
  if (problem) {
    throw new DomainError(
      "MESSAGE_TOO_LONG",
      `A message can be up to ${problem.max} characters; this one has ${problem.length}. Shorten it or send it in two parts.`,
      "body",
      { max: problem.max, length: problem.length },
    );
  }
}

export const toMessage = (row: store.MessageRow, readerId: string): Message => ({
  id: row.id,
  threadId: row.threadId,
  author: { id: row.authorId, name: row.authorName, kind: row.authorKind },
  body: row.body,
  sentAt: row.createdAt.toISOString(),
  mine: row.authorId === readerId,
});

export const toSummary = (row: store.ThreadSummaryRow): ThreadSummary => ({
  id: row.id,
  subject: row.subject,
  participant: { id: row.participantId, name: row.participantName },
  createdAt: row.createdAt.toISOString(),
  lastMessageAt: row.lastMessageAt.toISOString(),
  lastMessage:
    row.lastBody === null
      ? null
      : {
          preview: messagePreview(row.lastBody),
          authorKind: row.lastAuthorKind!,
          authorName: row.lastAuthorName ?? "",
        },
  unread: row.unread,
  family: row.family ? { name: row.family.name, relationship: row.family.relationship } : null,
});

/**
 * The email to a participant (or, in a family thread, the family member) when staff write: never the
 * message, its subject or whom it is about, only a link.
 */
export function newMessageEmail(
  locale: "en" | "es",
  link: string,
  to: "participant" | "family" = "participant",
) {
  if (to === "family") {
    return locale === "es"
      ? {
          subject: "Tiene un mensaje nuevo en Bridgeway",
          text: `Hola:\n\nEl equipo de atención le envió un mensaje en Bridgeway. Para leerlo, inicie sesión aquí:\n${link}\n\nLos mensajes no son para emergencias. Si usted o alguien está en crisis, llame o envíe un texto al 988, o llame al 911.`,
        }
      : {
          subject: "You have a new message in Bridgeway",
          text: `Hello,\n\nThe care team sent you a message in Bridgeway. To read it, sign in here:\n${link}\n\nMessages are not for emergencies. If you or someone else is in crisis, call or text 988, or call 911.`,
        };
  }
  return locale === "es"
    ? {
        subject: "Tiene un mensaje nuevo en Bridgeway",
        text: `Hola:\n\nSu equipo de atención le envió un mensaje en Bridgeway. Para leerlo, inicie sesión aquí:\n${link}\n\nLos mensajes no son para emergencias. Si está en crisis, llame o envíe un texto al 988, o llame al 911.`,
      }
    : {
        subject: "You have a new message in Bridgeway",
        text: `Hello,\n\nYour care team sent you a message in Bridgeway. To read it, sign in here:\n${link}\n\nMessages are not for emergencies. If you are in crisis, call or text 988, or call 911.`,
      };
}
