import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { openDatabase } from "../../src/server/db/connection";
import { migrate } from "../../src/server/db/migrate";

export const DEFAULT_TEST_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/postgres";

export interface Templates {
  pgliteTemplatePath: string;
  /** Admin connection (the server's maintenance database) used to create and drop test databases. */
  adminUrl?: string;
  postgresTemplateUrl?: string;
  postgresSkipReason?: string;
  /** Prefix of every database this run creates, so teardown can drop them all. */
  runPrefix: string;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function createTemplates(dir: string, testDatabaseUrl: string | undefined): Promise<Templates> {
  const runPrefix = `bw_test_${randomBytes(4).toString("hex")}`;
  const embedded = await openDatabase({
    command: "test",
    dataDir: "",
    databaseUrl: undefined,
    inMemory: true,
  });
  await migrate(embedded.db);
  const archive = await embedded.pglite!.dumpDataDir("gzip");
  const pgliteTemplatePath = path.join(dir, "pglite-template.tar.gz");
  fs.writeFileSync(pgliteTemplatePath, Buffer.from(await archive.arrayBuffer()));
  await embedded.close();

  const adminUrl = testDatabaseUrl ?? DEFAULT_TEST_DATABASE_URL;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
  } catch (error) {
    return {
      pgliteTemplatePath,
      runPrefix,
      postgresSkipReason: `no PostgreSQL server answered at ${new URL(adminUrl).host} (${(error as Error).message}); set TEST_DATABASE_URL to run them`,
    };
  }
  try {
    const templateName = `${runPrefix}_template`;
    await admin.query(`create database ${templateName}`);
    const postgresTemplateUrl = withDatabase(adminUrl, templateName);
    const server = await openDatabase({ command: "test", dataDir: "", databaseUrl: postgresTemplateUrl });
    await migrate(server.db);
    await server.close();
    return { pgliteTemplatePath, adminUrl, postgresTemplateUrl, runPrefix };
  } finally {
    await admin.end();
  }
}

export async function dropRunDatabases(templates: Templates): Promise<void> {
  if (!templates.adminUrl) return;
  const admin = new pg.Client({ connectionString: templates.adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(
      "select datname from pg_database where datname like $1",
      [`${templates.runPrefix}%`],
    );
    for (const row of rows) await admin.query(`drop database if exists ${row.datname} with (force)`);
  } finally {
    await admin.end();
  }
}
