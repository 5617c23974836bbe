import { Temporal } from "temporal-polyfill";
import {
  ageOn,
  describeConsentScope,
  findMissingElements,
  findMissingSignatures,
  requiredSignersFor,
} from "../consents/consent.rules";
import type {
  ConsentFacts,
  ConsentKind,
  ConsentPurpose,
  ExpiryEvent,
  FamilyScope,
  InformationScope,
  MinorConsentRule,
  RecipientInput,
  SignatureMethod,
  SignerRole,
} from "../consents/consent.schema";
import { renderConsentDocument } from "../consents/consent-document";
import { type ExceptionDetails, exceptionDetailsSchema } from "../disclosures/disclosure.schema";
import { addDays, daysBetween } from "../platform/dates";
import {
  CHECK_IN_NOTES,
  type DemoLanguage,
  EXERCISE_ANSWERS,
  FAMILY_THREADS,
  REVOCATION_STATEMENTS,
  SELF_CARE,
  SHARED_UPDATES,
} from "./demo-consent-phrases";
import { FAMILY_NAMES_EN, FAMILY_NAMES_ES, GIVEN_NAMES_EN, GIVEN_NAMES_ES } from "./names";
import { createRandom, type Random } from "./random";

/**
 * The demo's consents and what rests on them (issue 10), as table rows: a signed TPO consent and the
 * §2.22 notice at each admission, named family consents with family accounts and their portal views
 * (each a logged disclosure), revocations, an expired consent, an oral hold, a safety concern, a minor
 * waiting for a guardian, consents to a primary-care practice, for counseling notes, for probation and
 * for research, disclosures without consent, §2.26 restrictions, do-not-disclose entries, shared
 * updates, family check-ins, education progress and family message threads. Pure: ids, hashes, the
 * clock and the people come in as parameters; the rows keep the tables' own (snake_case) column names.
 */

type Row = Record<string, unknown>;

export interface ConsentEpisode {
  id: string;
  admittedOn: string;
  dischargedOn: string | null;
  counselorId: string;
  counselorName: string;
}

export interface ConsentPerson {
  key: number;
  id: string;
  site: number;
  name: string;
  familyName: string;
  bornOn: string;
  language: DemoLanguage;
  /** Their app account (current participants). */
  userId: string | null;
  /** Oldest first; at most the last one is open. */
  episodes: readonly ConsentEpisode[];
  /** Relatives who came to their family sessions. */
  relatives: readonly { name: string; relationship: string }[];
}

export interface ConsentSite {
  id: string;
  timeZone: string;
  stateCode: string;
  /** Who works admissions (signs people in, hands out the notice). */
  intakeId: string;
  directorId: string;
}

export interface DemoConsentsInput {
  seed: number;
  today: string;
  nowMs: number;
  programName: string;
  emailDomain: string;
  noticeVersion: string;
  sites: readonly ConsentSite[];
  people: readonly ConsentPerson[];
  /** The demo family account, linked to person key 0 (the demo participant account). */
  demoFamily: { userId: string; name: string; email: string; relationship: string };
  /** The family education modules in reading order (empty: no progress is written). */
  moduleKeys: readonly string[];
  id: (name: string) => string;
  hash: (text: string) => string;
}

export interface DemoConsentAlert {
  id: string;
  kind: "family_safety_concern" | "disclosure_approval_needed" | "restriction_requested";
  severity: "info" | "warning";
  siteId: string;
  participantId: string;
  reason: string;
  evidenceKind: "consent" | "disclosure_exception" | "restriction";
  evidenceId: string;
  createdAt: Date;
}

/** Rows by table, in an order that satisfies the foreign keys. */
export interface DemoConsentRows {
  users: Row[];
  minor_consent_rules: Row[];
  consents: Row[];
  consent_recipients: Row[];
  consent_signatures: Row[];
  consent_revocations: Row[];
  family_links: Row[];
  patient_notice_deliveries: Row[];
  disclosure_exceptions: Row[];
  disclosures: Row[];
  consent_restrictions: Row[];
  disclosure_blocks: Row[];
  shared_updates: Row[];
  family_check_ins: Row[];
  family_module_progress: Row[];
  message_threads: Row[];
  messages: Row[];
  message_reads: Row[];
}

