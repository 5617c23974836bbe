import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { withDatabase } from "../../../tests/support/database-templates";
import { givenSite } from "../../../tests/support/given";
import { createFromTemplate, testAdminUrl } from "../../../tests/support/test-database";
import { type Database, openDatabase } from "../db/connection";
import { DataDirLockedError } from "../db/data-dir-lock";
import { migrate } from "../db/migrate";
import { sites } from "../db/schema";
import {
  BackupError,
  backupEmbedded,
  backupServer,
  libpqEnv,
  restoreEmbedded,
  restoreServer,
} from "./backup";

const siteNamesIn = async (db: Database) =>
  (await db.select({ name: sites.name }).from(sites)).map((s) => s.name).sort();

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "bw-backup-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("embedded backup and restore", () => {
  const dataDir = () => path.join(dir, "data");
  const open = () => openDatabase({ command: "test", dataDir: dataDir(), databaseUrl: undefined });
  const siteNames = async () => {
    const database = await open();
    try {
      return await siteNamesIn(database.db);
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
    await expect(backupEmbedded(database, archive, false)).rejects.toThrow(/already exists/);
    expect(fs.readdirSync(dir).sort()).toEqual(["backup.tar.gz", "data"]);
    await givenSite(database.db, "After");
    await database.close();

    await expect(restoreEmbedded(dataDir(), archive, false, "t1")).rejects.toThrow(
      /already holds a database/,
    );
    expect(await siteNames()).toEqual(["After", "Before"]);
    const result = await restoreEmbedded(dataDir(), archive, true, "t1");
    expect(result).toEqual({ keptAs: path.join(dataDir(), "pgdata.before-restore-t1"), pending: [] });
    expect(await siteNames()).toEqual(["Before"]);
    expect(
      fs
        .readdirSync(dataDir())
        .filter((f) => f.startsWith("pgdata"))
        .sort(),
    ).toEqual(["pgdata", "pgdata.before-restore-t1"]);
  });

  it("cannot restore while another process holds the data directory, and names it", async () => {
    const database = await open();
    try {
      fs.writeFileSync(path.join(dir, "x.tar.gz"), "not an archive");
      const attempt = restoreEmbedded(dataDir(), path.join(dir, "x.tar.gz"), true, "t2");
      await expect(attempt).rejects.toThrow(DataDirLockedError);
      await expect(attempt).rejects.toThrow(`in use by process ${process.pid}`);
    } finally {
      await database.close();
    }
  });

  it("refuses an archive that is not a backup and leaves the data as it was", async () => {
    const database = await open();
    await migrate(database.db);
    await givenSite(database.db, "Kept");
    await database.close();
    await expect(restoreEmbedded(dataDir(), path.join(dir, "missing.tar.gz"), true, "t3")).rejects.toThrow(
      /does not exist/,
    );
    const junk = path.join(dir, "junk.tar.gz");
    fs.writeFileSync(junk, "definitely not a tar");
    await expect(restoreEmbedded(dataDir(), junk, true, "t3")).rejects.toThrow(/is not a Bridgeway backup/);
    expect(await siteNames()).toEqual(["Kept"]);
    expect(fs.readdirSync(dataDir()).filter((f) => f.startsWith("pgdata"))).toEqual(["pgdata"]);
  });
});

describe("server backup and restore (pg_dump, pg_restore)", () => {
  it("hands the connection to libpq through its environment, never on the command line", () => {
    const env = libpqEnv("postgres://bw:s%40cret@db.example:6543/bridge?sslmode=require", {});
    expect(env).toEqual({
      PGHOST: "db.example",
      PGPORT: "6543",
      PGUSER: "bw",
      PGPASSWORD: "s@cret",
      PGDATABASE: "bridge",
      PGSSLMODE: "require",
    });
    expect(libpqEnv("postgres://127.0.0.1/bridge", { PATH: "/bin" })).toEqual({
      PATH: "/bin",
      PGHOST: "127.0.0.1",
      PGDATABASE: "bridge",
    });
  });

  it("says how to install the client tools when they are missing", async () => {
    const path = process.env.PATH;
    process.env.PATH = dir;
    try {
      await expect(backupServer("postgres://127.0.0.1/none", `${dir}/x.dump`, false)).rejects.toThrow(
        /pg_dump was not found on PATH.*postgresql-client/,
      );
    } finally {
      process.env.PATH = path;
    }
  });

  const templateUrl = inject("postgresTemplateUrl");
  it.skipIf(!templateUrl)("restores a server database as it was at backup time", async () => {
    const template = new URL(templateUrl).pathname.slice(1);
    const name = `${template.replace(/_template$/, "")}_${randomBytes(4).toString("hex")}`;
    await createFromTemplate(testAdminUrl(), name, template);
    const admin = new pg.Client({ connectionString: testAdminUrl() });
    await admin.connect();
    const url = withDatabase(templateUrl, name);
    const archive = path.join(dir, "server.dump");
    try {
      const database = await openDatabase({ command: "test", dataDir: "", databaseUrl: url });
      try {
        await givenSite(database.db, "Before");
        await backupServer(url, archive, false);
        await expect(backupServer(url, archive, false)).rejects.toThrow(BackupError);
        await givenSite(database.db, "After");
      } finally {
        await database.close();
      }
      await expect(restoreServer(url, archive, false)).rejects.toThrow(/already holds a Bridgeway database/);
      await restoreServer(url, archive, true);
      const restored = await openDatabase({ command: "test", dataDir: "", databaseUrl: url });
      try {
        expect(await siteNamesIn(restored.db)).toEqual(["Before"]);
      } finally {
        await restored.close();
      }
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
