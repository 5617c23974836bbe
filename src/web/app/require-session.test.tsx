// @vitest-environment jsdom
import { useQuery } from "@tanstack/react-query";
import { cleanup, screen } from "@testing-library/react";
import { Route, Routes, useLocation } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentSession } from "../../core/identity/session.schema";
import { aSession } from "../test-support/builders";
import { fakeApi, renderWithProviders, setUpDom } from "../test-support/render-with-providers";
import { apiRequest } from "./api-client";
import { createQueryClient } from "./query-client";
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

function renderAt(path: string, session: CurrentSession | null) {
  vi.stubGlobal("fetch", vi.fn(fakeApi({ "GET /api/v1/sessions/current": { body: { session } } })));
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

const person = (kind: "staff" | "participant" | "family") => aSession({ user: { kind } });

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

  it("sends a session that still owes the MFA code to the code step, never into the shell", async () => {
    renderAt("/staff/notes", aSession({ stage: "mfa_required" }));
    expect((await screen.findByTestId("where")).textContent).toBe("/sign-in?next=%2Fstaff%2Fnotes");
    expect(screen.queryByRole("heading", { name: "Welcome Sam Lee" })).toBeNull();
  });

  it("sends staff who must enrol in MFA to the set-up page first", async () => {
    renderAt("/staff", aSession({ stage: "mfa_enrolment_required" }));
    expect((await screen.findByTestId("where")).textContent).toBe("/mfa-setup?next=%2Fstaff");
  });
});

describe("RequireSession when the session ends", () => {
  function Overview() {
    const overview = useQuery({
      queryKey: ["programs", "overview"],
      queryFn: () => apiRequest("GET", "/api/v1/programs/overview"),
    });
    return <h1>{overview.isPending ? "Loading" : "Overview"}</h1>;
  }

  it("returns to sign-in, saying why, when any API call answers 401", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(
        fakeApi({
          "GET /api/v1/sessions/current": { body: { session: aSession() } },
          "GET /api/v1/programs/overview": {
            status: 401,
            body: { error: { code: "AUTH_REQUIRED", message: "Please sign in." } },
          },
        }),
      ),
    );
    renderWithProviders(
      <Routes>
        <Route
          path="/staff"
          element={
            <RequireSession kind="staff">
              <Overview />
            </RequireSession>
          }
        />
        <Route path="*" element={<Where />} />
      </Routes>,
      "/staff",
      createQueryClient(),
    );
    expect((await screen.findByTestId("where")).textContent).toBe("/sign-in?reason=expired&next=%2Fstaff");
  });
});

describe("RootRedirect", () => {
  it.each([
    [null, "/sign-in"],
    [person("family"), "/family"],
    [aSession({ stage: "mfa_enrolment_required" }), "/mfa-setup?next=%2Fstaff"],
  ])("sends %o to %s", async (session, home) => {
    renderAt("/", session);
    expect((await screen.findByTestId("where")).textContent).toBe(home);
  });
});
