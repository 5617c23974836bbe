import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirLockedError, LOCK_FILE_NAME } from "./data-dir-lock";

describe("data-directory lock", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "bw-lock-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const writeLock = (pid: number, hostname = os.hostname()) =>
    fs.writeFileSync(
      path.join(dir, LOCK_FILE_NAME),
      JSON.stringify({ pid, hostname, command: "start", startedAt: "2026-03-01T10:00:00.000Z" }),
    );

  it("is exclusive while held and free again once released", () => {
    const lock = acquireDataDirLock(dir, "start");
    expect(() => acquireDataDirLock(dir, "backup")).toThrow(DataDirLockedError);
    lock.release();
    acquireDataDirLock(dir, "backup").release();
    expect(fs.existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
  });

  it("names the PID of a live holder in its refusal", async () => {
    const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"], { stdio: "ignore" });
    try {
      writeLock(child.pid!);
      expect(() => acquireDataDirLock(dir, "migrate")).toThrow(
        `The data directory ${dir} is in use by process ${child.pid} (bridgeway start, since 2026-03-01T10:00:00.000Z).`,
      );
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("recovers a stale lock left by a process that was killed", async () => {
    const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
    await new Promise((resolve) => child.on("exit", resolve));
    writeLock(child.pid!);
    const lock = acquireDataDirLock(dir, "start");
    expect(JSON.parse(fs.readFileSync(lock.path, "utf8")).pid).toBe(process.pid);
    lock.release();
  });

  it("does not break a lock held from another machine (shared disk)", () => {
    writeLock(999_999, "some-other-host");
    expect(() => acquireDataDirLock(dir, "start")).toThrow(/in use by process 999999/);
  });

  it("does not break a half-written lock file that is still fresh", () => {
    fs.writeFileSync(path.join(dir, LOCK_FILE_NAME), "");
    expect(() => acquireDataDirLock(dir, "start")).toThrow(DataDirLockedError);
  });
});