export interface DemoConsentPlan {
  rows: DemoConsentRows;
  alerts: DemoConsentAlert[];
  /** The consent recipient the demo family account's link rests on. */
  demoFamilyRecipientId: string;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The same view purposes as the family portal writes in the log. */
const VIEW_PURPOSES: Record<"people" | Exclude<FamilyScope, "family_messages">, string> = {
  people: "Family portal: the people this family member supports",
  family_session_schedule: "Family portal: family session schedule",
  attendance_summary: "Family portal: attendance summary",
  shared_progress: "Family portal: progress the participant chose to share",
  treatment_goals: "Family portal: treatment goals in plain words",
  assessment_scores: "Family portal: questionnaire scores",
};

const PRIMARY_CARE = "Maple Street Family Medicine";
const HEALTH_PLAN = "Evergreen Community Health Plan";
const PROBATION = "Lakeside County Adult Probation Department";
const STUDY = "Northfield University Recovery Outcomes Study";
const PSYCHIATRY = "Harborview Behavioral Health Associates";

/** Demo minor-consent rule: a parent signs with the minor. Not legal advice: counsel sets the real one. */
export function demoMinorRule(stateCode: string): MinorConsentRule {
  return {
    stateCode,
    ageOfMajority: 18,
    minorMayConsentFrom: null,
    parentalConsentRequired: true,
    notes: `Demo data only, not legal advice: counsel must set ${stateCode}'s real rule for minors (42 CFR 2.14 defers to state law) before this site goes live.`,
  };
}

type FamilyVariant =
  | "active"
  | "revoked_whole"
  | "revoked_partial"
  | "expired"
  | "hold"
  | "concern"
  | "minor_waiting";

interface ConsentSpec {
  key: string;
  person: ConsentPerson;
  episode: ConsentEpisode;
  kind: ConsentKind;
  scope: InformationScope[];
  informationDetail?: string;
  recipients: (RecipientInput & { familyUserId?: string | null; safetyScreen?: "safe" | "concern" | null })[];
  purposes: ConsentPurpose[];
  purposeDetail?: string;
  expiresOn?: string | null;
  expiryEvent?: ExpiryEvent | null;
  refusalConsequences?: string;
  revocableAfter?: string | null;
  createdBy: string;
  createdAtMs: number;
  /** Null: a draft nobody signed yet; otherwise how and when everyone the minor rule requires signed. */
  signing: { at: number; method: SignatureMethod } | null;
  /** A draft the participant signed that still waits for their parent or guardian. */
  patientSignedOnlyAt?: number;
  /** The parent or guardian who signs with a minor. */
  guardian?: string;
}

interface BuiltConsent {
  id: string;
  recipientIds: string[];
  facts: ConsentFacts;
  signedAtMs: number | null;
}

export function planDemoConsents(input: DemoConsentsInput): DemoConsentPlan {
  const { seed, today, nowMs, id } = input;
  const random = createRandom(seed).fork("consents");
  const rows: DemoConsentRows = {
    users: [],
    minor_consent_rules: [],
    consents: [],
    consent_recipients: [],
    consent_signatures: [],
    consent_revocations: [],
    family_links: [],
    patient_notice_deliveries: [],
    disclosure_exceptions: [],
    disclosures: [],
    consent_restrictions: [],
    disclosure_blocks: [],
    shared_updates: [],
    family_check_ins: [],
    family_module_progress: [],
    message_threads: [],
    messages: [],
    message_reads: [],
  };
  const alerts: DemoConsentAlert[] = [];
  const rules = input.sites.map((s) => demoMinorRule(s.stateCode));
  const zoneOf = (p: ConsentPerson) => input.sites[p.site]!.timeZone;
  const siteOf = (p: ConsentPerson) => input.sites[p.site]!;
  /** An instant at a local time, never later than a minute before now. */
  const at = (p: ConsentPerson, day: string, minutes: number) =>
    Math.min(
      Temporal.PlainDate.from(day).toZonedDateTime({ timeZone: zoneOf(p) }).epochMilliseconds +
        minutes * 60_000,
      nowMs - 60_000,
    );
  const iso = (ms: number) => new Date(ms).toISOString();
  const localDay = (p: ConsentPerson, ms: number) =>
    Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zoneOf(p)).toPlainDate().toString();

  input.sites.forEach((site, i) => {
    const rule = rules[i]!;
    rows.minor_consent_rules.push({
      id: id(`minor-rule/${i}`),
      site_id: site.id,
      state_code: rule.stateCode,
      age_of_majority: rule.ageOfMajority,
      minor_may_consent_from: rule.minorMayConsentFrom,
      parental_consent_required: rule.parentalConsentRequired,
      notes: rule.notes,
      updated_by: site.directorId,
      updated_at: iso(nowMs - 120 * DAY),
    });
  });

  function addConsent(spec: ConsentSpec): BuiltConsent {
    const consentId = id(`consent/${spec.key}`);
    const recipients = spec.recipients.map((r, i) => ({
      id: id(`consent/${spec.key}/recipient/${i}`),
      kind: r.kind,
      name: r.name,
      relationship: r.relationship,
      email: r.email,
      coveredEntity: r.coveredEntity,
      intermediaryParticipants: r.intermediaryParticipants,
      generalDesignationTreatingOnly: r.generalDesignationTreatingOnly,
      revokedAt: null as Date | null,
    }));
    const requiredSigners = requiredSignersFor(
      rules[spec.person.site]!,
      spec.person.bornOn,
      localDay(spec.person, spec.createdAtMs),
    );
    const signers: SignerRole[] = spec.signing
      ? requiredSigners
      : spec.patientSignedOnlyAt !== undefined
        ? ["patient"]
        : [];
    const signatures = signers.map((role) => ({
      role,
      signerName: role === "patient" ? spec.person.name : (spec.guardian ?? ""),
      signedAt: new Date(spec.signing?.at ?? spec.patientSignedOnlyAt!),
    }));
    const signedAtMs = spec.signing?.at ?? null;
    const facts: ConsentFacts = {
      id: consentId,
      kind: spec.kind,
      patientName: spec.person.name,
      disclosers: [{ type: "program", name: input.programName }],
      informationScope: spec.scope,
      informationDetail: spec.informationDetail ?? "",
      recipients,
      purposes: spec.purposes,
      purposeDetail: spec.purposeDetail ?? "",
      expiresOn: spec.expiresOn ?? null,
      expiryEvent: spec.expiryEvent ?? null,
      refusalConsequences: spec.refusalConsequences ?? "",
      revocableAfter: spec.revocableAfter ?? null,
      requiredSigners,
      signatures,
      status: signedAtMs === null ? "draft" : "signed",
      signedAt: signedAtMs === null ? null : new Date(signedAtMs),
      revokedAt: null,
      holdAt: null,
      materiallyFalseAt: null,
    };
    if (signedAtMs !== null) {
      const missing = [
        ...findMissingElements(facts, null).map((d) => d.message),
        ...findMissingSignatures(requiredSigners, signatures),
      ];
      if (missing.length > 0)
        throw new Error(`Demo consent ${spec.key} is not signable: ${missing.join("; ")}`);
    }
    rows.consents.push({
      id: consentId,
      participant_id: spec.person.id,
      site_id: siteOf(spec.person).id,
      kind: spec.kind,
      patient_name: facts.patientName,
      disclosers: facts.disclosers,
      information_scope: facts.informationScope,
      information_detail: facts.informationDetail,
      purposes: facts.purposes,
      purpose_detail: facts.purposeDetail,
      expires_on: facts.expiresOn,
      expiry_event: facts.expiryEvent,
      refusal_consequences: facts.refusalConsequences,
      revocable_after: facts.revocableAfter,
      required_signers: requiredSigners,
      document_text:
        signedAtMs === null
          ? ""
          : renderConsentDocument({
              consent: facts,
              programName: input.programName,
              timeZone: zoneOf(spec.person),
            }),
      status: facts.status,
      signed_at: signedAtMs === null ? null : iso(signedAtMs),
      hold_at: null,
      hold_note: "",
      hold_by: null,
      materially_false_at: null,
      materially_false_note: "",
      created_by: spec.createdBy,
      created_at: iso(spec.createdAtMs),
      updated_at: iso(signedAtMs ?? spec.patientSignedOnlyAt ?? spec.createdAtMs),
      version: signedAtMs === null ? 1 : 2,
    });
    spec.recipients.forEach((r, i) => {
      rows.consent_recipients.push({
        id: recipients[i]!.id,
        consent_id: consentId,
        kind: r.kind,
        name: r.name,
        relationship: r.relationship,
        email: r.email,
        covered_entity: r.coveredEntity,
        intermediary_participants: r.intermediaryParticipants,
        general_designation_treating_only: r.generalDesignationTreatingOnly,
        family_user_id: r.familyUserId ?? null,
        safety_screen: r.safetyScreen ?? null,
        safety_screened_at: r.safetyScreen ? iso(spec.createdAtMs) : null,
        revoked_at: null,
      });
    });
    signatures.forEach((s) => {
      rows.consent_signatures.push({
        id: id(`consent/${spec.key}/signature/${s.role}`),
        consent_id: consentId,
        role: s.role,
        signer_name: s.signerName,
        method: spec.signing?.method ?? "electronic",
        recorded_by: spec.createdBy,
        signed_at: iso(s.signedAt.getTime()),
      });
    });
    return { id: consentId, recipientIds: recipients.map((r) => r.id), facts, signedAtMs };
  }

