import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freePort, runCli, startServerProcess } from "../support/cli";

/** The real command, as a person runs it: one clear line and a non-zero exit for every bad start. */
// Each test starts real processes (tsx, PGlite, migrations): generous limits for a loaded 2-core machine.
describe("bridgeway start", { timeout: 180_000 }, () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bw-start-"));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("serves, refuses a second process on the same data directory naming the PID, and shuts down cleanly", async () => {
    const server = await startServerProcess({ DATA_DIR: dataDir, DEMO: "false" });
    try {
      const ready = await fetch(`${server.url}/readyz`);
      expect(await ready.json()).toEqual({ status: "ready", database: "ok", migrations: "current" });

      const second = await runCli(["migrate"], { DATA_DIR: dataDir });
      expect(second.code).toBe(1);
      expect(second.stderr.trim()).toMatch(
        new RegExp(
          `^bridgeway: The data directory .* is in use by process ${server.child.pid} \\(bridgeway start, since `,
        ),
      );
      expect(second.stderr.trim().split("\n")).toHaveLength(1);
    } finally {
      expect(await server.stop("SIGTERM")).toBe(0);
    }
    expect(fs.existsSync(path.join(dataDir, "bridgeway.lock"))).toBe(false);
  });

  it("opens again after being killed with SIGKILL (stale lock recovered, data intact)", async () => {
    const first = await startServerProcess({ DATA_DIR: dataDir, DEMO: "false" });
    await first.stop("SIGKILL");
    expect(fs.existsSync(path.join(dataDir, "bridgeway.lock"))).toBe(true);
    const created = await runCli(
      [
        "user",
        "create",
        "--email",
        "kim@test.bridgeway.example",
        "--name",
        "Kim Test",
        "--role",
        "counselor",
        "--password-stdin",
      ],
      { DATA_DIR: dataDir },
      "a long enough password\n",
    );
    expect(created.stderr).toBe("");
    expect(created.stdout).toMatch(/^Created staff account kim@test.bridgeway.example/);
    const second = await startServerProcess({ DATA_DIR: dataDir, DEMO: "false" });
    try {
      const signIn = await fetch(`${second.url}/api/v1/sessions`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-bridgeway-request": "1" },
        body: JSON.stringify({ email: "kim@test.bridgeway.example", password: "a long enough password" }),
      });
      expect(signIn.status).toBe(200);
    } finally {
      expect(await second.stop()).toBe(0);
    }
  });

  it.each([
    [
      { PORT: "http" },
      'bridgeway: Invalid configuration: PORT must be a whole number from 0 to 65535 (got "http").',
    ],
    [{ DEMO: "perhaps" }, 'bridgeway: Invalid configuration: DEMO must be true or false (got "perhaps").'],
    [
      { DATABASE_URL: "postgres://postgres@127.0.0.1:1/bridgeway" },
      "bridgeway: Cannot connect to PostgreSQL server 127.0.0.1:1/bridgeway: connection refused. Is PostgreSQL running, and is DATABASE_URL right?",
    ],
  ])("stops with one line for %o", async (env, line) => {
    const result = await runCli(["start"], { DATA_DIR: dataDir, ...env });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(line);
  });

  it("says so when the data directory cannot be used", async () => {
    const file = path.join(dataDir, "not-a-directory");
    fs.writeFileSync(file, "");
    const result = await runCli(["start"], { DATA_DIR: file });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      `bridgeway: The data directory ${file} cannot be read and written (EEXIST). Check its permissions or set DATA_DIR.`,
    );
  });

  it("says so when the port is taken, and releases the data directory", async () => {
    const port = await freePort();
    const blocker = net.createServer().listen(port, "127.0.0.1");
    await new Promise((resolve) => blocker.once("listening", resolve));
    try {
      const result = await runCli(["start"], {
        DATA_DIR: dataDir,
        DEMO: "false",
        HOST: "127.0.0.1",
        PORT: String(port),
      });
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toBe(
        `bridgeway: Port ${port} is already in use on 127.0.0.1. Stop the other program or set PORT.`,
      );
      expect(fs.existsSync(path.join(dataDir, "bridgeway.lock"))).toBe(false);
    } finally {
      blocker.close();
    }
  });

  it("refuses a data directory from a newer Bridgeway and leaves it untouched", async () => {
    expect((await runCli(["migrate"], { DATA_DIR: dataDir })).code).toBe(0);
    const pg = await PGlite.create(path.join(dataDir, "pgdata"));
    await pg.query(
      "insert into schema_migrations (version, name, checksum) values ('9999', 'from_the_future', 'x')",
    );
    await pg.close();
    const result = await runCli(["start"], { DATA_DIR: dataDir, DEMO: "false" });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(
      /^bridgeway: This database was migrated by a newer Bridgeway \(it has schema migration 9999_from_the_future; this version knows up to \d{4}\)\. Upgrade Bridgeway; nothing was changed\.$/,
    );
    const after = await PGlite.create(path.join(dataDir, "pgdata"));
    const rows = await after.query<{ n: number }>(
      "select count(*)::int as n from schema_migrations where version = '9999'",
    );
    expect(rows.rows[0]!.n).toBe(1);
    await after.close();
  });
});
