import { MESSAGE_BODY_MAX } from "./messages.schema";

/**
 * Pure rules of secure messages: how long a message is (in characters as the database counts them —
 * code points, so an emoji is one), whether it fits, and the inbox preview.
 */

export function messageLength(body: string): number {
  return [...body].length;
}

/** The problem with a message's length, or null when it fits. */
export function messageLengthProblem(body: string): { length: number; max: number } | null {
  const length = messageLength(body);
  return length > MESSAGE_BODY_MAX ? { length, max: MESSAGE_BODY_MAX } : null;
}

export const PREVIEW_LENGTH = 120;

/** The start of a message on one line, cut at a whole character with an ellipsis when longer. */
export function messagePreview(body: string, max = PREVIEW_LENGTH): string {
  const oneLine = body.replace(/\s+/g, " ").trim();
  const chars = [...oneLine];
  return chars.length <= max
    ? oneLine
    : `${chars
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`;
}

/**
 * When a reader marks a conversation read "through" the newest message shown: never later than now
 * (a device clock ahead cannot mark future messages read) and never earlier than an earlier mark.
 */
export function nextReadMark(through: Date, previous: Date | null, now: Date): Date {
  const capped = through.getTime() > now.getTime() ? now : through;
  return previous && previous.getTime() > capped.getTime() ? previous : capped;
}