  const recipient = (
    kind: RecipientInput["kind"],
    name: string,
    extra: Partial<RecipientInput> = {},
  ): RecipientInput => ({
    kind,
    name,
    relationship: "",
    email: "",
    coveredEntity: false,
    intermediaryParticipants: "",
    generalDesignationTreatingOnly: false,
    ...extra,
  });

  const guardianName = (p: ConsentPerson, r: Random) =>
    p.relatives.find((x) => x.relationship === "mother" || x.relationship === "father")?.name ??
    `${r.pick(p.language === "es" ? GIVEN_NAMES_ES : GIVEN_NAMES_EN)} ${p.familyName}`;

  // ---------- TPO consent and §2.22 notice at every admission ----------
  const current = input.people.filter((p) => p.episodes.at(-1)!.dischargedOn === null);
  const notYetGiven = new Set(
    [...current]
      .filter((p) => p.key !== 0)
      .sort((a, b) => b.episodes.at(-1)!.admittedOn.localeCompare(a.episodes.at(-1)!.admittedOn))
      .slice(0, current.length > 20 ? 2 : 1)
      .map((p) => p.episodes.at(-1)!.id),
  );
  let declined = 0;
  for (const p of input.people) {
    const r = random.fork(`tpo/${p.key}`);
    p.episodes.forEach((e, n) => {
      const intake = siteOf(p).intakeId;
      const signedMs = at(p, e.admittedOn, 10 * 60 + r.int(0, 240));
      addConsent({
        key: `tpo/${p.key}/${n}`,
        person: p,
        episode: e,
        kind: "tpo",
        scope: ["entire_record"],
        recipients: [
          recipient("class", "Health care providers who treat me", {
            coveredEntity: true,
            generalDesignationTreatingOnly: true,
          }),
          recipient("organisation", HEALTH_PLAN, { coveredEntity: true }),
        ],
        purposes: ["tpo"],
        purposeDetail: "To treat me, to be paid for my care and to run the program.",
        expiryEvent: r.chance(0.7) ? "end_of_treatment" : "none",
        refusalConsequences:
          "I will still be offered treatment. The program will not bill my health plan or share my records with my other providers, so I may be asked to pay for my care or to sign a separate consent each time a record needs to be shared.",
        createdBy: intake,
        createdAtMs: signedMs - 20 * 60_000,
        signing: { at: signedMs, method: r.chance(0.3) ? "paper_on_file" : "electronic" },
        guardian: guardianName(p, r),
      });
      if (notYetGiven.has(e.id)) return;
      const paper = r.chance(0.15);
      const refuses = paper && declined < 3 && r.chance(0.5);
      if (refuses) declined += 1;
      const deliveredMs = signedMs - 10 * 60_000;
      rows.patient_notice_deliveries.push({
        id: id(`notice/${p.key}/${n}`),
        participant_id: p.id,
        episode_id: e.id,
        notice_version: input.noticeVersion,
        method: paper ? "paper" : "electronic",
        delivered_by: intake,
        delivered_at: iso(deliveredMs),
        acknowledged_at: iso(Math.min(deliveredMs + r.int(2, paper ? 15 : 600) * 60_000, nowMs - 30_000)),
        acknowledgement: refuses ? "declined" : "signed",
      });
    });
  }

