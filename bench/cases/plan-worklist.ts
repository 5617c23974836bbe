import { sql } from "drizzle-orm";
import { CSRF_HEADER, CSRF_HEADER_VALUE } from "../../src/core/platform/http";
import { openDatabase, queryRows } from "../../src/server/db/connection";
import { refreshPlannerStatistics } from "../../src/server/db/maintenance";
import { migrate } from "../../src/server/db/migrate";
import { appSettings } from "../../src/server/db/schema";
import { givenOpenPlan, givenSignedPlan } from "../../src/server/treatment-plans/reviews.test-data";
import { givenParticipant, givenSite, givenUser } from "../../tests/support/given";
import { buildBenchApp } from "../bench-app";
import { type BenchCase, timeFunctions } from "../harness";

/**
 * The treatment-plan worklist of a clinical director over a site of 300 participants in the program
 * (a third with a signed plan at various points of its review cycle, a third drafting or awaiting
 * signatures, a third without a plan), and the hourly plan-alert sweep over the same site.
 */
const PARTICIPANTS = 300;

const worklistBench: BenchCase = {
  name: "treatment plan worklist",
  async run() {
    const database = await openDatabase({
      command: "bench",
      dataDir: "",
      databaseUrl: undefined,
      inMemory: true,
    });
    try {
      await migrate(database.db);
      const db = database.db;
      const site = await givenSite(db);
      const director = await givenUser(db, { roles: ["clinical_director"], siteNames: [site.name] });
      for (let i = 0; i < PARTICIPANTS; i += 1) {
        const { id } = await givenParticipant(db, { siteId: site.id, admittedOn: "2026-09-01" });
        if (i % 3 === 0) {
          // Signed between 2026-09-05 and 2026-10-24: some reviews upcoming, some due soon, some overdue.
          const signedAt = new Date(Date.UTC(2026, 8, 5 + (i % 50), 15));
          await givenSignedPlan(db, { participantId: id, signedAt, createdBy: director.id });
        } else if (i % 3 === 1) {
          await givenOpenPlan(db, {
            participantId: id,
            createdBy: director.id,
            status: i % 2 === 0 ? "draft" : "awaiting_signatures",
          });
        }
      }
      // The director signs in with a password alone (no authenticator in a bench).
      await db
        .insert(appSettings)
        .values({ name: "staff_mfa_required", value: "false" })
        .onConflictDoUpdate({ target: appSettings.name, set: { value: "false" } });
      await refreshPlannerStatistics(database, { vacuum: false });

      const app = await buildBenchApp(database);
      try {
        const signIn = await app.inject({
          method: "POST",
          url: "/api/v1/sessions",
          headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE },
          payload: { email: director.email, password: director.password },
        });
        const cookie = signIn.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
        const figures = await timeFunctions(
          {
            [`worklist of a director (${PARTICIPANTS} participants)`]: async () => {
              const response = await app.inject({
                method: "GET",
                url: "/api/v1/treatment-plans/worklist",
                headers: { cookie },
              });
              if (response.statusCode !== 200) throw new Error(`worklist: ${response.statusCode}`);
            },
            [`plan alert sweep (${PARTICIPANTS} participants)`]: () => app.planAlerts.sweepPlanAlerts(),
          },
          20,
        );
        const kinds = await queryRows<{ kind: string; n: number }>(
          db,
          sql`select kind, count(*)::int as n from alerts group by kind order by kind`,
        );
        return {
          figures,
          note:
            `Treatment-plan worklist and alert sweep: ${PARTICIPANTS} participants at one site, embedded PGlite in ` +
            `memory. Alerts raised by the sweep: ${kinds.map((k) => `${k.n} ${k.kind}`).join(", ") || "none"}.`,
        };
      } finally {
        await app.close();
      }
    } finally {
      await database.close();
    }
  },
};

export default worklistBench;
