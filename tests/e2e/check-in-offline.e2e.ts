import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import type { CheckIn, CheckInInput, CheckInResult } from "../../src/core/check-ins/check-in.schema";
import { CSRF_HEADER, CSRF_HEADER_VALUE } from "../../src/core/platform/http";
import { DEMO_PASSWORD } from "../../src/server/demo/demo-accounts";
import { collectConsoleErrors, expectNoAxeViolations, launchBrowser, screenshot } from "./support/browser";
import { type BridgewayServer, startBridgeway } from "./support/server";

/**
 * The daily check-in on a phone with a poor connection. The demo participant opens the check-in,
 * the phone goes offline, they fill it in and send it: it waits on the phone ("Waiting to send").
 * Back online it is sent by itself ("Sent", with the response), and the server holds it exactly once;
 * the same request replayed with the same key answers `replayed: true` and still stores nothing new.
 * The app is installable (manifest, service worker keeping the app shell). The page is axe-clean at
 * 390×844 in English and in Spanish (dark), where a "yes" to a safety question shows crisis help at once.
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
const PARTICIPANT = "participant@demo.bridgeway.example";

async function openPhone(locale = "en-US", colorScheme: "light" | "dark" = "light") {
  const context = await browser!.newContext({
    viewport: PHONE,
    baseURL: server!.url,
    locale,
    colorScheme,
    hasTouch: true,
    bypassCSP: true,
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  return { context, page, consoleErrors: collectConsoleErrors(page) };
}

async function signIn(page: Page, submit: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel(/^(Email|Correo)/).fill(PARTICIPANT);
  await page.getByLabel(/^(Password|Contraseña)/).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: submit, exact: true }).click();
  await page.waitForURL("**/me");
}

/** A JSON call from the signed-in page, as the web app makes it (the status is the caller's to check). */
async function call<T>(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body, header }) => {
      const response = await fetch(path, {
        method,
        headers: { "content-type": "application/json", [header.name]: header.value },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, json: (await response.json().catch(() => null)) as T };
    },
    { method, path, body, header: { name: CSRF_HEADER, value: CSRF_HEADER_VALUE } },
  );
}

/** How many of the participant's recent check-ins were filled in at `recordedAt`. */
async function storedAt(page: Page, recordedAt: string): Promise<number> {
  const reply = await call<{ checkIns: CheckIn[] }>(page, "GET", "/api/v1/me/check-ins?limit=100");
  assert.equal(reply.status, 200, JSON.stringify(reply.json));
  const at = new Date(recordedAt).getTime();
  return reply.json.checkIns.filter((c) => new Date(c.recordedAt).getTime() === at).length;
}

/** The check-ins this phone keeps for the signed-in user. */
async function keptOnThePhone(page: Page): Promise<{ input: CheckInInput }[]> {
  return page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith("bridgeway.check-in-queue."));
    return key ? JSON.parse(localStorage.getItem(key) ?? "[]") : [];
  });
}

