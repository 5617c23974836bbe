// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import i18n from "i18next";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { aftercarePlanContentSchema } from "../../../core/aftercare/aftercare-plan.schema";
import type { AftercarePlan } from "../../../core/aftercare/aftercare-plan-api.schema";
import { aftercareEn } from "../../i18n/aftercare.en";
import { aftercareEs } from "../../i18n/aftercare.es";
import { apiCalls } from "../../test-support/render-with-providers";
import {
  participantApi,
  renderParticipantArea,
  setUpParticipantDom,
} from "../participant-area/participant-area-testing";
import { MyAftercarePage } from "./my-aftercare-page";

beforeAll(async () => {
  await setUpParticipantDom();
  i18n.addResourceBundle("en", "aftercare", aftercareEn, true, true);
  i18n.addResourceBundle("es", "aftercare", aftercareEs, true, true);
});
afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  await i18n.changeLanguage("en");
});

const plan = (over: Partial<AftercarePlan> = {}): AftercarePlan => ({
  episode: { id: "5d8f3a2e-1b4c-4e6f-8a9b-0c1d2e3f4a5b", admittedOn: "2026-10-01", dischargedOn: null },
  version: 3,
  status: "draft",
  content: aftercarePlanContentSchema.parse({
    stepDown: {
      kind: "other_provider",
      providerName: "Eastside Counseling",
      appointmentOn: "2026-12-01",
      appointmentTime: "10:00",
      phone: "555-0100",
    },
    goals: "Call Sam on Fridays.",
  }),
  updatedAt: "2026-11-20T20:00:00.000Z",
  updatedBy: { kind: "staff", displayName: "Alex Kim" },
  participantSignedAt: null,
  staffSignedAt: null,
  staffSignedBy: null,
  gaps: {
    blocking: [],
    advisory: [
      { code: "supports_missing", path: "supports", message: "Name at least one support person or sponsor." },
    ],
  },
  safetyPlan: null,
  ...over,
});

function render(routes: Parameters<typeof participantApi>[0]) {
  const fetchMock = vi.fn(participantApi(routes));
  vi.stubGlobal("fetch", fetchMock);
  renderParticipantArea("/me/aftercare", [{ path: "aftercare", element: <MyAftercarePage /> }]);
  return fetchMock;
}

describe("My aftercare plan", () => {
  it("shows the plan in plain words with what it still needs in friendly words", async () => {
    render({ "GET /api/v1/me/aftercare-plan": { body: plan() } });
    expect(await screen.findByRole("heading", { level: 1, name: "My aftercare plan" })).toBeTruthy();
    expect(screen.getByText("Eastside Counseling")).toBeTruthy();
    expect(screen.getByText(/First appointment: .*2026 at 10:00/)).toBeTruthy();
    expect(screen.getByText("Add at least one person who supports you.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Edit: People who support me" })).toBeTruthy();
  });

  it("refuses a wrong name with the server's words, then signs with the right one and confirms it", async () => {
    let attempts = 0;
    const fetchMock = render({
      "GET /api/v1/me/aftercare-plan": { body: plan() },
      "POST /api/v1/me/aftercare-plan/sign": (_url, body) => {
        attempts += 1;
        if ((body as { typedName: string }).typedName !== "Ana Diaz") {
          return {
            status: 400,
            body: {
              error: {
                code: "AFTERCARE_SIGNATURE_MISMATCH",
                message: "The name you typed is not the full name on your record.",
                fields: [
                  { path: "typedName", message: "The name you typed is not the full name on your record." },
                ],
              },
            },
          };
        }
        return { body: plan({ participantSignedAt: "2026-11-20T20:05:00.000Z" }) };
      },
    });
    const name = await screen.findByLabelText("Your full name");
    fireEvent.click(screen.getByRole("button", { name: "Sign my aftercare plan" }));
    expect(await screen.findByText("Type your full name to sign.")).toBeTruthy();
    expect(attempts).toBe(0);

    fireEvent.change(name, { target: { value: "Ana Smith" } });
    fireEvent.click(screen.getByRole("button", { name: "Sign my aftercare plan" }));
    expect(await screen.findByText("The name you typed is not the full name on your record.")).toBeTruthy();

    fireEvent.change(name, { target: { value: "Ana Diaz" } });
    fireEvent.click(screen.getByRole("button", { name: "Sign my aftercare plan" }));
    const done = await screen.findByRole("status");
    expect(within(done).getByRole("heading", { name: "You signed your aftercare plan" })).toBeTruthy();
    expect(within(done).getByText("Your counselor will sign it too.")).toBeTruthy();
    expect(screen.queryByLabelText("Your full name")).toBeNull();
    expect(
      apiCalls(fetchMock)
        .filter((c) => c.route === "POST /api/v1/me/aftercare-plan/sign")
        .map((c) => c.body),
    ).toEqual([
      { version: 3, typedName: "Ana Smith" },
      { version: 3, typedName: "Ana Diaz" },
    ]);
  });

  it("does not offer signing while the step-down decision is missing", async () => {
    render({
      "GET /api/v1/me/aftercare-plan": {
        body: plan({
          gaps: {
            blocking: [{ code: "step_down_missing", path: "stepDown", message: "Decide the next step." }],
            advisory: [],
          },
        }),
      },
    });
    expect(
      await screen.findByText("You can sign once the plan says what comes next after the program."),
    ).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Sign my aftercare plan" })).toBeNull();
  });

  it("asks before an edit removes the signatures, then says they were removed", async () => {
    const signed = plan({
      status: "signed",
      participantSignedAt: "2026-11-20T20:05:00.000Z",
      staffSignedAt: "2026-11-20T20:10:00.000Z",
      staffSignedBy: "Alex Kim",
    });
    const fetchMock = render({
      "GET /api/v1/me/aftercare-plan": { body: signed },
      "PUT /api/v1/me/aftercare-plan": (_url, body) => ({
        body: {
          ...plan({ version: 4, content: (body as { content: AftercarePlan["content"] }).content }),
          signaturesCleared: true,
        },
      }),
    });
    fireEvent.click(await screen.findByRole("button", { name: "Edit: My goals for the first weeks" }));
    const goals = screen.getByLabelText("In my own words");
    fireEvent.change(goals, { target: { value: "Meetings twice a week." } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    const confirm = await screen.findByRole("dialog", { name: "Change a signed plan?" });
    expect(apiCalls(fetchMock).some((c) => c.route === "PUT /api/v1/me/aftercare-plan")).toBe(false);
    fireEvent.click(within(confirm).getByRole("button", { name: "Save and remove the signatures" }));
    expect(
      await screen.findByText("Saved. The signatures were removed: the plan needs to be signed again."),
    ).toBeTruthy();
    const put = apiCalls(fetchMock).find((c) => c.route === "PUT /api/v1/me/aftercare-plan");
    expect(put?.body).toMatchObject({ version: 3, content: { goals: "Meetings twice a week." } });
    await waitFor(() => expect(screen.getByLabelText("Your full name")).toBeTruthy());
  });

  it("reads in Spanish", async () => {
    await i18n.changeLanguage("es");
    render({ "GET /api/v1/me/aftercare-plan": { body: plan() } });
    expect(
      await screen.findByRole("heading", { level: 1, name: "Mi plan después del programa" }),
    ).toBeTruthy();
    expect(screen.getByRole("button", { name: "Firmar mi plan" })).toBeTruthy();
  });
});
