import type { AuditPurpose } from "../../core/audit/audit.schema";
import { findEmptySections, isEdited } from "../../core/discharge-summaries/discharge-summary.rules";
import {
  type DischargeSummary,
  type DischargeSummaryView,
  dischargeSummaryFactsSchema,
  type GenerateDraftInput,
  type SaveSummaryInput,
  SECTION_TITLES,
  type SignSummaryInput,
  SUMMARY_SECTIONS,
  type SummarySections,
  summarySectionsSchema,
} from "../../core/discharge-summaries/discharge-summary.schema";
import { DomainError, isDomainError } from "../../core/platform/errors";
import { type AuditContext, appendAudit, recordAudit } from "../audit/audit.service";
import type { Database, Queryable } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import * as store from "./discharge-summaries.sql";
import { renderDischargeSummaryPdf } from "./discharge-summary-pdf";
import { buildDischargeSummaryDraft, printedName } from "./summary-draft";

/**
 * The discharge summary of a participant's latest episode, in the chart (issue 11). The route's guard
 * decided clinical.view (read, print) or clinical.write (generate, edit, sign) on the participant and
 * the care relationship; this service keeps it to staff, and audits every read, write and print in
 * the transaction that does it. A draft is regenerated from the record, edited section by section
 * under optimistic locking (`version`), and signed once the discharge is recorded; signed, it is
 * immutable.
 */

export interface ChartAccess {
  participantId: string;
  purpose: AuditPurpose;
}

const RESOURCE = "discharge_summary";
const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();

function toSummary(row: store.SummaryRow): DischargeSummary {
  const sections = summarySectionsSchema.parse(
    Object.fromEntries(SUMMARY_SECTIONS.map((k) => [k, row.sections[k] ?? ""])),
  );
  const facts = dischargeSummaryFactsSchema.safeParse(row.facts);
  return {
    id: row.id,
    episodeId: row.episode_id,
    status: row.status,
    sections,
    edited: facts.success ? isEdited(facts.data, sections) : true,
    version: row.version,
    generatedAt: iso(row.generated_at),
    updatedAt: iso(row.updated_at),
    updatedBy: row.updated_by_name,
    signedAt: row.signed_at ? iso(row.signed_at) : null,
    signedBy: row.signed_by_name,
  };
}

