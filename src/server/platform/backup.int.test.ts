import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { givenSite } from "../../../tests/support/given";
import { openDatabase } from "../db/connection";
import { DataDirLockedError } from "../db/data-dir-lock";
import { migrate } from "../db/migrate";
import { sites } from "../db/schema";
import { BackupError, backupEmbedded, restoreEmbedded } from "./backup";

describe("embedded backup and restore", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "bw-backup-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const dataDir = () => path.join(dir, "data");
  const open = () => openDatabase({ command: "test", dataDir: dataDir(), databaseUrl: undefined });
  const siteNames = async () => {
    const database = await open();
    try {
      return (await database.db.select({ name: sites.name }).from(sites)).map((s) => s.name).sort();
    } finally {
      await database.close();
    }
  };

  it("brings back the data as it was at backup time, keeping the replaced data beside it", async () => {
    const archive = path.join(dir, "backup.tar.gz");
    const database = await open();
    await migrate(database.db);
    await givenSite(database.db, "Before");
    expect(await backupEmbedded(database, archive, false)).toBeGreaterThan(1000);
    await expect(backupEmbedded(database, archive, false)).rejects.toThrow(BackupError);
    await givenSite(database.db, "After");
    await database.close();

    await expect(restoreEmbedded(dataDir(), archive, false, "t1")).rejects.toThrow(
      /already holds a database/,
    );
    const keptAs = await restoreEmbedded(dataDir(), archive, true, "t1");
    expect(keptAs).toBe(path.join(dataDir(), "pgdata.before-restore-t1"));
    expect(await siteNames()).toEqual(["Before"]);
  });

  it("cannot run while another process holds the data directory", async () => {
    const database = await open();
    try {
      await expect(restoreEmbedded(dataDir(), path.join(dir, "missing.tar.gz"), true, "t2")).rejects.toThrow(
        BackupError,
      );
      fs.writeFileSync(path.join(dir, "x.tar.gz"), "not an archive");
      await expect(restoreEmbedded(dataDir(), path.join(dir, "x.tar.gz"), true, "t2")).rejects.toThrow(
        DataDirLockedError,
      );
    } finally {
      await database.close();
    }
  });

  it("refuses an archive that is not a backup and leaves the data as it was", async () => {
    const database = await open();
    await migrate(database.db);
    await givenSite(database.db, "Kept");
    await database.close();
    const junk = path.join(dir, "junk.tar.gz");
    fs.writeFileSync(junk, "definitely not a tar");
    await expect(restoreEmbedded(dataDir(), junk, true, "t3")).rejects.toThrow(/is not a Bridgeway backup/);
    expect(await siteNames()).toEqual(["Kept"]);
  });
});
