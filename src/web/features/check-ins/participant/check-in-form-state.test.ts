import { describe, expect, it } from "vitest";
import {
  EMPTY_CHECK_IN,
  localDay,
  mergeLabels,
  serverFieldErrors,
  toCheckInInput,
  toFormValues,
} from "./check-in-form-state";

const KEY = "6f1c2d3e-4a5b-4c6d-8e7f-000000000001";
const NOW = new Date(2026, 10, 23, 21, 30);
const context = { idempotencyKey: KEY, now: NOW, language: "es" as const };
const answered = { ...EMPTY_CHECK_IN, mood: 4, craving: 7, anyUse: false };

describe("the check-in form as the API takes it", () => {
  it("a minimal answer: the device's day and time, the key, the language, unanswered safety as no", () => {
    const checked = toCheckInInput(answered, context);
    expect(checked).toEqual({
      ok: true,
      input: expect.objectContaining({
        idempotencyKey: KEY,
        checkedInOn: localDay(NOW),
        recordedAt: NOW.toISOString(),
        queuedOffline: false,
        mood: 4,
        craving: 7,
        anyUse: false,
        selfHarmThoughts: false,
        overdose: false,
        language: "es",
      }),
    });
  });

  it.each([
    ["mood", { ...answered, mood: null }],
    ["craving", { ...answered, craving: null }],
    ["anyUse", { ...answered, anyUse: null }],
    ["sleepHours", { ...answered, sleepHours: 6.3 }],
    ["sleepHours", { ...answered, sleepHours: 25 }],
    ["wentWell", { ...answered, wentWell: "x".repeat(501) }],
    ["triggers", { ...answered, triggers: Array.from({ length: 13 }, (_, i) => `t${i}`) }],
  ])("names the field when %s is not right", (field, values) => {
    const checked = toCheckInInput(values, context);
    expect(checked.ok).toBe(false);
    expect(Object.keys(checked.ok ? {} : checked.errors)).toEqual([field]);
  });

  it("use answered no drops substances and detail picked before; yes keeps them", () => {
    const picked = { ...answered, substances: ["alcohol" as const], useDetail: "A beer" };
    const no = toCheckInInput(picked, context);
    expect(no.ok && [no.input.substances, no.input.useDetail]).toEqual([[], ""]);
    const yes = toCheckInInput({ ...picked, anyUse: true }, context);
    expect(yes.ok && [yes.input.substances, yes.input.useDetail]).toEqual([["alcohol"], "A beer"]);
  });

  it("a kept check-in goes back into the form as it was", () => {
    const checked = toCheckInInput({ ...answered, triggers: ["Payday"], selfHarmThoughts: true }, context);
    if (!checked.ok) throw new Error("expected a valid check-in");
    expect(toFormValues(checked.input)).toEqual({
      ...answered,
      triggers: ["Payday"],
      selfHarmThoughts: true,
      overdose: false,
    });
  });
});

describe("helpers", () => {
  it("the device's own day, not UTC's", () => {
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe("2026-01-05");
  });

  it("server field errors by their top field, first message kept", () => {
    expect(
      serverFieldErrors([
        { path: "triggers.2", message: "Too long." },
        { path: "triggers.3", message: "Also too long." },
        { path: "mood", message: "0 to 10." },
      ]),
    ).toEqual({ triggers: "Too long.", mood: "0 to 10." });
  });

  it("labels merged case-insensitively, in order, blanks dropped", () => {
    expect(mergeLabels(["Payday", "Old friends"], ["payday ", "Bars"], ["", "  "], ["bars"])).toEqual([
      "Payday",
      "Old friends",
      "Bars",
    ]);
  });
});
