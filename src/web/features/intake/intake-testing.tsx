import i18n from "i18next";
import { Route, Routes } from "react-router";
import { intakeEn } from "../../i18n/intake.en";
import { renderWithProviders } from "../../test-support/render-with-providers";
import { type fakeApiWith, setUpAdminDom } from "../admin/admin-testing";
import { LeadDetailPage } from "./lead-detail-page";

/** The shared jsdom set-up plus the "admin" and "intake" namespaces in English. Tests only. */
export async function setUpIntakeDom(): Promise<void> {
  await setUpAdminDom();
  i18n.addResourceBundle("en", "intake", intakeEn, true, true);
}

/** Make `(min-width: …)` media queries match, as on a wide screen. Tests only. */
export function wideScreen(): void {
  window.matchMedia = ((query: string) => ({
    matches: query.includes("min-width"),
    media: query,
    addEventListener: () => {},
    removeEventListener: () => {},
    addListener: () => {},
    removeListener: () => {},
    onchange: null,
    dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;
}

export const SITE_ID = "5d7f6c2a-1b3e-4c8d-9e0f-1a2b3c4d5e6f";
export const LEAD_ID = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
export const COUNSELOR_ID = "3698896a-eb30-5263-976d-a14b0399db0c";

/** A lead as GET /admissions/leads/:id returns it. */
export function leadDetail(overrides: Record<string, unknown> = {}) {
  return {
    id: LEAD_ID,
    reference: "ADM-1042",
    kind: "referral",
    stage: "new",
    site: { id: SITE_ID, name: "Eastside" },
    personName: "Robin Ambervale",
    referralSource: "detox",
    owner: null,
    nextAction: null,
    nextActionDueOn: null,
    overdue: false,
    createdAt: "2026-11-10T15:00:00.000Z",
    stageChangedAt: "2026-11-10T15:00:00.000Z",
    forWhom: "self",
    contactName: "",
    contactMethod: "phone",
    phone: "(555) 123-4567",
    email: "",
    bestTime: "any",
    lookingFor: "",
    selfCheckOutcome: null,
    referringOrganisation: "Harbor Detox",
    referringContact: "Jo, (555) 987-6543",
    lastLevelOfCare: "3.7",
    lastDischargedOn: "2026-11-09",
    handoffSummary: "Completed withdrawal management.",
    notAdmittedReason: null,
    referredTo: null,
    daysToAdmission: null,
    participantId: null,
    screening: null,
    history: [{ from: null, to: "new", note: null, by: "Ines Intake", at: "2026-11-10T15:00:00.000Z" }],
    ...overrides,
  };
}

/**
 * The API a lead page reads: the lead, its site's staff, the program's admissions settings and level
 * rules; `routes` add or override.
 */
export function leadApi(
  lead: ReturnType<typeof leadDetail>,
  routes: Parameters<typeof fakeApiWith>[0] = {},
): Parameters<typeof fakeApiWith>[0] {
  return {
    [`GET /api/v1/admissions/leads/${LEAD_ID}`]: { body: lead },
    [`GET /api/v1/sites/${lead.site.id}/staff`]: {
      body: {
        staff: [
          {
            id: "0b7d3c1e-5a8f-4f57-9d8a-2f6b1c9e7a10",
            displayName: "Ines Intake",
            roles: ["intake_coordinator"],
          },
          { id: COUNSELOR_ID, displayName: "Casey Counselor", roles: ["counselor"] },
        ],
      },
    },
    "GET /api/v1/admissions/settings": {
      body: { offeredLevels: ["2.1", "1", "1.5"], inquiryResponseHours: 24 },
    },
    "GET /api/v1/admissions/level-rules": {
      body: {
        rules: [
          {
            edition: 3,
            byHighestRating: ["1", "1", "2.1", "2.5", "3.7"],
            countedDimensions: [1, 2, 3, 4, 5, 6],
          },
          {
            edition: 4,
            byHighestRating: ["1.5", "1.5", "2.1", "2.5", "3.7"],
            countedDimensions: [1, 2, 3, 4, 5, 6],
          },
        ],
        defaults: [true, true],
      },
    },
    ...routes,
  };
}

/** The lead page at /staff/admissions/:id, with the participant record as where admission leads. */
export function renderLeadPage() {
  return renderWithProviders(
    <Routes>
      <Route path="/staff/admissions/:id" element={<LeadDetailPage />} />
      <Route path="/staff/participants/:id" element={<p>Participant record</p>} />
    </Routes>,
    `/staff/admissions/${LEAD_ID}`,
  );
}
