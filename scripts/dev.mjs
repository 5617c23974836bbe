#!/usr/bin/env node
// `npm run dev`: the API on :3000 and the Vite dev server on :5173 (which proxies /api to the API).
// Ctrl-C is forwarded once to both (a second Ctrl-C forwards again, which makes the API stop at once);
// when either one exits, the other is asked to stop too.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// Own process groups, so the terminal's Ctrl-C reaches only this script, which forwards it exactly once.
const start = (args, env = process.env) =>
  spawn(process.execPath, args, { cwd: root, env, detached: true, stdio: ["ignore", "inherit", "inherit"] });
const children = [
  start(["bin/bridgeway.mjs", "start"], { ...process.env, PORT: "3000" }),
  start(["node_modules/vite/bin/vite.js", "--clearScreen", "false"]),
];

const signalled = new Set();
const running = () => children.filter((child) => child.exitCode === null && child.signalCode === null);
function send(child, signal) {
  signalled.add(child);
  child.kill(signal);
}

for (const child of children) {
  child.on("exit", (code) => {
    process.exitCode ??= signalled.has(child) ? 0 : (code ?? 1);
    for (const other of running()) if (!signalled.has(other)) send(other, "SIGTERM");
  });
}
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    for (const child of running()) send(child, signal);
  });
}
// If this script dies for any other reason, do not leave the servers running on their own.
process.on("exit", () => {
  for (const child of running()) child.kill("SIGTERM");
});
