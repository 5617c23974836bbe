import { deriveMyMeasures } from "../../core/assessments/my-measures.rules";
import type { MyMeasures } from "../../core/assessments/my-measures.schema";
import { DomainError } from "../../core/platform/errors";
import { type AuditContext, recordAudit } from "../audit/audit.service";
import type { Database } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import * as store from "./assessments.sql";
import type { InstrumentCatalog } from "./instrument-catalog";

/**
 * A signed-in participant's own questionnaire totals over their latest episode (my-measures.rules.ts
 * decides which can be charted). The participant comes from the session, never from the request; the
 * read is audited as "self".
 */
export function createMyMeasuresService(deps: { db: Database; now: () => Date; catalog: InstrumentCatalog }) {
  const { db, now, catalog } = deps;
  const instruments = [...catalog.values()].map((e) => ({
    key: e.definition.key,
    totalRange: e.definition.totalRange,
    direction: e.definition.direction,
  }));

  return {
    async myMeasures(actor: Actor, context: AuditContext): Promise<MyMeasures> {
      const participantId = actor.user.kind === "participant" ? actor.access.participantId : null;
      if (!participantId)
        throw new DomainError("AUTH_FORBIDDEN", "Only a participant has measures of their own here.");
      const [participant, rows] = await Promise.all([
        store.findParticipantContext(db, participantId),
        store.listResponses(db, participantId),
      ]);
      const inEpisode = rows.filter((r) => r.scored && r.episodeId === (participant?.episode_id ?? null));
      await recordAudit(
        db,
        context,
        {
          action: "assessment.my_measures_view",
          resourceType: "assessment_response",
          participantId,
          purpose: "self",
        },
        now(),
      );
      return deriveMyMeasures(
        inEpisode.map((r) => ({
          instrumentKey: r.instrumentKey,
          completedOn: r.completedOn,
          total: r.total,
        })),
        instruments,
      );
    },
  };
}

export type MyMeasuresService = ReturnType<typeof createMyMeasuresService>;
