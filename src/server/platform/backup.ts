import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { type DatabaseHandle, openDatabase, openEmbeddedAt, queryRows } from "../db/connection";
import { acquireDataDirLock } from "../db/data-dir-lock";
import { migrationStatus } from "../db/migrate";

/**
 * Backups. Embedded: a consistent archive taken through the database (PGlite dumps its data
 * directory as a gzipped tar), never a raw copy of a live directory. Server: pg_dump / pg_restore.
 */

export class BackupError extends Error {
  override name = "BackupError";
}

export const PGDATA = "pgdata";

function refuseExisting(file: string, force: boolean): void {
  if (fs.existsSync(file) && !force) {
    throw new BackupError(`${file} already exists. Choose another name or use --force to overwrite it.`);
  }
}

/** Write to a temporary file beside `file`, then rename, so a failed backup never leaves half a file. */
async function writeAtomically(file: string, write: (temporary: string) => Promise<void>): Promise<void> {
  const temporary = `${file}.partial-${process.pid}`;
  try {
    await write(temporary);
    fs.renameSync(temporary, file);
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

/** Does `dataDir` hold an embedded database? */
export function hasEmbeddedDatabase(dataDir: string): boolean {
  const target = path.join(dataDir, PGDATA);
  return fs.existsSync(target) && fs.readdirSync(target).length > 0;
}

/** Write the embedded database (opened by the caller, under the data-directory lock) to `file`. */
export async function backupEmbedded(
  database: DatabaseHandle,
  file: string,
  force: boolean,
): Promise<number> {
  refuseExisting(file, force);
  const archive = await database.pglite!.dumpDataDir("gzip");
  const bytes = Buffer.from(await archive.arrayBuffer());
  await writeAtomically(file, async (temporary) => fs.writeFileSync(temporary, bytes, { mode: 0o600 }));
  return bytes.length;
}

export interface RestoreResult {
  /** Where the replaced data was moved, if there was any. */
  keptAs: string | undefined;
  /** Migrations the restored database still needs (applied at the next start). */
  pending: string[];
}

/**
 * Replace the embedded database in `dataDir` with the archive in `file`. The archive is opened
 * and checked in a fresh directory first; the previous data is kept beside it.
 */
export async function restoreEmbedded(
  dataDir: string,
  file: string,
  force: boolean,
  stamp: string,
): Promise<RestoreResult> {
  if (!fs.existsSync(file)) throw new BackupError(`${file} does not exist.`);
  fs.mkdirSync(dataDir, { recursive: true });
  const lock = acquireDataDirLock(dataDir, "restore");
  try {
    if (hasEmbeddedDatabase(dataDir) && !force) {
      throw new BackupError(
        `${dataDir} already holds a database. Use --force to replace it (the current data is kept beside it).`,
      );
    }
    const target = path.join(dataDir, PGDATA);
    const staging = path.join(dataDir, `${PGDATA}.restoring-${stamp}`);
    fs.rmSync(staging, { recursive: true, force: true });
    let pending: string[];
    try {
      const restored = await openEmbeddedAt(staging, new Blob([fs.readFileSync(file)])).catch(
        (error: unknown) => {
          throw new BackupError(
            `${file} is not a Bridgeway backup that can be opened: ${(error as Error).message}`,
          );
        },
      );
      try {
        pending = (await migrationStatus(restored.db)).pending;
      } catch (error) {
        throw new BackupError(`${file} cannot be restored by this version: ${(error as Error).message}`);
      } finally {
        await restored.close();
      }
    } catch (error) {
      fs.rmSync(staging, { recursive: true, force: true });
      throw error;
    }
    let keptAs: string | undefined;
    if (fs.existsSync(target)) {
      keptAs = path.join(dataDir, `${PGDATA}.before-restore-${stamp}`);
      fs.renameSync(target, keptAs);
    }
    fs.renameSync(staging, target);
    return { keptAs, pending };
  } finally {
    lock.release();
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "inherit", "inherit"], env });
    child.on("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "ENOENT"
          ? new BackupError(
              `${command} was not found on PATH. Install the PostgreSQL client tools (Debian: apt-get install postgresql-client).`,
            )
          : error,
      );
    });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new BackupError(`${command} failed (exit code ${code}); see above.`)),
    );
  });
}

/** Server mode: the connection goes to libpq through its environment, so no password is ever printed. */
export function libpqEnv(databaseUrl: string, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const url = new URL(databaseUrl);
  const fromUrl: Record<string, string> = {
    PGHOST: decodeURIComponent(url.hostname),
    PGPORT: url.port,
    PGUSER: decodeURIComponent(url.username),
    PGPASSWORD: decodeURIComponent(url.password),
    PGDATABASE: decodeURIComponent(url.pathname.slice(1)),
    PGSSLMODE: url.searchParams.get("sslmode") ?? "",
  };
  return { ...base, ...Object.fromEntries(Object.entries(fromUrl).filter(([, value]) => value !== "")) };
}

export async function backupServer(databaseUrl: string, file: string, force: boolean): Promise<void> {
  refuseExisting(file, force);
  await writeAtomically(file, (temporary) =>
    run("pg_dump", ["--format=custom", "--no-owner", `--file=${temporary}`], libpqEnv(databaseUrl)),
  );
}

export async function restoreServer(databaseUrl: string, file: string, force: boolean): Promise<void> {
  if (!fs.existsSync(file)) throw new BackupError(`${file} does not exist.`);
  const database = await openDatabase({ command: "restore", dataDir: "", databaseUrl });
  try {
    const rows = await queryRows<{ present: boolean }>(
      database.db,
      sql`select to_regclass('public.schema_migrations') is not null as present`,
    );
    if (rows[0]?.present && !force) {
      throw new BackupError(
        `${database.description} already holds a Bridgeway database. Use --force to replace its contents.`,
      );
    }
  } finally {
    await database.close();
  }
  const env = libpqEnv(databaseUrl);
  await run(
    "pg_restore",
    ["--clean", "--if-exists", "--no-owner", "--single-transaction", `--dbname=${env.PGDATABASE}`, file],
    env,
  );
}
