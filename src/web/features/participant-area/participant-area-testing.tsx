import i18n from "i18next";
import type { ReactNode } from "react";
import { Outlet, Route, Routes } from "react-router";
import type {
  AssessmentAssignment,
  InstrumentSummary,
  SubmissionResult,
} from "../../../core/assessments/assessments.schema";
import type { DueMeasureView, ParticipantDue } from "../../../core/assessments/measurement-schedule.schema";
import {
  ORDINAL_VALUE_URL,
  type Questionnaire,
  TRANSLATION_URL,
} from "../../../core/assessments/questionnaire";
import { RequireSession } from "../../app/require-session";
import { assessmentsEn } from "../../i18n/assessments.en";
import { assessmentsEs } from "../../i18n/assessments.es";
import { es } from "../../i18n/es";
import { aSession } from "../../test-support/builders";
import { renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith, setUpAdminDom } from "../admin/admin-testing";

/** Test data for the participant's own pages. Everyone is fictional. Tests only. */

export const PARTICIPANT_ID = "2b0d7c52-8a0b-4d55-9f3e-6a1c2e9b7d40";
export const ASSIGNMENT_ID = "6c1f0a3e-2d4b-4e8f-9a7c-5b3d1e0f2a4c";
export const TODAY = "2026-03-13";

/** The jsdom set-up with the English and Spanish dictionaries the participant's pages read. */
export async function setUpParticipantDom(): Promise<void> {
  await setUpAdminDom();
  i18n.addResourceBundle("es", "translation", es, true, true);
  i18n.addResourceBundle("en", "assessments", assessmentsEn, true, true);
  i18n.addResourceBundle("es", "assessments", assessmentsEs, true, true);
}

export const participantSession = {
  body: {
    session: aSession({
      user: { kind: "participant", displayName: "Casey Rivers", participantId: PARTICIPANT_ID },
      permissions: ["participants.view", "clinical.view", "assessments.respond"],
    }),
  },
};

export function anInstrument(key: string, title: string, titleEs: string): InstrumentSummary {
  return {
    key,
    url: `http://example.org/Questionnaire/${key}`,
    version: "1.0.0",
    title,
    titleEs,
    audience: "any",
    licence: "free",
    credit: null,
    totalRange: { min: 0, max: 6 },
    bands: [],
    direction: "lower_is_better",
    loinc: { panel: null, total: null },
  };
}

export const INSTRUMENTS: InstrumentSummary[] = [
  anInstrument(
    "phq9",
    "Patient Health Questionnaire (PHQ-9)",
    "Cuestionario sobre la salud del paciente (PHQ-9)",
  ),
  anInstrument("bam", "Brief Addiction Monitor (BAM)", "Monitor Breve de Adicciones (BAM)"),
  anInstrument(
    "gad7",
    "Generalized Anxiety Disorder scale (GAD-7)",
    "Escala de ansiedad generalizada (GAD-7)",
  ),
];

export function anAssignment(change: Partial<AssessmentAssignment> = {}): AssessmentAssignment {
  return {
    id: ASSIGNMENT_ID,
    instrumentKey: "phq9",
    dueOn: "2026-03-15",
    assignedAt: "2026-03-10T15:00:00.000Z",
    assignedBy: "Jordan Alvarez",
    ...change,
  };
}

export function aDueMeasure(change: Partial<DueMeasureView> = {}): DueMeasureView {
  return {
    instrumentKey: "bam",
    title: "Brief Addiction Monitor (BAM)",
    titleEs: "Monitor Breve de Adicciones (BAM)",
    dueOn: "2026-03-09",
    status: "overdue",
    reason: { at: "every_n_days", n: 7, since: "last_administration", sinceOn: "2026-03-02" },
    alsoScheduled: [],
    explanation: "Due 2026-03-09 for every 7 days, last given 2026-03-02.",
    openAssignment: null,
    ...change,
  };
}

export function aParticipantDue(measures: DueMeasureView[]): ParticipantDue {
  return {
    today: TODAY,
    graceDays: 3,
    episode: { admittedOn: "2026-02-01", dischargedOn: null, audience: "adult" },
    measures,
  };
}

const spanish = (content: string) => ({
  extension: [
    {
      url: TRANSLATION_URL,
      extension: [
        { url: "lang", valueCode: "es" },
        { url: "content", valueString: content },
      ],
    },
  ],
});

const frequency = [
  ["0", "Not at all", "Nunca", 0],
  ["1", "Several days", "Varios días", 1],
  ["2", "More than half the days", "Más de la mitad de los días", 2],
  ["3", "Nearly every day", "Casi todos los días", 3],
] as const;

/** A two-question stand-in for PHQ-9: the second question is the critical one. */
export const SHORT_PHQ: Questionnaire = {
  resourceType: "Questionnaire",
  url: "http://example.org/Questionnaire/phq9",
  version: "1.0.0",
  status: "active",
  title: "Patient Health Questionnaire (PHQ-9)",
  _title: spanish("Cuestionario sobre la salud del paciente (PHQ-9)"),
  item: [
    ["1", "Feeling down, depressed, or hopeless", "Sentirse decaído, deprimido o sin esperanza"],
    ["9", "Thoughts of hurting yourself", "Pensamientos de hacerse daño"],
  ].map(([linkId, text, textEs]) => ({
    linkId: linkId!,
    type: "choice" as const,
    required: true,
    text: text!,
    _text: spanish(textEs!),
    answerOption: frequency.map(([code, display, displayEs, score]) => ({
      valueCoding: { code, display, _display: spanish(displayEs) },
      extension: [{ url: ORDINAL_VALUE_URL, valueDecimal: score }],
    })),
  })),
};

export function aSubmissionResult(crisis: boolean, replayed = false): SubmissionResult {
  return {
    response: {
      id: "3e5a7c9b-1d2f-4a6b-8c0d-2e4f6a8b0c1d",
      instrumentKey: "phq9",
      version: "1.0.0",
      mode: "self",
      completedOn: TODAY,
      submittedAt: `${TODAY}T16:00:00.000Z`,
      enteredBy: null,
      scored: true,
      total: crisis ? 4 : 1,
      band: "minimal",
      subscales: {},
      flags: [],
      missing: [],
      critical: crisis ? [{ rule: "phq9_item9", severity: "urgent", linkIds: ["9"] }] : [],
    },
    crisis,
    replayed,
    onCall: crisis ? { site: "Riverside", phone: "(555) 010-4400" } : null,
  };
}

type Handlers = Parameters<typeof fakeApiWith>[0];

/** The API as the participant's pages call it: their session, the questionnaire list, and `routes`. */
export const participantApi = (routes: Handlers) =>
  fakeApiWith({
    "GET /api/v1/sessions/current": participantSession,
    "GET /api/v1/instruments": { body: { instruments: INSTRUMENTS } },
    ...routes,
  });

/** The participant area at `path`, signed in as the participant (stub `fetch` first). */
export function renderParticipantArea(path: string, pages: { path?: string; element: ReactNode }[]) {
  return renderWithProviders(
    <Routes>
      <Route
        path="/me"
        element={
          <RequireSession kind="participant">
            <Outlet />
          </RequireSession>
        }
      >
        {pages.map((page) =>
          page.path === undefined ? (
            <Route key="index" index element={page.element} />
          ) : (
            <Route key={page.path} path={page.path} element={page.element} />
          ),
        )}
      </Route>
    </Routes>,
    path,
  );
}
