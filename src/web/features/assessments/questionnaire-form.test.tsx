// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import i18n from "i18next";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  ORDINAL_VALUE_URL,
  type Questionnaire,
  type QuestionnaireItem,
  TRANSLATION_URL,
} from "../../../core/assessments/questionnaire";
import { MAX_VALUE_URL, MIN_VALUE_URL } from "../../../core/assessments/questionnaire-form.rules";
import { assessmentsEn } from "../../i18n/assessments.en";
import { assessmentsEs } from "../../i18n/assessments.es";
import { renderWithProviders, setUpDom } from "../../test-support/render-with-providers";
import { QuestionnaireForm, type QuestionnaireFormProps } from "./questionnaire-form";

beforeAll(async () => {
  await setUpDom();
  i18n.addResourceBundle("en", "assessments", assessmentsEn, true, true);
  i18n.addResourceBundle("es", "assessments", assessmentsEs, true, true);
});
afterEach(async () => {
  cleanup();
  await i18n.changeLanguage("en");
});

const spanish = (content: string) => ({
  extension: [
    {
      url: TRANSLATION_URL,
      extension: [
        { url: "lang", valueCode: "es" },
        { url: "content", valueString: content },
      ],
    },
  ],
});
const option = (code: string, display: string, displayEs: string, score: number) => ({
  valueCoding: { code, display, _display: spanish(displayEs) },
  extension: [{ url: ORDINAL_VALUE_URL, valueDecimal: score }],
});
const text = (en: string, es: string) => ({ text: en, _text: spanish(es) });

const mood: QuestionnaireItem = {
  linkId: "mood",
  type: "choice",
  required: true,
  ...text("How often did you feel down?", "¿Con qué frecuencia hubo decaimiento?"),
  answerOption: [
    option("none", "Not at all", "Nunca", 0),
    option("some", "Several days", "Varios días", 1),
    option("most", "Nearly every day", "Casi todos los días", 3),
  ],
};
const use: QuestionnaireItem = {
  linkId: "use",
  type: "boolean",
  required: true,
  ...text("Any alcohol or drug use?", "¿Hubo consumo de alcohol o drogas?"),
};
const details: QuestionnaireItem = {
  linkId: "details",
  type: "group",
  ...text("About the use", "Sobre el consumo"),
  enableWhen: [{ question: "use", operator: "=", answerBoolean: true }],
  item: [
    {
      linkId: "days",
      type: "integer",
      required: true,
      ...text("On how many days?", "¿Cuántos días?"),
      extension: [
        { url: MIN_VALUE_URL, valueInteger: 1 },
        { url: MAX_VALUE_URL, valueInteger: 7 },
      ],
    },
  ],
};
const sleep: QuestionnaireItem = {
  linkId: "sleep",
  type: "integer",
  ...text("Hours of sleep last night", "Horas de sueño anoche"),
};

function questionnaire(...item: QuestionnaireItem[]): Questionnaire {
  return {
    resourceType: "Questionnaire",
    url: "https://bridgeway.example/Questionnaire/weekly",
    version: "1.0.0",
    status: "active",
    title: "Weekly check",
    _title: spanish("Control semanal"),
    item,
  };
}
const weekly = questionnaire(
  { linkId: "intro", type: "display", ...text("Think about the past week.", "Sobre la última semana.") },
  mood,
  use,
  details,
  sleep,
);

function renderForm(props: Partial<QuestionnaireFormProps> = {}) {
  const onSubmit = vi.fn();
  const view = renderWithProviders(
    <QuestionnaireForm
      questionnaire={weekly}
      language="en"
      mode="staff"
      onSubmit={onSubmit}
      submitting={false}
      {...props}
    />,
  );
  return { onSubmit, ...view };
}

const group = (name: string) => screen.getByRole("radiogroup", { name });
const choose = (question: string, answer: string) =>
  fireEvent.click(within(group(question)).getByRole("radio", { name: answer }));
const submit = (name = assessmentsEn.form.submit) => fireEvent.click(screen.getByRole("button", { name }));
const descriptionOf = (element: HTMLElement) =>
  (element.getAttribute("aria-describedby") ?? "")
    .split(" ")
    .map((id) => document.getElementById(id)?.textContent)
    .join(" ");

