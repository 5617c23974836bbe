import Fastify from "fastify";
import { type BenchCase, httpFigure, load } from "../harness";

/** Bare Fastify hello-world on this machine: the ceiling every real endpoint is compared with. */
export const httpBaseline: BenchCase = {
  name: "bare Fastify",
  async run(options) {
    const app = Fastify({ logger: false });
    app.get("/", async () => ({ hello: "world" }));
    const address = await app.listen({ port: 0, host: "127.0.0.1" });
    try {
      return [httpFigure("bare Fastify GET / (hello world)", await load(address, options))];
    } finally {
      await app.close();
    }
  },
};
