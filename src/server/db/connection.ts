import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { acquireDataDirLock, type DataDirLock } from "./data-dir-lock";
import * as schema from "./schema";

/** The one query layer: drizzle over PGlite (embedded) or node-postgres (server). Same SQL on both. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Anything that can run a query: the database or an open transaction. */
export type Queryable = Database | Transaction;

export type Engine = "pglite" | "postgres";

export interface DatabaseHandle {
  db: Database;
  engine: Engine;
  /** Human description without credentials, e.g. "embedded PostgreSQL in /srv/data" */
  description: string;
  /** The embedded instance (backup/restore and tests need it). */
  pglite: PGlite | undefined;
  /** The server pool (the job queue shares it). */
  pool?: pg.Pool | undefined;
  close(): Promise<void>;
}

export const MIN_SERVER_VERSION_NUM = 150000;

export class DatabaseOpenError extends Error {
  override name = "DatabaseOpenError";
}

export interface OpenOptions {
  /** `start`, `migrate`, `backup`, … — written into the data-directory lock. */
  command: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Embedded only: start from this archive (PGlite dumpDataDir) instead of the directory contents. */
  loadDataDir?: Blob;
  /** Embedded only: in-memory database (tests). */
  inMemory?: boolean;
}

/** Run a query and return its rows (same shape on both engines). */
export async function queryRows<T>(q: Queryable, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await q.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export function describeUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  return `PostgreSQL server ${url.hostname}:${url.port || "5432"}${url.pathname}`;
}

function checkDataDir(dataDir: string): void {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.accessSync(dataDir, fs.constants.R_OK | fs.constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new DatabaseOpenError(
      `The data directory ${dataDir} cannot be read and written (${code}). Check its permissions or set DATA_DIR.`,
    );
  }
}

function embeddedHandle(client: PGlite, description: string, lock: DataDirLock | undefined): DatabaseHandle {
  const db = drizzlePglite({ client, schema }) as unknown as Database;
  let closed = false;
  return {
    db,
    engine: "pglite",
    description,
    pglite: client,
    async close() {
      if (closed) return;
      closed = true;
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/**
 * Open an embedded database in exactly `directory`, without taking the lock: only for a caller
 * that already holds the data-directory lock (restore checks an archive in a staging directory).
 */
export async function openEmbeddedAt(directory: string, loadDataDir?: Blob): Promise<DatabaseHandle> {
  const client = await PGlite.create(directory, loadDataDir ? { loadDataDir } : {});
  return embeddedHandle(client, `embedded PostgreSQL in ${directory}`, undefined);
}

async function openEmbedded(options: OpenOptions): Promise<DatabaseHandle> {
  const load = options.loadDataDir ? { loadDataDir: options.loadDataDir } : {};
  if (options.inMemory) {
    return embeddedHandle(await PGlite.create(load), "embedded PostgreSQL in memory", undefined);
  }
  checkDataDir(options.dataDir);
  const lock = acquireDataDirLock(options.dataDir, options.command);
  try {
    const client = await PGlite.create(`${options.dataDir}/pgdata`, load);
    return embeddedHandle(client, `embedded PostgreSQL in ${options.dataDir}`, lock);
  } catch (error) {
    lock.release();
    throw new DatabaseOpenError(
      `The embedded database in ${options.dataDir} could not be opened: ${(error as Error).message}`,
    );
  }
}

function explainPgError(error: unknown, description: string): string {
  const e = error as NodeJS.ErrnoException & { code?: string };
  switch (e.code) {
    case "ECONNREFUSED":
      return `Cannot connect to ${description}: connection refused. Is PostgreSQL running, and is DATABASE_URL right?`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `Cannot connect to ${description}: host not found. Check DATABASE_URL.`;
    case "3D000":
      return `Cannot connect to ${description}: that database does not exist. Create it first (createdb).`;
    case "28P01":
    case "28000":
      return `Cannot connect to ${description}: authentication failed. Check the user and password in DATABASE_URL.`;
    default:
      return `Cannot connect to ${description}: ${e.message}`;
  }
}

/** PostgreSQL 15 or newer (`server_version_num`, e.g. 150004 for 15.4). */
export function assertSupportedServerVersion(versionNum: number, description: string): void {
  if (!(versionNum >= MIN_SERVER_VERSION_NUM)) {
    throw new DatabaseOpenError(
      `${description} runs PostgreSQL ${Math.floor(versionNum / 10000)}; Bridgeway needs PostgreSQL 15 or newer.`,
    );
  }
}

async function openServer(databaseUrl: string): Promise<DatabaseHandle> {
  const description = describeUrl(databaseUrl);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, connectionTimeoutMillis: 10_000 });
  // An idle client's error (e.g. server restart) must not crash the process; the next query reconnects.
  pool.on("error", () => {});
  try {
    const { rows } = await pool.query<{ server_version_num: string }>("show server_version_num");
    assertSupportedServerVersion(Number(rows[0]?.server_version_num), description);
  } catch (error) {
    await pool.end().catch(() => {});
    if (error instanceof DatabaseOpenError) throw error;
    throw new DatabaseOpenError(explainPgError(error, description));
  }
  const db = drizzleNodePg({ client: pool, schema }) as unknown as Database;
  let closed = false;
  return {
    db,
    engine: "postgres",
    description,
    pglite: undefined,
    pool,
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/** Open the database the configuration names: a PostgreSQL server, or the embedded one under a lock. */
export function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  return options.databaseUrl ? openServer(options.databaseUrl) : openEmbedded(options);
}

export async function ping(db: Queryable): Promise<void> {
  await db.execute(sql`select 1`);
}
