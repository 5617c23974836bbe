import type {
  Bundle,
  BundleEntry,
  CarePlan,
  CarePlanActivity,
  Coding,
  Composition,
  CompositionSection,
  Condition,
  EpisodeOfCare,
  Meta,
  Narrative,
  Observation,
  Organization,
  Patient,
  Reference,
  Resource,
  ServiceRequest,
} from "@medplum/fhirtypes";
import type { InstrumentDefinition } from "../core/assessments/instrument";
import type { HandoffPacket } from "../server/handoffs/handoff-packet";
import { toScoreObservations } from "./observation.fhir";

/**
 * A referral packet as a FHIR R4 **document** Bundle (clinical reference §7): a Composition first,
 * then the Patient, the program (Organization), the EpisodeOfCare (period, the level of care as its
 * type), the Conditions (ICD-10-CM), the aftercare CarePlan (with narrative), the ServiceRequest (the
 * referral to the step-down provider) and the latest score Observations — each present only when the
 * consent's categories cover it (the packet reader decides; this mapper maps what it is given).
 *
 * The §2.32 notice travels in the document: the Composition's first section, "Notice to the recipient
 * (42 CFR 2.32)", carries the exact statement text as its narrative, and a second section the scope of
 * the consent. A document (rather than a collection) was chosen because its Composition is the
 * attested, human-readable whole a receiving system must show with the entries — the notice cannot
 * be separated from the data it governs. Every resource (and the Bundle) carries the security labels
 * of §7.3: confidentiality R, the 42CFRPart2 policy and the no-redisclosure refrain policy.
 *
 * References are relative (`Patient/<id>`) and resolve against each entry's `fullUrl`
 * (`<base>/<type>/<id>`): every reference points inside the bundle. The score Observations'
 * `derivedFrom` (the QuestionnaireResponse, not sent) is dropped.
 */

export const CONFIDENTIALITY_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
export const ACT_CODE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
export const ICD10CM_SYSTEM = "http://hl7.org/fhir/sid/icd-10-cm";
/** Bridgeway's local code system for ASAM levels of care (no licensed ASAM content, the level's number only). */
export const LEVEL_OF_CARE_SYSTEM = "https://bridgeway.example/fhir/CodeSystem/asam-level-of-care";
export const REFERRAL_DOCUMENT_SYSTEM = "urn:ietf:rfc:3986";
const LOINC = "http://loinc.org";

/**
 * The RefrainPolicy code "prohibit redisclosure without consent directive". The spelling is
 * UNVERIFIED (clinical reference §7.3 and §9 item 10: public code shows both NORDSCLCD and NORDSLCD);
 * kept in this one constant so it is corrected in one place once checked against the v3-ActCode release.
 */
export const REFRAIN_POLICY_NO_REDISCLOSURE = "NORDSCLCD";

export const PART2_SECURITY_LABELS: Coding[] = [
  { system: CONFIDENTIALITY_SYSTEM, code: "R", display: "restricted" },
  { system: ACT_CODE_SYSTEM, code: "42CFRPart2", display: "42 CFR Part2" },
  { system: ACT_CODE_SYSTEM, code: REFRAIN_POLICY_NO_REDISCLOSURE },
];

const meta = (): Meta => ({ security: PART2_SECURITY_LABELS.map((c) => ({ ...c })) });

const escapeHtml = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/** XHTML narrative: one paragraph per line. */
export function narrative(lines: readonly string[], status: Narrative["status"] = "generated"): Narrative {
  const body = lines.filter((l) => l.trim() !== "").map((l) => `<p>${escapeHtml(l)}</p>`);
  return {
    status,
    div: `<div xmlns="http://www.w3.org/1999/xhtml">${body.length > 0 ? body.join("") : "<p>None recorded.</p>"}</div>`,
  };
}

export interface ReferralBundleInput {
  packet: HandoffPacket;
  /** The §2.32 statement the disclosure carries (exact text). */
  statement: string;
  scopeSummary: string;
  recipientName: string;
  /** A fresh id for this document (the Bundle identifier and the Composition id). */
  documentId: string;
  at: Date;
  /** The FHIR base the entries' fullUrls are under, e.g. `https://bridgeway.example/fhir/R4`. */
  fhirBase: string;
  /** The definition an instrument key was scored by (for the score Observations). */
  definitionOf: (instrumentKey: string) => InstrumentDefinition | undefined;
}

const ref = <T extends Resource>(resource: T & { id: string }, display?: string): Reference<T> => ({
  reference: `${resource.resourceType}/${resource.id}`,
  ...(display ? { display } : {}),
});

