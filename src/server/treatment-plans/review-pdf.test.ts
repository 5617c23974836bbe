import { describe, expect, it } from "vitest";
import { renderPdfPage } from "../../../tests/support/pdf-render";
import { pdfPageCount, pdfTextByStream } from "../../../tests/support/pdf-text";
import { PLAN_REVIEW, PLAN_VERSION } from "./plan-pdf.test-data";
import { type ReviewPdfInput, renderReviewPdf } from "./review-pdf";

const INPUT: ReviewPdfInput = {
  programName: "Test Recovery Center",
  siteName: "Riverside",
  participant: { name: "Casey Morgan", bornOn: "1990-04-12" },
  review: PLAN_REVIEW,
  version: PLAN_VERSION,
  printedAt: new Date("2026-12-03T15:05:00Z"),
  timeZone: "America/New_York",
  language: "en",
};

async function render(input: ReviewPdfInput) {
  const written: { text: string; page: number }[] = [];
  const pdf = await renderReviewPdf(input, { onText: (text, page) => written.push({ text, page }) });
  return { pdf, all: written.map((w) => w.text), written };
}

describe("treatment plan review PDF", () => {
  it("prints why and when the review was held and the progress of every objective of the reviewed version", async () => {
    const { pdf, all } = await render(INPUT);
    for (const text of [
      "Treatment plan review",
      "Casey Morgan",
      "1 — Signed",
      "Scheduled review",
      "December 3, 2026",
      "December 2, 2026",
      "2 (plan start November 2, 2026)",
      "Problem 1: Alcohol use",
      "1.1  Identify three triggers for drinking and a coping response for each",
      "Status: Met (was in progress on the plan) · Measured now: 3",
      "Status: In progress · Measured now: 8.5",
      "Two full weeks; missed Thursday once.",
      "Problem 2: Co-occurring depression",
      "Measure: PHQ-9 below 10",
      "PHQ-9 down from 14 to 11.",
      "No note.",
      "Problem 3: Family conflict",
      "No — the plan continues as written.",
      "authenticator code",
      "typed name: “Casey Morgan”",
      "Safari on iPhone",
    ]) {
      expect(all).toContain(text);
    }
    expect(all).not.toContain("DRAFT — NOT SIGNED");
    const pages = pdfPageCount(pdf);
    expect(pdfTextByStream(pdf).join("\n")).toContain(`Page ${pages} of ${pages}`);
  });

  it("says when an objective has no progress entry, and watermarks a review that is not signed", async () => {
    const { pdf, written, all } = await render({
      ...INPUT,
      review: {
        ...PLAN_REVIEW,
        status: "draft",
        signatures: [],
        content: { ...PLAN_REVIEW.content, progress: PLAN_REVIEW.content.progress.slice(1) },
      },
    });
    expect(all).toContain("Status: Not reviewed");
    expect(all).toContain("Status: In progress (was not started on the plan)");
    const pages = pdfPageCount(pdf);
    for (let page = 1; page <= pages; page++) {
      expect(written.filter((w) => w.page === page).map((w) => w.text)).toContain("DRAFT — NOT SIGNED");
    }
  });

  it("prints the headings in Spanish for a Spanish plan", async () => {
    const { all } = await render({ ...INPUT, language: "es" });
    for (const text of [
      "Revisión del plan de tratamiento",
      "Revisión programada",
      "Progreso por objetivo",
      "Estado: Cumplido (en el plan: en curso) · Medición actual: 3",
      "Resumen",
      "No — el plan continúa como está escrito.",
      "código del autenticador",
    ]) {
      expect(all).toContain(text);
    }
  });

  it("flows a long summary and long notes onto further pages, nothing lost, the signatures after them", async () => {
    const sentence = "Casey talked through the week, the triggers she met and the responses she used. ";
    const long = sentence.repeat(60).trim();
    const { pdf, written } = await render({
      ...INPUT,
      review: {
        ...PLAN_REVIEW,
        content: {
          ...PLAN_REVIEW.content,
          summary: long,
          progress: PLAN_REVIEW.content.progress.map((p) => ({ ...p, note: sentence.repeat(8).trim() })),
        },
      },
    });
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(written.find((w) => w.text === long)).toBeTruthy();
    const signatures = written.find((w) => w.text === "Signatures")!;
    const summary = written.find((w) => w.text === long)!;
    expect(signatures.page).toBeGreaterThanOrEqual(summary.page);
    for (let page = 1; page <= pages; page++) {
      expect(written.filter((w) => w.page === page).map((w) => w.text)).toContain(`Page ${page} of ${pages}`);
    }
    renderPdfPage(pdf, 2, "treatment-plan-review-long-page-2");
  });

  it("renders its first page to PNG for a person to look at (test-results/)", async () => {
    const pdf = await renderReviewPdf(INPUT);
    const png = renderPdfPage(pdf, 1, "treatment-plan-review-page-1");
    if (png) expect(png).toMatch(/treatment-plan-review-page-1\.png$/);
    renderPdfPage(pdf, pdfPageCount(pdf), "treatment-plan-review-last-page");
  });
});
