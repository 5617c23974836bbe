#!/usr/bin/env node
// Runs before `npm start`: build the web app when dist/web is missing or older than its sources.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const index = path.join(root, "dist/web/index.html");
const sources = ["src/web", "src/core", "vite.config.ts", "package.json"].map((p) => path.join(root, p));

function newestMtime(target) {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target))
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

const built = fs.statSync(index, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const changed = Math.max(...sources.map(newestMtime));
if (built > changed) {
  console.log("Web app is up to date.");
} else {
  console.log(built ? "Web app sources changed: rebuilding…" : "Building the web app (first start)…");
  const { build } = await import("vite");
  await build({ configFile: path.join(root, "vite.config.ts"), logLevel: "warn" });
  console.log("Web app built.");
}
