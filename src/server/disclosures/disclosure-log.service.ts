import type { DisclosureLogEntry } from "../../core/disclosures/disclosure.schema";
import type { DisclosureLogPage, DisclosureLogQuery } from "../../core/disclosures/disclosure-api.schema";
import { type AuditContext, recordAudit } from "../audit/audit.service";
import type { Database } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import { ownParticipantId } from "../participant-app/own-participant";
import type { ParticipantAccess } from "../platform/route-access";
import * as store from "./disclosures.sql";

const iso = (v: Date | string) => new Date(v).toISOString();

function entryOf(row: store.DisclosureLogRow): DisclosureLogEntry {
  return {
    id: row.id,
    disclosedAt: iso(row.disclosed_at),
    basis: row.basis,
    channel: row.channel,
    recipientName: row.recipient_name,
    purpose: row.purpose,
    information: row.information,
    // The staff member who made it, or on the family portal the family member who viewed it (the
    // page says "viewed by" in the reader's language from the channel).
    disclosedByName: row.disclosed_by_name,
    consentId: row.consent_id,
    statement: row.statement,
  };
}

/**
 * Reading the disclosure log: staff on the chart (the route guard authorizes participants.view and
 * audits the read) and the participant their own (audited here, purpose self). Newest first, in pages.
 */
export function createDisclosureLogService(deps: { db: Database; now: () => Date }) {
  const { db, now } = deps;

  async function page(participantId: string, query: DisclosureLogQuery): Promise<DisclosureLogPage> {
    const { rows, total } = await store.listByParticipant(db, participantId, {
      basis: query.basis,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    return { entries: rows.map(entryOf), page: query.page, pageSize: query.pageSize, total };
  }

  return {
    /** GET /participants/:id/disclosures. */
    listForParticipant(access: ParticipantAccess, query: DisclosureLogQuery): Promise<DisclosureLogPage> {
      return page(access.participantId, query);
    },

    /** GET /me/disclosures: the participant's own log ("who has seen my information"). */
    async listMine(
      actor: Actor,
      query: DisclosureLogQuery,
      context: AuditContext,
    ): Promise<DisclosureLogPage> {
      const participantId = ownParticipantId(actor, "a disclosure log");
      await recordAudit(
        db,
        context,
        { action: "disclosures.list", resourceType: "disclosure", participantId, purpose: "self" },
        now(),
      );
      return page(participantId, query);
    },
  };
}
export type DisclosureLogService = ReturnType<typeof createDisclosureLogService>;
