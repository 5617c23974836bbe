import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * Pages of a PDF as PNG images in test-results/ (git-ignored, kept as CI artefacts), so a person can
 * look at a printed document. Uses poppler's `pdftoppm` (Debian package poppler-utils, installed by
 * .ci/run); where it is missing the render is skipped with a note and null is returned.
 */

const ROOT = path.resolve(import.meta.dirname, "../..");
export const RENDER_DIR = path.join(ROOT, "test-results");

let available: boolean | undefined;

export function canRenderPdf(): boolean {
  available ??= !spawnSync("pdftoppm", ["-v"], { stdio: "ignore" }).error;
  return available;
}

/**
 * Page `page` (1-based) of `pdf` as test-results/<name>.png at `dpi` dots per inch; the PNG's path, or
 * null when pdftoppm is not installed.
 */
export function renderPdfPage(pdf: Buffer, page: number, name: string, dpi = 90): string | null {
  if (!canRenderPdf()) {
    console.info(`pdftoppm is not installed (apt-get install poppler-utils): ${name}.png not rendered.`);
    return null;
  }
  fs.mkdirSync(RENDER_DIR, { recursive: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "pdf-render-"));
  try {
    const source = path.join(work, "document.pdf");
    fs.writeFileSync(source, pdf);
    const target = path.join(RENDER_DIR, name);
    const result = spawnSync(
      "pdftoppm",
      ["-png", "-r", String(dpi), "-f", String(page), "-l", String(page), "-singlefile", source, target],
      { encoding: "utf8" },
    );
    if (result.status !== 0) throw new Error(`pdftoppm failed on page ${page}: ${result.stderr}`);
    return `${target}.png`;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
