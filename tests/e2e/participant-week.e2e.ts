import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import type { WeeklyHoursView } from "../../src/core/attendance/roster.schema";
import type { MySchedule } from "../../src/core/schedule/calendar.schema";
import { expectNoAxeViolations, launchBrowser, screenshot } from "./support/browser";
import {
  api,
  DEMO_PARTICIPANT_NAME,
  DESKTOP,
  PHONE,
  pageOpener,
  putTheCounselorOnTheCareTeam,
  signIn,
} from "./support/pages";
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
const openPage = pageOpener(() => ({ browser, server }));

before(async () => {
  server = await startBridgeway();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  const code = await server?.stop();
  assert.equal(code, 0, `the server exits 0 after SIGTERM:\n${server?.output()}`);
});

let participantId: string | undefined;

describe("a participant's week", () => {
  it("the participant opens My week on their phone, sees their sessions and declares a work shift", async () => {
    participantId = await putTheCounselorOnTheCareTeam(openPage);
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
    await page.getByRole("heading", { name: DEMO_PARTICIPANT_NAME, level: 1 }).waitFor();
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
    const move = page.getByRole("dialog", { name: `Move ${DEMO_PARTICIPANT_NAME} to another track` });
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
    await people.getByRole("link", { name: DEMO_PARTICIPANT_NAME }).waitFor();
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