  // ---------- Named family consents ----------
  const shuffledCurrent = shuffle(
    random.fork("family-people"),
    current.filter((p) => p.key !== 0),
  );
  const admittedAgo = (p: ConsentPerson) => daysBetween(p.episodes.at(-1)!.admittedOn, today);
  const isMinor = (p: ConsentPerson) => ageOn(p.bornOn, today) < 18;
  const taken = new Set<number>();
  const take = (ok: (p: ConsentPerson) => boolean) => {
    const found = shuffledCurrent.find((p) => !taken.has(p.key) && ok(p));
    if (found) taken.add(found.key);
    return found;
  };
  const variants: [ConsentPerson, FamilyVariant][] = [];
  const addVariant = (v: FamilyVariant, ok: (p: ConsentPerson) => boolean) => {
    const p = take(ok);
    if (p) variants.push([p, v]);
  };
  addVariant("minor_waiting", (p) => isMinor(p) && p.userId !== null);
  addVariant("revoked_whole", (p) => !isMinor(p) && admittedAgo(p) >= 21 && p.userId !== null);
  addVariant("revoked_partial", (p) => !isMinor(p) && admittedAgo(p) >= 21 && p.userId !== null);
  addVariant("expired", (p) => !isMinor(p) && admittedAgo(p) >= 45);
  addVariant("hold", (p) => !isMinor(p) && admittedAgo(p) >= 10);
  addVariant("concern", (p) => !isMinor(p));
  const wanted = Math.round(current.length * 0.4) - 1;
  while (variants.length < wanted) {
    const p = take(() => true);
    if (!p) break;
    variants.push([p, "active"]);
  }
  const demoPerson = input.people.find((p) => p.key === 0)!;

  let demoFamilyRecipientId = "";
  const familyAccounts: { userId: string; person: ConsentPerson; language: DemoLanguage; sinceMs: number }[] =
    [];
  const threadCandidates: {
    userId: string;
    person: ConsentPerson;
    language: DemoLanguage;
    sinceMs: number;
    untilMs: number;
  }[] = [];

  const familyOf = (p: ConsentPerson, r: Random, count: number) => {
    const pool = isMinor(p)
      ? ["mother", "father", "grandmother"]
      : [
          ...(ageOn(p.bornOn, today) >= 26 ? ["spouse", "partner"] : []),
          ...(ageOn(p.bornOn, today) <= 45 ? ["mother", "father"] : []),
          "sister",
          "brother",
          ...(ageOn(p.bornOn, today) >= 40 ? ["adult son", "adult daughter"] : []),
          "friend",
        ];
    const fromSessions = p.relatives.slice(0, count);
    const out = [...fromSessions];
    for (const relationship of shuffle(r, pool)) {
      if (out.length >= count) break;
      if (out.some((o) => o.relationship === relationship)) continue;
      const es = p.language === "es";
      const keepsName = !["spouse", "partner", "friend"].includes(relationship);
      out.push({
        name: `${r.pick(es ? GIVEN_NAMES_ES : GIVEN_NAMES_EN)} ${keepsName ? p.familyName : r.pick(es ? FAMILY_NAMES_ES : FAMILY_NAMES_EN)}`,
        relationship,
      });
    }
    return out;
  };

  const scopeFor = (r: Random): FamilyScope[] => {
    const scope: FamilyScope[] = ["family_session_schedule", "attendance_summary"];
    if (r.chance(0.45)) scope.push("shared_progress");
    if (r.chance(0.3)) scope.push("treatment_goals");
    if (r.chance(0.1)) scope.push("assessment_scores");
    if (r.chance(0.35)) scope.push("family_messages");
    return scope;
  };