export function toReferralBundle(input: ReferralBundleInput): Bundle {
  const { packet, at } = input;
  const date = at.toISOString();
  const name = `${packet.participant.givenName} ${packet.participant.familyName}`;

  const patient: Patient & { id: string } = {
    resourceType: "Patient",
    id: packet.participant.id,
    meta: meta(),
    name: [{ given: [packet.participant.givenName], family: packet.participant.familyName, text: name }],
    birthDate: packet.participant.bornOn,
  };
  const organization: Organization & { id: string } = {
    resourceType: "Organization",
    id: `program-${packet.episodeId}`,
    meta: meta(),
    name: `${packet.program.name} — ${packet.program.siteName}`,
    ...(packet.program.phone ? { telecom: [{ system: "phone", value: packet.program.phone }] } : {}),
  };
  const patientRef = ref(patient, name);
  const orgRef = ref(organization, organization.name);

  const conditions: (Condition & { id: string })[] = (packet.diagnoses ?? []).map((d, i) => ({
    resourceType: "Condition",
    id: `${packet.episodeId}-dx-${i + 1}`,
    meta: meta(),
    clinicalStatus: {
      coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-clinical", code: "active" }],
    },
    verificationStatus: {
      coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-ver-status", code: "confirmed" }],
    },
    category: [
      {
        coding: [
          {
            system: "http://terminology.hl7.org/CodeSystem/condition-category",
            code: "encounter-diagnosis",
          },
        ],
      },
    ],
    code: { coding: [{ system: ICD10CM_SYSTEM, code: d.code, display: d.title }], text: d.title },
    subject: patientRef,
    ...(d.primary ? { note: [{ text: "Primary diagnosis." }] } : {}),
  }));

  const episode = packet.episode;
  const episodeOfCare: (EpisodeOfCare & { id: string }) | null = episode
    ? {
        resourceType: "EpisodeOfCare",
        id: episode.id,
        meta: meta(),
        status: episode.dischargedOn ? "finished" : "active",
        type: [
          {
            coding: [
              {
                system: LEVEL_OF_CARE_SYSTEM,
                code: episode.dischargeLevelOfCare ?? episode.levelOfCare,
                display: `ASAM level ${episode.dischargeLevelOfCare ?? episode.levelOfCare}`,
              },
            ],
            text: `Intensive outpatient program, ASAM level ${episode.dischargeLevelOfCare ?? episode.levelOfCare}`,
          },
        ],
        ...(conditions.length > 0
          ? { diagnosis: conditions.map((c, i) => ({ condition: ref(c), rank: i + 1 })) }
          : {}),
        patient: patientRef,
        managingOrganization: orgRef,
        period: { start: episode.admittedOn, ...(episode.dischargedOn ? { end: episode.dischargedOn } : {}) },
      }
    : null;

  const plan = packet.aftercarePlan;
  const carePlan: (CarePlan & { id: string }) | null = plan
    ? toCarePlan(packet, plan, patientRef, orgRef, conditions)
    : null;

  const referral = packet.referral;
  const serviceRequest: (ServiceRequest & { id: string }) | null = referral
    ? {
        resourceType: "ServiceRequest",
        id: `${packet.episodeId}-referral`,
        meta: meta(),
        text: narrative([
          `Referral to ${referral.providerName}${referral.levelOfCare ? ` (ASAM level ${referral.levelOfCare})` : ""}.`,
          referral.appointmentOn
            ? `First appointment: ${referral.appointmentOn}${referral.appointmentTime ? ` at ${referral.appointmentTime}` : ""}${referral.confirmed ? " (confirmed by the provider)" : " (not yet confirmed)"}.`
            : "No first appointment booked yet.",
        ]),
        status: "active",
        intent: "order",
        category: [{ text: "Referral to the step-down provider (warm handoff)" }],
        code: {
          ...(referral.levelOfCare
            ? {
                coding: [
                  {
                    system: LEVEL_OF_CARE_SYSTEM,
                    code: referral.levelOfCare,
                    display: `ASAM level ${referral.levelOfCare}`,
                  },
                ],
              }
            : {}),
          text: `Continuing care${referral.levelOfCare ? ` at ASAM level ${referral.levelOfCare}` : ""}`,
        },
        subject: patientRef,
        ...(referral.appointmentOn
          ? {
              occurrenceDateTime: referral.appointmentOn,
            }
          : {}),
        authoredOn: date,
        requester: orgRef,
        performer: [
          {
            display: [referral.providerName, referral.clinicianName].filter((x) => x !== "").join(" — "),
          },
        ],
        ...(conditions.length > 0 ? { reasonReference: conditions.map((c) => ref(c)) } : {}),
        ...(carePlan || episodeOfCare
          ? {
              supportingInfo: [
                ...(carePlan ? [ref(carePlan)] : []),
                ...(episodeOfCare ? [ref(episodeOfCare)] : []),
              ],
            }
          : {}),
        note: [
          {
            text:
              [
                referral.address && `Address: ${referral.address}`,
                referral.phone && `Phone: ${referral.phone}`,
              ]
                .filter(Boolean)
                .join(". ") || "No address or phone recorded for the provider.",
          },
        ],
      }
    : null;

  const observations: (Observation & { id: string })[] = (packet.scores ?? []).flatMap((row) => {
    const definition = input.definitionOf(row.instrumentKey);
    if (!definition) return [];
    return toScoreObservations(row, definition, { patientReference: patientRef }).map((o) => {
      const { derivedFrom: _dropped, ...rest } = o;
      return { ...rest, id: o.id!, meta: meta() };
    });
  });

  const clinical: (Resource & { id: string })[] = [
    ...(serviceRequest ? [serviceRequest] : []),
    ...(episodeOfCare ? [episodeOfCare] : []),
    ...conditions,
    ...(carePlan ? [carePlan] : []),
    ...observations,
  ];

  const sections: CompositionSection[] = [
    {
      title: "Notice to the recipient (42 CFR 2.32)",
      code: { text: "42 CFR 2.32 notice" },
      text: narrative(input.statement.split("\n"), "additional"),
    },
    {
      title: "Scope of the consent",
      text: narrative([input.scopeSummary], "additional"),
    },
    {
      title: "Program contact",
      text: narrative([
        `${packet.program.name} — ${packet.program.siteName}`,
        packet.program.phone ? `Phone: ${packet.program.phone}` : "",
        packet.program.counselorName ? `Primary counselor: ${packet.program.counselorName}` : "",
      ]),
      entry: [orgRef],
    },
  ];
  const section = (
    title: string,
    loinc: string | null,
    lines: string[],
    entries: (Resource & { id: string })[],
  ) => {
    if (entries.length === 0 && lines.length === 0) return;
    sections.push({
      title,
      ...(loinc ? { code: { coding: [{ system: LOINC, code: loinc }] } } : {}),
      text: narrative(lines),
      ...(entries.length > 0 ? { entry: entries.map((e) => ref(e)) } : {}),
    });
  };
  if (serviceRequest)
    section("Referral", null, [serviceRequest.text!.div.replace(/<[^>]+>/g, " ").trim()], [serviceRequest]);
  if (episodeOfCare)
    section(
      "Episode of care",
      null,
      [
        `Admitted ${episode!.admittedOn}${episode!.dischargedOn ? `, discharged ${episode!.dischargedOn}` : ", in care"}.`,
        episode!.dischargeReason ? `Discharge reason: ${episode!.dischargeReason.replaceAll("_", " ")}.` : "",
        ...(packet.dischargeSummary
          ? Object.entries(packet.dischargeSummary.sections).map(
              ([k, v]) => `${k.replaceAll("_", " ")}: ${v}`,
            )
          : []),
      ],
      [episodeOfCare],
    );
  if (conditions.length > 0)
    section(
      "Problems",
      "11450-4",
      conditions.map((c) => `${c.code!.coding![0]!.code} ${c.code!.text}`),
      conditions,
    );
  if (carePlan) section("Plan of care", "18776-5", [carePlan.title ?? "Aftercare plan"], [carePlan]);
  if (packet.medication) section("Medication continuity", "10160-0", medicationLines(packet.medication), []);
  if (observations.length > 0)
    section(
      "Results",
      "30954-2",
      observations.map(
        (o) =>
          `${o.code.coding?.[0]?.code ?? ""}: ${o.valueQuantity?.value ?? o.valueCodeableConcept?.text ?? ""} (${o.effectiveDateTime})`,
      ),
      observations,
    );

  const composition: Composition & { id: string } = {
    resourceType: "Composition",
    id: input.documentId,
    meta: meta(),
    status: "final",
    type: { coding: [{ system: LOINC, code: "57133-1", display: "Referral note" }] },
    subject: patientRef,
    date,
    author: [orgRef],
    title: `Referral packet for ${input.recipientName}`,
    confidentiality: "R",
    custodian: orgRef,
    section: sections,
  };

  const entries: (Resource & { id: string })[] = [composition, patient, organization, ...clinical];
  return {
    resourceType: "Bundle",
    id: input.documentId,
    meta: meta(),
    identifier: { system: REFERRAL_DOCUMENT_SYSTEM, value: `urn:uuid:${input.documentId}` },
    type: "document",
    timestamp: date,
    entry: entries.map(
      (resource): BundleEntry => ({
        fullUrl: `${input.fhirBase}/${resource.resourceType}/${resource.id}`,
        resource,
      }),
    ),
  };
}

