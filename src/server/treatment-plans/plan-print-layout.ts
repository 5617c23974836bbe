import PDFDocument from "pdfkit";
import { shortNameOf } from "../../core/assessments/short-names";
import type {
  Comparator,
  ObjectiveMeasure,
  ObjectiveStatus,
  PlanLanguage,
  ProblemSourceKind,
  SignatureRole,
} from "../../core/treatment-plans/plan.schema";
import type { Signature } from "../../core/treatment-plans/plan-api.schema";
import { describeMeasure } from "../../core/treatment-plans/plan-diff.rules";
import type { ReviewReason } from "../../core/treatment-plans/review.schema";
import { CONFIDENTIALITY_LINE, type TextSink } from "../attendance/sign-in-sheet.pdf";

/**
 * The page furniture shared by the printed treatment plan and its reviews: US Letter with margins, a
 * running header naming the participant on every page after the first, a footer with the program's
 * name, the 42 CFR Part 2 line and "Page x of y", a "DRAFT — NOT SIGNED" watermark across every page
 * of an unsigned document, headings that never sit alone at a page's foot, and the words of both
 * languages. Helvetica (the PDF standard font) covers Western European text (WinAnsi); other
 * characters print as "?".
 */

export type { TextSink };

export interface PrintHeader {
  programName: string;
  siteName: string;
  participant: { name: string; bornOn: string };
  printedAt: Date;
  timeZone: string;
  language: PlanLanguage;
}

const PAGE = { width: 612, height: 792 };
export const MARGIN = 54;
const FOOTER_HEIGHT = 40;
const HEADER_HEIGHT = 28;
export const CONTENT_WIDTH = PAGE.width - 2 * MARGIN;
const INK = "#1a1a1a";
const MUTED = "#555555";
const RULE = "#9a9a9a";
const ACCENT = "#1f4e79";

