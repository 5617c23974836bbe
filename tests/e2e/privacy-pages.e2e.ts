import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { FAMILY_MODULE_KEYS } from "../../src/core/family-learning/family-learning.schema";
import { expectNoAxeViolations, launchBrowser, screenshot } from "./support/browser";
import { api, DESKTOP, PHONE, pageOpener, putTheCounselorOnTheCareTeam, signIn } from "./support/pages";
import { type BridgewayServer, startBridgeway } from "./support/server";

/**
 * Every page issue 10 added, on the demo program, checked with axe: the participant's privacy pages
 * in Spanish on a phone, the demo family member's portal in English and in Spanish (light, then
 * dark), and the staff chart's Consents and Family tabs and the two administration pages on a desk.
 * Each page shows its heading, has no untranslated dictionary key and no English "Loading" left.
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

// A text that looks like a dictionary key ("sharing.page.title") means a missing translation.
const KEY_LIKE = /\b[a-z][a-zA-Z]+(?:\.[a-z][a-zA-Z0-9]+){2,}\b/g;
const isAddress = (text: string) => /^www\.|\.(org|com|gov|net|example)$/.test(text);

async function sweep(page: Page, paths: readonly string[], label: string, loading: RegExp) {
  for (const path of paths) {
    await page.goto(path);
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    await page
      .getByText(loading)
      .first()
      .waitFor({ state: "detached", timeout: 15_000 })
      .catch(() => undefined);
    const text = await page.locator("main").innerText();
    const keys = (text.match(KEY_LIKE) ?? []).filter((token) => !isAddress(token));
    assert.deepEqual(keys, [], `${path}: untranslated keys on the page`);
    await expectNoAxeViolations(page, `${path} (${label})`);
  }
}

describe("privacy, consent and family pages", () => {
  it("the participant's privacy pages in Spanish on a phone", async () => {
    const { page, consoleErrors } = await openPage(PHONE, "es-MX");
    await signIn(page, "participant@demo.bridgeway.example", "/me", "Iniciar sesión");
    await sweep(
      page,
      ["/me/privacy", "/me/privacy/notice", "/me/sharing", "/me/consents", "/me/disclosures"],
      "phone, Spanish",
      /Cargando/,
    );
    assert.equal(await page.locator("html").getAttribute("lang"), "es");
    const text = await page.locator("main").innerText();
    assert.doesNotMatch(text, /\bLoading\b/);
    await screenshot(page, "me-disclosures-phone-es");
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });

  for (const [locale, loading] of [
    ["en-US", /Loading/],
    ["es-MX", /Cargando/],
  ] as const) {
    it(`the demo family member's portal (${locale}), light then dark`, async () => {
      const { page, consoleErrors } = await openPage(PHONE, locale);
      await signIn(
        page,
        "family@demo.bridgeway.example",
        "/family",
        locale === "en-US" ? "Sign in" : "Iniciar sesión",
      );
      const { people } = await api<{ people: { participantId: string }[] }>(
        page,
        "GET",
        "/api/v1/family/people",
      );
      assert.ok(people.length > 0, "the demo family account supports someone under a consent");
      const person = `/family/people/${people[0]!.participantId}`;
      await sweep(
        page,
        ["/family", person, "/family/learn", `/family/learn/${FAMILY_MODULE_KEYS[0]}`],
        locale,
        loading,
      );
      await page.emulateMedia({ colorScheme: "dark" });
      await sweep(
        page,
        ["/family/check-in", "/family/resources", "/family/messages", person],
        `${locale}, dark`,
        loading,
      );
      // What the family member sees carries the §2.32 statement.
      await page.getByTestId("part2-statement").waitFor();
      if (locale === "en-US") await screenshot(page, "family-person-dark");
      assert.deepEqual(consoleErrors, []);
      await page.context().close();
    });
  }

  it("the chart's Consents and Family tabs, and the administration pages", async () => {
    const participantId = await putTheCounselorOnTheCareTeam(openPage);
    const counselor = await openPage(DESKTOP);
    await signIn(counselor.page, "counselor@demo.bridgeway.example", "/staff");
    for (const tab of ["consents", "family"]) {
      await counselor.page.goto(`/staff/participants/${participantId}?tab=${tab}`);
      await counselor.page.getByRole("tab", { selected: true }).waitFor();
      await counselor.page
        .getByText(/Loading/)
        .first()
        .waitFor({ state: "detached", timeout: 15_000 })
        .catch(() => undefined);
      await expectNoAxeViolations(counselor.page, `chart ${tab} tab`);
    }
    await counselor.page.goto(`/staff/participants/${participantId}?tab=consents`);
    await counselor.page.getByRole("heading", { name: "Consents (42 CFR Part 2)" }).waitFor();
    await screenshot(counselor.page, "chart-consents");
    assert.deepEqual(counselor.consoleErrors, []);
    await counselor.page.context().close();

    const admin = await openPage(DESKTOP);
    await signIn(admin.page, "admin@demo.bridgeway.example", "/staff");
    await sweep(
      admin.page,
      ["/staff/admin/minor-consent-rule", "/staff/admin/patient-notice"],
      "desk",
      /Loading/,
    );
    assert.deepEqual(admin.consoleErrors, []);
    await admin.page.context().close();
  });
});
