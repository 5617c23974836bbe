import { Command } from "commander";
import { packageVersion } from "./cli-context";
import { registerAudit } from "./commands/audit";
import { registerBackup } from "./commands/backup";
import { registerDemo } from "./commands/demo";
import { registerMigrate } from "./commands/migrate";
import { registerStart } from "./commands/start";
import { registerUser } from "./commands/user";

const program = new Command()
  .name("bridgeway")
  .description(
    "Bridgeway: software for addiction-treatment intensive outpatient programs.\nConfiguration comes from environment variables (see README).",
  )
  .version(packageVersion());

registerStart(program);
registerMigrate(program);
registerDemo(program);
registerBackup(program);
registerUser(program);
registerAudit(program);

await program.parseAsync(process.argv);
