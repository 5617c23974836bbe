// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { myPlanEn } from "../../i18n/my-plan.en";
import { apiCalls } from "../../test-support/render-with-providers";
import { participantApi, renderParticipantArea } from "../participant-area/participant-area-testing";
import { MyPlanReviewPage } from "./my-plan-review-page";
import { aReview, aVersion, COUNSELOR, REVIEW_ID, setUpMyPlanDom } from "./my-plan-testing";

const T = myPlanEn;

beforeAll(setUpMyPlanDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const awaitingReview = aReview({
  status: "awaiting_signatures",
  revision: 3,
  signatures: [
    {
      role: "clinician",
      signer: COUNSELOR,
      method: "password",
      typedName: null,
      signedAt: "2026-04-01T17:00:00.000Z",
      device: "Firefox on Windows",
    },
  ],
  content: {
    progress: [
      {
        objectiveId: aVersion().content.problems[0]!.objectives[0]!.id,
        status: "met",
        note: "PHQ-9 at 8",
        value: 8,
      },
    ],
    summary: "Casey feels steadier.",
    planChangesNeeded: true,
  },
});

function renderReview(review = awaitingReview) {
  const fetchMock = vi.fn(
    participantApi({
      "GET /api/v1/me/treatment-plan": {
        body: {
          plan: { version: aVersion({ status: "signed" }), awaitingMySignature: false, expectedNames: [] },
        },
      },
      [`GET /api/v1/me/treatment-plan/reviews/${REVIEW_ID}`]: { body: review },
      [`POST /api/v1/me/treatment-plan/reviews/${REVIEW_ID}/signatures`]: { status: 201, body: review },
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderParticipantArea(`/me/plan/reviews/${REVIEW_ID}`, [
    { path: "plan/reviews/:reviewId", element: <MyPlanReviewPage /> },
  ]);
  return fetchMock;
}

describe("MyPlanReviewPage", () => {
  it("reads each objective's progress in words with the summary, and signs with the typed name", async () => {
    const fetchMock = renderReview();
    const progress = await screen.findByRole("region", { name: T.review.progress });
    expect(await within(progress).findByText("Lower my low mood")).toBeTruthy();
    expect(within(progress).getByText(T.status.met)).toBeTruthy();
    expect(within(progress).getByText("Measured now: 8")).toBeTruthy();
    expect(screen.getByText("Casey feels steadier.")).toBeTruthy();
    expect(screen.getByText(T.review.changesNeeded)).toBeTruthy();
    fireEvent.change(screen.getByLabelText(T.sign.name, { exact: false }), {
      target: { value: "Casey Rivers" },
    });
    fireEvent.click(screen.getByRole("checkbox", { name: T.sign.agreeReview }));
    fireEvent.click(screen.getByRole("button", { name: T.sign.submit }));
    expect((await screen.findByRole("status")).textContent).toMatch(/You signed on/);
    expect(apiCalls(fetchMock).find((c) => c.route.startsWith("POST"))?.body).toEqual({
      revision: 3,
      typedName: "Casey Rivers",
    });
  });

  it("offers no signing once the review is signed", async () => {
    renderReview(aReview({ status: "signed", signatures: awaitingReview.signatures }));
    await screen.findByRole("region", { name: T.review.progress });
    expect(screen.queryByRole("button", { name: T.sign.submit })).toBeNull();
  });
});