/** Everything printed on a plan or review, in English and Spanish. */
export const WORDS = {
  en: {
    planTitle: "Treatment plan",
    reviewTitle: "Treatment plan review",
    participant: "Participant",
    bornOn: "Date of birth",
    version: "Version",
    status: "Status",
    startsOn: "Plan start",
    printed: "Printed",
    problem: "Problem",
    sources: "Based on",
    goal: "Goal",
    inTheirWords: "In the participant's words",
    clinicalGoal: "Clinical goal",
    objectives: "Objectives",
    measure: "Measure",
    target: "Target date",
    interventions: "Interventions",
    strengths: "Strengths",
    barriers: "Barriers",
    dischargeCriteria: "Discharge criteria",
    signatures: "Signatures",
    awaitingSignature: "Not signed yet",
    signedBy: "Signed by",
    method: "Method",
    signedAt: "Date and time",
    device: "Device",
    none: "None recorded.",
    noMeasure: "No measure yet",
    noTarget: "No target date yet",
    noProblems: "No problems have been written yet.",
    draftWatermark: "DRAFT — NOT SIGNED",
    continued: "continued",
    review: "Review",
    reason: "Reason",
    dueOn: "Due",
    heldOn: "Held",
    reviewedVersion: "Plan version reviewed",
    progress: "Progress per objective",
    value: "Measured now",
    note: "Progress",
    summary: "Summary",
    planChangesNeeded: "Plan changes needed",
    yes: "Yes — a revised plan follows.",
    no: "No — the plan continues as written.",
    noNote: "No note.",
    objectiveNotInReview: "Not reviewed",
    wasStatus: (status: string) => `was ${status} on the plan`,
    page: (n: number, of: number) => `Page ${n} of ${of}`,
    confidentiality: CONFIDENTIALITY_LINE,
    versionStatus: {
      draft: "Draft",
      awaiting_signatures: "Awaiting signatures",
      signed: "Signed",
      superseded: "Superseded by a later version",
    },
    reviewStatus: { draft: "Draft", awaiting_signatures: "Awaiting signatures", signed: "Signed" },
    objectiveStatus: {
      not_started: "Not started",
      in_progress: "In progress",
      met: "Met",
      revised: "Revised",
      discontinued: "Discontinued",
    } satisfies Record<ObjectiveStatus, string>,
    role: {
      clinician: "Clinician",
      participant: "Participant",
      supervisor: "Supervisor (co-signature)",
    } satisfies Record<SignatureRole, string>,
    methods: {
      password: "re-entered password",
      totp: "authenticator code",
      typedName: (name: string) => `typed name: “${name}”`,
    },
    sourceKind: {
      diagnosis: "Diagnosis",
      assessment: "Assessment",
      asam_dimension: "ASAM dimension",
      participant_words: "Participant's words",
    } satisfies Record<ProblemSourceKind, string>,
    reviewReason: {
      scheduled: "Scheduled review",
      level_of_care_change: "Level-of-care change",
      critical_alert: "Critical alert",
      discharge_planning: "Discharge planning",
    } satisfies Record<ReviewReason, string>,
  },
  es: {
    planTitle: "Plan de tratamiento",
    reviewTitle: "Revisión del plan de tratamiento",
    participant: "Participante",
    bornOn: "Fecha de nacimiento",
    version: "Versión",
    status: "Estado",
    startsOn: "Inicio del plan",
    printed: "Impreso",
    problem: "Problema",
    sources: "Basado en",
    goal: "Meta",
    inTheirWords: "En palabras del participante",
    clinicalGoal: "Meta clínica",
    objectives: "Objetivos",
    measure: "Medida",
    target: "Fecha meta",
    interventions: "Intervenciones",
    strengths: "Fortalezas",
    barriers: "Barreras",
    dischargeCriteria: "Criterios de alta",
    signatures: "Firmas",
    awaitingSignature: "Aún sin firmar",
    signedBy: "Firmado por",
    method: "Método",
    signedAt: "Fecha y hora",
    device: "Dispositivo",
    none: "Nada registrado.",
    noMeasure: "Sin medida todavía",
    noTarget: "Sin fecha meta todavía",
    noProblems: "Todavía no se ha escrito ningún problema.",
    draftWatermark: "BORRADOR — SIN FIRMAR",
    continued: "continuación",
    review: "Revisión",
    reason: "Motivo",
    dueOn: "Vence",
    heldOn: "Realizada",
    reviewedVersion: "Versión del plan revisada",
    progress: "Progreso por objetivo",
    value: "Medición actual",
    note: "Progreso",
    summary: "Resumen",
    planChangesNeeded: "Cambios al plan",
    yes: "Sí — sigue un plan revisado.",
    no: "No — el plan continúa como está escrito.",
    noNote: "Sin nota.",
    objectiveNotInReview: "No revisado",
    wasStatus: (status: string) => `en el plan: ${status}`,
    page: (n: number, of: number) => `Página ${n} de ${of}`,
    confidentiality:
      "Confidencial: contiene información protegida por 42 CFR Parte 2. No lo deje sin vigilancia; destrúyalo tras archivarlo.",
    versionStatus: {
      draft: "Borrador",
      awaiting_signatures: "Pendiente de firmas",
      signed: "Firmado",
      superseded: "Reemplazado por una versión posterior",
    },
    reviewStatus: { draft: "Borrador", awaiting_signatures: "Pendiente de firmas", signed: "Firmada" },
    objectiveStatus: {
      not_started: "No iniciado",
      in_progress: "En curso",
      met: "Cumplido",
      revised: "Revisado",
      discontinued: "Suspendido",
    },
    role: {
      clinician: "Profesional clínico",
      participant: "Participante",
      supervisor: "Supervisor (firma conjunta)",
    },
    methods: {
      password: "contraseña reingresada",
      totp: "código del autenticador",
      typedName: (name: string) => `nombre escrito: “${name}”`,
    },
    sourceKind: {
      diagnosis: "Diagnóstico",
      assessment: "Evaluación",
      asam_dimension: "Dimensión ASAM",
      participant_words: "Palabras del participante",
    },
    reviewReason: {
      scheduled: "Revisión programada",
      level_of_care_change: "Cambio de nivel de atención",
      critical_alert: "Alerta crítica",
      discharge_planning: "Planificación del alta",
    },
  },
} as const;
export type Words = (typeof WORDS)[PlanLanguage];

/** Characters Helvetica can print (WinAnsi): Latin-1 and the punctuation pdfkit maps into 0x80–0x9F. */
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

/** Text as the standard font can print it: spaces that Intl uses become plain spaces, anything else unknown "?". */
export function printable(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\u00a0\u2007\u202f]/g, " ")
    .replace(/[^\n\t\u0020-\u007e\u00a1-\u00ff]/gu, (c) => (WIN_ANSI_EXTRA.has(c) ? c : "?"));
}

function locale(language: PlanLanguage): string {
  return language === "es" ? "es-US" : "en-US";
}

