// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import axe from "axe-core";
import i18n from "i18next";
import { Route, Routes } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type {
  FamilyCheckIn,
  FamilyCheckInList,
  FamilyLearning,
  ModuleProgress,
} from "../../../core/family-learning/family-learning.schema";
import { FAMILY_MODULE_KEYS } from "../../../core/family-learning/family-learning.schema";
import { familyLearningEn } from "../../i18n/family-learning.en";
import { familyLearningEs } from "../../i18n/family-learning.es";
import { apiCalls, fakeApi, renderWithProviders, setUpDom } from "../../test-support/render-with-providers";
import { FamilyCheckInPage } from "./check-in-page";
import { LearningPage } from "./learning-page";
import { ModulePage } from "./module-page";
import { FamilyResourcesPage } from "./resources-page";

const T = familyLearningEn;

beforeAll(async () => {
  await setUpDom();
  // jsdom lacks `document.fonts`, which growing text areas listen to.
  if (!("fonts" in document))
    Object.defineProperty(document, "fonts", {
      configurable: true,
      value: { addEventListener: () => {}, removeEventListener: () => {} },
    });
  i18n.addResourceBundle("en", "familyLearning", familyLearningEn, true, true);
  i18n.addResourceBundle("es", "familyLearning", familyLearningEs, true, true);
});
afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  await i18n.changeLanguage("en");
});

function learning(overrides: Partial<Record<string, Partial<ModuleProgress>>> = {}): FamilyLearning {
  const modules = FAMILY_MODULE_KEYS.map((moduleKey) => ({
    moduleKey,
    exerciseAnswer: "",
    completed: false,
    completedAt: null,
    updatedAt: null,
    ...overrides[moduleKey],
  }));
  return { modules, completedCount: modules.filter((m) => m.completed).length, total: modules.length };
}

