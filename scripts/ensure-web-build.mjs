#!/usr/bin/env node
// Runs before `npm start`: build the web app only when dist/web is missing or older than its sources.
// Prints one line either way.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const index = path.join(root, "dist/web/index.html");
const sources = ["src/web", "src/core", "vite.config.ts", "postcss.config.cjs", "package-lock.json"];

/** Newest modification time of a file, or of anything inside a folder (0 when it does not exist). */
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
const changed = Math.max(...sources.map((source) => newestMtime(path.join(root, source))));
if (built > changed) {
  console.log("Web app is up to date (dist/web).");
} else {
  console.log(built ? "Web app sources changed: building dist/web…" : "Building the web app into dist/web…");
  const { build } = await import("vite");
  await build({ configFile: path.join(root, "vite.config.ts"), logLevel: "error" });
}
