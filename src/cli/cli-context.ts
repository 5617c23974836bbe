import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Config, ConfigError, loadConfig } from "../server/config";
import { type DatabaseHandle, DatabaseOpenError, openDatabase } from "../server/db/connection";
import { DataDirLockedError } from "../server/db/data-dir-lock";
import { MigrationError, migrate } from "../server/db/migrate";
import { StartupError } from "../server/main";

/** Shared plumbing for CLI commands: the package root, config, database, and one-line failures. */

export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export function packageVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, "package.json"), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

export const print = (line: string) => process.stdout.write(`${line}\n`);

export class CliError extends Error {
  override name = "CliError";
}

/** Errors whose message is already the one line a person needs. */
const EXPECTED = [ConfigError, StartupError, DatabaseOpenError, DataDirLockedError, MigrationError, CliError];

export function fail(error: unknown): never {
  const known = EXPECTED.some((kind) => error instanceof kind);
  process.stderr.write(
    `bridgeway: ${known ? (error as Error).message : `unexpected error: ${(error as Error)?.stack ?? String(error)}`}\n`,
  );
  process.exit(1);
}

/** Run a command body, turning any failure into one line on stderr and exit code 1. */
export function action<A extends unknown[]>(
  body: (...args: A) => Promise<void>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await body(...args);
    } catch (error) {
      fail(error);
    }
  };
}

export function config(): Config {
  return loadConfig();
}

/** Open the configured database (taking the data-directory lock in embedded mode) and migrate it. */
export async function openMigrated(cfg: Config, command: string): Promise<DatabaseHandle> {
  const database = await openDatabase({ command, dataDir: cfg.dataDir, databaseUrl: cfg.databaseUrl });
  try {
    await migrate(database.db);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}
