// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import i18n from "i18next";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { PlanWorklistItem } from "../../../core/treatment-plans/plan-api.schema";
import { treatmentPlansAdminEn } from "../../i18n/treatment-plans-admin.en";
import { renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith, setUpAdminDom } from "../admin/admin-testing";
import { WorklistPage } from "./worklist-page";

beforeAll(async () => {
  await setUpAdminDom();
  i18n.addResourceBundle("en", "treatmentPlansAdmin", treatmentPlansAdminEn, true, true);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const text = treatmentPlansAdminEn.worklist;
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const item = (n: number, name: string, state: PlanWorklistItem["state"], dueOn: string | null) => ({
  participant: { id: id(n), name },
  planId: state === "no_plan" ? null : id(100 + n),
  state,
  dueOn,
  admittedOn: "2026-10-05",
});

function renderPage(items: unknown[] | { status: number; body: unknown }) {
  const fetchMock = vi.fn(
    fakeApiWith({
      "GET /api/v1/treatment-plans/worklist": Array.isArray(items) ? { body: { items } } : items,
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(<WorklistPage />, "/staff/treatment-plans");
  return fetchMock;
}

const section = (name: string) => within(screen.getByRole("region", { name }));

describe("Treatment plan worklist", () => {
  it("groups what needs doing by state, most urgent first, with a count per group", async () => {
    renderPage([
      item(1, "Dee Draft", "draft", null),
      item(2, "Olive Overdue", "review_overdue", "2026-11-10"),
      item(3, "Nell Noplan", "no_plan", "2026-11-25"),
      item(4, "Amy Aardvark", "review_overdue", "2026-11-01"),
      item(5, "Sam Signme", "awaiting_my_signature", null),
    ]);
    expect(await screen.findByRole("heading", { level: 1, name: text.title })).toBeTruthy();
    expect(await screen.findByText("5 things to do")).toBeTruthy();
    const headings = screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual([
      text.groups.review_overdue,
      text.groups.awaiting_my_signature,
      text.groups.no_plan,
      text.groups.draft,
    ]);
    const overdue = section(text.groups.review_overdue);
    expect(overdue.getByText("2 participants")).toBeTruthy();
    // The longest overdue first.
    expect(overdue.getAllByRole("link").map((l) => l.textContent)).toEqual(["Amy Aardvark", "Olive Overdue"]);
    expect(overdue.getByText("Was due Nov 1, 2026")).toBeTruthy();
    expect(section(text.groups.no_plan).getByText("Expected by Nov 25, 2026")).toBeTruthy();
    expect(section(text.groups.draft).getByText("1 participant")).toBeTruthy();
    expect(screen.getAllByText("Admitted Oct 5, 2026")).toHaveLength(5);
  });

  it("links each name to the Plan tab of the participant's chart", async () => {
    renderPage([item(7, "Casey Morgan", "awaiting_my_signature", null)]);
    const link = await screen.findByRole("link", { name: "Open the plan of Casey Morgan" });
    expect(link.getAttribute("href")).toBe(`/staff/participants/${id(7)}?tab=plan`);
    expect(link.textContent).toBe("Casey Morgan");
  });

  it("says so when nothing needs doing", async () => {
    renderPage([]);
    expect(await screen.findByText(text.empty)).toBeTruthy();
    expect(screen.queryByRole("heading", { level: 2 })).toBeNull();
  });

  it("offers to try again when the list cannot be loaded, and shows it once it can", async () => {
    let calls = 0;
    const fetchMock = vi.fn(
      fakeApiWith({
        "GET /api/v1/treatment-plans/worklist": () =>
          ++calls === 1
            ? { status: 500, body: { error: { code: "INTERNAL", message: "Something went wrong." } } }
            : { body: { items: [item(8, "Rae Review", "review_due", "2026-11-23")] } },
      }),
    );
    vi.stubGlobal("fetch", fetchMock);
    renderWithProviders(<WorklistPage />, "/staff/treatment-plans");
    fireEvent.click(await screen.findByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("link", { name: "Open the plan of Rae Review" })).toBeTruthy();
    expect(screen.getByText("Due today, Nov 23, 2026")).toBeTruthy();
  });
});
