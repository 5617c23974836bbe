import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import type { Roster } from "../../src/core/attendance/roster.schema";
import type { OccurrenceModule } from "../../src/core/curriculum/curriculum-api.schema";
import type { MyPractice } from "../../src/core/practice/practice.schema";
import type { MySchedule } from "../../src/core/schedule/calendar.schema";
import { expectNoAxeViolations, launchBrowser, screenshot } from "./support/browser";
import { api, DESKTOP, PHONE, pageOpener, signIn } from "./support/pages";
import { type BridgewayServer, startBridgeway } from "./support/server";

/**
 * Practice between sessions, from both sides. The demo participant's latest group (planned with a
 * module, marked present by the director where the demo had not) gives this week's practice: on
 * their phone they read the handout and mark it done with a reflection. Before the next session the
 * director opens that session's group-note screen, reads the reflection and marks it read. Then "My
 * plan and progress" on the phone, in English and in Spanish. Every page is checked with axe.
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

const PARTICIPANT = "participant@demo.bridgeway.example";
const DIRECTOR = "director@demo.bridgeway.example";
const REFLECTION = "I surfed an urge on the bus home: it peaked at 7 and was a 3 ten minutes later.";

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

interface Session {
  trackId: string;
  key: string;
  nextKey: string;
  participantId: string;
}

/**
 * The participant's latest group that has started and the same group's next session, from their
 * schedule; the director plans it with a module and marks the participant present where the demo
 * had not, so that it gives practice.
 */
async function latestGroupWithPractice(): Promise<Session> {
  const { page } = await openPage(DESKTOP);
  await signIn(page, PARTICIPANT, "/me");
  const today = new Date().toISOString().slice(0, 10);
  const schedule = await api<MySchedule>(
    page,
    "GET",
    `/api/v1/me/schedule?from=${addDays(today, -14)}&to=${addDays(today, 14)}`,
  );
  const now = Date.now();
  const groups = schedule.entries
    .filter((e) => e.group && e.status !== "cancelled" && e.startsAt)
    .sort((a, b) => Date.parse(a.startsAt!) - Date.parse(b.startsAt!));
  const started = groups.filter((e) => Date.parse(e.startsAt!) <= now);
  const latest = started.at(-1);
  assert.ok(latest?.group, "the demo participant had a group in the last two weeks");
  const next = groups.find(
    (e) =>
      e.group!.trackId === latest.group!.trackId && Date.parse(e.startsAt!) > Date.parse(latest.startsAt!),
  );
  assert.ok(next?.group, "the same group meets again in the next two weeks");
  const participantId = latest.participant?.id;
  assert.ok(participantId, "the participant's own schedule names them");
  await page.context().close();

  const director = (await openPage(DESKTOP)).page;
  await signIn(director, DIRECTOR, "/staff");
  const base = `/api/v1/tracks/${latest.group.trackId}/occurrences/${latest.group.occurrenceKey}`;
  const planned = await api<OccurrenceModule>(director, "GET", `${base}/module`);
  if (!planned.planned) await api(director, "PUT", `${base}/module`, { moduleKey: "cravings-urge-surfing" });
  const roster = await api<Roster>(director, "GET", `${base}/roster`);
  const mark = roster.participants.find((p) => p.participant.id === participantId)?.mark;
  if (!mark) {
    await api(director, "PUT", `${base}/attendance`, { marks: [{ participantId, status: "present" }] });
  } else if (mark.status !== "present" && mark.status !== "late") {
    await api(director, "PUT", `${base}/attendance`, {
      marks: [{ participantId, status: "present" }],
      reason: "Came in after the roster was taken",
    });
  }
  await director.context().close();
  return {
    trackId: latest.group.trackId,
    key: latest.group.occurrenceKey,
    nextKey: next.group.occurrenceKey,
    participantId,
  };
}

let session: Session | undefined;

