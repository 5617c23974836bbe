// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { intakeEn } from "../../i18n/intake.en";
import { apiCalls } from "../../test-support/render-with-providers";
import { fakeApiWith } from "../admin/admin-testing";
import { LEAD_ID, leadApi, leadDetail, renderLeadPage, setUpIntakeDom } from "./intake-testing";

beforeAll(setUpIntakeDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderLead(lead: ReturnType<typeof leadDetail>, routes: Parameters<typeof fakeApiWith>[0] = {}) {
  const fetchMock = vi.fn(fakeApiWith(leadApi(lead, routes)));
  vi.stubGlobal("fetch", fetchMock);
  renderLeadPage();
  return fetchMock;
}

describe("LeadDetailPage: stage", () => {
  it("shows the contact, the referral handoff and the history", async () => {
    renderLead(leadDetail());
    expect(await screen.findByRole("heading", { level: 1, name: "Robin Ambervale" })).toBeTruthy();
    const handoff = screen.getByRole("region", { name: intakeEn.lead.handoff.title });
    expect(within(handoff).getByText("Harbor Detox")).toBeTruthy();
    expect(within(handoff).getByText("Completed withdrawal management.")).toBeTruthy();
    const history = screen.getByRole("region", { name: intakeEn.lead.history.title });
    expect(within(history).getByText("Received as New")).toBeTruthy();
  });

  it("offers only the moves the pipeline allows, and never 'admitted'", async () => {
    renderLead(leadDetail({ stage: "contacted" }));
    const select = (await screen.findByLabelText(intakeEn.stage.move)) as HTMLSelectElement;
    const options = Array.from(select.options).map((o) => o.value);
    expect(options).toEqual([
      "",
      "screening_scheduled",
      "referred_elsewhere",
      "not_admitted",
      "lost_to_contact",
    ]);
  });

  it("requires a reason for not admitted and asks before closing the lead", async () => {
    const moved = leadDetail({ stage: "not_admitted", notAdmittedReason: "declined_treatment" });
    const fetchMock = renderLead(leadDetail(), {
      [`POST /api/v1/admissions/leads/${LEAD_ID}/stage`]: { body: moved },
    });
    fireEvent.change(await screen.findByLabelText(intakeEn.stage.move), {
      target: { value: "not_admitted" },
    });
    fireEvent.click(screen.getByRole("button", { name: intakeEn.stage.submit }));
    expect(await screen.findByText(intakeEn.errors.reasonRequired)).toBeTruthy();
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByLabelText(new RegExp(intakeEn.stage.reason))),
    );
    expect(apiCalls(fetchMock).some((c) => c.route.endsWith("/stage"))).toBe(false);

    fireEvent.change(screen.getByLabelText(new RegExp(intakeEn.stage.reason)), {
      target: { value: "declined_treatment" },
    });
    fireEvent.click(screen.getByRole("button", { name: intakeEn.stage.submit }));
    const dialog = await screen.findByRole("dialog", { name: intakeEn.stage.confirmTitle });
    expect(apiCalls(fetchMock).some((c) => c.route.endsWith("/stage"))).toBe(false);
    fireEvent.click(within(dialog).getByRole("button", { name: intakeEn.stage.confirm }));
    await waitFor(() =>
      expect(apiCalls(fetchMock).find((c) => c.route.endsWith("/stage"))?.body).toEqual({
        to: "not_admitted",
        notAdmittedReason: "declined_treatment",
      }),
    );
    expect(await screen.findByText(intakeEn.stage.none)).toBeTruthy();
  });

  it("places the server's refusal of a move on the form", async () => {
    renderLead(leadDetail(), {
      [`POST /api/v1/admissions/leads/${LEAD_ID}/stage`]: {
        status: 409,
        body: { error: { code: "ADMISSIONS_TRANSITION_NOT_ALLOWED", message: "Not allowed." } },
      },
    });
    fireEvent.change(await screen.findByLabelText(intakeEn.stage.move), { target: { value: "contacted" } });
    fireEvent.click(screen.getByRole("button", { name: intakeEn.stage.submit }));
    expect(await screen.findByText(intakeEn.errors.transitionNotAllowed)).toBeTruthy();
    expect((screen.getByLabelText(intakeEn.stage.move) as HTMLSelectElement).value).toBe("contacted");
  });
});
