// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { PlanTemplate } from "../../../core/treatment-plans/plan-api.schema";
import { treatmentPlansEn } from "../../i18n/treatment-plans.en";
import { treatmentPlansEs } from "../../i18n/treatment-plans.es";
import { apiCalls, renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith, sessionWith } from "../admin/admin-testing";
import {
  aPlan,
  aRecord,
  aVersion,
  DRAFT_VERSION,
  PLAN,
  PLAN_PATH,
  SIGNED_VERSION,
  setUpTreatmentPlansDom,
  VERSION_PATH,
} from "./plan-editor-testing";
import { PlanPanel } from "./plan-panel";

beforeAll(setUpTreatmentPlansDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const P = treatmentPlansEn.panel;
const S = treatmentPlansEn.start;
const H = treatmentPlansEn.history;
const SIGN = treatmentPlansEn.sign;

const aTemplate = (key: string, name: string, summary: string): PlanTemplate => ({
  key,
  name,
  summary,
  problem: {
    title: name,
    goal: { participantWords: "", clinical: "" },
    objectives: [],
    interventions: [],
  },
  strengths: [],
  barriers: [],
  dischargeCriteria: [],
});

const TEMPLATES = [
  aTemplate("relapse-prevention", "Relapse prevention", "Triggers, coping and a plan for high-risk times."),
  aTemplate("co-occurring-depression", "Co-occurring depression", "Mood, activity and the PHQ-9 over time."),
  aTemplate("housing", "Housing and recovery environment", "A safe, substance-free place to live."),
];

function renderPanel(
  routes: Parameters<typeof fakeApiWith>[0],
  permissions = ["clinical.view", "clinical.write"],
) {
  const fetchMock = vi.fn(
    fakeApiWith({
      "GET /api/v1/sessions/current": sessionWith(permissions),
      "GET /api/v1/instruments": { body: { instruments: [] } },
      [`GET ${PLAN_PATH}/progress`]: { body: { objectives: [] } },
      ...routes,
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(<PlanPanel record={aRecord()} />);
  return fetchMock;
}

const writes = (fetchMock: ReturnType<typeof renderPanel>) =>
  apiCalls(fetchMock).filter((c) => !c.route.startsWith("GET"));

describe("PlanPanel without a plan", () => {
  it("starts a plan in the participant's language from the ticked suggestions and the chosen templates", async () => {
    let started = false;
    const fetchMock = renderPanel({
      [`GET ${PLAN_PATH}`]: () => ({ body: { plan: started ? aPlan({ current: null }) : null } }),
      "GET /api/v1/treatment-plan-templates": (url) => ({
        body: { templates: url.searchParams.get("language") === "es" ? TEMPLATES : [] },
      }),
      [`GET ${PLAN_PATH}/suggestions`]: {
        body: {
          suggestions: [
            {
              key: "phq9-moderate",
              templateKey: "co-occurring-depression",
              reason: "PHQ-9 14 (moderate) on 2026-11-02 — at or above 10",
              sources: [{ kind: "assessment", ref: null, label: "PHQ-9 14 (moderate) on 2026-11-02" }],
            },
          ],
        },
      },
      [`POST ${PLAN_PATH}`]: () => {
        started = true;
        return { status: 201, body: { plan: aPlan({ current: null }) } };
      },
    });
    expect(await screen.findByText(P.emptyBody)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: P.start }));
    const dialog = within(await screen.findByRole("dialog", { name: S.title }));

    const suggested = within(await dialog.findByRole("group", { name: S.suggestions }));
    const suggestion = await suggested.findByRole("checkbox", { name: "Co-occurring depression" });
    expect((suggestion as HTMLInputElement).checked).toBe(true);
    // The suggestion brings its template: the template is not offered twice.
    const templates = within(dialog.getByRole("group", { name: S.templates }));
    expect(
      (templates.getByRole("checkbox", { name: "Co-occurring depression" }) as HTMLInputElement).disabled,
    ).toBe(true);
    expect(dialog.getByText("PHQ-9 14 (moderate) on 2026-11-02 — at or above 10")).toBeTruthy();
    expect(dialog.getByText("A safe, substance-free place to live.")).toBeTruthy();

    fireEvent.click(dialog.getByRole("checkbox", { name: "Relapse prevention" }));
    fireEvent.click(dialog.getByRole("checkbox", { name: "Housing and recovery environment" }));
    fireEvent.change(dialog.getByLabelText(new RegExp(`^${S.startsOn}`)), {
      target: { value: "2026-11-24" },
    });
    fireEvent.click(dialog.getByRole("button", { name: S.submit }));

    await waitFor(() =>
      expect(writes(fetchMock)).toEqual([
        {
          route: `POST ${PLAN_PATH}`,
          body: {
            startsOn: "2026-11-24",
            language: "es",
            templateKeys: ["relapse-prevention", "housing"],
            suggestionKeys: ["phq9-moderate"],
          },
        },
      ]),
    );
  });

  it("offers no start to those who may only read", async () => {
    renderPanel({ [`GET ${PLAN_PATH}`]: { body: { plan: null } } }, ["clinical.view"]);
    expect(await screen.findByText(P.emptyBody)).toBeTruthy();
    expect(screen.queryByRole("button", { name: P.start })).toBeNull();
  });

  it("says plainly when the reader may not see clinical content", async () => {
    renderPanel({}, ["participants.view"]);
    expect(await screen.findByText(treatmentPlansEn.states.notPermitted)).toBeTruthy();
  });
});

describe("PlanPanel with a plan", () => {
  it("shows the signed version, its signatures and devices, the review due, and what changed since the last version", async () => {
    renderPanel({
      [`GET ${PLAN_PATH}`]: { body: { plan: aPlan() } },
      [`GET /api/v1/treatment-plans/${PLAN}/versions/${DRAFT_VERSION}/diff`]: (url) => ({
        body: {
          from: { id: url.searchParams.get("against"), number: 1 },
          to: { id: DRAFT_VERSION, number: 2 },
          changes: [
            {
              kind: "removed",
              path: "strengths/1",
              label: "Strengths › 2",
              before: "Keeps a steady job",
              after: null,
            },
          ],
        },
      }),
    });
    const current = within(await screen.findByRole("region", { name: /^Current signed plan/ }));
    expect(current.getByText("Keeps a steady job")).toBeTruthy();
    expect(current.getByText(/“I want to stop drinking on weekends”/)).toBeTruthy();
    expect(
      current.getByText(
        /Participant: Casey Rivers, .* typed their name “Casey Rivers” · on Chrome on Android/,
      ),
    ).toBeTruthy();
    expect(current.getByRole("link", { name: P.downloadPdf }).getAttribute("href")).toBe(
      `/api/v1/treatment-plans/${PLAN}/versions/${SIGNED_VERSION}/pdf`,
    );
    expect(screen.getByText("Review due soon: Dec 3, 2026")).toBeTruthy();
    expect(screen.getByRole("link", { name: P.continueEditing }).getAttribute("href")).toBe(
      `/staff/participants/${aRecord().id}/plan/${DRAFT_VERSION}/edit`,
    );
    // A draft is open: no second revision from the signed one.
    expect(current.queryByRole("button", { name: P.revise })).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: /^Compare with previous.*version 2$/ }));
    const diff = within(await screen.findByRole("region", { name: "Changes from version 1 to version 2" }));
    expect(diff.getByText("Strengths › 2")).toBeTruthy();
    expect(diff.getByText("Before: Keeps a steady job")).toBeTruthy();
    expect(diff.getByText(H.removed)).toBeTruthy();
  });

  it("signs as the clinician, with the password's refusal on its field, then with a code", async () => {
    const awaiting = aVersion({ status: "awaiting_signatures", revision: 6 });
    let attempts = 0;
    const fetchMock = renderPanel({
      [`GET ${PLAN_PATH}`]: { body: { plan: aPlan({ open: awaiting }) } },
      [`POST ${VERSION_PATH}/signatures`]: () => {
        attempts += 1;
        return attempts === 1
          ? {
              status: 400,
              body: {
                error: {
                  code: "IDENTITY_WRONG_PASSWORD",
                  message: "That password is not right.",
                  fields: [{ path: "password", message: "That password is not right." }],
                },
              },
            }
          : { body: { ...awaiting, signatures: [] } };
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Sign as Clinician" }));
    const dialog = within(await screen.findByRole("dialog", { name: "Sign version 2 as Clinician" }));
    fireEvent.click(dialog.getByRole("button", { name: SIGN.submit }));
    expect(await dialog.findByText(SIGN.passwordRequired)).toBeTruthy();
    expect(writes(fetchMock)).toEqual([]);

    fireEvent.change(dialog.getByLabelText(new RegExp(`^${SIGN.password}`)), { target: { value: "not-it" } });
    fireEvent.click(dialog.getByRole("button", { name: SIGN.submit }));
    const error = await dialog.findByText("That password is not right.");
    expect(dialog.getByLabelText(new RegExp(`^${SIGN.password}`)).getAttribute("aria-describedby")).toContain(
      error.id,
    );

    fireEvent.click(dialog.getByRole("radio", { name: SIGN.useCode }));
    fireEvent.change(dialog.getByLabelText(new RegExp(`^${SIGN.code}`)), { target: { value: "12 34 56" } });
    fireEvent.click(dialog.getByRole("button", { name: SIGN.submit }));
    await waitFor(() =>
      expect(writes(fetchMock)).toEqual([
        {
          route: `POST ${VERSION_PATH}/signatures`,
          body: { role: "clinician", revision: 6, password: "not-it" },
        },
        {
          route: `POST ${VERSION_PATH}/signatures`,
          body: { role: "clinician", revision: 6, code: "123456" },
        },
      ]),
    );
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  });

  it("creates a revision from the signed version when no draft is open", async () => {
    const fetchMock = renderPanel({
      [`GET ${PLAN_PATH}`]: { body: { plan: aPlan({ open: null }) } },
      [`POST /api/v1/treatment-plans/${PLAN}/revisions`]: { status: 201, body: aVersion({ number: 2 }) },
    });
    fireEvent.click(await screen.findByRole("button", { name: P.revise }));
    await waitFor(() =>
      expect(writes(fetchMock)).toEqual([
        { route: `POST /api/v1/treatment-plans/${PLAN}/revisions`, body: undefined },
      ]),
    );
  });

  it("shows no signed version yet when only a draft exists", async () => {
    renderPanel({ [`GET ${PLAN_PATH}`]: { body: { plan: aPlan({ current: null }) } } });
    expect(await screen.findByText(P.noCurrent)).toBeTruthy();
    expect(screen.getByRole("link", { name: P.continueEditing })).toBeTruthy();
  });
});

function keys(value: object, prefix = ""): string[] {
  return Object.entries(value).flatMap(([k, v]) =>
    typeof v === "string" ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`),
  );
}

describe("treatmentPlans dictionaries", () => {
  it("Spanish has exactly the English keys, none left empty", () => {
    expect(keys(treatmentPlansEs).sort()).toEqual(keys(treatmentPlansEn).sort());
    expect(
      keys(treatmentPlansEs).filter(
        (k) =>
          k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], treatmentPlansEs) === "",
      ),
    ).toEqual([]);
  });
});
