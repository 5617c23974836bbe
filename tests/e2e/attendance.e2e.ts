import assert from "node:assert/strict";
import { performance } from "node:perf_hooks";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import type { Roster } from "../../src/core/attendance/roster.schema";
import type { Track, TrackOccurrences } from "../../src/core/schedule/tracks.schema";
import { DEMO_PASSWORD } from "../../src/server/demo/demo-accounts";
import { collectConsoleErrors, expectNoAxeViolations, launchBrowser, screenshot } from "./support/browser";
import { type BridgewayServer, startBridgeway } from "./support/server";

/**
 * A facilitator takes attendance for a group on a tablet: the demo counselor opens this week's
 * groups, the session of a track they run (today's, else the nearest one not taken yet), marks
 * everyone present, one late with fewer minutes and one absent without excuse, and saves. The time
 * from opening the roster to the saved confirmation is printed (never asserted). Then the same
 * pages on a phone in Spanish and dark, and the administrator's tracks pages.
 */

let server: BridgewayServer | undefined;
let browser: Browser | undefined;

before(async () => {
  server = await startBridgeway();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  const code = await server?.stop();
  assert.equal(code, 0, `the server exits 0 after SIGTERM:\n${server?.output()}`);
});

const TABLET = { width: 820, height: 1180 };
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 860 };
const COUNSELOR = "Jordan Alvarez";

async function openPage(
  viewport: { width: number; height: number },
  options: { locale?: string; colorScheme?: "light" | "dark" } = {},
) {
  const context = await browser!.newContext({
    viewport,
    baseURL: server!.url,
    locale: options.locale ?? "en-US",
    colorScheme: options.colorScheme ?? "light",
    hasTouch: viewport.width < 1000,
    bypassCSP: true,
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  return { page, consoleErrors: collectConsoleErrors(page) };
}

async function signIn(page: Page, email: string, submit = "Sign in"): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel(/^(Email|Correo)/).fill(email);
  await page.getByLabel(/^(Password|Contraseña)/).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: submit, exact: true }).click();
  await page.waitForURL("**/staff");
}

