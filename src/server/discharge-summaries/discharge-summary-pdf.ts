import {
  type DischargeSummary,
  SECTION_TITLES,
  SUMMARY_SECTIONS,
} from "../../core/discharge-summaries/discharge-summary.schema";
import {
  createPlanPrinter,
  localDateTime,
  longDate,
  type TextSink,
  writeOpening,
} from "../treatment-plans/plan-print-layout";

/**
 * The discharge summary as a PDF for the chart: a staff print of the record (not a disclosure; a
 * summary sent to another provider goes through the referral packet under consent). The title, who it
 * is for and the episode's dates, each section under its heading, then who signed it and when, or a
 * "DRAFT — NOT SIGNED" watermark on every page. English, like the summary's text. Laid out with the
 * printed plan's page furniture (header, footer with the 42 CFR Part 2 line, page x of y).
 */

export interface DischargeSummaryPdfInput {
  programName: string;
  siteName: string;
  timeZone: string;
  participant: { name: string; bornOn: string };
  admittedOn: string;
  dischargedOn: string | null;
  printedAt: Date;
  summary: DischargeSummary;
}

const TITLE = "Discharge summary";

export function renderDischargeSummaryPdf(
  input: DischargeSummaryPdfInput,
  options: { onText?: TextSink } = {},
): Promise<Buffer> {
  const header = { ...input, language: "en" as const };
  const printer = createPlanPrinter(
    header,
    { title: TITLE, runningTitle: `${TITLE} · ${input.participant.name}`, pdfTitle: TITLE },
    options.onText,
  );
  const { summary } = input;
  writeOpening(printer, header, [
    ["Admitted", longDate(input.admittedOn, "en")],
    ["Discharged", input.dischargedOn ? longDate(input.dischargedOn, "en") : "Not yet recorded"],
    ["Status", summary.status === "signed" ? "Signed" : "Draft — not signed"],
  ]);
  for (const key of SUMMARY_SECTIONS) {
    printer.heading(SECTION_TITLES[key], { keepWith: 40 });
    const text = summary.sections[key].trim();
    if (!text) printer.paragraph("—", { italic: true });
    for (const line of text.split("\n")) {
      if (line.trim()) printer.paragraph(line.trim(), { size: 10 });
    }
    printer.gap(6);
  }
  printer.heading("Signature", { keepWith: 30 });
  if (summary.status === "signed" && summary.signedAt) {
    printer.field("Signed by", summary.signedBy ?? "—");
    printer.field("Signed at", localDateTime(new Date(summary.signedAt), input.timeZone, "en"));
  } else {
    printer.paragraph("DRAFT — not signed. This summary may still change.", { bold: true });
  }
  return printer.finish({ watermark: summary.status !== "signed" });
}
