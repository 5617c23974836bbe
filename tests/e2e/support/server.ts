import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../support/cli";

/**
 * A real `bridgeway start` process on a fresh data directory, with the demo program: a copy of the
 * template that scripts/e2e.mjs generates once per run (E2E_DATA_TEMPLATE), or generated on start when
 * a journey runs on its own.
 */

const ROOT = path.resolve(import.meta.dirname, "../../..");
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 20_000;

export interface BridgewayServer {
  url: string;
  /** Everything the server printed (start-up lines, warnings). */
  output(): string;
  /** SIGTERM, wait for the exit code, remove the data directory. */
  stop(): Promise<number | null>;
}

export async function startBridgeway(extraEnv: Record<string, string> = {}): Promise<BridgewayServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bridgeway-e2e-"));
  const template = process.env.E2E_DATA_TEMPLATE;
  if (template) fs.cpSync(template, dataDir, { recursive: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.join(ROOT, "bin/bridgeway.mjs"), "start"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TZ: "UTC",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DEMO: "true",
      LOG_LEVEL: "warn",
      BASE_URL: url,
      ...extraEnv,
    },
  });
  let output = "";
  child.stdout.on("data", (d) => {
    output += d;
  });
  child.stderr.on("data", (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => {
    exitCode = code;
  });
  // A test run that dies before its after-hook must not leave the server running.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const removeDataDir = () => fs.rmSync(dataDir, { recursive: true, force: true });

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await isReady(url))) {
    if (exitCode !== undefined) {
      removeDataDir();
      throw new Error(`bridgeway start exited with ${exitCode} before it was ready:\n${output}`);
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      await exited;
      removeDataDir();
      throw new Error(`bridgeway start was not ready within ${READY_TIMEOUT_MS / 1000} s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  return {
    url,
    output: () => output,
    async stop() {
      process.off("exit", killOnExit);
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
      const code = await exited;
      clearTimeout(timer);
      removeDataDir();
      return code;
    },
  };
}

async function isReady(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/readyz`);
    return response.status === 200;
  } catch {
    return false;
  }
}
