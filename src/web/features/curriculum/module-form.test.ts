import { describe, expect, it } from "vitest";
import { aModule } from "../../../core/curriculum/curriculum.test-data";
import { draftErrors, emptyModuleDraft, outlineMinutes, serverFieldErrors, setAtPath } from "./module-form";

describe("module form", () => {
  it("replaces a value deep in the draft without changing the original", () => {
    const draft = emptyModuleDraft();
    const next = setAtPath(draft, "goals.0.es", "Nombrar un disparador");
    expect(next.goals[0]).toEqual({ en: "", es: "Nombrar un disparador" });
    expect(draft.goals[0]).toEqual({ en: "", es: "" });
    expect(setAtPath(draft, "outline.teaching.minutes", 40).outline.teaching.minutes).toBe(40);
  });

  it("names each empty field of a new module, in English and Spanish, and none of a valid one", () => {
    const errors = draftErrors(emptyModuleDraft());
    expect(errors["title.en"]).toBe("The title (English) is required.");
    expect(errors["title.es"]).toBe("The title (Spanish) is required.");
    expect(errors["outline.teaching.points.1.es"]).toBe("A teaching point (Spanish) is required.");
    expect(errors.key).toBeDefined();
    expect(draftErrors(aModule("valid-one"))).toEqual({});
  });

  it("says when the outline does not add up to the session's length", () => {
    const draft = { ...aModule("sums"), durationMinutes: 60 };
    expect(outlineMinutes(draft)).toBe(90);
    expect(draftErrors(draft).durationMinutes).toBe(
      "The outline's minutes must add up to the session's length.",
    );
  });

  it("puts the server's field errors on the form's fields", () => {
    expect(
      serverFieldErrors([
        { path: "module.skills.0.key", message: "Taken" },
        { path: "baseVersion", message: "Conflict" },
      ]),
    ).toEqual({ "skills.0.key": "Taken", baseVersion: "Conflict" });
  });
});
