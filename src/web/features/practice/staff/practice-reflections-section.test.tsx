// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { practiceEn } from "../../../i18n/practice.en";
import { apiCalls, renderWithProviders } from "../../../test-support/render-with-providers";
import { fakeApiWith } from "../../admin/admin-testing";
import { aReflectionsView, COMPLETION_ID, setUpPracticeDom, TRACK_ID } from "../practice-testing";
import { PracticeReflectionsSection } from "./practice-reflections-section";

const T = practiceEn;
const KEY = "2026-03-16T18:00";
const GET = `GET /api/v1/tracks/${TRACK_ID}/occurrences/${KEY}/practice`;
const READ = `POST /api/v1/tracks/${TRACK_ID}/occurrences/${KEY}/practice/read`;

beforeAll(setUpPracticeDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderSection(routes: Parameters<typeof fakeApiWith>[0]) {
  const fetchMock = vi.fn(fakeApiWith(routes));
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(<PracticeReflectionsSection trackId={TRACK_ID} occurrenceKey={KEY} />);
  return fetchMock;
}

describe("PracticeReflectionsSection", () => {
  it("lists who did the practice with their reflection first, then who did not, then who was absent", async () => {
    renderSection({ [GET]: { body: aReflectionsView() } });
    const rows = await screen.findAllByTestId("practice-reflection");
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringMatching(/^Ana Alvarez/),
      expect.stringMatching(/^Ben Brooks/),
      expect.stringMatching(/^Cara Castillo/),
    ]);
    expect(within(rows[0]!).getByText("Surfed two urges on payday.")).toBeTruthy();
    expect(within(rows[0]!).getByText(T.staff.unread)).toBeTruthy();
    expect(within(rows[1]!).getByText(T.staff.notDone)).toBeTruthy();
    expect(within(rows[2]!).getByText(T.staff.notAttended)).toBeTruthy();
    expect(screen.getByText("1 of 2 who attended marked it done.")).toBeTruthy();
  });

  it("marks the unread reflections read and shows who read them", async () => {
    const read = aReflectionsView();
    read.people[0]!.completion = {
      ...read.people[0]!.completion!,
      readAt: "2026-03-16T21:00:00.000Z",
      readBy: { id: "8e6b7a9f-a2b3-44c5-bfe6-0718293a4b5c", name: "Fran Facilitator" },
    };
    const fetchMock = renderSection({ [GET]: { body: aReflectionsView() }, [READ]: { body: read } });
    fireEvent.click(await screen.findByRole("button", { name: T.staff.markRead }));
    expect(await screen.findByText("Read by Fran Facilitator")).toBeTruthy();
    expect(apiCalls(fetchMock).find((c) => c.route === READ)?.body).toEqual({
      completionIds: [COMPLETION_ID],
    });
    expect(screen.queryByRole("button", { name: T.staff.markRead })).toBeNull();
  });

  it("explains a first session and a session before without a module", async () => {
    renderSection({ [GET]: { body: aReflectionsView({ previous: null }) } });
    expect(await screen.findByText(T.staff.noPrevious)).toBeTruthy();
    cleanup();
    const previous = { occurrenceKey: "2026-03-09T18:00", sessionDate: "2026-03-09", module: null };
    renderSection({ [GET]: { body: aReflectionsView({ previous }) } });
    expect(await screen.findByText(/had no curriculum module/)).toBeTruthy();
  });

  it("stays out of the way for staff who may not read the reflections", async () => {
    renderSection({ [GET]: { status: 403, body: { error: { code: "AUTH_FORBIDDEN", message: "No." } } } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByText(T.staff.title)).toBeNull();
  });
});
