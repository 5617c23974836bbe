import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import type { WeeklyHoursView } from "../../src/core/attendance/roster.schema";
import { CSRF_HEADER, CSRF_HEADER_VALUE } from "../../src/core/platform/http";
import type { MySchedule } from "../../src/core/schedule/calendar.schema";
import { DEMO_PASSWORD } from "../../src/server/demo/demo-accounts";
import { collectConsoleErrors, expectNoAxeViolations, launchBrowser, screenshot } from "./support/browser";
import { type BridgewayServer, startBridgeway } from "./support/server";

/**
 * A participant's week, from both sides. The demo participant opens "My week" on their phone from
 * Today's next-session card, sees this week's sessions day by day with today marked, and declares a work shift
 * they cannot come during; then in Spanish and dark. A counselor on their care team opens the
 * chart's Schedule tab and sees the week's hours against the minimum, the track and the shift the
 * participant declared. Every page is checked with axe.
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

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 860 };
const PARTICIPANT_NAME = "Casey Morgan";

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

async function signIn(page: Page, email: string, lands: string, submit = "Sign in"): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel(/^(Email|Correo)/).fill(email);
  await page.getByLabel(/^(Password|Contraseña)/).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: submit, exact: true }).click();
  await page.waitForURL(`**${lands}`);
}

/** A JSON call to the API from the signed-in page, as the web app makes it. */
async function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  const reply = await page.evaluate(
    async ({ method, path, body, header }) => {
      const response = await fetch(path, {
        method,
        headers: { "content-type": "application/json", [header.name]: header.value },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, json: await response.json().catch(() => null) };
    },
    { method, path, body, header: { name: CSRF_HEADER, value: CSRF_HEADER_VALUE } },
  );
  assert.ok(reply.status < 300, `${method} ${path} answered ${reply.status}: ${JSON.stringify(reply.json)}`);
  return reply.json as T;
}

/** The demo participant's id, with the demo counselor put on their care team by the director. */
async function putTheCounselorOnTheCareTeam(): Promise<string> {
  const { page } = await openPage(DESKTOP);
  await signIn(page, "director@demo.bridgeway.example", "/staff");
  const { participants } = await api<{ participants: { id: string; name: string; siteId: string }[] }>(
    page,
    "GET",
    "/api/v1/participants?status=current&pageSize=100",
  );
  const casey = participants.find((p) => p.name === PARTICIPANT_NAME);
  assert.ok(casey, "the demo participant is a current participant");
  const { staff } = await api<{ staff: { id: string; displayName: string }[] }>(
    page,
    "GET",
    `/api/v1/sites/${casey.siteId}/staff`,
  );
  const counselor = staff.find((s) => s.displayName === "Jordan Alvarez");
  assert.ok(counselor, "the demo counselor works at the participant's site");
  const record = await api<{ careTeam: { userId: string; role: string }[] }>(
    page,
    "GET",
    `/api/v1/participants/${casey.id}`,
  );
  if (!record.careTeam.some((m) => m.userId === counselor.id)) {
    await api(page, "PUT", `/api/v1/participants/${casey.id}/care-team`, {
      members: [
        ...record.careTeam.map((m) => ({ userId: m.userId, role: m.role })),
        { userId: counselor.id, role: "counselor" },
      ],
    });
  }
  await page.context().close();
  return casey.id;
}

let participantId: string | undefined;

