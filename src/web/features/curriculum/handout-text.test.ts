import { describe, expect, it } from "vitest";
import { handoutBlocks } from "./handout-text";

describe("handout text", () => {
  it("splits paragraphs on blank lines and gathers '- ' lines into lists", () => {
    expect(
      handoutBlocks("An urge is a wave.\nIt passes.\n\n- Notice it\n- Breathe\nThen decide.\n\n\nLast line."),
    ).toEqual([
      { kind: "paragraph", text: "An urge is a wave. It passes." },
      { kind: "list", items: ["Notice it", "Breathe"] },
      { kind: "paragraph", text: "Then decide." },
      { kind: "paragraph", text: "Last line." },
    ]);
  });

  it("gives nothing for an empty text", () => {
    expect(handoutBlocks("  \n\n ")).toEqual([]);
  });
});
