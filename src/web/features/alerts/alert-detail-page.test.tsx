// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Alert } from "../../../core/alerts/alerts.schema";
import { RequireSession } from "../../app/require-session";
import { adminEn } from "../../i18n/admin.en";
import { apiCalls, renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith, sessionWith, setUpAdminDom } from "../admin/admin-testing";
import { AlertDetailPage } from "./alert-detail-page";
import { ALERT_ID, anAlert, PARTICIPANT_ID } from "./alerts-testing";

beforeAll(setUpAdminDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const URL_ = `/api/v1/alerts/${ALERT_ID}`;
const T = adminEn.alertInbox;

function renderAlert(
  routes: Parameters<typeof fakeApiWith>[0],
  permissions = ["alerts.view", "alerts.manage"],
) {
  const fetchMock = vi.fn(
    fakeApiWith({ "GET /api/v1/sessions/current": sessionWith(permissions), ...routes }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(
    <Routes>
      <Route
        path="/staff/alerts/:id"
        element={
          <RequireSession kind="staff">
            <AlertDetailPage />
          </RequireSession>
        }
      />
    </Routes>,
    `/staff/alerts/${ALERT_ID}`,
  );
  return fetchMock;
}

/** A server that moves the alert through its states as the page asks. */
function statefulAlert(initial: Alert) {
  let current = initial;
  return {
    [`GET ${URL_}`]: () => ({ body: current }),
    [`POST ${URL_}/acknowledge`]: () => {
      current = {
        ...current,
        state: "acknowledged" as const,
        acknowledgedAt: "2026-03-03T14:10:00.000Z",
        acknowledgedBy: { id: "0b7d3c1e-5a8f-4f57-9d8a-2f6b1c9e7a10", displayName: "Dana Director" },
      };
      return { body: current };
    },
    [`POST ${URL_}/resolve`]: (_url: URL, body: unknown) => {
      current = {
        ...current,
        state: "resolved" as const,
        resolvedAt: "2026-03-03T14:30:00.000Z",
        resolvedBy: { id: "0b7d3c1e-5a8f-4f57-9d8a-2f6b1c9e7a10", displayName: "Dana Director" },
        resolutionNote: (body as { note: string }).note,
      };
      return { body: current };
    },
  };
}

describe("AlertDetailPage", () => {
  it("says why, links the evidence and the record, and names who it is for", async () => {
    renderAlert({ [`GET ${URL_}`]: { body: anAlert({ audience: ["care_team", "clinical_director"] }) } });
    expect(await screen.findByRole("heading", { name: T.kinds.phq9_item9 })).toBeTruthy();
    expect(screen.getByText("Urgent")).toBeTruthy();
    expect(screen.getByText(anAlert().reason)).toBeTruthy();
    expect(screen.getByRole("link", { name: T.evidence.assessment_response }).getAttribute("href")).toBe(
      `/staff/participants/${PARTICIPANT_ID}?tab=assessments&response=r-1&item=q9`,
    );
    expect(screen.getByRole("link", { name: "Riley Stone" }).getAttribute("href")).toBe(
      `/staff/participants/${PARTICIPANT_ID}`,
    );
    expect(screen.getByText("Care team, Clinical director")).toBeTruthy();
  });

  it("acknowledges after a confirmation, then resolves only with a note", async () => {
    const fetchMock = renderAlert(statefulAlert(anAlert()));
    fireEvent.click(await screen.findByRole("button", { name: T.acknowledge.action }));
    const confirm = await screen.findByRole("dialog", { name: T.acknowledge.title });
    expect(within(confirm).getByText(T.acknowledge.body)).toBeTruthy();
    fireEvent.click(within(confirm).getByRole("button", { name: T.acknowledge.confirm }));
    expect(await screen.findByText(/Acknowledged by Dana Director/)).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: T.resolve.action }));
    expect(await screen.findByText(T.resolve.noteRequired)).toBeTruthy();
    expect(screen.queryByRole("dialog")).toBeNull();

    fireEvent.change(screen.getByLabelText(new RegExp(T.resolve.note)), {
      target: { value: "Called Riley; safety plan reviewed; seen tomorrow." },
    });
    fireEvent.click(screen.getByRole("button", { name: T.resolve.action }));
    const resolveDialog = await screen.findByRole("dialog", { name: T.resolve.title });
    fireEvent.click(within(resolveDialog).getByRole("button", { name: T.resolve.confirm }));
    expect(await screen.findByText(/Resolved by Dana Director/)).toBeTruthy();
    expect(screen.getByText("Called Riley; safety plan reviewed; seen tomorrow.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: T.resolve.action })).toBeNull();

    const posts = apiCalls(fetchMock).filter((c) => c.route.startsWith("POST"));
    expect(posts).toEqual([
      { route: `POST ${URL_}/acknowledge`, body: undefined },
      { route: `POST ${URL_}/resolve`, body: { note: "Called Riley; safety plan reviewed; seen tomorrow." } },
    ]);
  });

  it("tells the person when someone else acknowledged it first, and shows the alert as it now is", async () => {
    let acknowledgedElsewhere = false;
    renderAlert({
      [`GET ${URL_}`]: () => ({
        body: acknowledgedElsewhere
          ? anAlert({
              state: "acknowledged",
              acknowledgedAt: "2026-03-03T14:09:00.000Z",
              acknowledgedBy: { id: "1b7d3c1e-5a8f-4f57-9d8a-2f6b1c9e7a10", displayName: "Casey Counselor" },
            })
          : anAlert(),
      }),
      [`POST ${URL_}/acknowledge`]: () => {
        acknowledgedElsewhere = true;
        return { status: 409, body: { error: { code: "ALERTS_ALREADY_ACKNOWLEDGED", message: "" } } };
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: T.acknowledge.action }));
    fireEvent.click(
      within(await screen.findByRole("dialog")).getByRole("button", { name: T.acknowledge.confirm }),
    );
    expect(await screen.findByText(T.errors.ALERTS_ALREADY_ACKNOWLEDGED)).toBeTruthy();
    expect(await screen.findByText(/Acknowledged by Casey Counselor/)).toBeTruthy();
  });

  it("offers no actions to someone who may only read alerts", async () => {
    renderAlert({ [`GET ${URL_}`]: { body: anAlert() } }, ["alerts.view"]);
    await screen.findByRole("heading", { name: T.kinds.phq9_item9 });
    expect(screen.queryByRole("button", { name: T.acknowledge.action })).toBeNull();
  });

  it("says plainly when the alert is not there (or not theirs to see)", async () => {
    renderAlert({ [`GET ${URL_}`]: { status: 404, body: { error: { code: "NOT_FOUND", message: "" } } } });
    expect(await screen.findByRole("heading", { name: T.detail.notFoundTitle })).toBeTruthy();
    await waitFor(() => expect(screen.getByRole("link", { name: T.detail.back })).toBeTruthy());
  });
});
