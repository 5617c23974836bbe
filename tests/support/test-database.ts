import { randomBytes } from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { describe, inject } from "vitest";
import { type DatabaseHandle, type Engine, openDatabase } from "../../src/server/db/connection";
import { withDatabase } from "./database-templates";

/**
 * A fresh, migrated database for one test file: a clone of the run's PGlite template (in memory),
 * or a new PostgreSQL database created from the run's template database.
 */
export async function openTestDatabase(engine: Engine): Promise<DatabaseHandle> {
  if (engine === "pglite") {
    const archive = new Blob([fs.readFileSync(inject("pgliteTemplatePath"))]);
    return openDatabase({
      command: "test",
      dataDir: "",
      databaseUrl: undefined,
      inMemory: true,
      loadDataDir: archive,
    });
  }
  const templateUrl = inject("postgresTemplateUrl");
  const template = new URL(templateUrl).pathname.slice(1);
  const name = `${template.replace(/_template$/, "")}_${randomBytes(4).toString("hex")}`;
  // Never connect to the template itself: PostgreSQL refuses to copy a template while any other
  // session is connected to it, so a worker connected there would fail another worker's copy.
  const adminUrl = testAdminUrl();
  await createFromTemplate(adminUrl, name, template);
  const handle = await openDatabase({
    command: "test",
    dataDir: "",
    databaseUrl: withDatabase(templateUrl, name),
  });
  return {
    ...handle,
    async close() {
      await handle.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      try {
        await dropper.query(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

/**
 * Where to connect to create or drop a test database on the PostgreSQL server: its maintenance
 * database, never the run's template (a session connected to the template makes copies fail).
 */
export function testAdminUrl(): string {
  return inject("postgresAdminUrl") || withDatabase(inject("postgresTemplateUrl"), "postgres");
}

/** SQLSTATE 55006: the template is being accessed by other users. */
const OBJECT_IN_USE = "55006";

export async function createFromTemplate(adminUrl: string, name: string, template: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`create database ${name} template ${template}`);
      return;
    } catch (error) {
      // Copies from one template are serialised by the server; a copy that meets another session
      // (autovacuum, say) on the template waits and tries again rather than failing the file.
      if ((error as { code?: string }).code !== OBJECT_IN_USE || attempt >= 20) throw error;
    } finally {
      await admin.end();
    }
    await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
  }
}

/** The engines a storage suite runs on: PGlite always, PostgreSQL when a server answered. */
export function engines(): Engine[] {
  return inject("postgresTemplateUrl") ? ["pglite", "postgres"] : ["pglite"];
}

/**
 * Declare a storage/integration suite that runs once per engine. When no PostgreSQL server answers,
 * the PostgreSQL copy is declared skipped (and the run says why once, in global setup).
 */
export function describeEachEngine(name: string, body: (engine: Engine) => void): void {
  describe.each(["pglite", "postgres"] as const)(`${name} [%s]`, (engine) => {
    if (engine === "postgres" && !inject("postgresTemplateUrl")) {
      describe.skip("PostgreSQL not reachable", () => body(engine));
      return;
    }
    body(engine);
  });
}
