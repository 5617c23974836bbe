import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * PGlite has no cross-process lock: two processes on one data directory corrupt it. We hold an
 * exclusive lock file for the life of the process. A lock left by a process that no longer runs
 * (killed with SIGKILL, power loss) is recovered. See docs/decisions/0002-data-directory-lock.md.
 */

export const LOCK_FILE_NAME = "bridgeway.lock";

export interface LockHolder {
  pid: number;
  hostname: string;
  command: string;
  startedAt: string;
}

export class DataDirLockedError extends Error {
  override name = "DataDirLockedError";
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      holder.pid === 0
        ? `The data directory ${dataDir} is being opened by another Bridgeway process right now. Try again in a few seconds.`
        : `The data directory ${dataDir} is in use by process ${holder.pid} (bridgeway ${holder.command}, since ${holder.startedAt}). Stop that process first, or use another DATA_DIR.`,
    );
  }
}

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(lockPath: string): LockHolder | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockPath, "utf8")) as Partial<LockHolder>;
    if (typeof parsed.pid !== "number") return undefined;
    return {
      pid: parsed.pid,
      hostname: String(parsed.hostname ?? ""),
      command: String(parsed.command ?? "unknown"),
      startedAt: String(parsed.startedAt ?? "unknown"),
    };
  } catch {
    return undefined;
  }
}

function isStale(holder: LockHolder): boolean {
  if (holder.hostname !== os.hostname()) return false;
  return holder.pid !== process.pid && !isAlive(holder.pid);
}

/** Take the data-directory lock or throw DataDirLockedError naming the holder. */
export function acquireDataDirLock(dataDir: string, command: string): DataDirLock {
  const lockPath = path.join(dataDir, LOCK_FILE_NAME);
  const me: LockHolder = {
    pid: process.pid,
    hostname: os.hostname(),
    command,
    startedAt: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(me), { flag: "wx", mode: 0o600 });
      let released = false;
      return {
        path: lockPath,
        release() {
          if (released) return;
          released = true;
          if (readHolder(lockPath)?.pid === process.pid) fs.rmSync(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = readHolder(lockPath);
    if (!holder) {
      // A half-written lock file is stale only once it is a few seconds old, so that we never break
      // a lock that another process is writing right now.
      const ageMs = Date.now() - fs.statSync(lockPath, { throwIfNoEntry: false })!.mtimeMs;
      if (Number.isNaN(ageMs) || ageMs < 5_000) {
        throw new DataDirLockedError(dataDir, { pid: 0, hostname: "", command: "", startedAt: "" });
      }
    } else if (!isStale(holder)) {
      throw new DataDirLockedError(dataDir, holder);
    }
    // Stale: move it aside atomically (only one contender wins the rename), then try again.
    try {
      fs.renameSync(lockPath, `${lockPath}.stale-${process.pid}`);
      fs.rmSync(`${lockPath}.stale-${process.pid}`, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
  const holder = readHolder(lockPath);
  throw new DataDirLockedError(dataDir, holder ?? { pid: 0, hostname: "", command: "", startedAt: "" });
}
