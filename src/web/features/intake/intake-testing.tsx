import i18n from "i18next";
import { intakeEn } from "../../i18n/intake.en";
import { setUpAdminDom } from "../admin/admin-testing";

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
    screening: null,
    history: [{ from: null, to: "new", note: null, by: "Ines Intake", at: "2026-11-10T15:00:00.000Z" }],
    ...overrides,
  };
}
