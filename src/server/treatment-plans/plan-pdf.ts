import type { Objective, PlanLanguage, Problem } from "../../core/treatment-plans/plan.schema";
import type { VersionDetail } from "../../core/treatment-plans/plan-api.schema";
import {
  createPlanPrinter,
  describeMeasureIn,
  longDate,
  type PlanPrinter,
  type PrintHeader,
  type TextSink,
  WORDS,
  writeOpening,
} from "./plan-print-layout";

/**
 * One version of a treatment plan as a PDF for the chart, the participant and the payer: who it is
 * for, the version and its status, then each problem with where it comes from, its goal (the
 * participant's words and the clinical restatement), its measurable objectives and the interventions
 * that serve it; strengths, barriers and discharge criteria; and the signatures with how, when (local
 * time and zone) and on what device each was given. A version that is not signed is watermarked
 * "DRAFT — NOT SIGNED" on every page. Headings follow the version's language.
 */

export interface PlanPdfInput {
  programName: string;
  siteName: string;
  participant: { name: string; bornOn: string };
  version: VersionDetail;
  printedAt: Date;
  timeZone: string;
  language: PlanLanguage;
}

function writeObjective(printer: PlanPrinter, objective: Objective, number: string, language: PlanLanguage) {
  const { doc, words } = printer;
  const indent = 14;
  const statement = `${number}  ${objective.statement.trim() || "—"}`;
  doc.font("Helvetica-Bold").fontSize(10);
  // Keep an objective's statement with its measure, target and status.
  printer.keepSpace(doc.heightOfString(statement, { width: 470 }) + 30);
  printer.paragraph(statement, { indent, bold: true });
  const details = { indent: indent + 22, size: 9.5, color: "#333333" };
  printer.paragraph(
    `${words.measure}: ${objective.measure ? describeMeasureIn(objective.measure, language) : words.noMeasure}`,
    details,
  );
  printer.paragraph(
    `${words.target}: ${objective.targetOn ? longDate(objective.targetOn, language) : words.noTarget} · ${words.status}: ${words.objectiveStatus[objective.status]}`,
    details,
  );
  printer.gap(3);
}

function writeProblem(printer: PlanPrinter, problem: Problem, index: number, language: PlanLanguage) {
  const { words } = printer;
  printer.heading(`${words.problem} ${index + 1}: ${problem.title.trim() || "—"}`, {
    size: 13,
    keepWith: 80,
  });
  if (problem.sources.length > 0) {
    printer.field(
      words.sources,
      problem.sources.map((s) => `${words.sourceKind[s.kind]}: ${s.label}`).join("\n"),
    );
    printer.gap(4);
  }
  printer.heading(words.goal, { size: 11, keepWith: 40 });
  printer.field(
    words.inTheirWords,
    problem.goal.participantWords.trim() ? `“${problem.goal.participantWords.trim()}”` : "—",
    { indent: 14, labelWidth: 160 },
  );
  printer.field(words.clinicalGoal, problem.goal.clinical.trim() || "—", { indent: 14, labelWidth: 160 });
  printer.gap(4);

  printer.heading(words.objectives, { size: 11, keepWith: 50 });
  if (problem.objectives.length === 0) printer.bullets([], { indent: 14 });
  problem.objectives.forEach((objective, i) => {
    writeObjective(printer, objective, `${index + 1}.${i + 1}`, language);
  });

  printer.heading(words.interventions, { size: 11, keepWith: 30 });
  printer.bullets(
    problem.interventions.map((i) => `${i.what.trim()} — ${i.frequency.trim()} — ${i.responsible.trim()}`),
    { indent: 14 },
  );
  printer.gap(8);
}

export function renderPlanPdf(input: PlanPdfInput, options: { onText?: TextSink } = {}): Promise<Buffer> {
  const { version } = input;
  const header: PrintHeader = input;
  const words = WORDS[input.language];
  const printer = createPlanPrinter(
    header,
    {
      title: words.planTitle,
      runningTitle: `${words.planTitle} · ${input.participant.name} · ${words.version} ${version.number}`,
      pdfTitle: `${words.planTitle} ${words.version.toLowerCase()} ${version.number}`,
    },
    options.onText,
  );
  writeOpening(printer, header, [
    [words.version, `${version.number} — ${words.versionStatus[version.status]}`],
    [words.startsOn, longDate(version.startsOn, input.language)],
  ]);

  const { content } = version;
  if (content.problems.length === 0) printer.paragraph(words.noProblems, { italic: true });
  content.problems.forEach((problem, index) => {
    writeProblem(printer, problem, index, input.language);
  });

  for (const [title, items] of [
    [words.strengths, content.strengths],
    [words.barriers, content.barriers],
    [words.dischargeCriteria, content.dischargeCriteria],
  ] as const) {
    printer.heading(title, { keepWith: 30 });
    printer.bullets(items);
    printer.gap(4);
  }

  printer.signatures(version.requiredRoles, version.signatures);
  const signed = version.status === "signed" || version.status === "superseded";
  return printer.finish({ watermark: !signed });
}
