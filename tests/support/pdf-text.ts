import { inflateSync } from "node:zlib";

/**
 * A small look inside a PDF written by pdfkit, without a PDF library: the page count from the page
 * tree, and the text of each content stream (pdfkit writes standard-font text as hex strings in
 * TJ arrays, one character code per byte in WinAnsi).
 */

/** WinAnsi (Windows-1252) differs from Latin-1 in 0x80–0x9F: the characters a sheet may use there. */
const WIN_ANSI = new Map<number, string>([
  [0x85, "…"],
  [0x91, "‘"],
  [0x92, "’"],
  [0x93, "“"],
  [0x94, "”"],
  [0x95, "•"],
  [0x96, "–"],
  [0x97, "—"],
]);

function decodeWinAnsi(bytes: Buffer): string {
  return [...bytes].map((b) => WIN_ANSI.get(b) ?? String.fromCharCode(b)).join("");
}

export function pdfPageCount(pdf: Buffer): number {
  const match = /\/Type \/Pages\s*\/Count (\d+)/.exec(pdf.toString("latin1"));
  if (!match) throw new Error("no page tree in this PDF");
  return Number(match[1]);
}

/** The text shown by each content stream (in page order for pdfkit's documents), one string per stream. */
export function pdfTextByStream(pdf: Buffer): string[] {
  const texts: string[] = [];
  const raw = pdf.toString("latin1");
  const streamStart = /\/Filter \/FlateDecode[^>]*>>\s*stream\r?\n/g;
  for (let match = streamStart.exec(raw); match; match = streamStart.exec(raw)) {
    const from = match.index + match[0].length;
    const to = raw.indexOf("endstream", from);
    let content: string;
    try {
      content = inflateSync(pdf.subarray(from, to)).toString("latin1");
    } catch {
      continue;
    }
    const shown: string[] = [];
    for (const array of content.matchAll(/\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ/g)) {
      const hex = [...array[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join("");
      shown.push(decodeWinAnsi(Buffer.from(hex, "hex")));
    }
    if (shown.length > 0) texts.push(shown.join("\n"));
  }
  return texts;
}
