import Fastify from "fastify";
import { type BenchCase, loadHttp } from "../harness";

/** Bare Fastify hello-world: the ceiling every Bridgeway endpoint is compared with. */
const httpBaseline: BenchCase = {
  name: "bare Fastify",
  async run(options) {
    const app = Fastify({ logger: false });
    app.get("/", async () => ({ hello: "world" }));
    const address = await app.listen({ port: 0, host: "127.0.0.1" });
    try {
      const figure = await loadHttp("bare Fastify GET / (hello world)", address, options);
      return {
        figures: [{ ...figure, baseline: true }],
        note: "HTTP servers run in the bench process, which also runs autocannon (one event loop)",
      };
    } finally {
      await app.close();
    }
  },
};

export default httpBaseline;
