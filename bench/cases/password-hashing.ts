import { hashPassword, verifyPassword } from "../../src/server/identity/passwords";
import { type BenchCase, timeFunctions } from "../harness";

/** argon2id at the OWASP parameters: verify is the cost of every sign-in, hash of every new password. */
const PASSWORD = "a sufficiently long passphrase";

const passwordHashing: BenchCase = {
  name: "argon2id",
  async run() {
    const stored = await hashPassword(PASSWORD);
    const figures = await timeFunctions(
      {
        "argon2id hash (m=19 MiB, t=2, p=1)": () => hashPassword(PASSWORD),
        "argon2id verify = one sign-in": async () => {
          if (!(await verifyPassword(stored, PASSWORD))) throw new Error("argon2id verify rejected");
        },
      },
      20,
    );
    return { figures };
  },
};

export default passwordHashing;
