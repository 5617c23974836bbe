// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { en } from "../../i18n/en";
import { fakeApi, renderWithProviders, setUpDom } from "../../test-support/render-with-providers";
import { GetHelpPage } from "./get-help-page";
import { InquiryPage } from "./inquiry-page";
import { ProgramPage } from "./program-page";

beforeAll(setUpDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const NORTH = { id: "5d0c1a7e-3b1f-4c6a-9e2d-8f7b6a5c4d31", name: "Northside Clinic" };
const RIVER = { id: "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", name: "Riverside Clinic" };

const BODY = [
  "# Evening IOP at Riverside",
  "",
  "Groups meet **three evenings** a week.",
  "",
  "## What to bring",
  "",
  "- A photo ID",
  "- Your insurance card",
  "",
  "<script>window.hacked = true</script>",
  "",
  "Read [our FAQ](https://example.org/faq).",
].join("\n");

function renderAt(path: string, routes: Parameters<typeof fakeApi>[0] = {}) {
  vi.stubGlobal(
    "fetch",
    vi.fn(
      fakeApi({
        "GET /api/v1/public/sites": { body: { sites: [NORTH, RIVER] } },
        [`GET /api/v1/public/program-pages/${RIVER.id}`]: {
          body: { siteId: RIVER.id, siteName: RIVER.name, bodyMarkdown: BODY, week: [], updatedAt: null },
        },
        ...routes,
      }),
    ),
  );
  renderWithProviders(
    <Routes>
      <Route path="/get-help" element={<GetHelpPage />} />
      <Route path="/get-help/programs/:siteId" element={<ProgramPage />} />
      <Route path="/get-help/inquiry" element={<InquiryPage />} />
    </Routes>,
    path,
  );
}

describe("ProgramPage", () => {
  it("renders the site's markdown under the site name, headings one level down, with lists and links", async () => {
    renderAt(`/get-help/programs/${RIVER.id}`);
    expect((await screen.findByRole("heading", { level: 1, name: RIVER.name })).textContent).toBe(RIVER.name);
    expect(screen.getByRole("heading", { level: 2, name: "Evening IOP at Riverside" })).toBeTruthy();
    expect(screen.getByRole("heading", { level: 3, name: "What to bring" })).toBeTruthy();
    expect(screen.getByText("A photo ID").tagName).toBe("LI");
    expect(screen.getByText("three evenings").tagName).toBe("STRONG");
    const faq = screen.getByRole("link", { name: "our FAQ" });
    expect(faq.getAttribute("href")).toBe("https://example.org/faq");
    expect(faq.getAttribute("target")).toBeNull();
    expect(document.title).toBe(`${RIVER.name} · Bridgeway`);
  });

  it("shows raw HTML in the markdown as text, never as an element", async () => {
    renderAt(`/get-help/programs/${RIVER.id}`);
    await screen.findByRole("heading", { level: 1, name: RIVER.name });
    expect(document.querySelector("main script")).toBeNull();
    expect(screen.getByText("<script>window.hacked = true</script>", { exact: false })).toBeTruthy();
    expect((window as { hacked?: boolean }).hacked).toBeUndefined();
  });

  it("offers the crisis line and a question that starts with this location chosen", async () => {
    renderAt(`/get-help/programs/${RIVER.id}`);
    await screen.findByRole("heading", { level: 1, name: RIVER.name });
    for (const call of screen.getAllByRole("link", { name: en.crisis.call988 }))
      expect(call.getAttribute("href")).toBe("tel:988");
    expect(screen.getByRole("heading", { level: 2, name: en.crisis.title })).toBeTruthy();
    const ask = screen.getByRole("link", { name: en.getHelp.program.ask });
    expect(ask.getAttribute("href")).toBe(`/get-help/inquiry?site=${RIVER.id}`);
    fireEvent.click(ask);
    await screen.findByRole("option", { name: RIVER.name });
    await waitFor(() =>
      expect((screen.getByLabelText(/^Location/) as HTMLSelectElement).value).toBe(RIVER.id),
    );
  });

  it("shows what a week looks like from the location's tracks: days, times, hours and a start date", async () => {
    const week = [
      {
        name: "Morning IOP",
        levelOfCare: "2.1",
        audience: "adult",
        telehealth: true,
        timeZone: "America/Chicago",
        startsOn: "2026-12-07",
        sessions: [
          { weekday: 1, start: "09:00", end: "12:00" },
          { weekday: 3, start: "09:00", end: "11:30" },
        ],
        minutesPerWeek: 330,
      },
      {
        name: "Teen evening group",
        levelOfCare: "2.1",
        audience: "adolescent",
        telehealth: false,
        timeZone: "America/Chicago",
        startsOn: null,
        sessions: [{ weekday: 2, start: "16:00", end: "17:00" }],
        minutesPerWeek: 60,
      },
    ];
    renderAt(`/get-help/programs/${RIVER.id}`, {
      [`GET /api/v1/public/program-pages/${RIVER.id}`]: {
        body: { siteId: RIVER.id, siteName: RIVER.name, bodyMarkdown: BODY, week, updatedAt: null },
      },
    });
    const title = await screen.findByRole("heading", { level: 2, name: en.getHelp.program.week.title });
    expect(title.id).toBe("program-week-title");
    const morning = screen.getByRole("article", { name: "Morning IOP" });
    expect(morning.textContent).toContain("2.1 · ");
    expect([...morning.querySelectorAll("li")].map((li) => li.textContent?.replace(/\s+/g, " "))).toEqual([
      "Monday, 9:00 AM – 12:00 PM",
      "Wednesday, 9:00 – 11:30 AM",
    ]);
    expect(morning.textContent).toContain("5.5 hours of group a week");
    expect(morning.textContent).toContain("Starts Dec 7, 2026");
    expect(morning.textContent).toContain(en.getHelp.program.week.byVideo);
    const teens = screen.getByRole("article", { name: "Teen evening group" });
    expect(teens.textContent).toContain("1 hour of group a week");
    expect(teens.textContent).toContain(en.getHelp.program.week.adolescents);
    expect(teens.textContent).not.toContain("Starts");
  });

  it("leaves the week out when the location has no tracks yet", async () => {
    renderAt(`/get-help/programs/${RIVER.id}`);
    await screen.findByRole("heading", { level: 1, name: RIVER.name });
    expect(screen.queryByRole("heading", { name: en.getHelp.program.week.title })).toBeNull();
  });

  it("says when the location does not exist", async () => {
    renderAt("/get-help/programs/00000000-0000-4000-8000-000000000000");
    expect(
      (await screen.findByRole("heading", { level: 1, name: en.getHelp.program.notFoundTitle })).textContent,
    ).toBe(en.getHelp.program.notFoundTitle);
    expect(screen.getByText(en.getHelp.program.notFoundBody)).toBeTruthy();
  });

  it("lists each location on Get help with a link to its program page", async () => {
    renderAt("/get-help");
    const link = await screen.findByRole("link", {
      name: en.getHelp.landing.locationLink.replace("{{name}}", RIVER.name),
    });
    expect(link.getAttribute("href")).toBe(`/get-help/programs/${RIVER.id}`);
    expect(
      screen
        .getByRole("link", { name: en.getHelp.landing.locationLink.replace("{{name}}", NORTH.name) })
        .getAttribute("href"),
    ).toBe(`/get-help/programs/${NORTH.id}`);
  });
});
