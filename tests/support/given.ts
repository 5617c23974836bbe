import { ELIGIBILITY_ITEMS } from "../../src/core/admissions/screening.schema";
import type { InformationScope } from "../../src/core/consents/consent.schema";
import type { StaffRole, UserKind } from "../../src/core/identity/identity.schema";
import {
  insertConsent,
  insertSignature,
  markSigned,
  setRecipientFamilyUser,
  setSafetyScreen,
} from "../../src/server/consents/consents.sql";
import type { Database } from "../../src/server/db/connection";
import {
  careTeamMembers,
  episodes,
  familyLinks,
  organisations,
  participants,
  sites,
  tracks,
} from "../../src/server/db/schema";
import { createUser } from "../../src/server/identity/users.service";

/** Small typed builders for test data. Every person is fictional. */

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export const TEST_PASSWORD = "correct horse battery staple";

export async function givenSite(
  db: Database,
  name = `Site ${unique()}`,
): Promise<{ id: string; name: string }> {
  const [org] = await db.insert(organisations).values({ name: "Test Recovery Center" }).returning();
  const [site] = await db
    .insert(sites)
    .values({ organisationId: org!.id, name, timeZone: "America/New_York" })
    .returning();
  return { id: site!.id, name: site!.name };
}

export interface GivenUser {
  id: string;
  email: string;
  password: string;
}

export async function givenUser(
  db: Database,
  options: { kind?: UserKind; roles?: StaffRole[]; siteNames?: string[]; displayName?: string } = {},
): Promise<GivenUser> {
  const kind = options.kind ?? "staff";
  const email = `user-${unique()}@test.bridgeway.example`;
  const id = await createUser(db, {
    email,
    displayName: options.displayName ?? "Avery Test",
    kind,
    roles: options.roles ?? (kind === "staff" ? ["counselor"] : []),
    locale: "en",
    password: TEST_PASSWORD,
    siteNames: options.siteNames ?? [],
  });
  return { id, email, password: TEST_PASSWORD };
}

export async function givenParticipant(
  db: Database,
  options: {
    siteId: string;
    givenName?: string;
    familyName?: string;
    userId?: string | null;
    careTeam?: { userId: string; role: string }[];
    /** The episode's admission date; null: never admitted (no episode). */
    admittedOn?: string | null;
    dischargedOn?: string;
    trackId?: string;
  },
): Promise<{ id: string }> {
  const [row] = await db
    .insert(participants)
    .values({
      siteId: options.siteId,
      givenName: options.givenName ?? "Robin",
      familyName: options.familyName ?? `Tester${unique()}`,
      bornOn: "1990-04-12",
      userId: options.userId ?? null,
    })
    .returning({ id: participants.id });
  if (options.admittedOn !== null) {
    await db.insert(episodes).values({
      participantId: row!.id,
      siteId: options.siteId,
      admittedOn: options.admittedOn ?? "2026-10-01",
      dischargedOn: options.dischargedOn ?? null,
      dischargeReason: options.dischargedOn ? "completed" : null,
      trackId: options.trackId ?? null,
    });
  }
  if (options.careTeam?.length) {
    await db
      .insert(careTeamMembers)
      .values(options.careTeam.map((m) => ({ participantId: row!.id, userId: m.userId, role: m.role })));
  }
  return { id: row!.id };
}

export async function givenTrack(
  db: Database,
  options: {
    siteId: string;
    name?: string;
    capacity?: number;
    startsOn?: string;
    endsOn?: string | null;
    /** Weekly sessions, e.g. `[{ weekday: 1, start: "18:00", end: "21:00" }]` (none by default). */
    slots?: { weekday: number; start: string; end: string }[];
  },
): Promise<{ id: string; name: string }> {
  const [track] = await db
    .insert(tracks)
    .values({
      siteId: options.siteId,
      name: options.name ?? `Track ${unique()}`,
      capacity: options.capacity ?? 12,
      timeZone: "America/New_York",
      startsOn: options.startsOn ?? "2026-01-05",
      endsOn: options.endsOn ?? null,
      pattern: { slots: options.slots ?? [] },
    })
    .returning({ id: tracks.id, name: tracks.name });
  return track!;
}

export async function givenFamilyLink(
  db: Database,
  userId: string,
  participantId: string,
  consentRecipientId: string | null = null,
): Promise<void> {
  await db.insert(familyLinks).values({ userId, participantId, relationship: "sister", consentRecipientId });
}

