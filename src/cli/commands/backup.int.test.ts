import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../../tests/support/cli";
import { givenSite } from "../../../tests/support/given";
import { openDatabase } from "../../server/db/connection";
import { migrate } from "../../server/db/migrate";

// Each test starts real processes (tsx, PGlite, migrations): generous limits for a loaded 2-core machine.
describe("bridgeway backup and restore (embedded)", { timeout: 180_000 }, () => {
  let dir: string;
  let env: Record<string, string>;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "bw-backup-cli-"));
    env = { DATA_DIR: path.join(dir, "data") };
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const open = () => openDatabase({ command: "test", dataDir: env.DATA_DIR!, databaseUrl: undefined });

  it("fails with the holder's PID while another process has the data directory open", async () => {
    const database = await open();
    try {
      await migrate(database.db);
      const result = await runCli(["backup", path.join(dir, "b.tar.gz")], env);
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split("\n")).toEqual([expect.stringContaining(`process ${process.pid}`)]);
      expect(fs.existsSync(path.join(dir, "b.tar.gz"))).toBe(false);
    } finally {
      await database.close();
    }
  });

  it("backs up, refuses to overwrite, and restores over existing data only with --force", async () => {
    const archive = path.join(dir, "b.tar.gz");
    expect((await runCli(["backup", archive], env)).stderr).toMatch(/There is no database in .* to back up/);

    const database = await open();
    await migrate(database.db);
    await givenSite(database.db, "Riverbend");
    await database.close();
    const backup = await runCli(["backup", archive], env);
    expect(backup).toMatchObject({ code: 0, stdout: expect.stringContaining(`written to ${archive}`) });
    expect((await runCli(["backup", archive], env)).stderr).toMatch(/already exists.*--force/);

    const refused = await runCli(["restore", archive], env);
    expect(refused).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/already holds a database.*--force/),
    });
    const restored = await runCli(["restore", "--force", archive], env);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/kept in .*pgdata\.before-restore-/);

    const elsewhere = { DATA_DIR: path.join(dir, "fresh") };
    expect((await runCli(["restore", archive], elsewhere)).code).toBe(0);
    const check = await openDatabase({
      command: "test",
      dataDir: elsewhere.DATA_DIR,
      databaseUrl: undefined,
    });
    try {
      expect((await check.db.query.sites.findMany()).map((s) => s.name)).toEqual(["Riverbend"]);
    } finally {
      await check.close();
    }
  });
});
