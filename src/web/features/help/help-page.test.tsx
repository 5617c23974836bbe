// @vitest-environment jsdom
import { cleanup, screen, within } from "@testing-library/react";
import i18n from "i18next";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { helpEn } from "../../i18n/help.en";
import { helpEs } from "../../i18n/help.es";
import {
  participantApi,
  renderParticipantArea,
  setUpParticipantDom,
} from "../participant-area/participant-area-testing";
import { HelpPage } from "./help-page";

const H = helpEn.page;

beforeAll(async () => {
  await setUpParticipantDom();
  i18n.addResourceBundle("en", "help", helpEn, true, true);
  i18n.addResourceBundle("es", "help", helpEs, true, true);
});
afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  await i18n.changeLanguage("en");
});

const RESOURCES = [
  { name: "Recovery café", phone: "555 010 7788", url: "", description: "Open evenings", language: "any" },
  { name: "Clínica del pueblo", phone: "", url: "https://clinica.example", description: "", language: "es" },
];

function renderHelp(reply: { status?: number; body?: unknown }) {
  vi.stubGlobal("fetch", vi.fn(participantApi({ "GET /api/v1/me/help-resources": reply })));
  renderParticipantArea("/me/help", [{ path: "help", element: <HelpPage /> }]);
}

describe("HelpPage", () => {
  it("puts 988, 911, the on-call line and SAMHSA first, then the program's resources in the reader's language", async () => {
    renderHelp({ body: { resources: RESOURCES, onCall: { site: "Riverside", phone: "(555) 010-4400" } } });
    const now = within(await screen.findByRole("region", { name: H.now }));
    expect(now.getByRole("link", { name: H.call988 }).getAttribute("href")).toBe("tel:988");
    expect(now.getByRole("link", { name: H.text988 }).getAttribute("href")).toBe("sms:988");
    expect(now.getByRole("link", { name: H.call911 }).getAttribute("href")).toBe("tel:911");
    expect(screen.getByRole("link", { name: H.samhsaCall }).getAttribute("href")).toBe("tel:18006624357");
    expect(
      (await screen.findByRole("link", { name: "Call Riverside on-call: (555) 010-4400" })).getAttribute(
        "href",
      ),
    ).toBe("tel:5550104400");
    const local = within(screen.getByRole("region", { name: H.local }));
    expect(local.getByRole("link", { name: "Call Recovery café: 555 010 7788" })).toBeTruthy();
    expect(local.queryByText("Clínica del pueblo")).toBeNull();
    expect(screen.getByRole("link", { name: /SMART Recovery meeting finder/ }).getAttribute("target")).toBe(
      "_blank",
    );
  });

  it("shows Spanish-language resources in Spanish, and keeps the fixed numbers when the resources fail", async () => {
    await i18n.changeLanguage("es");
    renderHelp({ body: { resources: RESOURCES, onCall: null } });
    expect(await screen.findByText("Clínica del pueblo")).toBeTruthy();
    expect(screen.getByText(helpEs.page.onCallNone)).toBeTruthy();
    cleanup();
    await i18n.changeLanguage("en");
    renderHelp({ status: 500, body: { error: { code: "INTERNAL", message: "" } } });
    expect(await screen.findByText(H.localError)).toBeTruthy();
    expect(screen.getByRole("link", { name: H.call988 })).toBeTruthy();
  });
});
