// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import i18n from "i18next";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { CheckInInput } from "../../../../core/check-ins/check-in.schema";
import type { CheckInOptions } from "../../../../core/check-ins/check-in-api.schema";
import { checkInsEn } from "../../../i18n/check-ins.en";
import { checkInsEs } from "../../../i18n/check-ins.es";
import { apiCalls } from "../../../test-support/render-with-providers";
import {
  participantApi,
  participantSession,
  renderParticipantArea,
  setUpParticipantDom,
} from "../../participant-area/participant-area-testing";
import { CheckInPage } from "./check-in-page";
import { anInput, aResult } from "./check-in-testing";
import { enqueue, markRefused, readQueue } from "./offline-queue";

const T = checkInsEn;
const USER = participantSession.body.session.user.id;
const OPTIONS: CheckInOptions = {
  triggers: ["Payday", "Old friends"],
  recentTriggers: ["Long bus ride"],
  skills: [{ key: "urge-surfing", name: "Urge surfing" }],
  substances: ["alcohol", "cannabis", "other"],
};

let online = true;
beforeAll(async () => {
  await setUpParticipantDom();
  i18n.addResourceBundle("en", "checkIns", checkInsEn, true, true);
  i18n.addResourceBundle("es", "checkIns", checkInsEs, true, true);
  Object.defineProperty(window.navigator, "onLine", { configurable: true, get: () => online });
});
afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
  online = true;
  await i18n.changeLanguage("en");
});

type Reply = { status?: number; body?: unknown };