  const familyPlans: [ConsentPerson, FamilyVariant][] = [[demoPerson, "active"], ...variants];
  for (const [p, variant] of familyPlans) {
    const r = random.fork(`family/${p.key}`);
    const e = p.episodes.at(-1)!;
    const isDemo = p.key === 0;
    const members = isDemo
      ? [{ name: input.demoFamily.name, relationship: input.demoFamily.relationship }]
      : familyOf(p, r, variant === "revoked_partial" ? 2 : r.chance(0.3) ? 2 : 1);
    const scope: FamilyScope[] = isDemo
      ? [
          "family_session_schedule",
          "attendance_summary",
          "shared_progress",
          "treatment_goals",
          "family_messages",
        ]
      : scopeFor(r);
    const ago = admittedAgo(p);
    const signedOn =
      variant === "expired"
        ? addDays(e.admittedOn, r.int(2, 5))
        : addDays(e.admittedOn, Math.min(ago, r.int(1, Math.max(1, Math.min(10, ago - 8)))));
    const signedMs = at(p, signedOn, 13 * 60 + r.int(0, 300));
    const counselor = e.counselorId;
    const accountIds = members.map((_, i) =>
      isDemo ? input.demoFamily.userId : id(`family-user/${p.key}/${i}`),
    );
    const hasAccounts = variant !== "concern" && variant !== "minor_waiting";
    const expiresOn =
      variant === "expired"
        ? addDays(today, -r.int(3, 12))
        : !isDemo && r.chance(0.25)
          ? addDays(e.admittedOn, 180)
          : null;
    const built = addConsent({
      key: `family/${p.key}`,
      person: p,
      episode: e,
      kind: "named_recipient",
      scope,
      recipients: members.map((m, i) => ({
        ...recipient("person", m.name, {
          relationship: m.relationship,
          email: isDemo ? input.demoFamily.email : emailOf(m.name, `${p.key}${i}`, input.emailDomain),
        }),
        familyUserId: hasAccounts ? accountIds[i] : null,
        safetyScreen: variant === "concern" ? ("concern" as const) : ("safe" as const),
      })),
      purposes: ["family_involvement"],
      purposeDetail: "So the people close to me can support my recovery through the family portal.",
      expiresOn,
      expiryEvent: expiresOn === null ? "end_of_treatment" : null,
      createdBy: p.userId ?? counselor,
      createdAtMs: signedMs - 15 * 60_000,
      signing:
        variant === "concern" || variant === "minor_waiting" ? null : { at: signedMs, method: "electronic" },
      patientSignedOnlyAt: variant === "minor_waiting" ? signedMs : undefined,
      guardian: guardianName(p, r),
    });
    if (isDemo) demoFamilyRecipientId = built.recipientIds[0]!;

    if (variant === "concern") {
      alerts.push({
        id: id(`alert/safety/${p.key}`),
        kind: "family_safety_concern",
        severity: "warning",
        siteId: siteOf(p).id,
        participantId: p.id,
        reason:
          "Safety screen: the participant is not sure it is safe to share with a person they named. Talk it through before any access is granted.",
        evidenceKind: "consent",
        evidenceId: built.id,
        createdAt: new Date(signedMs - 10 * 60_000),
      });
      continue;
    }
    if (!hasAccounts) continue;

    // Accounts and links (the demo family account exists already; its link is made by the caller).
    members.forEach((m, i) => {
      if (isDemo) return;
      rows.users.push({
        id: accountIds[i],
        email: emailOf(m.name, `${p.key}${i}`, input.emailDomain),
        display_name: m.name,
        kind: "family",
        locale: p.language,
        password_hash: null,
        created_at: iso(signedMs + 5 * 60_000),
        updated_at: iso(signedMs + 5 * 60_000),
      });
      rows.family_links.push({
        user_id: accountIds[i],
        participant_id: p.id,
        relationship: m.relationship,
        consent_recipient_id: built.recipientIds[i],
        created_at: iso(signedMs + 5 * 60_000),
      });
    });

    // When each recipient's access ends: a revocation, an expiry, an oral hold, or not at all.
    let endMs = nowMs;
    const revokedRecipient: (number | null)[] = members.map(() => null);
    if (variant === "revoked_whole" || variant === "revoked_partial") {
      const revokedMs = Math.min(signedMs + r.int(7, Math.max(8, ago - 5)) * DAY, nowMs - 2 * DAY);
      const whole = variant === "revoked_whole";
      const which = whole ? null : 1;
      const words = REVOCATION_STATEMENTS[p.language];
      rows.consent_revocations.push({
        id: id(`revocation/${p.key}`),
        consent_id: built.id,
        recipient_id: which === null ? null : built.recipientIds[which],
        written_statement: whole ? words.whole : words.one.replace("{name}", members[which!]!.name),
        method: "participant_app",
        recorded_by: p.userId,
        revoked_at: iso(revokedMs),
      });
      built.recipientIds.forEach((rid, i) => {
        if (which !== null && i !== which) return;
        rows.consent_recipients.find((x) => x.id === rid)!.revoked_at = iso(revokedMs);
        revokedRecipient[i] = revokedMs;
      });
    }
    if (variant === "expired") {
      endMs = Temporal.PlainDate.from(addDays(expiresOn!, 1)).toZonedDateTime({
        timeZone: zoneOf(p),
      }).epochMilliseconds;
    }
    if (variant === "hold") {
      const holdMs = nowMs - r.int(1, 3) * DAY;
      const row = rows.consents.find((x) => x.id === built.id)!;
      row.hold_at = iso(holdMs);
      row.hold_by = counselor;
      row.hold_note =
        "Said at group that they want to stop sharing with their family for now; written revocation offered, sharing paused until then.";
      row.updated_at = iso(holdMs);
      row.version = 3;
      endMs = holdMs;
    }

    members.forEach((_, i) => {
      const untilMs = Math.min(endMs, revokedRecipient[i] ?? nowMs);
      writeViews(r.fork(`views/${i}`), p, built, i, accountIds[i]!, scope, signedMs + 30 * 60_000, untilMs);
      const active = untilMs === nowMs;
      familyAccounts.push({ userId: accountIds[i]!, person: p, language: p.language, sinceMs: signedMs });
      if (active && scope.includes("family_messages"))
        threadCandidates.push({
          userId: accountIds[i]!,
          person: p,
          language: p.language,
          sinceMs: signedMs,
          untilMs,
        });
    });
    if (scope.includes("shared_progress")) writeSharedUpdates(r.fork("updates"), p, signedMs);
  }

  function writeViews(
    r: Random,
    p: ConsentPerson,
    consent: BuiltConsent,
    index: number,
    userId: string,
    scope: readonly FamilyScope[],
    fromMs: number,
    untilMs: number,
  ) {
    const recipientId = consent.recipientIds[index]!;
    const scopeSummary = describeConsentScope(consent.facts, recipientId);
    const sections = scope.filter(
      (s): s is Exclude<FamilyScope, "family_messages"> => s !== "family_messages",
    );
    let n = 0;
    for (let weekStart = fromMs; weekStart < untilMs; weekStart += 7 * DAY) {
      const visits = r.int(1, 4);
      for (let v = 0; v < visits; v++) {
        const day = localDay(p, weekStart + r.int(0, 6) * DAY);
        const visitMs = at(p, day, 17 * 60 + r.int(0, 240));
        if (visitMs <= fromMs || visitMs >= untilMs) continue;
        const seen = shuffle(r, sections).slice(0, r.int(1, Math.min(2, sections.length)));
        for (const [k, view] of (["people", ...seen] as const).entries()) {
          const atMs = visitMs + k * 40_000;
          if (atMs >= untilMs) break;
          rows.disclosures.push({
            id: id(`disclosure/family/${consent.id}/${index}/${n++}`),
            participant_id: p.id,
            site_id: siteOf(p).id,
            basis: "consent",
            consent_id: consent.id,
            recipient_id: recipientId,
            recipient_name: consent.facts.recipients[index]!.name,
            recipient_user_id: userId,
            channel: "family_portal",
            purpose: VIEW_PURPOSES[view],
            information: view === "people" ? [] : [view],
            statement: "statement_1",
            scope_summary: scopeSummary,
            payload_hash: input.hash(`${consent.id}/${index}/${view}/${atMs}`),
            disclosed_by: userId,
            exception_id: null,
            disclosed_at: iso(atMs),
          });
        }
      }
    }
  }

