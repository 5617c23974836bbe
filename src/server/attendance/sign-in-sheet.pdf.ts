import PDFDocument from "pdfkit";

/**
 * The printable sign-in sheet of one group session: the program, track, date, local time, room (or
 * video) and facilitators at the top, then one row per participant on the roster with space to sign
 * and the times in and out. Long rosters continue on further pages under a repeated header; every
 * page carries the 42 CFR Part 2 confidentiality line and its page number. US Letter, Helvetica
 * (the PDF standard font: names outside Latin-1 print with their closest letters missing).
 */

export interface SignInSheet {
  programName: string;
  siteName: string;
  trackName: string;
  /** "Tuesday, November 24, 2026". */
  date: string;
  /** "6:00 PM – 9:00 PM". */
  time: string;
  timeZone: string;
  /** The room's name, or "By video". */
  place: string;
  facilitators: readonly string[];
  /** Something staff should know about this occurrence (moved, substitute), or null. */
  note: string | null;
  /** Names as they are printed, in roster order. */
  participants: readonly string[];
  /** "Printed November 24, 2026 at 5:05 PM". */
  printed: string;
}

/** Every piece of text written, with the page it is on (tests read the sheet through it). */
export type TextSink = (text: string, page: number) => void;

/** The wording of the footer; Part 2 asks that disclosed records say they are protected. */
export const CONFIDENTIALITY_LINE =
  "Confidential: contains information protected by 42 CFR Part 2. Do not leave unattended; shred after filing.";

const PAGE = { width: 612, height: 792 };
const MARGIN = 48;
const FOOTER_HEIGHT = 36;
const ROW_HEIGHT = 30;
const HEADER_ROW_HEIGHT = 22;
const COLUMNS = [
  { title: "#", width: 28 },
  { title: "Participant", width: 190 },
  { title: "Signature", width: 166 },
  { title: "Time in", width: 66 },
  { title: "Time out", width: 66 },
] as const;
const TABLE_WIDTH = COLUMNS.reduce((sum, c) => sum + c.width, 0);
const INK = "#1a1a1a";
const RULE = "#8a8a8a";
const SHADE = "#ececec";

export function renderSignInSheet(sheet: SignInSheet, options: { onText?: TextSink } = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "LETTER",
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: "Sign-in sheet", Producer: "Bridgeway", Creator: "Bridgeway" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  let page = 1;
  const write = (text: string, x: number, y: number, opts: PDFKit.Mixins.TextOptions = {}) => {
    options.onText?.(text, page);
    doc.text(text, x, y, { lineBreak: false, ...opts });
  };
  const bottom = PAGE.height - MARGIN - FOOTER_HEIGHT;

  // ---- heading (first page) ----------------------------------------------------------------------
  doc.fillColor(INK);
  doc.font("Helvetica").fontSize(10);
  write(`${sheet.programName} · ${sheet.siteName}`, MARGIN, MARGIN, { width: TABLE_WIDTH, ellipsis: true });
  doc.font("Helvetica-Bold").fontSize(18);
  write("Sign-in sheet", MARGIN, MARGIN + 16);
  doc.fontSize(13);
  write(sheet.trackName, MARGIN, MARGIN + 42, { width: TABLE_WIDTH, ellipsis: true });

  const details: [string, string][] = [
    ["Date", sheet.date],
    ["Time", `${sheet.time} (${sheet.timeZone})`],
    ["Room", sheet.place],
    ["Facilitators", sheet.facilitators.length > 0 ? sheet.facilitators.join(", ") : "—"],
  ];
  let y = MARGIN + 66;
  for (const [label, value] of details) {
    doc.font("Helvetica-Bold").fontSize(10);
    write(label, MARGIN, y);
    doc.font("Helvetica");
    write(value, MARGIN + 80, y, { width: TABLE_WIDTH - 80, ellipsis: true });
    y += 15;
  }
  if (sheet.note) {
    doc.font("Helvetica-Oblique");
    write(sheet.note, MARGIN + 80, y, { width: TABLE_WIDTH - 80, ellipsis: true });
    y += 15;
  }
  doc.font("Helvetica").fontSize(9).fillColor("#444444");
  write(`${sheet.participants.length} on the roster · ${sheet.printed}`, MARGIN + 80, y);
  doc.fillColor(INK);
  y += 22;

  // ---- the table ------------------------------------------------------------------------------------
  const tableHeader = (top: number): number => {
    doc.rect(MARGIN, top, TABLE_WIDTH, HEADER_ROW_HEIGHT).fill(SHADE);
    doc.fillColor(INK).font("Helvetica-Bold").fontSize(10);
    let x = MARGIN;
    for (const column of COLUMNS) {
      write(column.title, x + 6, top + 7, { width: column.width - 12 });
      x += column.width;
    }
    return top + HEADER_ROW_HEIGHT;
  };
  const rowLines = (top: number, height: number) => {
    doc.lineWidth(0.6).strokeColor(RULE);
    doc.rect(MARGIN, top, TABLE_WIDTH, height).stroke();
    let x = MARGIN;
    for (const column of COLUMNS.slice(0, -1)) {
      x += column.width;
      doc
        .moveTo(x, top)
        .lineTo(x, top + height)
        .stroke();
    }
  };

  y = tableHeader(y);
  sheet.participants.forEach((name, index) => {
    if (y + ROW_HEIGHT > bottom) {
      doc.addPage();
      page += 1;
      doc.font("Helvetica").fontSize(10).fillColor(INK);
      write(`${sheet.trackName} · ${sheet.date} · ${sheet.time} (continued)`, MARGIN, MARGIN, {
        width: TABLE_WIDTH,
        ellipsis: true,
      });
      y = tableHeader(MARGIN + 20);
    }
    rowLines(y, ROW_HEIGHT);
    doc.font("Helvetica").fontSize(11).fillColor(INK);
    write(String(index + 1), MARGIN + 6, y + 10, { width: COLUMNS[0].width - 12 });
    write(name, MARGIN + COLUMNS[0].width + 6, y + 10, {
      width: COLUMNS[1].width - 12,
      height: ROW_HEIGHT - 10,
      ellipsis: true,
    });
    y += ROW_HEIGHT;
  });
  if (sheet.participants.length === 0) {
    doc.font("Helvetica-Oblique").fontSize(10);
    write("Nobody is enrolled in this session.", MARGIN + 6, y + 10);
  }

  // ---- footers, now that the page count is known --------------------------------------------------
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    page = i + 1;
    // Writing below the bottom margin would start a new page: lift the margin while the footer is drawn.
    doc.page.margins.bottom = 0;
    const footerY = PAGE.height - MARGIN - 14;
    doc.lineWidth(0.6).strokeColor(RULE);
    doc
      .moveTo(MARGIN, footerY - 8)
      .lineTo(MARGIN + TABLE_WIDTH, footerY - 8)
      .stroke();
    doc.font("Helvetica").fontSize(8).fillColor(INK);
    write(CONFIDENTIALITY_LINE, MARGIN, footerY, { width: TABLE_WIDTH - 70 });
    write(`Page ${page} of ${range.count}`, MARGIN + TABLE_WIDTH - 70, footerY, {
      width: 70,
      align: "right",
    });
    doc.page.margins.bottom = MARGIN;
  }
  doc.end();
  return done;
}
