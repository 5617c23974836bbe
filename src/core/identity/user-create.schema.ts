import { z } from "zod";
import {
  emailSchema,
  localeSchema,
  newPasswordSchema,
  staffRoleSchema,
  userKindSchema,
} from "./identity.schema";

/** Creating an account (CLI `user create` now; the administration UI later). */
export const createUserInputSchema = z
  .object({
    email: emailSchema,
    displayName: z
      .string()
      .trim()
      .min(1, "Enter the person's name.")
      .max(200, "A name has at most 200 characters."),
    kind: userKindSchema,
    roles: z.array(staffRoleSchema),
    locale: localeSchema,
    password: newPasswordSchema,
    siteNames: z.array(z.string().trim().min(1)),
  })
  .superRefine((value, ctx) => {
    if (value.kind === "staff" && value.roles.length === 0) {
      ctx.addIssue({ code: "custom", path: ["roles"], message: "A staff account needs at least one role." });
    }
    if (value.kind !== "staff" && value.roles.length > 0) {
      ctx.addIssue({ code: "custom", path: ["roles"], message: "Only staff accounts have roles." });
    }
  });
export type CreateUserInput = z.infer<typeof createUserInputSchema>;
