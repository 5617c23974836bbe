// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import i18n from "i18next";
import { Route, Routes } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { DEFAULT_OFF_TRACK_SETTINGS } from "../../../core/assessments/reliable-change";
import { describeInstrumentSettings } from "../../../core/assessments/reliable-change-settings.rules";
import type {
  ReliableChangeSettings,
  ReliableChangeSettingsView,
} from "../../../core/assessments/reliable-change-settings.schema";
import { assessmentsEn } from "../../i18n/assessments.en";
import { apiCalls, renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith, sessionWith, setUpAdminDom } from "../admin/admin-testing";
import { ReliableChangeSettingsPage } from "./reliable-change-settings-page";

const T = assessmentsEn.reliableChange;

beforeAll(async () => {
  await setUpAdminDom();
  i18n.addResourceBundle("en", "assessments", assessmentsEn, true, true);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const TITLES: Record<string, { title: string; titleEs: string }> = {
  phq9: {
    title: "Patient Health Questionnaire (PHQ-9)",
    titleEs: "Cuestionario sobre la salud del paciente (PHQ-9)",
  },
  who5: { title: "WHO-5 Well-Being Index", titleEs: "Índice de bienestar OMS-5" },
  bam: { title: "Brief Addiction Monitor (BAM)", titleEs: "Monitor Breve de Adicciones (BAM)" },
};

/** The view the server sends for these settings (built with the server's own rules). */
function aView(settings: ReliableChangeSettings): ReliableChangeSettingsView {
  return {
    instruments: Object.entries(TITLES).map(([key, titles]) => ({
      ...titles,
      ...describeInstrumentSettings(settings, key),
    })),
    offTrack: settings.offTrack,
    offTrackDefault: DEFAULT_OFF_TRACK_SETTINGS,
  };
}

const NO_OVERRIDES: ReliableChangeSettings = { overrides: {}, offTrack: DEFAULT_OFF_TRACK_SETTINGS };
const PHQ9_SD = { sd: 4, sdSource: "Program baselines 2026", sdVerified: true };

type Reply = Parameters<typeof fakeApiWith>[0][string];

function renderPage(
  options: { permissions?: string[]; settings?: ReliableChangeSettings; put?: Reply } = {},
) {
  const fetchMock = vi.fn(
    fakeApiWith({
      "GET /api/v1/sessions/current": sessionWith(options.permissions ?? ["settings.manage"]),
      "GET /api/v1/assessments/reliable-change": { body: aView(options.settings ?? NO_OVERRIDES) },
      "PUT /api/v1/assessments/reliable-change":
        options.put ?? ((_url, body) => ({ body: aView(body as ReliableChangeSettings) })),
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(
    <Routes>
      <Route path="/staff/admin/reliable-change" element={<ReliableChangeSettingsPage />} />
    </Routes>,
    "/staff/admin/reliable-change",
  );
  return fetchMock;
}

const puts = (fetchMock: ReturnType<typeof renderPage>) =>
  apiCalls(fetchMock).filter((c) => c.route === "PUT /api/v1/assessments/reliable-change");
const card = (key: string) => screen.getByRole("region", { name: TITLES[key]!.title });
const field = (key: string, label: string) => within(card(key)).getByLabelText(label) as HTMLInputElement;
const type = (key: string, label: string, value: string) =>
  fireEvent.change(field(key, label), { target: { value } });
const save = () => fireEvent.click(screen.getByRole("button", { name: T.save }));

describe("ReliableChangeSettingsPage", () => {
  it("shows each questionnaire's defaults with their sources, unverified marks and the minimum change", async () => {
    renderPage();
    await screen.findByRole("region", { name: TITLES.phq9!.title });
    const phq9 = within(card("phq9")).getByRole("table", {
      name: `Default values for ${TITLES.phq9!.title}`,
    });
    const row = (name: string) => within(phq9).getByRole("row", { name: new RegExp(`^${name}`) });
    expect(row(T.rows.reliability).textContent).toContain("0.84 (test–retest)");
    expect(row(T.rows.reliability).textContent).toContain("Kroenke 2001");
    expect(within(row(T.rows.reliability)).getByText(T.unverified)).toBeTruthy();
    expect(row("Standard deviation").textContent).toContain("5");
    expect(row(T.rows.cutoff).textContent).toContain("10 (published case threshold)");
    expect(row(T.rows.minimum).textContent).toContain("6 points");
    expect(row(T.rows.minimum).textContent).toContain("1.96 × S_diff = 5.54");
    // WHO-5 has no default reliability or SD: the reason, and what is still missing.
    expect(within(card("who5")).getByText(/gives WHO-5 no reliability/)).toBeTruthy();
    expect(
      within(card("who5")).getByText(
        "No reliable change is computed yet: still missing the reliability, the SD.",
      ),
    ).toBeTruthy();
    expect((screen.getByLabelText(T.offTrack.label) as HTMLInputElement).value).toBe("4");
  });

  it("previews the minimum change of the values being typed", async () => {
    renderPage();
    await screen.findByRole("region", { name: TITLES.phq9!.title });
    expect(
      within(card("phq9")).getByText(
        "With these values, a change of 6 points or more is reliable (1.96 × S_diff = 5.54).",
      ),
    ).toBeTruthy();
    type("phq9", T.fields.sd, "4");
    type("phq9", T.fields.sdSource, "Program baselines 2026");
    expect(
      within(card("phq9")).getByText(
        "With these values, a change of 5 points or more is reliable (1.96 × S_diff = 4.43).",
      ),
    ).toBeTruthy();
    type("who5", T.fields.reliability, "0.8");
    type("who5", T.fields.reliabilitySource, "Program sample");
    type("who5", T.fields.sd, "20");
    type("who5", T.fields.sdSource, "Program baselines");
    // WHO-5 moves in steps of 4 on its percentage scale: 24.79 needs 28.
    expect(within(card("who5")).getByText(/a change of 28 points or more is reliable/)).toBeTruthy();
    type("phq9", T.fields.reliability, "1.2");
    expect(within(card("phq9")).getByText(T.previewInvalid)).toBeTruthy();
  });

  it("asks for the direction, score compared and step where the default does not fix them", async () => {
    renderPage();
    await screen.findByRole("region", { name: TITLES.bam!.title });
    expect(within(card("bam")).getByLabelText(T.fields.direction)).toBeTruthy();
    expect(within(card("phq9")).queryByLabelText(T.fields.direction)).toBeNull();
    expect(
      within(card("bam")).getByText(
        "No reliable change is computed yet: still missing the reliability, the SD, the cut-off (or no cut-off), which scores are better, the score compared, the smallest step.",
      ),
    ).toBeTruthy();
  });

  it("saves the program's values with their sources and the off-track rule", async () => {
    const fetchMock = renderPage();
    await screen.findByRole("region", { name: TITLES.phq9!.title });
    type("phq9", T.fields.sd, "4");
    type("phq9", T.fields.sdSource, "Program baselines 2026");
    fireEvent.click(field("phq9", T.fields.sdVerified));
    fireEvent.click(within(card("bam")).getByLabelText(T.fields.cutoffNone));
    fireEvent.change(within(card("bam")).getByLabelText(T.fields.direction), {
      target: { value: "lower_is_better" },
    });
    type("bam", T.fields.subscale, "use");
    type("bam", T.fields.scaleStep, "1");
    fireEvent.change(screen.getByLabelText(T.offTrack.label), { target: { value: "6" } });
    save();
    await waitFor(() => expect(puts(fetchMock)).toHaveLength(1));
    expect(puts(fetchMock)[0]!.body).toEqual({
      overrides: {
        phq9: PHQ9_SD,
        bam: { cutoff: null, direction: "lower_is_better", subscale: "use", scaleStep: 1 },
      },
      offTrack: { noImprovementAfter: 6 },
    });
    expect(await screen.findByText(T.saved)).toBeTruthy();
  });

  it("names each problem on its field, focuses the first and saves nothing", async () => {
    const fetchMock = renderPage();
    await screen.findByRole("region", { name: TITLES.phq9!.title });
    type("phq9", T.fields.reliability, "1.2");
    type("who5", T.fields.sd, "5");
    fireEvent.change(screen.getByLabelText(T.offTrack.label), { target: { value: "1" } });
    save();
    expect(await screen.findByText(T.errors.fixBelow)).toBeTruthy();
    expect(within(card("phq9")).getByText(T.errors.reliability)).toBeTruthy();
    expect(within(card("phq9")).getByText(T.errors.source)).toBeTruthy();
    expect(within(card("who5")).getByText(T.errors.source)).toBeTruthy();
    expect(screen.getByText(T.errors.offTrack)).toBeTruthy();
    expect(document.activeElement).toBe(field("phq9", T.fields.reliability));
    expect(puts(fetchMock)).toEqual([]);
  });

  it("shows the server's field errors on the questionnaire and field they name", async () => {
    renderPage({
      put: {
        status: 400,
        body: {
          error: {
            code: "VALIDATION_FAILED",
            message: "Some fields are not valid.",
            fields: [{ path: "overrides.who5.sdSource", message: "Name where this value comes from." }],
          },
        },
      },
    });
    await screen.findByRole("region", { name: TITLES.phq9!.title });
    save();
    expect(await within(card("who5")).findByText("Name where this value comes from.")).toBeTruthy();
    expect(document.activeElement).toBe(field("who5", T.fields.sdSource));
  });

  it("resets one questionnaire to its defaults after asking, keeping the others", async () => {
    const who5 = {
      reliability: 0.8,
      reliabilityKind: "alpha" as const,
      reliabilitySource: "Program sample",
      reliabilityVerified: false,
    };
    const fetchMock = renderPage({
      settings: { overrides: { phq9: PHQ9_SD, who5 }, offTrack: { noImprovementAfter: 5 } },
    });
    await screen.findByRole("region", { name: TITLES.phq9!.title });
    expect(field("phq9", T.fields.sd).value).toBe("4");
    fireEvent.click(
      within(card("phq9")).getByRole("button", { name: `Reset to default: ${TITLES.phq9!.title}` }),
    );
    const dialog = await screen.findByRole("dialog", {
      name: `Reset ${TITLES.phq9!.title} to its defaults?`,
    });
    fireEvent.click(within(dialog).getByRole("button", { name: T.reset }));
    await waitFor(() => expect(puts(fetchMock)).toHaveLength(1));
    expect(puts(fetchMock)[0]!.body).toEqual({ overrides: { who5 }, offTrack: { noImprovementAfter: 5 } });
    expect(await screen.findByText(`${TITLES.phq9!.title} uses its defaults again.`)).toBeTruthy();
    await waitFor(() => expect(field("phq9", T.fields.sd).value).toBe(""));
    expect(field("who5", T.fields.reliability).value).toBe("0.8");
  });

  it("shows clinicians the values without letting them change them", async () => {
    renderPage({
      permissions: ["clinical.view"],
      settings: { ...NO_OVERRIDES, overrides: { phq9: PHQ9_SD } },
    });
    expect(await screen.findByText(T.readOnly)).toBeTruthy();
    expect(field("phq9", T.fields.sd).disabled).toBe(true);
    expect(screen.queryByRole("button", { name: T.save })).toBeNull();
    expect(screen.queryByRole("button", { name: /Reset to default/ })).toBeNull();
  });
});