describe("practice between sessions", () => {
  it("the participant reads the handout on their phone and marks the practice done with a reflection", async () => {
    session = await latestGroupWithPractice();
    const { page, consoleErrors } = await openPage(PHONE);
    await signIn(page, PARTICIPANT, "/me");
    // The demo may have marked it done already: start from "not done".
    const before = await api<MyPractice>(page, "GET", "/api/v1/me/practice");
    const current = before.assignments.find(
      (a) => a.track.id === session!.trackId && a.occurrenceKey === session!.key,
    );
    assert.ok(current?.current && current.open, "the latest group's practice is this week's, and open");
    if (current.done) await api(page, "DELETE", `/api/v1/me/practice/${session.trackId}/${session.key}`);

    await page.goto("/me/practice");
    await page.getByRole("heading", { name: "My practice", level: 1 }).waitFor();
    const card = page.getByRole("region", { name: current.module.title });
    await card.getByRole("heading", { name: "Try this before the next group" }).waitFor();
    await card.getByRole("heading", { name: `Handout: ${current.module.handoutTitle}` }).waitFor();
    const firstParagraph = current.module.handout
      .split(/\n\s*\n/)[0]!
      .split("\n")[0]!
      .trim();
    if (!firstParagraph.startsWith("- "))
      await card.getByText(firstParagraph, { exact: false }).first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `nothing scrolls sideways (${overflow}px)`);
    await expectNoAxeViolations(page, "My practice (phone)");

    const box = card.getByLabel("How did it go? (optional)");
    await box.fill(REFLECTION);
    const button = card.getByRole("button", { name: "Mark as done" });
    const size = await button.boundingBox();
    assert.ok(size && size.height >= 40, "the button is a large touch target");
    await button.click();
    await card.getByText("Saved. Thank you for practising.").waitFor();
    await card.getByText(REFLECTION).waitFor();
    await card.getByText("Done", { exact: true }).waitFor();
    await expectNoAxeViolations(page, "My practice, done (phone)");
    await screenshot(page, "practice-phone-done");
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });

  it("before the next session the director reads the reflection on the group-note screen and marks it read", async () => {
    assert.ok(session, "the participant marked practice done");
    const { page, consoleErrors } = await openPage(DESKTOP);
    await signIn(page, DIRECTOR, "/staff");
    await page.goto(`/staff/groups/${session.trackId}/${session.nextKey}/note`);
    const section = page.getByRole("region", { name: "Practice reflections" });
    const row = section.getByTestId("practice-reflection").filter({ hasText: REFLECTION });
    await row.waitFor();
    await row.getByText("New", { exact: true }).waitFor();
    await expectNoAxeViolations(page, "Group note with practice reflections");
    await row.getByRole("button", { name: /^Mark read/ }).click();
    await row.getByText("Read by Dr. Priya Natarajan").waitFor();
    await screenshot(page, "practice-reflections-read");
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });
});

describe("my plan and progress", () => {
  for (const [locale, submit, title, colorScheme] of [
    ["en-US", "Sign in", "My plan and progress", "light"],
    ["es-MX", "Iniciar sesión", "Mi plan y mi progreso", "light"],
  ] as const) {
    it(`the participant reads their goals and measures on the phone (${locale}, ${colorScheme})`, async () => {
      const { page, consoleErrors } = await openPage(PHONE, { locale, colorScheme });
      await signIn(page, PARTICIPANT, "/me", submit);
      await page.goto("/me/progress");
      await page.getByRole("heading", { name: title, level: 1 }).waitFor();
      // Both sections settle (loaded, or their kind empty states).
      await page
        .locator('[role="status"]')
        .first()
        .waitFor({ state: "detached" })
        .catch(() => undefined);
      await page.getByRole("heading", { level: 2 }).nth(1).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `nothing scrolls sideways (${overflow}px)`);
      await expectNoAxeViolations(page, `My plan and progress (phone, ${locale}, ${colorScheme})`);
      await screenshot(page, `my-progress-phone-${locale}-${colorScheme}`);
      assert.deepEqual(consoleErrors, []);
      await page.context().close();
    });
  }
});
