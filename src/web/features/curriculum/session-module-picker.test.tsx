// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { RequireSession } from "../../app/require-session";
import { apiCalls, renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith, sessionWith } from "../admin/admin-testing";
import { aSummary, setUpCurriculumDom } from "./curriculum-testing";
import { SessionModulePicker } from "./session-module-picker";

beforeAll(setUpCurriculumDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const TRACK = "3f6c2b1a-9d8e-4c7b-a6f5-e4d3c2b1a098";
const KEY = "2026-11-30T18:00";
const PATH = `/api/v1/tracks/${TRACK}/occurrences/${KEY}/module`;
const plannedWith = (moduleKey: string | null) => ({
  trackId: TRACK,
  occurrenceKey: KEY,
  planned: moduleKey
    ? {
        occurrenceKey: KEY,
        moduleKey,
        title: { en: "Urge surfing", es: "Surfear la urgencia" },
        archived: false,
        plannedAt: "2026-11-20T15:00:00.000Z",
        plannedBy: null,
      }
    : null,
});

function renderPicker(permissions: string[], planned: string | null) {
  let current = planned;
  const fetchMock = vi.fn(
    fakeApiWith({
      "GET /api/v1/sessions/current": sessionWith(permissions),
      "GET /api/v1/curriculum/modules": {
        body: {
          modules: [aSummary("urge-surfing", { title: "Urge surfing" }), aSummary("halt", { title: "HALT" })],
        },
      },
      [`GET ${PATH}`]: () => ({ body: plannedWith(current) }),
      [`PUT ${PATH}`]: (_url, body) => {
        current = (body as { moduleKey: string | null }).moduleKey;
        return { body: plannedWith(current) };
      },
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(
    <RequireSession kind="staff">
      <SessionModulePicker trackId={TRACK} occurrenceKey={KEY} />
    </RequireSession>,
  );
  return fetchMock;
}

describe("The session's module", () => {
  it("lets a scheduler plan the session with a module from the library", async () => {
    const fetchMock = renderPicker(["schedule.view", "schedule.manage"], null);
    const select = await screen.findByRole("combobox", { name: "Choose a module" });
    fireEvent.focus(select);
    fireEvent.click(select);
    fireEvent.keyDown(select, { key: "ArrowDown" });
    const options = await screen.findAllByRole("option", { name: "HALT", hidden: true });
    fireEvent.click(options.find((o) => o.hasAttribute("data-combobox-option"))!);
    await waitFor(() =>
      expect(apiCalls(fetchMock).find((c) => c.route.startsWith("PUT"))?.body).toEqual({ moduleKey: "halt" }),
    );
  });

  it("shows others the planned module as a link, with no picker", async () => {
    renderPicker(["schedule.view"], "urge-surfing");
    const link = await screen.findByRole("link", { name: "Open “Urge surfing”" });
    expect(link.getAttribute("href")).toBe("/staff/curriculum/urge-surfing");
    expect(screen.queryByRole("combobox")).toBeNull();
  });
});
