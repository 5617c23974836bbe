// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import i18n from "i18next";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type {
  HandoffOverview,
  HandoffRecipient,
  HandoffRecipientList,
} from "../../../core/handoffs/handoff.schema";
import { handoffsEn as H } from "../../i18n/handoffs.en";
import { handoffsEs } from "../../i18n/handoffs.es";
import { apiCalls, renderWithProviders, setUpDom } from "../../test-support/render-with-providers";
import { fakeApiWith, sessionWith } from "../admin/admin-testing";
import { aRecord } from "../treatment-plans/plan-editor-testing";
import { HandoffSection } from "./handoff-section";

const record = aRecord();
const BASE = `/api/v1/participants/${record.id}/handoffs`;

const harbor: HandoffRecipient = {
  consentId: "0b5f0c1e-4d1a-4b7e-8f36-1e2d3c4b5a69",
  consentKind: "named_recipient",
  consentSignedOn: "2026-03-20",
  consentExpiresOn: "2027-03-20",
  recipientId: "7a4f1f0e-3b8c-4e61-9d7e-2c1b0a9f8e7d",
  name: "Harbor Outpatient Clinic",
  relationship: "step-down provider",
  eligible: true,
  problems: [],
  reasons: [],
  categories: ["diagnosis", "treatment_plan"],
  withheld: [],
  isStepDownProvider: true,
};
const sister: HandoffRecipient = {
  ...harbor,
  consentId: "1c6a1d2f-5e2b-4c8f-9a47-2f3e4d5c6b7a",
  recipientId: "8b5a2a1f-4c9d-4f72-8e8f-3d2c1b0a9f8e",
  name: "Sam Sister",
  relationship: "sister",
  eligible: false,
  reasons: ["purpose_not_treatment"],
  categories: [],
  isStepDownProvider: false,
};

const recipients = (list: HandoffRecipient[]): HandoffRecipientList => ({
  stepDownProvider: "Harbor Outpatient Clinic",
  recipients: list,
});
const overview = (overrides: Partial<HandoffOverview> = {}): HandoffOverview => ({
  handoffs: [],
  tasks: [],
  ...overrides,
});
const TASK = {
  id: "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a",
  kind: "confirm_first_appointment" as const,
  appointmentOn: "2026-04-14",
  dueOn: "2026-04-15",
  status: "open" as const,
  overdue: true,
  outcome: null,
  note: "",
  completedBy: null,
  completedAt: null,
};

