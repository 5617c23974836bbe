// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { adminEn } from "../../i18n/admin.en";
import { apiCalls, renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith, sessionWith, setUpAdminDom } from "./admin-testing";
import { SitesPage } from "./sites-page";

beforeAll(setUpAdminDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const SITE = {
  id: "5d7f6c2a-1b3e-4c8d-9e0f-1a2b3c4d5e6f",
  name: "Eastside",
  timeZone: "America/Chicago",
  staffCount: 4,
  currentParticipants: 12,
};
const START = "## Intensive outpatient program at Eastside\n\nGroups three days a week.";

function renderSites(put: Parameters<typeof fakeApiWith>[0][string]) {
  const fetchMock = vi.fn(
    fakeApiWith({
      "GET /api/v1/sessions/current": sessionWith(["sites.manage"]),
      "GET /api/v1/sites": { body: { sites: [SITE] } },
      [`GET /api/v1/public/program-pages/${SITE.id}`]: {
        body: { siteId: SITE.id, siteName: SITE.name, bodyMarkdown: START, updatedAt: null },
      },
      [`PUT /api/v1/program-pages/${SITE.id}`]: put,
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(<SitesPage />, "/staff/admin/sites");
  return fetchMock;
}

async function openEditor() {
  fireEvent.click(await screen.findByRole("button", { name: "Edit public page of Eastside" }));
  const dialog = within(await screen.findByRole("dialog", { name: "Public page of Eastside" }));
  const textarea = (await dialog.findByLabelText(/^Page text/)) as HTMLTextAreaElement;
  return {
    dialog,
    textarea,
    preview: within(dialog.getByRole("region", { name: adminEn.sites.programPage.previewLabel })),
  };
}

describe("Program page editor", () => {
  it("previews the markdown as it is typed, counts characters, and saves the body", async () => {
    const fetchMock = renderSites((_url, body) => ({
      body: {
        siteId: SITE.id,
        siteName: SITE.name,
        bodyMarkdown: (body as { bodyMarkdown: string }).bodyMarkdown,
        updatedAt: "2026-03-03T15:05:00.000Z",
      },
    }));
    const { dialog, textarea, preview } = await openEditor();
    expect(textarea.value).toBe(START);
    expect(preview.getByRole("heading", { name: "Intensive outpatient program at Eastside" })).toBeTruthy();
    expect(dialog.getByText(`${START.length} of 20,000 characters`)).toBeTruthy();

    const next = "# Evening groups\n\n- Monday\n- Wednesday\n\n<img src=x onerror=alert(1)>";
    fireEvent.change(textarea, { target: { value: next } });
    expect(preview.getByRole("heading", { level: 2, name: "Evening groups" })).toBeTruthy();
    expect(preview.getByText("Wednesday").tagName).toBe("LI");
    expect(preview.queryByRole("heading", { name: "Intensive outpatient program at Eastside" })).toBeNull();
    expect(dialog.getByText(`${next.length} of 20,000 characters`)).toBeTruthy();
    expect(document.querySelector("[role=dialog] img")).toBeNull();

    const view = dialog.getByRole("link", { name: adminEn.sites.programPage.view });
    expect(view.getAttribute("href")).toBe(`/get-help/programs/${SITE.id}`);

    fireEvent.click(dialog.getByRole("button", { name: adminEn.actions.save }));
    expect(await screen.findByText("Public page of Eastside saved.")).toBeTruthy();
    expect(apiCalls(fetchMock).filter((c) => c.route.startsWith("PUT"))).toEqual([
      { route: `PUT /api/v1/program-pages/${SITE.id}`, body: { bodyMarkdown: next } },
    ]);
  });

  it("refuses a too-short page before sending, and shows the server's field error on the text", async () => {
    const fetchMock = renderSites({
      status: 400,
      body: {
        error: {
          code: "VALIDATION_FAILED",
          message: "Check the fields.",
          fields: [{ path: "bodyMarkdown", message: "Use at most 20,000 characters." }],
        },
      },
    });
    const { dialog, textarea } = await openEditor();
    fireEvent.change(textarea, { target: { value: "Too short" } });
    fireEvent.click(dialog.getByRole("button", { name: adminEn.actions.save }));
    expect(await dialog.findByText(adminEn.errors.programPageTooShort)).toBeTruthy();
    expect(apiCalls(fetchMock).filter((c) => c.route.startsWith("PUT"))).toEqual([]);

    fireEvent.change(textarea, { target: { value: "A page long enough to be accepted here." } });
    fireEvent.click(dialog.getByRole("button", { name: adminEn.actions.save }));
    await waitFor(() => expect(textarea.getAttribute("aria-invalid")).toBe("true"));
    expect(dialog.getByText("Use at most 20,000 characters.")).toBeTruthy();
  });

  it("says plainly when the server refuses the save", async () => {
    renderSites({ status: 403, body: { error: { code: "ACCESS_DENIED", message: "Not allowed." } } });
    const { dialog, textarea } = await openEditor();
    fireEvent.change(textarea, { target: { value: "A page long enough to be accepted here." } });
    fireEvent.click(dialog.getByRole("button", { name: adminEn.actions.save }));
    expect((await dialog.findByRole("alert")).textContent).toBe(adminEn.errors.forbidden);
  });
});
