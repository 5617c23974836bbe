import path from "node:path";
import type { Command } from "commander";
import { openDatabase } from "../../server/db/connection";
import {
  BackupError,
  backupEmbedded,
  backupServer,
  restoreEmbedded,
  restoreServer,
} from "../../server/platform/backup";
import { action, CliError, config, print } from "../cli-context";

const asCliError = (error: unknown) => {
  throw error instanceof BackupError ? new CliError(error.message) : error;
};

export function registerBackup(program: Command): void {
  program
    .command("backup <file>")
    .description(
      "Write a consistent backup of the database to <file>.\n" +
        "Embedded: stop Bridgeway first (the data directory is locked while it runs); the archive is taken through the database.\n" +
        "Server (DATABASE_URL): runs pg_dump --format=custom (needs the PostgreSQL client tools).",
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
        const database = await openDatabase({
          command: "backup",
          dataDir: cfg.dataDir,
          databaseUrl: undefined,
        });
        try {
          const bytes = await backupEmbedded(database, target, Boolean(opts.force)).catch(asCliError);
          print(`Backup of ${cfg.dataDir} written to ${target} (${(bytes / 1_048_576).toFixed(1)} MiB).`);
        } finally {
          await database.close();
        }
      }),
    );

  program
    .command("restore <file>")
    .description(
      "Restore a backup made by `bridgeway backup`. Stop Bridgeway first.\n" +
        "Embedded: the archive is checked in a staging directory, then swapped in; the previous data is kept beside it.\n" +
        "Server (DATABASE_URL): runs pg_restore --clean --if-exists.",
    )
    .option("--force", "replace a data directory that already holds a database")
    .action(
      action(async (file: string, opts: { force?: boolean }) => {
        const cfg = config();
        const source = path.resolve(file);
        if (cfg.databaseUrl) {
          await restoreServer(cfg.databaseUrl, source).catch(asCliError);
          print(`Restored ${source} into the PostgreSQL server.`);
          return;
        }
        const stamp = new Date().toISOString().replace(/[:.]/g, "-");
        const keptAs = await restoreEmbedded(cfg.dataDir, source, Boolean(opts.force), stamp).catch(
          asCliError,
        );
        print(
          `Restored ${source} into ${cfg.dataDir}.${keptAs ? ` The previous data is kept in ${keptAs}.` : ""}`,
        );
      }),
    );
}
