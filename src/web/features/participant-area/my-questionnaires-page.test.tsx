// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import i18n from "i18next";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { assessmentsEn } from "../../i18n/assessments.en";
import { aSession } from "../../test-support/builders";
import { MyQuestionnairesPage } from "./my-questionnaires-page";
import {
  ASSIGNMENT_ID,
  aDueMeasure,
  anAssignment,
  aParticipantDue,
  PARTICIPANT_ID,
  participantApi,
  renderParticipantArea,
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
const ASSIGNMENTS = `GET /api/v1/participants/${PARTICIPANT_ID}/assessment-assignments`;
const DUE = `GET /api/v1/participants/${PARTICIPANT_ID}/assessments/due`;

function renderList(routes: Routes) {
  const fetchMock = vi.fn(participantApi(routes));
  vi.stubGlobal("fetch", fetchMock);
  renderParticipantArea("/me/questionnaires", [
    { path: "questionnaires", element: <MyQuestionnairesPage /> },
  ]);
  return fetchMock;
}

describe("MyQuestionnairesPage", () => {
  it("lists the assigned questionnaire and the overdue measure, not the upcoming one, each with a way in", async () => {
    renderList({
      [ASSIGNMENTS]: { body: { assignments: [anAssignment()] } },
      [DUE]: {
        body: aParticipantDue([
          aDueMeasure(),
          aDueMeasure({ instrumentKey: "gad7", status: "upcoming", dueOn: "2026-03-20" }),
        ]),
      },
    });
    const list = await screen.findByRole("list", { name: T.listLabel });
    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(2);
    expect(screen.getByRole("heading", { name: T.title, level: 1 })).toBeTruthy();

    const [bam, phq] = items as [HTMLElement, HTMLElement];
    expect(
      within(bam).getByRole("heading", { name: "Brief Addiction Monitor (BAM)", level: 2 }),
    ).toBeTruthy();
    expect(within(bam).getByText("Was due Mar 9, 2026")).toBeTruthy();
    expect(within(bam).getByText(T.late)).toBeTruthy();
    expect(
      within(bam).getByRole("link", { name: "Start: Brief Addiction Monitor (BAM)" }).getAttribute("href"),
    ).toBe("/me/questionnaires/bam");

    expect(within(phq).getByText("Due Mar 15, 2026")).toBeTruthy();
    expect(within(phq).queryByText(T.late)).toBeNull();
    expect(
      within(phq)
        .getByRole("link", { name: "Start: Patient Health Questionnaire (PHQ-9)" })
        .getAttribute("href"),
    ).toBe(`/me/questionnaires/phq9?assignment=${ASSIGNMENT_ID}`);
    expect(screen.queryByText(/GAD-7/)).toBeNull();
  });

  it("gives the titles in Spanish to a participant reading in Spanish", async () => {
    await i18n.changeLanguage("es");
    renderList({
      [ASSIGNMENTS]: { body: { assignments: [anAssignment()] } },
      [DUE]: { body: aParticipantDue([]) },
    });
    expect(
      await screen.findByRole("heading", { name: "Cuestionario sobre la salud del paciente (PHQ-9)" }),
    ).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Mis cuestionarios", level: 1 })).toBeTruthy();
    expect(
      screen.getByRole("link", { name: "Empezar: Cuestionario sobre la salud del paciente (PHQ-9)" }),
    ).toBeTruthy();
  });

  it("shows a placeholder while loading, then says there is nothing to fill in when nothing is assigned or due", async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const api = participantApi({
      [ASSIGNMENTS]: { body: { assignments: [] } },
      [DUE]: { body: aParticipantDue([aDueMeasure({ status: "upcoming", dueOn: "2026-03-19" })]) },
    });
    vi.stubGlobal(
      "fetch",
      vi.fn(async (url: string, init?: RequestInit) => {
        if (url.endsWith("/assessments/due")) await gate;
        return api(url, init);
      }),
    );
    renderParticipantArea("/me/questionnaires", [
      { path: "questionnaires", element: <MyQuestionnairesPage /> },
    ]);
    await screen.findByRole("heading", { name: T.title, level: 1 });
    expect(screen.getByRole("status")).toBeTruthy();
    release();
    expect(await screen.findByText(T.empty)).toBeTruthy();
    expect(screen.getByText(T.emptyBody)).toBeTruthy();
    expect(screen.queryByRole("list")).toBeNull();
  });

  it("asks an account not yet linked to a treatment record to see their counselor, asking the server nothing", async () => {
    const fetchMock = renderList({
      "GET /api/v1/sessions/current": {
        body: { session: aSession({ user: { kind: "participant", participantId: null } }) },
      },
    });
    expect(await screen.findByText(T.noRecord)).toBeTruthy();
    expect(fetchMock.mock.calls.filter(([url]) => String(url).includes("/participants/"))).toEqual([]);
  });

  it("offers to try again when the list could not be loaded, and loads only what failed", async () => {
    let dueCalls = 0;
    const fetchMock = renderList({
      [ASSIGNMENTS]: { body: { assignments: [anAssignment()] } },
      [DUE]: () => {
        dueCalls += 1;
        return dueCalls === 1
          ? { status: 500, body: { error: { code: "INTERNAL", message: "" } } }
          : { body: aParticipantDue([]) };
      },
    });
    expect(await screen.findByText(T.loadError)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("list", { name: T.listLabel })).toBeTruthy();
    const assignmentCalls = fetchMock.mock.calls.filter(([url]) =>
      String(url).endsWith("/assessment-assignments"),
    );
    expect(assignmentCalls).toHaveLength(1);
  });
});
