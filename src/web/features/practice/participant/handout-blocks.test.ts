import { describe, expect, it } from "vitest";
import { handoutBlocks } from "./handout-blocks";

describe("handoutBlocks", () => {
  it.each([
    ["empty text", "", []],
    [
      "one paragraph over two lines",
      "Cravings rise\nand fall.",
      [{ kind: "paragraph", text: "Cravings rise and fall." }],
    ],
    [
      "paragraphs split by blank lines (Windows line ends too)",
      "First.\r\n\r\nSecond.",
      [
        { kind: "paragraph", text: "First." },
        { kind: "paragraph", text: "Second." },
      ],
    ],
    [
      "a paragraph followed by a list without a blank line",
      "Try this:\n- Notice the urge\n-  Breathe\nThen write it down.",
      [
        { kind: "paragraph", text: "Try this:" },
        { kind: "list", items: ["Notice the urge", "Breathe"] },
        { kind: "paragraph", text: "Then write it down." },
      ],
    ],
    [
      "a dash without a space is text",
      "-5 degrees outside",
      [{ kind: "paragraph", text: "-5 degrees outside" }],
    ],
  ])("%s", (_, text, expected) => {
    expect(handoutBlocks(text)).toEqual(expected);
  });
});
