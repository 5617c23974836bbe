import { Bench } from "tinybench";
import { hashPassword, verifyPassword } from "../../src/server/identity/passwords";
import type { BenchCase } from "../harness";

/** argon2id at the OWASP parameters: the cost of every sign-in. */
export const passwordHashing: BenchCase = {
  name: "argon2id",
  async run() {
    const stored = await hashPassword("a sufficiently long password");
    const bench = new Bench({ iterations: 20, time: 0 });
    bench.add("argon2id verify (m=19 MiB, t=2, p=1)", async () => {
      await verifyPassword(stored, "a sufficiently long password");
    });
    await bench.run();
    return bench.tasks.map((task) => {
      const mean = task.result && "latency" in task.result ? task.result.latency.mean : Number.NaN;
      return { name: task.name, value: `${mean.toFixed(1)} ms per sign-in` };
    });
  },
};
