import type { Command } from "commander";
import { openDatabase } from "../../server/db/connection";
import { migrate } from "../../server/db/migrate";
import { action, config, print } from "../cli-context";

export function registerMigrate(program: Command): void {
  program
    .command("migrate")
    .description("Apply pending database migrations and exit (start does this too)")
    .action(
      action(async () => {
        const cfg = config();
        const database = await openDatabase({
          command: "migrate",
          dataDir: cfg.dataDir,
          databaseUrl: cfg.databaseUrl,
        });
        try {
          const applied = await migrate(database.db);
          print(
            applied.length > 0
              ? `Applied migrations ${applied.join(", ")} to ${database.description}.`
              : `Schema is already current on ${database.description}.`,
          );
        } finally {
          await database.close();
        }
      }),
    );
}
