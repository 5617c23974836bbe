import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Locator, Page } from "playwright-core";
import type { Appointment } from "../../src/core/schedule/appointment.schema";
import type { Calendar, CalendarEntry } from "../../src/core/schedule/calendar.schema";
import { DEMO_PASSWORD } from "../../src/server/demo/demo-accounts";
import { collectConsoleErrors, expectNoAxeViolations, launchBrowser, screenshot } from "./support/browser";
import { type BridgewayServer, startBridgeway } from "./support/server";

/**
 * The staff calendar with a counselor: the demo counselor opens their week, books an individual
 * session at a time everyone involved is free, is told plainly that a session over a group they
 * facilitate clashes (with the group named under the staff field, nothing booked), then drags the
 * booked session an hour later with the mouse and finds it saved there. The calendar page passes
 * axe; the week is also looked at on a phone (a list, day by day) in Spanish and dark. The
 * counselor makes their calendar feed address (shown once) and an administrator finds the feed
 * setting.
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

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
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
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  return { page, consoleErrors: collectConsoleErrors(page) };
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel(/^(Email|Correo)/).fill(email);
  await page.getByLabel(/^(Password|Contraseña)/).fill(DEMO_PASSWORD);
  await page.locator("button[type=submit]").click();
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

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
/** "14:00" as the page shows it in English: "2:00", and whether it is AM or PM. */
function clock(time: string): { hm: string; half: string } {
  const m = minutes(time);
  return {
    hm: `${Math.floor(m / 60) % 12 || 12}:${String(m % 60).padStart(2, "0")}`,
    half: m < 720 ? "AM" : "PM",
  };
}

/** A session's button on the grid: "Individual Name 2:00 – 3:00 PM" (the first AM/PM only when they differ). */
function blockName(title: string, start: string, end: string): RegExp {
  const from = clock(start);
  const to = clock(end);
  return new RegExp(
    `^Individual ${escapeRegExp(title)} ${from.hm}(\\s?${from.half})?\\s–\\s${to.hm}\\s?${to.half}$`,
  );
}

interface Busy {
  date: string;
  start: number;
  end: number;
}

const busyOf = (entries: CalendarEntry[]): Busy[] =>
  entries
    .filter((e) => e.status !== "cancelled")
    .map((e) => ({ date: e.date, start: minutes(e.start), end: minutes(e.end) }));

/**
 * The first weekday of the week shown, at a whole hour from 8:00, where the counselor, the room and
 * the participant are free for two hours running (the second hour is where the session is dragged),
 * and the participant has declared no unavailability.
 */
function freeSlot(
  days: string[],
  busy: Busy[],
  windows: { weekday: number; start: string; end: string }[],
): { date: string; start: string; end: string } {
  for (const date of days) {
    const weekday = ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
    if (weekday > 5) continue;
    for (let start = 8 * 60; start + 120 <= 20 * 60; start += 60) {
      const end = start + 120;
      const clash =
        busy.some((b) => b.date === date && b.start < end && start < b.end) ||
        windows.some((w) => w.weekday === weekday && minutes(w.start) < end && start < minutes(w.end));
      if (!clash) return { date, start: hhmm(start), end: hhmm(start + 60) };
    }
  }
  throw new Error("no free two hours this week for the counselor, the room and the participant");
}

async function chooseParticipant(dialog: Locator, page: Page, name: string) {
  const field = dialog.getByLabel(/^Participant/);
  await field.fill(name.split(" ")[0]!);
  await page
    .getByRole("option", { name: new RegExp(`^${escapeRegExp(name)}`) })
    .first()
    .click();
}

