// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import i18n from "i18next";
import { Route, Routes } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { FollowUpLinkView } from "../../../core/follow-ups/follow-up-api.schema";
import { en } from "../../i18n/en";
import { followUpsEn } from "../../i18n/follow-ups.en";
import { followUpsEs } from "../../i18n/follow-ups.es";
import { apiCalls, fakeApi, renderWithProviders } from "../../test-support/render-with-providers";
import { SHORT_PHQ, setUpParticipantDom } from "../participant-area/participant-area-testing";
import { FollowUpSurveyPage } from "./follow-up-survey-page";

const T = followUpsEn.survey;
const TOKEN = "Zx9_Yw8-Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBa98765";

beforeAll(async () => {
  await setUpParticipantDom();
  i18n.addResourceBundle("en", "followUps", followUpsEn, true, true);
  i18n.addResourceBundle("es", "followUps", followUpsEs, true, true);
});
afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  await i18n.changeLanguage("en");
});

const openView = (overrides: Partial<FollowUpLinkView> = {}): FollowUpLinkView => ({
  state: "open",
  firstName: "Casey",
  wave: 30,
  language: "en",
  closesOn: "2026-03-23",
  completedOn: null,
  questionnaires: {
    phq9: { key: "phq9", version: "1.0.0", questionnaire: SHORT_PHQ },
    gad7: { key: "gad7", version: "1.0.0", questionnaire: { ...SHORT_PHQ, title: "GAD-7 test form" } },
  },
  ...overrides,
});

