import { shortNameOf } from "../../core/assessments/short-names";
import { describeScopes } from "../../core/consents/consent.rules";
import { aftercarePlanLines } from "../../fhir/referral-bundle.fhir";
import { createPlanPrinter, longDate } from "../treatment-plans/plan-print-layout";
import type { HandoffPacket } from "./handoff-packet";

/**
 * The referral packet as a PDF for the next provider: the §2.32 Statement 1 notice and the consent's
 * scope on the first page, then the referral, the program contact and each category the consent
 * covers. English (it goes to a provider outside the program), laid out with the printed plan's page
 * furniture like the record release (`disclosures/release-pdf.ts`).
 */

export interface HandoffPdfInput {
  timeZone: string;
  recipient: string;
  printedAt: Date;
  /** The exact notice the disclosure carries. */
  statement: string;
  scopeSummary: string;
  packet: HandoffPacket;
}

export function renderHandoffPdf(input: HandoffPdfInput): Promise<Buffer> {
  const { packet } = input;
  const name = `${packet.participant.givenName} ${packet.participant.familyName}`;
  const printer = createPlanPrinter(
    {
      programName: packet.program.name,
      siteName: packet.program.siteName,
      participant: { name, bornOn: packet.participant.bornOn },
      printedAt: input.printedAt,
      timeZone: input.timeZone,
      language: "en",
    },
    {
      title: "Referral packet",
      runningTitle: `Referral packet · ${name} · to ${input.recipient}`,
      pdfTitle: "Referral packet",
    },
  );
  printer.field("Participant", name);
  printer.field("Date of birth", longDate(packet.participant.bornOn, "en"));
  printer.field("Sent to", input.recipient);
  printer.field("Sent on", input.printedAt.toISOString().slice(0, 10));
  printer.gap(6);
  printer.heading("Notice to the recipient (42 CFR 2.32)", { keepWith: 120 });
  for (const line of input.statement.split("\n")) printer.paragraph(line, { size: 9 });
  printer.heading("Scope of the consent", { keepWith: 40 });
  printer.paragraph(input.scopeSummary, { size: 9.5 });
  printer.paragraph(
    `In this packet: identification, the referral and the program contact${packet.categories.length > 0 ? `; ${describeScopes(packet.categories)}` : ""}.`,
    { size: 9.5 },
  );

  printer.heading("Referral", { keepWith: 60 });
  const r = packet.referral;
  if (!r)
    printer.paragraph("No step-down appointment is recorded in a signed aftercare plan.", { italic: true });
  else {
    printer.field("Provider", r.providerName);
    if (r.levelOfCare) printer.field("Level of care", `ASAM ${r.levelOfCare}`);
    if (r.clinicianName) printer.field("Clinician", r.clinicianName);
    if (r.address) printer.field("Address", r.address);
    if (r.phone) printer.field("Phone", r.phone);
    printer.field(
      "First appointment",
      r.appointmentOn
        ? `${longDate(r.appointmentOn, "en")}${r.appointmentTime ? ` at ${r.appointmentTime}` : ""}${r.confirmed ? " (confirmed)" : " (not yet confirmed)"}`
        : "Not booked yet",
    );
  }
  printer.heading("Program contact", { keepWith: 40 });
  printer.field("Program", `${packet.program.name} — ${packet.program.siteName}`);
  if (packet.program.phone) printer.field("Phone", packet.program.phone);
  if (packet.program.counselorName) printer.field("Primary counselor", packet.program.counselorName);

  for (const category of packet.categories) {
    switch (category) {
      case "discharge_summary": {
        printer.heading("Episode of care and discharge summary", { keepWith: 60 });
        const e = packet.episode;
        if (e) {
          printer.field("Admitted", longDate(e.admittedOn, "en"));
          printer.field("Discharged", e.dischargedOn ? longDate(e.dischargedOn, "en") : "In care");
          printer.field("Level of care", `ASAM ${e.dischargeLevelOfCare ?? e.levelOfCare}`);
          if (e.dischargeReason) printer.field("Reason", e.dischargeReason.replaceAll("_", " "));
          if (e.referredLevelOfCare) printer.field("Referred to level", e.referredLevelOfCare);
        }
        const s = packet.dischargeSummary;
        if (!s) printer.paragraph("No signed discharge summary.", { italic: true });
        else {
          printer.paragraph(
            `Signed discharge summary, version ${s.version}, signed ${s.signedAt.slice(0, 10)}.`,
            {
              bold: true,
            },
          );
          for (const [key, text] of Object.entries(s.sections)) {
            printer.paragraph(
              key.replaceAll("_", " ").replace(/^./, (c) => c.toUpperCase()),
              { bold: true },
            );
            printer.paragraph(text || "—");
          }
        }
        break;
      }
      case "diagnosis": {
        printer.heading("Diagnoses", { keepWith: 40 });
        printer.bullets(
          (packet.diagnoses ?? []).map(
            (d) => `${d.code} (ICD-10-CM) — ${d.title}${d.primary ? " — primary" : ""}`,
          ),
        );
        break;
      }
      case "treatment_plan": {
        printer.heading("Aftercare plan", { keepWith: 40 });
        if (!packet.aftercarePlan) {
          printer.paragraph("No signed aftercare plan.", { italic: true });
          break;
        }
        printer.paragraph(`Signed aftercare plan, version ${packet.aftercarePlan.version}.`);
        for (const part of aftercarePlanLines(packet)) {
          printer.paragraph(part.title, { bold: true });
          printer.bullets(part.lines.filter((l) => l !== ""));
        }
        break;
      }
      case "medications": {
        printer.heading("Medication continuity", { keepWith: 40 });
        const m = packet.medication;
        if (!m) printer.bullets([]);
        else {
          printer.field("Medications", m.medications || "None listed");
          if (m.prescriberName)
            printer.field(
              "Prescriber",
              `${m.prescriberName}${m.prescriberPhone ? ` (${m.prescriberPhone})` : ""}`,
            );
          if (m.nextAppointmentOn) printer.field("Next appointment", longDate(m.nextAppointmentOn, "en"));
        }
        break;
      }
      case "assessment_scores": {
        printer.heading("Latest questionnaire scores", { keepWith: 40 });
        printer.bullets(
          (packet.scores ?? []).map(
            (s) =>
              `${shortNameOf(s.instrumentKey)} — ${s.completedOn} — score ${s.total}${s.band ? ` (${s.band.replaceAll("_", " ")})` : ""}`,
          ),
        );
        break;
      }
    }
  }
  return printer.finish({ watermark: false });
}
