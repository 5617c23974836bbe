// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { Route, Routes, useLocation } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { SelfCheckAnswers, SelfCheckOutcome } from "../../../core/admissions/self-check";
import { en } from "../../i18n/en";
import { renderWithProviders, setUpDom } from "../../test-support/render-with-providers";
import { SelfCheckPage } from "./self-check-page";

beforeAll(setUpDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const Q = en.getHelp.selfCheck.questions;
const A = en.getHelp.selfCheck.answers;

function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname + location.search}</p>;
}

function renderSelfCheck() {
  const fetchMock = vi.fn();
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(
    <>
      <Routes>
        <Route path="/get-help/self-check" element={<SelfCheckPage />} />
        <Route path="/get-help/inquiry" element={<p>Inquiry form</p>} />
      </Routes>
      <Where />
    </>,
    "/get-help/self-check",
  );
  return fetchMock;
}

function answer(question: keyof typeof Q, option: keyof typeof A) {
  const group = screen.getByRole("group", { name: new RegExp(Q[question].replace(/[?()]/g, ".")) });
  fireEvent.click(within(group).getByRole("radio", { name: A[option] }));
}

function answerAll(answers: SelfCheckAnswers) {
  for (const [question, option] of Object.entries(answers)) {
    answer(question as keyof typeof Q, option as keyof typeof A);
  }
}

const CALM: SelfCheckAnswers = {
  safety: "no",
  withdrawal: "no",
  medical: "no",
  living: "safe",
  commitments: "no",
  attendance: "yes",
  coOccurring: "no",
};

describe("SelfCheckPage", () => {
  it("shows crisis help at the top the moment safety is answered yes, before submitting", () => {
    renderSelfCheck();
    expect(screen.queryByRole("link", { name: en.crisis.call988 })).not.toBeNull(); // the footer
    expect(screen.queryByRole("alert")).toBeNull();
    answer("safety", "yes");
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain(en.getHelp.selfCheck.safetyNow);
    const crisisCard = screen.getByRole("region", { name: en.crisis.title });
    expect(within(crisisCard).getByRole("link", { name: en.crisis.call988 }).getAttribute("href")).toBe(
      "tel:988",
    );
    expect(within(crisisCard).getByRole("link", { name: en.crisis.text988 }).getAttribute("href")).toBe(
      "sms:988",
    );
    expect(within(crisisCard).getByRole("link", { name: en.crisis.call911 }).getAttribute("href")).toBe(
      "tel:911",
    );
    const firstQuestion = screen.getByRole("group", { name: /hurting yourself/ });
    expect(crisisCard.compareDocumentPosition(firstQuestion) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    answer("safety", "no");
    expect(screen.queryByRole("region", { name: en.crisis.title })).toBeNull();
  });

  it.each<[SelfCheckOutcome, Partial<SelfCheckAnswers>]>([
    ["crisis_first", { safety: "yes" }],
    ["higher_level_first", { withdrawal: "yes" }],
    ["talk_to_us", { attendance: "unsure" }],
    ["iop_may_fit", {}],
  ])(
    "shows the %s message, says it is not a diagnosis, and carries the outcome to the inquiry form",
    (outcome, changes) => {
      const fetchMock = renderSelfCheck();
      answerAll({ ...CALM, ...changes });
      fireEvent.click(screen.getByRole("button", { name: en.getHelp.selfCheck.submit }));
      const result = screen.getByRole("region", { name: en.getHelp.selfCheck.resultTitle });
      expect(within(result).getByText(en.getHelp.selfCheck.outcomes[outcome].title)).toBeTruthy();
      expect(within(result).getByText(en.getHelp.selfCheck.outcomes[outcome].body)).toBeTruthy();
      expect(within(result).getByText(en.getHelp.selfCheck.notDiagnosis)).toBeTruthy();
      expect(screen.getByRole("region", { name: en.crisis.title })).toBeTruthy();
      expect(document.activeElement?.textContent).toBe(en.getHelp.selfCheck.resultTitle);
      fireEvent.click(within(result).getByRole("link", { name: en.getHelp.selfCheck.askQuestion }));
      expect(screen.getByTestId("where").textContent).toBe(`/get-help/inquiry?result=${outcome}`);
      expect(fetchMock).not.toHaveBeenCalled();
    },
  );

  it("adds one sentence per note", () => {
    renderSelfCheck();
    answerAll({ ...CALM, withdrawal: "yes", living: "somewhat", coOccurring: "unsure" });
    fireEvent.click(screen.getByRole("button", { name: en.getHelp.selfCheck.submit }));
    const result = screen.getByRole("region", { name: en.getHelp.selfCheck.resultTitle });
    const notes = within(result)
      .getAllByRole("listitem")
      .map((item) => item.textContent);
    expect(notes).toEqual([
      en.getHelp.selfCheck.notes.withdrawal_needs_medical_care,
      en.getHelp.selfCheck.notes.living_situation,
      en.getHelp.selfCheck.notes.co_occurring_support,
    ]);
  });

  it("asks for every answer, focusing the first unanswered question, and keeps the answers given", () => {
    renderSelfCheck();
    answer("safety", "no");
    answer("withdrawal", "unsure");
    fireEvent.click(screen.getByRole("button", { name: en.getHelp.selfCheck.submit }));
    expect(screen.getByText(en.getHelp.selfCheck.answerAll)).toBeTruthy();
    expect(screen.getAllByText(en.getHelp.selfCheck.answerRequired)).toHaveLength(5);
    const medical = screen.getByRole("group", { name: /medical condition/ });
    expect(document.activeElement).toBe(within(medical).getByRole("radio", { name: A.yes }));
    expect(medical.getAttribute("aria-describedby")).toBeTruthy();
    expect(
      (
        within(screen.getByRole("group", { name: /cut down/ })).getByRole("radio", {
          name: A.unsure,
        }) as HTMLInputElement
      ).checked,
    ).toBe(true);
    expect(screen.queryByRole("region", { name: en.getHelp.selfCheck.resultTitle })).toBeNull();
  });
});