function renderSurvey(routes: Parameters<typeof fakeApi>[0]) {
  const fetchMock = vi.fn(
    fakeApi({
      "GET /api/v1/sessions/current": { body: { session: null } },
      ...routes,
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(
    <Routes>
      <Route path="/follow-up" element={<FollowUpSurveyPage />} />
    </Routes>,
    `/follow-up/#token=${TOKEN}`,
  );
  return fetchMock;
}

const number = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label, { exact: false }), { target: { value } });
const pick = (group: string, option: string) =>
  fireEvent.click(
    within(screen.getByRole("radiogroup", { name: group })).getByRole("radio", { name: option }),
  );

async function answerFirstStep(heavy = "0") {
  await screen.findByText(/Hi Casey/);
  number(T.alcoholDays, "2");
  number(T.heavyDrinkingDays, heavy);
  number(T.drugDays, "0");
  number(T.meetings, "4");
  pick(T.inTreatment, T.no);
  pick(T.housing, T.housingOptions.own_home);
  pick(T.employment, T.employmentOptions.full_time);
  pick(T.wantsContact, T.yes);
  fireEvent.click(screen.getByRole("button", { name: T.next }));
}

async function answerShortForm(submit: string, hurting = "Not at all") {
  const down = await screen.findByRole("radiogroup", { name: "Feeling down, depressed, or hopeless" });
  fireEvent.click(within(down).getByRole("radio", { name: "Several days" }));
  const harm = screen.getByRole("radiogroup", { name: "Thoughts of hurting yourself" });
  fireEvent.click(within(harm).getByRole("radio", { name: hurting }));
  fireEvent.click(screen.getByRole("button", { name: submit }));
}

describe("FollowUpSurveyPage", () => {
  it("walks through the three steps, sends everything once with the token in the body, and shows crisis help first", async () => {
    const fetchMock = renderSurvey({
      "POST /api/v1/follow-ups/link": { body: openView() },
      "POST /api/v1/follow-ups/answers": {
        body: { crisis: true, replayed: false, onCall: { site: "Riverside", phone: "555-0100" } },
      },
    });
    await answerFirstStep("3");
    expect(await screen.findByText(T.heavyTooMany)).toBeTruthy();
    number(T.heavyDrinkingDays, "1");
    fireEvent.click(screen.getByRole("button", { name: T.next }));
    expect(await screen.findByRole("heading", { name: T.phq9Title })).toBeTruthy();
    await answerShortForm(T.next, "Several days");
    expect(await screen.findByRole("heading", { name: T.gad7Title })).toBeTruthy();
    await answerShortForm(T.send);

    expect(await screen.findByRole("heading", { name: T.crisisTitle })).toBeTruthy();
    expect(screen.getByRole("region", { name: en.crisis.title })).toBeTruthy();
    const sent = apiCalls(fetchMock).filter((c) => c.route === "POST /api/v1/follow-ups/answers");
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toMatchObject({
      token: TOKEN,
      answers: {
        alcoholDays: 2,
        heavyDrinkingDays: 1,
        drugDays: 0,
        meetings: 4,
        inTreatment: false,
        housing: "own_home",
        employment: "full_time",
        wantsContact: true,
      },
      phq9: { "1": 1, "9": 1 },
      gad7: { "1": 1, "9": 0 },
      language: "en",
    });
    expect(sent[0]!.body.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("says plainly when the link was already used, with the date", async () => {
    renderSurvey({
      "POST /api/v1/follow-ups/link": {
        body: openView({ state: "completed", completedOn: "2026-03-04", questionnaires: null }),
      },
    });
    expect(await screen.findByText(T.usedTitle)).toBeTruthy();
    expect(screen.getByText(/March 4, 2026/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: T.next })).toBeNull();
  });

  it("shows a survey meant in Spanish in Spanish", async () => {
    renderSurvey({ "POST /api/v1/follow-ups/link": { body: openView({ language: "es" }) } });
    expect(await screen.findByText(/Hola, Casey/)).toBeTruthy();
    expect(screen.getByRole("button", { name: followUpsEs.survey.next })).toBeTruthy();
  });

  it("opts out only after confirming, then shows the opted-out page", async () => {
    let state: FollowUpLinkView = openView();
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url.endsWith("/follow-ups/opt-out")) {
        state = openView({ state: "opted_out", questionnaires: null });
        return new Response(JSON.stringify({ cancelled: 3 }), { status: 200 });
      }
      if (url.endsWith("/follow-ups/link")) return new Response(JSON.stringify(state), { status: 200 });
      return fakeApi({ "GET /api/v1/sessions/current": { body: { session: null } } })(url, init);
    });
    vi.stubGlobal("fetch", fetchMock);
    renderWithProviders(
      <Routes>
        <Route path="/follow-up" element={<FollowUpSurveyPage />} />
      </Routes>,
      `/follow-up/#token=${TOKEN}`,
    );
    fireEvent.click(await screen.findByRole("button", { name: T.optOut }));
    const dialog = await screen.findByRole("dialog", { name: T.optOutConfirmTitle });
    fireEvent.click(within(dialog).getByRole("button", { name: T.cancel }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(apiCalls(fetchMock).some((c) => c.route === "POST /api/v1/follow-ups/opt-out")).toBe(false);

    fireEvent.click(screen.getByRole("button", { name: T.optOut }));
    fireEvent.click(
      within(await screen.findByRole("dialog", { name: T.optOutConfirmTitle })).getByRole("button", {
        name: T.optOutConfirm,
      }),
    );
    expect(await screen.findByText(T.optedOutTitle)).toBeTruthy();
    const optOut = apiCalls(fetchMock).find((c) => c.route === "POST /api/v1/follow-ups/opt-out");
    expect(optOut?.body).toEqual({ token: TOKEN });
  });

  it("a link without a token is not valid", async () => {
    vi.stubGlobal("fetch", vi.fn(fakeApi({ "GET /api/v1/sessions/current": { body: { session: null } } })));
    renderWithProviders(
      <Routes>
        <Route path="/follow-up" element={<FollowUpSurveyPage />} />
      </Routes>,
      "/follow-up",
    );
    expect(await screen.findByText(T.invalidTitle)).toBeTruthy();
  });
});
