import type { StaffRole, UserKind } from "../../core/identity/identity.schema";

/**
 * Sign-in accounts of the demo program. Everyone in the demo is fictional; the password is shared
 * and printed at start-up and on the sign-in page only while the database holds demo data.
 */
export const DEMO_PASSWORD = "bridgeway-demo";

/** The app_settings row that marks a database holding the complete demo program. */
export const DEMO_SETTING = "demo";

/** Every demo account and demo staff member has an address in this (reserved) domain. */
export const DEMO_EMAIL_DOMAIN = "demo.bridgeway.example";

export interface DemoAccount {
  email: string;
  displayName: string;
  kind: UserKind;
  roles: StaffRole[];
  /** Index of the demo site(s) the staff member belongs to. */
  sites: number[];
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: "admin@demo.bridgeway.example",
    displayName: "Morgan Ellis",
    kind: "staff",
    roles: ["administrator"],
    sites: [0, 1],
  },
  {
    email: "director@demo.bridgeway.example",
    displayName: "Dr. Priya Natarajan",
    kind: "staff",
    roles: ["clinical_director"],
    sites: [0, 1],
  },
  {
    email: "counselor@demo.bridgeway.example",
    displayName: "Jordan Alvarez",
    kind: "staff",
    roles: ["counselor"],
    sites: [0],
  },
  {
    email: "intake@demo.bridgeway.example",
    displayName: "Sam Whitfield",
    kind: "staff",
    roles: ["intake_coordinator"],
    sites: [0],
  },
  {
    email: "nurse@demo.bridgeway.example",
    displayName: "Renee Okafor",
    kind: "staff",
    roles: ["prescriber"],
    sites: [0, 1],
  },
  {
    email: "billing@demo.bridgeway.example",
    displayName: "Chris Donnelly",
    kind: "staff",
    roles: ["billing"],
    sites: [0, 1],
  },
  {
    email: "frontdesk@demo.bridgeway.example",
    displayName: "Taylor Brooks",
    kind: "staff",
    roles: ["front_desk"],
    sites: [1],
  },
  {
    email: "participant@demo.bridgeway.example",
    displayName: "Casey Morgan",
    kind: "participant",
    roles: [],
    sites: [0],
  },
  {
    email: "family@demo.bridgeway.example",
    displayName: "Dana Morgan",
    kind: "family",
    roles: [],
    sites: [0],
  },
];