function medicationLines(m: NonNullable<HandoffPacket["medication"]>): string[] {
  return [
    m.medications ? `Medications: ${m.medications}` : "No medications listed.",
    m.prescriberName
      ? `Prescriber: ${m.prescriberName}${m.prescriberPhone ? ` (${m.prescriberPhone})` : ""}`
      : "",
    m.nextAppointmentOn ? `Next prescriber appointment: ${m.nextAppointmentOn}` : "",
  ];
}

/** The aftercare plan's parts in plain lines (the CarePlan narrative and the PDF share them). */
export function aftercarePlanLines(packet: HandoffPacket): { title: string; lines: string[] }[] {
  const plan = packet.aftercarePlan?.content;
  if (!plan) return [];
  const out: { title: string; lines: string[] }[] = [];
  if (plan.goals) out.push({ title: "In their words", lines: [plan.goals] });
  out.push({
    title: "Mutual-help meetings",
    lines: plan.meetings.map(
      (m) =>
        `${m.name} (${m.kind.replaceAll("_", " ").toUpperCase()})${m.weekday ? `, ${m.weekday}` : ""}${m.time ? ` ${m.time}` : ""}${m.place ? `, ${m.place}` : ""}`,
    ),
  });
  if (plan.housing)
    out.push({
      title: "Housing",
      lines: [
        `${plan.housing.kind.replaceAll("_", " ")}${plan.housing.name ? `: ${plan.housing.name}` : ""}${plan.housing.address ? `, ${plan.housing.address}` : ""}`,
        plan.housing.notes,
      ],
    });
  out.push({
    title: "Support people",
    lines: plan.supports.map(
      (s) =>
        `${s.name}${s.relationship ? ` (${s.relationship})` : ""}${s.sponsor ? ", sponsor" : ""}${s.phone ? `, ${s.phone}` : ""}`,
    ),
  });
  out.push({
    title: "Community resources",
    lines: plan.resources.map((r) => [r.name, r.phone, r.url, r.notes].filter((x) => x !== "").join(" — ")),
  });
  const safety = packet.safetyPlan;
  if (safety) {
    out.push({
      title: "Crisis plan (safety plan)",
      lines: [
        ...safety.warningSigns.map((x) => `Warning sign: ${x}`),
        ...safety.thingsICanDo.map((x) => `Things I can do: ${x}`),
        ...safety.peopleAndPlaces.map((x) => `People and places: ${x}`),
        ...safety.peopleToAsk.map((p) => `Someone to ask for help: ${p.name}${p.phone ? ` ${p.phone}` : ""}`),
        ...safety.professionals.map((p) => `Professional: ${p.name}${p.phone ? ` ${p.phone}` : ""}`),
        ...safety.saferSurroundings.map((x) => `Safer surroundings: ${x}`),
        ...safety.reasonsForLiving.map((x) => `Reason for living: ${x}`),
        "In a crisis: call or text 988 (Suicide & Crisis Lifeline) or 911.",
      ],
    });
  } else if (plan.includeSafetyPlan) {
    out.push({ title: "Crisis plan (safety plan)", lines: ["No safety plan has been saved yet."] });
  }
  return out;
}