beforeAll(async () => {
  await setUpDom();
  i18n.addResourceBundle("en", "handoffs", H, true, true);
  i18n.addResourceBundle("es", "handoffs", handoffsEs, true, true);
  URL.createObjectURL = vi.fn(() => "blob:packet");
  URL.revokeObjectURL = vi.fn();
  // The download link is clicked; jsdom does not navigate.
  HTMLAnchorElement.prototype.click = vi.fn();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderSection(
  routes: Parameters<typeof fakeApiWith>[0],
  permissions = ["consents.manage", "clinical.write"],
) {
  const fetchMock = vi.fn(
    fakeApiWith({
      "GET /api/v1/sessions/current": sessionWith(permissions as never),
      [`GET ${BASE}`]: { body: overview() },
      ...routes,
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(<HandoffSection record={record} />);
  return fetchMock;
}

describe("HandoffSection", () => {
  it("sends the PDF packet to the eligible provider after a confirmation naming them, and says why others cannot receive it", async () => {
    const fetchMock = renderSection({
      [`GET ${BASE}/recipients`]: { body: recipients([harbor, sister]) },
      [`POST ${BASE}`]: { body: {} },
    });
    const eligible = within(await screen.findByRole("list", { name: H.recipients.eligible }));
    expect(eligible.getByText("Harbor Outpatient Clinic")).toBeTruthy();
    expect(eligible.getByText(H.recipients.stepDownBadge)).toBeTruthy();
    expect(screen.getByText(/Sam Sister/).textContent).toContain(H.reasons.purpose_not_treatment);

    fireEvent.click(eligible.getByRole("button", { name: H.send.pdf }));
    const dialog = within(await screen.findByRole("dialog", { name: H.send.confirmTitle }));
    expect(dialog.getByText(/A PDF referral packet for Harbor Outpatient Clinic will download/)).toBeTruthy();
    expect(apiCalls(fetchMock).filter((c) => c.route.startsWith("POST"))).toEqual([]);
    fireEvent.click(dialog.getByRole("button", { name: H.send.confirm }));
    await waitFor(() => expect(screen.getByText(H.send.done)).toBeTruthy());
    expect(apiCalls(fetchMock).filter((c) => c.route.startsWith("POST"))).toEqual([
      {
        route: `POST ${BASE}`,
        body: { consentId: harbor.consentId, recipientId: harbor.recipientId, channel: "referral_packet" },
      },
    ]);
    expect(URL.createObjectURL).toHaveBeenCalled();
  });

  it("shows the consent's problems when the send is refused", async () => {
    renderSection({
      [`GET ${BASE}/recipients`]: { body: recipients([harbor]) },
      [`POST ${BASE}`]: {
        status: 403,
        body: { error: { code: "DISCLOSURE_NOT_ALLOWED", message: "No consent.", problems: ["revoked"] } },
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: H.send.fhir }));
    fireEvent.click(within(await screen.findByRole("dialog")).getByRole("button", { name: H.send.confirm }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(H.send.refusedTitle);
    expect(alert.textContent).toContain(H.problems.revoked);
  });

  it("explains when nobody may receive the packet and links to the Consents tab", async () => {
    renderSection({ [`GET ${BASE}/recipients`]: { body: recipients([sister]) } });
    expect(await screen.findByText(H.recipients.none)).toBeTruthy();
    expect(screen.getByRole("link", { name: H.recipients.consentsLink }).getAttribute("href")).toBe(
      `/staff/participants/${record.id}?tab=consents`,
    );
    expect(screen.queryByRole("button", { name: H.send.pdf })).toBeNull();
  });

  it("shows the overdue task and records its outcome, asking for a note when they did not attend", async () => {
    const fetchMock = renderSection({
      [`GET ${BASE}/recipients`]: { body: recipients([harbor]) },
      [`GET ${BASE}`]: { body: overview({ tasks: [TASK] }) },
      [`POST ${BASE}/tasks/${TASK.id}/outcome`]: {
        body: { ...TASK, status: "done", overdue: false, outcome: "missed", note: "No show; rebooked." },
      },
    });
    expect(await screen.findByText(H.task.overdue)).toBeTruthy();
    const select = screen.getAllByLabelText(H.task.outcome, { exact: false })[0]!;
    fireEvent.focus(select);
    fireEvent.click(select);
    fireEvent.keyDown(select, { key: "ArrowDown" });
    const options = await screen.findAllByRole("option", { name: H.task.outcomes.missed, hidden: true });
    fireEvent.click(options.find((o) => o.hasAttribute("data-combobox-option"))!);
    fireEvent.click(screen.getByRole("button", { name: H.task.save }));
    expect(await screen.findByText(/a missed, rescheduled or unknown appointment needs a note/)).toBeTruthy();
    expect(apiCalls(fetchMock).filter((c) => c.route.includes("outcome"))).toEqual([]);
    fireEvent.change(screen.getByLabelText(H.task.note, { exact: false }), {
      target: { value: "No show; rebooked." },
    });
    fireEvent.click(screen.getByRole("button", { name: H.task.save }));
    await waitFor(() =>
      expect(apiCalls(fetchMock).filter((c) => c.route.includes("outcome"))).toEqual([
        {
          route: `POST ${BASE}/tasks/${TASK.id}/outcome`,
          body: { outcome: "missed", note: "No show; rebooked." },
        },
      ]),
    );
  });

  it("is not shown to staff who cannot manage consents", async () => {
    const fetchMock = renderSection({}, ["clinical.view"]);
    await waitFor(() =>
      expect(apiCalls(fetchMock).some((c) => c.route === "GET /api/v1/sessions/current")).toBe(true),
    );
    expect(screen.queryByRole("heading", { name: H.title })).toBeNull();
  });
});
