// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { intakeEn } from "../../i18n/intake.en";
import { apiCalls } from "../../test-support/render-with-providers";
import { fakeApiWith } from "../admin/admin-testing";
import { COUNSELOR_ID, LEAD_ID, leadApi, leadDetail, renderLeadPage, setUpIntakeDom } from "./intake-testing";

beforeAll(setUpIntakeDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const PARTICIPANT = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b";
const CODES = {
  alcohol: { code: "F10.20", title: "Alcohol dependence, uncomplicated", group: "substance_use" },
  anxiety: { code: "F41.1", title: "Generalized anxiety disorder", group: "co_occurring" },
};
const screening = {
  id: "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
  edition: 4,
  eligibility: {},
  ratings: [1, 1, 2, 1, 1, 1],
  justifications: ["", "", "", "", "", ""],
  dimensions: ["D1", "D2", "D3", "D4", "D5", "D6"],
  suggestedLevel: "2.1",
  suggestionDrivenBy: [3],
  recommendedLevel: "2.1",
  providedLevel: "2.1",
  differenceReason: null,
  differenceNote: "",
  screenedBy: "Casey Counselor",
  screenedAt: "2026-11-12T15:00:00.000Z",
};

function renderAdmission(admission: Parameters<typeof fakeApiWith>[0][string]) {
  const fetchMock = vi.fn(
    fakeApiWith(
      leadApi(leadDetail({ stage: "screened", screening }), {
        "GET /api/v1/diagnosis-codes": (url) => ({
          body: {
            codes: (url.searchParams.get("q") ?? "").startsWith("alc") ? [CODES.alcohol] : [CODES.anxiety],
          },
        }),
        [`POST /api/v1/admissions/leads/${LEAD_ID}/admission`]: admission,
      }),
    ),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderLeadPage();
  return fetchMock;
}

/**
 * The diagnosis search is debounced; the wait is generous so a loaded machine does not fail the test,
 * and it ends as soon as the result shows, so a fast run is not slowed.
 */
const SEARCH_RESULT_WAIT_MS = 10_000;

async function addCode(query: string, code: string) {
  fireEvent.change(screen.getByLabelText(intakeEn.diagnoses.search), { target: { value: query } });
  fireEvent.click(
    await screen.findByRole("button", { name: `Add ${code}` }, { timeout: SEARCH_RESULT_WAIT_MS }),
  );
}

async function fillPerson() {
  const form = await screen.findByRole("form", { name: intakeEn.admission.title });
  fireEvent.change(within(form).getByLabelText(new RegExp(intakeEn.admission.bornOn)), {
    target: { value: "1990-04-12" },
  });
  fireEvent.change(within(form).getByLabelText(new RegExp(intakeEn.admission.admittedOn)), {
    target: { value: "2026-11-20" },
  });
  const counselor = within(form).getByLabelText(new RegExp(intakeEn.admission.primaryCounselor));
  await waitFor(() =>
    expect(within(counselor).getByRole("option", { name: "Casey Counselor" })).toBeTruthy(),
  );
  fireEvent.change(counselor, { target: { value: COUNSELOR_ID } });
  return form;
}

const admissionCalls = (fetchMock: ReturnType<typeof renderAdmission>) =>
  apiCalls(fetchMock).filter((c) => c.route.endsWith("/admission"));

describe("Admission form", () => {
  it("adds searched codes and takes exactly one primary, a substance-use code", async () => {
    const fetchMock = renderAdmission({
      status: 201,
      body: { participantId: PARTICIPANT, episodeId: PARTICIPANT },
    });
    await fillPerson();
    expect(
      (screen.getByLabelText(new RegExp(intakeEn.admission.levelOfCare)) as HTMLSelectElement).value,
    ).toBe("2.1");
    await addCode("anx", "F41.1");
    fireEvent.click(screen.getByRole("button", { name: intakeEn.admission.submit }));
    expect(await screen.findByText(intakeEn.errors.primaryRequired)).toBeTruthy();
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole("radio", { name: "Primary diagnosis: F41.1" })),
    );

    fireEvent.click(screen.getByRole("radio", { name: "Primary diagnosis: F41.1" }));
    fireEvent.click(screen.getByRole("button", { name: intakeEn.admission.submit }));
    expect(await screen.findByText(intakeEn.errors.primarySubstanceUse)).toBeTruthy();
    expect(admissionCalls(fetchMock)).toHaveLength(0);

    await addCode("alc", "F10.20");
    fireEvent.click(screen.getByRole("radio", { name: "Primary diagnosis: F10.20" }));
    const primaries = screen
      .getAllByRole("radio", { name: /^Primary diagnosis/ })
      .filter((r) => (r as HTMLInputElement).checked);
    expect(primaries).toHaveLength(1);
    fireEvent.click(screen.getByRole("button", { name: intakeEn.admission.submit }));
    await waitFor(() => expect(admissionCalls(fetchMock)).toHaveLength(1));
    expect(admissionCalls(fetchMock)[0]!.body.diagnoses).toEqual([
      { code: "F41.1", primary: false },
      { code: "F10.20", primary: true },
    ]);
    expect(await screen.findByText("Participant record")).toBeTruthy();
  });

  it("adds care team members besides the primary counselor, asks for a role, and shows the server's refusal", async () => {
    const INES = "0b7d3c1e-5a8f-4f57-9d8a-2f6b1c9e7a10";
    let calls = 0;
    const fetchMock = renderAdmission(() => {
      calls += 1;
      return calls === 1
        ? {
            status: 400,
            body: {
              error: {
                code: "VALIDATION_FAILED",
                message: "Choose a staff member who works at this site.",
                fields: [
                  { path: "careTeam.0.userId", message: "Choose a staff member who works at this site." },
                ],
              },
            },
          }
        : { status: 201, body: { participantId: PARTICIPANT, episodeId: PARTICIPANT } };
    });
    await fillPerson();
    await addCode("alc", "F10.20");
    const team = screen.getByRole("group", { name: intakeEn.admission.careTeam.title });
    fireEvent.click(within(team).getByRole("button", { name: intakeEn.admission.careTeam.add }));
    const member = within(team).getByLabelText("Team member 1") as HTMLSelectElement;
    // The primary counselor is on the team already and is not offered again.
    expect([...member.options].map((o) => o.textContent)).toEqual([
      intakeEn.admission.chooseCounselor,
      "Ines Intake",
    ]);
    fireEvent.change(member, { target: { value: INES } });
    fireEvent.click(screen.getByRole("button", { name: intakeEn.admission.submit }));
    expect(await within(team).findByText(intakeEn.errors.careTeamIncomplete)).toBeTruthy();
    expect(admissionCalls(fetchMock)).toHaveLength(0);

    fireEvent.change(within(team).getByLabelText("Role of team member 1"), {
      target: { value: "case_manager" },
    });
    fireEvent.click(screen.getByRole("button", { name: intakeEn.admission.submit }));
    expect(await within(team).findByText("Choose a staff member who works at this site.")).toBeTruthy();
    expect(admissionCalls(fetchMock)[0]!.body.careTeam).toEqual([{ userId: INES, role: "case_manager" }]);

    fireEvent.click(within(team).getByRole("button", { name: "Remove team member 1" }));
    expect(within(team).queryByLabelText("Team member 1")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: intakeEn.admission.submit }));
    await waitFor(() => expect(calls).toBe(2));
    expect(admissionCalls(fetchMock)[1]!.body.careTeam).toEqual([]);
    expect(await screen.findByText("Participant record")).toBeTruthy();
  });

  it("shows a possible duplicate and admits anyway once confirmed", async () => {
    let calls = 0;
    const fetchMock = renderAdmission((_url, body) => {
      calls += 1;
      return (body as { confirmNotDuplicate: boolean }).confirmNotDuplicate
        ? { status: 201, body: { participantId: PARTICIPANT, episodeId: PARTICIPANT } }
        : {
            status: 409,
            body: {
              error: {
                code: "ADMISSIONS_POSSIBLE_DUPLICATE",
                message: "Someone with this name and date of birth is already in the program (Eastside).",
                fields: [{ path: "legalFamilyName", message: "Possible duplicate." }],
              },
            },
          };
    });
    await fillPerson();
    await addCode("alc", "F10.20");
    fireEvent.click(screen.getByRole("button", { name: intakeEn.admission.submit }));
    expect(await screen.findByText(/already in the program \(Eastside\)/)).toBeTruthy();
    expect(admissionCalls(fetchMock)[0]!.body.confirmNotDuplicate).toBe(false);
    expect((screen.getByLabelText(new RegExp(intakeEn.admission.bornOn)) as HTMLInputElement).value).toBe(
      "1990-04-12",
    );

    fireEvent.click(screen.getByLabelText(intakeEn.admission.confirmNotDuplicate));
    fireEvent.click(screen.getByRole("button", { name: intakeEn.admission.submit }));
    await waitFor(() => expect(calls).toBe(2));
    expect(admissionCalls(fetchMock)[1]!.body).toMatchObject({
      confirmNotDuplicate: true,
      legalGivenName: "Robin",
      legalFamilyName: "Ambervale",
      primaryCounselorId: COUNSELOR_ID,
      diagnoses: [{ code: "F10.20", primary: true }],
    });
    expect(await screen.findByText("Participant record")).toBeTruthy();
  });
  it("says when the admission put the participant on the track's waitlist, and why", async () => {
    const note = "This program schedules groups only after the treatment plan is signed.";
    renderAdmission(() => ({
      status: 201,
      body: {
        participantId: PARTICIPANT,
        episodeId: PARTICIPANT,
        trackPlacement: {
          trackId: PARTICIPANT,
          status: "waitlisted",
          joinedOn: null,
          waitlistPosition: 2,
          note,
        },
      },
    }));
    await fillPerson();
    await addCode("alc", "F10.20");
    fireEvent.click(screen.getByRole("button", { name: intakeEn.admission.submit }));
    // The notification follows the admission's answer and a navigation; on a loaded 2-core CI
    // machine that can take longer than findBy's default second.
    expect(
      await screen.findByText(intakeEn.admission.waitlistedTitle, undefined, { timeout: 5_000 }),
    ).toBeTruthy();
    expect(
      screen.getByText(`${intakeEn.admission.waitlisted.replace("{{position}}", "2")} ${note}`),
    ).toBeTruthy();
  });

  it("offers readmission for someone discharged earlier and a link for someone in the program now", async () => {
    const EARLIER = "0b6c7a3e-6f1d-4c1a-9a51-2f0d7e1c9a10";
    const CURRENT = "7d1e2f3a-4b5c-4d6e-8f70-819a2b3c4d5e";
    const fetchMock = renderAdmission((_url, body) =>
      (body as { readmitParticipantId: string | null }).readmitParticipantId === EARLIER
        ? { status: 201, body: { participantId: EARLIER, episodeId: PARTICIPANT } }
        : {
            status: 409,
            body: {
              error: {
                code: "ADMISSIONS_POSSIBLE_DUPLICATE",
                message: "Someone with this name and date of birth is already in Bridgeway.",
                duplicates: [
                  {
                    participantId: EARLIER,
                    name: "Robin Ambervale",
                    bornOn: "1990-04-12",
                    siteName: "Harborview",
                    openSince: null,
                    lastDischargedOn: "2026-05-29",
                    episodes: 2,
                    sameSite: true,
                  },
                  {
                    participantId: CURRENT,
                    name: "Robin Ambervale",
                    bornOn: "1990-04-12",
                    siteName: "Harborview",
                    openSince: "2026-10-01",
                    lastDischargedOn: null,
                    episodes: 1,
                    sameSite: true,
                  },
                ],
              },
            },
          },
    );
    await fillPerson();
    await addCode("alc", "F10.20");
    fireEvent.click(screen.getByRole("button", { name: intakeEn.admission.submit }));
    expect(await screen.findByText("Discharged 2026-05-29 · 2 earlier episodes.")).toBeTruthy();
    expect(screen.getByText("In the program since 2026-10-01.")).toBeTruthy();
    expect(screen.getByRole("link", { name: intakeEn.admission.openRecord }).getAttribute("href")).toBe(
      `/staff/participants/${CURRENT}`,
    );

    fireEvent.click(screen.getByRole("button", { name: "Readmit Robin Ambervale" }));
    expect(screen.getByText(/a new episode of care opens on their record/)).toBeTruthy();
    // Only the submit button is left with that name: the list gave way to the readmission note.
    fireEvent.click(screen.getByRole("button", { name: "Readmit Robin Ambervale" }));
    await waitFor(() => expect(admissionCalls(fetchMock)).toHaveLength(2));
    expect(admissionCalls(fetchMock)[1]!.body).toMatchObject({
      readmitParticipantId: EARLIER,
      confirmNotDuplicate: false,
      legalFamilyName: "Ambervale",
    });
    expect(await screen.findByText("Participant record")).toBeTruthy();
  });
});
