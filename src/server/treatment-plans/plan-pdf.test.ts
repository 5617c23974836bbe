import { describe, expect, it } from "vitest";
import { renderPdfPage } from "../../../tests/support/pdf-render";
import { pdfPageCount, pdfTextByStream } from "../../../tests/support/pdf-text";
import { CONFIDENTIALITY_LINE } from "../attendance/sign-in-sheet.pdf";
import { type PlanPdfInput, renderPlanPdf } from "./plan-pdf";
import { PLAN_VERSION } from "./plan-pdf.test-data";

const INPUT: PlanPdfInput = {
  programName: "Test Recovery Center",
  siteName: "Riverside",
  participant: { name: "Casey Morgan", bornOn: "1990-04-12" },
  version: PLAN_VERSION,
  printedAt: new Date("2026-11-24T15:05:00Z"),
  timeZone: "America/New_York",
  language: "en",
};

async function render(input: PlanPdfInput) {
  const written: { text: string; page: number }[] = [];
  const pdf = await renderPlanPdf(input, { onText: (text, page) => written.push({ text, page }) });
  const all = written.map((w) => w.text);
  const onPage = (page: number) => written.filter((w) => w.page === page).map((w) => w.text);
  return { pdf, written, all, onPage };
}

describe("treatment plan PDF", () => {
  it("prints the participant, the version, every problem with its sources, goal, objectives and interventions", async () => {
    const { pdf, all } = await render(INPUT);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    for (const text of [
      "Test Recovery Center · Riverside",
      "Treatment plan",
      "Casey Morgan",
      "April 12, 1990",
      "2 — Signed",
      "November 2, 2026",
      "Problem 1: Alcohol use",
      "Problem 2: Co-occurring depression",
      "Problem 3: Family conflict",
      "“I want to stop drinking and keep my job.”",
      "Measure: PHQ-9 below 10",
      "Measure: At least 9 hours a week for 4 consecutive weeks",
      "Target date: November 30, 2026 · Status: In progress",
      "Target date: December 7, 2026 · Status: Met",
      "Family session — every other week — Family therapist",
      "Supportive partner",
      "No car: relies on the bus",
      "A written relapse-prevention plan shared with a support person",
    ]) {
      expect(all).toContain(text);
    }
    expect(all.find((t) => t.startsWith("Diagnosis: F10.20"))).toContain(
      "Assessment: AUDIT 24 (high risk) on 2026-10-28",
    );
  });

  it("prints each signature's role, signer, method, local time with its zone and device; no watermark once signed", async () => {
    const { all, pdf } = await render(INPUT);
    for (const text of [
      "Signatures",
      "Clinician",
      "Participant",
      "typed name: “Casey Morgan”",
      "re-entered password",
      "Chrome on Android",
      // 22:40 UTC on November 3 is 5:40 PM in New York (standard time).
      "November 3, 2026 at 5:40 PM EST (America/New_York)",
    ]) {
      expect(all).toContain(text);
    }
    expect(all).not.toContain("DRAFT — NOT SIGNED");
    expect(pdfTextByStream(pdf).join("\n")).not.toContain("DRAFT");
  });

  it("keeps the signature block on one page", async () => {
    const { written } = await render(INPUT);
    const pageOf = (text: string) => written.find((w) => w.text === text)!.page;
    expect(pageOf("Chrome on Android")).toBe(pageOf("Signatures"));
    expect(pageOf("Firefox on Windows")).toBe(pageOf("Signatures"));
  });

  it("numbers every page, names the program and carries the Part 2 line in each footer", async () => {
    const { pdf, onPage } = await render(INPUT);
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    for (let page = 1; page <= pages; page++) {
      expect(onPage(page)).toContain(`Page ${page} of ${pages}`);
      expect(onPage(page)).toContain("Test Recovery Center");
      expect(onPage(page)).toContain(CONFIDENTIALITY_LINE);
    }
    expect(onPage(2)).toContain("Treatment plan · Casey Morgan · Version 2 (continued)");
    const text = pdfTextByStream(pdf).join("\n");
    expect(text).toContain("Problem 3: Family conflict");
    expect(text).toContain(`Page ${pages} of ${pages}`);
  });

  it("watermarks every page of an unsigned version and leaves the missing signatures open", async () => {
    const { pdf, onPage, all } = await render({
      ...INPUT,
      version: { ...PLAN_VERSION, status: "awaiting_signatures", signedAt: null, signatures: [] },
    });
    const pages = pdfPageCount(pdf);
    for (let page = 1; page <= pages; page++) expect(onPage(page)).toContain("DRAFT — NOT SIGNED");
    expect(all).toContain("2 — Awaiting signatures");
    expect(all.filter((t) => t === "Not signed yet")).toHaveLength(2);
  });

  it("never leaves a heading alone at the foot of a page", async () => {
    // Many short problems push headings to every possible height on the page.
    const problems = Array.from({ length: 12 }, (_, i) => ({
      ...PLAN_VERSION.content.problems[i % 3]!,
      title: `Problem title ${i + 1}`,
    }));
    const { written } = await render({
      ...INPUT,
      version: { ...PLAN_VERSION, content: { ...PLAN_VERSION.content, problems } },
    });
    const headings = new Set(["Goal", "Objectives", "Interventions", "Strengths", "Barriers", "Signatures"]);
    for (const [index, entry] of written.entries()) {
      if (!headings.has(entry.text) && !/^Problem \d+: /.test(entry.text)) continue;
      // The next thing written in the body is on the same page as its heading.
      const next = written
        .slice(index + 1)
        .find((w) => !w.text.startsWith("Page ") && w.text !== "Test Recovery Center");
      expect(next?.page, `what follows “${entry.text}”`).toBe(entry.page);
    }
  });

  it("prints the headings in Spanish for a Spanish version", async () => {
    const { all } = await render({
      ...INPUT,
      language: "es",
      version: { ...PLAN_VERSION, language: "es", status: "draft", signatures: [] },
    });
    for (const text of [
      "Plan de tratamiento",
      "Problema 1: Alcohol use",
      "Meta",
      "Objetivos",
      "Intervenciones",
      "Fortalezas",
      "Criterios de alta",
      "Firmas",
      "BORRADOR — SIN FIRMAR",
      "12 de abril de 1990",
      "Fecha meta: 30 de noviembre de 2026 · Estado: En curso",
      "Medida: PHQ-9 por debajo de 10",
      "Medida: Al menos 9 horas por semana durante 4 semanas seguidas",
    ]) {
      expect(all).toContain(text);
    }
    expect(all.some((t) => t.startsWith("Página 1 de "))).toBe(true);
  });

  it("renders the pages to PNG for a person to look at (test-results/)", async () => {
    const signed = await renderPlanPdf(INPUT);
    const draft = await renderPlanPdf({
      ...INPUT,
      version: { ...PLAN_VERSION, status: "awaiting_signatures", signatures: [PLAN_VERSION.signatures[0]!] },
    });
    const pages = pdfPageCount(signed);
    for (let page = 1; page <= pages; page++) renderPdfPage(signed, page, `treatment-plan-page-${page}`);
    const png = renderPdfPage(draft, 1, "treatment-plan-draft-page-1");
    if (png) expect(png).toMatch(/treatment-plan-draft-page-1\.png$/);
  });
});