describe("the staff calendar", () => {
  it("a counselor opens the week, books a session, is told of a clash with their group, and drags the session", async () => {
    const { page, consoleErrors } = await openPage(DESKTOP);
    await signIn(page, "counselor@demo.bridgeway.example");
    await page.getByRole("navigation").getByRole("link", { name: "Calendar" }).click();
    await page.waitForURL("**/staff/calendar");
    await page.getByRole("heading", { name: "Calendar", level: 1 }).waitFor();
    const monday = page.getByRole("region", { name: /^Monday, / });
    await monday.waitFor();
    assert.equal(await page.locator("section.cal-day").count(), 7, "the week has seven days");
    await expectNoAxeViolations(page, "calendar week (desktop)");
    await screenshot(page, "calendar-week-desktop");

    // What the page shows, read through the same API: the week, whose calendar, the site and its rooms.
    const session = await api<{ session: { user: { id: string } } }>(page, "/api/v1/sessions/current");
    const me = session.session.user.id;
    const { sites } = await api<{ sites: { id: string; timeZone: string }[] }>(page, "/api/v1/sites");
    const site = sites[0]!;
    let week = await api<Calendar>(
      page,
      `/api/v1/calendar?view=staff&siteId=${site.id}&staffId=${me}&from=${await firstDay(page)}&to=${await lastDay(page)}`,
    );
    // A group the counselor runs this week, or the next week's.
    let group = week.entries.find((e) => e.group && e.status !== "cancelled" && e.problem === null);
    if (!group) {
      await page.getByRole("button", { name: "Next week" }).click();
      await page.getByRole("region", { name: /^Monday, / }).waitFor();
      week = await api<Calendar>(
        page,
        `/api/v1/calendar?view=staff&siteId=${site.id}&staffId=${me}&from=${await firstDay(page)}&to=${await lastDay(page)}`,
      );
      group = week.entries.find((e) => e.group && e.status !== "cancelled" && e.problem === null);
    }
    assert.ok(group, `${COUNSELOR} facilitates a group this week or next`);

    const { participants } = await api<{ participants: { id: string; name: string; siteId: string }[] }>(
      page,
      `/api/v1/participants?status=current&siteId=${site.id}&pageSize=100`,
    );
    assert.ok(participants.length > 0, "the counselor sees current participants at the site");
    const { rooms } = await api<{ rooms: { id: string; name: string; active: boolean }[] }>(
      page,
      `/api/v1/sites/${site.id}/rooms`,
    );
    const room = rooms.find((r) => r.active);
    assert.ok(room, "the site has a room in use");
    // Days with a cancelled session (a holiday) are left out: a block beside a cancelled one is narrow.
    const closed = new Set(week.entries.filter((e) => e.status === "cancelled").map((e) => e.date));
    const days = [week.from, ...Array.from({ length: 6 }, (_, i) => addDays(week.from, i + 1))].filter(
      (d) => !closed.has(d),
    );
    // Someone whose first name is not shared, so typing it finds only them.
    const firstNames = participants.map((p) => p.name.split(" ")[0]);
    const candidates = participants.filter(
      (p) => firstNames.filter((n) => n === p.name.split(" ")[0]).length === 1,
    );
    let booking:
      | { participant: (typeof participants)[number]; slot: { date: string; start: string; end: string } }
      | undefined;
    for (const participant of candidates) {
      const theirs = await api<Calendar>(
        page,
        `/api/v1/calendar?view=participant&participantId=${participant.id}&from=${week.from}&to=${week.to}`,
      );
      const roomWeek = await api<Calendar>(
        page,
        `/api/v1/calendar?view=room&siteId=${site.id}&roomId=${room.id}&from=${week.from}&to=${week.to}`,
      );
      const { windows } = await api<{ windows: { weekday: number; start: string; end: string }[] }>(
        page,
        `/api/v1/participants/${participant.id}/unavailability`,
      );
      try {
        const slot = freeSlot(
          days,
          [...busyOf(week.entries), ...busyOf(theirs.entries), ...busyOf(roomWeek.entries)],
          windows,
        );
        booking = { participant, slot };
        break;
      } catch {
        // Busy all week: try the next participant.
      }
    }
    assert.ok(booking, "someone can be booked with the counselor this week");
    const { participant, slot } = booking;

    // Book it.
    await page.getByRole("button", { name: "Book a session" }).click();
    let dialog = page.getByRole("dialog", { name: "Book an individual or family session" });
    await dialog.waitFor();
    await chooseParticipant(dialog, page, participant.name);
    await dialog.getByLabel("Room", { exact: true }).selectOption({ label: room.name });
    await dialog.getByLabel("Date", { exact: true }).fill(slot.date);
    await dialog.getByLabel("Start", { exact: true }).fill(slot.start);
    await dialog.getByLabel("End", { exact: true }).fill(slot.end);
    await expectNoAxeViolations(page, "booking dialog");
    await dialog.getByRole("button", { name: "Book", exact: true }).click();
    await page.getByText(/^Session booked: /).waitFor();
    await dialog.waitFor({ state: "hidden" });
    const booked = page.getByRole("button", { name: blockName(participant.name, slot.start, slot.end) });
    await booked.waitFor();

    // Over a group the counselor facilitates: refused, the group named under the staff member.
    await page.getByRole("button", { name: "Book a session" }).click();
    dialog = page.getByRole("dialog", { name: "Book an individual or family session" });
    await dialog.waitFor();
    await chooseParticipant(dialog, page, participant.name);
    await dialog.getByRole("radio", { name: "By video" }).check();
    await dialog.getByLabel("Video link", { exact: true }).fill("https://video.example.org/room/42");
    await dialog.getByLabel("Date", { exact: true }).fill(group.date);
    await dialog.getByLabel("Start", { exact: true }).fill(group.start);
    await dialog.getByLabel("End", { exact: true }).fill(hhmm(minutes(group.start) + 60));
    await dialog.getByRole("button", { name: "Book", exact: true }).click();
    await dialog.getByText("This time clashes with other sessions: nothing was booked.").waitFor();
    const staffField = dialog.getByLabel(/^Staff member/);
    const staffError = await staffField.evaluate((input) =>
      (input.getAttribute("aria-describedby") ?? "")
        .split(" ")
        .map((id) => document.getElementById(id))
        .filter((node) => node?.id.endsWith("error"))
        .map((node) => node?.textContent ?? "")
        .join(" "),
    );
    assert.match(staffError, new RegExp(`^${COUNSELOR} has ${escapeRegExp(group.group!.trackName)} group `));
    assert.equal(await dialog.getByRole("button", { name: "Book anyway" }).count(), 0);
    assert.equal(
      await dialog.getByLabel("Date", { exact: true }).inputValue(),
      group.date,
      "what was typed is kept",
    );
    await expectNoAxeViolations(page, "booking dialog with a clash");
    await screenshot(page, "calendar-booking-conflict-desktop");
    await dialog.getByRole("button", { name: "Cancel", exact: true }).click();
    await dialog.waitFor({ state: "hidden" });

    // Drag the booked session an hour later (60 px), with the mouse.
    // In the middle of the screen, clear of the header and the crisis-line footer.
    await booked.evaluate((block) => block.scrollIntoView({ block: "center" }));
    const box = await booked.boundingBox();
    assert.ok(box, "the booked session is on screen");
    const x = box.x + box.width / 2;
    const y = box.y + Math.min(12, box.height / 2);
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x, y + 20, { steps: 4 });
    await page.mouse.move(x, y + 60, { steps: 8 });
    await page.mouse.up();
    const later = { start: hhmm(minutes(slot.start) + 60), end: hhmm(minutes(slot.end) + 60) };
    await page.getByText(/^Session moved to /).waitFor();
    await page.getByRole("button", { name: blockName(participant.name, later.start, later.end) }).waitFor();
    assert.equal(await page.getByRole("dialog").count(), 0, "dropping did not open the details");
    const mine = await api<Calendar>(
      page,
      `/api/v1/calendar?view=staff&siteId=${site.id}&staffId=${me}&from=${slot.date}&to=${slot.date}`,
    );
    const moved = mine.entries.find((e) => e.participant?.id === participant.id && e.appointment);
    assert.ok(moved?.appointment, "the session is in the counselor's calendar");
    const saved = await api<Appointment>(page, `/api/v1/appointments/${moved.appointment.id}`);
    assert.deepEqual([saved.date, saved.start, saved.end], [slot.date, later.start, later.end]);
    await screenshot(page, "calendar-after-drag-desktop");

    // The keyboard way: the session's details, with a Move form. A click within half a second of a
    // drop is the drop's own click and is ignored on purpose, so on a slow machine press again.
    const movedBlock = page.getByRole("button", {
      name: blockName(participant.name, later.start, later.end),
    });
    const drawer = page.getByRole("dialog");
    for (let attempt = 0; attempt < 3 && !(await drawer.isVisible()); attempt++) {
      await movedBlock.focus();
      await page.keyboard.press("Enter");
      await drawer.waitFor({ timeout: 3_000 }).catch(() => undefined);
    }
    await drawer.getByRole("button", { name: "Move" }).click();
    await drawer.getByRole("form", { name: "Move the session" }).waitFor();
    await expectNoAxeViolations(page, "session details with the move form");
    await page.keyboard.press("Escape");
    // The browser logs the refused booking's 409 itself; that answer was the point. Nothing else.
    assert.deepEqual(
      consoleErrors.filter((e) => !/status of 409 \(Conflict\)/.test(e)),
      [],
    );
    assert.equal(consoleErrors.length, 1, "one refused booking");
    await page.context().close();
  });

  it("gives a counselor their calendar address once, and an administrator the feed setting", async () => {
    const { page, consoleErrors } = await openPage(DESKTOP);
    await signIn(page, "counselor@demo.bridgeway.example");
    await page.goto("/staff/account");
    const feed = page.getByRole("region", { name: "Subscribe in your calendar app" });
    await feed.getByRole("button", { name: "Create my calendar address" }).click();
    const address = feed.getByLabel("Address (https)");
    await address.waitFor();
    assert.match(await address.inputValue(), /^http.*\/calendar-feeds\/.+\.ics$/);
    assert.match(
      (await feed.getByRole("link", { name: "Open in my calendar app" }).getAttribute("href")) ?? "",
      /^webcal:\/\//,
    );
    await expectNoAxeViolations(page, "account page with a new calendar address");
    // The address is shown once: after a reload only when it was made and last read.
    await page.reload();
    await feed.getByText("No calendar app has read it yet.").waitFor();
    assert.equal(await feed.getByLabel("Address (https)").count(), 0);
    assert.deepEqual(consoleErrors, []);
    await page.context().close();

    const admin = await openPage(DESKTOP);
    await signIn(admin.page, "admin@demo.bridgeway.example");
    await admin.page.getByRole("navigation").getByRole("link", { name: "Calendar feeds" }).click();
    await admin.page.getByRole("heading", { name: "Calendar feeds", level: 1 }).waitFor();
    await admin.page.getByRole("radio", { name: "Private (recommended)" }).waitFor();
    assert.ok(await admin.page.getByRole("radio", { name: "Private (recommended)" }).isChecked());
    await expectNoAxeViolations(admin.page, "calendar feed setting");
    await screenshot(admin.page, "calendar-feed-setting-desktop");
    assert.deepEqual(admin.consoleErrors, []);
    await admin.page.context().close();
  });

  it("shows the week on a phone as a list, day by day, in Spanish and dark", async () => {
    const { page, consoleErrors } = await openPage(PHONE, { locale: "es-MX", colorScheme: "dark" });
    await signIn(page, "counselor@demo.bridgeway.example");
    await page.goto("/staff/calendar");
    await page.getByRole("heading", { name: "Calendario", level: 1 }).waitFor();
    await page
      .locator(".cal-agenda-item")
      .first()
      .or(page.getByText("No hay sesiones esta semana."))
      .waitFor();
    assert.equal(await page.locator("section.cal-day").count(), 0, "no time grid on a phone");
    await expectNoAxeViolations(page, "calendar week (phone, Spanish, dark)");
    await screenshot(page, "calendar-week-phone-es-dark");
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });
});

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The first and last dates of the week on screen, from its day columns. */
async function firstDay(page: Page): Promise<string> {
  return (await page.locator("section.cal-day").first().getAttribute("data-date")) ?? "";
}

async function lastDay(page: Page): Promise<string> {
  return (await page.locator("section.cal-day").last().getAttribute("data-date")) ?? "";
}
