import { createHash } from "node:crypto";
import { deriveAudience, resolveRecipients } from "../../core/alerts/alerts.rules";
import { type DemoConsentPlan, planDemoConsents } from "../../core/demo/demo-consents";
import { DEMO_SITES, type DemoParticipant } from "../../core/demo/demo-plan";
import { FAMILY_MODULE_KEYS } from "../../core/family-learning/family-learning.schema";
import { DEFAULT_NOTICE_SETTINGS } from "../../core/privacy/notice.schema";
import { noticeVersionOf } from "../../core/privacy/notice.text";
import * as alertStore from "../alerts/alerts.sql";
import type { Queryable } from "../db/connection";
import { alertRecipients, alerts } from "../db/schema";
import * as demo from "./demo.sql";
import { DEMO_ACCOUNTS, DEMO_EMAIL_DOMAIN } from "./demo-accounts";
import * as store from "./demo-consents.sql";
import { demoUuid } from "./demo-ids";
import { episodeId, type ProgramRows, participantId, siteId } from "./demo-rows";

/**
 * The demo's consents, disclosures and family data (issue 10), planned in
 * src/core/demo/demo-consents.ts and written here. Runs last: the family members are the relatives of
 * the family sessions, and the participants' app accounts exist.
 */

export interface ConsentsSummary {
  consents: number;
  familyAccounts: number;
  disclosures: number;
  noticeDeliveries: number;
  familyThreads: number;
  alerts: number;
}

/** The demo sites' states (demo data: the minor-consent rule notes say counsel sets the real one). */
const DEMO_SITE_STATES = ["NY", "IL"] as const;

/** The demo family account's relationship to the demo participant (as its family link says). */
const DEMO_FAMILY_RELATIONSHIP = "sister";

export async function writeConsents(
  q: Queryable,
  options: { seed: number; today: string; now: Date; currentOnly: boolean },
  plan: readonly DemoParticipant[],
  program: ProgramRows,
): Promise<ConsentsSummary> {
  const names = new Map(program.users.map((u) => [u.id!, u.displayName]));
  const participantAccount = DEMO_ACCOUNTS.find((a) => a.kind === "participant")!;
  const familyAccount = DEMO_ACCOUNTS.find((a) => a.kind === "family")!;
  const director = DEMO_ACCOUNTS.find((a) => a.roles.includes("clinical_director"))!;
  const siteIds = DEMO_SITES.map((_, i) => siteId(i));
  const intake = await demo.findIntakeOwnersBySite(q, siteIds);
  const users = await store.listParticipantUsers(q);
  const relatives = await store.listFamilySessionRelatives(q);

  const planned: DemoConsentPlan = planDemoConsents({
    seed: options.seed,
    today: options.today,
    nowMs: options.now.getTime(),
    programName: program.organisation.name,
    emailDomain: DEMO_EMAIL_DOMAIN,
    // The demo keeps the default notice settings: every notice given is the current version.
    noticeVersion: noticeVersionOf(DEFAULT_NOTICE_SETTINGS),
    sites: DEMO_SITES.map((s, i) => ({
      id: siteIds[i]!,
      timeZone: s.timeZone,
      stateCode: DEMO_SITE_STATES[i]!,
      intakeId: intake.get(siteIds[i]!)!,
      directorId: demoUuid(`user/${director.email}`),
    })),
    // Benchmark scale: the current participants only (a consent per past episode would be 130,000 documents).
    people: (options.currentOnly ? plan.filter((p) => p.episodes.at(-1)!.dischargedOn === null) : plan).map(
      (p) => {
        const id = participantId(options.seed, p.key);
        const account = p.key === 0;
        return {
          key: p.key,
          id,
          site: p.site,
          name: account ? participantAccount.displayName : `${p.givenName} ${p.familyName}`,
          familyName: account ? participantAccount.displayName.split(" ")[1]! : p.familyName,
          bornOn: p.bornOn,
          language: p.preferredLanguage,
          userId: users.get(id) ?? null,
          episodes: p.episodes.map((e, n) => {
            const counselorId = program.counselorIds[p.site]![e.counselor]!;
            return {
              id: episodeId(options.seed, p.key, n),
              admittedOn: e.admittedOn,
              dischargedOn: e.dischargedOn,
              counselorId,
              counselorName: names.get(counselorId) ?? "",
            };
          }),
          relatives: relatives.get(id) ?? [],
        };
      },
    ),
    demoFamily: {
      userId: demoUuid(`user/${familyAccount.email}`),
      name: familyAccount.displayName,
      email: familyAccount.email,
      relationship: DEMO_FAMILY_RELATIONSHIP,
    },
    moduleKeys: FAMILY_MODULE_KEYS,
    id: (name) => demoUuid(`${options.seed}/${name}`),
    hash: (text) => createHash("sha256").update(text).digest("hex"),
  });

  for (const table of store.DEMO_CONSENT_TABLES) await store.insertTableRows(q, table, planned.rows[table]);
  await demo.linkDemoFamily(q, familyAccount.email, participantAccount.email, planned.demoFamilyRecipientId);
  const alertCount = await writeConsentAlerts(q, planned);
  return {
    consents: planned.rows.consents.length,
    familyAccounts: planned.rows.users.length + 1,
    disclosures: planned.rows.disclosures.length,
    noticeDeliveries: planned.rows.patient_notice_deliveries.length,
    familyThreads: planned.rows.message_threads.length,
    alerts: alertCount,
  };
}

/** The open alerts (safety concern, approval needed, restriction requested) for those the live service picks. */
async function writeConsentAlerts(q: Queryable, planned: DemoConsentPlan): Promise<number> {
  const teams = await demo.listCareTeams(q, [...new Set(planned.alerts.map((a) => a.participantId))]);
  const rows = planned.alerts.map((a) => ({ ...a, audience: [...deriveAudience(a.kind, a.severity)] }));
  await demo.insertRows(q, alerts, rows);
  const recipients: (typeof alertRecipients.$inferInsert)[] = [];
  for (const alert of rows) {
    const directors = await alertStore.findClinicalDirectors(q, alert.siteId);
    const people = {
      careTeam: teams.get(alert.participantId) ?? [],
      clinicalDirectors: directors.map((d) => d.userId),
    };
    for (const userId of resolveRecipients({ audience: alert.audience, escalated: false }, people))
      recipients.push({ alertId: alert.id, userId, addedFor: "raised", addedAt: alert.createdAt });
  }
  await demo.insertRows(q, alertRecipients, recipients);
  return rows.length;
}
