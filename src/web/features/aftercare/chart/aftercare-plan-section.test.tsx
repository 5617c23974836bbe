// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import i18n from "i18next";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { aftercarePlanContentSchema } from "../../../../core/aftercare/aftercare-plan.schema";
import type { AftercarePlan } from "../../../../core/aftercare/aftercare-plan-api.schema";
import type { ParticipantRecord } from "../../../../core/participants/participants.schema";
import { aftercareEn } from "../../../i18n/aftercare.en";
import { apiCalls, renderWithProviders, setUpDom } from "../../../test-support/render-with-providers";
import { fakeApiWith, sessionWith } from "../../admin/admin-testing";
import { AftercarePlanSection } from "./aftercare-plan-section";

const PARTICIPANT = "2b0d7c52-8a0b-4d55-9f3e-6a1c2e9b7d40";
const PATH = `/api/v1/participants/${PARTICIPANT}/aftercare-plan`;

beforeAll(async () => {
  await setUpDom();
  i18n.addResourceBundle("en", "aftercare", aftercareEn, true, true);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const plan = (over: Partial<AftercarePlan> = {}): AftercarePlan => ({
  episode: { id: "5d8f3a2e-1b4c-4e6f-8a9b-0c1d2e3f4a5b", admittedOn: "2026-10-01", dischargedOn: null },
  version: 5,
  status: "draft",
  content: aftercarePlanContentSchema.parse({ stepDown: { kind: "outpatient_here", providerName: "" } }),
  updatedAt: "2026-11-20T20:00:00.000Z",
  updatedBy: { kind: "participant", displayName: "Ana Diaz" },
  participantSignedAt: "2026-11-20T20:05:00.000Z",
  staffSignedAt: null,
  staffSignedBy: null,
  gaps: { blocking: [], advisory: [] },
  safetyPlan: null,
  ...over,
});

describe("The chart's aftercare plan", () => {
  it("signs as clinician only after the confirmation, and shows the plan signed by both", async () => {
    const fetchMock = vi.fn(
      fakeApiWith({
        "GET /api/v1/sessions/current": sessionWith(["clinical.view", "clinical.write"]),
        [`GET ${PATH}`]: { body: plan() },
        [`POST ${PATH}/sign`]: {
          body: plan({
            status: "signed",
            staffSignedAt: "2026-11-20T20:10:00.000Z",
            staffSignedBy: "Alex Kim",
          }),
        },
      }),
    );
    vi.stubGlobal("fetch", fetchMock);
    renderWithProviders(<AftercarePlanSection record={{ id: PARTICIPANT } as ParticipantRecord} />);
    expect(await screen.findByText(/Participant signed on/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Sign as clinician" }));
    const dialog = await screen.findByRole("dialog", { name: "Sign this aftercare plan?" });
    expect(apiCalls(fetchMock).some((c) => c.route === `POST ${PATH}/sign`)).toBe(false);
    fireEvent.click(within(dialog).getByRole("button", { name: "Sign" }));
    expect(await screen.findByRole("heading", { name: "Signatures: Signed by both" })).toBeTruthy();
    expect(screen.getByText(/Signed by Alex Kim on/)).toBeTruthy();
    expect(apiCalls(fetchMock).find((c) => c.route === `POST ${PATH}/sign`)?.body).toEqual({ version: 5 });
  });

  it("reads without Edit or Sign for a reader without clinical.write", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(
        fakeApiWith({
          "GET /api/v1/sessions/current": sessionWith(["clinical.view"]),
          [`GET ${PATH}`]: { body: plan() },
        }),
      ),
    );
    renderWithProviders(<AftercarePlanSection record={{ id: PARTICIPANT } as ParticipantRecord} />);
    expect(await screen.findByText("Outpatient care here")).toBeTruthy();
    expect(screen.queryByRole("button", { name: /^Edit/ })).toBeNull();
    expect(screen.queryByRole("button", { name: "Sign as clinician" })).toBeNull();
  });
});
