// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import i18n from "i18next";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { ParticipantDue } from "../../../core/assessments/measurement-schedule.schema";
import { assessmentsEn } from "../../i18n/assessments.en";
import { en } from "../../i18n/en";
import { apiCalls } from "../../test-support/render-with-providers";
import { AnswerQuestionnairePage } from "./answer-questionnaire-page";
import {
  ASSIGNMENT_ID,
  aDueMeasure,
  anAssignment,
  aParticipantDue,
  aSubmissionResult,
  INSTRUMENTS,
  PARTICIPANT_ID,
  participantApi,
  renderParticipantArea,
  SHORT_PHQ,
  setUpParticipantDom,
} from "./participant-area-testing";

const T = assessmentsEn.mine;

beforeAll(setUpParticipantDom);
afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  await i18n.changeLanguage("en");
});

type Routes = Parameters<typeof participantApi>[0];
const SUBMIT = `POST /api/v1/participants/${PARTICIPANT_ID}/assessments`;
const INSTRUMENT = "GET /api/v1/instruments/phq9";
const instrumentReply = { body: { instrument: INSTRUMENTS[0], questionnaire: SHORT_PHQ } };

function renderAnswer(routes: Routes, path = `/me/questionnaires/phq9?assignment=${ASSIGNMENT_ID}`) {
  const fetchMock = vi.fn(participantApi({ [INSTRUMENT]: instrumentReply, ...routes }));
  vi.stubGlobal("fetch", fetchMock);
  const view = renderParticipantArea(path, [
    { path: "questionnaires/:instrumentKey", element: <AnswerQuestionnairePage /> },
    { path: "questionnaires", element: <h1>List of questionnaires</h1> },
  ]);
  return { fetchMock, ...view };
}

const submissions = (fetchMock: Parameters<typeof apiCalls>[0]) =>
  apiCalls(fetchMock).filter((c) => c.route === SUBMIT);

async function answerAndSend(feelingDown: string, hurting: string, send = T.answer.submit) {
  const down = await screen.findByRole("radiogroup", { name: "Feeling down, depressed, or hopeless" });
  fireEvent.click(within(down).getByRole("radio", { name: feelingDown }));
  const harm = screen.getByRole("radiogroup", { name: "Thoughts of hurting yourself" });
  fireEvent.click(within(harm).getByRole("radio", { name: hurting }));
  fireEvent.click(screen.getByRole("button", { name: send }));
}

