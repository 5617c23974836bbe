import type { PlanLanguage } from "../../core/treatment-plans/plan.schema";
import type { ReviewDetail, VersionDetail } from "../../core/treatment-plans/plan-api.schema";
import {
  createPlanPrinter,
  describeMeasureIn,
  longDate,
  type PrintHeader,
  type TextSink,
  WORDS,
  writeOpening,
} from "./plan-print-layout";

/**
 * One review of a treatment plan as a PDF: who it is for, why and when it was held, the plan version it
 * reviews, then the progress recorded for each objective of that version (problem by problem: the
 * objective, its measure, its status now, the measured value and the note), the summary, whether the
 * plan needs revising, and the signatures. A review that is not signed is watermarked on every page.
 */

export interface ReviewPdfInput {
  programName: string;
  siteName: string;
  participant: { name: string; bornOn: string };
  review: ReviewDetail;
  /** The signed plan version the review is of (its objectives give the progress entries their words). */
  version: VersionDetail;
  printedAt: Date;
  timeZone: string;
  language: PlanLanguage;
}

function formatValue(value: number, language: PlanLanguage): string {
  return new Intl.NumberFormat(language === "es" ? "es-US" : "en-US", { maximumFractionDigits: 1 }).format(
    value,
  );
}

export function renderReviewPdf(input: ReviewPdfInput, options: { onText?: TextSink } = {}): Promise<Buffer> {
  const { review, version, language } = input;
  const header: PrintHeader = input;
  const words = WORDS[language];
  const printer = createPlanPrinter(
    header,
    {
      title: `${words.reviewTitle}`,
      runningTitle: `${words.reviewTitle} ${review.number} · ${input.participant.name}`,
      pdfTitle: `${words.reviewTitle} ${review.number}`,
    },
    options.onText,
  );
  writeOpening(printer, header, [
    [words.review, `${review.number} — ${words.reviewStatus[review.status]}`],
    [words.reason, words.reviewReason[review.reason]],
    [words.dueOn, longDate(review.dueOn, language)],
    [words.heldOn, longDate(review.heldOn, language)],
    [
      words.reviewedVersion,
      `${version.number} (${words.startsOn.toLowerCase()} ${longDate(version.startsOn, language)})`,
    ],
  ]);

  const progressById = new Map(review.content.progress.map((p) => [p.objectiveId, p]));
  printer.heading(words.progress, { keepWith: 60 });
  version.content.problems.forEach((problem, index) => {
    printer.heading(`${words.problem} ${index + 1}: ${problem.title.trim() || "—"}`, {
      size: 11,
      keepWith: 60,
    });
    problem.objectives.forEach((objective, i) => {
      const progress = progressById.get(objective.id);
      const statement = `${index + 1}.${i + 1}  ${objective.statement.trim() || "—"}`;
      printer.doc.font("Helvetica-Bold").fontSize(10);
      printer.keepSpace(printer.doc.heightOfString(statement, { width: 470 }) + 44);
      printer.paragraph(statement, { indent: 14, bold: true });
      const status = [
        `${words.status}: ${progress ? words.objectiveStatus[progress.status] : words.objectiveNotInReview}${
          progress && progress.status !== objective.status
            ? ` (${words.wasStatus(words.objectiveStatus[objective.status].toLowerCase())})`
            : ""
        }`,
      ];
      if (progress?.value !== null && progress?.value !== undefined) {
        status.push(`${words.value}: ${formatValue(progress.value, language)}`);
      }
      const lines = [
        `${words.measure}: ${objective.measure ? describeMeasureIn(objective.measure, language) : words.noMeasure}`,
        status.join(" · "),
      ];
      for (const line of lines) printer.paragraph(line, { indent: 36, size: 9.5, color: "#333333" });
      printer.field(words.note, progress?.note.trim() || words.noNote, { indent: 36, labelWidth: 82 });
      printer.gap(4);
    });
  });

  printer.heading(words.summary, { keepWith: 40 });
  printer.paragraph(review.content.summary.trim() || "—");
  printer.gap(4);
  printer.field(words.planChangesNeeded, review.content.planChangesNeeded ? words.yes : words.no);
  printer.gap(8);

  printer.signatures(review.requiredRoles, review.signatures);
  return printer.finish({ watermark: review.status !== "signed" });
}