/** "2026-11-02" as "November 2, 2026" / "2 de noviembre de 2026". */
export function longDate(isoDate: string, language: PlanLanguage): string {
  return new Intl.DateTimeFormat(locale(language), { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(`${isoDate}T12:00:00Z`),
  );
}

/** An instant as the local date and time in the zone, with the zone's abbreviation and name. */
export function localDateTime(instant: Date, timeZone: string, language: PlanLanguage): string {
  const when = new Intl.DateTimeFormat(locale(language), {
    dateStyle: "long",
    timeStyle: "short",
    timeZone,
  }).format(instant);
  const zone =
    new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" })
      .formatToParts(instant)
      .find((p) => p.type === "timeZoneName")?.value ?? "";
  return `${when} ${zone} (${timeZone})`;
}

const SPANISH_COMPARATORS: Record<Comparator, string> = {
  below: "por debajo de",
  at_most: "como máximo",
  at_least: "al menos",
  above: "por encima de",
};

/**
 * An objective's measure in the plan's language: the core's English words (describeMeasure), or the
 * same phrases in Spanish. A count's unit and an observed description are the clinician's own text.
 */
export function describeMeasureIn(measure: ObjectiveMeasure, language: PlanLanguage): string {
  if (language === "en") return describeMeasure(measure);
  const number = (n: number) => new Intl.NumberFormat("es-US", { maximumFractionDigits: 2 }).format(n);
  switch (measure.kind) {
    case "instrument": {
      const name = shortNameOf(measure.instrumentKey);
      return `${name} ${SPANISH_COMPARATORS[measure.comparator]} ${measure.value}`;
    }
    case "weekly_hours": {
      const hours = `${number(measure.minimumHours)} ${measure.minimumHours === 1 ? "hora" : "horas"}`;
      const weeks =
        measure.consecutiveWeeks === 1 ? "1 semana" : `${measure.consecutiveWeeks} semanas seguidas`;
      return `Al menos ${hours} por semana durante ${weeks}`;
    }
    case "count":
      return `${measure.target} ${measure.unit.trim()}`;
    case "observed":
      return measure.description.trim();
  }
}

/** How a signature was given, in words. */
export function describeSignatureMethod(signature: Signature, words: Words): string {
  if (signature.method === "typed_name") return words.methods.typedName(signature.typedName ?? "");
  return words.methods[signature.method];
}

export interface PlanPrinter {
  doc: PDFKit.PDFDocument;
  words: Words;
  /** Start a new page when fewer than `height` points are left above the footer. */
  keepSpace(height: number): void;
  /** A section heading, kept with at least `keepWith` points of what follows. */
  heading(text: string, options?: { size?: number; keepWith?: number }): void;
  /** A label in bold followed by its value, wrapping under the value. */
  field(label: string, value: string, options?: { indent?: number; labelWidth?: number }): void;
  /** Running text. */
  paragraph(
    text: string,
    options?: { indent?: number; bold?: boolean; italic?: boolean; color?: string; size?: number },
  ): void;
  /** A bulleted list, or the "none recorded" line when empty. */
  bullets(items: readonly string[], options?: { indent?: number }): void;
  /** The signature block: one entry per required role, signed or awaiting. */
  signatures(required: readonly SignatureRole[], signatures: readonly Signature[]): void;
  gap(points: number): void;
  /** Finish the pages (header, footer, watermark) and return the PDF. */
  finish(options: { watermark: boolean }): Promise<Buffer>;
}

/**
 * A document for one plan or review. The first page opens with the program, the title and the
 * participant; later pages carry a one-line running header (`runningTitle`).
 */
export function createPlanPrinter(
  header: PrintHeader,
  titles: { title: string; runningTitle: string; pdfTitle: string },
  onText?: TextSink,
): PlanPrinter {
  const words = WORDS[header.language];
  const doc = new PDFDocument({
    size: "LETTER",
    margins: { top: MARGIN, bottom: MARGIN + FOOTER_HEIGHT, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: titles.pdfTitle, Producer: "Bridgeway", Creator: "Bridgeway" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  let page = 1;
  const bottom = () => PAGE.height - MARGIN - FOOTER_HEIGHT;
  // The body's current type, restored after the running header of a page the text flowed onto.
  let style = { font: "Helvetica", size: 10, color: INK };
  const setStyle = (font: string, size: number, color: string = INK) => {
    style = { font, size, color };
    doc.font(font).fontSize(size).fillColor(color);
  };
  const write = (
    text: string,
    x: number | undefined,
    y: number | undefined,
    opts: PDFKit.Mixins.TextOptions,
  ) => {
    const shown = printable(text);
    onText?.(shown, page);
    if (x === undefined) doc.text(shown, opts);
    else doc.text(shown, x, y, opts);
  };

  doc.on("pageAdded", () => {
    page += 1;
    const y = MARGIN;
    doc.font("Helvetica").fontSize(8.5).fillColor(MUTED);
    write(`${titles.runningTitle} (${words.continued})`, MARGIN, y, {
      width: CONTENT_WIDTH,
      lineBreak: false,
      ellipsis: true,
    });
    doc
      .lineWidth(0.5)
      .strokeColor(RULE)
      .moveTo(MARGIN, y + 13)
      .lineTo(MARGIN + CONTENT_WIDTH, y + 13)
      .stroke();
    doc.font(style.font).fontSize(style.size).fillColor(style.color);
    doc.x = MARGIN;
    doc.y = MARGIN + HEADER_HEIGHT;
  });

  const keepSpace = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };

  // ---- opening of the first page --------------------------------------------------------------------
  doc.font("Helvetica").fontSize(9.5).fillColor(MUTED);
  write(`${header.programName} · ${header.siteName}`, MARGIN, MARGIN, {
    width: CONTENT_WIDTH,
    lineBreak: false,
    ellipsis: true,
  });
  doc.font("Helvetica-Bold").fontSize(20).fillColor(ACCENT);
  write(titles.title, MARGIN, MARGIN + 16, { width: CONTENT_WIDTH });
  doc.fillColor(INK);
  doc.y += 4;

  const printer: PlanPrinter = {
    doc,
    words,
    keepSpace,
    heading(text, options = {}) {
      const size = options.size ?? 13;
      doc.font("Helvetica-Bold").fontSize(size);
      const height = doc.heightOfString(printable(text), { width: CONTENT_WIDTH });
      keepSpace(height + 6 + (options.keepWith ?? 48));
      if (size >= 13 && doc.y > MARGIN + HEADER_HEIGHT + 1) doc.y += 6;
      setStyle("Helvetica-Bold", size, size >= 13 ? ACCENT : INK);
      write(text, MARGIN, doc.y, { width: CONTENT_WIDTH });
      if (size >= 13) {
        doc
          .lineWidth(0.6)
          .strokeColor(RULE)
          .moveTo(MARGIN, doc.y + 1)
          .lineTo(MARGIN + CONTENT_WIDTH, doc.y + 1)
          .stroke();
      }
      doc.y += 5;
    },
    field(label, value, options = {}) {
      const indent = options.indent ?? 0;
      const labelWidth = options.labelWidth ?? 118;
      doc.font("Helvetica").fontSize(10);
      const valueWidth = CONTENT_WIDTH - indent - labelWidth;
      const height = doc.heightOfString(printable(value), { width: valueWidth });
      keepSpace(Math.min(height, 40));
      const top = doc.y;
      const startPage = page;
      setStyle("Helvetica-Bold", 10, MUTED);
      write(label, MARGIN + indent, top, { width: labelWidth - 8 });
      const afterLabel = doc.y;
      setStyle("Helvetica", 10);
      write(value, MARGIN + indent + labelWidth, top, { width: valueWidth });
      // A long value may flow onto the next page, where the label's end means nothing.
      doc.y = (page === startPage ? Math.max(doc.y, afterLabel) : doc.y) + 2;
    },
    paragraph(text, options = {}) {
      const indent = options.indent ?? 0;
      const font = options.bold ? "Helvetica-Bold" : options.italic ? "Helvetica-Oblique" : "Helvetica";
      doc.font(font).fontSize(options.size ?? 10);
      keepSpace(Math.min(doc.heightOfString(printable(text), { width: CONTENT_WIDTH - indent }), 40));
      setStyle(font, options.size ?? 10, options.color ?? INK);
      write(text, MARGIN + indent, doc.y, { width: CONTENT_WIDTH - indent });
      doc.y += 3;
    },
    bullets(items, options = {}) {
      const indent = options.indent ?? 0;
      if (items.length === 0) {
        printer.paragraph(words.none, { indent, italic: true, color: MUTED });
        return;
      }
      for (const item of items) {
        keepSpace(14);
        setStyle("Helvetica", 10);
        const top = doc.y;
        doc.text("•", MARGIN + indent, top, { width: 10, lineBreak: false });
        write(item, MARGIN + indent + 12, top, { width: CONTENT_WIDTH - indent - 12 });
        doc.y += 2;
      }
      doc.y += 2;
    },
    signatures(required, signatures) {
      const roles = [...required];
      for (const s of signatures) if (!roles.includes(s.role)) roles.push(s.role);
      // The whole block on one page when it fits there: a signature line alone on a last page reads badly.
      const blockHeight = roles.reduce(
        (sum, role) => sum + (signatures.some((s) => s.role === role) ? 84 : 50),
        0,
      );
      printer.heading(words.signatures, {
        keepWith: Math.min(blockHeight, bottom() - MARGIN - HEADER_HEIGHT - 40),
      });
      for (const role of roles) {
        const signature = signatures.find((s) => s.role === role);
        keepSpace(signature ? 70 : 46);
        setStyle("Helvetica-Bold", 10.5);
        write(words.role[role], MARGIN, doc.y, { width: CONTENT_WIDTH });
        doc.y += 2;
        if (signature) {
          printer.field(words.signedBy, signature.signer.displayName, { indent: 12 });
          printer.field(words.method, describeSignatureMethod(signature, words), { indent: 12 });
          printer.field(
            words.signedAt,
            localDateTime(new Date(signature.signedAt), header.timeZone, header.language),
            { indent: 12 },
          );
          if (signature.device) printer.field(words.device, signature.device, { indent: 12 });
        } else {
          const lineY = doc.y + 18;
          doc
            .lineWidth(0.6)
            .strokeColor(RULE)
            .moveTo(MARGIN + 12, lineY)
            .lineTo(MARGIN + 300, lineY)
            .stroke();
          setStyle("Helvetica-Oblique", 9, MUTED);
          write(words.awaitingSignature, MARGIN + 12, lineY + 3, { width: 288 });
        }
        doc.y += 8;
      }
    },
    gap(points) {
      doc.y += points;
    },
    finish({ watermark }) {
      const range = doc.bufferedPageRange();
      for (let i = range.start; i < range.start + range.count; i++) {
        doc.switchToPage(i);
        page = i + 1;
        // Drawing below the bottom margin would start a new page: lift it while the footer is drawn.
        doc.page.margins.bottom = 0;
        if (watermark) {
          doc.save();
          doc.rotate(-40, { origin: [PAGE.width / 2, PAGE.height / 2] });
          // As large as fits across the page's diagonal on one line, in either language.
          let size = 54;
          doc.font("Helvetica-Bold").fontSize(size);
          while (size > 24 && doc.widthOfString(words.draftWatermark) > 640) doc.fontSize(--size);
          const width = doc.widthOfString(words.draftWatermark);
          doc.fillColor("#b22222").fillOpacity(0.13);
          write(words.draftWatermark, (PAGE.width - width) / 2, PAGE.height / 2 - size / 2, {
            lineBreak: false,
          });
          doc.restore();
          doc.fillOpacity(1);
        }
        const footerY = PAGE.height - MARGIN - 22;
        doc
          .lineWidth(0.6)
          .strokeColor(RULE)
          .moveTo(MARGIN, footerY - 6)
          .lineTo(MARGIN + CONTENT_WIDTH, footerY - 6)
          .stroke();
        doc.font("Helvetica-Bold").fontSize(8).fillColor(INK);
        write(header.programName, MARGIN, footerY, {
          width: CONTENT_WIDTH - 80,
          lineBreak: false,
          ellipsis: true,
        });
        write(words.page(page, range.count), MARGIN + CONTENT_WIDTH - 80, footerY, {
          width: 80,
          align: "right",
          lineBreak: false,
        });
        doc.font("Helvetica").fontSize(7.5).fillColor(MUTED);
        write(words.confidentiality, MARGIN, footerY + 11, { width: CONTENT_WIDTH, lineBreak: false });
        doc.page.margins.bottom = MARGIN + FOOTER_HEIGHT;
      }
      doc.end();
      return done;
    },
  };
  return printer;
}

/** The opening lines under the title: participant, date of birth, then the document's own facts. */
export function writeOpening(
  printer: PlanPrinter,
  header: PrintHeader,
  facts: readonly [string, string][],
): void {
  const { words } = printer;
  printer.field(words.participant, header.participant.name);
  printer.field(words.bornOn, longDate(header.participant.bornOn, header.language));
  for (const [label, value] of facts) printer.field(label, value);
  printer.field(words.printed, localDateTime(header.printedAt, header.timeZone, header.language));
  printer.gap(10);
}
