import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";

/** Debian's Chromium driven by playwright-core: never a downloaded browser. */

const ROOT = path.resolve(import.meta.dirname, "../../..");
const AXE_PATH = path.join(ROOT, "node_modules/axe-core/axe.min.js");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"];
  return candidates.find((p): p is string => p !== undefined && p !== "" && fs.existsSync(p));
}

/** One headless browser per run; each journey opens its own context (fresh cookies and storage). */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error("Debian chromium is not installed (apt-get install -y chromium)");
  return chromium.launch({
    executablePath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** axe-core on the whole page (WCAG 2.0–2.2 A/AA and best practices): zero violations allowed. */
export async function expectNoAxeViolations(page: Page, pageName: string): Promise<void> {
  // Colours read halfway through a fade (a notification sliding in, a dialog opening) are not the
  // page's: let finite animations and transitions end first (spinners repeat forever and are skipped).
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every(
            (a) => a.playState !== "running" || a.effect?.getTiming().iterations === Number.POSITIVE_INFINITY,
          ),
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
  await page.addScriptTag({ path: AXE_PATH });
  const violations: AxeViolation[] = await page.evaluate(async (tags) => {
    const { axe } = window as unknown as {
      axe: {
        run(
          context: Document,
          options: object,
        ): Promise<{
          violations: {
            id: string;
            impact?: string | null;
            help: string;
            nodes: { target: unknown[]; failureSummary?: string }[];
          }[];
        }>;
      };
    };
    const result = await axe.run(document, { runOnly: tags });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map(
        (n) =>
          `${n.target.map(String).join(" ")} — ${(n.failureSummary ?? "").replace(/\s+/g, " ").slice(0, 240)}`,
      ),
    }));
  }, AXE_TAGS);
  const report = violations
    .map((v) => `  ${v.id} [${v.impact}] ${v.help}\n${v.targets.map((t) => `    at ${t}`).join("\n")}`)
    .join("\n");
  assert.equal(violations.length, 0, `axe: ${violations.length} violation(s) on ${pageName}:\n${report}`);
}

/** Console errors and uncaught exceptions in the page, for the journey to assert on. */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

/** Full-page screenshot in test-results/ (git-ignored), with the pointer parked so no hover shows. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  const dir = path.join(ROOT, "test-results");
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}
