import { describe, expect, it } from "vitest";
import { pdfPageCount, pdfTextByStream } from "../../../tests/support/pdf-text";
import { CONFIDENTIALITY_LINE, renderSignInSheet, type SignInSheet } from "./sign-in-sheet.pdf";

const SHEET: SignInSheet = {
  programName: "Test Recovery Center",
  siteName: "Riverside",
  trackName: "Adult evening",
  date: "Tuesday, November 24, 2026",
  time: "6:00 PM – 9:00 PM",
  timeZone: "America/New_York",
  place: "Room 2",
  facilitators: ["Avery Counselor", "Jordan Lee"],
  note: null,
  participants: ["Ana Alvarez", "Bea Bravo", "Carl Cole"],
  printed: "Printed November 24, 2026 at 5:05 PM",
};

async function render(sheet: SignInSheet) {
  const written: { text: string; page: number }[] = [];
  const pdf = await renderSignInSheet(sheet, { onText: (text, page) => written.push({ text, page }) });
  const onPage = (page: number) => written.filter((w) => w.page === page).map((w) => w.text);
  return { pdf, written, onPage };
}

const roster = (n: number) =>
  Array.from({ length: n }, (_, i) => `Participant ${String(i + 1).padStart(2, "0")} Example`);

describe("sign-in sheet PDF", () => {
  it("is a one-page PDF with the session's details, a row per participant and the Part 2 footer", async () => {
    const { pdf, onPage } = await render(SHEET);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.subarray(-6).toString("latin1")).toContain("%%EOF");
    expect(pdfPageCount(pdf)).toBe(1);
    const page = onPage(1);
    for (const text of [
      "Test Recovery Center · Riverside",
      "Sign-in sheet",
      "Adult evening",
      "Tuesday, November 24, 2026",
      "6:00 PM – 9:00 PM (America/New_York)",
      "Room 2",
      "Avery Counselor, Jordan Lee",
      "Participant",
      "Signature",
      "Time in",
      "Time out",
      "Ana Alvarez",
      "Bea Bravo",
      "Carl Cole",
      CONFIDENTIALITY_LINE,
      "Page 1 of 1",
    ]) {
      expect(page).toContain(text);
    }
    expect(CONFIDENTIALITY_LINE).toMatch(/^Confidential: contains information protected by 42 CFR Part 2\./);
  });

  it("really writes the names into the page's content (read back from the PDF itself)", async () => {
    const { pdf } = await render(SHEET);
    const text = pdfTextByStream(pdf).join("\n");
    expect(text).toContain("Bea Bravo");
    expect(text).toContain("Page 1 of 1");
  });

  it("continues a long roster on further pages, repeating the header, numbering every page", async () => {
    const { pdf, written, onPage } = await render({ ...SHEET, participants: roster(45) });
    expect(pdfPageCount(pdf)).toBe(3);
    for (const page of [1, 2, 3]) {
      expect(onPage(page)).toContain(`Page ${page} of 3`);
      expect(onPage(page)).toContain(CONFIDENTIALITY_LINE);
      expect(onPage(page)).toContain("Signature");
    }
    expect(onPage(2)).toContain("Adult evening · Tuesday, November 24, 2026 · 6:00 PM – 9:00 PM (continued)");
    // Every name once, in order, with its row number, none lost at a page break.
    const names = written.filter((w) => w.text.startsWith("Participant ") && w.text.endsWith("Example"));
    expect(names.map((w) => w.text)).toEqual(roster(45));
    expect(names[0]!.page).toBe(1);
    expect(names.at(-1)!.page).toBe(3);
    const numbers = written.filter((w) => /^\d+$/.test(w.text)).map((w) => Number(w.text));
    expect(numbers).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
    // The structure agrees: three page-content streams, the last name on the last.
    const streams = pdfTextByStream(pdf);
    expect(streams.at(-1)).toContain("Participant 45 Example");
  });

  it("says so when nobody is enrolled, and notes a moved session", async () => {
    const { onPage } = await render({
      ...SHEET,
      participants: [],
      note: "Moved from Thursday, November 26, 2026 at 6:00 PM.",
    });
    expect(onPage(1)).toContain("Nobody is enrolled in this session.");
    expect(onPage(1)).toContain("Moved from Thursday, November 26, 2026 at 6:00 PM.");
  });
});
