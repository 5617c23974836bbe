// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import i18n from "i18next";
import { Route, Routes } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { MeasurementScheduleView } from "../../../core/assessments/measurement-schedule.schema";
import { assessmentsEn } from "../../i18n/assessments.en";
import { apiCalls, renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith, sessionWith, setUpAdminDom } from "../admin/admin-testing";
import { aScheduleView } from "./due-testing";
import { MeasurementSchedulePage } from "./schedule-settings-page";

const T = assessmentsEn.schedule;

beforeAll(async () => {
  await setUpAdminDom();
  i18n.addResourceBundle("en", "assessments", assessmentsEn, true, true);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const TWO: MeasurementScheduleView = aScheduleView({
  entries: [
    { instrumentKey: "phq9", at: "intake", audience: "any" },
    { instrumentKey: "bam", at: "every_n_days", n: 7, audience: "any" },
  ],
});

type Reply = Parameters<typeof fakeApiWith>[0][string];

function renderEditor(
  permissions = ["settings.manage"],
  put: Reply = (_url, body) => ({ body: { ...(body as object), instruments: TWO.instruments } }),
) {
  const fetchMock = vi.fn(
    fakeApiWith({
      "GET /api/v1/sessions/current": sessionWith(permissions),
      "GET /api/v1/assessments/schedule": { body: TWO },
      "PUT /api/v1/assessments/schedule": put,
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(
    <Routes>
      <Route path="/staff/admin/measurement-schedule" element={<MeasurementSchedulePage />} />
    </Routes>,
    "/staff/admin/measurement-schedule",
  );
  return fetchMock;
}

const puts = (fetchMock: ReturnType<typeof renderEditor>) =>
  apiCalls(fetchMock).filter((c) => c.route === "PUT /api/v1/assessments/schedule");
const entry = (n: number) => screen.getByRole("group", { name: `Entry ${n}` });
const save = () => fireEvent.click(screen.getByRole("button", { name: T.save }));

describe("MeasurementSchedulePage", () => {
  it("shows each scheduled questionnaire with its timing and audience, and the grace days", async () => {
    renderEditor();
    await screen.findByRole("group", { name: "Entry 2" });
    expect((within(entry(1)).getByLabelText(T.instrument) as HTMLSelectElement).value).toBe("phq9");
    expect((within(entry(1)).getByLabelText(T.timing) as HTMLSelectElement).value).toBe("intake");
    expect(within(entry(1)).queryByLabelText(T.everyDays)).toBeNull();
    expect((within(entry(2)).getByLabelText(T.everyDays) as HTMLInputElement).value).toBe("7");
    expect((within(entry(2)).getByLabelText(T.audience) as HTMLSelectElement).value).toBe("any");
    expect((screen.getByLabelText(T.graceDays) as HTMLInputElement).value).toBe("3");
  });

  it("adds and removes entries and saves the schedule with the grace days", async () => {
    const fetchMock = renderEditor();
    await screen.findByRole("group", { name: "Entry 2" });
    fireEvent.click(screen.getByRole("button", { name: T.add }));
    const added = entry(3);
    fireEvent.change(within(added).getByLabelText(T.instrument), { target: { value: "gad7" } });
    fireEvent.change(within(added).getByLabelText(T.timing), { target: { value: "follow_up" } });
    expect((within(added).getByLabelText(T.followUpDays) as HTMLInputElement).value).toBe("30");
    fireEvent.change(within(added).getByLabelText(T.followUpDays), { target: { value: "90" } });
    fireEvent.change(within(added).getByLabelText(T.audience), { target: { value: "adult" } });
    fireEvent.click(screen.getByRole("button", { name: "Remove entry 1" }));
    fireEvent.change(screen.getByLabelText(T.graceDays), { target: { value: "5" } });
    save();
    await waitFor(() => expect(puts(fetchMock)).toHaveLength(1));
    expect(puts(fetchMock)[0]!.body).toEqual({
      entries: [
        { instrumentKey: "bam", at: "every_n_days", n: 7, audience: "any" },
        { instrumentKey: "gad7", at: "follow_up", days: 90, audience: "adult" },
      ],
      graceDays: 5,
    });
    expect(await screen.findByText(T.saved)).toBeTruthy();
  });

  it("names each problem on its field and saves nothing", async () => {
    const fetchMock = renderEditor();
    await screen.findByRole("group", { name: "Entry 2" });
    fireEvent.change(within(entry(2)).getByLabelText(T.everyDays), { target: { value: "400" } });
    fireEvent.click(screen.getByRole("button", { name: T.add }));
    fireEvent.click(screen.getByRole("button", { name: T.add }));
    fireEvent.change(within(entry(4)).getByLabelText(T.instrument), { target: { value: "phq9" } });
    fireEvent.change(screen.getByLabelText(T.graceDays), { target: { value: "45" } });
    save();
    expect(await screen.findByText(T.errors.fixBelow)).toBeTruthy();
    expect(within(entry(2)).getByText("Enter a whole number of days from 1 to 365.")).toBeTruthy();
    expect(within(entry(3)).getByText(T.errors.instrument)).toBeTruthy();
    expect(within(entry(4)).getByText(T.errors.duplicate)).toBeTruthy();
    expect(screen.getByText("Enter a whole number of days from 0 to 30.")).toBeTruthy();
    expect(puts(fetchMock)).toEqual([]);
  });

  it("shows the server's field errors where they belong", async () => {
    renderEditor(["settings.manage"], {
      status: 400,
      body: {
        error: {
          code: "VALIDATION_FAILED",
          message: "Some fields are not valid.",
          fields: [
            { path: "entries.1.instrumentKey", message: "“bam” is not a questionnaire of this program." },
          ],
        },
      },
    });
    await screen.findByRole("group", { name: "Entry 2" });
    save();
    expect(await within(entry(2)).findByText("“bam” is not a questionnaire of this program.")).toBeTruthy();
  });

  it("shows clinicians the schedule without letting them change it", async () => {
    renderEditor(["clinical.view"]);
    expect(await screen.findByText(T.readOnly)).toBeTruthy();
    expect((within(entry(1)).getByLabelText(T.instrument) as HTMLSelectElement).disabled).toBe(true);
    expect(screen.queryByRole("button", { name: T.save })).toBeNull();
    expect(screen.queryByRole("button", { name: T.add })).toBeNull();
  });
});
