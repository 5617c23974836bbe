import type { HelpResources, MyHelpResources } from "../../core/help-resources/help-resources.schema";
import { type AuditContext, appendAudit } from "../audit/audit.service";
import type { Database } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import { ownParticipantId } from "../participant-app/own-participant";
import { findOnCall, readHelpResources, writeHelpResources } from "./help-resources.repo";

/** Local resources on the participants' Help page: kept by administrators, read by participants. */
export function createHelpResourcesService(deps: { db: Database; now: () => Date }) {
  const { db, now } = deps;
  return {
    settings: () => readHelpResources(db),

    async updateSettings(value: HelpResources, context: AuditContext): Promise<HelpResources> {
      const at = now();
      await db.transaction(async (tx) => {
        await writeHelpResources(tx, value, at);
        await appendAudit(
          tx,
          context,
          {
            action: "settings.help_resources_update",
            resourceType: "settings",
            purpose: "operations",
            details: { resources: value.resources.length },
          },
          at,
        );
      });
      return readHelpResources(db);
    },

    /** GET /me/help-resources: the program's resources and the participant's site's on-call line. */
    async mine(actor: Actor): Promise<MyHelpResources> {
      const participantId = ownParticipantId(actor, "a Help page");
      const [resources, onCall] = await Promise.all([readHelpResources(db), findOnCall(db, participantId)]);
      return {
        resources: resources.resources,
        onCall: onCall && onCall.phone !== "" ? onCall : null,
      };
    },
  };
}
export type HelpResourcesService = ReturnType<typeof createHelpResourcesService>;