  function writeSharedUpdates(r: Random, p: ConsentPerson, fromMs: number) {
    const words = shuffle(r, SHARED_UPDATES[p.language]);
    const span = Math.max(1, Math.floor((nowMs - fromMs) / DAY));
    const count = Math.min(words.length, 1 + Math.floor(span / 10));
    for (let i = 0; i < count; i++) {
      const createdMs = Math.min(fromMs + Math.floor(((i + 0.5) * span * DAY) / count), nowMs - HOUR);
      rows.shared_updates.push({
        id: id(`shared-update/${p.key}/${i}`),
        participant_id: p.id,
        body: words[i],
        created_at: iso(createdMs),
        removed_at: null,
      });
    }
  }

  // ---------- Family members' own check-ins, education progress and threads ----------
  familyAccounts.forEach((account, n) => {
    const r = random.fork(`family-own/${account.userId}`);
    const isDemo = account.userId === input.demoFamily.userId;
    if (!isDemo && n % 2 === 1) return;
    const p = account.person;
    const lang = account.language;
    const firstDay = localDay(p, account.sinceMs);
    let stress = r.int(5, 8);
    for (let d = Math.min(21, daysBetween(firstDay, today)); d >= 1; d--) {
      if (!r.chance(isDemo ? 0.5 : 0.3)) continue;
      const day = addDays(today, -d);
      stress = Math.max(1, Math.min(10, stress + r.int(-2, 1)));
      const recordedMs = at(p, day, 20 * 60 + r.int(0, 120));
      rows.family_check_ins.push({
        id: id(`family-check-in/${account.userId}/${day}`),
        user_id: account.userId,
        recorded_on: day,
        stress,
        wellbeing: Math.max(0, Math.min(10, 10 - stress + r.int(-1, 2))),
        sleep_quality: r.chance(0.8) ? r.int(2, 5) : null,
        self_care: r.pick(SELF_CARE[lang]),
        note: r.pick(CHECK_IN_NOTES[lang]),
        created_at: iso(recordedMs),
        updated_at: iso(recordedMs),
      });
    }
    if (input.moduleKeys.length === 0) return;
    const done = isDemo ? 3 : r.int(0, Math.min(5, input.moduleKeys.length - 1));
    let moduleMs = account.sinceMs + DAY;
    for (let k = 0; k <= done && k < input.moduleKeys.length; k++) {
      moduleMs = Math.min(moduleMs + r.int(1, 5) * DAY, nowMs - HOUR);
      const finished = k < done;
      rows.family_module_progress.push({
        user_id: account.userId,
        module_key: input.moduleKeys[k],
        exercise_answer: finished && r.chance(0.7) ? r.pick(EXERCISE_ANSWERS[lang]) : "",
        completed_at: finished ? iso(moduleMs) : null,
        updated_at: iso(moduleMs),
      });
    }
  });

  const threadsFor = threadCandidates.filter((c, i) => c.userId === input.demoFamily.userId || i % 2 === 0);
  for (const c of threadsFor) {
    const r = random.fork(`family-thread/${c.userId}`);
    const template = r.pick(FAMILY_THREADS[c.language]);
    const counselor = c.person.episodes.at(-1)!.counselorId;
    const threadId = id(`family-thread/${c.userId}`);
    let atMs = Math.min(c.sinceMs + r.int(2, 10) * DAY, nowMs - 3 * DAY);
    atMs = Math.max(atMs, c.sinceMs + HOUR);
    const times = template.messages.map((_, i) => {
      if (i > 0) atMs = Math.min(atMs + r.int(2, 20) * HOUR, nowMs - 10 * 60_000);
      return atMs;
    });
    rows.message_threads.push({
      id: threadId,
      participant_id: c.person.id,
      site_id: siteOf(c.person).id,
      subject: template.subject,
      created_by: c.userId,
      family_user_id: c.userId,
      created_at: iso(times[0]!),
      last_message_at: iso(times.at(-1)!),
    });
    template.messages.forEach((body, i) => {
      const family = i % 2 === 0;
      rows.messages.push({
        id: id(`family-thread/${c.userId}/message/${i}`),
        thread_id: threadId,
        author_id: family ? c.userId : counselor,
        author_kind: family ? "family" : "staff",
        body,
        idempotency_key: id(`family-thread/${c.userId}/message/${i}/key`),
        created_at: iso(times[i]!),
      });
    });
    const lastFamily = times.filter((_, i) => i % 2 === 0).at(-1)!;
    rows.message_reads.push(
      { thread_id: threadId, user_id: c.userId, last_read_at: iso(times.at(-1)!) },
      { thread_id: threadId, user_id: counselor, last_read_at: iso(Math.min(lastFamily + HOUR, nowMs)) },
    );
  }

  // ---------- Other consents, disclosures without consent, restrictions, do-not-disclose ----------
  const others = shuffle(
    random.fork("others"),
    current.filter((p) => p.key !== 0 && !isMinor(p) && p.userId !== null),
  );
  const pick = (i: number) => others[i % Math.max(1, others.length)];
  const older = (p: ConsentPerson) => addDays(p.episodes.at(-1)!.admittedOn, Math.min(3, admittedAgo(p)));

