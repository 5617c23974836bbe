import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createTemplates, dropRunDatabases } from "../support/database-templates";

declare module "vitest" {
  export interface ProvidedContext {
    /** File holding a migrated PGlite data directory (gzip tar), cloned by each test file. */
    pgliteTemplatePath: string;
    /** Migrated template database on the PostgreSQL server, or "" when none answers. */
    postgresTemplateUrl: string;
    /** The server's maintenance database, where test databases are created and dropped, or "". */
    postgresAdminUrl: string;
    /** Why the PostgreSQL suites are skipped, or "" when they run. */
    postgresSkipReason: string;
  }
}

/** Once per test run: migrate a PGlite template and, when a server answers, a PostgreSQL template. */
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bridgeway-test-"));
  const templates = await createTemplates(dir, process.env.TEST_DATABASE_URL);
  project.provide("pgliteTemplatePath", templates.pgliteTemplatePath);
  project.provide("postgresTemplateUrl", templates.postgresTemplateUrl ?? "");
  project.provide("postgresAdminUrl", templates.adminUrl ?? "");
  project.provide("postgresSkipReason", templates.postgresSkipReason ?? "");
  if (templates.postgresSkipReason) {
    process.stdout.write(`\nPostgreSQL suites skipped: ${templates.postgresSkipReason}\n`);
  }
  return async () => {
    await dropRunDatabases(templates);
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