function stub(routes: Parameters<typeof fakeApi>[0]) {
  const fetchMock = vi.fn(fakeApi(routes));
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

const renderAt = (path: string) =>
  renderWithProviders(
    <Routes>
      <Route path="/family/learn" element={<LearningPage />} />
      <Route path="/family/learn/:moduleKey" element={<ModulePage />} />
      <Route path="/family/check-in" element={<FamilyCheckInPage />} />
      <Route path="/family/resources" element={<FamilyResourcesPage />} />
    </Routes>,
    path,
  );

/** axe-core on what the page rendered (colour contrast needs a real browser: the e2e checks it). */
async function expectNoAxeViolations(container: HTMLElement) {
  const results = await axe.run(container, {
    rules: { "color-contrast": { enabled: false }, region: { enabled: false } },
  });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(" | ")}`)).toEqual([]);
}

describe("the learning page", () => {
  it("says it is general education, cites the CRAFT evidence, and lists the nine modules with progress", async () => {
    stub({
      "GET /api/v1/family/learning": {
        body: learning({
          "safety-first": { completed: true, completedAt: "2026-03-01T10:00:00.000Z", exerciseAnswer: "a" },
          "positive-communication": { exerciseAnswer: "draft" },
        }),
      },
    });
    const { container } = renderAt("/family/learn");
    expect(await screen.findByText("1 of 9 done")).toBeTruthy();
    expect(screen.getByText(T.learn.general)).toBeTruthy();
    expect(screen.getByText(/Miller, Meyers and Tonigan, 1999/)).toBeTruthy();
    const items = within(container.querySelector("ol")!).getAllByRole("listitem");
    expect(items).toHaveLength(9);
    expect(
      within(items[0]!).getByRole("link", { name: "Addiction is a health condition" }).getAttribute("href"),
    ).toBe("/family/learn/health-condition-and-iop");
    expect(within(items[1]!).getByText(T.learn.statusDone)).toBeTruthy();
    expect(within(items[2]!).getByText(T.learn.statusStarted)).toBeTruthy();
    expect(within(items[3]!).getByText(T.learn.statusNew)).toBeTruthy();
    await expectNoAxeViolations(container);
  });

  it("shows the modules in Spanish when the app is in Spanish", async () => {
    await i18n.changeLanguage("es");
    stub({ "GET /api/v1/family/learning": { body: learning() } });
    renderAt("/family/learn");
    expect(await screen.findByText("0 de 9 terminados")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Primero, la seguridad" })).toBeTruthy();
  });

  it("still lists the modules to read when progress cannot be loaded", async () => {
    stub({
      "GET /api/v1/family/learning": { status: 500, body: { error: { code: "INTERNAL", message: "x" } } },
    });
    renderAt("/family/learn");
    expect(await screen.findByText(T.learn.loadError)).toBeTruthy();
    expect(screen.getByRole("link", { name: "After IOP" })).toBeTruthy();
  });
});

describe("a module", () => {
  it("shows the reading and the exercise, saves the private answer and marks the module done", async () => {
    const fetchMock = stub({
      "GET /api/v1/family/learning": { body: learning() },
      "PUT /api/v1/family/learning/safety-first": {
        body: {
          moduleKey: "safety-first",
          exerciseAnswer: "My sister's flat",
          completed: true,
          completedAt: "2026-03-01T10:00:00.000Z",
          updatedAt: "2026-03-01T10:00:00.000Z",
        },
      },
    });
    const { container } = renderAt("/family/learn/safety-first");
    expect(screen.getByRole("heading", { level: 1, name: "Safety first" })).toBeTruthy();
    expect(screen.getByText("Module 2 of 9")).toBeTruthy();
    expect(screen.getByRole("heading", { name: "A personal safety plan" })).toBeTruthy();
    const answer = await screen.findByLabelText(T.module.answerLabel);
    fireEvent.change(answer, { target: { value: "My sister's flat" } });
    expect(screen.getByText("16 of 2,000 characters")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: T.module.markDone }));
    expect(await screen.findByText(T.module.savedDone)).toBeTruthy();
    expect(apiCalls(fetchMock).filter((c) => c.route.startsWith("PUT"))).toEqual([
      {
        route: "PUT /api/v1/family/learning/safety-first",
        body: { exerciseAnswer: "My sister's flat", completed: true },
      },
    ]);
    expect(await screen.findByRole("button", { name: T.module.markNotDone })).toBeTruthy();
    expect(
      screen.getByRole("link", { name: /Previous: Addiction is a health condition/ }).getAttribute("href"),
    ).toBe("/family/learn/health-condition-and-iop");
    expect(screen.getByRole("link", { name: /Next: Positive communication/ }).getAttribute("href")).toBe(
      "/family/learn/positive-communication",
    );
    await expectNoAxeViolations(container);
  });

  it("keeps what was typed and says so when the save fails", async () => {
    stub({
      "GET /api/v1/family/learning": { body: learning() },
      "PUT /api/v1/family/learning/after-iop": {
        status: 503,
        body: { error: { code: "SERVICE_UNAVAILABLE", message: "x" } },
      },
    });
    renderAt("/family/learn/after-iop");
    const answer = await screen.findByLabelText(T.module.answerLabel);
    fireEvent.change(answer, { target: { value: "Lifts to the Tuesday group" } });
    fireEvent.click(screen.getByRole("button", { name: T.module.save }));
    expect(await screen.findByText(T.module.saveError)).toBeTruthy();
    expect((screen.getByLabelText(T.module.answerLabel) as HTMLTextAreaElement).value).toBe(
      "Lifts to the Tuesday group",
    );
    expect(screen.queryByRole("link", { name: /Next:/ })).toBeNull();
  });

  it("refuses an answer over 2,000 characters before sending it, naming the limit", async () => {
    const fetchMock = stub({ "GET /api/v1/family/learning": { body: learning() } });
    renderAt("/family/learn/lapses-and-relapse");
    fireEvent.change(await screen.findByLabelText(T.module.answerLabel), {
      target: { value: "x".repeat(2001) },
    });
    fireEvent.click(screen.getByRole("button", { name: T.module.markDone }));
    expect(screen.getByText("Keep your answer to 2,000 characters.")).toBeTruthy();
    expect(apiCalls(fetchMock).some((c) => c.route.startsWith("PUT"))).toBe(false);
  });

  it("says plainly when there is no such module", () => {
    stub({ "GET /api/v1/family/learning": { body: learning() } });
    renderAt("/family/learn/module-10");
    expect(screen.getByRole("heading", { name: T.module.notFoundTitle })).toBeTruthy();
    expect(screen.getByRole("link", { name: T.module.back }).getAttribute("href")).toBe("/family/learn");
  });
});

const aCheckIn = (over: Partial<FamilyCheckIn> = {}): FamilyCheckIn => ({
  id: "00000000-0000-4000-8000-000000000001",
  recordedOn: "2026-03-09",
  stress: 5,
  wellbeing: 6,
  sleepQuality: 3,
  selfCare: "A walk",
  note: "",
  editable: true,
  updatedAt: "2026-03-09T20:00:00.000Z",
  ...over,
});

describe("the family member's check-in", () => {
  it("says it is private, and at high stress points to self-care and the resources", async () => {
    const list: FamilyCheckInList = {
      today: "2026-03-09",
      todayCheckIn: null,
      history: [],
    };
    const fetchMock = stub({
      "GET /api/v1/family/check-ins": { body: list },
      "PUT /api/v1/family/check-ins": {
        body: {
          checkIn: aCheckIn({ stress: 9, wellbeing: 3, sleepQuality: null }),
          created: true,
          offerSupport: true,
        },
      },
    });
    const { container } = renderAt("/family/check-in");
    expect(screen.getByText(T.checkIn.private)).toBeTruthy();
    expect(await screen.findByText(T.checkIn.historyEmpty)).toBeTruthy();
    await expectNoAxeViolations(container);
    fireEvent.click(
      within(screen.getByRole("group", { name: T.checkIn.stress })).getByLabelText("9 out of 10"),
    );
    fireEvent.click(
      within(screen.getByRole("group", { name: T.checkIn.wellbeing })).getByLabelText("3 out of 10"),
    );
    fireEvent.change(screen.getByLabelText(T.checkIn.selfCare), { target: { value: "Called my brother" } });
    fireEvent.click(screen.getByRole("button", { name: T.checkIn.save }));
    expect(await screen.findByText(T.checkIn.savedNew)).toBeTruthy();
    expect(apiCalls(fetchMock).find((c) => c.route === "PUT /api/v1/family/check-ins")?.body).toEqual({
      stress: 9,
      wellbeing: 3,
      sleepQuality: null,
      selfCare: "Called my brother",
      note: "",
    });
    expect(screen.getByRole("heading", { name: T.checkIn.supportTitle })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Read “Taking care of yourself”" }).getAttribute("href")).toBe(
      "/family/learn/caring-for-yourself",
    );
  });

  it("names the missing answers and sends nothing", async () => {
    const fetchMock = stub({
      "GET /api/v1/family/check-ins": {
        body: { today: "2026-03-09", todayCheckIn: null, history: [] },
      },
    });
    renderAt("/family/check-in");
    fireEvent.click(await screen.findByRole("button", { name: T.checkIn.save }));
    expect(screen.getByText(T.checkIn.chooseStress)).toBeTruthy();
    expect(screen.getByText(T.checkIn.chooseWellbeing)).toBeTruthy();
    expect(apiCalls(fetchMock).some((c) => c.route.startsWith("PUT"))).toBe(false);
  });

  it("fills in today's answers to change them, and lists the past days", async () => {
    const today = aCheckIn();
    const yesterday = aCheckIn({
      id: "00000000-0000-4000-8000-000000000002",
      recordedOn: "2026-03-08",
      stress: 8,
      wellbeing: 2,
      sleepQuality: null,
      selfCare: "",
      note: "Rough day",
      editable: false,
    });
    stub({
      "GET /api/v1/family/check-ins": {
        body: { today: "2026-03-09", todayCheckIn: today, history: [today, yesterday] },
      },
    });
    renderAt("/family/check-in");
    expect(await screen.findByRole("button", { name: T.checkIn.saveChanges })).toBeTruthy();
    expect(screen.getByText(T.checkIn.todayDone)).toBeTruthy();
    const stress = within(screen.getByRole("group", { name: T.checkIn.stress })).getByLabelText(
      "5 out of 10",
    );
    expect((stress as HTMLInputElement).checked).toBe(true);
    const history = screen.getByRole("region", { name: "The last 30 days" });
    expect(within(history).getByText("Today")).toBeTruthy();
    expect(within(history).getByText("Stress 8/10 · Wellbeing 2/10")).toBeTruthy();
    expect(within(history).getByText("Rough day")).toBeTruthy();
    // Today's stress (5) is not high: no extra support card.
    expect(screen.queryByRole("heading", { name: T.checkIn.supportTitle })).toBeNull();
  });
});

describe("the resources page", () => {
  it("offers tap-to-call for the crisis and help lines, and text for 988", async () => {
    const { container } = renderAt("/family/resources");
    const hrefs = screen.getAllByRole("link").map((a) => a.getAttribute("href"));
    expect(hrefs).toEqual(
      expect.arrayContaining(["tel:988", "sms:988", "tel:911", "tel:18006624357", "tel:18007997233"]),
    );
    expect(screen.getByRole("link", { name: "Call 1-800-799-7233" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "SMART Recovery Family & Friends" })).toBeTruthy();
    await waitFor(() => expect(screen.getByText(/ask any pharmacist/)).toBeTruthy());
    await expectNoAxeViolations(container);
  });
});