/**
 * A signed named-recipient consent (42 CFR 2.31, every element present) for one person, with the
 * participant's own signature; optionally linked to a family account. Returns the consent and the
 * recipient id (what a family link rests on).
 */
export async function givenFamilyConsent(
  db: Database,
  options: {
    participantId: string;
    siteId: string;
    createdBy: string;
    familyUserId?: string | null;
    name?: string;
    scopes?: InformationScope[];
    expiresOn?: string | null;
    at?: Date;
  },
): Promise<{ consentId: string; recipientId: string }> {
  const at = options.at ?? new Date("2026-03-01T15:00:00Z");
  const name = options.name ?? "Sam Sister";
  const { consentId, recipientIds } = await insertConsent(db, {
    participantId: options.participantId,
    siteId: options.siteId,
    requiredSigners: ["patient"],
    createdBy: options.createdBy,
    at,
    draft: {
      kind: "named_recipient",
      patientName: "Test Participant",
      disclosers: [{ type: "program", name: "Bridgeway IOP" }],
      informationScope: options.scopes ?? ["family_session_schedule", "attendance_summary"],
      informationDetail: "",
      recipients: [
        {
          kind: "person",
          name,
          relationship: "sister",
          email: "",
          coveredEntity: false,
          intermediaryParticipants: "",
          generalDesignationTreatingOnly: false,
        },
      ],
      purposes: ["family_involvement"],
      purposeDetail: "",
      expiresOn: options.expiresOn === undefined ? "2027-12-31" : options.expiresOn,
      expiryEvent: options.expiresOn === undefined || options.expiresOn !== null ? null : "end_of_treatment",
      refusalConsequences: "",
      revocableAfter: null,
    },
  });
  const recipientId = recipientIds[0]!;
  await insertSignature(db, {
    consentId,
    role: "patient",
    signerName: "Test Participant",
    method: "electronic",
    recordedBy: options.createdBy,
    at,
  });
  await markSigned(db, consentId, "Consent document (test)", at);
  await setSafetyScreen(db, recipientId, "safe", at);
  if (options.familyUserId) await setRecipientFamilyUser(db, recipientId, options.familyUserId);
  return { consentId, recipientId };
}

/** A complete screening for IOP (every eligibility item yes, moderate risk, 2.1 recommended and provided). */
export function aScreening(overrides: Record<string, unknown> = {}) {
  return {
    edition: 3,
    eligibility: Object.fromEntries(ELIGIBILITY_ITEMS.map((item) => [item, true])),
    ratings: [1, 0, 2, 1, 2, 1],
    justifications: ["", "", "", "", "", ""],
    recommendedLevel: "2.1",
    providedLevel: "2.1",
    ...overrides,
  };
}

/**
 * A signed named-recipient consent to a treating provider for care coordination (the warm handoff's
 * recipient, issue 11): diagnoses, the treatment plan, the discharge summary and scores.
 */
export async function givenProviderConsent(
  db: Database,
  options: { participantId: string; siteId: string; createdBy: string; name?: string; at?: Date },
): Promise<{ consentId: string; recipientId: string }> {
  const at = options.at ?? new Date("2026-03-20T15:00:00Z");
  const { consentId, recipientIds } = await insertConsent(db, {
    participantId: options.participantId,
    siteId: options.siteId,
    requiredSigners: ["patient"],
    createdBy: options.createdBy,
    at,
    draft: {
      kind: "named_recipient",
      patientName: "Test Participant",
      disclosers: [{ type: "program", name: "Bridgeway IOP" }],
      informationScope: ["diagnosis", "treatment_plan", "discharge_summary", "assessment_scores"],
      informationDetail: "",
      recipients: [
        {
          kind: "organisation",
          name: options.name ?? "Harbor Outpatient Clinic",
          relationship: "step-down provider",
          email: "",
          coveredEntity: true,
          intermediaryParticipants: "",
          generalDesignationTreatingOnly: false,
        },
      ],
      purposes: ["care_coordination"],
      purposeDetail: "Continuing care after the IOP",
      expiresOn: "2027-12-31",
      expiryEvent: null,
      refusalConsequences: "",
      revocableAfter: null,
    },
  });
  await insertSignature(db, {
    consentId,
    role: "patient",
    signerName: "Test Participant",
    method: "electronic",
    recordedBy: options.createdBy,
    at,
  });
  await markSigned(db, consentId, "Consent document (test)", at);
  return { consentId, recipientId: recipientIds[0]! };
}
