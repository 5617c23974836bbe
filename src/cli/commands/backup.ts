import path from "node:path";
import type { Command } from "commander";
import { openDatabase } from "../../server/db/connection";
import {
  BackupError,
  backupEmbedded,
  backupServer,
  hasEmbeddedDatabase,
  restoreEmbedded,
  restoreServer,
} from "../../server/platform/backup";
import { action, CliError, config, print } from "../cli-context";

const asCliError = (error: unknown): never => {
  throw error instanceof BackupError ? new CliError(error.message) : error;
};

const mebibytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MiB`;

export function registerBackup(program: Command): void {
  program
    .command("backup <file>")
    .description(
      [
        "Write a consistent backup of the database to <file>.",
        "Embedded: stop Bridgeway first; the data directory is locked while it runs",
        "(for backups while it runs, use server mode). The archive is taken through",
        "the database, never copied from the live directory.",
        "Server (DATABASE_URL): runs pg_dump --format=custom (PostgreSQL client tools).",
      ].join("\n"),
    )
    .option("--force", "overwrite <file> if it exists")
    .action(
      action(async (file: string, opts: { force?: boolean }) => {
        const cfg = config();
        const target = path.resolve(file);
        if (cfg.databaseUrl) {
          await backupServer(cfg.databaseUrl, target, Boolean(opts.force)).catch(asCliError);
          print(`Backup written to ${target} (pg_dump custom format).`);
          return;
        }
        if (!hasEmbeddedDatabase(cfg.dataDir)) {
          throw new CliError(`There is no database in ${cfg.dataDir} to back up. Check DATA_DIR.`);
        }
        const database = await openDatabase({
          command: "backup",
          dataDir: cfg.dataDir,
          databaseUrl: undefined,
        });
        try {
          const bytes = await backupEmbedded(database, target, Boolean(opts.force)).catch(asCliError);
          print(`Backup of ${cfg.dataDir} written to ${target} (${mebibytes(bytes)}).`);
        } finally {
          await database.close();
        }
      }),
    );

  program
    .command("restore <file>")
    .description(
      [
        "Restore a backup made by `bridgeway backup`. Stop Bridgeway first.",
        "Embedded: the archive is opened and checked in a new directory, then swapped",
        "in; the previous data is kept beside it as pgdata.before-restore-<time>.",
        "Server (DATABASE_URL): runs pg_restore --clean --if-exists.",
      ].join("\n"),
    )
    .option("--force", "replace a database that already holds data")
    .action(
      action(async (file: string, opts: { force?: boolean }) => {
        const cfg = config();
        const source = path.resolve(file);
        if (cfg.databaseUrl) {
          await restoreServer(cfg.databaseUrl, source, Boolean(opts.force)).catch(asCliError);
          print(`Restored ${source} into the PostgreSQL server.`);
          return;
        }
        const stamp = new Date().toISOString().replace(/[:.]/g, "-");
        const result = await restoreEmbedded(cfg.dataDir, source, Boolean(opts.force), stamp).catch(
          asCliError,
        );
        print(`Restored ${source} into ${cfg.dataDir}.`);
        if (result.keptAs)
          print(`The data it replaced is kept in ${result.keptAs}; delete it when satisfied.`);
        if (result.pending.length > 0) {
          print(
            `The backup is from an older version: ${result.pending.length} migration(s) run at the next start.`,
          );
        }
      }),
    );
}
