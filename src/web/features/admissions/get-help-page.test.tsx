// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { en } from "../../i18n/en";
import { fakeApi, renderWithProviders, setUpDom } from "../../test-support/render-with-providers";
import { SignInPage } from "../identity/sign-in-page";
import { GetHelpPage } from "./get-help-page";

beforeAll(setUpDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderAt(path: string) {
  vi.stubGlobal(
    "fetch",
    vi.fn(
      fakeApi({
        "GET /api/v1/sessions/current": { body: { session: null } },
        "GET /api/v1/meta": {
          body: {
            product: "Bridgeway",
            version: "0.1.0",
            demoMode: false,
            demoAccounts: [],
            demoPassword: null,
          },
        },
      }),
    ),
  );
  renderWithProviders(
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="/get-help" element={<GetHelpPage />} />
    </Routes>,
    path,
  );
}

describe("GetHelpPage", () => {
  it("is reached from sign-in, explains an IOP and offers the self-check and a question, with the crisis line", async () => {
    renderAt("/sign-in");
    fireEvent.click(await screen.findByRole("link", { name: en.getHelp.lookingForHelp }));
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe(en.getHelp.landing.title);
    expect(screen.getByText(en.getHelp.landing.whatBody)).toBeTruthy();
    expect(screen.getByRole("link", { name: en.getHelp.landing.selfCheck }).getAttribute("href")).toBe(
      "/get-help/self-check",
    );
    expect(screen.getByRole("link", { name: en.getHelp.landing.inquiry }).getAttribute("href")).toBe(
      "/get-help/inquiry",
    );
    expect(screen.getByRole("link", { name: en.crisis.call988 }).getAttribute("href")).toBe("tel:988");
    expect(screen.getByRole("link", { name: "call 911" }).getAttribute("href")).toBe("tel:911");
    expect(document.title).toBe(`${en.getHelp.landing.title} · Bridgeway`);
  });
});
