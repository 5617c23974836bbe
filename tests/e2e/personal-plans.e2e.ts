import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { expectNoAxeViolations, launchBrowser, screenshot } from "./support/browser";
import { DESKTOP, PHONE, pageOpener, putTheCounselorOnTheCareTeam, signIn } from "./support/pages";
import { type BridgewayServer, startBridgeway } from "./support/server";

/**
 * The safety plan, written together. The demo participant adds a warning sign on their phone; their
 * counselor sees in the chart that the participant changed it, and adds something to do; the
 * participant is told their counselor changed that part. Offline, the plan opens from the copy the
 * phone kept. Then in Spanish. Every page is checked with axe.
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

const WARNING_SIGNS = "Warning signs that a hard moment is coming";
const THINGS_I_CAN_DO = "Things I can do on my own";
const stamp = Date.now().toString(36);
const MY_SIGN = `I stop answering my sister's calls (${stamp})`;
const COUNSELOR_IDEA = `Walk to the river and back (${stamp})`;

/** Add a line at the end of a section and type into it. */
async function addLine(page: Page, section: string, text: string): Promise<void> {
  await page.getByRole("button", { name: `Add a line: ${section}` }).click();
  await page
    .getByRole("textbox", { name: new RegExp(`^${section}, line \\d+$`) })
    .last()
    .fill(text);
}

let participantId = "";

describe("recovery and safety plans", () => {
  it("the participant adds a warning sign to their safety plan on their phone", async () => {
    participantId = await putTheCounselorOnTheCareTeam(openPage);
    const { page, consoleErrors } = await openPage(PHONE);
    await signIn(page, "participant@demo.bridgeway.example", "/me");
    await page.goto("/me/safety-plan");
    await page.getByRole("heading", { name: "My safety plan", level: 1 }).waitFor();
    // The crisis lines are there whatever the person wrote.
    assert.equal(
      await page
        .getByRole("link", { name: /^Call 988/ })
        .first()
        .getAttribute("href"),
      "tel:988",
    );
    assert.equal(await page.getByRole("link", { name: "Text 988" }).first().getAttribute("href"), "sms:988");
    await expectNoAxeViolations(page, "My safety plan (phone)");

    await addLine(page, WARNING_SIGNS, MY_SIGN);
    await page.getByText("You have changes that are not saved yet.").waitFor();
    await page.getByRole("button", { name: "Save my plan" }).click();
    await page.getByText("Saved.", { exact: true }).waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= PHONE.width, `the plan fits the phone's width (${width}px)`);
    await expectNoAxeViolations(page, "My safety plan, saved (phone)");
    await screenshot(page, "personal-plans-safety-phone");
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });

  it("the counselor sees what the participant changed, and adds something to do", async () => {
    const { page, consoleErrors } = await openPage(DESKTOP);
    await signIn(page, "counselor@demo.bridgeway.example", "/staff");
    await page.goto(`/staff/participants/${participantId}?tab=plan`);
    const section = page.getByRole("region", { name: "Recovery and safety plans" });
    await section.waitFor();
    await section.getByText(/^Changed by the participant since you last looked: .*Warning signs/).waitFor();
    await section
      .getByRole("textbox", { name: new RegExp(`^${WARNING_SIGNS}, line \\d+$`) })
      .last()
      .waitFor();
    const lines = await section
      .getByRole("textbox", { name: new RegExp(`^${WARNING_SIGNS}, line \\d+$`) })
      .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    assert.ok(lines.includes(MY_SIGN), "the participant's warning sign is in the chart");
    await expectNoAxeViolations(page, "chart: Plan tab with the safety plan");

    await addLine(page, THINGS_I_CAN_DO, COUNSELOR_IDEA);
    await section.getByRole("button", { name: "Save the plan" }).click();
    await section.getByText("Saved.", { exact: true }).waitFor();
    // The history lists the new version first once it is read again.
    await section.getByText(`Changed: ${THINGS_I_CAN_DO}`, { exact: true }).first().waitFor();
    await section
      .getByRole("button", { name: /^Open version \d+$/ })
      .first()
      .click();
    await page.getByRole("dialog").getByText(COUNSELOR_IDEA).waitFor();
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });

  it("the participant is told their counselor changed a part, and the plan opens offline from the saved copy", async () => {
    const { page, consoleErrors } = await openPage(PHONE);
    const context = page.context();
    await signIn(page, "participant@demo.bridgeway.example", "/me");
    await page.goto("/me/safety-plan");
    await page.getByText(/^Your counselor changed: .*Things I can do on my own/).waitFor();
    const things = await page
      .getByRole("textbox", { name: new RegExp(`^${THINGS_I_CAN_DO}, line \\d+$`) })
      .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    assert.ok(things.includes(COUNSELOR_IDEA), "the counselor's idea is in the participant's plan");
    await expectNoAxeViolations(page, "My safety plan with the counselor's change (phone)");
    assert.deepEqual(consoleErrors, []);

    // After the visit, the phone loses its network; the plan still opens, read-only, from the saved copy.
    await page.getByRole("link", { name: "Open my recovery plan" }).click();
    await page.getByRole("heading", { name: "My recovery plan", level: 1 }).waitFor();
    await context.setOffline(true);
    await page.goBack();
    await page.getByText(/^Saved copy from .* — you are offline\./).waitFor();
    await page.getByText(MY_SIGN).waitFor();
    await page.getByText(COUNSELOR_IDEA).waitFor();
    assert.equal(
      await page
        .getByRole("link", { name: /^Call 988/ })
        .first()
        .getAttribute("href"),
      "tel:988",
    );
    assert.equal(
      await page.getByRole("button", { name: "Save my plan" }).count(),
      0,
      "offline, nothing to save",
    );
    await expectNoAxeViolations(page, "My safety plan offline (phone)");
    await screenshot(page, "personal-plans-safety-offline");
    await context.setOffline(false);
    await context.close();
  });

  it("reads in Spanish", async () => {
    const { page, consoleErrors } = await openPage(PHONE, "es-US");
    await signIn(page, "participant@demo.bridgeway.example", "/me", "Iniciar sesión");
    await page.goto("/me/safety-plan");
    await page.getByRole("heading", { name: "Mi plan de seguridad", level: 1 }).waitFor();
    await page.getByRole("heading", { name: "Profesionales y líneas de crisis" }).waitFor();
    await page.getByRole("button", { name: "Guardar mi plan" }).waitFor();
    await expectNoAxeViolations(page, "Mi plan de seguridad (teléfono)");
    await page.goto("/me/recovery-plan#copingResponses");
    await page.getByRole("heading", { name: "Mi plan de recuperación", level: 1 }).waitFor();
    await page.getByRole("heading", { name: "Lo que me ayuda a sobrellevarlo" }).waitFor();
    await expectNoAxeViolations(page, "Mi plan de recuperación (teléfono)");
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });
});
