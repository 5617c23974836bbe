import { describeScopes } from "../../core/consents/consent.rules";
import { latestScores, type ReleaseCategory } from "../../core/disclosures/release.rules";
import { createPlanPrinter, longDate, type PlanPrinter } from "../treatment-plans/plan-print-layout";
import type { ReleasePacket } from "./release-packet";

/**
 * A record release as a PDF (§2.32): the first page carries the Statement 1 notice and the scope of
 * the consent, then each category released (or "None recorded."), then the copy of the consent as
 * signed. English: a release goes to a recipient outside the program. Laid out with the printed
 * plan's page furniture (header, footer with the 42 CFR Part 2 line, page x of y).
 */

export interface ReleasePdfInput {
  programName: string;
  siteName: string;
  timeZone: string;
  participant: { name: string; bornOn: string };
  recipient: string;
  printedAt: Date;
  /** The exact notice the disclosure carries (`disclosure.statement.text`). */
  statement: string;
  scopeSummary: string;
  consentDocument: string;
  packet: ReleasePacket;
}

const STATUS_WORDS: Record<string, string> = {
  present: "Attended",
  late: "Attended (late)",
  left_early: "Attended (left early)",
  absent_excused: "Missed (excused)",
  absent_unexcused: "Missed",
  cancelled_by_program: "Cancelled by the program",
};

const OBJECTIVE_WORDS: Record<string, string> = {
  not_started: "not started",
  in_progress: "in progress",
  met: "met",
  revised: "revised",
  discontinued: "discontinued",
};

const titleOf = (category: ReleaseCategory) => {
  const words = describeScopes([category]).replace(/^the /, "");
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const hours = (minutes: number) => `${Math.round((minutes / 60) * 100) / 100} h`;

function none(printer: PlanPrinter) {
  printer.bullets([]);
}

function writeCategory(printer: PlanPrinter, category: ReleaseCategory, packet: ReleasePacket) {
  printer.heading(titleOf(category), { keepWith: 40 });
  switch (category) {
    case "attendance": {
      const a = packet.attendance;
      if (!a || a.sessions.length === 0) return none(printer);
      printer.paragraph(
        `Sessions attended: ${a.attended} · Sessions missed: ${a.missed} · Hours attended: ${a.hours}`,
        { bold: true },
      );
      printer.bullets(
        a.sessions.map(
          (s) =>
            `${s.on} — ${s.track} — ${STATUS_WORDS[s.status] ?? s.status}${s.minutes > 0 ? ` — ${hours(s.minutes)}` : ""}`,
        ),
      );
      return;
    }
    case "diagnosis": {
      const d = packet.diagnoses ?? [];
      if (d.length === 0) return none(printer);
      printer.bullets(d.map((x) => `${x.code} (ICD-10-CM) — ${x.title}${x.primary ? " — primary" : ""}`));
      return;
    }
    case "treatment_plan": {
      const plan = packet.plan;
      if (!plan) return none(printer);
      printer.paragraph(`Signed plan, version ${plan.version}, starting ${longDate(plan.startsOn, "en")}.`);
      if (plan.content.problems.length === 0) return none(printer);
      plan.content.problems.forEach((problem, i) => {
        printer.paragraph(`Problem ${i + 1}: ${problem.title}`, { bold: true });
        printer.field("Goal", problem.goal.clinical || "—", { indent: 12 });
        if (problem.goal.participantWords) {
          printer.field("In their words", `“${problem.goal.participantWords}”`, { indent: 12 });
        }
        printer.bullets(
          problem.objectives.map(
            (o) =>
              `${o.statement} — ${OBJECTIVE_WORDS[o.status] ?? o.status}${o.targetOn ? ` — target ${o.targetOn}` : ""}`,
          ),
          { indent: 12 },
        );
      });
      return;
    }
    case "assessment_scores": {
      const scores = packet.scores ?? [];
      if (scores.length === 0) return none(printer);
      printer.bullets(
        [...scores]
          .sort((a, b) => b.completedOn.localeCompare(a.completedOn))
          .map(
            (s) =>
              `${s.instrument} — ${s.completedOn} — score ${s.total}${s.band ? ` (${s.band.replaceAll("_", " ")})` : ""}`,
          ),
      );
      return;
    }
    case "progress_summary": {
      const lines: string[] = [];
      const a = packet.attendance;
      if (a && a.ratePercent !== null) {
        lines.push(
          `Attendance: ${a.ratePercent}% of sessions held (${a.attended} attended, ${a.missed} missed).`,
        );
      }
      for (const s of latestScores(packet.scores ?? [])) {
        lines.push(
          `Latest ${s.instrument}: ${s.total}${s.band ? ` (${s.band.replaceAll("_", " ")})` : ""} on ${s.completedOn}.`,
        );
      }
      for (const problem of packet.plan?.content.problems ?? []) {
        const met = problem.objectives.filter((o) => o.status === "met").length;
        lines.push(`Goal "${problem.title}": ${met} of ${problem.objectives.length} objectives met.`);
      }
      printer.bullets(lines);
      return;
    }
    default:
      // Medications, drug screens and the discharge summary are not kept in this record yet.
      return none(printer);
  }
}

export function renderReleasePdf(input: ReleasePdfInput): Promise<Buffer> {
  const printer = createPlanPrinter(
    {
      programName: input.programName,
      siteName: input.siteName,
      participant: input.participant,
      printedAt: input.printedAt,
      timeZone: input.timeZone,
      language: "en",
    },
    {
      title: "Record release",
      runningTitle: `Record release · ${input.participant.name} · to ${input.recipient}`,
      pdfTitle: "Record release",
    },
  );
  printer.field("Participant", input.participant.name);
  printer.field("Date of birth", longDate(input.participant.bornOn, "en"));
  printer.field("Released to", input.recipient);
  printer.field("Released on", input.printedAt.toISOString().slice(0, 10));
  printer.gap(6);
  printer.heading("Notice to the recipient (42 CFR 2.32)", { keepWith: 120 });
  for (const line of input.statement.split("\n")) printer.paragraph(line, { size: 9 });
  printer.heading("Scope of the consent", { keepWith: 40 });
  printer.paragraph(input.scopeSummary, { size: 9.5 });
  printer.paragraph(`Released in this packet: ${describeScopes(input.packet.categories)}.`, { size: 9.5 });

  printer.doc.addPage();
  for (const category of input.packet.categories) writeCategory(printer, category, input.packet);

  printer.heading("Copy of the consent", { keepWith: 40 });
  if (input.consentDocument.trim() === "") {
    printer.paragraph("The signed consent's text is not on file; the scope above describes it.", {
      italic: true,
    });
  } else {
    for (const line of input.consentDocument.split("\n")) printer.paragraph(line || " ", { size: 9 });
  }
  return printer.finish({ watermark: false });
}