/** A GET from the signed-in page, as the web app makes it. */
async function api<T>(page: Page, path: string): Promise<T> {
  const reply = await page.evaluate(async (url) => {
    const response = await fetch(url, { headers: { accept: "application/json" } });
    return { status: response.status, json: await response.json().catch(() => null) };
  }, path);
  assert.equal(reply.status, 200, `GET ${path} answered ${reply.status}: ${JSON.stringify(reply.json)}`);
  return reply.json as T;
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
const addDays = (date: string, days: number) =>
  new Date((dayNumber(date) + days) * 86_400_000).toISOString().slice(0, 10);

function todayIn(timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(new Date());
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** ISO week's Monday of a date. */
function mondayOf(date: string): string {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

interface Pick {
  track: Track;
  occurrence: TrackOccurrences["occurrences"][number];
}

/**
 * The session the counselor takes attendance for: today's in a track they run if attendance is not
 * taken yet, else the nearest such session within a week either side (earlier days first on a tie).
 */
async function pickSession(page: Page): Promise<Pick> {
  const { tracks } = await api<{ tracks: Track[] }>(page, "/api/v1/tracks");
  const mine = tracks.filter((t) => t.facilitators.some((f) => f.name === COUNSELOR));
  assert.ok(mine.length > 0, "the demo counselor runs at least one track");
  const candidates: (Pick & { distance: number })[] = [];
  for (const track of mine) {
    const today = todayIn(track.timeZone);
    const list = await api<TrackOccurrences>(
      page,
      `/api/v1/tracks/${track.id}/occurrences?from=${addDays(today, -7)}&to=${addDays(today, 7)}`,
    );
    for (const occurrence of list.occurrences) {
      if (occurrence.status === "cancelled" || occurrence.problem || occurrence.marksRecorded > 0) continue;
      const offset = dayNumber(occurrence.date) - dayNumber(today);
      candidates.push({ track, occurrence, distance: Math.abs(offset) * 2 + (offset > 0 ? 1 : 0) });
    }
  }
  candidates.sort((a, b) => a.distance - b.distance);
  assert.ok(candidates[0], "a session of the counselor's tracks still needs attendance");
  return candidates[0];
}

let taken: Pick | undefined;

describe("taking attendance", () => {
  it("facilitator takes attendance for a group on a tablet-sized viewport in under a minute", async () => {
    const { page, consoleErrors } = await openPage(TABLET);
    await signIn(page, "counselor@demo.bridgeway.example");
    const pick = await pickSession(page);
    taken = pick;
    const { track, occurrence } = pick;

    await page.getByRole("navigation").getByRole("link", { name: "Groups" }).click();
    await page.waitForURL("**/staff/groups");
    await page.getByRole("heading", { name: "Groups", level: 1 }).waitFor();
    // The page opens on the device's week; a session in another week is one address away.
    if (mondayOf(occurrence.date) !== mondayOf(todayIn(Intl.DateTimeFormat().resolvedOptions().timeZone))) {
      await page.goto(`/staff/groups?week=${occurrence.date}`);
      await page.getByRole("heading", { name: "Groups", level: 1 }).waitFor();
    }
    const take = page.locator(`a[href="/staff/groups/${track.id}/${occurrence.key}/attendance"]`);
    await take.waitFor();
    assert.match((await take.getAttribute("aria-label")) ?? "", /^Take attendance: /);
    await expectNoAxeViolations(page, "groups (tablet)");
    await screenshot(page, "groups-tablet");

    const started = performance.now();
    await take.click();
    await page.getByRole("heading", { name: track.name, level: 1 }).waitFor();
    const roster = page.getByRole("list", { name: "Roster" });
    await roster.getByRole("listitem").first().waitFor();
    const loaded = performance.now();

    await page.getByRole("button", { name: "Mark all present" }).click();
    const rows = roster.getByRole("group");
    const count = await rows.count();
    assert.ok(count >= 2, `the roster has at least two participants (it has ${count})`);
    const late = rows.nth(0);
    const absent = rows.nth(1);
    const lateName = (await late.locator("p").first().textContent()) ?? "";
    const absentName = (await absent.locator("p").first().textContent()) ?? "";
    const lateMinutes = occurrence.durationMinutes! - 25;
    await late.getByText("Late", { exact: true }).click();
    await late.getByLabel(/^Minutes attended/).fill(String(lateMinutes));
    await absent.getByText("Absent, unexcused", { exact: true }).click();
    await page.getByText(`Present ${count - 2} · Late 1 · Absent 1`).waitFor();
    await page.getByRole("button", { name: "Save attendance" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `Attendance saved: ${count - 2} present, 1 late or left early, 1 absent.` })
      .waitFor();
    const saved = performance.now();
    console.log(
      `attendance on a tablet: ${count} participants, roster opened to saved confirmation in ${((saved - started) / 1000).toFixed(1)} s (roster shown after ${((loaded - started) / 1000).toFixed(1)} s)`,
    );

    const stored = await api<Roster>(page, `/api/v1/tracks/${track.id}/occurrences/${occurrence.key}/roster`);
    const markOf = (name: string) => stored.participants.find((p) => p.participant.name === name)?.mark;
    assert.deepEqual(
      [markOf(lateName)?.status, markOf(lateName)?.minutesAttended],
      ["late", lateMinutes],
      `${lateName} is saved late`,
    );
    assert.deepEqual(
      [markOf(absentName)?.status, markOf(absentName)?.minutesAttended],
      ["absent_unexcused", 0],
    );
    assert.equal(stored.participants.filter((p) => p.mark?.status === "present").length, count - 2);

    await expectNoAxeViolations(page, "attendance roster after saving (tablet)");
    await screenshot(page, "attendance-tablet-saved");
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });

  it("shows the groups and the saved roster on a phone in Spanish and dark, and asks why a saved mark changes", async () => {
    assert.ok(taken, "the tablet journey took attendance first");
    const { track, occurrence } = taken;
    const { page, consoleErrors } = await openPage(PHONE, { locale: "es-MX", colorScheme: "dark" });
    await signIn(page, "counselor@demo.bridgeway.example", "Iniciar sesión");
    await page.goto(`/staff/groups?week=${occurrence.date}&whose=all`);
    await page.getByRole("heading", { name: "Grupos", level: 1 }).waitFor();
    const review = page.locator(`a[href="/staff/groups/${track.id}/${occurrence.key}/attendance"]`);
    await review.waitFor();
    assert.match((await review.getAttribute("aria-label")) ?? "", /^Revisar asistencia: /);
    await expectNoAxeViolations(page, "groups (phone, Spanish, dark)");
    await screenshot(page, "groups-phone-es-dark");

    await review.click();
    const roster = page.getByRole("list", { name: "Lista" });
    await roster.getByRole("listitem").first().waitFor();
    const first = roster.getByRole("group").first();
    await first.getByText("Ausente, justificado", { exact: true }).click();
    await page.getByLabel(/^¿Por qué cambian marcas ya guardadas\?/).waitFor();
    await page.getByRole("button", { name: "Guardar asistencia" }).click();
    await page.getByText("Diga por qué cambian las marcas guardadas (unas palabras).").waitFor();
    await expectNoAxeViolations(page, "attendance roster with a change (phone, Spanish, dark)");
    await screenshot(page, "attendance-phone-es-dark");
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });

  it("lets an administrator read a track's pattern and sessions and open its edit form", async () => {
    const { page, consoleErrors } = await openPage(DESKTOP);
    await signIn(page, "admin@demo.bridgeway.example");
    await page.getByRole("navigation").getByRole("link", { name: "Tracks" }).click();
    const table = page.getByRole("table", { name: "Tracks" });
    await table.getByRole("row").nth(1).waitFor();
    await table.getByText("Mon, Tue, Thu 6:00 – 9:00 PM").waitFor();
    await expectNoAxeViolations(page, "tracks");
    await screenshot(page, "tracks-desktop");

    await table.getByRole("link", { name: /^Adult evening/ }).click();
    await page.getByRole("table", { name: "Sessions of the track" }).getByRole("row").nth(1).waitFor();
    await expectNoAxeViolations(page, "one track with its sessions");
    await screenshot(page, "track-desktop");
    await page.getByRole("button", { name: "Edit", exact: true }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("group", { name: "Session 1" }).waitFor();
    await expectNoAxeViolations(page, "track edit form");
    await screenshot(page, "track-edit-desktop");
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });
});