export function createDischargeSummariesService(deps: { db: Database; now: () => Date }) {
  const { db, now } = deps;

  /** The chart's summary is staff's; a refusal here is audited. */
  async function assertStaff(actor: Actor, access: ChartAccess, action: string, context: AuditContext) {
    if (actor.user.kind === "staff") return;
    await recordAudit(
      db,
      context,
      {
        action,
        resourceType: RESOURCE,
        participantId: access.participantId,
        purpose: "self",
        outcome: "denied",
        details: { reason: "staff_only" },
      },
      now(),
    );
    throw new DomainError(
      "AUTH_FORBIDDEN",
      "The discharge summary is part of the clinical record, for the care team.",
    );
  }

  async function latestEpisode(q: Queryable, participantId: string) {
    const episode = await store.findLatestEpisode(q, participantId);
    if (!episode) throw new DomainError("DISCHARGE_SUMMARY_NO_EPISODE");
    return episode;
  }

  async function summaryOf(q: Queryable, episodeId: string) {
    const row = await store.findSummaryByEpisode(q, episodeId);
    if (!row) throw new DomainError("DISCHARGE_SUMMARY_NOT_FOUND");
    return row;
  }

  function entry(access: ChartAccess, action: string, summaryId: string | null, details = {}) {
    return {
      action,
      resourceType: RESOURCE,
      resourceId: summaryId,
      participantId: access.participantId,
      purpose: access.purpose,
      details,
    };
  }

  async function view(q: Queryable, participantId: string): Promise<DischargeSummaryView> {
    const episode = await store.findLatestEpisode(q, participantId);
    if (!episode) return { episode: null, summary: null };
    const row = await store.findSummaryByEpisode(q, episode.id);
    return {
      episode: {
        id: episode.id,
        admittedOn: episode.admitted_on,
        dischargedOn: episode.discharged_on,
        discharged: episode.discharged_on !== null,
      },
      summary: row ? toSummary(row) : null,
    };
  }

  /** A write in one transaction with its audit entry, answered with the summary as it is now. */
  async function write(
    actor: Actor,
    access: ChartAccess,
    action: string,
    context: AuditContext,
    change: (
      tx: Queryable,
      at: Date,
    ) => Promise<{ summaryId: string; details?: Record<string, string | number | boolean> }>,
  ): Promise<DischargeSummaryView> {
    await assertStaff(actor, access, action, context);
    const at = now();
    try {
      return await db.transaction(async (tx) => {
        const { summaryId, details } = await change(tx, at);
        await appendAudit(tx, context, entry(access, action, summaryId, details), at);
        return view(tx, access.participantId);
      });
    } catch (error) {
      // A refused attempt (a stale version, signed already, not discharged, empty sections) is kept
      // in the audit trail too: nothing was written, but the record was acted on.
      if (isDomainError(error) && error.kind !== "internal") {
        await recordAudit(db, context, entry(access, `${action}.refused`, null, { code: error.code }), at);
      }
      throw error;
    }
  }

  return {
    /** The latest episode's summary (or null), and whether that episode's discharge is recorded. */
    async getSummary(
      actor: Actor,
      access: ChartAccess,
      context: AuditContext,
    ): Promise<DischargeSummaryView> {
      const action = "discharge_summary.read";
      await assertStaff(actor, access, action, context);
      const at = now();
      return db.transaction(async (tx) => {
        const result = await view(tx, access.participantId);
        await appendAudit(tx, context, entry(access, action, result.summary?.id ?? null), at);
        return result;
      });
    },

    /** Generate the draft, or regenerate it from the record (edited text is replaced only on request). */
    generateDraft(actor: Actor, access: ChartAccess, input: GenerateDraftInput, context: AuditContext) {
      return write(actor, access, "discharge_summary.generate", context, async (tx, at) => {
        const episode = await latestEpisode(tx, access.participantId);
        const existing = await store.findSummaryByEpisode(tx, episode.id);
        if (existing?.status === "signed") throw new DomainError("DISCHARGE_SUMMARY_SIGNED");
        if (existing && !input.replaceEdits && toSummary(existing).edited) {
          throw new DomainError("DISCHARGE_SUMMARY_EDITS_WOULD_BE_LOST", undefined, "replaceEdits");
        }
        const draft = await buildDischargeSummaryDraft(tx, episode.id, at);
        const userId = actor.user.id;
        if (!existing) {
          const summaryId = await store.insertSummary(tx, {
            episodeId: episode.id,
            participantId: episode.participant_id,
            siteId: episode.site_id,
            facts: draft.facts,
            sections: draft.sections,
            userId,
            at,
          });
          return { summaryId, details: { regenerated: false, replacedEdits: false } };
        }
        if (!(await store.regenerateSummary(tx, existing.id, { ...draft, userId, at }))) {
          throw new DomainError("DISCHARGE_SUMMARY_SIGNED");
        }
        return { summaryId: existing.id, details: { regenerated: true, replacedEdits: input.replaceEdits } };
      });
    },

    /** Save the edited sections, as edited from `version`. */
    saveSections(actor: Actor, access: ChartAccess, input: SaveSummaryInput, context: AuditContext) {
      return write(actor, access, "discharge_summary.update", context, async (tx, at) => {
        const episode = await latestEpisode(tx, access.participantId);
        const existing = await summaryOf(tx, episode.id);
        if (existing.status === "signed") throw new DomainError("DISCHARGE_SUMMARY_SIGNED");
        if (existing.version !== input.version) throw new DomainError("DISCHARGE_SUMMARY_EDIT_CONFLICT");
        const saved = await store.updateSections(tx, existing.id, {
          version: input.version,
          sections: input.sections,
          userId: actor.user.id,
          at,
        });
        if (!saved) throw new DomainError("DISCHARGE_SUMMARY_EDIT_CONFLICT");
        return { summaryId: existing.id };
      });
    },

    /** Sign: the discharge is recorded, every section has text, and the version is the one read. */
    sign(actor: Actor, access: ChartAccess, input: SignSummaryInput, context: AuditContext) {
      return write(actor, access, "discharge_summary.sign", context, async (tx, at) => {
        const episode = await latestEpisode(tx, access.participantId);
        const existing = await summaryOf(tx, episode.id);
        if (existing.status === "signed") throw new DomainError("DISCHARGE_SUMMARY_SIGNED");
        if (!episode.discharged_on) throw new DomainError("DISCHARGE_SUMMARY_NOT_DISCHARGED");
        if (existing.version !== input.version) throw new DomainError("DISCHARGE_SUMMARY_EDIT_CONFLICT");
        const empty = findEmptySections(existing.sections as Partial<SummarySections>);
        if (empty.length > 0) {
          throw new DomainError(
            "DISCHARGE_SUMMARY_INCOMPLETE",
            undefined,
            empty.map((key) => ({
              path: `sections.${key}`,
              message: `${SECTION_TITLES[key]}: write this section.`,
            })),
          );
        }
        if (
          !(await store.markSigned(tx, existing.id, { version: input.version, userId: actor.user.id, at }))
        ) {
          throw new DomainError("DISCHARGE_SUMMARY_EDIT_CONFLICT");
        }
        return { summaryId: existing.id };
      });
    },

    /** The summary as a PDF for the chart (a staff print of the record, not a disclosure). */
    async print(
      actor: Actor,
      access: ChartAccess,
      context: AuditContext,
    ): Promise<{ pdf: Buffer; filename: string }> {
      const action = "discharge_summary.print";
      await assertStaff(actor, access, action, context);
      const episode = await latestEpisode(db, access.participantId);
      const row = await summaryOf(db, episode.id);
      const at = now();
      await recordAudit(db, context, entry(access, action, row.id), at);
      const summary = toSummary(row);
      const pdf = await renderDischargeSummaryPdf({
        programName: episode.program_name,
        siteName: episode.site_name,
        timeZone: episode.site_time_zone,
        participant: { name: printedName(episode), bornOn: episode.born_on },
        admittedOn: episode.admitted_on,
        dischargedOn: episode.discharged_on,
        printedAt: at,
        summary,
      });
      return { pdf, filename: `discharge-summary-${summary.id.slice(0, 8)}.pdf` };
    },
  };
}

export type DischargeSummariesService = ReturnType<typeof createDischargeSummariesService>;