/** The API with the options and `post` answering the check-in; a thrown error is a dropped connection. */
function stubApi(post: (body: CheckInInput) => Reply, options = OPTIONS) {
  const fake = participantApi({
    "GET /api/v1/me/check-ins/options": { body: options },
    "POST /api/v1/me/check-ins": (_url, body) => post(body as CheckInInput),
  });
  const fetchMock = vi.fn(fake);
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

const renderPage = () =>
  renderParticipantArea("/me/check-in", [{ path: "check-in", element: <CheckInPage /> }]);

const group = (name: string | RegExp) => screen.getByRole("group", { name });

async function fillIn() {
  fireEvent.click(
    within(await screen.findByRole("group", { name: T.form.mood })).getByRole("radio", {
      name: "6 out of 10",
    }),
  );
  fireEvent.click(within(group(T.form.craving)).getByRole("radio", { name: "8 out of 10" }));
  fireEvent.click(within(group(T.form.use)).getByRole("radio", { name: T.form.no }));
}

const send = () => fireEvent.click(screen.getByRole("button", { name: T.form.submit }));

describe("the check-in page", () => {
  it("names what is missing on its question and sends nothing", async () => {
    const fetchMock = stubApi(() => ({ status: 500 }));
    renderPage();
    await screen.findByRole("heading", { name: T.page.title, level: 1 });
    send();
    expect((await screen.findByRole("alert")).textContent).toContain(T.form.fixBelow);
    expect(screen.getByText(T.errors.mood)).toBeTruthy();
    expect(screen.getByText(T.errors.craving)).toBeTruthy();
    expect(screen.getByText(T.errors.anyUse)).toBeTruthy();
    expect(group(T.form.mood).getAttribute("aria-invalid")).toBe("true");
    expect(apiCalls(fetchMock).filter((c) => c.route.startsWith("POST"))).toEqual([]);
  });

  it("sends the answers with a key and the language, then the response with the plan and skills", async () => {
    const fetchMock = stubApi((body) => ({
      body: aResult(body, {
        response: {
          kind: "high_craving",
          crisis: false,
          planSection: { plan: "recovery", section: "copingResponses", items: ["Call Sam", "Go for a walk"] },
          skills: [{ key: "urge-surfing", name: "Urge surfing" }],
          counselorTold: false,
        },
        streak: 4,
      }),
    }));
    renderPage();
    await fillIn();
    fireEvent.click(await screen.findByRole("checkbox", { name: "Payday" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Urge surfing" }));
    fireEvent.change(screen.getByLabelText(T.form.ownTrigger), { target: { value: "Rainy days" } });
    fireEvent.click(screen.getByRole("button", { name: T.form.addTrigger }));
    expect((screen.getByRole("checkbox", { name: "Rainy days" }) as HTMLInputElement).checked).toBe(true);
    send();
    expect(await screen.findByText(T.response.sent)).toBeTruthy();
    const post = apiCalls(fetchMock).find((c) => c.route === "POST /api/v1/me/check-ins")!;
    expect(post.body).toMatchObject({
      mood: 6,
      craving: 8,
      anyUse: false,
      triggers: ["Payday", "Rainy days"],
      skills: ["urge-surfing"],
      queuedOffline: false,
      language: "en",
      selfHarmThoughts: false,
    });
    expect(post.body.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(document.activeElement).toBe(
      screen.getByRole("heading", { name: T.response.kinds.high_craving.title }),
    );
    expect(screen.getByText("Go for a walk")).toBeTruthy();
    expect(screen.getByRole("link", { name: T.response.openPlan.recovery }).getAttribute("href")).toBe(
      "/me/recovery-plan#copingResponses",
    );
    expect(screen.getByText("Urge surfing")).toBeTruthy();
    expect(screen.getByText("4 days in a row with a check-in.")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: T.response.again }));
    const mood = within(await screen.findByRole("group", { name: T.form.mood }));
    expect((mood.getByRole("radio", { name: "6 out of 10" }) as HTMLInputElement).checked).toBe(false);
  });

  it("offline, it waits on the phone and is sent once, marked queued, when the connection is back", async () => {
    const fetchMock = stubApi((body) => ({ body: aResult(body) }));
    renderPage();
    await fillIn();
    online = false;
    send();
    expect(await screen.findByText(T.queue.waitingTitle)).toBeTruthy();
    expect(screen.getByText(T.queue.waitingBody)).toBeTruthy();
    const kept = readQueue(localStorage, USER);
    expect(kept).toHaveLength(1);
    expect(kept[0]!.input).toMatchObject({ mood: 6, craving: 8, queuedOffline: true });
    expect(apiCalls(fetchMock).filter((c) => c.route.startsWith("POST"))).toEqual([]);

    online = true;
    window.dispatchEvent(new Event("online"));
    expect(await screen.findByText(T.response.sent)).toBeTruthy();
    const posts = apiCalls(fetchMock).filter((c) => c.route.startsWith("POST"));
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body).toMatchObject({
      idempotencyKey: kept[0]!.input.idempotencyKey,
      queuedOffline: true,
    });
    expect(readQueue(localStorage, USER)).toEqual([]);
  });

  it("a dropped connection keeps the check-in waiting with its key", async () => {
    stubApi(() => {
      throw new TypeError("Failed to fetch");
    });
    renderPage();
    await fillIn();
    send();
    expect(await screen.findByText(T.queue.waitingTitle)).toBeTruthy();
    expect(readQueue(localStorage, USER)).toHaveLength(1);
  });

  it("a refusal goes on its field and every answer stays", async () => {
    stubApi(() => ({
      status: 400,
      body: {
        error: {
          code: "VALIDATION_FAILED",
          message: "Check the answers.",
          fields: [{ path: "wentWell", message: "Keep this under 500 characters." }],
        },
      },
    }));
    renderPage();
    await fillIn();
    fireEvent.change(screen.getByLabelText(T.form.wentWell), { target: { value: "A good walk" } });
    send();
    expect((await screen.findByRole("alert")).textContent).toContain(T.form.fixBelow);
    expect(screen.getByText(T.errors.wentWell)).toBeTruthy();
    expect((screen.getByLabelText(T.form.wentWell) as HTMLTextAreaElement).value).toBe("A good walk");
    expect(
      (within(group(T.form.mood)).getByRole("radio", { name: "6 out of 10" }) as HTMLInputElement).checked,
    ).toBe(true);
    expect(readQueue(localStorage, USER)).toEqual([]);
  });

  it("a long skills list shows the first ones, chosen ones stay, and the rest on request", async () => {
    const skills = Array.from({ length: 11 }, (_, i) => ({ key: `skill-${i}`, name: `Skill ${i}` }));
    stubApi((body) => ({ body: aResult(body) }), { ...OPTIONS, skills });
    renderPage();
    const group = await screen.findByRole("group", { name: T.form.skills });
    expect(within(group).getAllByRole("checkbox")).toHaveLength(8);
    fireEvent.click(screen.getByRole("button", { name: "Show 3 more skills" }));
    expect(within(group).getAllByRole("checkbox")).toHaveLength(11);
    fireEvent.click(within(group).getByRole("checkbox", { name: "Skill 10" }));
    fireEvent.click(screen.getByRole("button", { name: T.form.fewerSkills }));
    expect(
      within(group)
        .getAllByRole("checkbox")
        .map((c) => c.getAttribute("value")),
    ).toEqual([...skills.slice(0, 8).map((s) => s.key), "skill-10"]);
  });

  it("a yes to a safety question shows crisis help at once, in Spanish too", async () => {
    stubApi((body) => ({ body: aResult(body) }));
    await i18n.changeLanguage("es");
    renderPage();
    const selfHarm = await screen.findByRole("group", { name: checkInsEs.form.selfHarm });
    expect(screen.queryByText(checkInsEs.form.safetyHelp)).toBeNull();
    fireEvent.click(within(selfHarm).getByRole("radio", { name: "Sí" }));
    expect(screen.getByText(checkInsEs.form.safetyHelp)).toBeTruthy();
    expect(document.querySelector('a[href="tel:988"]')).not.toBeNull();
  });

  it("an earlier check-in the server refused can be discarded after a confirmation", async () => {
    const earlier = anInput({ checkedInOn: "2026-11-01" });
    enqueue(localStorage, USER, earlier, new Date("2026-11-01T20:00:00Z"));
    markRefused(localStorage, USER, earlier.idempotencyKey, {
      code: "CHECK_IN_TOO_OLD",
      message: "That day is too long ago.",
      fields: [],
    });
    const fetchMock = stubApi((body) => ({ body: aResult(body) }));
    renderPage();
    expect(await screen.findByText(T.errors.tooOld)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: T.queue.discard }));
    const dialog = await screen.findByRole("dialog", { name: T.queue.discardTitle });
    fireEvent.click(within(dialog).getByRole("button", { name: T.queue.keep }));
    expect(readQueue(localStorage, USER)).toHaveLength(1);
    fireEvent.click(screen.getByRole("button", { name: T.queue.discard }));
    fireEvent.click(
      within(await screen.findByRole("dialog", { name: T.queue.discardTitle })).getByRole("button", {
        name: T.queue.confirmDiscard,
      }),
    );
    await waitFor(() => expect(readQueue(localStorage, USER)).toEqual([]));
    expect(screen.queryByText(T.errors.tooOld)).toBeNull();
    expect(apiCalls(fetchMock).filter((c) => c.route.startsWith("POST"))).toEqual([]);
  });

  it("an earlier refused check-in can be corrected in the form and sent with its own key", async () => {
    const earlier = anInput({ mood: 3, craving: 2 });
    enqueue(localStorage, USER, earlier, new Date("2026-11-23T08:00:00Z"));
    markRefused(localStorage, USER, earlier.idempotencyKey, {
      code: "CHECK_IN_DATE_IN_FUTURE",
      message: "That day has not come yet.",
      fields: [],
    });
    const fetchMock = stubApi((body) => ({ body: aResult(body) }));
    renderPage();
    fireEvent.click(await screen.findByRole("button", { name: T.queue.correct }));
    expect(screen.getByRole("alert").textContent).toContain(T.errors.dateAhead);
    expect(
      (within(group(T.form.mood)).getByRole("radio", { name: "3 out of 10" }) as HTMLInputElement).checked,
    ).toBe(true);
    send();
    expect(await screen.findByText(T.response.sent)).toBeTruthy();
    const post = apiCalls(fetchMock).find((c) => c.route.startsWith("POST"))!;
    expect(post.body.idempotencyKey).toBe(earlier.idempotencyKey);
    expect(readQueue(localStorage, USER)).toEqual([]);
  });
});
