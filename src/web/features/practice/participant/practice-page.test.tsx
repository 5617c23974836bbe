// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import i18n from "i18next";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { practiceEn } from "../../../i18n/practice.en";
import { practiceEs } from "../../../i18n/practice.es";
import { apiCalls } from "../../../test-support/render-with-providers";
import { participantApi, renderParticipantArea } from "../../participant-area/participant-area-testing";
import { anAssignment, setUpPracticeDom, TRACK_ID } from "../practice-testing";
import { PracticeCard } from "./practice-card";
import { PracticePage } from "./practice-page";

const T = practiceEn;
const PUT = `PUT /api/v1/me/practice/${TRACK_ID}/2026-03-09T18:00`;
const DELETE = `DELETE /api/v1/me/practice/${TRACK_ID}/2026-03-09T18:00`;

beforeAll(setUpPracticeDom);
afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  await i18n.changeLanguage("en");
});

function renderPractice(routes: Parameters<typeof participantApi>[0], path = "/me/practice") {
  const fetchMock = vi.fn(participantApi(routes));
  vi.stubGlobal("fetch", fetchMock);
  renderParticipantArea(path, [
    { path: "practice", element: <PracticePage /> },
    { element: <PracticeCard /> },
  ]);
  return fetchMock;
}

const earlier = anAssignment({
  occurrenceKey: "2026-03-02T18:00",
  sessionDate: "2026-03-02",
  current: false,
  open: false,
  module: { ...anAssignment().module, key: "communication-skills", title: "Asking for help" },
  done: { completedAt: "2026-03-04T01:00:00.000Z", reflection: "Called my sister." },
});