  const pc = pick(0);
  if (pc) {
    const e = pc.episodes.at(-1)!;
    const signedMs = at(pc, older(pc), 11 * 60);
    const built = addConsent({
      key: `primary-care/${pc.key}`,
      person: pc,
      episode: e,
      kind: "named_recipient",
      scope: ["diagnosis", "medications", "progress_summary"],
      recipients: [recipient("organisation", PRIMARY_CARE, { coveredEntity: true })],
      purposes: ["care_coordination"],
      purposeDetail: "So my primary-care doctor knows about my treatment and medications.",
      expiresOn: addDays(e.admittedOn, 365),
      createdBy: e.counselorId,
      createdAtMs: signedMs - 20 * 60_000,
      signing: { at: signedMs, method: "electronic" },
    });
    const releaseMs = Math.min(signedMs + 2 * DAY, nowMs - HOUR);
    rows.disclosures.push({
      id: id(`disclosure/release/${pc.key}`),
      participant_id: pc.id,
      site_id: siteOf(pc).id,
      basis: "consent",
      consent_id: built.id,
      recipient_id: built.recipientIds[0],
      recipient_name: PRIMARY_CARE,
      recipient_user_id: null,
      channel: "record_release",
      purpose: `Release to ${PRIMARY_CARE}: care coordination`,
      information: ["diagnosis", "medications", "progress_summary"],
      statement: "statement_1",
      scope_summary: describeConsentScope(built.facts, built.recipientIds[0]!),
      payload_hash: input.hash(`release/${pc.key}`),
      disclosed_by: e.counselorId,
      exception_id: null,
      disclosed_at: iso(releaseMs),
    });
  }

  const notes = pick(1);
  if (notes) {
    const e = notes.episodes.at(-1)!;
    const signedMs = at(notes, older(notes), 14 * 60);
    addConsent({
      key: `counseling-notes/${notes.key}`,
      person: notes,
      episode: e,
      kind: "counseling_notes",
      scope: ["counseling_notes"],
      recipients: [recipient("organisation", PSYCHIATRY, { coveredEntity: true })],
      purposes: ["care_coordination"],
      purposeDetail: "So my psychiatrist can follow what we work on in counseling.",
      expiresOn: addDays(e.admittedOn, 120),
      createdBy: e.counselorId,
      createdAtMs: signedMs - 20 * 60_000,
      signing: { at: signedMs, method: "paper_on_file" },
    });
  }

  const probation = pick(2);
  if (probation) {
    const e = probation.episodes.at(-1)!;
    const signedMs = at(probation, e.admittedOn, 15 * 60);
    addConsent({
      key: `probation/${probation.key}`,
      person: probation,
      episode: e,
      kind: "criminal_justice",
      scope: ["attendance", "drug_screens", "progress_summary"],
      recipients: [recipient("organisation", PROBATION)],
      purposes: ["criminal_justice_monitoring"],
      purposeDetail:
        "Referred to treatment as a condition of probation; the officer monitors attendance and progress.",
      expiryEvent: "final_disposition",
      revocableAfter: addDays(e.admittedOn, 180),
      createdBy: siteOf(probation).intakeId,
      createdAtMs: signedMs - 20 * 60_000,
      signing: { at: signedMs, method: "paper_on_file" },
    });
  }

  const research = pick(3);
  if (research) {
    const e = research.episodes.at(-1)!;
    const signedMs = at(research, older(research), 12 * 60);
    addConsent({
      key: `research/${research.key}`,
      person: research,
      episode: e,
      kind: "research",
      scope: ["assessment_scores", "attendance"],
      recipients: [recipient("organisation", STUDY)],
      purposes: ["research"],
      purposeDetail: "A study of how questionnaire scores change during intensive outpatient treatment.",
      expiryEvent: "end_of_study",
      createdBy: e.counselorId,
      createdAtMs: signedMs - 20 * 60_000,
      signing: { at: signedMs, method: "electronic" },
    });
  }

  const exception = (
    key: string,
    p: ConsentPerson,
    details: ExceptionDetails,
    status: "recorded" | "pending_approval" | "refused",
    information: InformationScope[],
    requestedMs: number,
  ) => {
    const e = p.episodes.at(-1)!;
    const exceptionId = id(`exception/${key}`);
    const director = siteOf(p).directorId;
    const decided = status === "refused";
    rows.disclosure_exceptions.push({
      id: exceptionId,
      participant_id: p.id,
      site_id: siteOf(p).id,
      kind: details.kind,
      details: exceptionDetailsSchema.parse(details),
      information,
      status,
      requested_by: e.counselorId,
      requested_at: iso(requestedMs),
      decided_by: decided ? director : null,
      decided_at: decided ? iso(Math.min(requestedMs + DAY, nowMs - HOUR)) : null,
      decision_note: decided
        ? "Refused: counsel found the order does not make the findings 42 CFR 2.64(d) requires. The court clerk has been told; nothing was released."
        : "",
    });
    return exceptionId;
  };

  const emergency = pick(4);
  if (emergency) {
    const e = emergency.episodes.at(-1)!;
    const disclosedMs = at(emergency, addDays(today, -Math.min(admittedAgo(emergency), 9)), 19 * 60 + 40);
    const exceptionId = exception(
      `emergency/${emergency.key}`,
      emergency,
      {
        kind: "medical_emergency",
        recipientName: "Dr. Imani Castellow, emergency physician",
        recipientFacility: "St. Brendan Regional Hospital emergency department",
        disclosedByName: e.counselorName,
        disclosedAt: iso(disclosedMs),
        natureOfEmergency:
          "Collapsed during evening group, unresponsive; naloxone given and 911 called. The emergency physician asked which substances and medications were involved.",
        askedNotToRedisclose: false,
      },
      "recorded",
      ["medications", "diagnosis"],
      disclosedMs + 30 * 60_000,
    );
    rows.disclosures.push({
      id: id(`disclosure/emergency/${emergency.key}`),
      participant_id: emergency.id,
      site_id: siteOf(emergency).id,
      basis: "medical_emergency",
      consent_id: null,
      recipient_id: null,
      recipient_name: "Dr. Imani Castellow, St. Brendan Regional Hospital",
      recipient_user_id: null,
      channel: "no_consent",
      purpose: "Medical emergency: medications and substance use for the treating emergency physician",
      information: ["medications", "diagnosis"],
      statement: "statement_1",
      scope_summary: "Disclosed without consent under 42 CFR Part 2 (medical emergency).",
      payload_hash: input.hash(`emergency/${emergency.key}`),
      disclosed_by: e.counselorId,
      exception_id: exceptionId,
      disclosed_at: iso(Math.min(disclosedMs + 30 * 60_000, nowMs - 60_000)),
    });
  }

