import { z } from "zod";

/**
 * The family members with a Bridgeway account linked to a participant (family_links), as the
 * booking form offers them to attend a family session. Names and the relationship only.
 */
export const linkedFamilyMemberSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  relationship: z.string(),
});
export type LinkedFamilyMember = z.infer<typeof linkedFamilyMemberSchema>;

export const linkedFamilyListSchema = z.object({ members: z.array(linkedFamilyMemberSchema) });
export type LinkedFamilyList = z.infer<typeof linkedFamilyListSchema>;
