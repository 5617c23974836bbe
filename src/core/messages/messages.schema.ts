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