describe("a participant's week", () => {
  it("the participant opens My week on their phone, sees their sessions and declares a work shift", async () => {
    participantId = await putTheCounselorOnTheCareTeam();
    const { page, consoleErrors } = await openPage(PHONE);
    await signIn(page, "participant@demo.bridgeway.example", "/me");
    const card = page.getByRole("region", { name: "Next session" });
    await card.getByRole("link", { name: "See my week" }).click();

    await page.waitForURL("**/me/week");
    await page.getByRole("heading", { name: "My week", level: 1 }).waitFor();
    const week = await api<MySchedule>(page, "GET", "/api/v1/me/schedule");
    assert.ok(week.entries.length > 0, "the demo participant has sessions this week");
    const days = page.getByRole("list", { name: "Days of the week" });
    await days.waitFor();
    assert.equal(await days.locator(":scope > li").count(), 7, "every day of the week is listed");
    assert.equal(await days.locator(':scope > li[aria-current="date"]').count(), 1, "today is marked");
    const first = week.entries.find((e) => e.status !== "cancelled") ?? week.entries[0]!;
    const title = first.kind === "group" ? first.group!.trackName : /Individual session|Family session/;
    assert.ok(
      (await days.getByText(title).count()) > 0,
      `the week shows ${first.kind === "group" ? first.group!.trackName : "the appointment"}`,
    );
    const box = await days.boundingBox();
    assert.ok(box && box.width <= PHONE.width, "the week fits the phone's width");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `nothing scrolls sideways (${overflow}px)`);
    await expectNoAxeViolations(page, "My week (phone)");
    await screenshot(page, "my-week-phone");

    // A work shift they cannot come during, declared from the phone.
    const mine = page.getByRole("region", { name: "Times I can't come" });
    await mine.getByRole("button", { name: "Add a time" }).click();
    const form = mine.getByRole("form", { name: "A time every week" });
    await form.getByLabel(/^Day/).selectOption({ label: "Saturday" });
    await form.getByLabel(/^From/).fill("07:00");
    await form.getByLabel(/^To/).fill("06:00");
    await form.getByRole("button", { name: "Save" }).click();
    await form.getByText("The end must be after the start").waitFor();
    await form.getByLabel(/^To/).fill("15:00");
    await form.getByLabel(/^Note/).fill("Warehouse shift");
    await expectNoAxeViolations(page, "My week, adding a time (phone)");
    await form.getByRole("button", { name: "Save" }).click();
    await mine.getByText("Work · Warehouse shift").waitFor();

    // Their calendar link: shown once, with a copy button and a webcal link.
    const feed = page.getByRole("region", { name: "Add to my calendar" });
    await feed.getByRole("button", { name: "Get my calendar link" }).click();
    const address = feed.getByRole("textbox", { name: "Calendar address" });
    await address.waitFor();
    assert.match(await address.inputValue(), /^https?:\/\/.+\/calendar-feeds\/.+\.ics$/);
    assert.match(
      (await feed.getByRole("link", { name: "Open in calendar app" }).getAttribute("href")) ?? "",
      /^webcal:\/\//,
    );
    await expectNoAxeViolations(page, "My week with a new calendar link (phone)");
    await screenshot(page, "my-week-phone-feed");
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });

  it("My week in Spanish and dark on the phone", async () => {
    const { page, consoleErrors } = await openPage(PHONE, { locale: "es-MX", colorScheme: "dark" });
    await signIn(page, "participant@demo.bridgeway.example", "/me", "Iniciar sesión");
    await page.goto("/me/week");
    await page.getByRole("heading", { name: "Mi semana", level: 1 }).waitFor();
    await page.getByRole("list", { name: "Días de la semana" }).waitFor();
    await page
      .getByRole("region", { name: "Horas en que no puedo venir" })
      .getByText("Trabajo · Warehouse shift")
      .waitFor();
    await expectNoAxeViolations(page, "My week (phone, Spanish, dark)");
    await screenshot(page, "my-week-phone-es-dark");
    await page.getByRole("button", { name: "Semana siguiente" }).click();
    await page.waitForURL(/\?week=\d{4}-\d{2}-\d{2}$/);
    await page.getByRole("button", { name: "Volver a esta semana" }).waitFor();
    await page.setViewportSize(DESKTOP);
    await page.getByRole("button", { name: "Volver a esta semana" }).click();
    await page.getByRole("list", { name: "Días de la semana" }).waitFor();
    await screenshot(page, "my-week-desktop-es-dark");
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });

  it("a counselor opens the chart's Schedule tab and sees the week's hours against the minimum", async () => {
    assert.ok(participantId, "the first journey found the participant");
    const { page, consoleErrors } = await openPage(DESKTOP);
    await signIn(page, "counselor@demo.bridgeway.example", "/staff");
    await page.goto(`/staff/participants/${participantId}`);
    await page.getByRole("heading", { name: PARTICIPANT_NAME, level: 1 }).waitFor();
    await page.getByRole("tab", { name: "Schedule" }).click();
    await page.waitForURL(/\?tab=schedule/);

    const hours = page.getByRole("region", { name: "Hours this week" });
    const view = await api<WeeklyHoursView>(
      page,
      "GET",
      `/api/v1/participants/${participantId}/weekly-hours`,
    );
    const minimum = `${view.minimumMinutes / 60} h minimum`;
    const headline = hours.getByTestId("hours-headline").or(hours.getByText("No sessions are scheduled"));
    await headline.first().waitFor();
    if (view.sessions.length + view.appointments.length > 0) {
      assert.match(
        (await hours.getByTestId("hours-headline").textContent()) ?? "",
        new RegExp(`^${minimum} — `),
      );
      await hours.getByRole("table", { name: "The week's sessions with attendance" }).waitFor();
      await hours.getByText("Scheduled", { exact: true }).waitFor();
      await hours.getByText(/^Days with 3 h or more$/).waitFor();
    }
    await page.getByRole("region", { name: "Track" }).getByTestId("current-placement").waitFor();
    await page
      .getByRole("region", { name: "Times they can't come" })
      .getByText("Work · Warehouse shift")
      .waitFor();
    await page.getByRole("region", { name: "Next two weeks" }).waitFor();
    await page
      .getByRole("region", { name: "Calendar feed" })
      .getByText(/^Link made /)
      .waitFor();
    await expectNoAxeViolations(page, "chart: Schedule tab");
    await screenshot(page, "chart-schedule");

    // Moving to another track: the picker says how many places each track has left.
    await page
      .getByRole("region", { name: "Track" })
      .getByRole("button", { name: "Move to another track" })
      .click();
    const move = page.getByRole("dialog", { name: `Move ${PARTICIPANT_NAME} to another track` });
    await move.getByRole("combobox", { name: "Track" }).click();
    const options = page.getByRole("option");
    await options.first().waitFor();
    assert.match(
      (await options.first().textContent()) ?? "",
      / · (\d+ places? left|full, \d+ waiting|\d+ free, \d+ already waiting)/,
    );
    await options.first().click();
    await expectNoAxeViolations(page, "chart: moving to another track");
    // The dialog as it shows on screen (a full-page capture misplaces fixed layers).
    await page.screenshot({ path: "test-results/chart-schedule-move.png" });
    await move.getByRole("button", { name: "Cancel" }).click();
    await move.waitFor({ state: "hidden" });

    // The previous week, as an alert's link would open it.
    await hours.getByRole("button", { name: "Previous week" }).click();
    await page.waitForURL(/\?tab=schedule&week=\d{4}-\d{2}-\d{2}$/);
    await hours.getByRole("button", { name: "This week" }).waitFor();
    await screenshot(page, "chart-schedule-previous-week");

    // The track's page lists who is in it and who waits.
    const { enrollments } = await api<{
      enrollments: { status: string; track: { id: string; name: string } }[];
    }>(page, "GET", `/api/v1/participants/${participantId}/enrollments`);
    const place = enrollments.find((e) => e.status === "enrolled");
    assert.ok(place, "the demo participant has a place in a track");
    await page.goto(`/staff/admin/tracks/${place.track.id}`);
    const people = page.getByRole("region", { name: "Participants" });
    await people.getByText(/^\d+ of \d+ places taken$/).waitFor();
    await people.getByRole("link", { name: PARTICIPANT_NAME }).waitFor();
    await expectNoAxeViolations(page, "track page with its participants");
    await screenshot(page, "track-enrollment");
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });

  it("the Schedule tab in Spanish and dark, and on a phone", async () => {
    const { page, consoleErrors } = await openPage(DESKTOP, { locale: "es-MX", colorScheme: "dark" });
    await signIn(page, "counselor@demo.bridgeway.example", "/staff", "Iniciar sesión");
    await page.goto(`/staff/participants/${participantId}?tab=schedule`);
    await page.getByRole("region", { name: "Horas de esta semana" }).waitFor();
    await page.getByRole("region", { name: "Programa" }).getByTestId("current-placement").waitFor();
    await expectNoAxeViolations(page, "chart: Schedule tab (Spanish, dark)");
    await screenshot(page, "chart-schedule-es-dark");
    await page.setViewportSize(PHONE);
    await page.getByRole("region", { name: "Próximas dos semanas" }).waitFor();
    await expectNoAxeViolations(page, "chart: Schedule tab (phone, Spanish, dark)");
    await screenshot(page, "chart-schedule-phone-es-dark");
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });
});
