// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react";
import { Route, Routes, useLocation } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { fakeApi, renderWithProviders, setUpDom } from "../test-support/render-with-providers";
import { RequireSession, RootRedirect, useSessionUser } from "./require-session";

beforeAll(setUpDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname + location.search}</p>;
}

function StaffGreeting() {
  return <h1>Welcome {useSessionUser().displayName}</h1>;
}

function renderAt(path: string, user: object | null) {
  vi.stubGlobal("fetch", vi.fn(fakeApi({ "GET /api/v1/sessions/current": { body: { user } } })));
  renderWithProviders(
    <Routes>
      <Route path="/" element={<RootRedirect />} />
      <Route
        path="/staff/*"
        element={
          <RequireSession kind="staff">
            <StaffGreeting />
          </RequireSession>
        }
      />
      <Route path="*" element={<Where />} />
    </Routes>,
    path,
  );
}

const person = (kind: string) => ({
  id: "7f1c9d9e-2f7a-4d7e-9a55-0c2b6f1e9a11",
  email: "sam@example.org",
  displayName: "Sam Lee",
  kind,
  roles: [],
  locale: "en",
});

describe("RequireSession", () => {
  it("sends a visitor who is not signed in to sign-in, remembering where they were going", async () => {
    renderAt("/staff/notes?week=3", null);
    expect((await screen.findByTestId("where")).textContent).toBe(
      "/sign-in?next=%2Fstaff%2Fnotes%3Fweek%3D3",
    );
  });

  it("sends the wrong kind of user to their own area", async () => {
    renderAt("/staff", person("participant"));
    expect((await screen.findByTestId("where")).textContent).toBe("/me");
  });

  it("lets the right kind of user in and tells the page who they are", async () => {
    renderAt("/staff", person("staff"));
    expect(await screen.findByRole("heading", { name: "Welcome Sam Lee" })).toBeTruthy();
  });
});

describe("RootRedirect", () => {
  it.each([
    [null, "/sign-in"],
    [person("family"), "/family"],
  ])("sends %o to %s", async (user, home) => {
    renderAt("/", user);
    expect((await screen.findByTestId("where")).textContent).toBe(home);
  });
});