describe("the check-in on a poor connection", () => {
  it("made offline, it waits on the phone, is sent once back online, and a replay changes nothing", async () => {
    const { context, page, consoleErrors } = await openPhone();
    await signIn(page, "Sign in");

    // Installable: the manifest, and the service worker keeping the app shell.
    const manifest = await call<{ start_url: string; display: string; icons: { sizes: string }[] }>(
      page,
      "GET",
      "/manifest.webmanifest",
    );
    assert.equal(manifest.status, 200);
    assert.equal(manifest.json.start_url, "/me");
    assert.equal(manifest.json.display, "standalone");
    assert.deepEqual(
      manifest.json.icons.map((i) => i.sizes),
      ["any", "192x192", "512x512", "512x512"],
    );
    const worker = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      const response = await fetch("/sw.js");
      return {
        scope: registration.scope,
        type: response.headers.get("content-type"),
        cacheControl: response.headers.get("cache-control"),
        caches: await caches.keys(),
        shellKept: (await caches.match("/index.html")) !== undefined,
      };
    });
    assert.equal(worker.scope, `${server!.url}/`);
    assert.match(worker.type ?? "", /javascript/);
    assert.equal(worker.cacheControl, "no-cache", "a new build's worker is picked up at once");
    assert.equal(worker.caches.filter((name) => name.startsWith("bridgeway-shell-")).length, 1);
    assert.ok(worker.shellKept, "the app shell is kept for opening offline");

    await page.goto("/me/check-in");
    await page.getByRole("heading", { name: "Check in", level: 1 }).waitFor();
    await page.getByRole("group", { name: "How is your mood right now?" }).waitFor();
    await expectNoAxeViolations(page, "Check-in (phone)");
    await screenshot(page, "check-in-phone");

    await context.setOffline(true);
    const form = page.getByRole("form", { name: "Check in" });
    await form.getByRole("button", { name: "Send my check-in" }).click();
    await page.getByText("Please look at the answers marked below.").first().waitFor();
    await form.getByText("Choose a number for your mood.").waitFor();

    await form
      .getByRole("group", { name: "How is your mood right now?" })
      .getByRole("radio", { name: "6 out of 10" })
      .check();
    await form
      .getByRole("group", { name: "How strong is your craving right now?" })
      .getByRole("radio", { name: "3 out of 10" })
      .check();
    await form.getByLabel("Hours of sleep").fill("7.5");
    await form
      .getByRole("group", { name: "How well did you sleep?" })
      .getByRole("radio", { name: "Well" })
      .check();
    await form
      .getByRole("group", { name: /have you used alcohol or other drugs/ })
      .getByRole("radio", { name: "No" })
      .check();
    await form.getByLabel("Add your own trigger").fill("Long bus ride");
    await form.getByRole("button", { name: "Add" }).click();
    await form.getByRole("checkbox", { name: "Long bus ride" }).waitFor();
    await form.getByLabel("One thing that went well (optional)").fill("Walked with my sister");
    await form.getByRole("button", { name: "Send my check-in" }).click();

    const waiting = page.getByRole("status").filter({ hasText: "Waiting to send" });
    await waiting.waitFor();
    await expectNoAxeViolations(page, "Check-in waiting to send (phone)");
    await screenshot(page, "check-in-waiting-phone");
    const kept = await keptOnThePhone(page);
    assert.equal(kept.length, 1, "the check-in waits on the phone");
    const input = kept[0]!.input;
    assert.equal(input.queuedOffline, true);
    assert.deepEqual(
      [input.mood, input.craving, input.sleepHours, input.triggers],
      [6, 3, 7.5, ["Long bus ride"]],
    );

    await context.setOffline(false);
    await page.getByRole("status").getByText("Sent", { exact: true }).waitFor();
    await page.getByRole("heading", { name: "Thank you for checking in", level: 2 }).waitFor();
    await page.getByText("You said this went well: “Walked with my sister”").waitFor();
    assert.deepEqual(await keptOnThePhone(page), [], "nothing is left waiting");
    await expectNoAxeViolations(page, "Check-in sent (phone)");
    await screenshot(page, "check-in-sent-phone");

    assert.equal(await storedAt(page, input.recordedAt), 1, "the server holds the check-in once");
    const replay = await call<CheckInResult>(page, "POST", "/api/v1/me/check-ins", input);
    assert.equal(replay.status, 200, JSON.stringify(replay.json));
    assert.equal(replay.json.replayed, true);
    assert.equal(await storedAt(page, input.recordedAt), 1, "a replay stores nothing new");

    await page.getByRole("button", { name: "Start a new check-in" }).click();
    const mood = page.getByRole("group", { name: "How is your mood right now?" });
    await mood.waitFor();
    assert.equal(
      await mood.getByRole("radio", { name: "6 out of 10" }).isChecked(),
      false,
      "a new check-in starts empty",
    );

    // The app opened again from nothing while offline (a reload with no network): the kept shell and
    // the participant's last session open the check-in, and a check-in made there waits to be sent.
    await context.setOffline(true);
    await page.reload();
    await page.getByRole("heading", { name: "Check in", level: 1 }).waitFor();
    await page.getByRole("group", { name: "How is your mood right now?" }).waitFor();
    await page.goto("/me/safety-plan").catch(() => undefined);
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    await context.setOffline(false);

    assert.deepEqual(
      consoleErrors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e)),
      [],
    );
    await context.close();
  });

  it("in Spanish and dark on the phone, a yes to a safety question shows crisis help at once", async () => {
    const { context, page, consoleErrors } = await openPhone("es-MX", "dark");
    await signIn(page, "Iniciar sesión");
    await page.goto("/me/check-in");
    await page.getByRole("heading", { name: "Registro del día", level: 1 }).waitFor();
    const form = page.getByRole("form", { name: "Registro del día" });
    await form
      .getByRole("group", { name: "¿Cómo está tu ánimo ahora?" })
      .getByRole("radio", { name: "4 de 10" })
      .check();
    await expectNoAxeViolations(page, "Check-in (phone, Spanish, dark)");
    await form
      .getByRole("group", { name: /pensamientos de hacerte daño/ })
      .getByRole("radio", { name: "Sí" })
      .check();
    await form.getByText("Gracias por contárnoslo. No tienes que esperar: hay ayuda ahora mismo.").waitFor();
    assert.ok((await form.locator('a[href="tel:988"]').count()) > 0, "988 is one tap away");
    await expectNoAxeViolations(page, "Check-in with crisis help (phone, Spanish, dark)");
    await screenshot(page, "check-in-crisis-phone-es");
    assert.deepEqual(consoleErrors, []);
    await context.close();
  });
});
