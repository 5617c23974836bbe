import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Plugin } from "vite";

/** Built files the service worker keeps: scripts, styles, fonts and images (not source maps). */
const KEPT = /\.(?:js|css|woff2?|svg|png|webmanifest)$/;

/**
 * Emits `sw.js` with the build: the hand-written worker in `source`, preceded by this build's
 * version (a hash of every built file name and of index.html, so any change makes a new worker) and
 * the list of files to keep at once — index.html, the scripts and styles it loads, and the files of
 * `publicDir` (copied to the site's root as they are).
 */
export function serviceWorker({ source, publicDir }: { source: string; publicDir: string }): Plugin {
  return {
    name: "bridgeway-service-worker",
    apply: "build",
    enforce: "post",
    generateBundle(_options, bundle) {
      const built = Object.keys(bundle).filter((file) => KEPT.test(file));
      const index = bundle["index.html"];
      const html = index?.type === "asset" ? String(index.source) : "";
      // The shell is what index.html loads; parts loaded on demand are kept when first fetched.
      const shell = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => `/${m[1]}`);
      const precache = ["/index.html", ...shell, ...publicFiles(publicDir)].sort();
      const version = createHash("sha256")
        .update(built.sort().join("\n"))
        .update(html)
        .update(precache.join("\n"))
        .digest("hex")
        .slice(0, 16);
      this.emitFile({
        type: "asset",
        fileName: "sw.js",
        source: `self.BRIDGEWAY_BUILD = ${JSON.stringify({ version, precache })};\n${fs.readFileSync(source, "utf8")}`,
      });
    },
  };
}

/** The files under `dir` the worker keeps, as paths from the site's root. */
function publicFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => KEPT.test(file))
    .map((file) => `/${file.split(path.sep).join("/")}`);
}