function toCarePlan(
  packet: HandoffPacket,
  plan: NonNullable<HandoffPacket["aftercarePlan"]>,
  patientRef: Reference<Patient>,
  orgRef: Reference<Organization>,
  conditions: (Condition & { id: string })[],
): CarePlan & { id: string } {
  const parts = aftercarePlanLines(packet);
  const activity: CarePlanActivity[] = [
    ...plan.content.meetings.map(
      (m): CarePlanActivity => ({
        detail: {
          status: "not-started",
          description: `Mutual-help meeting: ${m.name}${m.weekday ? ` (${m.weekday}${m.time ? ` ${m.time}` : ""})` : ""}`,
        },
      }),
    ),
    ...(packet.referral
      ? [
          {
            detail: {
              status: "scheduled" as const,
              description: `First appointment with ${packet.referral.providerName}${packet.referral.appointmentOn ? ` on ${packet.referral.appointmentOn}` : ""}`,
            },
          },
        ]
      : []),
  ];
  return {
    resourceType: "CarePlan",
    id: `${packet.episodeId}-aftercare`,
    meta: meta(),
    text: narrative(parts.flatMap((p) => [p.title, ...(p.lines.length > 0 ? p.lines : ["None recorded."])])),
    status: "active",
    intent: "plan",
    category: [{ text: "Aftercare (continuing care) plan" }],
    title: `Aftercare plan, version ${plan.version}`,
    ...(plan.content.goals ? { description: plan.content.goals } : {}),
    subject: patientRef,
    ...(packet.episode?.dischargedOn ? { period: { start: packet.episode.dischargedOn } } : {}),
    ...(plan.signedAt ? { created: plan.signedAt } : {}),
    author: orgRef,
    ...(conditions.length > 0 ? { addresses: conditions.map((c) => ref(c)) } : {}),
    ...(activity.length > 0 ? { activity } : {}),
  };
}
