// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { renderWithProviders, setUpDom } from "../test-support/render-with-providers";
import { CrisisFooter } from "./crisis";

beforeAll(setUpDom);
afterEach(cleanup);

describe("CrisisFooter", () => {
  it("reads as one sentence and links each way to get help", () => {
    const { container } = renderWithProviders(<CrisisFooter />);
    expect(container.querySelector("p")?.textContent).toBe(
      "In crisis? Call or text 988 · In an emergency, call 911",
    );
    expect(screen.getByRole("link", { name: "Call 988" }).getAttribute("href")).toBe("tel:988");
    expect(screen.getByRole("link", { name: "text 988" }).getAttribute("href")).toBe("sms:988");
    expect(screen.getByRole("link", { name: "call 911" }).getAttribute("href")).toBe("tel:911");
  });
});
