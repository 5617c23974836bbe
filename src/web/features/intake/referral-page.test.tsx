// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { intakeEn } from "../../i18n/intake.en";
import { apiCalls, renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith } from "../admin/admin-testing";
import { leadDetail, SITE_ID, setUpIntakeDom } from "./intake-testing";
import { ReferralPage } from "./referral-page";

beforeAll(setUpIntakeDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderReferral(reply: { status?: number; body?: unknown }) {
  const fetchMock = vi.fn(
    fakeApiWith({
      "GET /api/v1/sites": { body: { sites: [{ id: SITE_ID, name: "Eastside" }] } },
      "POST /api/v1/admissions/referrals": reply,
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(
    <Routes>
      <Route path="/staff/admissions/referrals/new" element={<ReferralPage />} />
      <Route path="/staff/admissions/:id" element={<p>Lead page</p>} />
    </Routes>,
    "/staff/admissions/referrals/new",
  );
  return fetchMock;
}

const label = (text: string) => screen.getByLabelText(new RegExp(`^${text}`));

describe("ReferralPage", () => {
  it("checks the form with the server's schema and focuses the first problem", async () => {
    const fetchMock = renderReferral({ status: 201, body: leadDetail() });
    await waitFor(() =>
      expect((label(intakeEn.referral.fields.site) as HTMLSelectElement).value).toBe(SITE_ID),
    );
    fireEvent.click(screen.getByRole("button", { name: intakeEn.referral.submit }));
    expect(await screen.findByText(intakeEn.errors.sourceRequired)).toBeTruthy();
    expect(screen.getByText(intakeEn.errors.personNameRequired)).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(label(intakeEn.referral.fields.source)));
    expect(apiCalls(fetchMock).some((c) => c.route === "POST /api/v1/admissions/referrals")).toBe(false);
  });

  it("asks for the handoff's medications and risks in the summary's description", async () => {
    renderReferral({ status: 201, body: leadDetail() });
    const summary = await screen.findByLabelText(new RegExp(`^${intakeEn.referral.fields.handoffSummary}`));
    const describedBy = summary.getAttribute("aria-describedby") ?? "";
    const description = describedBy
      .split(" ")
      .map((id) => document.getElementById(id)?.textContent)
      .join(" ");
    expect(description).toContain(intakeEn.referral.fields.handoffSummaryHelp);
    expect(intakeEn.referral.fields.handoffSummaryHelp).toMatch(/medications.*risks/);
  });

  it("keeps what was typed and places the server's field error on its field", async () => {
    const fetchMock = renderReferral({
      status: 400,
      body: {
        error: {
          code: "VALIDATION",
          message: "Invalid",
          fields: [{ path: "phone", message: "Enter a phone number." }],
        },
      },
    });
    await waitFor(() =>
      expect((label(intakeEn.referral.fields.site) as HTMLSelectElement).value).toBe(SITE_ID),
    );
    fireEvent.change(label(intakeEn.referral.fields.source), { target: { value: "detox" } });
    fireEvent.change(label(intakeEn.referral.fields.personName), { target: { value: "Robin Ambervale" } });
    fireEvent.change(label(intakeEn.referral.fields.contactMethod), { target: { value: "phone" } });
    fireEvent.change(label(intakeEn.referral.fields.phone), { target: { value: "12" } });
    fireEvent.click(screen.getByRole("button", { name: intakeEn.referral.submit }));
    expect(await screen.findByText("Enter a phone number.")).toBeTruthy();
    expect((label(intakeEn.referral.fields.personName) as HTMLInputElement).value).toBe("Robin Ambervale");
    expect(
      apiCalls(fetchMock).find((c) => c.route === "POST /api/v1/admissions/referrals")?.body,
    ).toMatchObject({
      siteId: SITE_ID,
      source: "detox",
      personName: "Robin Ambervale",
      lastDischargedOn: null,
    });
  });

  it("opens the new lead once recorded", async () => {
    renderReferral({ status: 201, body: leadDetail() });
    await waitFor(() =>
      expect((label(intakeEn.referral.fields.site) as HTMLSelectElement).value).toBe(SITE_ID),
    );
    fireEvent.change(label(intakeEn.referral.fields.source), { target: { value: "detox" } });
    fireEvent.change(label(intakeEn.referral.fields.personName), { target: { value: "Robin Ambervale" } });
    fireEvent.change(label(intakeEn.referral.fields.contactMethod), { target: { value: "phone" } });
    fireEvent.click(screen.getByRole("button", { name: intakeEn.referral.submit }));
    expect(await screen.findByText("Lead page")).toBeTruthy();
  });
});
