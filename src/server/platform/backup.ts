import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { type DatabaseHandle, openEmbeddedAt } from "../db/connection";
import { acquireDataDirLock } from "../db/data-dir-lock";
import { migrationStatus } from "../db/migrate";

/**
 * Backups. Embedded: a consistent archive taken through the database (PGlite dumps its data
 * directory as a tar), never a raw copy of a live directory. Server: pg_dump / pg_restore.
 */

export class BackupError extends Error {
  override name = "BackupError";
}

export const PGDATA = "pgdata";

function refuseExisting(file: string, force: boolean): void {
  if (fs.existsSync(file) && !force)
    throw new BackupError(`${file} already exists. Choose another name or use --force.`);
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
  const temporary = `${file}.partial-${process.pid}`;
  fs.writeFileSync(temporary, bytes, { mode: 0o600 });
  fs.renameSync(temporary, file);
  return bytes.length;
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
): Promise<string | undefined> {
  if (!fs.existsSync(file)) throw new BackupError(`${file} does not exist.`);
  fs.mkdirSync(dataDir, { recursive: true });
  const lock = acquireDataDirLock(dataDir, "restore");
  try {
    const target = path.join(dataDir, PGDATA);
    const hasData = fs.existsSync(target) && fs.readdirSync(target).length > 0;
    if (hasData && !force) {
      throw new BackupError(
        `${dataDir} already holds a database. Use --force to replace it (the current data is kept beside it).`,
      );
    }
    const staging = path.join(dataDir, `${PGDATA}.restoring-${stamp}`);
    fs.rmSync(staging, { recursive: true, force: true });
    const restored = await openEmbeddedAt(staging, new Blob([fs.readFileSync(file)])).catch(
      (error: unknown) => {
        fs.rmSync(staging, { recursive: true, force: true });
        throw new BackupError(
          `${file} is not a Bridgeway backup that can be opened: ${(error as Error).message}`,
        );
      },
    );
    try {
      await migrationStatus(restored.db);
    } catch (error) {
      await restored.close();
      fs.rmSync(staging, { recursive: true, force: true });
      throw new BackupError(`${file} cannot be restored by this version: ${(error as Error).message}`);
    }
    await restored.close();
    let keptAs: string | undefined;
    if (fs.existsSync(target)) {
      keptAs = path.join(dataDir, `${PGDATA}.before-restore-${stamp}`);
      fs.renameSync(target, keptAs);
    }
    fs.renameSync(staging, target);
    return keptAs;
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
              `${command} is not installed. Install the PostgreSQL client tools (Debian: apt-get install postgresql-client).`,
            )
          : error,
      );
    });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new BackupError(`${command} failed (exit ${code}).`)),
    );
  });
}

/** Server mode: the connection goes through libpq's environment, so the password is never printed. */
function libpqEnv(databaseUrl: string): NodeJS.ProcessEnv {
  const url = new URL(databaseUrl);
  return {
    ...process.env,
    PGHOST: url.hostname,
    PGPORT: url.port || "5432",
    PGUSER: decodeURIComponent(url.username),
    PGPASSWORD: decodeURIComponent(url.password),
    PGDATABASE: decodeURIComponent(url.pathname.slice(1)),
  };
}

export async function backupServer(databaseUrl: string, file: string, force: boolean): Promise<void> {
  refuseExisting(file, force);
  const temporary = `${file}.partial-${process.pid}`;
  await run("pg_dump", ["--format=custom", "--no-owner", `--file=${temporary}`], libpqEnv(databaseUrl));
  fs.renameSync(temporary, file);
}

export async function restoreServer(databaseUrl: string, file: string): Promise<void> {
  if (!fs.existsSync(file)) throw new BackupError(`${file} does not exist.`);
  const env = libpqEnv(databaseUrl);
  await run("pg_restore", ["--clean", "--if-exists", "--no-owner", `--dbname=${env.PGDATABASE}`, file], env);
}
