import type { Command } from "commander";
import { STAFF_ROLES, USER_KINDS } from "../../core/identity/identity.schema";
import { createUserInputSchema } from "../../core/identity/user-create.schema";
import { isDomainError } from "../../core/platform/errors";
import { createUser } from "../../server/identity/users.service";
import { action, CliError, config, openMigrated, print } from "../cli-context";
import { readSecret } from "../read-secret";

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerUser(program: Command): void {
  const user = program.command("user").description("Manage accounts");
  user
    .command("create")
    .description(
      "Create an account. The password is asked for (hidden), or read from standard input with --password-stdin",
    )
    .requiredOption("--email <email>", "sign-in email")
    .requiredOption("--name <name>", "display name")
    .option("--kind <kind>", `${USER_KINDS.join(" | ")}`, "staff")
    .option("--role <role>", `staff role, repeatable: ${STAFF_ROLES.join(", ")}`, collect, [])
    .option("--site <name>", "site the staff member works at, repeatable", collect, [])
    .option("--locale <locale>", "en | es", "en")
    .option("--password-stdin", "read the password from standard input")
    .action(
      action(
        async (opts: {
          email: string;
          name: string;
          kind: string;
          role: string[];
          site: string[];
          locale: string;
          passwordStdin?: boolean;
        }) => {
          const password = await readSecret(
            "Password (at least 12 characters): ",
            Boolean(opts.passwordStdin),
          );
          const parsed = createUserInputSchema.safeParse({
            email: opts.email,
            displayName: opts.name,
            kind: opts.kind,
            roles: opts.role,
            locale: opts.locale,
            password,
            siteNames: opts.site,
          });
          if (!parsed.success) {
            const issue = parsed.error.issues[0]!;
            const field = String(issue.path[0] ?? "input");
            throw new CliError(`${field}: ${issue.message}`);
          }
          const database = await openMigrated(config(), "user create");
          try {
            const id = await createUser(database.db, parsed.data);
            print(`Created ${parsed.data.kind} account ${parsed.data.email} (${id}).`);
          } catch (error) {
            if (isDomainError(error))
              throw new CliError(`${error.fields?.[0]?.path ?? "input"}: ${error.message}`);
            throw error;
          } finally {
            await database.close();
          }
        },
      ),
    );
}
