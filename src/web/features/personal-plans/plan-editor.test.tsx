// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import i18n from "i18next";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  EMPTY_RECOVERY_PLAN,
  EMPTY_SAFETY_PLAN,
  type PersonalPlan,
  type SavePersonalPlanInput,
} from "../../../core/personal-plans/personal-plan.schema";
import { ApiError } from "../../app/api-client";
import { personalPlansEn } from "../../i18n/personal-plans.en";
import { renderWithProviders, setUpDom } from "../../test-support/render-with-providers";
import { PlanEditor } from "./plan-editor";

const T = personalPlansEn;

beforeAll(async () => {
  await setUpDom();
  i18n.addResourceBundle("en", "personalPlans", personalPlansEn, true, true);
});
afterEach(cleanup);

const recoveryPlan = (version: number, triggers: string[]): PersonalPlan => ({
  kind: "recovery",
  version,
  content: { ...EMPTY_RECOVERY_PLAN, triggers },
  updatedAt: "2026-11-20T20:00:00.000Z",
  updatedBy: { kind: "participant", displayName: "Ana Diaz" },
  changedSinceSeen: [],
});

const line = (section: string, number: number) =>
  screen.getByRole("textbox", {
    name: T.editor.line.replace("{{section}}", section).replace("{{number}}", String(number)),
  });
const TRIGGERS = T.sections.recovery.triggers;

describe("PlanEditor", () => {
  it("removes a line, brings it back in its place with Undo, and saves the tidy plan", async () => {
    const onSave = vi.fn(async (input: SavePersonalPlanInput) => ({
      ...recoveryPlan(2, (input.content as typeof EMPTY_RECOVERY_PLAN).triggers),
    }));
    renderWithProviders(
      <PlanEditor
        kind="recovery"
        plan={recoveryPlan(1, ["payday", "parties", "Sundays"])}
        audience="participant"
        onSave={onSave}
      />,
    );

    fireEvent.click(screen.getByRole("button", { name: `Remove line 2 of ${TRIGGERS}` }));
    expect(line(TRIGGERS, 2)).toHaveProperty("value", "Sundays");
    fireEvent.click(screen.getByRole("button", { name: T.editor.undo }));
    expect(line(TRIGGERS, 2)).toHaveProperty("value", "parties");
    expect(line(TRIGGERS, 3)).toHaveProperty("value", "Sundays");

    // A blank new line is not content: it is left out of the save.
    fireEvent.click(screen.getByRole("button", { name: `${T.editor.addLine}: ${TRIGGERS}` }));
    fireEvent.change(line(TRIGGERS, 1), { target: { value: "  payday Fridays " } });
    expect(screen.getByText(T.editor.unsaved)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: T.editor.save }));

    await waitFor(() => expect(screen.getByText(T.editor.saved)).toBeTruthy());
    expect(onSave).toHaveBeenCalledWith({
      kind: "recovery",
      baseVersion: 1,
      content: { ...EMPTY_RECOVERY_PLAN, triggers: ["payday Fridays", "parties", "Sundays"] },
    });
  });

  it("keeps the typed text on a conflict, shows their version, and saves over it when asked", async () => {
    const theirs: PersonalPlan = {
      ...recoveryPlan(3, ["payday", "my old street"]),
      updatedBy: { kind: "staff", displayName: "Alex Kim" },
    };
    const onSave = vi
      .fn<(input: SavePersonalPlanInput) => Promise<PersonalPlan>>()
      .mockRejectedValueOnce(
        new ApiError(409, "PERSONAL_PLAN_EDIT_CONFLICT", "Saved by someone else.", [], { current: theirs }),
      )
      .mockImplementationOnce(async (input) => ({
        ...recoveryPlan(4, (input.content as typeof EMPTY_RECOVERY_PLAN).triggers),
      }));
    renderWithProviders(
      <PlanEditor
        kind="recovery"
        plan={recoveryPlan(2, ["payday"])}
        audience="participant"
        onSave={onSave}
      />,
    );

    fireEvent.change(line(TRIGGERS, 1), { target: { value: "payday and bonuses" } });
    fireEvent.click(screen.getByRole("button", { name: T.editor.save }));

    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText(T.editor.conflictTitle)).toBeTruthy();
    expect(within(alert).getByText(/Alex Kim saved a new version/)).toBeTruthy();
    expect(within(alert).getByText("my old street")).toBeTruthy();
    expect(line(TRIGGERS, 1)).toHaveProperty("value", "payday and bonuses");
    expect(screen.getByRole("button", { name: T.editor.save })).toHaveProperty("disabled", true);

    fireEvent.click(within(alert).getByRole("button", { name: T.editor.keepMine }));
    fireEvent.click(screen.getByRole("button", { name: T.editor.save }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(2));
    expect(onSave.mock.calls[1]![0]).toEqual({
      kind: "recovery",
      baseVersion: 3,
      content: { ...EMPTY_RECOVERY_PLAN, triggers: ["payday and bonuses"] },
    });
  });

  it("takes their version instead when asked", async () => {
    const theirs = recoveryPlan(3, ["my old street"]);
    const onSave = vi.fn(async () => {
      throw new ApiError(409, "PERSONAL_PLAN_EDIT_CONFLICT", "", [], { current: theirs });
    });
    renderWithProviders(
      <PlanEditor kind="recovery" plan={recoveryPlan(2, ["payday"])} audience="staff" onSave={onSave} />,
    );
    fireEvent.change(line(TRIGGERS, 1), { target: { value: "paydays" } });
    fireEvent.click(screen.getByRole("button", { name: T.editor.saveStaff }));
    fireEvent.click(await screen.findByRole("button", { name: T.editor.useTheirs }));
    expect(line(TRIGGERS, 1)).toHaveProperty("value", "my old street");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("lists the crisis lines and the on-call number under the safety plan's professionals, with tap-to-call", () => {
    const plan: PersonalPlan = {
      kind: "safety",
      version: 0,
      content: EMPTY_SAFETY_PLAN,
      updatedAt: null,
      updatedBy: null,
      changedSinceSeen: [],
    };
    renderWithProviders(
      <PlanEditor
        kind="safety"
        plan={plan}
        audience="participant"
        onSave={vi.fn()}
        onCall={{ site: "Riverside", phone: "(555) 010-4400" }}
      />,
    );
    expect(screen.getByRole("link", { name: T.crisisLines.call988 }).getAttribute("href")).toBe("tel:988");
    expect(screen.getByRole("link", { name: T.crisisLines.text988 }).getAttribute("href")).toBe("sms:988");
    expect(screen.getByRole("link", { name: T.crisisLines.call911 }).getAttribute("href")).toBe("tel:911");
    expect(screen.getByRole("link", { name: /Riverside/ }).getAttribute("href")).toBe("tel:5550104400");
  });
});
