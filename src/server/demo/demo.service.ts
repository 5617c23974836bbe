import { type DemoCheckIn, planCheckIns } from "../../core/demo/check-in-trajectories";
import { addDays } from "../../core/demo/dates";
import {
  ALUMNI_CHECK_IN_DAYS,
  ALUMNI_CHECK_IN_RATE,
  DEMO_EXTRA_COUNSELORS,
  DEMO_SITES,
  DEMO_TRACKS,
  type DemoParticipant,
  type DemoScale,
  planDemoParticipants,
} from "../../core/demo/demo-plan";
import { createRandom } from "../../core/demo/random";
import type { DatabaseHandle, Queryable } from "../db/connection";
import { episodes, organisations, participants, sites, tracks } from "../db/schema";
import { hashPassword } from "../identity/passwords";
import * as users from "../identity/users.sql";
import * as demo from "./demo.sql";
import { DEMO_ACCOUNTS, DEMO_EMAIL_DOMAIN, DEMO_PASSWORD } from "./demo-accounts";

export class DemoRefusedError extends Error {
  override name = "DemoRefusedError";
}

export interface DemoProgress {
  phase: string;
  done: number;
  total: number;
}

export interface DemoOptions {
  seed: number;
  scale: DemoScale;
  now: Date;
  onProgress?: (progress: DemoProgress) => void;
}

export interface DemoSummary {
  participants: number;
  episodes: number;
  checkIns: number;
  staff: number;
}

const BATCH = 1_000;
/** Participants per SQL statement when check-ins are generated in the database (large scale). */
const SQL_CHECK_IN_BATCH = 500;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const emailFor = (displayName: string) =>
  `${displayName
    .normalize("NFD")
    .replace(/[^A-Za-z ]/g, "")
    .trim()
    .toLowerCase()
    .replace(/ +/g, ".")}@${DEMO_EMAIL_DOMAIN}`;

/** Staff, organisation, sites, tracks. Returns counselor ids per site, in plan order. */
async function insertProgram(q: Queryable, passwordHash: string, today: string) {
  const [org] = await q.insert(organisations).values({ name: "Harbor Light Recovery" }).returning();
  const siteRows = await q
    .insert(sites)
    .values(DEMO_SITES.map((s) => ({ organisationId: org!.id, name: s.name, timeZone: s.timeZone })))
    .returning();
  const siteIds = DEMO_SITES.map((s) => siteRows.find((r) => r.name === s.name)!.id);
  const counselors: string[][] = DEMO_SITES.map(() => []);
  for (const account of DEMO_ACCOUNTS.filter((a) => a.kind === "staff")) {
    const id = await users.insert(q, {
      email: account.email,
      displayName: account.displayName,
      kind: "staff",
      locale: "en",
      passwordHash,
    });
    await users.insertRoles(q, id, account.roles);
    await users.insertSiteMemberships(
      q,
      id,
      account.sites.map((i) => siteIds[i]!),
    );
    if (account.roles.includes("counselor")) for (const i of account.sites) counselors[i]!.push(id);
  }
  for (const extra of DEMO_EXTRA_COUNSELORS) {
    const id = await users.insert(q, {
      email: emailFor(extra.displayName),
      displayName: extra.displayName,
      kind: "staff",
      locale: "en",
      passwordHash: null,
    });
    await users.insertRoles(q, id, ["counselor"]);
    await users.insertSiteMemberships(q, id, [siteIds[extra.site]!]);
    counselors[extra.site]!.push(id);
  }
  const trackRows = await q
    .insert(tracks)
    .values(
      DEMO_TRACKS.map((t) => ({
        siteId: siteIds[t.site]!,
        name: t.name,
        audience: t.audience,
        capacity: t.capacity,
        timeZone: DEMO_SITES[t.site]!.timeZone,
        startsOn: addDays(today, -3 * 365 - 30),
      })),
    )
    .returning();
  const trackIds = DEMO_TRACKS.map((t) => trackRows.find((r) => r.name === t.name)!.id);
  return { siteIds, trackIds, counselors };
}

/** The demo participant and family accounts, linked to the first planned participant. */
async function insertPeopleAccounts(q: Queryable, passwordHash: string) {
  const ids: Record<string, string> = {};
  for (const account of DEMO_ACCOUNTS.filter((a) => a.kind !== "staff")) {
    ids[account.kind] = await users.insert(q, {
      email: account.email,
      displayName: account.displayName,
      kind: account.kind,
      locale: "en",
      passwordHash,
    });
  }
  return ids;
}

function checkInsOf(seed: number, person: DemoParticipant, today: string): DemoCheckIn[] {
  const random = createRandom(seed).fork(`check-ins-${person.key}`);
  return person.episodes.flatMap((e) => {
    const end = e.dischargedOn ?? today;
    const during = planCheckIns(random, e.trajectory, e.admittedOn, end);
    if (e.dischargeReason !== "completed") return during;
    const alumniEnd = addDays(end, ALUMNI_CHECK_IN_DAYS);
    const after = planCheckIns(
      random,
      "steady",
      addDays(end, 1),
      alumniEnd < today ? alumniEnd : today,
      ALUMNI_CHECK_IN_RATE,
    );
    return [...during, ...after];
  });
}

