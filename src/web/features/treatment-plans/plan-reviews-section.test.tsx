// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { myPlanEn } from "../../i18n/my-plan.en";
import { apiCalls, renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith, sessionWith } from "../admin/admin-testing";
import {
  aParticipantPlan,
  aReview,
  OBJECTIVE_ID,
  PLAN_ID,
  REVIEW_ID,
  setUpMyPlanDom,
} from "./my-plan-testing";
import { PlanReviewsSection } from "./plan-reviews-section";

const S = myPlanEn.staff;
const REVIEW_PATH = `/api/v1/treatment-plans/${PLAN_ID}/reviews/${REVIEW_ID}`;

beforeAll(setUpMyPlanDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderSection(
  plan: ReturnType<typeof aParticipantPlan>,
  routes: Parameters<typeof fakeApiWith>[0] = {},
) {
  const fetchMock = vi.fn(
    fakeApiWith({
      "GET /api/v1/sessions/current": sessionWith(["clinical.view", "clinical.write"]),
      ...routes,
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(<PlanReviewsSection plan={plan} />);
  return fetchMock;
}

describe("PlanReviewsSection", () => {
  it("shows when the review is due and starts one with the reason chosen", async () => {
    const fetchMock = renderSection(aParticipantPlan(), {
      [`POST /api/v1/treatment-plans/${PLAN_ID}/reviews`]: { status: 201, body: aReview() },
    });
    expect(screen.getByText("Review due soon: Apr 3, 2026")).toBeTruthy();
    fireEvent.click(await screen.findByRole("button", { name: S.start }));
    const dialog = await screen.findByRole("dialog", { name: S.startTitle });
    fireEvent.click(within(dialog).getByRole("button", { name: S.start }));
    await waitFor(() =>
      expect(apiCalls(fetchMock).filter((c) => c.route.startsWith("POST"))).toEqual([
        { route: `POST /api/v1/treatment-plans/${PLAN_ID}/reviews`, body: { reason: "scheduled" } },
      ]),
    );
  });

  it("autosaves the open review with its revision and shows Saved, then sends it for signatures", async () => {
    const fetchMock = renderSection(aParticipantPlan({ openReview: aReview() }), {
      [`PUT ${REVIEW_PATH}`]: (_url, body) => ({
        body: aReview({
          revision: (body as { revision: number }).revision + 1,
          updatedAt: "2026-04-01T18:05:00.000Z",
        }),
      }),
      [`POST ${REVIEW_PATH}/finalize`]: { body: aReview({ status: "awaiting_signatures", revision: 3 }) },
    });
    const objective = await screen.findByRole("group", { name: /Lower my low mood/ });
    fireEvent.change(within(objective).getByLabelText(S.note), { target: { value: "PHQ-9 down from 16" } });
    await waitFor(() => expect(screen.getByText(/Saved at/)).toBeTruthy(), { timeout: 8000 });
    const put = apiCalls(fetchMock).find((c) => c.route.startsWith("PUT"));
    expect(put?.body).toMatchObject({ revision: 1, heldOn: "2026-04-01" });
    expect(put?.body.content.progress[0]).toEqual({
      objectiveId: OBJECTIVE_ID,
      status: "in_progress",
      note: "PHQ-9 down from 16",
      value: 12,
    });
    fireEvent.change(screen.getByLabelText(S.summary, { exact: false }), { target: { value: "Going well" } });
    fireEvent.click(screen.getByRole("button", { name: S.sendForSignatures }));
    await waitFor(() =>
      expect(apiCalls(fetchMock).find((c) => c.route.endsWith("/finalize"))?.body).toEqual({ revision: 3 }),
    );
    const puts = apiCalls(fetchMock).filter((c) => c.route.startsWith("PUT"));
    expect(puts.at(-1)?.body).toMatchObject({ revision: 2, content: { summary: "Going well" } });
  });

  it("stops on a conflict, says who saved, and keeps the text typed", async () => {
    renderSection(aParticipantPlan({ openReview: aReview() }), {
      [`PUT ${REVIEW_PATH}`]: {
        status: 409,
        body: {
          error: {
            code: "TREATMENT_PLAN_REVIEW_CONFLICT",
            message: "Riley Chen saved this review at 2:04 PM.",
          },
        },
      },
      [`GET ${REVIEW_PATH}`]: {
        body: aReview({ revision: 5, content: { ...aReview().content, summary: "Theirs" } }),
      },
    });
    fireEvent.change(await screen.findByLabelText(S.summary, { exact: false }), {
      target: { value: "Mine" },
    });
    expect(
      await screen.findByText("Riley Chen saved this review at 2:04 PM.", {}, { timeout: 8000 }),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: S.reload }));
    expect(await screen.findByText(S.yourChanges)).toBeTruthy();
    expect(screen.getByText("Mine")).toBeTruthy();
    expect((screen.getByLabelText(S.summary, { exact: false }) as HTMLTextAreaElement).value).toBe("Theirs");
  });

  it("keeps the review when the connection is lost and saves it when the browser is back online", async () => {
    const api = fakeApiWith({
      "GET /api/v1/sessions/current": sessionWith(["clinical.view", "clinical.write"]),
      [`PUT ${REVIEW_PATH}`]: { body: aReview({ revision: 2, updatedAt: "2026-04-01T18:05:00.000Z" }) },
    });
    let online = false;
    const fetchMock = vi.fn(async (input: string, init?: RequestInit) => {
      if (!online && init?.method === "PUT") throw new TypeError("Failed to fetch");
      return api(input, init);
    });
    vi.stubGlobal("fetch", fetchMock);
    renderWithProviders(<PlanReviewsSection plan={aParticipantPlan({ openReview: aReview() })} />);
    fireEvent.change(await screen.findByLabelText(S.summary, { exact: false }), {
      target: { value: "Written on the train" },
    });
    expect(await screen.findByText(S.offline, {}, { timeout: 8000 })).toBeTruthy();
    online = true;
    window.dispatchEvent(new Event("online"));
    await waitFor(() => expect(screen.getByText(/Saved at/)).toBeTruthy());
    const puts = apiCalls(fetchMock).filter((c) => c.route.startsWith("PUT"));
    expect(puts.at(-1)?.body).toMatchObject({ revision: 1, content: { summary: "Written on the train" } });
  });

  it("lists past reviews with a PDF link for the signed ones", async () => {
    const { content: _c, ...signed } = aReview({ status: "signed", signedAt: "2026-04-02T15:00:00.000Z" });
    renderSection(aParticipantPlan({ reviews: [signed] }));
    const link = await screen.findByRole("link", { name: "Download review 1 (PDF)" });
    expect(link.getAttribute("href")).toBe(`${REVIEW_PATH}/pdf`);
  });
});