describe("QuestionnaireForm", () => {
  it("renders display text, choice, yes/no, number and group items from the questionnaire, in English", () => {
    renderForm();
    expect(screen.getByRole("form", { name: "Weekly check" })).toBeTruthy();
    expect(screen.getByText("Think about the past week.")).toBeTruthy();
    expect(within(group("How often did you feel down?")).getAllByRole("radio")).toHaveLength(3);
    expect(
      within(group("How often did you feel down?")).getByRole("radio", { name: "Several days" }),
    ).toHaveProperty("value", "1");
    expect(within(group("Any alcohol or drug use?")).getByRole("radio", { name: "Yes" })).toBeTruthy();
    expect(within(group("Any alcohol or drug use?")).getByRole("radio", { name: "No" })).toBeTruthy();
    expect(screen.getByRole("textbox", { name: "Hours of sleep last night" })).toBeTruthy();
    expect(screen.getByText(assessmentsEn.form.keyboardHint)).toBeTruthy();
    expect(screen.getByText(assessmentsEn.form.requiredNote)).toBeTruthy();

    choose("Any alcohol or drug use?", "Yes");
    const fieldset = screen.getByRole("group", { name: "About the use" });
    const days = within(fieldset).getByRole("textbox", { name: "On how many days?" });
    expect(days.hasAttribute("required")).toBe(true);
  });

  it("gives a participant the questionnaire and its messages in Spanish, with progress", async () => {
    await i18n.changeLanguage("es");
    renderForm({ language: "es", mode: "self" });
    expect(screen.getByRole("form", { name: "Control semanal" })).toBeTruthy();
    expect(screen.getByText("Sobre la última semana.")).toBeTruthy();
    choose("¿Con qué frecuencia hubo decaimiento?", "Casi todos los días");
    choose("¿Hubo consumo de alcohol o drogas?", "Sí");
    expect(screen.getByRole("group", { name: "Sobre el consumo" })).toBeTruthy();
    expect(screen.getByText("2 de 4 respondidas")).toBeTruthy();
    expect(screen.queryByText(assessmentsEs.form.keyboardHint)).toBeNull();
    submit(assessmentsEs.form.submit);
    expect(await screen.findByText("Falta la respuesta a esta pregunta.")).toBeTruthy();
  });

  it("shows staff the Spanish questionnaire with the hint and messages in their own language", () => {
    const { onSubmit } = renderForm({ language: "es" });
    expect(
      within(group("¿Hubo consumo de alcohol o drogas?")).getByRole("radio", { name: "Sí" }),
    ).toBeTruthy();
    expect(screen.getByText(assessmentsEn.form.keyboardHint)).toBeTruthy();
    submit();
    expect(screen.getAllByText(assessmentsEn.errors.required)).toHaveLength(2);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("hides a question until its condition is met and clears its answer when hidden again", () => {
    renderForm();
    expect(screen.queryByRole("textbox", { name: "On how many days?" })).toBeNull();
    choose("Any alcohol or drug use?", "Yes");
    fireEvent.change(screen.getByRole("textbox", { name: "On how many days?" }), { target: { value: "3" } });
    expect(screen.getByRole("textbox", { name: "On how many days?" })).toHaveProperty("value", "3");
    choose("Any alcohol or drug use?", "No");
    expect(screen.queryByRole("textbox", { name: "On how many days?" })).toBeNull();
    choose("Any alcohol or drug use?", "Yes");
    expect(screen.getByRole("textbox", { name: "On how many days?" })).toHaveProperty("value", "");
  });

  it("marks each unanswered required question, focuses the first and keeps what was entered", async () => {
    const { onSubmit } = renderForm();
    fireEvent.change(screen.getByRole("textbox", { name: "Hours of sleep last night" }), {
      target: { value: "6" },
    });
    choose("Any alcohol or drug use?", "Yes");
    submit();
    await waitFor(() =>
      expect(document.activeElement).toBe(
        within(group("How often did you feel down?")).getByRole("radio", { name: "Not at all" }),
      ),
    );
    expect(descriptionOf(group("How often did you feel down?"))).toContain(assessmentsEn.errors.required);
    const days = screen.getByRole("textbox", { name: "On how many days?" });
    expect(descriptionOf(days)).toContain(assessmentsEn.errors.required);
    expect(days.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByRole("textbox", { name: "Hours of sleep last night" })).toHaveProperty("value", "6");
    expect(within(group("Any alcohol or drug use?")).getByRole("radio", { name: "Yes" })).toHaveProperty(
      "checked",
      true,
    );
    expect(onSubmit).not.toHaveBeenCalled();

    choose("How often did you feel down?", "Several days");
    expect(descriptionOf(group("How often did you feel down?"))).not.toContain(assessmentsEn.errors.required);
    fireEvent.change(days, { target: { value: "9" } });
    submit();
    await waitFor(() => expect(document.activeElement).toBe(days));
    expect(descriptionOf(days)).toContain("Enter a whole number from 1 to 7.");
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("lets staff press an answer's number, or Y/N, to choose it and move to the next question", async () => {
    renderForm();
    const notAtAll = within(group("How often did you feel down?")).getByRole("radio", { name: "Not at all" });
    notAtAll.focus();
    fireEvent.keyDown(notAtAll, { key: "2" });
    expect(document.activeElement).toBe(notAtAll);
    fireEvent.keyDown(notAtAll, { key: "3" });
    expect(
      within(group("How often did you feel down?")).getByRole("radio", { name: "Nearly every day" }),
    ).toHaveProperty("checked", true);
    const yes = within(group("Any alcohol or drug use?")).getByRole("radio", { name: "Yes" });
    await waitFor(() => expect(document.activeElement).toBe(yes));
    fireEvent.keyDown(yes, { key: "y" });
    expect(yes).toHaveProperty("checked", true);
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole("textbox", { name: "On how many days?" })),
    );
    fireEvent.keyDown(yes, { key: "n" });
    expect(within(group("Any alcohol or drug use?")).getByRole("radio", { name: "No" })).toHaveProperty(
      "checked",
      true,
    );
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole("textbox", { name: "Hours of sleep last night" })),
    );
  });

  it("does not take digits as answers for a participant", () => {
    renderForm({ mode: "self" });
    const notAtAll = within(group("How often did you feel down?")).getByRole("radio", { name: "Not at all" });
    fireEvent.keyDown(notAtAll, { key: "1" });
    expect(
      within(group("How often did you feel down?")).getByRole("radio", { name: "Several days" }),
    ).toHaveProperty("checked", false);
    expect(screen.getByText("0 of 3 answered")).toBeTruthy();
  });

  it("submits exactly the answers of the questions shown", async () => {
    const { onSubmit } = renderForm();
    choose("How often did you feel down?", "Nearly every day");
    choose("Any alcohol or drug use?", "Yes");
    fireEvent.change(screen.getByRole("textbox", { name: "On how many days?" }), { target: { value: "2" } });
    choose("Any alcohol or drug use?", "No");
    submit();
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit).toHaveBeenCalledWith({ mood: 3, use: false });

    choose("Any alcohol or drug use?", "Yes");
    fireEvent.change(screen.getByRole("textbox", { name: "On how many days?" }), { target: { value: "4" } });
    fireEvent.change(screen.getByRole("textbox", { name: "Hours of sleep last night" }), {
      target: { value: "7" },
    });
    submit();
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(2));
    expect(onSubmit).toHaveBeenLastCalledWith({ mood: 3, use: true, days: 4, sleep: 7 });
  });

  it("starts from earlier answers, dropping any to questions not asked", async () => {
    const { onSubmit } = renderForm({
      initialAnswers: { mood: 1, use: false, days: 3 },
      submitLabel: "Save",
    });
    expect(
      within(group("How often did you feel down?")).getByRole("radio", { name: "Several days" }),
    ).toHaveProperty("checked", true);
    submit("Save");
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ mood: 1, use: false }));
  });

  it("shows the server's messages on their questions and focuses the first", async () => {
    renderForm({
      initialAnswers: { mood: 1, use: true, days: 3 },
      serverErrors: {
        days: "Too many days.",
        mood: "Choose one of the options.",
        extra: "No such question.",
      },
    });
    expect(screen.getByRole("alert").textContent).toBe("No such question.");
    expect(descriptionOf(group("How often did you feel down?"))).toContain("Choose one of the options.");
    expect(descriptionOf(screen.getByRole("textbox", { name: "On how many days?" }))).toContain(
      "Too many days.",
    );
    await waitFor(() =>
      expect(document.activeElement).toBe(
        within(group("How often did you feel down?")).getByRole("radio", { name: "Several days" }),
      ),
    );
  });

  it("names questions without text by their label or their number, and never fails on them", () => {
    renderForm({
      questionnaire: questionnaire(
        { linkId: "a1", type: "integer", prefix: "A1", required: true } as QuestionnaireItem,
        { linkId: "b1", type: "boolean" },
        { linkId: "c1", type: "choice", answerOption: [{ valueCoding: { code: "x" } }] },
        { linkId: "note", type: "display" },
        { linkId: "other", type: "string", text: "Anything else?" },
      ),
    });
    expect(screen.getByRole("textbox", { name: "Question A1" })).toBeTruthy();
    expect(group("Question 2")).toBeTruthy();
    expect(within(group("Question 3")).queryAllByRole("radio")).toHaveLength(0);
    expect(screen.getByText("Anything else?")).toBeTruthy();
  });
});