describe("PracticePage", () => {
  it("shows this week's practice with the handout as paragraphs and a list, and earlier practice collapsed", async () => {
    renderPractice({ "GET /api/v1/me/practice": { body: { assignments: [anAssignment(), earlier] } } });
    const current = await screen.findByRole("region", { name: "Cravings and urge surfing" });
    expect(within(current).getByText("A craving rises, peaks and passes.")).toBeTruthy();
    expect(
      within(current)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["Notice where you feel it", "Breathe slowly"]);
    expect(within(current).getByText(/Surf one urge a day/)).toBeTruthy();
    const control = screen.getByRole("button", { name: /Asking for help/ });
    expect(control.getAttribute("aria-expanded")).toBe("false");
    fireEvent.click(control);
    await waitFor(() => expect(control.getAttribute("aria-expanded")).toBe("true"));
    expect(screen.getByText("Called my sister.")).toBeTruthy();
    expect(screen.getByText(T.page.closed)).toBeTruthy();
  });

  it("marks done with a reflection and shows it, kept from the server's answer", async () => {
    let done = false;
    const fetchMock = renderPractice({
      "GET /api/v1/me/practice": () => ({ body: { assignments: [anAssignment()] } }),
      [PUT]: (_, body) => {
        done = true;
        const reflection = (body as { reflection: string }).reflection.trim();
        return {
          body: {
            assignments: [anAssignment({ done: { completedAt: "2026-03-11T15:00:00.000Z", reflection } })],
          },
        };
      },
    });
    const box = await screen.findByLabelText(T.done.reflectionLabel);
    fireEvent.change(box, { target: { value: "Surfed one on the bus. " } });
    fireEvent.click(screen.getByRole("button", { name: T.done.markDone }));
    expect(await screen.findByText(T.done.saved)).toBeTruthy();
    expect(done).toBe(true);
    expect(screen.getByText("Surfed one on the bus.")).toBeTruthy();
    expect(apiCalls(fetchMock).find((c) => c.route === PUT)?.body).toEqual({
      reflection: "Surfed one on the bus. ",
    });
    expect(screen.queryByLabelText(T.done.reflectionLabel)).toBeNull();
  });

  it("keeps the words and shows the server's reason when the window has closed", async () => {
    renderPractice({
      "GET /api/v1/me/practice": { body: { assignments: [anAssignment()] } },
      [PUT]: {
        status: 409,
        body: { error: { code: "PRACTICE_CLOSED", message: "The next group has started." } },
      },
    });
    const box = await screen.findByLabelText(T.done.reflectionLabel);
    fireEvent.change(box, { target: { value: "Late but done" } });
    fireEvent.click(screen.getByRole("button", { name: T.done.markDone }));
    expect(await screen.findByText("The next group has started.")).toBeTruthy();
    expect((screen.getByLabelText(T.done.reflectionLabel) as HTMLTextAreaElement).value).toBe(
      "Late but done",
    );
  });

  it("refuses a reflection over 1,000 characters before sending", async () => {
    const fetchMock = renderPractice({
      "GET /api/v1/me/practice": { body: { assignments: [anAssignment()] } },
    });
    fireEvent.change(await screen.findByLabelText(T.done.reflectionLabel), {
      target: { value: "x".repeat(1001) },
    });
    expect(screen.getByText(T.done.tooLong)).toBeTruthy();
    expect((screen.getByRole("button", { name: T.done.markDone }) as HTMLButtonElement).disabled).toBe(true);
    expect(apiCalls(fetchMock).some((c) => c.route === PUT)).toBe(false);
  });

  it("asks before undoing done, then removes the mark", async () => {
    const doneOne = anAssignment({
      done: { completedAt: "2026-03-11T15:00:00.000Z", reflection: "Done it" },
    });
    const fetchMock = renderPractice({
      "GET /api/v1/me/practice": { body: { assignments: [doneOne] } },
      [DELETE]: { body: { assignments: [anAssignment()] } },
    });
    fireEvent.click(await screen.findByRole("button", { name: T.done.undo }));
    const dialog = await screen.findByRole("dialog", { name: T.done.undoTitle });
    expect(apiCalls(fetchMock).some((c) => c.route === DELETE)).toBe(false);
    fireEvent.click(within(dialog).getByRole("button", { name: T.done.undoConfirm }));
    expect(await screen.findByText(T.done.undone)).toBeTruthy();
    expect(screen.getByRole("button", { name: T.done.markDone })).toBeTruthy();
  });

  it("says so kindly when there is nothing to practise yet, and in Spanish", async () => {
    await i18n.changeLanguage("es");
    renderPractice({ "GET /api/v1/me/practice": { body: { assignments: [] } } });
    expect(await screen.findByText(practiceEs.page.empty)).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1, name: practiceEs.page.title })).toBeTruthy();
  });

  it("has no current practice once the next group started, and says when the next one comes", async () => {
    renderPractice({ "GET /api/v1/me/practice": { body: { assignments: [earlier] } } });
    expect(await screen.findByText(T.page.noCurrent)).toBeTruthy();
  });
});

describe("PracticeCard", () => {
  it("names this week's practice and links to the page", async () => {
    renderPractice({ "GET /api/v1/me/practice": { body: { assignments: [anAssignment()] } } }, "/me");
    expect(await screen.findByText("This week: Cravings and urge surfing")).toBeTruthy();
    expect(screen.getByRole("link", { name: T.card.open }).getAttribute("href")).toBe("/me/practice");
  });

  it("says when it is done, and waits for the next group when there is none", async () => {
    const doneOne = anAssignment({ done: { completedAt: "2026-03-11T15:00:00.000Z", reflection: "" } });
    renderPractice({ "GET /api/v1/me/practice": { body: { assignments: [doneOne] } } }, "/me");
    expect(await screen.findByText(/Done this week: Cravings and urge surfing/)).toBeTruthy();
    cleanup();
    renderPractice({ "GET /api/v1/me/practice": { body: { assignments: [] } } }, "/me");
    expect(await screen.findByText(T.card.none)).toBeTruthy();
  });
});
