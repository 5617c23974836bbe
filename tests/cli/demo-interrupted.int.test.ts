import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli, startServerProcess } from "../support/cli";

describe("demo generation killed half-way", () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bw-demo-kill-"));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("leaves a database that opens on the next start, which then has the complete demo", async () => {
    expect((await runCli(["migrate"], { DATA_DIR: dataDir })).code).toBe(0);
    // The large scale commits in batches, so a kill leaves a partly written demo behind.
    const child = spawn(process.execPath, ["bin/bridgeway.mjs", "demo", "--scale", "large"], {
      cwd: path.resolve(import.meta.dirname, "../.."),
      env: { PATH: process.env.PATH, DATA_DIR: dataDir, TZ: "UTC" },
    });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    // Kill it while it writes: at its first progress report (or after 8 s), far from the end.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 8_000);
      child.stdout.once("data", () => {
        clearTimeout(timer);
        resolve();
      });
    });
    child.kill("SIGKILL");
    await exited;

    const server = await startServerProcess({ DATA_DIR: dataDir, DEMO: "true" }, 120_000);
    // Depending on where the kill landed, the partial demo holds accounts already or not yet.
    expect(server.output()).toMatch(/Finishing an interrupted demo generation|Generating the demo program/);
    try {
      const meta = (await (await fetch(`${server.url}/api/v1/meta`)).json()) as {
        demoMode: boolean;
        demoPassword: string;
      };
      expect(meta.demoMode).toBe(true);
      const signIn = await fetch(`${server.url}/api/v1/sessions`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-bridgeway-request": "1" },
        body: JSON.stringify({ email: "director@demo.bridgeway.example", password: meta.demoPassword }),
      });
      expect(signIn.status).toBe(200);
      const cookie = signIn.headers.get("set-cookie")!.split(";")[0]!;
      const overview = (await (
        await fetch(`${server.url}/api/v1/overview`, { headers: { cookie } })
      ).json()) as {
        totals: { currentParticipants: number; pastParticipants: number };
      };
      expect(overview.totals.currentParticipants).toBeGreaterThan(40);
      expect(overview.totals.pastParticipants).toBeGreaterThan(150);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 240_000);
});