  const audited = pick(5);
  if (audited) {
    const requestedMs = nowMs - 26 * HOUR;
    const exceptionId = exception(
      `audit/${audited.key}`,
      audited,
      {
        kind: "audit_evaluation",
        auditorName: "Lena Marchetti",
        organisation: "Quality Review Partners",
        onBehalfOf: HEALTH_PLAN,
        writtenAgreementOnFile: true,
        scope:
          "Attendance and treatment-plan reviews for a sample of this year's admissions (utilization review).",
        copiedOrRemoved: false,
        returnOrDestroyBy: null,
      },
      "pending_approval",
      ["attendance", "treatment_plan"],
      requestedMs,
    );
    alerts.push({
      id: id(`alert/approval/${audited.key}`),
      kind: "disclosure_approval_needed",
      severity: "info",
      siteId: siteOf(audited).id,
      participantId: audited.id,
      reason: "An audit disclosure without consent waits for the clinical director's approval.",
      evidenceKind: "disclosure_exception",
      evidenceId: exceptionId,
      createdAt: new Date(requestedMs),
    });
  }

  const court = pick(6);
  if (court) {
    const requestedMs = nowMs - 6 * DAY;
    exception(
      `court/${court.key}`,
      court,
      {
        kind: "court_order",
        court: "Lakeside County Family Court",
        caseNumber: "FC-2026-0412",
        section: "2.64",
        orderAttached: true,
        subpoenaAttached: true,
        receivedOn: addDays(today, -6),
        counselReviewed: true,
        patientNotified: true,
        limits: "Attendance dates only, for a custody hearing.",
      },
      "refused",
      ["attendance"],
      requestedMs,
    );
  }

  const restrict = (key: string, p: ConsentPerson, values: Row, requestedMs: number) => {
    const restrictionId = id(`restriction/${key}`);
    rows.consent_restrictions.push({
      id: restrictionId,
      participant_id: p.id,
      site_id: siteOf(p).id,
      requested_at: iso(requestedMs),
      decided_by: null,
      decided_at: null,
      decision_note: "",
      terminated_at: null,
      termination_note: "",
      ...values,
    });
    return restrictionId;
  };
  const selfPaid = pick(7);
  if (selfPaid) {
    const e = selfPaid.episodes.at(-1)!;
    const requestedMs = at(selfPaid, older(selfPaid), 16 * 60);
    restrict(
      `self-paid/${selfPaid.key}`,
      selfPaid,
      {
        kind: "health_plan_self_paid",
        information_scope: ["attendance", "progress_summary"],
        recipient_text: HEALTH_PLAN,
        description:
          "I paid for my individual sessions myself. Please do not send anything about them to my health plan.",
        status: "agreed",
        requested_via: "staff_recorded",
        decided_by: e.counselorId,
        decided_at: iso(Math.min(requestedMs + HOUR, nowMs - 60_000)),
        decision_note: "Required by 42 CFR 2.26 for services paid in full; billing told.",
      },
      requestedMs,
    );
  }
  const category = pick(8);
  if (category) {
    const requestedMs = at(category, older(category), 17 * 60);
    restrict(
      `drug-screens/${category.key}`,
      category,
      {
        kind: "category",
        information_scope: ["drug_screens"],
        recipient_text: "",
        description: "Please keep my drug screen results out of anything shared for payment or operations.",
        status: "agreed",
        requested_via: "participant_app",
        decided_by: siteOf(category).directorId,
        decided_at: iso(Math.min(requestedMs + DAY, nowMs - 60_000)),
        decision_note: "Agreed; results stay in the chart for treatment only.",
      },
      requestedMs,
    );
  }
  const pending = pick(9);
  if (pending) {
    const requestedMs = nowMs - 5 * HOUR;
    const restrictionId = restrict(
      `pending/${pending.key}`,
      pending,
      {
        kind: "category",
        information_scope: ["diagnosis"],
        recipient_text: "",
        description: "I'd rather my diagnosis were not sent anywhere unless it is needed to treat me.",
        status: "requested",
        requested_via: "participant_app",
      },
      requestedMs,
    );
    alerts.push({
      id: id(`alert/restriction/${pending.key}`),
      kind: "restriction_requested",
      severity: "info",
      siteId: siteOf(pending).id,
      participantId: pending.id,
      reason: "The participant asked for a restriction on what is disclosed; the program must answer.",
      evidenceKind: "restriction",
      evidenceId: restrictionId,
      createdAt: new Date(requestedMs),
    });
  }

  [pick(10), pick(11)].forEach((p, i) => {
    if (!p || rows.disclosure_blocks.some((b) => b.participant_id === p.id)) return;
    const r = random.fork(`block/${p.key}`);
    const es = p.language === "es";
    rows.disclosure_blocks.push({
      id: id(`block/${p.key}`),
      participant_id: p.id,
      name: `${r.pick(es ? GIVEN_NAMES_ES : GIVEN_NAMES_EN)} ${r.pick(es ? FAMILY_NAMES_ES : FAMILY_NAMES_EN)}`,
      email: "",
      note:
        i === 0 ? "Former partner. Never share anything with them." : "A relative I am not in contact with.",
      created_by: p.userId,
      created_at: iso(at(p, older(p), 18 * 60)),
      removed_at: null,
    });
  });

  return { rows, alerts, demoFamilyRecipientId };
}

function shuffle<T>(random: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function emailOf(name: string, tag: string, domain: string): string {
  const local = name
    .normalize("NFD")
    .replace(/[^A-Za-z ]/g, "")
    .trim()
    .toLowerCase()
    .replace(/ +/g, ".");
  return `${local}.family${tag}@${domain}`;
}
