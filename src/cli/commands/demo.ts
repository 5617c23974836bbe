import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { DEMO_SCALES, type DemoScale } from "../../core/demo/demo-plan";
import { DemoRefusedError, generateDemo } from "../../server/demo/demo.service";
import * as demo from "../../server/demo/demo.sql";
import { action, CliError, config, openMigrated, print } from "../cli-context";

function parseSeed(value: string): number {
  if (!/^\d{1,9}$/.test(value))
    throw new CliError(`--seed must be a whole number from 0 to 999999999 (got "${value}").`);
  return Number(value);
}

function parseScale(value: string): DemoScale {
  if (!(DEMO_SCALES as readonly string[]).includes(value)) {
    throw new CliError(`--scale must be one of ${DEMO_SCALES.join(", ")} (got "${value}").`);
  }
  return value as DemoScale;
}

export function registerDemo(program: Command): void {
  program
    .command("demo")
    .description(
      "Generate the demo program (fictional people) into an empty database. Deterministic from the seed.\n" +
        "Scales: small (tests), clinic (≈60 current and 200 past participants, the default),\n" +
        "large (≥ 20,000 participants and ≥ 5,000,000 check-ins, for benchmarks).",
    )
    .option("--seed <n>", "seed of the generator", "1")
    .option("--scale <scale>", DEMO_SCALES.join(" | "), "clinic")
    .option("--replace", "replace an existing demo (never touches a database with real accounts)")
    .action(
      action(async (opts: { seed: string; scale: string; replace?: boolean }) => {
        const seed = parseSeed(opts.seed);
        const scale = parseScale(opts.scale);
        const database = await openMigrated(config(), "demo");
        try {
          if ((await demo.findDemoSetting(database.db)) && !opts.replace) {
            throw new CliError(
              "This database already holds the demo program. Use --replace to generate it again.",
            );
          }
          const started = Date.now();
          const bar = process.stdout.isTTY
            ? new SingleBar({
                format: "{phase} [{bar}] {value}/{total} participants · {eta_formatted} left",
                hideCursor: true,
              })
            : undefined;
          let lastLine = 0;
          let barStarted = false;
          const summary = await generateDemo(database, {
            seed,
            scale,
            now: new Date(),
            onProgress({ phase, done, total }) {
              if (bar) {
                if (!barStarted) bar.start(total, 0, { phase });
                barStarted = true;
                bar.update(done, { phase });
              } else if (Date.now() - lastLine > 2_000 || done === total) {
                lastLine = Date.now();
                print(`${phase}: ${done}/${total}`);
              }
            },
          }).catch((error: unknown) => {
            if (error instanceof DemoRefusedError) throw new CliError(error.message);
            throw error;
          });
          bar?.stop();
          const seconds = (Date.now() - started) / 1000;
          const rows = summary.participants + summary.episodes + summary.checkIns;
          print(
            `Demo program (seed ${seed}, ${scale}) in ${seconds.toFixed(1)} s: ${summary.staff} staff, ` +
              `${summary.participants.toLocaleString("en-US")} participants, ${summary.episodes.toLocaleString("en-US")} episodes, ` +
              `${summary.checkIns.toLocaleString("en-US")} check-ins (${Math.round(rows / seconds).toLocaleString("en-US")} rows/s).`,
          );
        } finally {
          await database.close();
        }
      }),
    );
}
