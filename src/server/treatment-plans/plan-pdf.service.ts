import { DomainError } from "../../core/platform/errors";
import { type AuditContext, recordAudit } from "../audit/audit.service";
import type { Database } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import { renderPlanPdf } from "./plan-pdf";
import { findPlanPrintFacts, type PlanPrintFactsRow } from "./plan-print.sql";
import { planForActor, versionDetail } from "./plans.service";
import * as store from "./plans.sql";
import { renderReviewPdf } from "./review-pdf";
import { toReviewDetail } from "./reviews.service";
import { findReview, listReviewSignatures } from "./reviews.sql";

/**
 * Printing a plan version or a review as a PDF: for staff who may read the participant's clinical
 * record (clinical.view, care-team scoped). Each print is audited (treatment_plan.print) before the
 * document exists. The file name says what it is and nothing about whom.
 */

export interface PrintedDocument {
  pdf: Buffer;
  filename: string;
}

const ACTION = "treatment_plan.print";

/** The name printed on the plan: the legal name, with the name the person goes by when it differs. */
function printedName(row: PlanPrintFactsRow): string {
  const legal = `${row.given_name} ${row.family_name}`;
  const preferred = row.preferred_name.trim();
  return preferred && preferred !== row.given_name ? `${legal} (${preferred})` : legal;
}

export function createPlanPdfService(deps: { db: Database; now: () => Date }) {
  const { db, now } = deps;

  async function factsOf(planId: string) {
    const facts = await findPlanPrintFacts(db, planId);
    if (!facts) throw new DomainError("NOT_FOUND", "No such treatment plan.");
    return {
      programName: facts.program_name,
      siteName: facts.site_name,
      timeZone: facts.site_time_zone,
      participant: { name: printedName(facts), bornOn: facts.born_on },
    };
  }

  async function loadVersion(planId: string, versionId: string) {
    const row = await store.findVersion(db, planId, versionId);
    if (!row) throw new DomainError("NOT_FOUND", "This plan has no such version.");
    return versionDetail(db, row);
  }

  return {
    /** One version of a plan as a PDF (watermarked until it is signed). */
    async printVersion(
      actor: Actor,
      planId: string,
      versionId: string,
      context: AuditContext,
    ): Promise<PrintedDocument> {
      const at = now();
      const { plan, purpose } = await planForActor(
        db,
        actor,
        planId,
        "clinical.view",
        { action: ACTION, context },
        at,
      );
      const version = await loadVersion(plan.id, versionId);
      const facts = await factsOf(plan.id);
      await recordAudit(
        db,
        context,
        {
          action: ACTION,
          resourceType: "treatment_plan_version",
          resourceId: version.id,
          participantId: plan.participantId,
          purpose,
          details: { versionNumber: version.number, status: version.status },
        },
        at,
      );
      return {
        pdf: await renderPlanPdf({ ...facts, version, printedAt: at, language: version.language }),
        filename: `treatment-plan-v${version.number}.pdf`,
      };
    },

    /** One review of a plan as a PDF, with the objectives of the version it reviews. */
    async printReview(
      actor: Actor,
      planId: string,
      reviewId: string,
      context: AuditContext,
    ): Promise<PrintedDocument> {
      const at = now();
      const { plan, purpose } = await planForActor(
        db,
        actor,
        planId,
        "clinical.view",
        { action: ACTION, context },
        at,
      );
      const row = await findReview(db, reviewId);
      if (!row || row.planId !== plan.id) throw new DomainError("NOT_FOUND", "No such review.");
      const review = toReviewDetail(row, await listReviewSignatures(db, [row.id]));
      const version = await loadVersion(plan.id, review.versionId);
      const facts = await factsOf(plan.id);
      await recordAudit(
        db,
        context,
        {
          action: ACTION,
          resourceType: "treatment_plan_review",
          resourceId: review.id,
          participantId: plan.participantId,
          purpose,
          details: { reviewNumber: review.number, status: review.status },
        },
        at,
      );
      return {
        pdf: await renderReviewPdf({ ...facts, review, version, printedAt: at, language: version.language }),
        filename: `treatment-plan-review-${review.number}.pdf`,
      };
    },
  };
}
export type PlanPdfService = ReturnType<typeof createPlanPdfService>;