describe("AnswerQuestionnairePage", () => {
  it("sends the answers for the assignment with a fresh key, then thanks the participant without a score", async () => {
    const { fetchMock } = renderAnswer({ [SUBMIT]: { status: 201, body: aSubmissionResult(false) } });
    expect(await screen.findByRole("heading", { name: T.answer.heading, level: 1 })).toBeTruthy();
    expect(await screen.findByRole("form", { name: "Patient Health Questionnaire (PHQ-9)" })).toBeTruthy();
    await answerAndSend("Several days", "Not at all");

    const thanks = await screen.findByRole("heading", { name: T.done.title, level: 1 });
    await waitFor(() => expect(document.activeElement).toBe(thanks));
    expect(screen.getByText(T.done.body)).toBeTruthy();
    expect(screen.queryByRole("region", { name: en.crisis.title })).toBeNull();
    // No score, band or total is shown to the participant.
    expect(screen.queryAllByText(/minimal|score|total|\b1\b/i)).toEqual([]);
    const [sent] = submissions(fetchMock);
    expect(sent?.body).toMatchObject({
      instrumentKey: "phq9",
      version: "1.0.0",
      answers: { "1": 1, "9": 0 },
      language: "en",
      assignmentId: ASSIGNMENT_ID,
    });
    expect(z.uuid().safeParse(sent?.body.idempotencyKey).success).toBe(true);

    fireEvent.click(screen.getByRole("link", { name: T.done.back }));
    expect(await screen.findByRole("heading", { name: "List of questionnaires" })).toBeTruthy();
  });

  it("shows crisis help first when an answer calls for it, saying the care team has been told", async () => {
    renderAnswer({ [SUBMIT]: { status: 201, body: aSubmissionResult(true) } });
    await answerAndSend("More than half the days", "Several days");

    const crisis = await screen.findByRole("region", { name: en.crisis.title });
    expect(within(crisis).getByRole("link", { name: en.crisis.call988 }).getAttribute("href")).toBe(
      "tel:988",
    );
    expect(within(crisis).getByRole("link", { name: en.crisis.call911 }).getAttribute("href")).toBe(
      "tel:911",
    );
    // The program's on-call line at the participant's site, dialable.
    expect(
      within(crisis)
        .getByRole("link", { name: "Call Riverside on-call: (555) 010-4400" })
        .getAttribute("href"),
    ).toBe("tel:5550104400");
    const heading = screen.getByRole("heading", { name: T.done.crisisTitle, level: 1 });
    const careTeam = screen.getByText(T.done.crisisBody);
    const back = screen.getByRole("link", { name: T.done.back });
    // Reading order: a short heading, the crisis lines, then the rest.
    for (const [before, after] of [
      [heading, crisis],
      [crisis, careTeam],
      [careTeam, back],
    ] as const) {
      expect(before.compareDocumentPosition(after) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    }
    expect(screen.queryByText(T.done.body)).toBeNull();
    expect(screen.queryAllByText(/minimal|score|total|\b4\b/i)).toEqual([]);
  });

  it("keeps the same idempotency key when the participant sends again after a dropped connection", async () => {
    let attempts = 0;
    const api = participantApi({
      [INSTRUMENT]: instrumentReply,
      [SUBMIT]: { status: 201, body: aSubmissionResult(true) },
    });
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (init?.method === "POST") {
        attempts += 1;
        if (attempts <= 2) throw new TypeError("Failed to fetch");
      }
      return api(url, init);
    });
    vi.stubGlobal("fetch", fetchMock);
    renderParticipantArea(`/me/questionnaires/phq9?assignment=${ASSIGNMENT_ID}`, [
      { path: "questionnaires/:instrumentKey", element: <AnswerQuestionnairePage /> },
    ]);
    await answerAndSend("Several days", "Nearly every day");
    expect(await screen.findByText(T.answer.failures.network)).toBeTruthy();
    // The answers are still there; the submit button sends them again…
    fireEvent.click(screen.getByRole("button", { name: T.answer.submit }));
    await waitFor(() => expect(submissions(fetchMock)).toHaveLength(2));
    expect(await screen.findByText(T.answer.failures.network)).toBeTruthy();
    // …and so does the button beside the message.
    fireEvent.click(await screen.findByRole("button", { name: T.answer.sendAgain }));
    expect(await screen.findByRole("region", { name: en.crisis.title })).toBeTruthy();

    const sent = submissions(fetchMock);
    expect(sent).toHaveLength(3);
    expect(new Set(sent.map((s) => s.body.idempotencyKey)).size).toBe(1);
    expect(sent.every((s) => s.body.answers["9"] === 3)).toBe(true);
  });

  it("takes the answered questionnaire off the to-do list and has every assessments list reload", async () => {
    const { queryClient } = renderAnswer({ [SUBMIT]: { status: 201, body: aSubmissionResult(false) } });
    const dueKey = ["assessments", "participant-due", PARTICIPANT_ID];
    const assignedKey = ["assessments", "assignments", PARTICIPANT_ID];
    const worklistKey = ["assessments", "due", { scope: "mine" }];
    const other = aDueMeasure({ instrumentKey: "bam" });
    queryClient.setQueryData(dueKey, aParticipantDue([aDueMeasure({ instrumentKey: "phq9" }), other]));
    queryClient.setQueryData(assignedKey, { assignments: [anAssignment()] });
    queryClient.setQueryData(worklistKey, { items: [] });
    await answerAndSend("Not at all", "Not at all");
    await screen.findByRole("heading", { name: T.done.title });
    await waitFor(() => expect(queryClient.getQueryState(worklistKey)?.isInvalidated).toBe(true));
    expect(queryClient.getQueryData(assignedKey)).toEqual({ assignments: [] });
    expect(queryClient.getQueryData<ParticipantDue>(dueKey)?.measures).toEqual([other]);
  });

  it("gives a participant reading in Spanish the questionnaire in Spanish, and says so when sending", async () => {
    await i18n.changeLanguage("es");
    const { fetchMock } = renderAnswer(
      { [SUBMIT]: { status: 201, body: aSubmissionResult(false) } },
      "/me/questionnaires/phq9",
    );
    const down = await screen.findByRole("radiogroup", {
      name: "Sentirse decaído, deprimido o sin esperanza",
    });
    fireEvent.click(within(down).getByRole("radio", { name: "Nunca" }));
    const harm = screen.getByRole("radiogroup", { name: "Pensamientos de hacerse daño" });
    fireEvent.click(within(harm).getByRole("radio", { name: "Nunca" }));
    fireEvent.click(screen.getByRole("button", { name: "Enviar mis respuestas" }));
    expect(await screen.findByRole("heading", { name: "Gracias", level: 1 })).toBeTruthy();
    expect(submissions(fetchMock)[0]?.body).toMatchObject({ language: "es", assignmentId: null });
  });

  it("puts the server's answer problems on their questions", async () => {
    renderAnswer({
      [SUBMIT]: {
        status: 400,
        body: {
          error: {
            code: "VALIDATION_FAILED",
            message: "Answer 9 is not one of its options.",
            fields: [{ path: "answers.9", message: "Answer 9 is not one of its options." }],
          },
        },
      },
    });
    await answerAndSend("Several days", "Several days");
    expect(await screen.findByText("Answer 9 is not one of its options.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: T.answer.sendAgain })).toBeNull();
  });

  it("says so when the assignment was already completed or withdrawn", async () => {
    renderAnswer({
      [SUBMIT]: {
        status: 400,
        body: {
          error: {
            code: "VALIDATION_FAILED",
            message: "This questionnaire is no longer assigned.",
            fields: [{ path: "assignmentId", message: "This questionnaire is no longer assigned." }],
          },
        },
      },
    });
    await answerAndSend("Several days", "Not at all");
    expect(await screen.findByText(T.answer.failures.closed)).toBeTruthy();
  });

  it("says when there is no such questionnaire", async () => {
    renderAnswer({}, "/me/questionnaires/nope");
    expect(await screen.findByText(T.answer.notFound)).toBeTruthy();
    expect(screen.getAllByRole("link", { name: T.answer.back }).length).toBeGreaterThan(0);
  });
});
