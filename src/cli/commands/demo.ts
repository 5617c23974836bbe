import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { DEMO_SCALES, type DemoScale } from "../../core/demo/demo-plan";
import { type DemoProgress, DemoRefusedError, generateDemo } from "../../server/demo/demo.service";
import * as demo from "../../server/demo/demo.sql";
import { action, CliError, config, openMigrated, print } from "../cli-context";

const MAX_SEED = 0xffff_ffff;

export function parseSeed(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > MAX_SEED) {
    throw new CliError(`--seed must be a whole number from 0 to ${MAX_SEED} (got "${value}").`);
  }
  return Number(value);
}

export function parseScale(value: string): DemoScale {
  if (!(DEMO_SCALES as readonly string[]).includes(value)) {
    throw new CliError(`--scale must be one of ${DEMO_SCALES.join(", ")} (got "${value}").`);
  }
  return value as DemoScale;
}

/** A progress bar per phase on a terminal; otherwise a plain line every few seconds and at the end. */
function progressReporter(): { report(progress: DemoProgress): void; stop(): void } {
  let bar: SingleBar | undefined;
  let phase = "";
  let lastLine = Date.now();
  return {
    report(progress) {
      if (!process.stdout.isTTY) {
        const now = Date.now();
        if (progress.done === progress.total || now - lastLine > 2_000) {
          lastLine = now;
          print(`${progress.phase}: ${progress.done}/${progress.total}`);
        }
        return;
      }
      if (progress.phase !== phase) {
        bar?.stop();
        phase = progress.phase;
        bar = new SingleBar({
          format: `${phase.padEnd(12)} [{bar}] {percentage}% · {value}/{total} · {duration_formatted}`,
          hideCursor: true,
        });
        bar.start(progress.total, progress.done);
      }
      bar!.update(progress.done);
    },
    stop() {
      bar?.stop();
    },
  };
}

const count = (n: number) => n.toLocaleString("en-US");

export function registerDemo(program: Command): void {
  program
    .command("demo")
    .description(
      [
        "Generate the demo program (a fictional organisation, staff and participants)",
        "into an empty database. The same seed gives the same people, dates,",
        "check-ins and questionnaire scores.",
        "Scales: small  ≈30 participants (tests)",
        "        clinic ≈60 current and 200 past participants over 12 months (default)",
        "        large  130,000 participants, over 5 million check-ins, questionnaire",
        "               scores of the 4,000 current ones, attendance and sessions of",
        "               those current or discharged in the last 90 days (benchmarks;",
        "               committed in steps, an interrupted run starts over)",
        "Embedded mode: stop Bridgeway first (the data directory is locked while",
        "it runs).",
      ].join("\n"),
    )
    .option("--seed <n>", "seed of the generator (0–4294967295)", "1")
    .option("--scale <scale>", `one of ${DEMO_SCALES.join(", ")}`, "clinic")
    .option("--replace", "replace a previous demo (a database holding anything else is never touched)")
    .action(
      action(async (opts: { seed: string; scale: string; replace?: boolean }) => {
        const seed = parseSeed(opts.seed);
        const scale = parseScale(opts.scale);
        const settings = config();
        const database = await openMigrated(settings, "demo");
        const progress = progressReporter();
        try {
          const counts = await demo.countData(database.db);
          if (counts.otherUsers > 0 || counts.otherOrganisations > 0) {
            throw new CliError(
              `${database.description} holds data that is not the demo (${counts.otherUsers} account(s), ${counts.otherOrganisations} organisation(s)); the demo is only generated into an empty database.`,
            );
          }
          const previous = await demo.findDemoSetting(database.db);
          if (previous && !opts.replace) {
            const was = JSON.parse(previous) as { seed: number; scale: string; generatedAt: string };
            throw new CliError(
              `${database.description} already holds a demo program (seed ${was.seed}, ${was.scale}, generated ${was.generatedAt}). Use --replace to generate it again.`,
            );
          }
          if (!previous && counts.demoUsers > 0) print("Clearing an incomplete demo program first.");
          const started = Date.now();
          const summary = await generateDemo(database, {
            seed,
            scale,
            now: new Date(),
            disabledInstruments: settings.disabledInstruments,
            onProgress: progress.report,
          }).catch((error: unknown) => {
            throw error instanceof DemoRefusedError ? new CliError(error.message) : error;
          });
          progress.stop();
          const seconds = (Date.now() - started) / 1000;
          const rows =
            summary.staff +
            summary.participants +
            summary.episodes +
            summary.checkIns +
            summary.assessments +
            summary.attendanceMarks +
            summary.appointments +
            summary.planVersions +
            summary.planReviews +
            summary.groupNotes +
            summary.groupNoteEntries +
            summary.sessionNotes +
            summary.app.planVersions +
            summary.app.practiceCompletions +
            summary.app.messages +
            summary.app.absenceRequests;
          print(
            `Demo program (seed ${seed}, ${scale}) generated in ${seconds.toFixed(1)} s: ${summary.staff} staff, ` +
              `${count(summary.participants)} participants, ${count(summary.episodes)} episodes, ` +
              `${count(summary.checkIns)} check-ins, ${count(summary.assessments)} questionnaires ` +
              `(${count(summary.assessmentAlerts)} alerts on them), ${count(summary.attendanceMarks)} attendance marks, ` +
              `${count(summary.appointments)} individual and family sessions (${count(summary.attendanceAlerts)} ` +
              `attendance alerts this week), ${count(summary.plans)} treatment plans (${count(summary.planVersions)} ` +
              `versions, ${count(summary.planReviews)} reviews, ${count(summary.overdueReviews)} overdue), ` +
              `${count(summary.groupNotes)} group notes (${count(summary.groupNoteEntries)} entries), ` +
              `${count(summary.sessionNotes)} individual and family notes, ${count(summary.counselingNotes)} counseling notes, ` +
              `${count(summary.app.personalPlans)} recovery and safety plans, ${count(summary.app.practiceCompletions)} practice ` +
              `reflections, ${count(summary.app.messageThreads)} message threads (${count(summary.app.messages)} messages), ` +
              `${count(summary.app.absenceRequests)} absence requests, ${count(summary.app.sobrietyRestarts)} restarts after a ` +
              `lapse and ${count(summary.app.alerts)} alerts on check-ins and requests; ` +
              `${count(summary.discharges.discharges)} discharges (${count(summary.discharges.signedSummaries)} signed ` +
              `summaries, ${count(summary.discharges.aftercarePlans)} aftercare plans), ${count(summary.discharges.alumni)} ` +
              `alumni (${count(summary.discharges.alumniCheckIns)} weekly check-ins) and ${count(summary.discharges.followUps)} ` +
              `follow-up surveys (${count(summary.discharges.followUpsCompleted)} answered) ` +
              `(${count(Math.round(rows / seconds))} rows/s).`,
          );
        } finally {
          progress.stop();
          await database.close();
        }
      }),
    );
}