async function insertParticipants(q: Queryable, options: DemoOptions, today: string, summary: DemoSummary) {
  const plan = planDemoParticipants(options.seed, options.scale, today);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const program = await insertProgram(q, passwordHash, today);
  summary.staff = DEMO_ACCOUNTS.filter((a) => a.kind === "staff").length + DEMO_EXTRA_COUNSELORS.length;
  const accounts = await insertPeopleAccounts(q, passwordHash);
  const [participantName, participantFamily] = DEMO_ACCOUNTS.find(
    (a) => a.kind === "participant",
  )!.displayName.split(" ");
  const inDatabase = options.scale === "large";
  let done = 0;
  for (const batch of chunks(plan, BATCH)) {
    const rows = await q
      .insert(participants)
      .values(
        batch.map((p) => ({
          siteId: program.siteIds[p.site]!,
          userId: p.key === 0 ? accounts.participant! : null,
          givenName: p.key === 0 ? participantName! : p.givenName,
          familyName: p.key === 0 ? participantFamily! : p.familyName,
          bornOn: p.bornOn,
          preferredLanguage: p.preferredLanguage,
          sobrietyOn: p.sobrietyOn,
        })),
      )
      .returning({ id: participants.id });
    const ids = rows.map((r) => r.id);
    const episodeRows = batch.flatMap((p, i) =>
      p.episodes.map((e) => ({
        participantId: ids[i]!,
        siteId: program.siteIds[p.site]!,
        trackId: program.trackIds[e.track]!,
        primaryCounselorId: program.counselors[p.site]![e.counselor]!,
        admittedOn: e.admittedOn,
        dischargedOn: e.dischargedOn,
        dischargeReason: e.dischargeReason,
      })),
    );
    await q.insert(episodes).values(episodeRows);
    summary.episodes += episodeRows.length;
    if (inDatabase) {
      for (const part of chunks(ids, SQL_CHECK_IN_BATCH)) {
        summary.checkIns += await demo.insertGeneratedCheckIns(q, {
          participantIds: part,
          today,
          seed: options.seed,
          alumniDays: ALUMNI_CHECK_IN_DAYS,
          alumniRate: ALUMNI_CHECK_IN_RATE,
        });
      }
    } else {
      const checkInRows = batch.flatMap((p, i) =>
        checkInsOf(options.seed, p, today).map((c) => ({
          participantId: ids[i]!,
          checkedInOn: c.on,
          mood: c.mood,
          craving: c.craving,
          sleepHours: c.sleepHours.toFixed(1),
          anyUse: c.anyUse,
        })),
      );
      for (const part of chunks(checkInRows, BATCH)) await demo.insertCheckIns(q, part);
      summary.checkIns += checkInRows.length;
    }
    summary.participants += batch.length;
    done += batch.length;
    options.onProgress?.({ phase: "participants", done, total: plan.length });
  }
}

/**
 * Generate the demo program into a database that holds no real data. Small and clinic scales are
 * one transaction; the large (benchmark) scale commits in batches and is restartable: without the
 * completion marker, a partial demo is cleared and generated again.
 */
export async function generateDemo(database: DatabaseHandle, options: DemoOptions): Promise<DemoSummary> {
  const { db } = database;
  const counts = await demo.countUsers(db);
  if (counts.notDemo > 0) {
    throw new DemoRefusedError(
      `This database holds ${counts.notDemo} account(s) that are not demo accounts; the demo is only generated into an empty database.`,
    );
  }
  const today = options.now.toISOString().slice(0, 10);
  const summary: DemoSummary = { participants: 0, episodes: 0, checkIns: 0, staff: 0 };
  const marker = JSON.stringify({
    seed: options.seed,
    scale: options.scale,
    generatedAt: options.now.toISOString(),
  });
  if (options.scale === "large") {
    await db.transaction((tx) => demo.deleteAllProgramData(tx));
    await insertParticipants(db, options, today, summary);
    await demo.insertDemoSetting(db, marker);
  } else {
    await db.transaction(async (tx) => {
      await demo.deleteAllProgramData(tx);
      await insertParticipants(tx, options, today, summary);
      await demo.insertDemoSetting(tx, marker);
    });
  }
  return summary;
}

/**
 * At start-up: generate the demo once, into an empty database (or over a partial demo left by an
 * interrupted run). A database with real accounts is never touched.
 */
export async function ensureDemoProgram(
  database: DatabaseHandle,
  options: { now: Date; print: (line: string) => void },
): Promise<{ generated: boolean; present: boolean }> {
  if (await demo.findDemoSetting(database.db)) return { generated: false, present: true };
  const counts = await demo.countUsers(database.db);
  if (counts.notDemo > 0) return { generated: false, present: false };
  options.print(
    counts.all > 0 ? "Finishing an interrupted demo generation…" : "Generating the demo program…",
  );
  await generateDemo(database, { seed: 1, scale: "clinic", now: options.now });
  return { generated: true, present: true };
}
