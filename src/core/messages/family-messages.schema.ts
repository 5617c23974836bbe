import { z } from "zod";
import { disclosureNoticeSchema } from "../family-portal/family-portal.schema";
import { newThreadSchema, threadDetailSchema, threadSummarySchema } from "./messages.schema";

/**
 * Family threads (issue 10): a family member writes with the care team about a person they support,
 * while that person's consent naming them is in force with the `family_messages` category. What the
 * care team writes is disclosed to the family member, so every answer that carries it also carries the
 * §2.32 statement and the consent's scope explanation.
 */

/** A family member's new conversation: the person it is about, a subject and the first message. */
export const familyNewThreadSchema = newThreadSchema.extend({
  participantId: z.uuid("Choose the person this message is about."),
});
export type FamilyNewThreadInput = z.infer<typeof familyNewThreadSchema>;

/** The most conversations listed per person (newest activity first). */
export const FAMILY_THREADS_LIMIT = 50;

export const familyThreadGroupSchema = disclosureNoticeSchema.extend({
  /** The person the conversations are about: first (or preferred) name only, and how they are related. */
  person: z.object({ participantId: z.uuid(), name: z.string(), relationship: z.string() }),
  threads: z.array(threadSummarySchema),
  /** All of this family member's conversations about the person (more than listed when over the limit). */
  total: z.number().int().min(0),
});
export type FamilyThreadGroup = z.infer<typeof familyThreadGroupSchema>;

export const familyThreadListSchema = z.object({
  /** One group per person whose consent lets this family member message the care team now. */
  people: z.array(familyThreadGroupSchema),
  /** People this family member is linked to who do not (or no longer) allow messages: nothing about them. */
  notShared: z.number().int().min(0),
});
export type FamilyThreadList = z.infer<typeof familyThreadListSchema>;

/** One family conversation, with the notice its disclosure carries. */
export const familyThreadDetailSchema = threadDetailSchema.extend(disclosureNoticeSchema.shape);
export type FamilyThreadDetail = z.infer<typeof familyThreadDetailSchema>;
