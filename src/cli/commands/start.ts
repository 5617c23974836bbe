import path from "node:path";
import type { Command } from "commander";
import { describeDemoAccounts, startServer } from "../../server/main";
import { action, config, PACKAGE_ROOT, packageVersion, print } from "../cli-context";

export function registerStart(program: Command): void {
  program
    .command("start")
    .description(
      "Start Bridgeway: open the database, apply migrations, generate the demo on first start, serve HTTP",
    )
    .action(
      action(async () => {
        const cfg = config();
        const server = await startServer(cfg, {
          version: packageVersion(),
          webDir: path.join(PACKAGE_ROOT, "dist/web"),
          print,
        });
        if (server.demoPresent) for (const line of describeDemoAccounts()) print(line);
        print("Press Ctrl+C to stop.");
        let stopping = false;
        const stop = (signal: string) => {
          if (stopping) {
            print("Stopping now without waiting.");
            process.exit(1);
          }
          stopping = true;
          print(`${signal} received: finishing requests in flight and closing the database…`);
          server.close().then(
            () => process.exit(0),
            (error: unknown) => {
              process.stderr.write(`bridgeway: shutdown failed: ${(error as Error).message}\n`);
              process.exit(1);
            },
          );
        };
        process.on("SIGINT", () => stop("SIGINT"));
        process.on("SIGTERM", () => stop("SIGTERM"));
      }),
    );
}
