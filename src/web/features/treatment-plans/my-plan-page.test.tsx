// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import i18n from "i18next";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { myPlanEn } from "../../i18n/my-plan.en";
import { apiCalls } from "../../test-support/render-with-providers";
import { participantApi, renderParticipantArea } from "../participant-area/participant-area-testing";
import { ParticipantHomePage } from "../participant-area/participant-home-page";
import { MyPlanPage } from "./my-plan-page";
import {
  aReview,
  aVersion,
  COUNSELOR,
  PARTICIPANT_PERSON,
  REVIEW_ID,
  setUpMyPlanDom,
  VERSION_ID,
} from "./my-plan-testing";

const T = myPlanEn;

beforeAll(setUpMyPlanDom);
afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  await i18n.changeLanguage("en");
});

const awaiting = {
  plan: { version: aVersion(), awaitingMySignature: true, expectedNames: ["Casey Rivers"] },
};

function renderMyPlan(routes: Parameters<typeof participantApi>[0], path = "/me/plan") {
  const fetchMock = vi.fn(
    participantApi({ "GET /api/v1/me/treatment-plan/reviews": { body: { reviews: [] } }, ...routes }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderParticipantArea(path, [
    { path: "plan", element: <MyPlanPage /> },
    { element: <ParticipantHomePage /> },
  ]);
  return fetchMock;
}

describe("MyPlanPage", () => {
  it("reads the plan in plain words: their goal first, objectives with the measure, date and status in words", async () => {
    renderMyPlan({ "GET /api/v1/me/treatment-plan": { body: awaiting } });
    const problem = await screen.findByRole("region", { name: "Area 1: Staying sober" });
    expect(within(problem).getByText("I want to stop drinking and keep my job")).toBeTruthy();
    expect(within(problem).getByText("Your mood questionnaire (PHQ-9) score is below 10")).toBeTruthy();
    expect(within(problem).getByText("By April 15, 2026")).toBeTruthy();
    expect(within(problem).getByText(T.status.in_progress)).toBeTruthy();
    expect(
      within(problem).getByText("You come to at least 9 hours of program a week, 4 weeks in a row"),
    ).toBeTruthy();
    expect(within(problem).getByText("How often: 3 times a week")).toBeTruthy();
    expect(screen.getByRole("region", { name: T.page.myStrengths }).textContent).toContain(
      "Supportive sister",
    );
    expect(screen.getByRole("region", { name: T.page.inTheWay }).textContent).toContain("Works late shifts");
    expect(screen.getByRole("region", { name: T.page.readyToFinish }).textContent).toContain(
      "Four weeks without alcohol",
    );
    expect(screen.getByText("Still needed: counselor, you")).toBeTruthy();
  });

  it("signs with the typed name and the box ticked, then confirms with the time", async () => {
    let signed = false;
    const fetchMock = renderMyPlan({
      "GET /api/v1/me/treatment-plan": () => ({
        body: signed
          ? {
              plan: {
                version: aVersion({
                  signatures: [
                    {
                      role: "participant",
                      signer: PARTICIPANT_PERSON,
                      method: "typed_name",
                      typedName: "Casey Rivers",
                      signedAt: "2026-03-05T15:00:00.000Z",
                      device: "Chrome on Android",
                    },
                  ],
                }),
                awaitingMySignature: false,
                expectedNames: ["Casey Rivers"],
              },
            }
          : awaiting,
      }),
      "POST /api/v1/me/treatment-plan/signatures": () => {
        signed = true;
        return { status: 201, body: aVersion() };
      },
    });
    const button = await screen.findByRole("button", { name: T.sign.submit });
    fireEvent.change(screen.getByLabelText(T.sign.name, { exact: false }), {
      target: { value: "  Casey Rivers " },
    });
    fireEvent.click(button);
    expect(await screen.findByText(T.sign.agreeRequired)).toBeTruthy();
    fireEvent.click(screen.getByRole("checkbox", { name: T.sign.agree }));
    fireEvent.click(button);
    const done = await screen.findByRole("status");
    expect(done.textContent).toMatch(/You signed on .+\. Thank you\./);
    expect(apiCalls(fetchMock).filter((c) => c.route.startsWith("POST"))).toEqual([
      {
        route: "POST /api/v1/me/treatment-plan/signatures",
        body: { versionId: VERSION_ID, revision: 4, typedName: "Casey Rivers" },
      },
    ]);
    await waitFor(() => expect(screen.getByText(/Casey Rivers \(you\) signed on/)).toBeTruthy());
  });

  it("shows the server's message on the name field when the name does not match", async () => {
    renderMyPlan({
      "GET /api/v1/me/treatment-plan": { body: awaiting },
      "POST /api/v1/me/treatment-plan/signatures": {
        status: 400,
        body: {
          error: {
            code: "VALIDATION_FAILED",
            message: "Check the highlighted fields.",
            fields: [{ path: "typedName", message: "Type your name as it is on your record: Casey Rivers." }],
          },
        },
      },
    });
    fireEvent.change(await screen.findByLabelText(T.sign.name, { exact: false }), {
      target: { value: "Someone Else" },
    });
    fireEvent.click(screen.getByRole("checkbox", { name: T.sign.agree }));
    fireEvent.click(screen.getByRole("button", { name: T.sign.submit }));
    const input = screen.getByLabelText(T.sign.name, { exact: false });
    await waitFor(() => expect(input.getAttribute("aria-invalid")).toBe("true"));
    expect(screen.getByText("Type your name as it is on your record: Casey Rivers.")).toBeTruthy();
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("is kind when there is no plan yet, and offers no signing", async () => {
    renderMyPlan({ "GET /api/v1/me/treatment-plan": { body: { plan: null } } });
    expect(await screen.findByText(T.page.empty)).toBeTruthy();
    expect(screen.queryByRole("button", { name: T.sign.submit })).toBeNull();
  });

  it("reads a signed plan without a sign area", async () => {
    renderMyPlan({
      "GET /api/v1/me/treatment-plan": {
        body: {
          plan: { ...awaiting.plan, version: aVersion({ status: "signed" }), awaitingMySignature: false },
        },
      },
    });
    expect(await screen.findByRole("region", { name: "Area 1: Staying sober" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: T.sign.submit })).toBeNull();
  });

  it("reads in Spanish", async () => {
    await i18n.changeLanguage("es");
    renderMyPlan({ "GET /api/v1/me/treatment-plan": { body: awaiting } });
    expect(await screen.findByText("Lo que quiero")).toBeTruthy();
    expect(screen.getByText("Para el 15 de abril de 2026")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Firmar" })).toBeTruthy();
  });

  it("puts a call to read and sign on the home page when the plan awaits the participant", async () => {
    renderMyPlan({ "GET /api/v1/me/treatment-plan": { body: awaiting } }, "/me");
    const card = await screen.findByRole("region", { name: T.home.title });
    expect(await within(card).findByText(T.home.awaiting)).toBeTruthy();
    expect(within(card).getByRole("link", { name: T.home.openToSign }).getAttribute("href")).toBe("/me/plan");
  });

  it("points to a review awaiting the participant's signature from the home page and lists the reviews on My plan", async () => {
    const { content: _content, ...summary } = aReview({
      status: "awaiting_signatures",
      heldOn: "2026-04-01",
      signatures: [
        {
          role: "clinician",
          signer: COUNSELOR,
          method: "password",
          typedName: null,
          signedAt: "2026-04-01T17:00:00.000Z",
          device: null,
        },
      ],
    });
    const signed = {
      ...summary,
      id: "0c9d8e7f-6a5b-4c3d-9e2f-1a0b9c8d7e6f",
      status: "signed" as const,
      heldOn: "2026-03-02",
    };
    const routes = {
      "GET /api/v1/me/treatment-plan": {
        body: {
          plan: { ...awaiting.plan, version: aVersion({ status: "signed" }), awaitingMySignature: false },
        },
      },
      "GET /api/v1/me/treatment-plan/reviews": { body: { reviews: [summary, signed] } },
    };
    renderMyPlan(routes, "/me");
    const card = await screen.findByRole("region", { name: T.home.title });
    expect(await within(card).findByText(T.home.reviewAwaiting)).toBeTruthy();
    expect(within(card).getByRole("link", { name: T.home.openReview }).getAttribute("href")).toBe(
      `/me/plan/reviews/${REVIEW_ID}`,
    );
    cleanup();
    renderMyPlan(routes);
    const list = await screen.findByRole("region", { name: T.page.reviews });
    expect(within(list).getByRole("link", { name: "Review on April 1, 2026" }).getAttribute("href")).toBe(
      `/me/plan/reviews/${REVIEW_ID}`,
    );
    expect(within(list).getByText(T.page.reviewAwaitingYou)).toBeTruthy();
    expect(within(list).getByText(T.page.reviewSigned)).toBeTruthy();
  });
});
