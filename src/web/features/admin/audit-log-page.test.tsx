// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { adminEn } from "../../i18n/admin.en";
import { renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith, sessionWith, setUpAdminDom } from "./admin-testing";
import { AuditLogPage } from "./audit-log-page";

beforeAll(setUpAdminDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const PARTICIPANT = "3f0c2b1a-9d8e-4f7a-8b6c-5d4e3f2a1b0c";

const event = (seq: number, outcome: "allowed" | "denied" = "allowed") => ({
  seq,
  occurredAt: "2026-03-03T14:05:00.000Z",
  actor: { id: "0b7d3c1e-5a8f-4f57-9d8a-2f6b1c9e7a10", displayName: `Actor ${seq}`, kind: "staff" },
  action: "participant.view",
  resourceType: "participant",
  resourceId: PARTICIPANT,
  participant: { id: PARTICIPANT, name: "Riley Stone" },
  purpose: "treatment",
  outcome,
  requestId: null,
  ipAddress: null,
  userAgent: null,
  details: null,
});

function renderAudit(path = "/staff/admin/audit") {
  const fetchMock = vi.fn(
    fakeApiWith({
      "GET /api/v1/sessions/current": sessionWith(["audit.view"]),
      "GET /api/v1/audit-events": (url) =>
        url.searchParams.get("before") === "10"
          ? { body: { events: [event(9)], nextBefore: null } }
          : { body: { events: [event(11, "denied"), event(10)], nextBefore: 10 } },
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(
    <Routes>
      <Route path="/staff/admin/audit" element={<AuditLogPage />} />
    </Routes>,
    path,
  );
  return fetchMock;
}

const auditCalls = (fetchMock: ReturnType<typeof renderAudit>) =>
  fetchMock.mock.calls
    .map(([url]) => new URL(String(url), "http://localhost"))
    .filter((url) => url.pathname === "/api/v1/audit-events");

describe("AuditLogPage", () => {
  it("sends the applied filters and links the CSV export to the same filters", async () => {
    const fetchMock = renderAudit();
    await screen.findByText("Actor 11");
    fireEvent.change(screen.getByLabelText(adminEn.audit.filters.participantId), {
      target: { value: PARTICIPANT },
    });
    fireEvent.change(screen.getByLabelText(adminEn.audit.filters.outcome), { target: { value: "denied" } });
    fireEvent.change(screen.getByLabelText(adminEn.audit.filters.from), { target: { value: "2026-03-01" } });
    fireEvent.change(screen.getByLabelText(adminEn.audit.filters.to), { target: { value: "2026-03-31" } });
    fireEvent.click(screen.getByRole("button", { name: adminEn.audit.filters.apply }));

    await waitFor(() => expect(auditCalls(fetchMock).at(-1)?.searchParams.get("outcome")).toBe("denied"));
    const query = auditCalls(fetchMock).at(-1)!.searchParams;
    expect(query.get("participantId")).toBe(PARTICIPANT);
    expect(query.get("from")).toBe("2026-03-01");
    expect(query.get("to")).toBe("2026-03-31");
    expect(query.has("before")).toBe(false);

    const link = screen.getByRole("link", { name: adminEn.audit.export });
    expect(link.hasAttribute("download")).toBe(true);
    const href = new URL(link.getAttribute("href")!, "http://localhost");
    expect(href.pathname).toBe("/api/v1/audit-events/export");
    expect(Object.fromEntries(href.searchParams)).toEqual({
      participantId: PARTICIPANT,
      outcome: "denied",
      from: "2026-03-01",
      to: "2026-03-31",
    });
  });

  it("refuses a date range that ends before it starts, without asking the server", async () => {
    const fetchMock = renderAudit();
    await screen.findByText("Actor 11");
    const before = auditCalls(fetchMock).length;
    fireEvent.change(screen.getByLabelText(adminEn.audit.filters.from), { target: { value: "2026-03-10" } });
    fireEvent.change(screen.getByLabelText(adminEn.audit.filters.to), { target: { value: "2026-03-01" } });
    fireEvent.click(screen.getByRole("button", { name: adminEn.audit.filters.apply }));
    expect(await screen.findByText(adminEn.errors.dateOrder)).toBeTruthy();
    expect(auditCalls(fetchMock).length).toBe(before);
  });

  it("loads older events from where the page ended and marks denials", async () => {
    const fetchMock = renderAudit("/staff/admin/audit?outcome=denied");
    await screen.findByText("Actor 11");
    expect(auditCalls(fetchMock)[0]?.searchParams.get("outcome")).toBe("denied");
    const denied = screen.getByText("Actor 11").closest("tr") as HTMLElement;
    expect(within(denied).getByText(adminEn.outcomes.denied)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: adminEn.audit.older }));
    expect(await screen.findByText("Actor 9")).toBeTruthy();
    expect(auditCalls(fetchMock).at(-1)?.searchParams.get("before")).toBe("10");
    expect(screen.getByText(adminEn.audit.end)).toBeTruthy();
  });
});
