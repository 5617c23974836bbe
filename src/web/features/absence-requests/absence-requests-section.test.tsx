// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import i18n from "i18next";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { AbsenceRequest } from "../../../core/absence-requests/absence-requests.schema";
import { todayEn } from "../../i18n/today.en";
import { todayEs } from "../../i18n/today.es";
import { apiCalls, renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith } from "../admin/admin-testing";
import {
  PARTICIPANT,
  setUpParticipantScheduleDom,
} from "../participant-schedule/participant-schedule-testing";
import { AbsenceRequestsSection } from "./absence-requests-section";

const C = todayEn.chartAbsences;
const ID = "5d6e7f80-1a2b-4c3d-8e9f-0a1b2c3d4e5f";
const PATH = `/api/v1/participants/${PARTICIPANT}/absence-requests`;

beforeAll(async () => {
  await setUpParticipantScheduleDom();
  i18n.addResourceBundle("en", "today", todayEn, true, true);
  i18n.addResourceBundle("es", "today", todayEs, true, true);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function aRequest(change: Partial<AbsenceRequest> = {}): AbsenceRequest {
  return {
    id: ID,
    participantId: PARTICIPANT,
    sessionId: `group:8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f:2026-03-12T18:00`,
    kind: "group",
    title: "Adult evening",
    occursOn: "2026-03-12",
    reason: "transport",
    note: "Bus strike",
    status: "pending",
    requestedAt: "2026-03-10T14:00:00.000Z",
    decidedAt: null,
    decidedBy: null,
    decisionNote: "",
    ...change,
  };
}

function renderSection(requests: AbsenceRequest[], canDecide: boolean) {
  let list = requests;
  const fetchMock = vi.fn(
    fakeApiWith({
      [`GET ${PATH}`]: () => ({ body: { requests: list } }),
      [`POST /api/v1/absence-requests/${ID}/decision`]: (_url, body) => {
        const decided = aRequest({
          status: (body as { decision: string }).decision === "approve" ? "approved" : "declined",
          decidedBy: "Dana Director",
          decidedAt: "2026-03-10T15:00:00.000Z",
          decisionNote: (body as { note: string }).note,
        });
        list = [decided];
        return { body: decided };
      },
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(
    <AbsenceRequestsSection participantId={PARTICIPANT} canDecide={canDecide} highlight={ID} />,
  );
  return fetchMock;
}

describe("AbsenceRequestsSection", () => {
  it("approves a waiting request with a note for the participant, then shows who approved it", async () => {
    const fetchMock = renderSection([aRequest()], true);
    const section = within(await screen.findByRole("region", { name: C.title }));
    expect(await section.findByText("Reason: No way to get there")).toBeTruthy();
    expect(section.getByText("Note: Bus strike")).toBeTruthy();
    fireEvent.change(section.getByLabelText(/^Note to the participant about Adult evening/), {
      target: { value: " See you Monday. " },
    });
    fireEvent.click(section.getByRole("button", { name: C.approve }));
    await waitFor(() =>
      expect(apiCalls(fetchMock).find((c) => c.route.startsWith("POST"))?.body).toEqual({
        decision: "approve",
        note: "See you Monday.",
      }),
    );
    expect(await section.findByText("Approved by Dana Director")).toBeTruthy();
    expect(section.queryByRole("button", { name: C.approve })).toBeNull();
  });

  it("shows requests without the buttons to someone who may not decide, and says when there are none", async () => {
    renderSection([aRequest()], false);
    const section = within(await screen.findByRole("region", { name: C.title }));
    expect(await section.findByText(C.status.pending)).toBeTruthy();
    expect(section.queryByRole("button", { name: C.approve })).toBeNull();
    cleanup();
    renderSection([], true);
    expect(await screen.findByText(C.empty)).toBeTruthy();
  });
});
