import { z } from "zod";
import { permissionSchema } from "../access/permissions";
import { sessionStageSchema } from "./accounts.schema";
import { sessionUserSchema } from "./identity.schema";

/** The signed-in session as the web app sees it. */
export const currentSessionSchema = z.object({
  user: sessionUserSchema,
  /** "active", or the MFA step still owed before any data is reachable. */
  stage: sessionStageSchema,
  /** Minutes of inactivity after which the session ends (the web app warns before). */
  idleTimeoutMinutes: z.number().int(),
  /** Staff permissions (empty for participants and family); the web app shows what they allow. */
  permissions: z.array(permissionSchema),
  /** The program runs in demo mode (MFA is not required of the demo accounts). */
  demo: z.boolean(),
});
export type CurrentSession = z.infer<typeof currentSessionSchema>;

/** GET /sessions/current: the session, or null when nobody is signed in (ended or timed out). */
export const maybeSessionSchema = z.object({ session: currentSessionSchema.nullable() });
