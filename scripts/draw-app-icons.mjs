#!/usr/bin/env node
// Draws the installable app's PNG icons from the SVGs in src/web/public/icons with the system's
// Chromium (CHROMIUM_PATH, default /usr/bin/chromium). Run it after changing an SVG; commit the PNGs.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const icons = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../src/web/public/icons");
const outputs = [
  ["bridgeway.svg", "bridgeway-192.png", 192],
  ["bridgeway.svg", "bridgeway-512.png", 512],
  ["maskable.svg", "maskable-512.png", 512],
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
try {
  for (const [source, target, size] of outputs) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const svg = fs.readFileSync(path.join(icons, source), "utf8");
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    await page.screenshot({ path: path.join(icons, target), omitBackground: true });
    await page.close();
    console.log(`Drew ${target} (${size}×${size}).`);
  }
} finally {
  await browser.close();
}
