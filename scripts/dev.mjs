#!/usr/bin/env node
// `npm run dev`: the API on :3000 and the Vite dev server on :5173 (proxying /api to the API).
import { spawn } from "node:child_process";

const children = [
  spawn(process.execPath, ["bin/bridgeway.mjs", "start"], {
    stdio: "inherit",
    env: { ...process.env, PORT: "3000" },
  }),
  spawn(process.execPath, ["node_modules/vite/bin/vite.js"], { stdio: "inherit" }),
];
let stopping = false;
const stop = (code) => {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  process.exitCode = code;
};
for (const child of children) child.on("exit", (code) => stop(code ?? 0));
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));
