import type { Command } from "commander";
import { verifyAuditChain } from "../../server/audit/audit.service";
import { openDatabase } from "../../server/db/connection";
import { action, CliError, config, print } from "../cli-context";

export function registerAudit(program: Command): void {
  const audit = program.command("audit").description("The tamper-evident audit trail");
  audit
    .command("verify")
    .description("Check the whole hash chain of the audit trail and name the first broken link")
    .action(
      action(async () => {
        const cfg = config();
        const database = await openDatabase({
          command: "audit verify",
          dataDir: cfg.dataDir,
          databaseUrl: cfg.databaseUrl,
        });
        try {
          const verdict = await verifyAuditChain(database.db);
          if (!verdict.ok) {
            throw new CliError(
              `Audit trail BROKEN at event ${verdict.seq}: ${verdict.problem}. ${verdict.events.toLocaleString("en-US")} events before it are intact.`,
            );
          }
          print(
            `Audit trail intact: ${verdict.events.toLocaleString("en-US")} events, every link and hash checked.`,
          );
        } finally {
          await database.close();
        }
      }),
    );
}
