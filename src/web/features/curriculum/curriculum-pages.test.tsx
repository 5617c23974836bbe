// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { aModule } from "../../../core/curriculum/curriculum.test-data";
import { RequireSession } from "../../app/require-session";
import { curriculumEn } from "../../i18n/curriculum.en";
import { apiCalls, renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith, sessionWith } from "../admin/admin-testing";
import { curriculumRoutes } from "./curriculum-routes";
import { aDetail, aSummary, setUpCurriculumDom } from "./curriculum-testing";

beforeAll(setUpCurriculumDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const T = curriculumEn;
const WRITER = ["clinical.view", "clinical.write", "schedule.view"];

function renderAt(path: string, routes: Parameters<typeof fakeApiWith>[0], permissions = WRITER) {
  const fetchMock = vi.fn(
    fakeApiWith({ "GET /api/v1/sessions/current": sessionWith(permissions), ...routes }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(
    <Routes>
      <Route path="/staff/curriculum">
        {curriculumRoutes.map((r) => (
          <Route
            key={r.path ?? "index"}
            index={r.index as true | undefined}
            path={r.path}
            element={<RequireSession kind="staff">{r.element}</RequireSession>}
          />
        ))}
      </Route>
      <Route path="*" element={<p>elsewhere</p>} />
    </Routes>,
    path,
  );
  return fetchMock;
}

describe("Curriculum library", () => {
  const list = (url: URL) => {
    const all = [
      aSummary("urge-surfing", { title: "Urge surfing" }),
      aSummary("thinking-traps", { title: "Thinking traps", category: "cbt", version: 2, source: "program" }),
    ];
    const category = url.searchParams.get("category");
    return { body: { modules: all.filter((m) => !category || m.category === category) } };
  };

  it("lists the modules, filters by category on the server and searches titles as you type", async () => {
    const fetchMock = renderAt("/staff/curriculum", { "GET /api/v1/curriculum/modules": list });
    expect(await screen.findByRole("heading", { level: 1, name: T.library.title })).toBeTruthy();
    expect(await screen.findByRole("link", { name: "Urge surfing" })).toBeTruthy();
    expect(screen.getByText("2 modules")).toBeTruthy();
    expect(screen.getByText("Edited by the program (version 2)")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Urge surfing" }).getAttribute("href")).toBe(
      "/staff/curriculum/urge-surfing",
    );

    fireEvent.change(screen.getByRole("searchbox", { name: T.library.search }), {
      target: { value: "TRAPS" },
    });
    expect(screen.queryByRole("link", { name: "Urge surfing" })).toBeNull();
    expect(screen.getByText("1 module")).toBeTruthy();

    fireEvent.change(screen.getByRole("searchbox", { name: T.library.search }), { target: { value: "" } });
    const category = screen.getByRole("combobox", { name: T.library.category });
    fireEvent.focus(category);
    fireEvent.click(category);
    fireEvent.keyDown(category, { key: "ArrowDown" });
    const options = await screen.findAllByRole("option", { name: T.categories.cbt, hidden: true });
    fireEvent.click(options.find((o) => o.hasAttribute("data-combobox-option"))!);
    await waitFor(() => expect(screen.queryByRole("link", { name: "Urge surfing" })).toBeNull());
    expect(
      apiCalls(fetchMock).some((c) => c.route === "GET /api/v1/curriculum/modules") &&
        fetchMock.mock.calls.some(([url]) => String(url).includes("category=cbt")),
    ).toBe(true);
  });

  it("offers New module only to those who write clinical content", async () => {
    renderAt("/staff/curriculum", { "GET /api/v1/curriculum/modules": list }, ["schedule.view"]);
    await screen.findByRole("link", { name: "Urge surfing" });
    expect(screen.queryByRole("link", { name: T.library.newModule })).toBeNull();
  });

  it("says so when the library is empty, and offers a retry when it cannot load", async () => {
    renderAt("/staff/curriculum", { "GET /api/v1/curriculum/modules": { body: { modules: [] } } });
    expect(await screen.findByText(T.library.emptyLibrary)).toBeTruthy();
    cleanup();
    renderAt("/staff/curriculum", {
      "GET /api/v1/curriculum/modules": { status: 500, body: { error: { code: "INTERNAL", message: "x" } } },
    });
    expect(await screen.findByRole("button", { name: "Try again" })).toBeTruthy();
  });
});

describe("A module's page", () => {
  const detailRoute = { "GET /api/v1/curriculum/modules/urge-surfing": { body: aDetail("urge-surfing") } };

  it("shows goals, the timed outline, the handout, the practice and skills, and switches to Spanish", async () => {
    renderAt("/staff/curriculum/urge-surfing", detailRoute);
    expect(
      await screen.findByRole("heading", { level: 1, name: "Riding the urge (urge-surfing)" }),
    ).toBeTruthy();
    const goals = within(screen.getByRole("region", { name: T.module.goals }));
    expect(goals.getByText("Describe a craving as a wave that passes.")).toBeTruthy();
    const outline = within(screen.getByRole("region", { name: T.module.outline }));
    expect(outline.getAllByText(/\d+ min/).map((e) => e.textContent)).toEqual([
      "15 min",
      "30 min",
      "30 min",
      "15 min",
    ]);
    const handout = within(screen.getByRole("region", { name: "Riding the wave" }));
    expect(handout.getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Notice where you feel it.",
      "Breathe and watch it change.",
    ]);
    expect(screen.getByText("Saved by Dana Director on Nov 20, 2026, 3:00 PM")).toBeTruthy();

    fireEvent.click(screen.getByRole("radio", { name: "Spanish" }));
    expect(
      await screen.findByRole("heading", { level: 1, name: "Surfear la urgencia (urge-surfing)" }),
    ).toBeTruthy();
    expect(screen.getByRole("region", { name: "Montar la ola" })).toBeTruthy();
  });

  it("prints just the handout", async () => {
    const print = vi.fn(() => {
      expect(document.body.classList.contains("curriculum-printing")).toBe(true);
    });
    vi.stubGlobal("print", print);
    renderAt("/staff/curriculum/urge-surfing", detailRoute);
    fireEvent.click(await screen.findByRole("button", { name: T.module.printHandout }));
    expect(print).toHaveBeenCalledOnce();
    window.dispatchEvent(new Event("afterprint"));
    expect(document.body.classList.contains("curriculum-printing")).toBe(false);
  });

  it("archives after confirmation", async () => {
    let archived = false;
    const fetchMock = renderAt("/staff/curriculum/urge-surfing", {
      "GET /api/v1/curriculum/modules/urge-surfing": () => ({ body: aDetail("urge-surfing", { archived }) }),
      "POST /api/v1/curriculum/modules/urge-surfing/archive": () => {
        archived = true;
        return { body: aDetail("urge-surfing", { archived }) };
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: T.module.archive }));
    const dialog = await screen.findByRole("dialog", { name: T.module.confirmArchiveTitle });
    fireEvent.click(within(dialog).getByRole("button", { name: T.module.confirmArchive }));
    expect(await screen.findByText(T.module.archivedNotice)).toBeTruthy();
    expect(apiCalls(fetchMock).map((c) => c.route)).toContain(
      "POST /api/v1/curriculum/modules/urge-surfing/archive",
    );
  });

  it("says when there is no such module", async () => {
    renderAt("/staff/curriculum/nothing", {
      "GET /api/v1/curriculum/modules/nothing": {
        status: 404,
        body: { error: { code: "NOT_FOUND", message: "No" } },
      },
    });
    expect(await screen.findByText(T.states.notFound)).toBeTruthy();
  });
});

describe("The module editor", () => {
  it("names empty fields in both languages before sending anything", async () => {
    const fetchMock = renderAt("/staff/curriculum/new", {});
    fireEvent.click(await screen.findByRole("button", { name: T.editor.saveNew }));
    expect(await screen.findByText(T.editor.fixErrors)).toBeTruthy();
    expect(screen.getByRole("textbox", { name: "Title — English" }).getAttribute("aria-invalid")).toBe(
      "true",
    );
    expect(screen.getByText("The title (Spanish) is required.")).toBeTruthy();
    expect(apiCalls(fetchMock).filter((c) => c.route.startsWith("POST"))).toEqual([]);
  });

  it("saves an edit from the version opened, and shows who saved a newer one on 409", async () => {
    const fetchMock = renderAt("/staff/curriculum/urge-surfing/edit", {
      "GET /api/v1/curriculum/modules/urge-surfing": { body: aDetail("urge-surfing") },
      "PUT /api/v1/curriculum/modules/urge-surfing": {
        status: 409,
        body: {
          error: {
            code: "CURRICULUM_EDIT_CONFLICT",
            message: "Robin Rivera saved version 2 of this module after you opened it.",
            fields: [{ path: "baseVersion", message: "x" }],
          },
        },
      },
    });
    const title = await screen.findByRole("textbox", { name: "Title — English" });
    fireEvent.change(title, { target: { value: "Riding the urge, revised" } });
    fireEvent.click(screen.getByRole("button", { name: T.editor.save }));
    expect(
      await screen.findByText("Robin Rivera saved version 2 of this module after you opened it."),
    ).toBeTruthy();
    const put = apiCalls(fetchMock).find((c) => c.route === "PUT /api/v1/curriculum/modules/urge-surfing");
    expect(put?.body).toMatchObject({
      baseVersion: 1,
      module: { key: "urge-surfing", title: { en: "Riding the urge, revised" } },
    });
    expect((screen.getByRole("textbox", { name: "Title — English" }) as HTMLInputElement).value).toBe(
      "Riding the urge, revised",
    );
  });

  it("puts the server's field errors on their fields", async () => {
    renderAt("/staff/curriculum/urge-surfing/edit", {
      "GET /api/v1/curriculum/modules/urge-surfing": { body: aDetail("urge-surfing") },
      "PUT /api/v1/curriculum/modules/urge-surfing": {
        status: 400,
        body: {
          error: {
            code: "CURRICULUM_SKILL_TAKEN",
            message: "Taken",
            fields: [
              { path: "module.skills.0.key", message: "The module “other” already teaches this skill." },
            ],
          },
        },
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: T.editor.save }));
    const key = await screen.findByRole("textbox", { name: "Skill 1: key" });
    await waitFor(() => expect(key.getAttribute("aria-invalid")).toBe("true"));
    expect(screen.getByText("The module “other” already teaches this skill.")).toBeTruthy();
  });

  it("adds a new module and opens it", async () => {
    const module = aModule("new-one");
    const fetchMock = renderAt("/staff/curriculum/new", {
      "POST /api/v1/curriculum/modules": { status: 201, body: aDetail("new-one") },
      "GET /api/v1/curriculum/modules/new-one": { body: aDetail("new-one") },
    });
    const type = (name: string, value: string) =>
      fireEvent.change(screen.getByRole("textbox", { name }), { target: { value } });
    await screen.findByRole("textbox", { name: /^Key/ });
    type("Key", module.key);
    for (const [label, value] of [
      ["Title", module.title],
      ["Summary", module.summary],
      ["Goal 1", module.goals[0]!],
      ["Opening check-in", module.outline.opening.text],
      ["Teaching point 1", module.outline.teaching.points[0]!],
      ["Teaching point 2", module.outline.teaching.points[1]!],
      ["Practice", module.outline.practice.text],
      ["Closing", module.outline.closing.text],
      ["Handout title", module.handout.title],
      ["Handout", module.handout.body],
      ["Practice assignment", module.practiceAssignment],
      ["Skill 1: name", module.skills[0]!.name],
    ] as const) {
      type(`${label} — English`, value.en);
      type(`${label} — Spanish`, value.es);
    }
    type("Skill 1: key", module.skills[0]!.key);
    fireEvent.click(screen.getByRole("button", { name: T.editor.saveNew }));
    expect(await screen.findByRole("heading", { level: 1, name: "Riding the urge (new-one)" })).toBeTruthy();
    const post = apiCalls(fetchMock).find((c) => c.route === "POST /api/v1/curriculum/modules");
    expect(post?.body).toEqual({ module: { ...module, suits: ["adult"], goals: [module.goals[0]] } });
  });
});
