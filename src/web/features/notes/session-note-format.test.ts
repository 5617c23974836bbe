import { describe, expect, it } from "vitest";
import { EMPTY_SESSION_NOTE } from "../../../core/notes/note.schema";
import { editorPath, fieldId, sectionsDroppedBySwitch, switchFormat } from "./session-note-format";

const written = {
  ...EMPTY_SESSION_NOTE,
  sections: { data: "Talked about the weekend.", assessment: "Engaged, hopeful.", plan: "Meet Thursday." },
};

describe("switching a note's format", () => {
  it("keeps the assessment and plan from DAP to SOAP and drops only the data section", () => {
    expect(sectionsDroppedBySwitch(written.sections, "DAP", "SOAP")).toEqual(["data"]);
    expect(switchFormat(written, "SOAP").sections).toEqual({
      assessment: "Engaged, hopeful.",
      plan: "Meet Thursday.",
    });
  });

  it("does not warn about sections left blank", () => {
    expect(sectionsDroppedBySwitch({ data: "  ", plan: "Meet Thursday." }, "DAP", "BIRP")).toEqual([]);
  });

  it("keeps only the plan from DAP to BIRP", () => {
    expect(sectionsDroppedBySwitch(written.sections, "DAP", "BIRP")).toEqual(["data", "assessment"]);
    expect(switchFormat(written, "BIRP").sections).toEqual({ plan: "Meet Thursday." });
  });
});

describe("field paths", () => {
  it("reads the server's content paths as the editor's", () => {
    expect(editorPath("content.sections.data")).toBe("sections.data");
    expect(fieldId("content.objectives.0.progress")).toBe("note-objectives-0-progress");
  });
});
